// Channel-switch matrix over consecutive journey steps (definition in channel_switch.hpp).
#include "tabiji/channel_switch.hpp"

namespace tabiji {

uint64_t ChannelSwitches::row_total(ChannelKind x) const {
    uint64_t n = 0;
    for (uint64_t c : count[size_t(x)]) n += c;
    return n;
}

double ChannelSwitches::share(ChannelKind x, ChannelKind y) const {
    const uint64_t n = row_total(x);
    return n ? double(count[size_t(x)][size_t(y)]) / double(n) : 0.0;
}

double ChannelSwitches::switch_share(ChannelKind x) const {
    const uint64_t n = row_total(x);
    return n ? double(switches(x)) / double(n) : 0.0;
}

uint64_t ChannelSwitches::total_switches() const {
    uint64_t n = 0;
    for (int x = 0; x < kNumChannelKinds; ++x) n += switches(ChannelKind(x));
    return n;
}

double ChannelSwitches::switch_rate() const {
    return steps ? double(total_switches()) / double(steps) : 0.0;
}

ChannelSwitches mine_channel_switches(const EventLog& log, const LogView& view, const TouchpointMap& map) {
    ChannelSwitches s;
    for_each_journey(log, view, map, [&](const Journey& j) {
        for (uint64_t i = 0; i + 1 < j.size; ++i) {
            ++s.count[size_t(map.channel[j.touchpoint[i]])][size_t(map.channel[j.touchpoint[i + 1]])];
            ++s.steps;
        }
    });
    return s;
}

} // namespace tabiji
