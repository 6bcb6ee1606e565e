// The "what happens next?" quiz: at step i of a journey the trainee sees the steps before it and picks the
// next one among the activities customers most often took next from the previous step (from the data: the
// directly-follows graph), or the end of the journey. The real next step is always among the options.
// Shares: of all events of the previous activity, the part followed by each option (the end counts as an
// option: events[a] = sum of edges leaving a + ends[a]); at step 0, of all cases, the part starting there.
#pragma once
#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tabiji {

inline constexpr uint32_t kQuizEnd = 0xffffffffu; // "the journey ends here"

struct QuizOption {
    uint32_t activity = kQuizEnd;
    uint64_t count = 0;
    double share = 0; // 0..1
};

struct QuizQuestion {
    size_t step = 0;          // index of the step asked for (== size of the journey: does it end?)
    uint32_t from = kQuizEnd; // activity of the step before (kQuizEnd at step 0: the journey's start)
    uint32_t answer = kQuizEnd;
    std::vector<QuizOption> options; // by count descending, then activity name; the answer included
};

// The options after `from` (kQuizEnd: first steps), most frequent first (ties: name order), at most
// `max_options`; when the answer is not among them it replaces the last one.
QuizQuestion quiz_question(const Dfg& dfg, const StringPool& names, const std::vector<uint32_t>& journey,
                           size_t step, size_t max_options);

struct QuizAnswer {
    std::string journey; // a pseudonym or "variant N"
    size_t step = 0;
    uint32_t from = kQuizEnd, chosen = kQuizEnd, answer = kQuizEnd;
    double chosen_share = 0, answer_share = 0;
    bool correct() const { return chosen == answer; }
};

struct QuizScore {
    std::vector<QuizAnswer> answers;
    size_t correct() const;
    size_t asked() const { return answers.size(); }
    // Records the choice for a question (its shares from the question's options).
    void record(const std::string& journey, const QuizQuestion& q, uint32_t chosen);
};

// "journey,step,previous,chosen,answer,correct,chosen_share,answer_share" then one row per answer and a
// last row "total,,,,,<correct>/<asked>,,"; names from the pool, "(start)" / "(end)" for kQuizEnd, fields
// quoted as RFC 4180 says.
std::string quiz_score_csv(const QuizScore& score, const StringPool& names);

} // namespace tabiji
