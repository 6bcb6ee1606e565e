// Filter options: --filter FILE.json plus convenience flags, each one filter of filter.hpp.
#include "filter_options.hpp"

#include "output.hpp"
#include "tabiji/error.hpp"
#include "tabiji/input_file.hpp"
#include "tabiji/timestamp.hpp"

#include <cmath>
#include <string>

namespace tabiji::cli {

namespace {

Micros parse_time_option(const Args& args, const char* name) {
    const auto v = args.value(name);
    if (!v) return kNoTime;
    const auto t = parse_timestamp(*v);
    if (!t)
        throw UsageError(std::string("--") + name +
                         " expects an ISO 8601 time such as 2024-04-01 or "
                         "2024-04-01T09:00:00+09:00, got '" +
                         *v + "'");
    return *t;
}

double parse_number(const Args& args, const char* name, double fallback) {
    const auto v = args.value(name);
    if (!v) return fallback;
    size_t used = 0;
    double x = 0;
    try {
        x = std::stod(*v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != v->size() || !std::isfinite(x) || x < 0)
        throw UsageError(std::string("--") + name + " expects a number >= 0, got '" + *v + "'");
    return x;
}

uint64_t parse_count(const Args& args, const char* name, uint64_t fallback) {
    if (!args.value(name)) return fallback;
    const long long n = args.int_or(name, 0);
    if (n < 0) throw UsageError(std::string("--") + name + " expects a whole number >= 0");
    return uint64_t(n);
}

} // namespace

std::vector<OptionSpec> filter_option_specs() {
    return {
        {"filter", "FILE", "apply the filter chain in FILE (JSON, see --save-filter) before the flags below"},
        {"from-time", "T", "keep journeys that touch the period from T (ISO 8601; no zone: UTC)"},
        {"to-time", "T", "... until T (inclusive)"},
        {"time-mode", "MODE", "how --from-time/--to-time cut: intersecting (default), contained, events"},
        {"start-with", "NAME", "keep journeys starting with touchpoint NAME"},
        {"end-with", "NAME", "keep journeys ending with touchpoint NAME"},
        {"keep-touchpoint", "NAME", "keep journeys that include touchpoint NAME"},
        {"drop-touchpoint", "NAME", "drop journeys that include touchpoint NAME"},
        {"min-events", "N", "keep journeys with at least N events"},
        {"max-events", "N", "keep journeys with at most N events"},
        {"min-duration", "SECONDS", "keep journeys lasting at least SECONDS"},
        {"max-duration", "SECONDS", "keep journeys lasting at most SECONDS"},
        {"top-variants", "K", "keep the journeys of the K most frequent variants"},
        {"variant-coverage", "P", "keep the fewest variants covering P % of the journeys"},
        {"save-filter", "FILE", "write the effective filter chain as JSON to FILE"},
    };
}

FilterChain filter_chain_from_args(const Args& args) {
    FilterChain chain;
    if (auto path = args.value("filter")) {
        std::string text;
        read_file_chunks(*path, [&](std::string_view c) { text.append(c); });
        chain = filter_chain_from_json(text, *path);
    }
    const Micros from = parse_time_option(args, "from-time"), to = parse_time_option(args, "to-time");
    const std::string mode = args.value_or("time-mode", "intersecting");
    if (mode != "intersecting" && mode != "contained" && mode != "events")
        throw UsageError("--time-mode expects intersecting, contained or events, got '" + mode + "'");
    if (from != kNoTime || to != kNoTime) {
        TimeFrameFilter f;
        f.mode = mode == "events"      ? TimeFrameMode::events
                 : mode == "contained" ? TimeFrameMode::contained
                                       : TimeFrameMode::intersecting;
        f.from = from;
        f.to = to;
        chain.filters.push_back(f);
    }
    if (auto v = args.value("start-with"))
        chain.filters.push_back(EndpointFilter{Endpoint::start, {*v}, true});
    if (auto v = args.value("end-with")) chain.filters.push_back(EndpointFilter{Endpoint::end, {*v}, true});
    if (auto v = args.value("keep-touchpoint"))
        chain.filters.push_back(TouchpointFilter{TouchpointMode::keep_cases, {*v}});
    if (auto v = args.value("drop-touchpoint"))
        chain.filters.push_back(TouchpointFilter{TouchpointMode::drop_cases, {*v}});
    if (args.value("min-events") || args.value("max-events"))
        chain.filters.push_back(CaseSizeFilter{parse_count(args, "min-events", 0),
                                               parse_count(args, "max-events", CaseSizeFilter{}.max)});
    if (args.value("min-duration") || args.value("max-duration"))
        chain.filters.push_back(
            CaseDurationFilter{parse_number(args, "min-duration", 0),
                               parse_number(args, "max-duration", CaseDurationFilter{}.max_seconds)});
    if (args.value("top-variants") && args.value("variant-coverage"))
        throw UsageError("--top-variants and --variant-coverage exclude each other");
    if (args.value("top-variants")) {
        const uint64_t k = parse_count(args, "top-variants", 0);
        if (k == 0) throw UsageError("--top-variants expects 1 or more");
        chain.filters.push_back(VariantFilter{k, 0});
    }
    if (args.value("variant-coverage")) {
        const double p = parse_number(args, "variant-coverage", 0);
        if (p <= 0 || p > 100) throw UsageError("--variant-coverage expects a percentage in (0, 100]");
        chain.filters.push_back(VariantFilter{0, p});
    }
    // Flag values get the same checks as a filter file (min above max, ...), reported as usage errors.
    for (const Filter& f : chain.filters) {
        try {
            validate_filter(f, "filter " + std::string(filter_kind_name(f)));
        } catch (const InputError& e) {
            throw UsageError(e.what());
        }
    }
    return chain;
}

LogView apply_filter_options(const Args& args, const EventLog& log) {
    const FilterChain chain = filter_chain_from_args(args);
    if (auto path = args.value("save-filter")) write_output(*path, filter_chain_to_json(chain));
    return apply_filters(log, chain);
}

} // namespace tabiji::cli
