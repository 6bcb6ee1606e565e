// Named time zones (TZif from the system or the embedded table), daylight-saving changes, fixed offsets,
// and Unix epoch timestamps.
#include "tabiji/read_csv.hpp"
#include "tabiji/time_zone.hpp"
#include "tabiji/timestamp.hpp"

#include <doctest/doctest.h>

using namespace tabiji;

namespace {

Micros at(const char* iso) {
    return *parse_timestamp(iso);
}

} // namespace

TEST_SUITE("time_zone") {
    TEST_CASE("fixed offsets") {
        CHECK(parse_utc_offset("+09:00") == 32400);
        CHECK(parse_utc_offset("-0530") == -19800);
        CHECK(parse_utc_offset("UTC+9") == 32400);
        CHECK(parse_utc_offset("UTC") == 0);
        CHECK(!parse_utc_offset("+25:00"));
        CHECK(!parse_utc_offset("Tokyo"));
        const auto z = find_time_zone("+09:00");
        REQUIRE(z);
        CHECK(parse_timestamp("2024-01-01 09:00", *z) == at("2024-01-01T00:00:00Z"));
        CHECK(parse_timestamp("2024-01-01T09:00:00Z", *z) == at("2024-01-01T09:00:00Z")); // written zone wins
    }

    TEST_CASE("America/New_York across the 2024 changes (fold=0 rules)") {
        std::string error;
        const auto ny = find_time_zone("America/New_York", &error);
        REQUIRE_MESSAGE(ny, error);
        CHECK(parse_timestamp("2024-03-10 01:30", *ny) == at("2024-03-10T06:30:00Z")); // EST
        // 02:30 does not exist (clocks jump 02:00 -> 03:00): read with the offset before the change.
        CHECK(parse_timestamp("2024-03-10 02:30", *ny) == at("2024-03-10T07:30:00Z"));
        CHECK(parse_timestamp("2024-03-10 03:30", *ny) == at("2024-03-10T07:30:00Z")); // EDT
        CHECK(parse_timestamp("2024-07-01 12:00", *ny) == at("2024-07-01T16:00:00Z"));
        // 01:30 on 2024-11-03 happens twice: the earlier instant (EDT).
        CHECK(parse_timestamp("2024-11-03 01:30", *ny) == at("2024-11-03T05:30:00Z"));
        CHECK(parse_timestamp("2024-11-03 02:30", *ny) == at("2024-11-03T07:30:00Z")); // EST
        CHECK(ny->offset_at(at("2024-07-01T00:00:00Z") / 1000000) == -4 * 3600);
        CHECK(ny->offset_at(at("2030-01-01T00:00:00Z") / 1000000) == -5 * 3600);
        CHECK(ny->offset_at(at("2035-07-01T00:00:00Z") / 1000000) == -4 * 3600);
    }

    TEST_CASE("embedded zones parse and agree with the system's") {
        const auto names = embedded_time_zone_names();
        CHECK(names.size() >= 9);
        for (const char* name : {"Asia/Tokyo", "Europe/London", "Australia/Sydney"}) {
            CAPTURE(name);
            const auto z = find_time_zone(name);
            REQUIRE(z);
            CHECK(z->name() == name);
        }
        const auto tokyo = find_time_zone("Asia/Tokyo");
        CHECK(parse_timestamp("2024-06-01 09:00", *tokyo) == at("2024-06-01T00:00:00Z"));
        const auto london = find_time_zone("Europe/London");
        CHECK(parse_timestamp("2024-06-01 09:00", *london) == at("2024-06-01T08:00:00Z"));
        CHECK(parse_timestamp("2024-01-01 09:00", *london) == at("2024-01-01T09:00:00Z"));
        const auto sydney = find_time_zone("Australia/Sydney"); // southern hemisphere: DST in January
        CHECK(parse_timestamp("2024-01-15 11:00", *sydney) == at("2024-01-15T00:00:00Z"));
        std::string error;
        CHECK(!find_time_zone("Mars/Olympus", &error));
        CHECK(error.find("unknown time zone 'Mars/Olympus'") == 0);
        CHECK(!find_time_zone("../../etc/passwd"));
    }

    TEST_CASE("a TZif file with only a POSIX rule (slim) gives the rule's changes") {
        // Version 2, no transitions, one type (EST), footer "EST5EDT,M3.2.0,M11.1.0".
        std::string b;
        auto header = [&](uint32_t types, uint32_t chars) {
            b += "TZif2";
            b.append(15, '\0');
            for (uint32_t v : {0u, 0u, 0u, 0u, types, chars})
                for (int s = 24; s >= 0; s -= 8) b.push_back(char((v >> s) & 0xff));
        };
        auto block = [&] {
            const int32_t off = -18000;
            for (int s = 24; s >= 0; s -= 8) b.push_back(char((uint32_t(off) >> s) & 0xff));
            b.push_back(0);
            b.push_back(0);
            b += std::string("EST\0", 4);
        };
        header(1, 4);
        block();
        header(1, 4);
        block();
        b += "\nEST5EDT,M3.2.0,M11.1.0\n";
        const auto z = TimeZone::from_tzif("Slim/NY", b);
        REQUIRE(z);
        CHECK(z->to_utc(at("2024-03-10T02:30:00Z")) == at("2024-03-10T07:30:00Z"));
        CHECK(z->to_utc(at("2024-07-01T12:00:00Z")) == at("2024-07-01T16:00:00Z"));
        CHECK(z->to_utc(at("2024-11-03T01:30:00Z")) == at("2024-11-03T05:30:00Z"));
    }

    TEST_CASE("epoch seconds and milliseconds, whole and decimal") {
        CHECK(parse_epoch("1710325274", EpochUnit::seconds) == at("2024-03-13T10:21:14Z"));
        CHECK(parse_epoch("1710325274.25", EpochUnit::seconds) == at("2024-03-13T10:21:14.25Z"));
        CHECK(parse_epoch("1710325274250", EpochUnit::milliseconds) == at("2024-03-13T10:21:14.25Z"));
        CHECK(parse_epoch("1710325274250.5", EpochUnit::milliseconds) == at("2024-03-13T10:21:14.2505Z"));
        CHECK(parse_epoch("-1", EpochUnit::seconds) == -1000000);
        CHECK(!parse_epoch("17e9", EpochUnit::seconds));
        CHECK(!parse_epoch("", EpochUnit::seconds));
        CHECK(!parse_epoch("2024-03-13", EpochUnit::seconds));
        CsvOptions o;
        o.epoch = EpochUnit::milliseconds;
        const EventLog log =
            read_csv("case,activity,time\nc,A,1710325274250\nc,B,1710325274000\n", "e.csv", o);
        CHECK(log.time == std::vector<Micros>{at("2024-03-13T10:21:14Z"), at("2024-03-13T10:21:14.25Z")});
        CHECK_THROWS_WITH(read_csv("case,activity,time\nc,A,2024-01-01\n", "e.csv", o),
                          doctest::Contains("e.csv:2:5: 'time' is not a Unix time in milliseconds"));
    }

    TEST_CASE("CSV in a named zone") {
        CsvOptions o;
        o.time_zone = *find_time_zone("America/New_York");
        const EventLog log =
            read_csv("case,activity,time\nc,A,2024-03-10 01:59\nc,B,2024-03-10 03:01\n", "z.csv", o);
        CHECK(log.time[1] - log.time[0] == 2 * 60 * 1000000); // two minutes, not one hour and two minutes
    }
}
