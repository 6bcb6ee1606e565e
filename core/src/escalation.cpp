// Bot escalation and containment (definition in escalation.hpp).
#include "tabiji/escalation.hpp"

#include "tabiji/human_contact.hpp"

#include <algorithm>

namespace tabiji {

Escalation mine_escalation(const EventLog& log, const LogView& view, const TouchpointMap& map,
                           double window_hours) {
    Escalation out;
    out.window_hours = window_hours;
    const Micros window = hours_to_micros(window_hours);
    const ChannelKind bots[] = {ChannelKind::chatbot, ChannelKind::ivr};
    std::vector<std::vector<uint64_t>> to(2, std::vector<uint64_t>(map.size(), 0));
    out.bots.resize(2);
    std::vector<uint64_t> next;
    for_each_journey(log, view, map, [&](const Journey& j) {
        next_human_contacts(j, map, next);
        for (size_t b = 0; b < 2; ++b) {
            for (uint64_t i = 0; i < j.size; ++i) {
                if (map.channel[j.touchpoint[i]] != bots[b]) continue;
                while (i + 1 < j.size && map.channel[j.touchpoint[i + 1]] == bots[b]) ++i; // end of the run
                ++out.bots[b].sessions;
                const uint64_t k = human_contact_within(j, next, i, window);
                if (k < j.size) {
                    ++out.bots[b].escalated;
                    ++to[b][j.touchpoint[k]];
                }
            }
        }
    });
    for (size_t b = 0; b < 2; ++b) {
        BotEscalation& e = out.bots[b];
        e.bot = bots[b];
        if (e.sessions) {
            e.escalation_rate = double(e.escalated) / double(e.sessions);
            e.containment_rate = 1.0 - e.escalation_rate;
        }
        for (uint32_t t = 0; t < map.size(); ++t)
            if (to[b][t]) e.escalated_to.emplace_back(t, to[b][t]);
        std::stable_sort(e.escalated_to.begin(), e.escalated_to.end(),
                         [](const auto& x, const auto& y) { return x.second > y.second; });
    }
    return out;
}

} // namespace tabiji
