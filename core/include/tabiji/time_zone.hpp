// Time zones for timestamps written without an offset ("naive" local times): a fixed offset or a named
// IANA zone with its daylight-saving history.
//
// Where named zones come from:
//   native builds: the TZif files of the system (/usr/share/zoneinfo, or $TZDIR), read by our own small
//     TZif v2+ reader (the 64-bit section; the POSIX TZ rule at the end of the file extends the stored
//     transitions to 2037, so "slim" files work too); when a zone is not on disk, the embedded table.
//   web builds (no zoneinfo there): an embedded table made at build time from the build machine's TZif
//     files (cmake/embed_zoneinfo.cmake) for the zones of embedded_time_zone_names(); any other name is an
//     error that lists them. Fixed offsets work everywhere.
//
// Local -> UTC (to_utc) is exactly Python's zoneinfo with fold=0:
//   - an ambiguous local time (the repeated hour when clocks go back) is the EARLIER instant (the offset
//     in force before the change, e.g. New York 2024-11-03 01:30 -> 05:30Z, EDT);
//   - a non-existent local time (the skipped hour when clocks go forward) is read with the offset in force
//     before the change, e.g. New York 2024-03-10 02:30 -> 07:30Z (= 03:30 EDT).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

class TimeZone {
  public:
    TimeZone() = default; // UTC
    static TimeZone fixed(int32_t offset_seconds, std::string name = "");
    // A zone from the bytes of a TZif file; nothing when they are not one (error says why).
    static std::optional<TimeZone> from_tzif(std::string name, std::string_view bytes,
                                             std::string* error = nullptr);

    bool is_fixed() const { return transitions_.empty(); }
    int32_t fixed_offset() const { return offsets_.front(); } // the only offset of a fixed zone
    bool is_utc() const { return is_fixed() && fixed_offset() == 0; }
    const std::string& name() const { return name_; }
    // Seconds east of UTC in force at a UTC instant (seconds since 1970).
    int32_t offset_at(int64_t utc_seconds) const;
    // A local wall-clock time (microseconds since 1970 as if the clock were UTC) to a UTC instant.
    int64_t to_utc(int64_t local_micros) const;

  private:
    std::string name_ = "UTC";
    std::vector<int64_t> transitions_; // UTC seconds, increasing
    std::vector<int32_t> offsets_{0};  // offsets_[k]: in force before transitions_[k]; back(): after all
};

// "UTC", "Z", "GMT", fixed offsets ("+09:00", "-0530", "+09", "UTC+9", "UTC-03:30"), or an IANA name
// ("Asia/Tokyo"). Nothing for an unknown name; error then says what is accepted.
std::optional<TimeZone> find_time_zone(std::string_view name, std::string* error = nullptr);
// A fixed offset written as above (no IANA names).
std::optional<int32_t> parse_utc_offset(std::string_view text);
// The zones built into this program (what a web build knows by name).
std::vector<std::string> embedded_time_zone_names();

} // namespace tabiji
