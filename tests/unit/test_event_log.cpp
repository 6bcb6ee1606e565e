// The log builder's ordering rule (event_log.hpp) on logs big enough for finish() to reorder them over many
// windows, checked against a plain stable sort; and the chunks the builder keeps its rows in.
#include "tabiji/chunk_pool.hpp"
#include "tabiji/event_log.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

using namespace tabiji;

namespace {

struct Event {
    std::string case_id;
    uint32_t activity;
    Micros time;
};

// The ordering rule written the obvious way: cases numbered by first appearance, then a stable sort by
// (case number, time), so equal times keep file order. Returns the file rows in final order.
std::vector<uint32_t> expected_order(const std::vector<Event>& events, bool by_time) {
    std::unordered_map<std::string, uint32_t> number;
    std::vector<uint32_t> case_of(events.size());
    for (size_t i = 0; i < events.size(); ++i)
        case_of[i] = number.emplace(events[i].case_id, uint32_t(number.size())).first->second;
    std::vector<uint32_t> rows(events.size());
    std::iota(rows.begin(), rows.end(), 0u);
    std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
        if (case_of[a] != case_of[b]) return case_of[a] < case_of[b];
        return by_time && events[a].time < events[b].time;
    });
    return rows;
}

// Customers who come and go over the file, as in a real export: each event picks one of the ~2,000 cases
// open at that point; times are coarse (many ties) and often out of order inside a case.
std::vector<Event> random_events(size_t n, uint32_t seed) {
    std::mt19937 rng(seed);
    std::vector<Event> events;
    events.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        const uint64_t open_from = i / 4;
        const uint64_t c = open_from + rng() % 2000;
        events.push_back({"cust-" + std::to_string(c * 2654435761u % 1000003), uint32_t(rng() % 40),
                          Micros(1700000000000000) + Micros(rng() % 50) * 1000000});
    }
    return events;
}

} // namespace

TEST_SUITE("event_log") {
    TEST_CASE("events land in the rule's order over many reorder windows, attributes with them") {
        const size_t n = 250003; // several windows of 2^15 final positions, the last one partial
        const std::vector<Event> events = random_events(n, 7);
        for (const bool deferred : {false, true}) {
            CAPTURE(deferred);
            EventLogBuilder b("big");
            const uint32_t row_column = b.attribute("row", AttrLevel::event);
            for (size_t i = 0; i < n; ++i) {
                const Event& e = events[i];
                const uint32_t activity = b.activities().intern("A" + std::to_string(e.activity));
                if (deferred) {
                    b.add_case_text(e.case_id, activity, e.time);
                } else {
                    b.add_ids(b.cases().intern(e.case_id), activity, e.time);
                }
                b.set_text(row_column, std::to_string(i));
            }
            const EventLog log = b.finish();
            const std::vector<uint32_t> rows = expected_order(events, true);
            REQUIRE(log.num_events() == n);
            const AttributeColumn* row = log.event_attribute("row");
            REQUIRE(row);
            size_t wrong_row = 0, wrong_activity = 0, wrong_time = 0, wrong_case = 0;
            for (uint64_t k = 0; k < n; ++k) {
                const Event& e = events[rows[k]];
                wrong_row += row->ints[k] != int64_t(rows[k]);
                wrong_activity += log.activities.view(log.activity[k]) != "A" + std::to_string(e.activity);
                wrong_time += log.time[k] != e.time;
            }
            for (uint32_t c = 0; c < log.num_cases(); ++c)
                for (uint64_t k = log.case_begin(c); k < log.case_end(c); ++k)
                    wrong_case += log.cases.view(c) != events[rows[k]].case_id;
            CHECK(wrong_row == 0);
            CHECK(wrong_activity == 0);
            CHECK(wrong_time == 0);
            CHECK(wrong_case == 0);
            CHECK(log.case_offsets.front() == 0);
            CHECK(log.case_offsets.back() == n);
            // The case index works after the reorder: every id is found, and a new one is numbered next.
            size_t not_found = 0;
            for (uint32_t c = 0; c < log.num_cases(); ++c)
                not_found += log.cases.find(log.cases.view(c)) != c;
            CHECK(not_found == 0);
        }
    }

    TEST_CASE("without timestamps, each case keeps file order") {
        std::vector<Event> events = random_events(70001, 11);
        EventLogBuilder b("no-time");
        for (auto& e : events) {
            e.time = kNoTime;
            b.add(e.case_id, std::to_string(e.activity), kNoTime);
        }
        const EventLog log = b.finish();
        CHECK_FALSE(log.has_time);
        const std::vector<uint32_t> rows = expected_order(events, false);
        size_t wrong = 0;
        for (uint64_t k = 0; k < log.num_events(); ++k)
            wrong += log.activities.view(log.activity[k]) != std::to_string(events[rows[k]].activity);
        CHECK(wrong == 0);
    }

    TEST_CASE("an empty builder gives an empty log") {
        EventLogBuilder b("empty");
        const EventLog log = b.finish();
        CHECK(log.num_events() == 0);
        CHECK(log.num_cases() == 0);
        CHECK(log.case_offsets == std::vector<uint64_t>{0});
    }

    TEST_CASE("a chunk sequence keeps values in order across chunks, and a pool reuses chunks handed over") {
        ChunkPool pool;
        ChunkSeq<uint64_t> seq;
        const size_t n = 3 * ChunkSeq<uint64_t>::kPerChunk + 17;
        for (uint64_t i = 0; i < n; ++i) seq.push_back(i * i, pool);
        REQUIRE(seq.size() == n);
        REQUIRE(seq.num_chunks() == 4);
        size_t wrong = 0, seen = 0;
        for (uint64_t i = 0; i < n; ++i) wrong += seq[i] != i * i;
        for (size_t k = 0; k < seq.num_chunks(); ++k)
            for (size_t i = 0; i < seq.chunk_size(k); ++i, ++seen) wrong += seq.chunk(k)[i] != seen * seen;
        CHECK(wrong == 0);
        CHECK(seen == n);
        CHECK(seq.chunk_size(3) == 17);
        const void* first = seq.chunk(0);
        seq.hand_over(0, pool);
        ChunkSeq<uint64_t> next;
        next.push_back(42, pool);
        CHECK(static_cast<const void*>(next.chunk(0)) == first); // the chunk handed over, not a new one
        CHECK(next[0] == 42);
        seq.clear();
        CHECK(seq.size() == 0);
        CHECK(seq.num_chunks() == 0);
    }
}
