// The string pool on the reader's hot path: dense ids in order of first appearance, its inline comparison
// (same_text, word loads of every length), the recent-strings cache in front of it, and batched interning
// (as the log builder does it for case ids).
#include "tabiji/event_log.hpp"
#include "tabiji/string_pool.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

using namespace tabiji;

TEST_SUITE("string_pool") {
    TEST_CASE("same_text is == for every length and every differing byte") {
        for (size_t n = 0; n <= 40; ++n) {
            std::string a(n, 'x');
            for (size_t k = 0; k < n; ++k) a[k] = char('a' + (k * 7) % 26);
            const std::string same = a;
            CAPTURE(n);
            CHECK(same_text(a, same));
            CHECK_FALSE(same_text(a, a + "y"));
            if (n) CHECK_FALSE(same_text(a, std::string_view(a).substr(1)));
            for (size_t k = 0; k < n; ++k) {
                std::string b = a;
                b[k] = char(b[k] ^ 0x20);
                CAPTURE(k);
                CHECK_FALSE(same_text(a, b));
            }
        }
    }

    TEST_CASE("ids are dense, in order of first appearance, and found again") {
        StringPool pool;
        std::vector<std::string> texts;
        for (int i = 0; i < 5000; ++i) texts.push_back("C" + std::to_string(i * 7919 % 100003));
        for (size_t i = 0; i < texts.size(); ++i) CHECK(pool.intern(texts[i]) == i);
        for (size_t i = 0; i < texts.size(); ++i) {
            CHECK(pool.intern(texts[i]) == i);
            CHECK(pool.find(texts[i]) == i);
            CHECK(pool.view(uint32_t(i)) == texts[i]);
        }
        CHECK(pool.find("absent") == StringPool::npos);
        CHECK(pool.size() == texts.size());
    }

    TEST_CASE("the recent-strings cache returns the pool's ids, also when texts share a cache entry") {
        StringPool pool;
        RecentStrings recent;
        // Same length and end bytes: the same cache entry, different texts.
        const std::vector<std::string> texts = {"axa", "aya", "aza", "axa", "", "aya", "b", "axa"};
        std::vector<uint32_t> ids;
        for (const auto& t : texts) ids.push_back(recent.intern(pool, t));
        for (size_t i = 0; i < texts.size(); ++i) {
            CAPTURE(i);
            CHECK(pool.view(ids[i]) == texts[i]);
            CHECK(ids[i] == pool.find(texts[i]));
        }
        CHECK(ids[0] == ids[3]);
        CHECK(ids[0] == ids[7]);
        CHECK(ids[1] == ids[5]);
        CHECK(pool.size() == 5); // axa aya aza "" b
    }

    TEST_CASE("a batch interns as the same calls one by one: repeats inside it, empty texts, growth") {
        // Texts with repeats near and far, the empty text, and enough distinct ones to grow the index
        // inside a batch's reservation several times; batches of 1 to 2 kBatch + 1 strings (several blocks).
        std::vector<std::string> texts;
        for (int i = 0; i < 20000; ++i)
            texts.push_back(i % 11 == 0 ? "" : "C" + std::to_string((i * 7919) % 6007));
        StringPool one, batched;
        std::vector<uint32_t> expected, got(texts.size());
        for (const auto& t : texts) expected.push_back(one.intern(t));
        std::vector<std::string_view> views(texts.begin(), texts.end());
        for (size_t at = 0, n = 1; at < views.size(); at += n, n = n % (2 * StringPool::kBatch + 1) + 1)
            batched.intern_batch(views.data() + at, std::min(n, views.size() - at), got.data() + at);
        CHECK(got == expected);
        REQUIRE(batched.size() == one.size());
        for (uint32_t id = 0; id < one.size(); ++id) CHECK(batched.view(id) == one.view(id));
    }

    TEST_CASE(
        "strings of every size come back whole: across 64 KiB blocks, longer than a block, over 16 MiB") {
        // Where a string lies is kept in 8 bytes (block, offset, length up to 2^24 - 2); longer strings keep
        // their length in their block.
        StringPool pool;
        std::vector<std::string> texts;
        for (size_t n :
             {size_t(1), size_t(7), size_t(65535), size_t(3), size_t(65536), size_t(65537), size_t(40000),
              size_t(40000), size_t(16777214), size_t(16777215), size_t(16777216), size_t(2), size_t(0)})
            texts.push_back(std::string(n, char('a' + texts.size() % 26)) + (n > 5 ? "#" : ""));
        for (int i = 0; i < 3000; ++i) texts.push_back("k" + std::to_string(i * 37)); // many blocks' worth
        std::vector<uint32_t> ids;
        for (const auto& t : texts) ids.push_back(pool.intern(t));
        size_t wrong = 0;
        for (size_t k = 0; k < texts.size(); ++k) {
            wrong += pool.view(ids[k]) != texts[k];
            wrong += pool.find(texts[k]) != ids[k];
        }
        CHECK(wrong == 0);
        CHECK(pool.view(ids[12]).empty());
    }

    TEST_CASE("an index released and rebuilt finds every id, and interning goes on from the last id") {
        StringPool pool;
        std::vector<std::string> texts;
        for (int i = 0; i < 5000; ++i) texts.push_back(i % 97 == 0 ? "" : "id" + std::to_string(i * 31));
        for (const auto& t : texts) pool.intern(t);
        const uint32_t size = pool.size();
        pool.release_index();
        CHECK(pool.view(size - 1) == texts.back()); // views stay
        pool.rebuild_index();
        size_t wrong = 0;
        for (uint32_t id = 0; id < size; ++id) wrong += pool.find(pool.view(id)) != id;
        for (const auto& t : texts) wrong += pool.intern(t) >= size;
        CHECK(wrong == 0);
        CHECK(pool.size() == size);
        CHECK(pool.find("never") == StringPool::npos);
        CHECK(pool.intern("new") == size);
        StringPool empty;
        empty.release_index();
        empty.rebuild_index();
        CHECK(empty.intern("a") == 0);
        CHECK(empty.find("a") == 0);
    }

    TEST_CASE("the log builder numbers cases in order of first appearance, whichever way they are added") {
        // add_case_text interns at once while the case table is small and in batches once it is big (past
        // 65,536 cases); add and add_ids in between must not jump the queue of a pending batch.
        constexpr int kEvents = 300000;
        auto case_of = [](int i) { return "case" + std::to_string(uint64_t(i) * 7919 % 150001); };
        EventLogBuilder b("mixed");
        std::unordered_map<std::string, uint32_t> first; // case id -> number, in order of first appearance
        std::vector<uint64_t> per_case;
        auto note = [&](const std::string& c, int events) {
            auto [it, added] = first.emplace(c, uint32_t(first.size()));
            if (added) per_case.push_back(0);
            per_case[it->second] += uint64_t(events);
        };
        for (int i = 0; i < kEvents; ++i) {
            const std::string c = case_of(i), before = case_of(i / 2);
            if (i % 997 == 5) {
                note(c, 1);
                b.add(c, "direct", i);
            } else if (i % 991 == 7) {
                // A number taken first, then a pending event, then add_ids with that number.
                note(before, 0);
                const uint32_t number = b.cases().intern(before);
                note(c, 1);
                b.add_case_text(c, b.activities().intern("deferred"), i);
                note(before, 1);
                b.add_ids(number, b.activities().intern("ids"), i);
            } else {
                note(c, i % 3 == 0 ? 2 : 1); // every third case a run of two events
                b.add_case_text(c, b.activities().intern("deferred"), i);
                if (i % 3 == 0) b.add_case_text(c, b.activities().intern("again"), i);
            }
        }
        const EventLog log = b.finish();
        REQUIRE(log.num_cases() == first.size());
        CHECK(log.num_cases() > 65536 * 3 / 2);
        size_t wrong_number = 0, wrong_count = 0;
        for (const auto& [id, number] : first) {
            wrong_number += log.cases.find(id) != number;
            wrong_count += log.case_end(number) - log.case_begin(number) != per_case[number];
        }
        CHECK(wrong_number == 0);
        CHECK(wrong_count == 0);
    }
}
