// Training mode's window: the mode tabs (replay, quiz, population), each drawn by its own file
// (view_replay.cpp, view_quiz.cpp, view_population.cpp), and the presenter view (presenter.cpp).
#pragma once
#include "training_session.hpp"

#include <string>

namespace tabiji::web {

// Between ImGui::NewFrame and ImGui::Render. `top` is the pixel height the toolbar takes.
void draw_training_window(TrainingSession& t, float ratio, float top);
// Pixels the training window takes at the right edge (0 when training mode is off), so the map can be
// fitted beside it.
float training_panel_width(const TrainingSession& t, float ratio);

void draw_replay_tab(TrainingSession& t, float ratio);
void draw_quiz_tab(TrainingSession& t, float ratio);
void draw_population_tab(TrainingSession& t, float ratio);

// The side panel of one step: touchpoint, channel, stage, time since the previous step, attributes, and
// the project's annotations for the touchpoint. `case_index` kNone for a variant.
void draw_step_panel(const TrainingSession& t, const std::vector<ReplayStep>& steps, size_t step,
                     uint32_t case_index);

// Presenter view: full screen, large fonts, editing UI hidden. Applies the change when `on` differs from
// the current state.
void set_presenter(TrainingSession& t, bool on);

// "45 s", "12 min", "3 h 5 min", "2 d 4 h".
std::string duration_text(double seconds);

// Characters the font atlas needs for training texts (annotations, attribute values, channel and stage
// labels), appended to the map labels.
std::string training_text(const TrainingSession& t);

} // namespace tabiji::web
