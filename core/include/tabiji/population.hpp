// Where every customer is at a moment of the log's calendar, for the population replay: a case is on the
// map from its first event to its last; at an event's exact time it is at that event's node, and between
// two consecutive events it travels the edge between their nodes, `fraction` (0..1) of the way after the
// share of the gap that has passed. Nodes are activity ids (the map's nodes).
//
// Cost: the index keeps each case's first and last time; at(t) skips cases whose span does not contain t
// and binary-searches the times of the others, O(cases + active x log(events per case)) per call.
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/log_view.hpp"

#include <cstdint>
#include <vector>

namespace tabiji {

struct PopulationToken {
    uint32_t case_index = 0;
    uint32_t from = 0, to = 0; // activity ids; from == to with fraction 0: at a node
    float fraction = 0;
};

class Population {
  public:
    Population() = default;
    // Over the kept cases and events of the view; cases without timestamps are left out.
    Population(const EventLog& log, const LogView& view = {});
    Micros begin() const { return begin_; } // first event time (kNoTime when no case has times)
    Micros end() const { return end_; }     // last event time
    uint32_t cases() const { return uint32_t(first_.size()); }
    // The tokens of the cases on the map at time t, in log order of their cases.
    void at(Micros t, std::vector<PopulationToken>& out) const;

  private:
    std::vector<uint32_t> case_index_;
    std::vector<uint64_t> offsets_{0}; // CSR into activity_ / time_ per entry of case_index_
    std::vector<uint32_t> activity_;
    std::vector<Micros> time_;
    std::vector<Micros> first_, last_;
    Micros begin_ = kNoTime, end_ = kNoTime;
};

} // namespace tabiji
