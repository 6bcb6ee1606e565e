// LogView: materialising its masks, and counting what it keeps.
#include "tabiji/log_view.hpp"

namespace tabiji {

void LogView::ensure_case_mask(const EventLog& log) {
    if (case_kept.empty()) case_kept.assign(log.num_cases(), 1);
}

void LogView::ensure_event_mask(const EventLog& log) {
    if (event_kept.empty()) event_kept.assign(log.num_events(), 1);
}

ViewSize view_size(const EventLog& log, const LogView& view) {
    ViewSize s;
    for_each_case(log, view, [&](const CaseEvents& ce) {
        ++s.cases;
        s.events += ce.size;
    });
    return s;
}

} // namespace tabiji
