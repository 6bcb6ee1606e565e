// The page's handle on training mode (Module.tabijiTraining in page_interop.js), for scripts and tests:
//   tabiji_training(command, text, number) -> 1 done, 0 refused (unknown command, no such journey, ...)
//   mode            text: off | replay | quiz | population
//   select_variant  number: variant index (0 = most frequent k-anonymous journey)
//   select_customer text: a pseudonym as shown    select_customer_at  number: position in the customer list
//   step            number: -1 back, +1 forward      seek    number: step index
//   play            number: 1 play, 0 pause           speed   number: steps per second
//   quiz_variant    number: variant index             quiz_customer  text: pseudonym
//   quiz_answer     number: option index              quiz_next
//   population_seek number: 0..1 of the calendar      population_play number: 1 / 0
//   presenter       number: 1 / 0
//   set_k           number: k for a plain log (refused for a pack or k < 1)
//   show_attribute  text: attribute name, number: 1 show / 0 leave out (refused for a pack or a name the
//                   log does not have)
//   tabiji_quiz_csv() -> the score summary as CSV (valid until the next call)
#include "app_state.hpp"
#include "training_session.hpp"
#include "view_training.hpp"

#include <emscripten/emscripten.h>

#include <string>
#include <string_view>

using namespace tabiji::web;

namespace {

bool find_customer(const TrainingSession& t, std::string_view label, uint32_t& out) {
    for (uint32_t c : t.customers())
        if (t.customer_label(c) == label) {
            out = c;
            return true;
        }
    return false;
}

bool run(TrainingSession& t, std::string_view cmd, std::string_view text, double x) {
    const long n = static_cast<long>(x);
    if (cmd == "mode") {
        for (TrainingMode m :
             {TrainingMode::off, TrainingMode::replay, TrainingMode::quiz, TrainingMode::population})
            if (text == training_mode_name(m)) {
                t.mode = m;
                return true;
            }
        return false;
    }
    if (cmd == "presenter") {
        set_presenter(t, x != 0);
        return true;
    }
    if (!t.ready()) return false;
    uint32_t c = 0;
    if (cmd == "select_variant") {
        if (n < 0 || size_t(n) >= t.variants().size()) return false;
        t.replay_select({true, uint32_t(n)});
    } else if (cmd == "select_customer") {
        if (!find_customer(t, text, c)) return false;
        t.replay_select({false, c});
    } else if (cmd == "select_customer_at") {
        if (n < 0 || size_t(n) >= t.customers().size()) return false;
        t.replay_select({false, t.customers()[size_t(n)]});
    } else if (cmd == "set_k") {
        if (t.from_pack() || n < 1) return false;
        t.set_k(uint32_t(n));
    } else if (cmd == "show_attribute") {
        if (t.from_pack() || !t.log().attribute(std::string(text))) return false;
        t.show_attribute(std::string(text), n != 0);
    } else if (cmd == "step") {
        t.replay_step(int(n));
        t.replay.progress = 1; // scripts see the step at once
    } else if (cmd == "seek") {
        t.replay_seek(size_t(std::max(0L, n)));
    } else if (cmd == "play") {
        t.replay_play(x != 0);
    } else if (cmd == "speed") {
        if (!(x > 0)) return false;
        t.replay.speed = float(x);
    } else if (cmd == "quiz_variant") {
        if (n < 0 || size_t(n) >= t.variants().size()) return false;
        t.quiz_start({true, uint32_t(n)});
        return t.quiz.active;
    } else if (cmd == "quiz_customer") {
        if (!find_customer(t, text, c)) return false;
        t.quiz_start({false, c});
        return t.quiz.active;
    } else if (cmd == "quiz_answer") {
        if (!t.quiz.active || t.quiz.revealed || n < 0 || size_t(n) >= t.quiz.question.options.size())
            return false;
        t.quiz_answer(int(n));
    } else if (cmd == "quiz_next") {
        if (!t.quiz.revealed) return false;
        t.quiz_next();
    } else if (cmd == "population_seek") {
        t.population_seek(x);
        t.tick(0); // tokens for the new time at once
    } else if (cmd == "population_play") {
        t.population_play(x != 0);
    } else {
        return false;
    }
    return true;
}

} // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE int tabiji_training(const char* command, const char* text, double number) {
    try {
        TrainingSession& t = training();
        t.sync(app_state());
        return run(t, command ? command : "", text ? text : "", number) ? 1 : 0;
    } catch (...) {
        return 0;
    }
}

EMSCRIPTEN_KEEPALIVE const char* tabiji_quiz_csv() {
    static std::string csv;
    try {
        csv = training().quiz_csv();
    } catch (...) {
        csv.clear();
    }
    return csv.c_str();
}

} // extern "C"
