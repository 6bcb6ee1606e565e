// tabiji convert: read a log of any supported format and write it as CSV, JSON Lines or XES, with every
// attribute, its type and its level; the filter flags can cut it first (the same path as `filter`).
#include "commands.hpp"
#include "log_writing.hpp"

namespace tabiji::cli {

Command convert_command() {
    return {log_writing_spec(
                "convert", "write a log as CSV, JSON Lines or XES, with its attributes, types and levels",
                "  tabiji convert samples/journeys_ja.csv -o journeys.xes\n"
                "  tabiji convert helpdesk.xes.gz -o helpdesk.csv\n"
                "  tabiji convert samples/journeys_en.csv --end-with 'EC purchase' --format jsonl -o -\n"),
            write_filtered_log};
}

} // namespace tabiji::cli
