// merge_logs: core columns case by case with a stable merge by time; attribute columns follow the events
// (string ids remapped into the merged column's pool).
#include "tabiji/log_merge.hpp"

#include <algorithm>
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

    // Per merged case: events from first, then from second.
    std::vector<uint32_t> second_case_of(total_cases, StringPool::npos);
    for (uint32_t c = 0; c < second.num_cases(); ++c) second_case_of[case_map[c]] = c;

    EventLog out;
    out.source = first.source;
    out.activities = std::move(first.activities);
    out.cases = std::move(first.cases);
    out.has_time = first.has_time || second.has_time;
    out.case_offsets.assign(size_t(total_cases) + 1, 0);
    out.activity.reserve(first.num_events() + second.num_events());
    out.time.reserve(first.num_events() + second.num_events());

    const bool with_attributes = !first.event_attributes.empty() || !second.event_attributes.empty();
    std::vector<uint64_t> origin; // per merged event: row in first, or row in second | kSecond
    constexpr uint64_t kSecond = uint64_t(1) << 63;
    struct Ev {
        Micros t;
        uint32_t a;
        uint64_t origin;
    };
    std::vector<Ev> a_run, b_run, merged;
    for (uint32_t c = 0; c < total_cases; ++c) {
        a_run.clear();
        b_run.clear();
        if (c < first_cases)
            for (uint64_t i = first.case_begin(c); i < first.case_end(c); ++i)
                a_run.push_back({first.time[i], first.activity[i], i});
        if (const uint32_t s = second_case_of[c]; s != StringPool::npos)
            for (uint64_t i = second.case_begin(s); i < second.case_end(s); ++i)
                b_run.push_back({second.time[i], activity_map[second.activity[i]], i | kSecond});
        merged.clear();
        if (out.has_time) {
            // std::merge is stable: on equal times the element of the first range comes first.
            std::merge(a_run.begin(), a_run.end(), b_run.begin(), b_run.end(), std::back_inserter(merged),
                       [](const Ev& x, const Ev& y) { return x.t < y.t; });
        } else {
            merged = a_run;
            merged.insert(merged.end(), b_run.begin(), b_run.end());
        }
        for (const Ev& e : merged) {
            out.activity.push_back(e.a);
            out.time.push_back(e.t);
            if (with_attributes) origin.push_back(e.origin);
        }
        out.case_offsets[size_t(c) + 1] = out.activity.size();
    }

    auto events = pair_columns(first.event_attributes, second.event_attributes, out.activity.size());
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
