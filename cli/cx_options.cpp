// Loading the catalog, the log and the view the CX subcommands share (see cx_options.hpp).
#include "cx_options.hpp"

#include "filter_options.hpp"
#include "log_options.hpp"

#include "tabiji/catalog_json.hpp"
#include "tabiji/error.hpp"
#include "tabiji/funnel.hpp"
#include "tabiji/input_file.hpp"

namespace tabiji::cli {

std::vector<OptionSpec> cx_common_option_specs() {
    std::vector<OptionSpec> s = log_and_filter_option_specs();
    s.push_back(
        {"catalog", "FILE",
         "touchpoint catalog (JSON, see 'tabiji catalog'); default: the built-in catalog of the sample "
         "logs, in the log's language"});
    return s;
}

OptionSpec cx_project_option_spec() {
    return {"project", "FILE",
            "a project saved by the browser app (JSON or binary): its catalog (unless --catalog) and its "
            "filters (after the filter flags)"};
}

CxInput load_cx_input(const Args& args, const std::string& path, bool all_attributes,
                      ReadReport* read_report) {
    CxInput in;
    const auto catalog_path = args.value("catalog");
    if (catalog_path) {
        std::string text;
        read_file_chunks(*catalog_path, [&](std::string_view c) { text.append(c); });
        in.catalog = catalog_from_json(text, *catalog_path);
    }
    if (const auto project_path = args.value("project")) {
        in.project = load_project(*project_path);
        if (!catalog_path) in.catalog = in.project->catalog;
    }
    AttributeSelection wanted; // all
    if (!all_attributes) {
        std::vector<std::string> names;
        for (const MappingRule& r : in.catalog.rules)
            if (!r.attribute.empty()) names.push_back(r.attribute);
        wanted = AttributeSelection::only(names);
    }
    FilterChain filters = filter_chain_from_args(args);
    if (in.project)
        filters.filters.insert(filters.filters.end(), in.project->filters.filters.begin(),
                               in.project->filters.filters.end());
    ReadReport report;
    in.log = load_log(args, path, report, wanted, filter_attribute_names(filters));
    if (read_report) *read_report = report;
    if (!catalog_path && !in.project) in.catalog = default_catalog_for(in.log);
    in.map = map_touchpoints(in.catalog, in.log);
    in.view = apply_filter_options(args, filters, in.log);
    return in;
}

uint32_t cx_touchpoint(const CxInput& in, const std::string& name, const char* option) {
    const uint32_t t = in.map.find(name);
    if (t == TouchpointMap::kNone)
        throw InputError(in.log.source, 0, 0, "unknown touchpoint '" + name + "' (--" + option + ")");
    return t;
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        if (comma > start) out.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

double duration_option(const Args& args, const char* option, double fallback) {
    const auto v = args.value(option);
    if (!v) return fallback;
    const auto s = parse_duration_seconds(*v);
    if (!s)
        throw UsageError("--" + std::string(option) + " expects a duration like 7d, 24h, 90m or 45s, got '" +
                         *v + "'");
    return *s;
}

} // namespace tabiji::cli
