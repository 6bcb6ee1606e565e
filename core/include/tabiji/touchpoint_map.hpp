// Applying a catalog's mapping rules to a log: which touchpoint each event belongs to (rules and their
// order in catalog.hpp). Regexes are compiled once per call; each rule is evaluated once per distinct
// activity and once per distinct string value of the attribute it tests, so mapping costs O(events) plus
// O(rules x distinct values).
//
// Touchpoint numbers: the catalog's touchpoints first (same order), then, under UnmappedPolicy::other, one
// ad-hoc touchpoint per unmapped activity (channel other, its default mode, no stage), in activity id order.
#pragma once
#include "tabiji/catalog.hpp"
#include "tabiji/event_log.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

struct TouchpointMap {
    static constexpr uint32_t kNone = 0xffffffffu; // event left out (unmapped under UnmappedPolicy::drop)

    std::vector<std::string> names;       // per touchpoint
    std::vector<ChannelKind> channel;     // per touchpoint
    std::vector<ContactMode> mode;        // per touchpoint
    std::vector<int32_t> stage;           // per touchpoint: index into stage_names, or -1
    std::vector<uint8_t> human_contact;   // per touchpoint: its channel is a human-contact channel
    std::vector<double> cost_per_contact; // per touchpoint
    uint32_t catalog_touchpoints = 0;     // touchpoints [0, catalog_touchpoints) come from the catalog
    std::vector<std::string> stage_names; // the catalog's stages
    std::vector<std::string> stage_labels_ja;

    std::vector<uint32_t> by_activity; // activity id -> touchpoint (activity-name rules and fallbacks)
    std::vector<uint32_t> by_event;    // per event when some rule tests an attribute; else empty

    struct Unmapped {
        std::string activity;
        uint64_t events = 0;
    };
    std::vector<Unmapped> unmapped;              // activities of events no rule matched, by events desc, name
    std::vector<std::string> missing_attributes; // attributes rules test that the log does not have

    uint32_t of(uint64_t event, uint32_t activity) const {
        return by_event.empty() ? by_activity[activity] : by_event[event];
    }
    uint32_t size() const { return uint32_t(names.size()); }
    uint32_t find(std::string_view name) const; // kNone when absent
};

TouchpointMap map_touchpoints(const Catalog& catalog, const EventLog& log);

// The default catalog in the language whose touchpoint names match more of the log's activities (ties:
// English): the one `tabiji cx` uses without --catalog.
Catalog default_catalog_for(const EventLog& log);

} // namespace tabiji
