// Filter options: --filter FILE.json plus convenience flags, each one filter of filter.hpp.
#include "filter_options.hpp"

#include "log_options.hpp"
#include "output.hpp"
#include "tabiji/error.hpp"
#include "tabiji/input_file.hpp"
#include "tabiji/timestamp.hpp"

#include <cmath>
#include <mutex>
#include <string>
#include <utility>

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

// "NAME=REST" of --attr, --drop-attr and --attr-range.
std::pair<std::string, std::string> split_name(const std::string& text, const char* option,
                                               const char* form) {
    const size_t eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        throw UsageError(std::string("--") + option + " expects " + form + ", got '" + text + "'");
    return {text.substr(0, eq), text.substr(eq + 1)};
}

// Values separated by commas; "\," is a comma inside a value.
std::vector<std::string> split_values(const std::string& text) {
    std::vector<std::string> out(1);
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == ',')
            out.back() += text[++i];
        else if (text[i] == ',')
            out.emplace_back();
        else
            out.back() += text[i];
    }
    return out;
}

// A bound of --attr-range: empty (open), a number, or an ISO 8601 time.
AttributeBound parse_bound(const std::string& text) {
    if (text.empty()) return {};
    if (const auto x = parse_real(text)) return AttributeBound::of(*x);
    if (const auto t = parse_timestamp(text)) return AttributeBound::at(*t);
    throw UsageError("--attr-range expects numbers or ISO 8601 times as bounds, got '" + text + "'");
}

uint64_t parse_count(const Args& args, const char* name, uint64_t fallback) {
    if (!args.value(name)) return fallback;
    const long long n = args.int_or(name, 0);
    if (n < 0) throw UsageError(std::string("--") + name + " expects a whole number >= 0");
    return uint64_t(n);
}

} // namespace

std::vector<OptionSpec> log_and_filter_option_specs() {
    std::vector<OptionSpec> s = log_option_specs();
    for (auto& o : filter_option_specs()) s.push_back(o);
    return s;
}

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
        {"attr", "NAME=V1,V2",
         "keep journeys with an event (or a case attribute) NAME in the values (\\, for a comma)"},
        {"drop-attr", "NAME=V1,V2", "drop journeys with an event (or a case attribute) NAME in the values"},
        {"attr-range", "NAME=MIN..MAX",
         "keep journeys with an event (or a case attribute) NAME in [MIN, MAX]: numbers or ISO 8601 times, "
         "either may be left out"},
        {"attr-events", "", "--attr, --drop-attr and --attr-range keep (drop) only the matching events"},
        {"attr-nulls", "", "missing values match --attr, --drop-attr and --attr-range too"},
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
    const bool events = args.flag("attr-events"), nulls = args.flag("attr-nulls");
    if (auto v = args.value("attr")) {
        auto [name, values] = split_name(*v, "attr", "NAME=V1,V2");
        chain.filters.push_back(AttributeFilter{name,
                                                events ? MatchMode::keep_events : MatchMode::keep_cases,
                                                split_values(values),
                                                {},
                                                {},
                                                nulls});
    }
    if (auto v = args.value("drop-attr")) {
        auto [name, values] = split_name(*v, "drop-attr", "NAME=V1,V2");
        chain.filters.push_back(AttributeFilter{name,
                                                events ? MatchMode::drop_events : MatchMode::drop_cases,
                                                split_values(values),
                                                {},
                                                {},
                                                nulls});
    }
    if (auto v = args.value("attr-range")) {
        auto [name, range] = split_name(*v, "attr-range", "NAME=MIN..MAX");
        const size_t dots = range.find("..");
        if (dots == std::string::npos)
            throw UsageError("--attr-range expects NAME=MIN..MAX (MIN or MAX may be left out), got '" + *v +
                             "'");
        chain.filters.push_back(AttributeFilter{name,
                                                events ? MatchMode::keep_events : MatchMode::keep_cases,
                                                {},
                                                parse_bound(range.substr(0, dots)),
                                                parse_bound(range.substr(dots + 2)),
                                                nulls});
    }
    if ((events || nulls) && !args.value("attr") && !args.value("drop-attr") && !args.value("attr-range"))
        throw UsageError("--attr-events and --attr-nulls go with --attr, --drop-attr or --attr-range");
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

LogView apply_filter_options(const Args& args, const FilterChain& chain, const EventLog& log) {
    if (auto path = args.value("save-filter")) {
        // Several logs in one call save the same chain, one at a time (one temporary file name per target).
        static std::mutex saving;
        std::lock_guard<std::mutex> lock(saving);
        write_output(*path, filter_chain_to_json(chain));
    }
    // An attribute the log lacks: the reader kept only the ones asked for, so the error could not list
    // the others. Read the file again with all of them (an error path only; not standard input) and let
    // the filter fail there, naming the attribute and listing the log's.
    const std::string& path = log.source; // the log as named (several may be given)
    for (const std::string& name : filter_attribute_names(chain))
        if (!log.attribute(name) && path != "-") {
            ReadReport report;
            apply_filters(load_log(args, path, report, AttributeSelection{}), chain);
        }
    return apply_filters(log, chain);
}

} // namespace tabiji::cli
