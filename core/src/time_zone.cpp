// Time zones: fixed offsets, a TZif v2+ reader (RFC 8536) with the POSIX TZ rule of the footer, the
// lookup on disk and in the embedded table, and the local -> UTC conversion (fold=0 rules in the header).
//
// [SECTION] TZif files
// [SECTION] POSIX TZ rules (the footer), expanded to transitions up to 2037
// [SECTION] Conversions
// [SECTION] Lookup by name
#include "tabiji/time_zone.hpp"

#include "tabiji/timestamp.hpp"
#include "tabiji/zoneinfo_embedded.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

namespace tabiji {

namespace {

// [SECTION] TZif files

uint64_t big_endian(std::string_view b, size_t at, size_t n) {
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
    return v;
}

struct TzifCounts {
    uint64_t isut, isstd, leap, time, type, chars;
    size_t block_bytes(size_t time_size) const {
        return time * time_size + time + type * 6 + chars + leap * (time_size + 4) + isstd + isut;
    }
};

bool read_counts(std::string_view b, size_t at, TzifCounts& c) {
    if (b.size() < at + 44 || b.substr(at, 4) != "TZif") return false;
    c = {big_endian(b, at + 20, 4), big_endian(b, at + 24, 4), big_endian(b, at + 28, 4),
         big_endian(b, at + 32, 4), big_endian(b, at + 36, 4), big_endian(b, at + 40, 4)};
    return c.type >= 1;
}

// [SECTION] POSIX TZ rules (the footer), expanded to transitions up to 2037

struct PosixRule {
    int32_t std_offset = 0, dst_offset = 0; // seconds east of UTC
    bool has_dst = false;
    struct Date {
        char kind = 'M'; // 'M' month.week.day, 'J' Julian day 1..365 without Feb 29, 'n' day 0..365
        int month = 0, week = 0, day = 0;
        int32_t time = 7200; // local seconds of the change
    } start, end;
};

class PosixParser {
  public:
    explicit PosixParser(std::string_view s) : s_(s) {}

    bool parse(PosixRule& r) {
        if (!name()) return false;
        int32_t off;
        if (!hms(off, true)) return false;
        r.std_offset = -off; // POSIX offsets are west of UTC
        if (i_ == s_.size()) return true;
        if (!name()) return false;
        r.has_dst = true;
        r.dst_offset = r.std_offset + 3600;
        if (i_ < s_.size() && s_[i_] != ',') {
            if (!hms(off, true)) return false;
            r.dst_offset = -off;
        }
        if (i_ == s_.size()) { // no dates given: the US rule
            r.start.month = 3, r.start.week = 2, r.end.month = 11, r.end.week = 1;
            return true;
        }
        return eat(',') && date(r.start) && eat(',') && date(r.end) && i_ == s_.size();
    }

  private:
    bool eat(char c) {
        if (i_ < s_.size() && s_[i_] == c) return ++i_, true;
        return false;
    }
    bool name() {
        if (eat('<')) {
            while (i_ < s_.size() && s_[i_] != '>') ++i_;
            return eat('>');
        }
        const size_t b = i_;
        while (i_ < s_.size() && ((s_[i_] >= 'A' && s_[i_] <= 'Z') || (s_[i_] >= 'a' && s_[i_] <= 'z'))) ++i_;
        return i_ - b >= 3;
    }
    bool number(int& v, int max_digits) {
        int n = 0;
        v = 0;
        while (i_ < s_.size() && n < max_digits && s_[i_] >= '0' && s_[i_] <= '9')
            v = v * 10 + (s_[i_++] - '0'), ++n;
        return n > 0;
    }
    // [+-]hh[:mm[:ss]] in seconds.
    bool hms(int32_t& out, bool sign_allowed) {
        int sign = 1;
        if (sign_allowed && (s_.substr(i_, 1) == "+" || s_.substr(i_, 1) == "-"))
            sign = s_[i_++] == '-' ? -1 : 1;
        int h = 0, m = 0, sec = 0;
        if (!number(h, 3)) return false;
        if (eat(':') && !number(m, 2)) return false;
        if (eat(':') && !number(sec, 2)) return false;
        out = sign * (h * 3600 + m * 60 + sec);
        return true;
    }
    bool date(PosixRule::Date& d) {
        if (eat('M')) {
            d.kind = 'M';
            if (!(number(d.month, 2) && eat('.') && number(d.week, 1) && eat('.') && number(d.day, 1)))
                return false;
            if (d.month < 1 || d.month > 12 || d.week < 1 || d.week > 5 || d.day > 6) return false;
        } else {
            d.kind = eat('J') ? 'J' : 'n';
            if (!number(d.day, 3)) return false;
        }
        if (eat('/')) return hms(d.time, true);
        return true;
    }

    std::string_view s_;
    size_t i_ = 0;
};

bool is_leap(int64_t y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Days since 1970 of a rule's date in year y.
int64_t rule_day(const PosixRule::Date& d, int64_t y) {
    if (d.kind == 'J') return days_from_civil(y, 1, 1) + d.day - 1 + (is_leap(y) && d.day >= 60);
    if (d.kind == 'n') return days_from_civil(y, 1, 1) + d.day;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int64_t first = days_from_civil(y, unsigned(d.month), 1);
    const int weekday_first = int(((first % 7) + 7 + 4) % 7); // 1970-01-01 was a Thursday
    int day = 1 + (d.day - weekday_first + 7) % 7 + (d.week - 1) * 7;
    const int month_days = kDays[d.month - 1] + (d.month == 2 && is_leap(y));
    while (day > month_days) day -= 7;
    return first + day - 1;
}

constexpr int64_t kLastRuleYear = 2037;

// [SECTION] Lookup by name (helpers)

bool valid_zone_name(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
               c == '_' || c == '-' || c == '+';
    });
}

} // namespace

TimeZone TimeZone::fixed(int32_t offset_seconds, std::string name) {
    TimeZone z;
    z.offsets_ = {offset_seconds};
    if (name.empty()) {
        const int32_t a = offset_seconds < 0 ? -offset_seconds : offset_seconds;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_seconds < 0 ? '-' : '+', a / 3600, a / 60 % 60);
        name = offset_seconds == 0 ? "UTC" : buf;
    }
    z.name_ = std::move(name);
    return z;
}

std::optional<TimeZone> TimeZone::from_tzif(std::string name, std::string_view b, std::string* error) {
    auto fail = [&](const char* why) -> std::optional<TimeZone> {
        if (error) *error = std::string("'") + name + "' is not a valid TZif file: " + why;
        return std::nullopt;
    };
    TzifCounts c{};
    if (!read_counts(b, 0, c)) return fail("bad header");
    size_t at = 44;
    size_t time_size = 4;
    if (b[4] >= '2') { // skip the 32-bit block: the 64-bit one follows with its own header
        at += c.block_bytes(4);
        if (!read_counts(b, at, c)) return fail("bad second header");
        at += 44;
        time_size = 8;
    }
    if (b.size() < at + c.block_bytes(time_size)) return fail("truncated");
    TimeZone z;
    z.name_ = std::move(name);
    std::vector<int32_t> type_offset(c.type);
    const size_t types_at = at + c.time * time_size + c.time;
    for (uint64_t t = 0; t < c.type; ++t)
        type_offset[t] = int32_t(uint32_t(big_endian(b, types_at + t * 6, 4)));
    z.offsets_ = {type_offset[0]};
    for (uint64_t k = 0; k < c.time; ++k) {
        uint64_t raw = big_endian(b, at + k * time_size, time_size);
        const int64_t when = time_size == 8 ? int64_t(raw) : int64_t(int32_t(uint32_t(raw)));
        const auto type = static_cast<unsigned char>(b[at + c.time * time_size + k]);
        if (type >= c.type) return fail("bad transition type");
        if (!z.transitions_.empty() && when <= z.transitions_.back()) return fail("transitions out of order");
        z.transitions_.push_back(when);
        z.offsets_.push_back(type_offset[type]);
    }
    // Footer (v2+): "\n<POSIX TZ>\n" governs after the last transition.
    at += c.block_bytes(time_size);
    if (time_size == 8 && at < b.size() && b[at] == '\n') {
        const size_t end = b.find('\n', at + 1);
        PosixRule rule;
        if (end != std::string_view::npos && end > at + 1 &&
            PosixParser(b.substr(at + 1, end - at - 1)).parse(rule)) {
            if (rule.has_dst) {
                const int64_t last = z.transitions_.empty() ? INT64_MIN : z.transitions_.back();
                int64_t year = 1970;
                if (!z.transitions_.empty() && last > 0) year = 1970 + last / 31556952;
                for (; year <= kLastRuleYear; ++year) {
                    const int64_t on = rule_day(rule.start, year) * 86400 + rule.start.time - rule.std_offset;
                    const int64_t off = rule_day(rule.end, year) * 86400 + rule.end.time - rule.dst_offset;
                    std::pair<int64_t, int32_t> changes[2] = {{on, rule.dst_offset}, {off, rule.std_offset}};
                    if (off < on) std::swap(changes[0], changes[1]);
                    for (const auto& [when, offset] : changes) {
                        if (when <= last || (!z.transitions_.empty() && when <= z.transitions_.back()))
                            continue;
                        z.transitions_.push_back(when);
                        z.offsets_.push_back(offset);
                    }
                }
            }
        }
    }
    if (z.transitions_.empty()) return fixed(z.offsets_.front(), z.name_);
    return z;
}

// [SECTION] Conversions

int32_t TimeZone::offset_at(int64_t utc_seconds) const {
    const auto k =
        std::upper_bound(transitions_.begin(), transitions_.end(), utc_seconds) - transitions_.begin();
    return offsets_[size_t(k)];
}

int64_t TimeZone::to_utc(int64_t local_micros) const {
    if (is_fixed()) return local_micros - int64_t(offsets_.front()) * 1000000;
    const int64_t s = local_micros >= 0 ? local_micros / 1000000 : -((-local_micros + 999999) / 1000000);
    // First transition whose local time before the change is still ahead of s.
    size_t lo = 0, hi = transitions_.size();
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (transitions_[mid] + offsets_[mid] <= s)
            lo = mid + 1;
        else
            hi = mid;
    }
    int32_t offset = offsets_[lo]; // in force between transitions lo-1 and lo
    if (lo > 0 && s - offset < transitions_[lo - 1]) offset = offsets_[lo - 1]; // a skipped local time
    return local_micros - int64_t(offset) * 1000000;
}

// [SECTION] Lookup by name

std::optional<int32_t> parse_utc_offset(std::string_view t) {
    if (t == "UTC" || t == "utc" || t == "Z" || t == "GMT" || t == "Etc/UTC") return 0;
    if (t.substr(0, 3) == "UTC" || t.substr(0, 3) == "GMT") t.remove_prefix(3);
    if (t.empty() || (t[0] != '+' && t[0] != '-')) return std::nullopt;
    const int sign = t[0] == '-' ? -1 : 1;
    t.remove_prefix(1);
    std::string digits;
    bool colon = false;
    for (char ch : t) {
        if (ch == ':' && !colon && !digits.empty()) {
            colon = true;
            if (digits.size() == 1) digits.insert(0, "0");
        } else if (ch >= '0' && ch <= '9')
            digits.push_back(ch);
        else
            return std::nullopt;
    }
    if (digits.size() == 1) digits.insert(0, "0");
    if (digits.size() != 2 && digits.size() != 4) return std::nullopt;
    const int h = std::atoi(digits.substr(0, 2).c_str()),
              m = digits.size() == 4 ? std::atoi(digits.substr(2).c_str()) : 0;
    if (h > 23 || m > 59) return std::nullopt;
    return sign * (h * 3600 + m * 60);
}

std::vector<std::string> embedded_time_zone_names() {
    std::vector<std::string> names;
    for (const auto* e = zoneinfo::kZones; e->name; ++e) names.emplace_back(e->name);
    return names;
}

std::optional<TimeZone> find_time_zone(std::string_view name, std::string* error) {
    if (auto offset = parse_utc_offset(name)) return TimeZone::fixed(*offset, std::string(name));
    std::string why;
    if (valid_zone_name(name)) {
#ifndef __EMSCRIPTEN__
        const char* dir = std::getenv("TZDIR");
        std::ifstream in(std::string(dir && *dir ? dir : "/usr/share/zoneinfo") + "/" + std::string(name),
                         std::ios::binary);
        if (in) {
            const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (auto z = TimeZone::from_tzif(std::string(name), bytes, &why)) return z;
        }
#endif
        for (const auto* e = zoneinfo::kZones; e->name; ++e)
            if (name == e->name)
                return TimeZone::from_tzif(e->name, {reinterpret_cast<const char*>(e->bytes), e->size},
                                           error);
    }
    if (error) {
        std::string known;
        for (const auto& n : embedded_time_zone_names()) known += (known.empty() ? "" : ", ") + n;
        *error = !why.empty() ? why
                              : "unknown time zone '" + std::string(name) +
                                    "'; expected UTC, an offset such as +09:00, or a zone name such as " +
                                    (known.empty() ? std::string("Asia/Tokyo") : known);
    }
    return std::nullopt;
}

} // namespace tabiji
