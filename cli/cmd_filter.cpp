// tabiji filter: the cases and events a filter chain keeps, written as a log of their own (CSV, JSON Lines
// or XES, attributes kept): the same chain `dfg` and the other mining commands apply, for other tools.
#include "commands.hpp"
#include "log_writing.hpp"

namespace tabiji::cli {

Command filter_command() {
    return {log_writing_spec(
                "filter", "write the cases and events the filter flags (or --filter FILE) keep as a log",
                "  tabiji filter samples/journeys_en.csv --end-with 'EC purchase' -o purchases.csv\n"
                "  tabiji filter export.xes.gz --filter chain.json --format jsonl -o - | head\n"
                "  tabiji filter samples/journeys_ja.csv --attr セグメント=プレミアム -o premium.xes\n"),
            write_filtered_log};
}

} // namespace tabiji::cli
