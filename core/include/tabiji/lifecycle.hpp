// Lifecycle transitions: logs that record an activity's start and its completion as two events
// (XES lifecycle:transition, a CSV / JSON Lines "lifecycle:transition" or "lifecycle" column).
//
// Keeping one value (--lifecycle complete) is done by the readers while reading (CsvOptions::lifecycle,
// XesOptions::lifecycle). Pairing (--pair-lifecycle) turns each start / complete pair into one event:
//   - per case, in the log's order (time, then file order); values compared without regard to case;
//   - a "start" opens an instance of its activity; a "complete" closes the OLDEST open instance of the
//     same activity in the case (first in, first out: start A1, start A2, complete, complete pairs A1 with
//     the first complete), the way PM4Py's interval conversion pairs them;
//   - the paired event is the complete event (its timestamp, its attributes, its place in the order) with
//     two more event attributes: "start_timestamp" (time) and "duration_s" (real, complete - start);
//   - a complete without an open start is kept, with start_timestamp and duration_s null;
//   - a start never completed in its case is dropped; so are events with another or no lifecycle value
//     (schedule, suspend, ...); cases left without events are dropped.
#pragma once
#include "tabiji/event_log.hpp"

#include <cstdint>

namespace tabiji {

struct LifecyclePairing {
    uint64_t pairs = 0;               // complete events with their start
    uint64_t unmatched_completes = 0; // kept without start
    uint64_t unmatched_starts = 0;    // dropped
    uint64_t other_events = 0;        // dropped: another or no lifecycle value
    uint64_t dropped_cases = 0;       // cases left without events
};

// The lifecycle column of a log: the event attribute "lifecycle:transition", else "lifecycle"; null if none.
const AttributeColumn* lifecycle_column(const EventLog& log);

// Throws InputError when the log has no lifecycle column.
EventLog pair_lifecycle(EventLog log, LifecyclePairing* stats = nullptr);

} // namespace tabiji
