// The "what happens next?" quiz: the journey so far, the options most often taken next (from the
// k-anonymous data), the reveal with every option's share, the score, and the CSV export.
#include "view_training.hpp"

#include "platform.hpp"

#include "imgui.h"

namespace tabiji::web {

namespace {

std::string option_name(const TrainingSession& t, uint32_t a) {
    return a == kQuizEnd ? std::string("(the journey ends)") : std::string(t.log().activities.view(a));
}

} // namespace

void draw_quiz_tab(TrainingSession& t, float ratio) {
    QuizState& q = t.quiz;
    if (!t.presenter || !q.active) {
        JourneyChoice& choice = q.pick;
        ImGui::TextDisabled("Journey for the quiz");
        ImGui::PushID("quizpick");
        int kind = choice.variant ? 0 : 1;
        if (ImGui::RadioButton("Variant", kind == 0)) choice = {true, 0};
        ImGui::SameLine();
        if (ImGui::RadioButton("Customer", kind == 1) && !t.customers().empty())
            choice = {false, t.customers()[0]};
        ImGui::SameLine();
        int shown = int(choice.variant ? choice.index : 0) + 1;
        if (choice.variant) {
            ImGui::SetNextItemWidth(90 * ratio);
            if (ImGui::InputInt("##v", &shown))
                choice.index = uint32_t(std::clamp(shown, 1, int(t.variants().size())) - 1);
        } else {
            ImGui::TextUnformatted(t.journey_label(choice).c_str());
        }
        ImGui::PopID();
        if (ImGui::Button(q.active ? "Restart with this journey" : "Start the quiz")) t.quiz_start(choice);
    }
    if (!q.active) {
        ImGui::TextWrapped("The replay stops before each step: pick what the customer did next.");
        return;
    }
    ImGui::Separator();
    ImGui::TextDisabled("%s", t.journey_label(q.choice).c_str());
    // The journey so far.
    const size_t upto = q.revealed ? std::min(q.question.step + 1, q.steps.size()) : q.question.step;
    std::string so_far;
    for (size_t i = 0; i < upto; ++i)
        so_far += (i ? " → " : "") + std::string(t.log().activities.view(q.steps[i].activity));
    ImGui::TextWrapped("%s", so_far.c_str());
    if (q.finished) {
        ImGui::Separator();
        ImGui::Text("Score: %zu of %zu", q.score.correct(), q.score.asked());
        if (ImGui::Button("Export scores (CSV)"))
            platform_download("tabiji-quiz-scores.csv", "text/csv", t.quiz_csv());
        return;
    }
    ImGui::Spacing();
    ImGui::TextUnformatted(q.question.step < q.sequence.size() ? "What happens next?"
                                                               : "What happens next — or does it end?");
    for (size_t i = 0; i < q.question.options.size(); ++i) {
        const QuizOption& o = q.question.options[i];
        std::string label = option_name(t, o.activity);
        if (q.revealed) {
            char share[32];
            std::snprintf(share, sizeof share, "  %.0f %%", o.share * 100);
            label += share;
            if (o.activity == q.question.answer)
                label = "✓ " + label;
            else if (int(i) == q.chosen)
                label = "✗ " + label;
        }
        ImGui::PushID(int(i));
        const bool answer = q.revealed && o.activity == q.question.answer;
        if (answer) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.55f, 0.85f, 0.55f, 1));
        if (ImGui::Button(label.c_str(), {-1, 0})) t.quiz_answer(int(i));
        if (answer) ImGui::PopStyleColor();
        ImGui::PopID();
    }
    if (q.revealed) {
        ImGui::TextWrapped(
            "%s. Shares: of the customers at the previous step in the data, how many took each option.",
            q.question.options[size_t(q.chosen)].activity == q.question.answer ? "Right" : "Not this time");
        if (ImGui::Button(q.question.step >= q.sequence.size() ? "See the score" : "Next step"))
            t.quiz_next();
        if (q.question.step < q.steps.size()) {
            ImGui::Separator();
            draw_step_panel(t, q.steps, q.question.step,
                            q.choice.variant ? TouchpointMap::kNone : q.choice.index);
        }
    }
    ImGui::Separator();
    ImGui::Text("Score so far: %zu of %zu", q.score.correct(), q.score.asked());
}

} // namespace tabiji::web
