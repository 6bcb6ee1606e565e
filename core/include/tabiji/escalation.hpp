// Escalation and containment of bots (chatbot, and IVR the same way).
//
// Definition (W = window_hours, default 24): a bot session is a maximal run of consecutive journey steps
// whose touchpoints have the bot's channel kind (chatbot or ivr). It is escalated when a human-contact
// step comes after the run's last step within W (inclusive), as in human_contact.hpp. Escalation rate =
// escalated sessions / sessions; containment rate = 1 - escalation rate (0 and 0 without sessions).
// `escalated_to` counts the touchpoint of that first human contact.
#pragma once
#include "tabiji/journey.hpp"

#include <cstdint>
#include <utility>
#include <vector>

namespace tabiji {

struct BotEscalation {
    ChannelKind bot = ChannelKind::chatbot;
    uint64_t sessions = 0, escalated = 0;
    double escalation_rate = 0, containment_rate = 0;
    std::vector<std::pair<uint32_t, uint64_t>> escalated_to; // (touchpoint, sessions), by count desc, number
};

struct Escalation {
    double window_hours = 24;
    std::vector<BotEscalation> bots; // chatbot, then ivr
};

Escalation mine_escalation(const EventLog& log, const LogView& view, const TouchpointMap& map,
                           double window_hours = 24);

} // namespace tabiji
