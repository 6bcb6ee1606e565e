// Timestamp parsing: every accepted form, zones, and rejection of impossible dates.
#include "tabiji/timestamp.hpp"

#include <doctest/doctest.h>

using namespace tabiji;

namespace {
// 2024-03-13T10:21:14Z computed by hand: 19795 days since 1970-01-01 (54 years incl. 13 leap days to
// 2024-01-01 = 19723 days, plus 31 + 29 + 12 days), then 10:21:14.
constexpr Micros kRef = (19795LL * 86400 + 10 * 3600 + 21 * 60 + 14) * 1000000LL;
} // namespace

TEST_SUITE("timestamp") {
    TEST_CASE("days_from_civil against known dates") {
        CHECK(days_from_civil(1970, 1, 1) == 0);
        CHECK(days_from_civil(2000, 3, 1) == 11017);
        CHECK(days_from_civil(2024, 3, 13) == 19795);
        CHECK(days_from_civil(1969, 12, 31) == -1);
    }

    TEST_CASE("ISO 8601 forms and zones") {
        CHECK(parse_timestamp("2024-03-13T10:21:14Z") == kRef);
        CHECK(parse_timestamp("2024-03-13 10:21:14") == kRef); // naive: UTC by default
        CHECK(parse_timestamp("2024-03-13T19:21:14+09:00") == kRef);
        CHECK(parse_timestamp("2024-03-13T19:21:14+0900") == kRef);
        CHECK(parse_timestamp("2024-03-13T05:21:14-05") == kRef);
        CHECK(parse_timestamp("2024-03-13 10:21:14+00:00") == kRef);
        CHECK(parse_timestamp("2024-03-13T10:21:14.5Z") == kRef + 500000);
        CHECK(parse_timestamp("2024-03-13T10:21:14.123456789Z") == kRef + 123456); // truncated to micros
        CHECK(parse_timestamp("2024/03/13 10:21:14.000") == kRef);
        CHECK(parse_timestamp("2024/3/13 10:21") == kRef - 14 * 1000000LL);
        CHECK(parse_timestamp("2024-03-13") == kRef - (10 * 3600 + 21 * 60 + 14) * 1000000LL);
        CHECK(parse_timestamp("2024年3月13日 10:21") == kRef - 14 * 1000000LL);
        CHECK(parse_timestamp(" 2024-03-13T10:21:14Z ") == kRef);
    }

    TEST_CASE("a stated zone for naive timestamps, never applied to explicit offsets") {
        CHECK(parse_timestamp("2024-03-13 19:21:14", 9 * 3600) == kRef);
        CHECK(parse_timestamp("2024-03-13T10:21:14Z", 9 * 3600) == kRef);
    }

    TEST_CASE("rejects what is not a valid timestamp") {
        CHECK_FALSE(parse_timestamp(""));
        CHECK_FALSE(parse_timestamp("yesterday"));
        CHECK_FALSE(parse_timestamp("2024-13-01"));
        CHECK_FALSE(parse_timestamp("2023-02-29"));
        CHECK(parse_timestamp("2024-02-29")); // leap year
        CHECK_FALSE(parse_timestamp("2024-03-13 25:00"));
        CHECK_FALSE(parse_timestamp("2024-03-13 10:61"));
        CHECK_FALSE(parse_timestamp("2024-03-13T10:21:14+25:00"));
        CHECK_FALSE(parse_timestamp("2024-03-13T10:21:14 junk"));
        CHECK_FALSE(parse_timestamp("2024-03/13"));
        CHECK_FALSE(parse_timestamp("13.03.2024"));
    }

    TEST_CASE(
        "the YYYY-MM-DDTHH:MM:SS fast path and the remembered date give the general grammar's results") {
        // Each fast-path form next to the same instant written so that only the general grammar reads it.
        CHECK(parse_timestamp("2024-03-13T10:21:14") == parse_timestamp("2024-3-13T10:21:14"));
        CHECK(parse_timestamp("2024-03-13 10:21:14.25+09:00") ==
              parse_timestamp("2024/03/13 10:21:14.25+09:00"));
        CHECK(parse_timestamp("2024-03-13T10:21:14+09:00") == kRef - 9 * 3600 * 1000000LL);
        // The same date again, then other dates: the remembered date must not leak into them.
        CHECK(parse_timestamp("2024-03-13T00:00:00Z") == kRef - (10 * 3600 + 21 * 60 + 14) * 1000000LL);
        CHECK(parse_timestamp("2024-03-14T10:21:14Z") == kRef + 86400 * 1000000LL);
        CHECK(parse_timestamp("2024-02-29T00:00:00Z") == parse_timestamp("2024-02-29"));
        CHECK_FALSE(parse_timestamp("2023-02-29T00:00:00Z")); // right after a valid date: still checked
        CHECK_FALSE(parse_timestamp("2024-02-30T00:00:00Z"));
        CHECK_FALSE(parse_timestamp("0000-01-01T00:00:00Z"));
        CHECK_FALSE(parse_timestamp("2024-03-13T24:00:00Z"));
        CHECK_FALSE(parse_timestamp("2024-03-13T10:60:00Z"));
        CHECK_FALSE(parse_timestamp("2024-03-13T10:21:60Z"));
        CHECK_FALSE(parse_timestamp("2024-03-13T10:21:1xZ"));
        CHECK_FALSE(parse_timestamp("2024-03-13X10:21:14Z"));
        CHECK_FALSE(parse_timestamp("2024-03-13T10:21:14."));
        CHECK(parse_timestamp("2024-03-13T10:21:14") == kRef); // after the failures, the cache still right
    }

    TEST_CASE("format_timestamp is the inverse for UTC") {
        CHECK(format_timestamp(kRef) == "2024-03-13T10:21:14Z");
        CHECK(format_timestamp(kRef + 250) == "2024-03-13T10:21:14.000250Z");
        CHECK(format_timestamp(0) == "1970-01-01T00:00:00Z");
        CHECK(format_timestamp(-1000000) == "1969-12-31T23:59:59Z");
        for (Micros t : {Micros(0), kRef, Micros(-86400000001LL), Micros(253402300799000000LL)})
            CHECK(parse_timestamp(format_timestamp(t)) == t);
    }

    TEST_CASE("wall-clock reading ignores a written zone (PM4Py-compatible XES mode)") {
        CHECK(parse_timestamp_wallclock("2024-03-13T19:21:14+09:00") ==
              parse_timestamp("2024-03-13T19:21:14Z"));
        CHECK(parse_timestamp_wallclock("2024-03-13T10:21:14.5Z") == kRef + 500000);
        CHECK(parse_timestamp_wallclock("2024-03-13 10:21:14") == kRef);
        CHECK_FALSE(parse_timestamp_wallclock("2024-03-13T10:21:14+25:00")); // the zone is still checked
    }
}
