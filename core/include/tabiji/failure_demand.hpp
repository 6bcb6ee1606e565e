// Failure demand: self-service and digital touchpoints that did not settle the customer's need, seen as a
// human contact soon after (WEB -> phone, FAQ -> chatbot -> human chat).
//
// Definition (W = window_hours, default 24):
// - An origin event is a step whose touchpoint has mode self_service or digital and is not itself a human
//   contact. Each origin event counts once.
// - It is "followed" when a human-contact step (TouchpointMap::human_contact) comes later in the same
//   journey with time - origin time <= W (inclusive). In FAQ -> chatbot -> human chat, within W of both,
//   the FAQ event and the chatbot event are each followed.
// - Rate per origin touchpoint = followed origin events / origin events of that touchpoint; overall rate
//   = all followed origin events / all origin events.
// - From the contact center's side: a human contact is failure demand when an origin event precedes it in
//   the same journey within W; share_of_human_contacts = those / all human contacts.
// Without timestamps, "within W" holds for any later event.
#pragma once
#include "tabiji/journey.hpp"

#include <cstdint>
#include <vector>

namespace tabiji {

struct FailureDemandRow {
    uint32_t touchpoint = 0;
    uint64_t events = 0;   // origin events of the touchpoint
    uint64_t followed = 0; // ... followed by a human contact within W
    double rate = 0;
};

struct FailureDemand {
    double window_hours = 24;
    std::vector<FailureDemandRow> origins; // touchpoints with origin events, by touchpoint number
    uint64_t events = 0, followed = 0;
    double rate = 0;
    uint64_t human_contacts = 0, human_contacts_after_origin = 0;
    double share_of_human_contacts = 0;
};

FailureDemand mine_failure_demand(const EventLog& log, const LogView& view, const TouchpointMap& map,
                                  double window_hours = 24);

} // namespace tabiji
