// Joining two logs read from consecutive parts of one file into the log the whole file would give.
#pragma once
#include "tabiji/event_log.hpp"

namespace tabiji {

// `second` holds the events that come after `first`'s in the file. The result follows the ordering rule
// of event_log.hpp as if both had been read as one: cases in order of first appearance (first's, then
// second's new ones), each case's events stably merged by time with `first`'s events first on ties —
// the same as a stable sort of the concatenation, because each part is already stably sorted.
EventLog merge_logs(EventLog first, const EventLog& second);

} // namespace tabiji
