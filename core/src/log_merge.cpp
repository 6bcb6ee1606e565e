// merge_logs: core columns case by case with a stable merge by time; attribute columns follow the events
// (string ids remapped into the merged column's pool).
#include "tabiji/log_merge.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace tabiji {

namespace {

// Attribute columns of `first` and `second` joined by name into the columns of the merged log (rows not yet
// filled), with the id maps of their string pools.
struct ColumnPair {
    AttributeColumn out;
    const AttributeColumn* a = nullptr; // in first (moved-from pool: identity ids)
    const AttributeColumn* b = nullptr; // in second
    std::vector<uint32_t> b_ids;        // second's string ids -> out's
};

std::vector<ColumnPair> pair_columns(std::vector<AttributeColumn>& first,
                                     const std::vector<AttributeColumn>& second, uint64_t rows) {
    std::vector<ColumnPair> pairs;
    auto start = [&](AttributeColumn& shape, bool take_pool) {
        ColumnPair p;
        p.out.name = shape.name;
        p.out.type = shape.type;
        p.out.case_level = shape.case_level;
        p.out.typed = shape.typed;
        p.out.requested_level = shape.requested_level;
        p.out.declared = shape.declared;
        p.out.rows = rows;
        p.out.valid.assign((rows + 63) / 64, 0);
        if (shape.type == AttrType::string) {
            p.out.ids.assign(rows, 0);
            if (take_pool)
                p.out.strings = std::move(shape.strings);
            else
                p.out.strings.intern("");
        } else if (shape.type == AttrType::real) {
            p.out.reals.assign(rows, 0.0);
        } else {
            p.out.ints.assign(rows, 0);
        }
        return p;
    };
    for (AttributeColumn& c : first) {
        pairs.push_back(start(c, true));
        pairs.back().a = &c;
    }
    for (const AttributeColumn& c : second) {
        auto it = std::find_if(pairs.begin(), pairs.end(),
                               [&](const ColumnPair& p) { return p.out.name == c.name; });
        if (it == pairs.end()) {
            AttributeColumn shape;
            shape.name = c.name;
            shape.type = c.type;
            shape.case_level = c.case_level;
            shape.typed = c.typed;
            shape.requested_level = c.requested_level;
            shape.declared = c.declared;
            pairs.push_back(start(shape, false));
            it = pairs.end() - 1;
        } else if (it->out.type != c.type || it->out.typed != c.typed) {
            throw std::logic_error("merge_logs: attribute '" + c.name +
                                   "' has different types in the two logs");
        }
        it->b = &c;
        if (c.type == AttrType::string) {
            it->b_ids.resize(c.strings.size());
            for (uint32_t id = 0; id < c.strings.size(); ++id)
                it->b_ids[id] = it->out.strings.intern(c.strings.view(id));
        }
    }
    return pairs;
}

// Row `row` of `from` (second: through b_ids) into row `to` of p.out; null rows stay null.
void copy_row(ColumnPair& p, uint64_t to, bool second, uint64_t row) {
    const AttributeColumn* from = second ? p.b : p.a;
    if (!from || !from->has(row)) return;
    AttributeColumn& out = p.out;
    out.valid[to >> 6] |= uint64_t(1) << (to & 63);
    if (out.type == AttrType::string)
        out.ids[to] = second ? p.b_ids[from->ids[row]] : from->ids[row];
    else if (out.type == AttrType::real)
        out.reals[to] = from->reals[row];
    else
        out.ints[to] = from->ints[row];
}

} // namespace

EventLog merge_logs(EventLog first, const EventLog& second) {
    // Ids of second's strings in first's pools.
    std::vector<uint32_t> activity_map(second.num_activities());
    for (uint32_t a = 0; a < second.num_activities(); ++a)
        activity_map[a] = first.activities.intern(second.activities.view(a));
    const uint32_t first_cases = first.num_cases();
    std::vector<uint32_t> case_map(second.num_cases());
    for (uint32_t c = 0; c < second.num_cases(); ++c) case_map[c] = first.cases.intern(second.cases.view(c));
    const uint32_t total_cases = first.cases.size();

    // Per merged case: its number in second, or npos when second has no event of it.
    std::vector<uint32_t> second_case_of(total_cases, StringPool::npos);
    for (uint32_t c = 0; c < second.num_cases(); ++c) second_case_of[case_map[c]] = c;

    EventLog out;
    out.source = first.source;
    out.activities = std::move(first.activities);
    out.cases = std::move(first.cases);
    out.has_time = first.has_time || second.has_time;
    // Each merged case's size is known up front, so every event is written once, in place: a case found
    // in one log only (most, when parts are consecutive stretches of time) is one block copy.
    auto first_size = [&](uint32_t c) {
        return c < first_cases ? first.case_end(c) - first.case_begin(c) : 0;
    };
    auto second_size = [&](uint32_t c) {
        const uint32_t s = second_case_of[c];
        return s == StringPool::npos ? 0 : second.case_end(s) - second.case_begin(s);
    };
    out.case_offsets.resize(size_t(total_cases) + 1);
    out.case_offsets[0] = 0;
    for (uint32_t c = 0; c < total_cases; ++c)
        out.case_offsets[c + 1] = out.case_offsets[c] + first_size(c) + second_size(c);
    const uint64_t total_events = out.case_offsets.back();
    out.activity.resize(total_events);
    out.time.resize(total_events);

    const bool with_attributes = !first.event_attributes.empty() || !second.event_attributes.empty();
    std::vector<uint64_t> origin; // per merged event: row in first, or row in second | kSecond
    constexpr uint64_t kSecond = uint64_t(1) << 63;
    if (with_attributes) origin.resize(total_events);
    for (uint32_t c = 0; c < total_cases; ++c) {
        uint64_t to = out.case_offsets[c];
        uint64_t a = 0, a_end = 0, b = 0, b_end = 0;
        if (c < first_cases) a = first.case_begin(c), a_end = first.case_end(c);
        if (const uint32_t s = second_case_of[c]; s != StringPool::npos)
            b = second.case_begin(s), b_end = second.case_end(s);
        auto take_first = [&] {
            out.activity[to] = first.activity[a];
            out.time[to] = first.time[a];
            if (with_attributes) origin[to] = a;
            ++to, ++a;
        };
        auto take_second = [&] {
            out.activity[to] = activity_map[second.activity[b]];
            out.time[to] = second.time[b];
            if (with_attributes) origin[to] = b | kSecond;
            ++to, ++b;
        };
        if (b == b_end) { // first's events only: ids unchanged
            std::copy(first.activity.begin() + long(a), first.activity.begin() + long(a_end),
                      out.activity.begin() + long(to));
            std::copy(first.time.begin() + long(a), first.time.begin() + long(a_end),
                      out.time.begin() + long(to));
            if (with_attributes)
                std::iota(origin.begin() + long(to), origin.begin() + long(to + a_end - a), a);
            continue;
        }
        // A stable merge by time: on equal times (or without times) first's event comes first.
        while (a < a_end && b < b_end)
            if (!out.has_time || !(second.time[b] < first.time[a]))
                take_first();
            else
                take_second();
        while (a < a_end) take_first();
        while (b < b_end) take_second();
    }

    auto events = pair_columns(first.event_attributes, second.event_attributes, total_events);
    for (ColumnPair& p : events) {
        for (uint64_t i = 0; i < origin.size(); ++i)
            copy_row(p, i, (origin[i] & kSecond) != 0, origin[i] & ~kSecond);
        out.event_attributes.push_back(std::move(p.out));
    }
    // Case level: a case's value from first, else (new case, or null in first) from second.
    auto cases = pair_columns(first.case_attributes, second.case_attributes, total_cases);
    for (ColumnPair& p : cases) {
        for (uint32_t c = 0; c < first_cases; ++c) copy_row(p, c, false, c);
        for (uint32_t c = 0; c < second.num_cases(); ++c)
            if (!p.out.has(case_map[c])) copy_row(p, case_map[c], true, c);
        out.case_attributes.push_back(std::move(p.out));
    }
    return out;
}

} // namespace tabiji
