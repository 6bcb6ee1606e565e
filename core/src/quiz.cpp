// The "what happens next?" quiz (see quiz.hpp).
#include "tabiji/quiz.hpp"

#include "tabiji/csv_field.hpp"

#include <algorithm>
#include <cstdio>

namespace tabiji {

QuizQuestion quiz_question(const Dfg& dfg, const StringPool& names, const std::vector<uint32_t>& journey,
                           size_t step, size_t max_options) {
    QuizQuestion q;
    q.step = step;
    q.from = step == 0 || step > journey.size() ? kQuizEnd : journey[step - 1];
    q.answer = step < journey.size() ? journey[step] : kQuizEnd;
    std::vector<QuizOption> all;
    uint64_t total = 0;
    if (q.from == kQuizEnd) {
        for (uint32_t a = 0; a < dfg.num_activities; ++a)
            if (dfg.starts[a]) all.push_back({a, dfg.starts[a], 0});
        total = dfg.num_cases;
    } else {
        auto it = std::lower_bound(dfg.edges.begin(), dfg.edges.end(), q.from,
                                   [](const DfgEdge& e, uint32_t a) { return e.from < a; });
        for (; it != dfg.edges.end() && it->from == q.from; ++it) all.push_back({it->to, it->count, 0});
        if (dfg.ends[q.from]) all.push_back({kQuizEnd, dfg.ends[q.from], 0});
        total = dfg.events[q.from];
    }
    for (QuizOption& o : all) o.share = total ? double(o.count) / double(total) : 0;
    auto name = [&](uint32_t a) { return a == kQuizEnd ? std::string_view() : names.view(a); };
    std::sort(all.begin(), all.end(), [&](const QuizOption& x, const QuizOption& y) {
        if (x.count != y.count) return x.count > y.count;
        if (x.activity == kQuizEnd || y.activity == kQuizEnd)
            return y.activity == kQuizEnd && x.activity != kQuizEnd;
        return name(x.activity) < name(y.activity);
    });
    if (max_options == 0) max_options = 1;
    const auto answer =
        std::find_if(all.begin(), all.end(), [&](const QuizOption& o) { return o.activity == q.answer; });
    QuizOption answer_option = answer != all.end() ? *answer : QuizOption{q.answer, 0, 0};
    if (all.size() > max_options) all.resize(max_options);
    if (std::none_of(all.begin(), all.end(), [&](const QuizOption& o) { return o.activity == q.answer; })) {
        if (all.size() == max_options) all.pop_back();
        all.push_back(answer_option);
    }
    q.options = std::move(all);
    return q;
}

size_t QuizScore::correct() const {
    return size_t(
        std::count_if(answers.begin(), answers.end(), [](const QuizAnswer& a) { return a.correct(); }));
}

void QuizScore::record(const std::string& journey, const QuizQuestion& q, uint32_t chosen) {
    QuizAnswer a;
    a.journey = journey;
    a.step = q.step;
    a.from = q.from;
    a.chosen = chosen;
    a.answer = q.answer;
    for (const QuizOption& o : q.options) {
        if (o.activity == chosen) a.chosen_share = o.share;
        if (o.activity == q.answer) a.answer_share = o.share;
    }
    answers.push_back(std::move(a));
}

std::string quiz_score_csv(const QuizScore& score, const StringPool& names) {
    auto name = [&](uint32_t a, const char* none) {
        return a == kQuizEnd ? std::string_view(none) : names.view(a);
    };
    auto share = [](double x) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.4f", x);
        return std::string(buf);
    };
    std::string out = "journey,step,previous,chosen,answer,correct,chosen_share,answer_share\n";
    for (const QuizAnswer& a : score.answers) {
        append_csv_field(out, a.journey);
        out += "," + std::to_string(a.step + 1) + ",";
        append_csv_field(out, name(a.from, "(start)"));
        out += ",";
        append_csv_field(out, name(a.chosen, "(end)"));
        out += ",";
        append_csv_field(out, name(a.answer, "(end)"));
        out += a.correct() ? ",1," : ",0,";
        out += share(a.chosen_share) + "," + share(a.answer_share) + "\n";
    }
    out += "total,,,,," + std::to_string(score.correct()) + "/" + std::to_string(score.asked()) + ",,\n";
    return out;
}

} // namespace tabiji
