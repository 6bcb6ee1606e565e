// Presenter view: the page goes full screen (when the browser allows it: it needs a user gesture), every
// font is drawn larger, and the editing UI (toolbar, pickers, the read report) is hidden by the views.
#include "view_training.hpp"

#include "imgui.h"

#include <emscripten/emscripten.h>

namespace tabiji::web {

namespace {
// clang-format off
EM_JS(void, js_fullscreen, (int on), {
    try {
        if (on && !document.fullscreenElement && document.documentElement.requestFullscreen)
            document.documentElement.requestFullscreen().catch(function() {});
        if (!on && document.fullscreenElement) document.exitFullscreen().catch(function() {});
    } catch (e) {}
});
// clang-format on
} // namespace

void set_presenter(TrainingSession& t, bool on) {
    if (t.presenter == on) return;
    t.presenter = on;
    ImGui::GetIO().FontGlobalScale = on ? 1.35f : 1.0f;
    js_fullscreen(on ? 1 : 0);
}

} // namespace tabiji::web
