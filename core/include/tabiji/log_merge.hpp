// Joining two logs read from consecutive parts of one file into the log the whole file would give.
#pragma once
#include "tabiji/event_log.hpp"

namespace tabiji {

// `second` holds the events that come after `first`'s in the file. The result follows the ordering rule
// of event_log.hpp as if both had been read as one: cases in order of first appearance (first's, then
// second's new ones), each case's events stably merged by time with `first`'s events first on ties —
// the same as a stable sort of the concatenation, because each part is already stably sorted.
// Attribute columns are joined by name and follow their events (string ids remapped); a column missing in
// one log is null there; case-level values come from `first` unless null there. Columns of the same name
// must have the same type in both (read_csv_parallel merges untyped columns, then types the result once).
EventLog merge_logs(EventLog first, const EventLog& second);

} // namespace tabiji
