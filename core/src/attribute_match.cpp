// Resolving an AttributeFilter against a log's attribute column: which column, and the typed values or
// bounds its rows are compared with (see attribute_match.hpp).
#include "attribute_match.hpp"

#include "tabiji/error.hpp"
#include "tabiji/timestamp.hpp"

#include <cmath>
#include <limits>
#include <optional>

namespace tabiji {

namespace {

[[noreturn]] void fail(const std::string& where, const std::string& message) {
    throw InputError(where, 0, 0, message);
}

std::string quoted_list(const std::vector<std::string>& items, size_t shown) {
    std::string out;
    for (size_t i = 0; i < items.size() && i < shown; ++i) out += (i ? ", '" : "'") + items[i] + "'";
    if (items.size() > shown) out += ", ... (" + std::to_string(items.size()) + " in all)";
    return out;
}

const AttributeColumn& find_column(const EventLog& log, const std::string& name, const std::string& where) {
    if (const AttributeColumn* c = log.attribute(name)) return *c;
    std::string known;
    for (const auto* level : {&log.event_attributes, &log.case_attributes})
        for (const AttributeColumn& c : *level)
            known += std::string(known.empty() ? "" : ", ") + "'" + c.name + "' (" +
                     (c.case_level ? "case" : "event") + ", " + attr_type_name(c.type) + ")";
    fail(where,
         "unknown attribute '" + name + "' (" +
             (known.empty() ? std::string("no attributes were read from the log") : "the log has " + known) +
             ")");
}

// Number bounds on an integer column, rounded inwards and clamped to int64.
int64_t int_bound(double x, bool lower) {
    const double r = lower ? std::ceil(x) : std::floor(x);
    if (r <= double(std::numeric_limits<int64_t>::min())) return std::numeric_limits<int64_t>::min();
    if (r >= double(std::numeric_limits<int64_t>::max())) return std::numeric_limits<int64_t>::max();
    return int64_t(r);
}

std::optional<int64_t> parse_int_value(AttrType type, const std::string& v) {
    if (type == AttrType::integer) return parse_integer(v);
    if (type == AttrType::time) return parse_timestamp(v);
    if (const auto b = parse_boolean(v)) return int64_t(*b);
    return std::nullopt;
}

void resolve_values(const AttributeColumn& c, const AttributeFilter& f, const std::string& where,
                    AttributeMatch& m) {
    const std::string what = "attribute '" + c.name + "' (" + attr_type_name(c.type) + ")";
    if (c.type == AttrType::string) {
        m.test = AttributeMatch::Test::ids;
        m.id_in.assign(std::max<uint32_t>(c.strings.size(), 1), 0);
        m.id_in[0] = f.match_null; // id 0: the null rows
        for (const std::string& v : f.values) {
            const uint32_t id = c.strings.find(v);
            if (id == StringPool::npos || id == 0) {
                std::vector<std::string> values;
                for (uint32_t i = 1; i < c.strings.size(); ++i) values.emplace_back(c.strings.view(i));
                fail(where, what + " has no value '" + v + "' (values: " + quoted_list(values, 8) + ")");
            }
            m.id_in[id] = 1;
        }
        return;
    }
    if (c.type == AttrType::real) {
        m.test = AttributeMatch::Test::real_set;
        for (const std::string& v : f.values) {
            const auto x = parse_real(v);
            if (!x) fail(where, what + ": '" + v + "' is not a number");
            m.real_values.push_back(*x);
        }
        std::sort(m.real_values.begin(), m.real_values.end());
        return;
    }
    m.test = AttributeMatch::Test::int_set;
    for (const std::string& v : f.values) {
        const auto x = parse_int_value(c.type, v);
        if (!x)
            fail(where, what + ": '" + v + "' is not " +
                            (c.type == AttrType::integer ? "a whole number"
                             : c.type == AttrType::time  ? "an ISO 8601 time"
                                                         : "true or false"));
        m.int_values.push_back(*x);
    }
    std::sort(m.int_values.begin(), m.int_values.end());
}

void resolve_range(const AttributeColumn& c, const AttributeFilter& f, const std::string& where,
                   AttributeMatch& m) {
    const std::string what = "attribute '" + c.name + "' (" + attr_type_name(c.type) + ")";
    if (c.type == AttrType::string || c.type == AttrType::boolean)
        fail(where, what + ": a range needs an integer, real or time attribute; give values instead");
    const auto want = c.type == AttrType::time ? AttributeBound::Kind::time : AttributeBound::Kind::number;
    for (const AttributeBound* b : {&f.min, &f.max})
        if (!b->open() && b->kind != want)
            fail(where, what + (want == AttributeBound::Kind::time ? ": bounds must be ISO 8601 times"
                                                                   : ": bounds must be numbers"));
    if (c.type == AttrType::real) {
        m.test = AttributeMatch::Test::real_range;
        m.real_lo = f.min.open() ? -std::numeric_limits<double>::infinity() : f.min.number;
        m.real_hi = f.max.open() ? std::numeric_limits<double>::infinity() : f.max.number;
        return;
    }
    m.test = AttributeMatch::Test::int_range;
    constexpr int64_t lo = std::numeric_limits<int64_t>::min(), hi = std::numeric_limits<int64_t>::max();
    if (c.type == AttrType::time) {
        m.int_lo = f.min.open() ? lo : f.min.time;
        m.int_hi = f.max.open() ? hi : f.max.time;
    } else {
        m.int_lo = f.min.open() ? lo : int_bound(f.min.number, true);
        m.int_hi = f.max.open() ? hi : int_bound(f.max.number, false);
    }
}

} // namespace

AttributeMatch resolve_attribute_match(const EventLog& log, const AttributeFilter& f,
                                       const std::string& where) {
    AttributeMatch m;
    m.column = &find_column(log, f.attribute, where);
    m.match_null = f.match_null;
    if (!f.min.open() || !f.max.open())
        resolve_range(*m.column, f, where, m);
    else
        resolve_values(*m.column, f, where, m); // also "nulls only": an empty value set
    return m;
}

} // namespace tabiji
