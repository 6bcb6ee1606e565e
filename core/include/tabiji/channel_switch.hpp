// Channel switching: how customers move between channel kinds from one step of their journey to the next.
//
// Definition: over every pair of consecutive mapped kept events (a, b) of a case (journey.hpp), count
// count[kind(a)][kind(b)]. Row x's total is every step leaving a touchpoint of kind x; share(x, y) =
// count[x][y] / row total (row-normalised, the diagonal included). The diagonal, "stays" (the customer
// kept the channel), is also reported apart: switches(x) = row total - stays(x), and switch_share(x) =
// switches(x) / row total. Overall switch rate = all off-diagonal steps / all steps.
#pragma once
#include "tabiji/journey.hpp"

#include <array>
#include <cstdint>

namespace tabiji {

struct ChannelSwitches {
    std::array<std::array<uint64_t, kNumChannelKinds>, kNumChannelKinds> count{};
    uint64_t steps = 0; // all consecutive pairs

    uint64_t row_total(ChannelKind x) const;
    uint64_t stays(ChannelKind x) const { return count[size_t(x)][size_t(x)]; }
    uint64_t switches(ChannelKind x) const { return row_total(x) - stays(x); }
    double share(ChannelKind x, ChannelKind y) const; // 0 when the row is empty
    double switch_share(ChannelKind x) const;         // 0 when the row is empty
    uint64_t total_switches() const;
    double switch_rate() const; // 0 without steps
};

ChannelSwitches mine_channel_switches(const EventLog& log, const LogView& view, const TouchpointMap& map);

} // namespace tabiji
