// The map view: pan by dragging, zoom with the wheel around the cursor, pinch (page_interop.js) and the
// keys + - 0 F, fit to screen (double-click, F or the toolbar), hover tooltips with counts, case share and
// times, click to select a touchpoint (its details open in view_details), the map panel with the two
// simplification sliders and the frequency / performance switch, and the labels drawn through ImGui on top
// of the GL map (level of detail: counts on boxes when readable, else a few labels under the busiest).
#pragma once
#include "app_state.hpp"
#include "fonts.hpp"
#include "graph_renderer.hpp"
#include "journey_map.hpp"
#include "map_state.hpp"

#include <vector>

namespace tabiji::web {

class MapView {
  public:
    // Fit the whole map into the area below `top_margin` pixels at the next update().
    void request_fit() {
        fit_pending_ = true;
        touched_ = false;
    }
    // Same, unless the user has panned or zoomed since the last fit (used when label sizes change).
    void refit_if_untouched() {
        if (!touched_) fit_pending_ = true;
    }
    // A new map from the same journey (a slider moved): keeps the view, refreshes the hit-test cache.
    void map_changed(const JourneyMap& map);

    // The map panel: the sliders and the frequency / performance switch write state.settings.
    void draw_panel(const JourneyMapData& data, MapState& state, float ratio, float top);

    // Between ImGui::NewFrame and ImGui::Render: input, labels, tooltip. `ratio` is the device pixel ratio.
    void update(const JourneyMapData& data, const JourneyMap& map, const Fonts& fonts, float ratio,
                float top_margin, MapState& state);

    ViewTransform transform(int width, int height) const;
    const Highlight& highlight() const { return highlight_; }

  private:
    void fit(const JourneyMap& map, float width, float height, float top_margin, float ratio);
    void zoom_by(float factor, Vec2 at, float ratio);
    Highlight hit_test(const JourneyMap& map, Vec2 mouse) const;
    void draw_labels(const JourneyMapData& data, const JourneyMap& map, const Fonts& fonts, float ratio,
                     bool performance) const;
    void draw_overview_labels(const JourneyMap& map, ImFont* font, float ratio) const;
    void draw_tooltip(const JourneyMapData& data, const JourneyMap& map) const;

    float scale_ = 1; // pixels per world unit
    Vec2 offset_;     // pixel position of the world origin
    bool fit_pending_ = true;
    bool dragging_ = false;
    bool touched_ = false;
    Vec2 press_;   // where the left button went down (a click moves less than a few pixels)
    Vec2 display_; // screen size at the last update (a resize refits an untouched view)
    Highlight highlight_;
    const JourneyMap* cached_ = nullptr;
    std::vector<float> edge_box_;       // per edge: world bounding box x0, y0, x1, y1
    std::vector<uint32_t> label_order_; // touchpoints, busiest first (overview labels)
};

} // namespace tabiji::web
