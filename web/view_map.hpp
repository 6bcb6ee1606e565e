// The map view: pan by dragging, zoom with the wheel around the cursor, fit to screen (double-click or
// the toolbar), hover tooltips with counts, and the labels drawn through ImGui on top of the GL map.
#pragma once
#include "app_state.hpp"
#include "fonts.hpp"
#include "graph_renderer.hpp"
#include "journey_map.hpp"

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

    // Between ImGui::NewFrame and ImGui::Render: input, labels, tooltip. `ratio` is the device pixel ratio.
    void update(const Journey& journey, const JourneyMap& map, const Fonts& fonts, float ratio,
                float top_margin);

    ViewTransform transform(int width, int height) const;
    const Highlight& highlight() const { return highlight_; }

  private:
    void fit(const JourneyMap& map, float width, float height, float top_margin, float ratio);
    Highlight hit_test(const JourneyMap& map, Vec2 mouse) const;
    void draw_labels(const JourneyMap& map, const Fonts& fonts, float ratio) const;
    void draw_overview_labels(const JourneyMap& map, ImFont* font, float ratio) const;
    void draw_tooltip(const Journey& journey, const JourneyMap& map) const;

    float scale_ = 1; // pixels per world unit
    Vec2 offset_;     // pixel position of the world origin
    bool fit_pending_ = true;
    bool dragging_ = false;
    bool touched_ = false;
    Vec2 display_; // screen size at the last update (a resize refits an untouched view)
    Highlight highlight_;
};

} // namespace tabiji::web
