// Timestamp parsing and formatting, by hand: this runs once per event, so no locale, no sscanf, no regex.
#include "tabiji/timestamp.hpp"

#include <cstdio>
#include <limits>

namespace tabiji {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Reads between min_digits and max_digits decimal digits at s[i].
bool read_number(std::string_view s, size_t& i, int min_digits, int max_digits, int& out) {
    int n = 0, v = 0;
    while (i < s.size() && n < max_digits && is_digit(s[i])) {
        v = v * 10 + (s[i] - '0');
        ++i;
        ++n;
    }
    out = v;
    return n >= min_digits;
}

bool consume(std::string_view s, size_t& i, std::string_view token) {
    if (s.substr(i, token.size()) != token) return false;
    i += token.size();
    return true;
}

bool is_leap(int64_t y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned days_in_month(int64_t y, unsigned m) {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// The Japanese date markers as UTF-8.
constexpr std::string_view kNen = "\xE5\xB9\xB4";   // 年
constexpr std::string_view kGatsu = "\xE6\x9C\x88"; // 月
constexpr std::string_view kNichi = "\xE6\x97\xA5"; // 日

} // namespace

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    // Count days in 400-year eras starting on March 1st, so the leap day is the last day of a year.
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t year_of_era = y - era * 400;
    const int64_t day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

namespace {

// Days since 1970 of a date, or nothing when the date does not exist. Consecutive rows of a log mostly
// share their date, so the last valid date of this thread is remembered and reused.
std::optional<int64_t> checked_days(int year, int month, int day) {
    struct Last {
        int key = -1;
        int64_t days = 0;
    };
    thread_local Last last;
    const int key = (year * 100 + month) * 100 + day; // year has 4 digits, month and day at most 2
    if (key == last.key) return last.days;
    if (year < 1 || month < 1 || month > 12 || day < 1 ||
        unsigned(day) > days_in_month(year, unsigned(month)))
        return std::nullopt;
    last = {key, days_from_civil(year, unsigned(month), unsigned(day))};
    return last.days;
}

// The layout most exports write, "YYYY-MM-DDTHH:MM:SS" (or a space for the T), read without the general
// grammar's branches; the fields are what read_date and read_clock would read from these 19 bytes.
bool read_common_layout(std::string_view s, int& year, int& month, int& day, int& hour, int& minute,
                        int& second) {
    if (s.size() < 19) return false;
    const char* p = s.data();
    if (p[4] != '-' || p[7] != '-' || (p[10] != 'T' && p[10] != ' ') || p[13] != ':' || p[16] != ':')
        return false;
    for (int k : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
        if (!is_digit(p[k])) return false;
    const auto two = [p](int k) { return (p[k] - '0') * 10 + (p[k + 1] - '0'); };
    year = two(0) * 100 + two(2);
    month = two(5);
    day = two(8);
    hour = two(11);
    minute = two(14);
    second = two(17);
    return true;
}

// "YYYY-MM-DD", "YYYY/MM/DD" or "YYYY年MM月DD日" (month and day with one or two digits).
bool read_date(std::string_view s, size_t& i, int& year, int& month, int& day) {
    if (!read_number(s, i, 4, 4, year)) return false;
    bool japanese = false;
    if (consume(s, i, kNen))
        japanese = true;
    else if (i < s.size() && (s[i] == '-' || s[i] == '/'))
        ++i;
    else
        return false;
    const char date_sep = japanese ? 0 : s[i - 1];
    if (!read_number(s, i, 1, 2, month)) return false;
    if (japanese) {
        if (!consume(s, i, kGatsu)) return false;
    } else if (i >= s.size() || s[i] != date_sep) {
        return false;
    } else {
        ++i;
    }
    if (!read_number(s, i, 1, 2, day)) return false;
    return !japanese || consume(s, i, kNichi);
}

// After a date: 'T' or spaces, then "H:MM" or "HH:MM", optionally ":SS".
bool read_clock(std::string_view s, size_t& i, int& hour, int& minute, int& second, bool& has_seconds) {
    if (s[i] == 'T')
        ++i;
    else if (s[i] == ' ') {
        while (i < s.size() && s[i] == ' ') ++i;
    } else
        return false;
    if (!read_number(s, i, 1, 2, hour)) return false;
    if (i >= s.size() || s[i] != ':') return false;
    ++i;
    if (!read_number(s, i, 2, 2, minute)) return false;
    if (i < s.size() && s[i] == ':') {
        ++i;
        has_seconds = true;
        if (!read_number(s, i, 2, 2, second)) return false;
    }
    return true;
}

// The one grammar of timestamps; ignore_zone reads a written zone but keeps naive_offset_seconds.
// had_zone (when given) tells whether the text wrote a zone.
std::optional<Micros> parse_timestamp_impl(std::string_view s, int32_t naive_offset_seconds, bool ignore_zone,
                                           bool* had_zone = nullptr) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    size_t i = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    bool has_time = false, has_seconds = false;
    if (read_common_layout(s, year, month, day, hour, minute, second)) {
        i = 19;
        has_time = has_seconds = true;
    } else {
        if (!read_date(s, i, year, month, day)) return std::nullopt;
        has_time = i < s.size();
        if (has_time && !read_clock(s, i, hour, minute, second, has_seconds)) return std::nullopt;
    }
    const std::optional<int64_t> days = checked_days(year, month, day);
    if (!days) return std::nullopt;

    int64_t micros = 0;
    int64_t offset = naive_offset_seconds;
    if (has_time) {
        if (has_seconds && i < s.size() && (s[i] == '.' || s[i] == ',')) {
            ++i;
            int digits = 0;
            while (i < s.size() && is_digit(s[i])) {
                if (digits < 6) micros = micros * 10 + (s[i] - '0');
                ++digits;
                ++i;
            }
            if (digits == 0) return std::nullopt;
            for (int d = digits; d < 6; ++d) micros *= 10;
        }
        if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
        while (i < s.size() && s[i] == ' ') ++i;
        if (i < s.size()) {
            if (had_zone) *had_zone = true;
            if (s[i] == 'Z' || s[i] == 'z') {
                offset = 0;
                ++i;
            } else if (s[i] == '+' || s[i] == '-') {
                const int sign = s[i] == '-' ? -1 : 1;
                ++i;
                int oh = 0, om = 0;
                if (!read_number(s, i, 2, 2, oh)) return std::nullopt;
                if (i < s.size() && s[i] == ':') ++i;
                if (i < s.size() && !read_number(s, i, 2, 2, om)) return std::nullopt;
                if (oh > 23 || om > 59) return std::nullopt;
                offset = sign * (oh * 3600 + om * 60);
            } else {
                return std::nullopt;
            }
        }
        if (i != s.size()) return std::nullopt;
        if (ignore_zone) offset = naive_offset_seconds;
    }
    const int64_t secs = *days * 86400 + hour * 3600 + minute * 60 + second - offset;
    return secs * 1000000 + micros;
}

} // namespace

std::optional<Micros> parse_timestamp(std::string_view text, int32_t naive_offset_seconds) {
    return parse_timestamp_impl(text, naive_offset_seconds, false);
}

std::optional<Micros> parse_timestamp(std::string_view text, const TimeZone& zone) {
    if (zone.is_fixed()) return parse_timestamp_impl(text, zone.fixed_offset(), false);
    bool had_zone = false;
    const auto t = parse_timestamp_impl(text, 0, false, &had_zone);
    if (!t || had_zone) return t;
    return zone.to_utc(*t);
}

std::optional<Micros> parse_epoch(std::string_view s, EpochUnit unit) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    const bool negative = !s.empty() && s.front() == '-';
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
    const int64_t scale = unit == EpochUnit::milliseconds ? 1000 : 1000000; // micros per unit
    const int scale_digits = unit == EpochUnit::milliseconds ? 3 : 6;
    size_t i = 0;
    int64_t whole = 0;
    while (i < s.size() && is_digit(s[i])) {
        if (whole > (std::numeric_limits<int64_t>::max() / scale - 9) / 10) return std::nullopt;
        whole = whole * 10 + (s[i++] - '0');
    }
    const size_t int_digits = i;
    int64_t frac = 0;
    int frac_digits = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) {
            if (frac_digits < scale_digits) frac = frac * 10 + (s[i] - '0'), ++frac_digits;
            ++i; // finer digits are truncated, as in ISO fractions
        }
        if (int_digits == 0 && frac_digits == 0) return std::nullopt;
    }
    if (int_digits == 0 && frac_digits == 0) return std::nullopt;
    if (i != s.size()) return std::nullopt;
    for (int d = frac_digits; d < scale_digits; ++d) frac *= 10;
    const int64_t t = whole * scale + frac;
    return negative ? -t : t;
}

std::optional<Micros> parse_timestamp_wallclock(std::string_view text) {
    return parse_timestamp_impl(text, 0, true);
}

std::string format_timestamp(Micros t) {
    if (t == kNoTime) return "";
    int64_t secs = t >= 0 ? t / 1000000 : -((-t + 999999) / 1000000);
    const int64_t frac = t - secs * 1000000;
    int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    int64_t sod = secs - days * 86400;
    // Inverse of days_from_civil.
    days += 719468;
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const int64_t doe = days - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    char buf[48];
    int n = std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld", (long long)y,
                          (long long)m, (long long)d, (long long)(sod / 3600), (long long)(sod / 60 % 60),
                          (long long)(sod % 60));
    if (frac) n += std::snprintf(buf + n, sizeof buf - n, ".%06lld", (long long)frac);
    std::snprintf(buf + n, sizeof buf - n, "Z");
    return buf;
}

} // namespace tabiji
