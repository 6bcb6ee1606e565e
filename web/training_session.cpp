// Training mode's state (see training_session.hpp).
#include "training_session.hpp"

#include "tabiji/privacy.hpp"
#include "tabiji/training_pack.hpp"

#include <algorithm>
#include <cmath>

namespace tabiji::web {

const char* training_mode_name(TrainingMode m) {
    switch (m) {
    case TrainingMode::replay:
        return "replay";
    case TrainingMode::quiz:
        return "quiz";
    case TrainingMode::population:
        return "population";
    default:
        return "off";
    }
}

TrainingSession& training() {
    static TrainingSession t;
    return t;
}

void TrainingSession::sync(const AppState& state) {
    const auto& j = state.journey();
    if (!j) {
        journey_ = nullptr;
        return;
    }
    if (journey_ == &*j && generation_ == state.journey_generation() && !stale_) {
        if (!from_pack_ && project_edits_ != state.analysis.edits()) {
            // The consultant edited the catalog or the notes: the replay shows them at once.
            project_edits_ = state.analysis.edits();
            project_ = state.analysis.project();
            map_ = map_touchpoints(project_.catalog, j->log);
            if (!replay.steps.empty()) {
                replay.steps = steps_of(replay.choice);
                replay.step = std::min(replay.step, replay.steps.empty() ? 0 : replay.steps.size() - 1);
            }
            if (quiz.active) quiz.steps = steps_of(quiz.choice);
        }
        return;
    }
    if (journey_ != &*j || generation_ != state.journey_generation()) {
        excluded_.clear();
        id_attributes_.reset();
    }
    stale_ = false;
    journey_ = &*j;
    generation_ = state.journey_generation();
    from_pack_ = j->pack != nullptr;
    if (from_pack_) {
        project_ = j->pack->project;
        k_ = j->pack->privacy.k;
    } else {
        project_edits_ = state.analysis.edits();
        project_ = state.analysis.project();
        if (project_.catalog.touchpoints.empty()) project_.catalog = default_catalog_for(j->log);
        k_ = plain_k_;
        if (session_key_.empty()) session_key_ = random_pseudonym_key();
    }
    lang_ = project_.view.language == "ja" ? Lang::ja : Lang::en;
    map_ = map_touchpoints(project_.catalog, j->log);
    view_ = k_anonymous_view(j->log, {}, k_);
    variants_ = mine_variants(j->log, view_, &case_variant_);
    dfg_ = mine_dfg(j->log, view_);
    customers_.clear();
    hidden_cases_ = 0;
    for (uint32_t c = 0; c < j->log.num_cases(); ++c) {
        if (view_.keeps_case(c))
            customers_.push_back(c);
        else
            ++hidden_cases_;
    }
    replay = {};
    quiz = {};
    population = {};
    population.population = Population(j->log, view_);
    population.time = population.population.begin();
    if (!variants_.empty()) replay_select({true, 0});
}

void TrainingSession::set_k(uint32_t k) {
    if (from_pack_ || k == 0 || k == plain_k_) return;
    plain_k_ = k;
    stale_ = true;
}

void TrainingSession::show_attribute(const std::string& name, bool shown) {
    const auto at = std::find(excluded_.begin(), excluded_.end(), name);
    if (shown && at != excluded_.end()) excluded_.erase(at);
    if (!shown && at == excluded_.end()) excluded_.push_back(name);
}

bool TrainingSession::attribute_shown(const std::string& name) const {
    if (std::find(excluded_.begin(), excluded_.end(), name) != excluded_.end()) return false;
    const auto& ids = id_attributes();
    return std::find(ids.begin(), ids.end(), name) == ids.end();
}

const std::vector<std::string>& TrainingSession::id_attributes() const {
    static const std::vector<std::string> none;
    if (!journey_ || from_pack_) return none; // a pack has none left (privacy_guarded_log)
    if (!id_attributes_) id_attributes_ = attributes_holding_case_ids(journey_->log);
    return *id_attributes_;
}

std::vector<std::pair<std::string, std::string>> TrainingSession::shown_attributes(uint32_t c,
                                                                                   uint64_t event) const {
    auto attrs = step_attributes(log(), c, event);
    std::erase_if(attrs, [&](const auto& a) { return !attribute_shown(a.first); });
    return attrs;
}

std::string TrainingSession::customer_label(uint32_t c) const {
    const std::string_view id = log().cases.view(c);
    return from_pack_ ? std::string(id) : pseudonym(session_key_, id);
}

const Annotation* TrainingSession::annotation(uint32_t touchpoint) const {
    if (touchpoint >= map_.size()) return nullptr;
    for (const Annotation& a : project_.annotations)
        if (a.touchpoint == map_.names[touchpoint]) return &a;
    return nullptr;
}

std::vector<ReplayStep> TrainingSession::steps_of(const JourneyChoice& choice) const {
    if (!ready()) return {};
    if (choice.variant) return variant_steps(log(), map_, variants_, case_variant_, choice.index);
    if (choice.index >= log().num_cases() || !view_.keeps_case(choice.index))
        return {}; // hidden: never shown
    return case_steps(log(), map_, choice.index);
}

std::string TrainingSession::journey_label(const JourneyChoice& choice) const {
    if (choice.variant) return "variant " + std::to_string(choice.index + 1);
    return choice.index < log().num_cases() ? customer_label(choice.index) : std::string();
}

// [SECTION] Replay

void TrainingSession::replay_select(JourneyChoice choice) {
    std::vector<ReplayStep> steps = steps_of(choice);
    if (steps.empty()) return;
    replay.choice = choice;
    replay.steps = std::move(steps);
    replay.step = 0;
    replay.progress = 1;
    replay.wait = 0;
    replay.playing = false;
}

void TrainingSession::replay_step(int delta) {
    if (replay.steps.empty()) return;
    const long next = std::clamp(long(replay.step) + delta, 0L, long(replay.steps.size()) - 1);
    if (size_t(next) == replay.step) return;
    replay.progress = next > long(replay.step) ? 0.0f : 1.0f; // forward: the token travels the edge
    replay.step = size_t(next);
    replay.wait = 0;
}

void TrainingSession::replay_seek(size_t step) {
    if (replay.steps.empty()) return;
    replay.step = std::min(step, replay.steps.size() - 1);
    replay.progress = 1;
    replay.wait = 0;
}

void TrainingSession::replay_play(bool on) {
    if (on && replay.step + 1 >= replay.steps.size()) replay_seek(0); // at the end: play from the start
    replay.playing = on && replay.steps.size() > 1;
}

// [SECTION] Quiz

void TrainingSession::quiz_start(JourneyChoice choice) {
    std::vector<ReplayStep> steps = steps_of(choice);
    if (steps.size() < 2) return;
    quiz.active = true;
    quiz.finished = false;
    quiz.choice = choice;
    quiz.steps = std::move(steps);
    quiz.sequence.clear();
    for (const ReplayStep& s : quiz.steps) quiz.sequence.push_back(s.activity);
    quiz_ask(1);
}

void TrainingSession::quiz_ask(size_t step) {
    quiz.question = quiz_question(dfg_, log().activities, quiz.sequence, step, quiz_max_options);
    quiz.revealed = false;
    quiz.chosen = -1;
}

void TrainingSession::quiz_answer(int option) {
    if (!quiz.active || quiz.revealed || quiz.finished) return;
    if (option < 0 || size_t(option) >= quiz.question.options.size()) return;
    quiz.chosen = option;
    quiz.revealed = true;
    quiz.score.record(journey_label(quiz.choice), quiz.question,
                      quiz.question.options[size_t(option)].activity);
}

void TrainingSession::quiz_next() {
    if (!quiz.active || !quiz.revealed) return;
    // Questions: every step after the first, then "does it end here?".
    if (quiz.question.step >= quiz.sequence.size()) {
        quiz.finished = true;
        return;
    }
    quiz_ask(quiz.question.step + 1);
}

std::string TrainingSession::quiz_csv() const {
    return ready() ? quiz_score_csv(quiz.score, log().activities) : std::string();
}

// [SECTION] Population

void TrainingSession::population_seek(double fraction) {
    const Population& p = population.population;
    if (p.begin() == kNoTime) return;
    fraction = std::clamp(fraction, 0.0, 1.0);
    population.time = p.begin() + Micros(std::llround(double(p.end() - p.begin()) * fraction));
}

void TrainingSession::population_play(bool on) {
    population.playing = on && population.population.begin() != kNoTime;
}

void TrainingSession::tick(double dt) {
    if (!ready()) return;
    if (replay.progress < 1) replay.progress = std::min(1.0f, replay.progress + float(dt * replay.speed * 2));
    if (replay.playing && replay.progress >= 1) {
        replay.wait += dt;
        if (replay.wait >= 1.0 / replay.speed) {
            if (replay.step + 1 < replay.steps.size())
                replay_step(1);
            else
                replay.playing = false;
        }
    }
    const Population& p = population.population;
    if (population.playing && p.begin() != kNoTime) {
        population.time += Micros(dt * population.hours_per_second * 3600e6);
        if (population.time > p.end()) {
            population.time = p.end();
            population.playing = false;
        }
    }
    if (mode == TrainingMode::population && p.begin() != kNoTime) p.at(population.time, population.tokens);
}

} // namespace tabiji::web
