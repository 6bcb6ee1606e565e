// The population replay: a time slider across the log's calendar, play / pause, and how many customers
// are on the map now (the tokens themselves are drawn by TokenRenderer).
#include "view_training.hpp"

#include "text_format.hpp"

#include "tabiji/timestamp.hpp"

#include "imgui.h"

namespace tabiji::web {

void draw_population_tab(TrainingSession& t, float ratio) {
    PopulationState& p = t.population;
    const Population& pop = p.population;
    if (pop.begin() == kNoTime) {
        ImGui::TextUnformatted("This log has no timestamps: no population replay.");
        return;
    }
    ImGui::Text("%s", format_timestamp(p.time).c_str());
    ImGui::Text("%s customers on the map", with_thousands(p.tokens.size()).c_str());
    float fraction =
        pop.end() > pop.begin() ? float(double(p.time - pop.begin()) / double(pop.end() - pop.begin())) : 0;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##calendar", &fraction, 0, 1, "")) t.population_seek(fraction);
    if (ImGui::Button(p.playing ? "Pause" : "Play", {72 * ratio, 0})) t.population_play(!p.playing);
    ImGui::SameLine();
    float speed = float(p.hours_per_second);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##pace", &speed, 1, 24 * 14, "%.0f h per second", ImGuiSliderFlags_Logarithmic))
        p.hours_per_second = speed;
    if (!t.presenter)
        ImGui::TextDisabled("From %s to %s", format_timestamp(pop.begin()).c_str(),
                            format_timestamp(pop.end()).c_str());
}

} // namespace tabiji::web
