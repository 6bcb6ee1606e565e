// The map of the journey on screen: core's map geometry (map_geometry.hpp, shared with the CLI's SVG) built
// from the map settings: the two simplification sliders (simplify.hpp), frequency or performance colouring
// (median times from performance.hpp), and the previous map's positions so a slider move does not shuffle
// the boxes. Pure data: no GL, no ImGui.
#pragma once
#include "app_state.hpp"
#include "map_state.hpp"

#include "tabiji/map_geometry.hpp"
#include "tabiji/performance.hpp"
#include "tabiji/simplify.hpp"

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace tabiji::web {

using JourneyMap = MapGeometry;
using MapNode = MapBox; // names the views used before the geometry moved to core
using MapEdge = MapCurve;
using NodeKind = MapNodeKind;

struct Vec2 {
    float x = 0, y = 0;
};

struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;
};

inline Vec2 to_vec2(MapPoint p) {
    return {static_cast<float>(p.x), static_cast<float>(p.y)};
}

inline Rgba to_rgba(uint32_t rgb, float alpha = 1) {
    return {((rgb >> 16) & 0xff) / 255.0f, ((rgb >> 8) & 0xff) / 255.0f, (rgb & 0xff) / 255.0f, alpha};
}

// Height of touchpoint labels in world units (the map is built and labelled with it).
inline constexpr float kLabelSize = 15;

struct MapStyle {
    float label_size = kLabelSize;
    std::function<double(std::string_view)> text_width;   // width of a label at label_size, world units
    std::string start_label = "Start", end_label = "End"; // the markers' labels (the UI language's)
};

// What the map needs from a journey besides its DFG, computed once per journey.
struct JourneyMapData {
    explicit JourneyMapData(const Journey& journey);
    const Journey& journey;
    MapSimplifier simplifier;
    std::vector<DurationStats> edge_time; // per dfg edge (count 0: no time)
    std::vector<DurationStats> node_time; // per activity: time to the next step
    bool has_time = false;
    // The built-in catalog in the log's language (the one `tabiji cx` uses by default): per activity its
    // stage and channel kind, -1 when the catalog does not map it.
    std::vector<int32_t> stage, channel;
    bool has_catalog = false; // the catalog maps at least one activity
};

// A map being built in slices, so the UI keeps drawing while a big journey is laid out: made when the
// journey, the filtered view or the settings change, stepped for a few milliseconds each frame, taken when
// done. `previous` (may be null): the map shown before, whose positions seed the new one (read at once).
// `data` must outlive the build.
class JourneyMapBuild {
  public:
    JourneyMapBuild(const JourneyMapData& data, const MapSettings& settings, const MapStyle& style,
                    const JourneyMap* previous);
    JourneyMapBuild(const JourneyMapBuild&) = delete;
    JourneyMapBuild& operator=(const JourneyMapBuild&) = delete;

    // Runs slices until the map is done or `budget_ms` (by `now_ms`) has passed; true when done.
    bool run_for(double budget_ms, double (*now_ms)());
    double progress() const { return steps_.progress(); }   // 0..1
    double busy_ms() const { return busy_ms_; }             // time spent in slices so far
    uint32_t slices() const { return slices_; }             // run_for calls that did work
    double longest_slice_ms() const { return longest_ms_; } // the longest of them
    // The longest time from the start of one slice to the next: a frame and whatever came between.
    double longest_gap_ms() const { return longest_gap_ms_; }
    JourneyMap take() { return std::move(map_); } // when run_for returned true

  private:
    MapGeometryOptions options_;
    JourneyMap map_;
    Steps steps_;
    double busy_ms_ = 0, longest_ms_ = 0, longest_gap_ms_ = 0, last_start_ms_ = -1;
    uint32_t slices_ = 0;
};

} // namespace tabiji::web
