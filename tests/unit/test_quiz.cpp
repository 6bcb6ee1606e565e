// The "what happens next?" quiz: options and shares from the directly-follows graph, the real answer
// always offered, scoring and the CSV summary.
#include "tabiji/dfg.hpp"
#include "tabiji/quiz.hpp"
#include "tabiji/read_log.hpp"

#include <doctest/doctest.h>

using namespace tabiji;

namespace {

// After Web: Phone x3, Store x1, end x1 (c5). Starts: Web x5, Ad x1.
const char* kLog = "case,activity\n"
                   "c1,Web\nc1,Phone\n"
                   "c2,Web\nc2,Phone\nc2,Store\n"
                   "c3,Web\nc3,Phone\n"
                   "c4,Web\nc4,Store\n"
                   "c5,Web\n"
                   "c6,Ad\nc6,Mail\n";

std::vector<uint32_t> seq(const EventLog& log, std::initializer_list<const char*> names) {
    std::vector<uint32_t> s;
    for (const char* n : names) s.push_back(log.activities.find(n));
    return s;
}

} // namespace

TEST_CASE("quiz: options, shares and the real answer") {
    const EventLog log = read_log(kLog, "q.csv", {});
    const Dfg dfg = mine_dfg(log);
    const auto journey = seq(log, {"Web", "Store"});

    const QuizQuestion q0 = quiz_question(dfg, log.activities, journey, 0, 3);
    CHECK(q0.from == kQuizEnd);
    REQUIRE(q0.options.size() == 2);
    CHECK(log.activities.view(q0.options[0].activity) == "Web");
    CHECK(q0.options[0].share == doctest::Approx(5.0 / 6));

    const QuizQuestion q1 = quiz_question(dfg, log.activities, journey, 1, 3);
    CHECK(log.activities.view(q1.from) == "Web");
    CHECK(log.activities.view(q1.answer) == "Store");
    REQUIRE(q1.options.size() == 3);
    CHECK(log.activities.view(q1.options[0].activity) == "Phone");
    CHECK(q1.options[0].share == doctest::Approx(0.6));
    CHECK(log.activities.view(q1.options[1].activity) == "Store"); // ties: names before the end
    CHECK(q1.options[2].activity == kQuizEnd);
    CHECK(q1.options[2].share == doctest::Approx(0.2));

    // Only two options allowed: the answer (Store, 2nd by count) is kept in the list.
    const QuizQuestion q2 = quiz_question(dfg, log.activities, seq(log, {"Web"}), 1, 2);
    CHECK(q2.answer == kQuizEnd);
    REQUIRE(q2.options.size() == 2);
    CHECK(log.activities.view(q2.options[0].activity) == "Phone");
    CHECK(q2.options[1].activity == kQuizEnd);
}

TEST_CASE("quiz: score and CSV") {
    const EventLog log = read_log(kLog, "q.csv", {});
    const Dfg dfg = mine_dfg(log);
    const auto journey = seq(log, {"Web", "Store"});
    QuizScore score;
    const QuizQuestion q1 = quiz_question(dfg, log.activities, journey, 1, 3);
    score.record("p-1", q1, log.activities.find("Phone"));
    const QuizQuestion q2 = quiz_question(dfg, log.activities, journey, 2, 3);
    score.record("p-1", q2, kQuizEnd);
    CHECK(score.asked() == 2);
    CHECK(score.correct() == 1);
    CHECK(score.answers[0].chosen_share == doctest::Approx(0.6));
    CHECK(score.answers[0].answer_share == doctest::Approx(0.2));
    CHECK(quiz_score_csv(score, log.activities) ==
          "journey,step,previous,chosen,answer,correct,chosen_share,answer_share\n"
          "p-1,2,Web,Phone,Store,0,0.6000,0.2000\n"
          "p-1,3,Store,(end),(end),1,1.0000,1.0000\n"
          "total,,,,,1/2,,\n");
}
