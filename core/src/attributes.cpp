// Attribute columns: the value parsers, the type and level inference of type_attributes (rules in
// attributes.hpp), and reading values back as text.
#include "tabiji/attributes.hpp"

#include "tabiji/event_log.hpp"
#include "tabiji/timestamp.hpp"

#include <cstdio>
#include <cstdlib>
#include <limits>

namespace tabiji {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != b[i]) return false;
    }
    return true;
}

// Rows [b, e) of a column all hold the same id.
bool constant_run(const std::vector<uint32_t>& ids, uint64_t b, uint64_t e) {
    for (uint64_t i = b + 1; i < e; ++i)
        if (ids[i] != ids[b]) return false;
    return true;
}

// The level rule: should this untyped event-level column move to case level?
bool belongs_to_cases(const AttributeColumn& c, const EventLog& log) {
    if (c.requested_level != AttrLevel::detect) return false;
    if (c.name.rfind("case:", 0) == 0) return true;
    if (log.num_events() <= log.num_cases()) return false; // no case with two events: no evidence
    for (uint32_t k = 0; k < log.num_cases(); ++k)
        if (!constant_run(c.ids, log.case_begin(k), log.case_end(k))) return false;
    return true;
}

// Event rows -> case rows: the first non-null value of each case in the log's order.
void move_to_cases(AttributeColumn& c, const EventLog& log) {
    std::vector<uint32_t> ids(log.num_cases(), 0);
    for (uint32_t k = 0; k < log.num_cases(); ++k)
        for (uint64_t i = log.case_begin(k); i < log.case_end(k) && !ids[k]; ++i) ids[k] = c.ids[i];
    c.ids = std::move(ids);
    c.rows = log.num_cases();
    c.case_level = true;
    c.valid.assign((c.rows + 63) / 64, 0);
    for (uint64_t r = 0; r < c.rows; ++r) c.valid[r >> 6] |= uint64_t(c.ids[r] != 0) << (r & 63);
}

// Does every distinct non-empty value parse as `type`? Fills the lookup tables on the way.
bool all_parse(const AttributeColumn& c, AttrType type, const TimeZone& zone, std::vector<int64_t>& ints,
               std::vector<double>& reals) {
    const uint32_t n = c.strings.size();
    ints.assign(n, 0);
    reals.assign(n, 0.0);
    for (uint32_t id = 1; id < n; ++id) {
        const std::string_view text = c.strings.view(id);
        switch (type) {
        case AttrType::string:
            break;
        case AttrType::integer: {
            const auto v = parse_integer(text);
            if (!v) return false;
            ints[id] = *v;
            break;
        }
        case AttrType::real: {
            const auto v = parse_real(text);
            if (!v) return false;
            reals[id] = *v;
            break;
        }
        case AttrType::boolean: {
            const auto v = parse_boolean(text);
            if (!v) return false;
            ints[id] = *v ? 1 : 0;
            break;
        }
        case AttrType::time: {
            const auto v = parse_timestamp(text, zone);
            if (!v) return false;
            ints[id] = *v;
            break;
        }
        }
    }
    return true;
}

void type_column(AttributeColumn& c, const TimeZone& zone) {
    std::vector<int64_t> ints;
    std::vector<double> reals;
    AttrType type = AttrType::string;
    if (c.declared) {
        type = all_parse(c, *c.declared, zone, ints, reals) ? *c.declared : AttrType::string;
    } else if (c.strings.size() > 1) {
        for (AttrType t : {AttrType::integer, AttrType::real, AttrType::boolean, AttrType::time})
            if (all_parse(c, t, zone, ints, reals)) {
                type = t;
                break;
            }
    }
    c.type = type;
    c.typed = true;
    if (type == AttrType::string) return;
    if (type == AttrType::real) {
        c.reals.resize(c.rows);
        for (uint64_t r = 0; r < c.rows; ++r) c.reals[r] = reals[c.ids[r]];
    } else {
        c.ints.resize(c.rows);
        for (uint64_t r = 0; r < c.rows; ++r) c.ints[r] = ints[c.ids[r]];
    }
    std::vector<uint32_t>().swap(c.ids);
    c.strings = StringPool();
}

} // namespace

bool AttributeSelection::wants(std::string_view name) const {
    if (mode == Mode::all) return true;
    for (const auto& n : names)
        if (n == name) return true;
    return false;
}

void AttributeSelection::add(const std::vector<std::string>& more) {
    if (mode == Mode::all) return;
    mode = Mode::list;
    for (const auto& n : more)
        if (!wants(n)) names.push_back(n);
}

const char* attr_type_name(AttrType type) {
    switch (type) {
    case AttrType::string:
        return "string";
    case AttrType::integer:
        return "integer";
    case AttrType::real:
        return "real";
    case AttrType::boolean:
        return "boolean";
    case AttrType::time:
        return "time";
    }
    return "string";
}

std::optional<int64_t> parse_integer(std::string_view s) {
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s.empty() || s.size() > 19) return std::nullopt;
    uint64_t v = 0;
    for (char c : s) {
        if (!is_digit(c)) return std::nullopt;
        v = v * 10 + uint64_t(c - '0');
    }
    if (v > uint64_t(std::numeric_limits<int64_t>::max())) return std::nullopt;
    return negative ? -int64_t(v) : int64_t(v);
}

std::optional<double> parse_real(std::string_view s) {
    // Grammar first ([+-] digits [. digits] [e [+-] digits], with a digit before or after the point), so
    // strtod never sees nan, inf, hex or locale forms.
    size_t i = 0, digits = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    }
    if (!digits) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        size_t exp_digits = 0;
        while (i < s.size() && is_digit(s[i])) ++i, ++exp_digits;
        if (!exp_digits) return std::nullopt;
    }
    if (i != s.size() || s.size() > 400) return std::nullopt;
    char buf[401];
    s.copy(buf, s.size());
    buf[s.size()] = 0;
    return std::strtod(buf, nullptr);
}

std::optional<bool> parse_boolean(std::string_view s) {
    if (iequals(s, "true")) return true;
    if (iequals(s, "false")) return false;
    return std::nullopt;
}

uint64_t AttributeColumn::null_count() const {
    uint64_t set = 0;
    for (uint64_t w : valid) set += uint64_t(__builtin_popcountll(w));
    return rows - set;
}

std::string AttributeColumn::text(uint64_t row) const {
    if (!has(row)) return "";
    switch (type) {
    case AttrType::string:
        return std::string(strings.view(ids[row]));
    case AttrType::integer:
        return std::to_string(ints[row]);
    case AttrType::boolean:
        return ints[row] ? "true" : "false";
    case AttrType::time:
        return format_timestamp(ints[row]);
    case AttrType::real: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.15g", reals[row]);
        if (std::strtod(buf, nullptr) != reals[row]) std::snprintf(buf, sizeof buf, "%.17g", reals[row]);
        return buf;
    }
    }
    return "";
}

size_t AttributeColumn::memory_bytes() const {
    return name.capacity() + valid.capacity() * sizeof(uint64_t) + ids.capacity() * sizeof(uint32_t) +
           ints.capacity() * sizeof(int64_t) + reals.capacity() * sizeof(double) + strings.memory_bytes();
}

void type_attributes(EventLog& log, const TimeZone& zone) {
    std::vector<AttributeColumn> kept;
    for (AttributeColumn& c : log.event_attributes) {
        if (c.typed) {
            kept.push_back(std::move(c));
            continue;
        }
        if (belongs_to_cases(c, log)) {
            move_to_cases(c, log);
            type_column(c, zone);
            log.case_attributes.push_back(std::move(c));
        } else {
            type_column(c, zone);
            kept.push_back(std::move(c));
        }
    }
    log.event_attributes = std::move(kept);
    for (AttributeColumn& c : log.case_attributes)
        if (!c.typed) type_column(c, zone);
}

} // namespace tabiji
