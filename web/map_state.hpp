// The map view's settings and what it reports: the two simplification sliders, frequency or performance
// colouring, the selected touchpoint, zoom requests from the page (pinch, tests), and the figures of the
// last map build. One instance, reached through map_state(); the map view, the details panel, the platform
// layer and the state JSON share it.
#pragma once
#include <cstdint>
#include <vector>

namespace tabiji::web {

struct MapSettings {
    float activities = 100;   // % of touchpoints shown (simplify.hpp)
    float paths = 100;        // % of steps shown
    bool performance = false; // colour and label by time (median) instead of by frequency
    bool stages = false;      // the catalog's journey stages as columns
    bool channels = false;    // boxes coloured by the catalog's channel kinds (frequency view)
    bool operator==(const MapSettings&) const = default;
};

struct MapState {
    MapSettings settings;
    int selected = -1; // activity id of the touchpoint whose details are open, -1 none
    int hovered = -1;  // activity id under the mouse, -1 none

    // Requests from the page, applied by the map view at its next update.
    float zoom_request = 1;               // multiply the zoom by this ...
    float zoom_at_x = -1, zoom_at_y = -1; // ... around this pixel (-1: the screen centre)
    bool fit_request = false;

    // Figures of the last build and the view, for the status line and tests.
    uint32_t shown_nodes = 0, shown_edges = 0; // touchpoints and steps in the map on screen
    uint32_t layers = 0;
    uint64_t crossings = 0;       // layout crossings between neighbouring layers
    double layout_ms = 0;         // last geometry build (layout included): time spent in its slices
    double layout_wall_ms = 0;    // ... and from its start to the frame that showed it
    uint32_t layout_slices = 0;   // frames the last build took a slice of (1: built within one frame)
    double longest_slice_ms = 0;  // the longest of those slices: what the build took from one frame
    double longest_gap_ms = 0;    // the longest time from one slice to the next: the slowest frame meanwhile
    bool pending = false;         // a build is under way (the map on screen, if any, is the one before)
    float progress = 0;           // of the build under way, 0..1
    uint32_t progress_frames = 0; // frames that drew the build's progress bar part-way (0 < progress < 1);
                                  // counted from the start of the last build
    uint64_t builds = 0;          // geometry builds since start
    double max_node_shift = 0;    // largest move of a touchpoint kept across the last rebuild (world units)
    float scale = 1, offset_x = 0, offset_y = 0; // the view transform (pixels per world unit, origin)
    // Touchpoint boxes on screen in CSS pixels, 5 floats each (activity id, centre x, y, half w, h); only
    // for maps of at most kScreenBoxes touchpoints (tests click them).
    static constexpr uint32_t kScreenBoxes = 500;
    std::vector<float> screen_boxes;
};

MapState& map_state();

} // namespace tabiji::web
