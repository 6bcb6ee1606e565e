// Tests of the journey generator: determinism, the committed samples, CSV shape, the catalog, time order,
// opening hours, --events, and that the model's shares stay plausible.
#include "tabiji/generate.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace tabiji;
using namespace tabiji::gen;

namespace {

// The commands documented in samples/README.md.
constexpr uint64_t kSampleCustomers = 3000, kSampleSeed = 7;
const std::string kSampleCommandEn = "tabiji generate --customers 3000 --seed 7 -o samples/journeys_en.csv";
const std::string kSampleCommandJa =
    "tabiji generate --lang ja --customers 3000 --seed 7 -o samples/journeys_ja.csv";

GenerateOptions sample_options(GenerateLang lang) {
    GenerateOptions o;
    o.customers = kSampleCustomers;
    o.seed = kSampleSeed;
    o.lang = lang;
    return o;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// One RFC 4180 record on one line (the generator never writes line breaks inside fields).
std::vector<std::string> split_record(std::string_view line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                fields.back() += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                fields.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

Table parse(const std::string& text) {
    Table t;
    std::istringstream in(text);
    std::string line;
    bool first = true;
    while (std::getline(in, line)) {
        if (first)
            t.header = split_record(line), first = false;
        else
            t.rows.push_back(split_record(line));
    }
    return t;
}

enum Col { kId, kTouchpoint, kTime, kChannel, kSegment, kReason, kCsat };

int hour_of(const JourneyEvent& e) {
    return static_cast<int>(e.time % 86400 / 3600);
}

bool has(const Customer& c, Touchpoint t) {
    return std::any_of(c.events.begin(), c.events.end(),
                       [&](const JourneyEvent& e) { return e.touchpoint == t; });
}

size_t count(const Customer& c, Touchpoint t) {
    return static_cast<size_t>(std::count_if(c.events.begin(), c.events.end(),
                                             [&](const JourneyEvent& e) { return e.touchpoint == t; }));
}

} // namespace

TEST_SUITE("generate") {

    TEST_CASE("same options give the same bytes; another seed gives other bytes") {
        GenerateOptions o;
        o.customers = 400;
        o.seed = 42;
        const std::string a = generate_journeys_to_string(o);
        CHECK(a == generate_journeys_to_string(o));
        o.seed = 43;
        CHECK(a != generate_journeys_to_string(o));

        // The sink sees the same bytes however they are chunked, and the summary counts them.
        o.seed = 42;
        std::string joined;
        size_t chunks = 0;
        GenerateSummary s = generate_journeys(o, [&](std::string_view chunk) { joined += chunk, ++chunks; });
        CHECK(joined == a);
        CHECK(chunks >= 1);
        CHECK(s.bytes == a.size());
        CHECK(s.events + 1 == static_cast<uint64_t>(std::count(a.begin(), a.end(), '\n')));
        CHECK(s.customers <= 400);
        CHECK(s.customers >= 390); // only customers starting in the last hours can fall outside the period
    }

    TEST_CASE("the committed samples are what the documented commands make now") {
        const std::string dir = std::string(TABIJI_SOURCE_DIR) + "/samples/";
        const std::string readme = read_file(dir + "README.md");
        CHECK_MESSAGE(readme.find(kSampleCommandEn) != std::string::npos,
                      "README must show: " << kSampleCommandEn);
        CHECK_MESSAGE(readme.find(kSampleCommandJa) != std::string::npos,
                      "README must show: " << kSampleCommandJa);
        const bool en_same = read_file(dir + "journeys_en.csv") ==
                             generate_journeys_to_string(sample_options(GenerateLang::en));
        const bool ja_same = read_file(dir + "journeys_ja.csv") ==
                             generate_journeys_to_string(sample_options(GenerateLang::ja));
        CHECK_MESSAGE(en_same, "samples/journeys_en.csv is stale: run " << kSampleCommandEn);
        CHECK_MESSAGE(ja_same, "samples/journeys_ja.csv is stale: run " << kSampleCommandJa);
    }

    TEST_CASE("CSV shape: header, field count, LF endings, quoting") {
        const std::string text = generate_journeys_to_string(sample_options(GenerateLang::en));
        CHECK(text.find('\r') == std::string::npos);
        REQUIRE(!text.empty());
        CHECK(text.back() == '\n');
        CHECK(text.substr(0, text.find('\n')) == header_line(GenerateLang::en));
        const Table t = parse(text);
        REQUIRE(t.header.size() == 7);
        REQUIRE(t.rows.size() > 5000);
        bool quoted_reason = false;
        for (const auto& r : t.rows) {
            REQUIRE(r.size() == t.header.size());
            quoted_reason |= r[kReason] == "Returns, exchanges";
        }
        CHECK(quoted_reason); // a field with the separator went through quoting and back
    }

    TEST_CASE(
        "every touchpoint is in the catalog with its channel; reasons and CSAT only where they belong") {
        for (GenerateLang lang : {GenerateLang::en, GenerateLang::ja}) {
            std::map<std::string, Channel> catalog;
            for (int i = 0; i < kNumTouchpoints; ++i)
                catalog[std::string(touchpoint_name(static_cast<Touchpoint>(i), lang))] =
                    touchpoints()[i].channel;
            REQUIRE(catalog.size() == static_cast<size_t>(kNumTouchpoints)); // names are distinct
            std::set<std::string> segments, reasons;
            for (int i = 0; i < kNumSegments; ++i)
                segments.insert(std::string(segment_name(static_cast<Segment>(i), lang)));
            for (int i = 0; i < kNumReasons; ++i)
                reasons.insert(std::string(reason_name(static_cast<Reason>(i), lang)));

            const Table t = parse(generate_journeys_to_string(sample_options(lang)));
            std::set<std::string> seen;
            for (const auto& r : t.rows) {
                auto it = catalog.find(r[kTouchpoint]);
                REQUIRE_MESSAGE(it != catalog.end(), "unknown touchpoint " << r[kTouchpoint]);
                CHECK(r[kChannel] == channel_code(it->second));
                CHECK(segments.count(r[kSegment]) == 1);
                CHECK(reasons.count(r[kReason]) == 1);
                CHECK(r[kReason].empty() != is_contact_channel(it->second));
                if (!r[kCsat].empty()) {
                    CHECK((r[kCsat].size() == 1 && r[kCsat][0] >= '1' && r[kCsat][0] <= '5'));
                    const Channel ch = it->second;
                    CHECK((ch == Channel::phone || ch == Channel::human_chat || ch == Channel::chatbot));
                }
                seen.insert(r[kTouchpoint]);
            }
            CHECK(seen.size() == static_cast<size_t>(kNumTouchpoints)); // the sample shows the whole catalog
        }
    }

    TEST_CASE("the Japanese sample speaks Japanese, on the same journeys as the English one") {
        const std::string ja = generate_journeys_to_string(sample_options(GenerateLang::ja));
        CHECK(ja.substr(0, ja.find('\n')) ==
              "顧客ID,タッチポイント,日時,チャネル,セグメント,問い合わせ理由,CSAT");
        for (const char* word :
             {"店舗", "ECサイト", "公式Webサイト", "SNS", "コールセンター", "チャットボット", "有人チャット",
              "FAQ", "メール", "TVCM", "新規", "プレミアム", "配送", "請求・支払い", "+09:00"})
            CHECK_MESSAGE(ja.find(word) != std::string::npos, "missing " << word);
        const Table tj = parse(ja), te = parse(generate_journeys_to_string(sample_options(GenerateLang::en)));
        REQUIRE(tj.rows.size() == te.rows.size());
        for (size_t i = 0; i < tj.rows.size(); ++i) {
            CHECK(tj.rows[i][kId] == te.rows[i][kId]);
            CHECK(tj.rows[i][kTime].substr(0, 19) == te.rows[i][kTime].substr(0, 19)); // same local time
            CHECK(tj.rows[i][kChannel] == te.rows[i][kChannel]);
        }
    }

    TEST_CASE("rows are in time order overall and per customer, inside the period") {
        GenerateOptions o;
        o.customers = 2000;
        o.seed = 3;
        o.days = 10;
        o.start_date = "2024-02-27"; // crosses a leap day and a month end
        const Table t = parse(generate_journeys_to_string(o));
        std::map<std::string, std::string> last; // customer -> previous timestamp
        std::string previous;
        std::set<std::string> dates;
        for (const auto& r : t.rows) {
            const std::string& ts = r[kTime]; // fixed width, one offset: text order is time order
            REQUIRE(ts.size() == 25);
            CHECK(ts.substr(19) == "+00:00");
            CHECK(ts >= previous);
            previous = ts;
            auto [it, fresh] = last.emplace(r[kId], ts);
            if (!fresh) {
                CHECK(ts > it->second);
                it->second = ts;
            }
            dates.insert(ts.substr(0, 10));
        }
        CHECK(dates.size() == 10);
        CHECK(*dates.begin() == "2024-02-27");
        CHECK(dates.count("2024-02-29") == 1);
        CHECK(*dates.rbegin() == "2024-03-07");
        // Interleaved, not grouped: customers' rows alternate.
        size_t switches = 0;
        for (size_t i = 1; i < t.rows.size(); ++i) switches += t.rows[i][kId] != t.rows[i - 1][kId];
        CHECK(switches > t.rows.size() / 2);
    }

    TEST_CASE("--events stops after the customer that reaches the target") {
        GenerateOptions o;
        o.max_events = 20000;
        o.seed = 11;
        GenerateSummary s;
        const std::string text = generate_journeys_to_string(o, &s);
        CHECK(s.events >= 20000);
        CHECK(s.events < 20000 + 64); // one journey more at most
        CHECK(s.customers > 2000);
        // With both limits the first one reached wins.
        o.customers = 100;
        generate_journeys_to_string(o, &s);
        CHECK(s.customers <= 100);
        CHECK(s.events < 20000);
    }

    TEST_CASE("staffed channels keep opening hours") {
        Customer c;
        size_t staffed = 0;
        for (uint64_t i = 0; i < 5000; ++i) {
            simulate_customer(5, i, 30, c);
            for (const auto& e : c.events) {
                const Channel ch = touchpoints()[static_cast<size_t>(e.touchpoint)].channel;
                if (ch == Channel::phone || ch == Channel::ivr || ch == Channel::human_chat) {
                    ++staffed;
                    CHECK(hour_of(e) >= 9);
                    CHECK(hour_of(e) < 20);
                }
                if (ch == Channel::store) {
                    CHECK(hour_of(e) >= 10);
                    CHECK(hour_of(e) < 20);
                }
                CHECK(e.time >= 0);
                CHECK(e.time < 30 * 86400);
            }
        }
        CHECK(staffed > 1000);
    }

    TEST_CASE("the model's shares are plausible") {
        const uint64_t n = 20000;
        Customer c;
        size_t buyers = 0, ec_buyers = 0, store_buyers = 0, called_after_self_service = 0, repeat_callers = 0,
               cancelled = 0, bot_to_human = 0, ad_first = 0, events = 0, first_csat = 0, repeat_csat = 0;
        double first_csat_sum = 0, repeat_csat_sum = 0;
        std::map<Segment, std::pair<size_t, size_t>> buy_by_segment; // segment -> (buyers, customers)
        for (uint64_t i = 0; i < n; ++i) {
            simulate_customer(1, i, 90, c);
            events += c.events.size();
            if (c.events.empty()) continue;
            const bool bought = has(c, Touchpoint::ec_purchase) || has(c, Touchpoint::store_purchase);
            buyers += bought;
            ec_buyers += has(c, Touchpoint::ec_purchase);
            store_buyers += has(c, Touchpoint::store_purchase);
            auto& seg = buy_by_segment[c.segment];
            seg.first += bought, ++seg.second;
            cancelled += has(c, Touchpoint::cancellation);
            ad_first += c.events.front().touchpoint == Touchpoint::tv_ad;
            repeat_callers += count(c, Touchpoint::call_center) >= 2;
            bool self_service = false, called = false;
            int calls = 0;
            for (size_t k = 0; k < c.events.size(); ++k) {
                const auto& e = c.events[k];
                if (e.touchpoint == Touchpoint::faq || e.touchpoint == Touchpoint::website)
                    self_service = true;
                if (e.touchpoint == Touchpoint::call_center) {
                    called |= self_service;
                    ++calls;
                    if (e.csat) (calls == 1 ? first_csat_sum : repeat_csat_sum) += e.csat;
                    if (e.csat) ++(calls == 1 ? first_csat : repeat_csat);
                }
                if (k > 0 && e.touchpoint == Touchpoint::human_chat &&
                    c.events[k - 1].touchpoint == Touchpoint::chatbot)
                    ++bot_to_human;
            }
            called_after_self_service += called;
        }
        const double per = 1.0 / static_cast<double>(n);
        CHECK(buyers * per > 0.30);
        CHECK(buyers * per < 0.60);
        CHECK(ec_buyers > store_buyers);
        CHECK(store_buyers * per > 0.05);
        CHECK(called_after_self_service * per > 0.05);
        CHECK(repeat_callers * per > 0.01);
        CHECK(repeat_callers * per < 0.10);
        CHECK(cancelled * per > 0.01);
        CHECK(cancelled * per < 0.08);
        CHECK(bot_to_human * per > 0.01);
        CHECK(ad_first * per > 0.15);
        const double mean = static_cast<double>(events) * per;
        CHECK(mean > 3.0);
        CHECK(mean < 8.0);
        // Premium customers convert more than new ones; repeat calls are rated worse than first ones.
        auto rate = [&](Segment s) {
            return double(buy_by_segment[s].first) / double(buy_by_segment[s].second);
        };
        CHECK(rate(Segment::premium) > rate(Segment::new_customer));
        REQUIRE(first_csat > 100);
        REQUIRE(repeat_csat > 30);
        CHECK(first_csat_sum / double(first_csat) > repeat_csat_sum / double(repeat_csat) + 0.3);
    }

    TEST_CASE("options: defaults, ids and rejected values") {
        GenerateSummary s;
        const std::string text = generate_journeys_to_string(GenerateOptions{}, &s);
        CHECK(s.customers > 980); // default 1000 customers
        CHECK(s.customers <= 1000);
        CHECK(text.find("2026-04-01T") != std::string::npos);
        CHECK(text.find("2026-05-01T") == std::string::npos); // default 30 days: April only
        CHECK(customer_id(0) == "C000001");
        CHECK(customer_id(1234566) == "C1234567");

        GenerateOptions o;
        o.start_date = "2026-02-29";
        CHECK_THROWS_AS(generate_journeys_to_string(o), std::invalid_argument);
        o.start_date = "2026/04/01";
        CHECK_THROWS_AS(generate_journeys_to_string(o), std::invalid_argument);
        o.start_date = "2028-02-29";
        CHECK_NOTHROW(generate_journeys_to_string(o));
        o.days = 4000;
        CHECK_THROWS_AS(generate_journeys_to_string(o), std::invalid_argument);
    }

} // TEST_SUITE
