// Training mode's data and state, over the journey on screen: the touchpoint map and annotations of the
// training pack's project (or of the project open with a plain log), the k-anonymous journeys (privacy.hpp:
// a plain log is guarded here with a session key, k = 5 unless the trainer sets it, attributes holding
// customer ids never shown and free-text ones left out on request; a pack already is), and the three
// activities: the replay of one journey, the "what happens next?" quiz, and the population replay. Views draw
// it, training_exports.cpp lets the page drive it, training_json.cpp reports it in Module.tabijiState().
#pragma once
#include "app_state.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/population.hpp"
#include "tabiji/project.hpp"
#include "tabiji/quiz.hpp"
#include "tabiji/replay.hpp"
#include "tabiji/touchpoint_map.hpp"
#include "tabiji/variants.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tabiji::web {

enum class TrainingMode : uint8_t { off, replay, quiz, population };
const char* training_mode_name(TrainingMode m);

// The journey a replay or a quiz walks: a variant (index into TrainingSession::variants) or a customer
// (a case number of the log, among the k-anonymous ones).
struct JourneyChoice {
    bool variant = true;
    uint32_t index = 0;
};

struct ReplayState {
    JourneyChoice choice;
    std::vector<ReplayStep> steps;
    size_t step = 0;    // the step shown
    float progress = 1; // 0..1: the token's way from the previous step to this one
    bool playing = false;
    float speed = 1; // steps per second
    double wait = 0; // seconds spent at the current step while playing
};

struct QuizState {
    JourneyChoice pick; // what the picker shows before a quiz starts
    bool active = false;
    JourneyChoice choice;
    std::vector<ReplayStep> steps;
    std::vector<uint32_t> sequence; // activities of the steps
    QuizQuestion question;          // asks for steps[question.step] (or the end)
    bool revealed = false;
    int chosen = -1; // index into question.options
    bool finished = false;
    QuizScore score;
};

struct PopulationState {
    Population population;
    Micros time = kNoTime;
    bool playing = false;
    double hours_per_second = 24;
    std::vector<PopulationToken> tokens;
};

class TrainingSession {
  public:
    // Rebuilds everything when the journey on screen or the privacy settings changed; follows the open
    // project's catalog and annotations for a plain log (cheap otherwise).
    void sync(const AppState& state);
    bool ready() const { return journey_ != nullptr; }
    const Journey& journey() const { return *journey_; }
    const EventLog& log() const { return journey_->log; }

    // [SECTION] What the data says
    const TouchpointMap& map() const { return map_; }
    const Project& project() const { return project_; }
    Lang lang() const { return lang_; }
    uint32_t k() const { return k_; }
    bool from_pack() const { return from_pack_; }
    const std::vector<Variant>& variants() const { return variants_; }    // k-anonymous only
    const Dfg& dfg() const { return dfg_; }                               // of the k-anonymous cases
    const std::vector<uint32_t>& customers() const { return customers_; } // case numbers, k-anonymous only
    std::string customer_label(uint32_t c) const;                         // the pseudonym
    const Annotation* annotation(uint32_t touchpoint) const;
    uint64_t hidden_cases() const { return hidden_cases_; }
    std::vector<ReplayStep> steps_of(const JourneyChoice& choice) const;

    // [SECTION] Privacy of a plain log (a pack's was settled when it was made: these change nothing there)
    void set_k(uint32_t k); // journeys of fewer than k customers hidden (k >= 1); applied at the next sync
    void show_attribute(const std::string& name, bool shown); // a free-text attribute left out, or back
    bool attribute_shown(const std::string& name) const;
    const std::vector<std::string>& id_attributes() const; // hold customer ids: never shown (plain log)
    // What a step of customer c shows: step_attributes without the left-out and id-holding ones.
    std::vector<std::pair<std::string, std::string>> shown_attributes(uint32_t c, uint64_t event) const;
    std::string journey_label(const JourneyChoice& choice) const;

    // [SECTION] Replay
    ReplayState replay;
    void replay_select(JourneyChoice choice);
    void replay_step(int delta); // -1 back, +1 forward (animated), clamped
    void replay_seek(size_t step);
    void replay_play(bool on);

    // [SECTION] Quiz
    QuizState quiz;
    size_t quiz_max_options = 4;
    void quiz_start(JourneyChoice choice);
    void quiz_answer(int option);
    void quiz_next();
    std::string quiz_csv() const;

    // [SECTION] Population
    PopulationState population;
    void population_seek(double fraction); // 0..1 of the log's calendar
    void population_play(bool on);

    // Advances animations by dt seconds (the frame's duration).
    void tick(double dt);

    TrainingMode mode = TrainingMode::off;
    bool presenter = false;
    uint32_t tokens_drawn = 0; // tokens the last frame drew

  private:
    const Journey* journey_ = nullptr;
    uint64_t generation_ = 0;
    Project project_;
    bool from_pack_ = false;
    Lang lang_ = Lang::en;
    uint32_t k_ = kDefaultPrivacyK;
    uint32_t plain_k_ = kDefaultPrivacyK; // what the trainer chose for plain logs
    bool stale_ = false;                  // privacy settings changed since the last sync
    uint64_t project_edits_ = 0;          // the analysis edit the plain log's project copy is from
    std::vector<std::string> excluded_;   // attributes the trainer left out
    mutable std::optional<std::vector<std::string>> id_attributes_; // found when first asked for
    std::string session_key_;
    TouchpointMap map_;
    LogView view_;
    std::vector<Variant> variants_;
    Dfg dfg_;
    std::vector<uint32_t> case_variant_;
    std::vector<uint32_t> customers_;
    uint64_t hidden_cases_ = 0;
    void quiz_ask(size_t step);
};

TrainingSession& training();

} // namespace tabiji::web
