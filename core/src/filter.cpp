// Applying filters to a LogView: each kind reduces to "keep cases where ..." or "keep events where ...",
// both walking the view with for_each_case (log_view.hpp).
#include "tabiji/filter.hpp"

#include "attribute_match.hpp"
#include "tabiji/error.hpp"
#include "tabiji/variants.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

namespace tabiji {

namespace {

template <class... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

[[noreturn]] void fail(const std::string& where, const std::string& message) {
    throw InputError(where, 0, 0, message);
}

std::string where_of(const Filter& f) {
    return "filter " + std::string(filter_kind_name(f));
}

uint32_t resolve(const EventLog& log, const std::string& name, const std::string& where) {
    const uint32_t id = log.activities.find(name);
    if (id != StringPool::npos) return id;
    std::string known;
    for (uint32_t a = 0; a < log.num_activities() && a < 8; ++a)
        known += (a ? ", '" : "'") + std::string(log.activities.view(a)) + "'";
    if (log.num_activities() > 8) known += ", ...";
    fail(where, "unknown touchpoint '" + name + "' (the log has " + known + ")");
}

// Per activity id: 1 when the name is in the list.
std::vector<uint8_t> resolve_set(const EventLog& log, const std::vector<std::string>& names,
                                 const std::string& where) {
    std::vector<uint8_t> in(log.num_activities(), 0);
    for (const auto& n : names) in[resolve(log, n, where)] = 1;
    return in;
}

// Keeps the cases of the view for which pred(CaseEvents) is true.
template <class P>
void keep_cases_where(const EventLog& log, LogView& view, P&& pred) {
    view.ensure_case_mask(log);
    std::vector<uint8_t>& kept = view.case_kept;
    for_each_case(log, view, [&](const CaseEvents& ce) { kept[ce.case_index] = pred(ce) ? 1 : 0; });
}

// Keeps, in each case, the kept events k with range(ce) = [lo, hi) containing k and pred(ce, k) true;
// range returning nothing drops the case. Cases left without events are dropped.
template <class R, class P>
void keep_events_where(const EventLog& log, LogView& view, R&& range, P&& pred) {
    view.ensure_case_mask(log);
    view.ensure_event_mask(log);
    for_each_case(log, view, [&](const CaseEvents& ce) {
        const std::optional<std::pair<uint64_t, uint64_t>> r = range(ce);
        bool any = false;
        for (uint64_t k = 0; k < ce.size; ++k) {
            const bool keep = r && k >= r->first && k < r->second && pred(ce, k);
            view.event_kept[ce.event_index(k)] = keep ? 1 : 0;
            any |= keep;
        }
        if (!any) view.case_kept[ce.case_index] = 0;
    });
}

auto whole_case() {
    return [](const CaseEvents& ce) { return std::optional<std::pair<uint64_t, uint64_t>>({0, ce.size}); };
}

// Applies a MatchMode, where matches(ce, k) says whether kept event k of a case matches.
template <class M>
void keep_matching(const EventLog& log, LogView& view, MatchMode mode, M&& matches) {
    if (mode == MatchMode::keep_events || mode == MatchMode::drop_events) {
        const bool want = mode == MatchMode::keep_events;
        keep_events_where(log, view, whole_case(),
                          [&](const CaseEvents& ce, uint64_t k) { return matches(ce, k) == want; });
        return;
    }
    const bool want = mode == MatchMode::keep_cases;
    keep_cases_where(log, view, [&](const CaseEvents& ce) {
        bool has = false;
        for (uint64_t k = 0; k < ce.size && !has; ++k) has = matches(ce, k);
        return has == want;
    });
}

bool in_range(Micros t, Micros from, Micros to) {
    return (from == kNoTime || t >= from) && (to == kNoTime || t <= to);
}

void need_time(const EventLog& log, const std::string& where) {
    if (!log.has_time) fail(where, "the log has no timestamps");
}

} // namespace

void validate_filter(const Filter& filter, const std::string& where) {
    std::visit(overloaded{
                   [&](const TimeFrameFilter& f) {
                       if (f.from != kNoTime && f.to != kNoTime && f.from > f.to)
                           fail(where, "'from' is after 'to'");
                   },
                   [&](const CaseSizeFilter& f) {
                       if (f.min > f.max)
                           fail(where, "min (" + std::to_string(f.min) + ") is above max (" +
                                           std::to_string(f.max) + ")");
                   },
                   [&](const CaseDurationFilter& f) {
                       if (!(f.min_seconds >= 0)) fail(where, "min_seconds must be 0 or more");
                       if (!(f.max_seconds >= f.min_seconds)) fail(where, "max_seconds is below min_seconds");
                   },
                   [&](const EndpointFilter& f) {
                       if (f.touchpoints.empty()) fail(where, "needs at least one touchpoint");
                   },
                   [&](const TouchpointFilter& f) {
                       if (f.touchpoints.empty()) fail(where, "needs at least one touchpoint");
                   },
                   [&](const FollowsFilter& f) {
                       if (f.from.empty() || f.to.empty()) fail(where, "needs 'from' and 'to' touchpoints");
                   },
                   [&](const BetweenFilter& f) {
                       if (f.from.empty() || f.to.empty()) fail(where, "needs 'from' and 'to' touchpoints");
                   },
                   [&](const AttributeFilter& f) {
                       if (f.attribute.empty()) fail(where, "needs an attribute name");
                       const bool range = !f.min.open() || !f.max.open();
                       if (range && !f.values.empty())
                           fail(where, "takes values or a range (min, max), not both");
                       if (!range && f.values.empty() && !f.match_null)
                           fail(where, "attribute '" + f.attribute +
                                           "': needs values, a range (min, max) or match_null");
                       for (const std::string& v : f.values)
                           if (v.empty())
                               fail(where, "attribute '" + f.attribute +
                                               "': an empty value is null; use match_null to match nulls");
                       if (!f.min.open() && !f.max.open()) {
                           if (f.min.kind != f.max.kind)
                               fail(where, "attribute '" + f.attribute +
                                               "': min and max must both be numbers or both times");
                           if (f.min.kind == AttributeBound::Kind::number ? !(f.min.number <= f.max.number)
                                                                          : f.min.time > f.max.time)
                               fail(where, "attribute '" + f.attribute + "': min is above max");
                       }
                       for (const AttributeBound* b : {&f.min, &f.max})
                           if (b->kind == AttributeBound::Kind::number && !std::isfinite(b->number))
                               fail(where, "attribute '" + f.attribute + "': bounds must be finite numbers");
                   },
                   [&](const VariantFilter& f) {
                       if (f.top == 0 && !(f.coverage_percent > 0 && f.coverage_percent <= 100))
                           fail(where, "needs top >= 1 or coverage_percent in (0, 100]");
                       if (f.top != 0 && f.coverage_percent != 0)
                           fail(where, "takes top or coverage_percent, not both");
                   },
               },
               filter);
}

void apply_filter(const EventLog& log, const Filter& filter, LogView& view) {
    const std::string where = where_of(filter);
    validate_filter(filter, where);
    std::visit(
        overloaded{
            [&](const TimeFrameFilter& f) {
                need_time(log, where);
                if (f.mode == TimeFrameMode::events) {
                    keep_events_where(log, view, whole_case(), [&](const CaseEvents& ce, uint64_t k) {
                        return in_range(ce.time[k], f.from, f.to);
                    });
                    return;
                }
                keep_cases_where(log, view, [&](const CaseEvents& ce) {
                    const Micros first = ce.time[0], last = ce.time[ce.size - 1];
                    if (f.mode == TimeFrameMode::contained)
                        return in_range(first, f.from, f.to) && in_range(last, f.from, f.to);
                    return (f.to == kNoTime || first <= f.to) && (f.from == kNoTime || last >= f.from);
                });
            },
            [&](const CaseSizeFilter& f) {
                keep_cases_where(log, view,
                                 [&](const CaseEvents& ce) { return ce.size >= f.min && ce.size <= f.max; });
            },
            [&](const CaseDurationFilter& f) {
                need_time(log, where);
                keep_cases_where(log, view, [&](const CaseEvents& ce) {
                    const double d = double(ce.time[ce.size - 1] - ce.time[0]) / 1e6;
                    return d >= f.min_seconds && d <= f.max_seconds;
                });
            },
            [&](const EndpointFilter& f) {
                const auto in = resolve_set(log, f.touchpoints, where);
                keep_cases_where(log, view, [&](const CaseEvents& ce) {
                    const uint32_t a =
                        f.endpoint == Endpoint::start ? ce.activity[0] : ce.activity[ce.size - 1];
                    return bool(in[a]) == f.keep;
                });
            },
            [&](const TouchpointFilter& f) {
                const auto in = resolve_set(log, f.touchpoints, where);
                keep_matching(log, view, f.mode,
                              [&](const CaseEvents& ce, uint64_t k) { return in[ce.activity[k]] != 0; });
            },
            [&](const FollowsFilter& f) {
                const uint32_t a = resolve(log, f.from, where), b = resolve(log, f.to, where);
                keep_cases_where(log, view, [&](const CaseEvents& ce) {
                    bool found = false;
                    if (f.eventually) {
                        bool seen_a = false;
                        for (uint64_t k = 0; k < ce.size && !found; ++k) {
                            found = seen_a && ce.activity[k] == b;
                            seen_a |= ce.activity[k] == a;
                        }
                    } else {
                        for (uint64_t k = 0; k + 1 < ce.size && !found; ++k)
                            found = ce.activity[k] == a && ce.activity[k + 1] == b;
                    }
                    return found == f.keep;
                });
            },
            [&](const BetweenFilter& f) {
                const uint32_t a = resolve(log, f.from, where), b = resolve(log, f.to, where);
                keep_events_where(
                    log, view,
                    [&](const CaseEvents& ce) -> std::optional<std::pair<uint64_t, uint64_t>> {
                        const uint32_t* p = ce.activity;
                        const uint32_t* s = std::find(p, p + ce.size, a);
                        if (s == p + ce.size) return std::nullopt;
                        const uint32_t* t = std::find(s + 1, p + ce.size, b);
                        if (t == p + ce.size) return std::nullopt;
                        return std::make_pair(uint64_t(s - p), uint64_t(t - p) + 1);
                    },
                    [](const CaseEvents&, uint64_t) { return true; });
            },
            [&](const VariantFilter& f) {
                std::vector<uint32_t> case_variant;
                const auto variants = mine_variants(log, view, &case_variant);
                const uint64_t keep = f.top ? std::min<uint64_t>(f.top, variants.size())
                                            : variants_covering(variants, f.coverage_percent);
                keep_cases_where(log, view,
                                 [&](const CaseEvents& ce) { return case_variant[ce.case_index] < keep; });
            },
            [&](const AttributeFilter& f) {
                const AttributeMatch m = resolve_attribute_match(log, f, where);
                with_row_test(m, [&](auto matches_row) {
                    if (!m.column->case_level) {
                        keep_matching(log, view, f.mode, [&](const CaseEvents& ce, uint64_t k) {
                            return matches_row(ce.event_index(k));
                        });
                        return;
                    }
                    // One value per case: the event modes keep or drop whole cases too.
                    const bool keep = f.mode == MatchMode::keep_cases || f.mode == MatchMode::keep_events;
                    keep_matching(log, view, keep ? MatchMode::keep_cases : MatchMode::drop_cases,
                                  [&](const CaseEvents& ce, uint64_t) { return matches_row(ce.case_index); });
                });
            },
        },
        filter);
}

LogView apply_filters(const EventLog& log, const FilterChain& chain) {
    LogView view;
    for (const Filter& f : chain.filters) apply_filter(log, f, view);
    return view;
}

std::vector<std::string> filter_attribute_names(const FilterChain& chain) {
    std::vector<std::string> names;
    for (const Filter& f : chain.filters)
        if (const auto* a = std::get_if<AttributeFilter>(&f))
            if (std::find(names.begin(), names.end(), a->attribute) == names.end())
                names.push_back(a->attribute);
    return names;
}

} // namespace tabiji
