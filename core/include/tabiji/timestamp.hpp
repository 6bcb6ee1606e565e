// Timestamps as users' files write them, to UTC microseconds, and back to ISO 8601.
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/time_zone.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tabiji {

// Accepted: date, optional time, optional fraction (to microseconds; more digits are truncated), optional
// zone. Date: YYYY-MM-DD, YYYY/MM/DD or YYYY年MM月DD日; between date and time 'T' or spaces; time HH:MM or
// HH:MM:SS; zone 'Z', +HH:MM, +HHMM or +HH. A timestamp without zone is read at `naive_offset_seconds`
// east of UTC (0 = UTC). Returns nothing when the text is not one of these forms or a field is out of
// range (month 13, hour 25, ...).
std::optional<Micros> parse_timestamp(std::string_view text, int32_t naive_offset_seconds = 0);

// The same, with naive timestamps read in a zone (DST-aware for named zones; see time_zone.hpp).
std::optional<Micros> parse_timestamp(std::string_view text, const TimeZone& zone);

// Unix epoch numbers: whole or decimal seconds or milliseconds, optionally signed ("1710000000",
// "1710000000.25", "1710000000250"); digits finer than a microsecond are truncated.
enum class EpochUnit : uint8_t { none, seconds, milliseconds };
std::optional<Micros> parse_epoch(std::string_view text, EpochUnit unit);

// PM4Py-compatible wall-clock reading: the same forms, but a written zone is checked and then ignored, so
// "2010-12-30T14:32:00+01:00" gives 2010-12-30T14:32:00Z (the local clock time taken as UTC).
std::optional<Micros> parse_timestamp_wallclock(std::string_view text);

// Days since 1970-01-01 of a proleptic Gregorian date.
int64_t days_from_civil(int64_t year, unsigned month, unsigned day);

// "2024-03-13T10:21:14Z", with ".ffffff" only when the fraction is non-zero.
std::string format_timestamp(Micros t);

} // namespace tabiji
