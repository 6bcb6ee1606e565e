// Matching the rows of one attribute column against an AttributeFilter (filter.hpp), resolved once per
// filter so that the per-row test is a table lookup or one or two typed comparisons:
//   string            a byte per string id (id 0 is the null row: it holds match_null), so a row costs one
//                     load; values are looked up in the column's pool once;
//   integer, boolean, time: a sorted set of int64 values, or an inclusive int64 range (number bounds are
//                     rounded inwards: min up, max down);
//   real              a sorted set of doubles, or an inclusive double range.
// A null row matches only when match_null is set (the typed payload of a null row is 0 and never looked at).
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/filter.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace tabiji {

struct AttributeMatch {
    enum class Test : uint8_t { ids, int_set, int_range, real_set, real_range };
    const AttributeColumn* column = nullptr;
    Test test = Test::ids;
    bool match_null = false;
    std::vector<uint8_t> id_in;      // ids: per string id, 1 when it matches
    std::vector<int64_t> int_values; // int_set, sorted
    std::vector<double> real_values; // real_set, sorted
    int64_t int_lo = 0, int_hi = 0;  // int_range
    double real_lo = 0, real_hi = 0; // real_range
};

// Finds the column and resolves the values or bounds for its type. InputError(where, ...) for an unknown
// attribute (listing the log's attributes), a string value absent from the column (listing its values),
// a value that does not parse as the column's type, or a range on a string or boolean column / with bounds
// of the other kind.
AttributeMatch resolve_attribute_match(const EventLog& log, const AttributeFilter& f,
                                       const std::string& where);

// Calls use(test) with test(row) -> bool, a lambda specialised for the match's kind, so that the loop in
// `use` compiles once per kind with no dispatch per row.
template <class U>
void with_row_test(const AttributeMatch& m, U&& use) {
    const AttributeColumn& c = *m.column;
    switch (m.test) {
    case AttributeMatch::Test::ids:
        use([&](uint64_t r) { return m.id_in[c.ids[r]] != 0; });
        return;
    case AttributeMatch::Test::int_set:
        use([&](uint64_t r) {
            return c.has(r) ? std::binary_search(m.int_values.begin(), m.int_values.end(), c.ints[r])
                            : m.match_null;
        });
        return;
    case AttributeMatch::Test::int_range:
        use([&](uint64_t r) {
            return c.has(r) ? c.ints[r] >= m.int_lo && c.ints[r] <= m.int_hi : m.match_null;
        });
        return;
    case AttributeMatch::Test::real_set:
        use([&](uint64_t r) {
            return c.has(r) ? std::binary_search(m.real_values.begin(), m.real_values.end(), c.reals[r])
                            : m.match_null;
        });
        return;
    case AttributeMatch::Test::real_range:
        use([&](uint64_t r) {
            return c.has(r) ? c.reals[r] >= m.real_lo && c.reals[r] <= m.real_hi : m.match_null;
        });
        return;
    }
}

} // namespace tabiji
