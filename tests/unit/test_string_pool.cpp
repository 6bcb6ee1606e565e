// The string pool on the reader's hot path: dense ids in order of first appearance, its inline comparison
// (same_text, word loads of every length) and the recent-strings cache in front of it.
#include "tabiji/string_pool.hpp"

#include <doctest/doctest.h>

#include <string>
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
}
