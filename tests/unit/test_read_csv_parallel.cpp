// The multi-threaded CSV reader must give exactly the one-thread result: same log, same report, same
// errors at the same positions — including when cuts land near quoted fields that hold newlines.
#include "tabiji/error.hpp"
#include "tabiji/generate.hpp"
#include "tabiji/log_merge.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/read_csv_parallel.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace tabiji;

namespace {

void check_same(const EventLog& a, const EventLog& b) {
    REQUIRE(a.num_cases() == b.num_cases());
    REQUIRE(a.num_activities() == b.num_activities());
    CHECK(a.case_offsets == b.case_offsets);
    CHECK(a.time == b.time);
    bool names_same = true, cases_same = true, acts_same = true;
    for (uint32_t x = 0; x < a.num_activities(); ++x)
        names_same &= a.activities.view(x) == b.activities.view(x);
    for (uint32_t c = 0; c < a.num_cases(); ++c) cases_same &= a.cases.view(c) == b.cases.view(c);
    // Activity ids may be numbered differently only if names differ; compare by name per event.
    for (uint64_t i = 0; i < a.num_events(); ++i)
        acts_same &= a.activities.view(a.activity[i]) == b.activities.view(b.activity[i]);
    CHECK(names_same);
    CHECK(cases_same);
    CHECK(acts_same);
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_SUITE("read_csv_parallel") {
    TEST_CASE("generated journeys: 2, 3 and 7 parts equal one thread") {
        GenerateOptions g;
        g.max_events = 20000; // ~1.2 MB, interleaved by time: customers span every part
        g.seed = 3;
        const std::string csv = generate_journeys_to_string(g);
        ReadReport one;
        const EventLog seq = read_csv(csv, "g.csv", {}, &one);
        for (unsigned threads : {2u, 3u, 7u}) {
            CAPTURE(threads);
            ReadReport many;
            const EventLog par = read_csv_parallel(csv, "g.csv", {}, threads, &many, 1000);
            check_same(seq, par);
            CHECK(many.records == one.records);
            CHECK(many.events == one.events);
            CHECK(many.case_column == one.case_column);
        }
    }

    TEST_CASE("quoted fields with newlines and quotes around every cut") {
        std::string csv = "case,activity,time,note\n";
        for (int i = 0; i < 4000; ++i) {
            csv += "c" + std::to_string(i % 37) + ",a" + std::to_string(i % 5) +
                   ",2024-01-01T00:00:" + std::to_string(10 + i % 50) + "Z,";
            csv += i % 3 == 0 ? "\"multi\nline \"\"quoted\"\"\n\"\n" : "plain\n";
        }
        const EventLog seq = read_csv(csv, "q.csv", {});
        for (unsigned threads : {2u, 4u, 9u})
            check_same(seq, read_csv_parallel(csv, "q.csv", {}, threads, nullptr, 100));
    }

    TEST_CASE("errors are the sequential reader's, at the same line and column") {
        std::string csv = "case,activity,time\n";
        for (int i = 0; i < 3000; ++i) csv += "c" + std::to_string(i % 11) + ",a,2024-01-01T00:00:00Z\n";
        csv += "c1,b,not-a-time\n";
        for (int i = 0; i < 3000; ++i) csv += "c2,a,2024-01-01T00:00:00Z\n";
        const std::string seq = error_of([&] { read_csv(csv, "e.csv", {}); });
        const std::string par = error_of([&] { read_csv_parallel(csv, "e.csv", {}, 4, nullptr, 100); });
        CHECK(seq.rfind("e.csv:3002:6:", 0) == 0);
        CHECK(par == seq);

        CsvOptions lenient;
        lenient.strict = false;
        ReadReport r1, r2;
        check_same(read_csv(csv, "e.csv", lenient, &r1),
                   read_csv_parallel(csv, "e.csv", lenient, 4, &r2, 100));
        CHECK(r2.skipped_bad_records == 1);
        REQUIRE(r2.examples.size() == 1);
        CHECK(r2.examples[0].line == r1.examples[0].line);
    }

    // Without timestamps each case keeps file order, so a case found in several parts is joined part after
    // part (no merge by time).
    TEST_CASE("no timestamp column: 2, 3 and 5 parts equal one thread, cases in file order") {
        std::string csv = "case,activity\n";
        for (int i = 0; i < 5000; ++i)
            csv += "c" + std::to_string(i % 17) + ",a" + std::to_string((i * 7) % 11) + "\n";
        const EventLog seq = read_csv(csv, "n.csv", {});
        REQUIRE_FALSE(seq.has_time);
        REQUIRE(seq.num_cases() == 17);
        CHECK(seq.activities.view(seq.activity[seq.case_begin(1)]) == "a7");     // file row 1
        CHECK(seq.activities.view(seq.activity[seq.case_begin(1) + 1]) == "a5"); // file row 18
        for (unsigned threads : {2u, 3u, 5u}) {
            CAPTURE(threads);
            check_same(seq, read_csv_parallel(csv, "n.csv", {}, threads, nullptr, 100));
        }
    }

    // Line ends are counted only before parts that have problems to show; parts without any in between
    // must still be counted.
    TEST_CASE("lenient: problems in parts 1, 3 and 4 of 4 keep their lines in the file") {
        std::string csv = "case,activity,time\n";
        for (int i = 0; i < 6000; ++i) {
            const bool bad = i == 100 || i == 3900 || i == 4000 || i == 5800;
            csv += "c" + std::to_string(i % 13) + ",a," + (bad ? "later" : "2024-01-01T00:00:00Z") + "\n";
        }
        CsvOptions lenient;
        lenient.strict = false;
        ReadReport r1, r2;
        check_same(read_csv(csv, "p.csv", lenient, &r1),
                   read_csv_parallel(csv, "p.csv", lenient, 4, &r2, 100));
        REQUIRE(r1.examples.size() == 4);
        CHECK(r1.examples[0].line == 102);
        CHECK(r1.examples[3].line == 5802);
        REQUIRE(r2.examples.size() == r1.examples.size());
        for (size_t k = 0; k < r1.examples.size(); ++k) {
            CAPTURE(k);
            CHECK(r2.examples[k].line == r1.examples[k].line);
            CHECK(r2.examples[k].column == r1.examples[k].column);
        }
    }

    // Found by bench/fuzz (fuzz_csv_parallel): a NUL byte in the header was replaced and counted by every
    // part's reader (each is fed the header), so lenient reports counted it once per part.
    TEST_CASE("fuzz finding: invalid or NUL bytes in the header are counted once") {
        for (const std::string& bad : {std::string("\0", 1), std::string("\xFF")}) {
            std::string csv = "case,activity,time,x" + bad + "y\n";
            for (int i = 0; i < 300; ++i)
                csv += "c" + std::to_string(i % 7) + ",a" + bad + ",2024-01-01T00:00:00Z,v\n";
            CsvOptions lenient;
            lenient.strict = false;
            lenient.encoding = Encoding::utf8; // 0xFF alone would otherwise make the text CP932
            ReadReport r1, r2;
            check_same(read_csv(csv, "h.csv", lenient, &r1),
                       read_csv_parallel(csv, "h.csv", lenient, 4, &r2, 100));
            CHECK(r1.replaced_bytes == 301);
            CHECK(r2.replaced_bytes == r1.replaced_bytes);
            CHECK(r2.problem_counts == r1.problem_counts);
        }
    }

    TEST_CASE("merge_logs: cases in first-appearance order, ties keep the earlier part first") {
        // Part 1: x:A@10, y:B@5 ; part 2: x:C@10 (tie with A), x:D@1, z:E@0.
        const EventLog first =
            read_csv("case,activity,time\nx,A,1970-01-01T00:00:10Z\ny,B,1970-01-01T00:00:05Z\n", "m", {});
        const EventLog second = read_csv("case,activity,time\nx,C,1970-01-01T00:00:10Z\nx,D,1970-01-01T00:00:"
                                         "01Z\nz,E,1970-01-01T00:00:00Z\n",
                                         "m", {});
        const EventLog m = merge_logs(
            read_csv("case,activity,time\nx,A,1970-01-01T00:00:10Z\ny,B,1970-01-01T00:00:05Z\n", "m", {}),
            second);
        const EventLog whole =
            read_csv("case,activity,time\nx,A,1970-01-01T00:00:10Z\ny,B,1970-01-01T00:00:05Z\n"
                     "x,C,1970-01-01T00:00:10Z\nx,D,1970-01-01T00:00:01Z\nz,E,1970-01-01T00:00:00Z\n",
                     "m", {});
        check_same(whole, m);
        // x: D@1, A@10, C@10 (A before C: file order on the tie).
        std::string x;
        for (uint64_t i = m.case_begin(0); i < m.case_end(0); ++i) x += m.activities.view(m.activity[i]);
        CHECK(x == "DAC");
        CHECK(m.cases.view(2) == "z");
        CHECK(first.num_cases() == 2);
    }
}

TEST_SUITE("read_csv_parallel") {
    TEST_CASE("attributes: parts typed once after merging equal one thread") {
        // Part-local evidence would differ: "score" is integer in early rows and real later; "segment" is
        // constant per case only across the whole file; "late" has values only near the end.
        std::string csv = "case,activity,time,segment,score,late,case:region\n";
        for (int i = 0; i < 6000; ++i) {
            const int c = i % 53;
            csv += "c" + std::to_string(c) + ",a" + std::to_string(i % 7) +
                   ",2024-01-01T00:" + std::to_string(10 + (i / 60) % 50) + ":" +
                   std::to_string(10 + i % 50) + "Z,seg" + std::to_string(c % 4) + "," +
                   (i < 5000 ? std::to_string(i % 9) : "2.5") + "," +
                   (i > 5900 ? "x" + std::to_string(i % 3) : "") + "," +
                   (i % 5 ? "" : "r" + std::to_string(i % 2)) + "\n";
        }
        ReadReport one;
        const EventLog seq = read_csv(csv, "a.csv", {}, &one);
        for (unsigned threads : {2u, 3u, 5u}) {
            CAPTURE(threads);
            const EventLog par = read_csv_parallel(csv, "a.csv", {}, threads, nullptr, 1000);
            check_same(seq, par);
            REQUIRE(par.event_attributes.size() == seq.event_attributes.size());
            REQUIRE(par.case_attributes.size() == seq.case_attributes.size());
            auto same_columns = [](const std::vector<AttributeColumn>& x,
                                   const std::vector<AttributeColumn>& y) {
                for (size_t k = 0; k < x.size(); ++k) {
                    CAPTURE(x[k].name);
                    CHECK(x[k].name == y[k].name);
                    CHECK(x[k].type == y[k].type);
                    CHECK(x[k].rows == y[k].rows);
                    CHECK(x[k].valid == y[k].valid);
                    bool same = true;
                    for (uint64_t r = 0; r < x[k].rows; ++r) same &= x[k].text(r) == y[k].text(r);
                    CHECK(same);
                }
            };
            same_columns(seq.event_attributes, par.event_attributes);
            same_columns(seq.case_attributes, par.case_attributes);
        }
        CHECK(seq.case_attribute("segment"));
        CHECK(seq.case_attribute("case:region"));
        CHECK(seq.event_attribute("score")->type == AttrType::real);
    }
}
