// tabiji variants: the distinct journeys (variants) of a log, most frequent first, with their share of the
// journeys and the coverage curve; --top and --coverage cut the list.
#include "commands.hpp"
#include "filter_options.hpp"
#include "log_options.hpp"
#include "report_format.hpp"
#include "variants_output.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/variants.hpp"

namespace tabiji::cli {

namespace {

std::string kind(const Args& args) {
    return format_extension(output_format(args, {Format::json, Format::csv, Format::dot}));
}

std::string produce(const Args& args, const std::string& path) {
    ReadReport report;
    const FilterChain filters = filter_chain_from_args(args);
    const EventLog log =
        load_log(args, path, report, AttributeSelection::none(), filter_attribute_names(filters));
    const Format format = output_format(args, {Format::json, Format::csv, Format::dot});
    const LogView view = apply_filter_options(args, filters, log);
    const auto variants = mine_variants(log, view);
    const Dfg dfg = format == Format::dot ? mine_dfg(log, view) : Dfg{};
    return variants_output(args, format, log, variants, dfg);
}

} // namespace

Command variants_command() {
    CommandSpec s;
    s.name = "variants";
    s.summary = "distinct journeys (variants), most frequent first, with shares and coverage";
    s.usage = "tabiji variants [options] LOG...";
    s.options = log_and_filter_option_specs();
    for (OptionSpec& o : variants_option_specs()) s.options.push_back(std::move(o));
    s.options.push_back(batch_output_option_spec());
    s.examples = "  tabiji variants samples/journeys_en.csv --top 10\n"
                 "  tabiji variants samples/journeys_en.csv --coverage 80 --format csv\n"
                 "  tabiji variants export.csv --start-with 'TV ad' --min-events 3 -o variants.json\n";
    s.min_positionals = 1;
    s.max_positionals = kManyLogs;
    return {s, nullptr, {kind, produce}};
}

} // namespace tabiji::cli
