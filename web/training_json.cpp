// Training state as JSON for tests and scripts:
//   training: {mode: "off"|"replay"|"quiz"|"population", presenter, k, from_pack, variants, customers,
//              hidden_cases, tokens (drawn in the last frame), hidden_attributes (never shown: left out by
//              the trainer or holding customer ids),
//     replay: {journey, variant (bool), index, step, steps, playing, speed, progress,
//              current: {activity, touchpoint, channel, stage, seconds_since_previous, time, attributes: {},
//                        annotation: {customer_sees, feelings, pain_point, note} | null},
//              sequence: [activity names]},
//     quiz: {active, journey, step (index asked for), from, answer, revealed, chosen, finished, correct,
//     asked,
//            options: [{activity, share, count}], sequence: [activity names of the whole journey]},
//     population: {begin, end, time (ISO 8601), tokens (customers on the map), cases, playing}}
// Activity names "(end)" / "(start)" stand for the end or the start of a journey.
#include "training_json.hpp"

#include "tabiji/timestamp.hpp"

namespace tabiji::web {

namespace {

std::string_view activity_name(const TrainingSession& t, uint32_t a, const char* none) {
    return a == kQuizEnd ? std::string_view(none) : t.log().activities.view(a);
}

void sequence(JsonWriter& w, const TrainingSession& t, const std::vector<ReplayStep>& steps) {
    w.Key("sequence");
    w.StartArray();
    for (const ReplayStep& s : steps) {
        const std::string_view n = t.log().activities.view(s.activity);
        w.String(n.data(), static_cast<rapidjson::SizeType>(n.size()));
    }
    w.EndArray();
}

void step_json(JsonWriter& w, const TrainingSession& t, const std::vector<ReplayStep>& steps, size_t i,
               const JourneyChoice& choice) {
    w.Key("current");
    if (i >= steps.size()) {
        w.Null();
        return;
    }
    const ReplayStep& s = steps[i];
    const TouchpointMap& m = t.map();
    w.StartObject();
    json_str(w, "activity", t.log().activities.view(s.activity));
    const bool mapped = s.touchpoint < m.size();
    json_str(w, "touchpoint", mapped ? std::string_view(m.names[s.touchpoint]) : std::string_view());
    json_str(w, "channel", mapped ? channel_kind_code(m.channel[s.touchpoint]) : std::string_view());
    json_str(w, "stage",
             mapped && m.stage[s.touchpoint] >= 0
                 ? std::string_view(m.stage_names[size_t(m.stage[s.touchpoint])])
                 : std::string_view());
    w.Key("seconds_since_previous");
    w.Double(s.seconds_since_previous);
    json_str(w, "time", s.time == kNoTime ? std::string() : format_timestamp(s.time));
    w.Key("attributes");
    w.StartObject();
    if (!choice.variant)
        for (const auto& [name, value] : t.shown_attributes(choice.index, s.event))
            json_str(w, name.c_str(), value);
    w.EndObject();
    w.Key("annotation");
    if (const Annotation* a = mapped ? t.annotation(s.touchpoint) : nullptr) {
        w.StartObject();
        json_str(w, "customer_sees", a->customer_sees);
        json_str(w, "feelings", a->feelings);
        json_str(w, "pain_point", a->pain_point);
        json_str(w, "note", a->note);
        w.EndObject();
    } else {
        w.Null();
    }
    w.EndObject();
}

} // namespace

void write_training_state(JsonWriter& w, const TrainingSession& t, uint32_t tokens_drawn) {
    w.Key("training");
    w.StartObject();
    json_str(w, "mode", training_mode_name(t.mode));
    w.Key("presenter");
    w.Bool(t.presenter);
    w.Key("ready");
    w.Bool(t.ready());
    if (!t.ready()) {
        w.EndObject();
        return;
    }
    w.Key("k");
    w.Uint(t.k());
    w.Key("from_pack");
    w.Bool(t.from_pack());
    w.Key("variants");
    w.Uint64(t.variants().size());
    w.Key("customers");
    w.Uint64(t.customers().size());
    w.Key("hidden_cases");
    w.Uint64(t.hidden_cases());
    w.Key("hidden_attributes");
    w.StartArray();
    for (const auto* columns : {&t.log().event_attributes, &t.log().case_attributes})
        for (const AttributeColumn& col : *columns)
            if (!t.attribute_shown(col.name)) w.String(col.name.c_str());
    w.EndArray();
    w.Key("tokens");
    w.Uint(tokens_drawn);

    const ReplayState& r = t.replay;
    w.Key("replay");
    w.StartObject();
    json_str(w, "journey", t.journey_label(r.choice));
    w.Key("variant");
    w.Bool(r.choice.variant);
    w.Key("index");
    w.Uint(r.choice.index);
    w.Key("step");
    w.Uint64(r.step);
    w.Key("steps");
    w.Uint64(r.steps.size());
    w.Key("playing");
    w.Bool(r.playing);
    w.Key("speed");
    w.Double(r.speed);
    w.Key("progress");
    w.Double(r.progress);
    step_json(w, t, r.steps, r.step, r.choice);
    sequence(w, t, r.steps);
    w.EndObject();

    const QuizState& q = t.quiz;
    w.Key("quiz");
    w.StartObject();
    w.Key("active");
    w.Bool(q.active);
    json_str(w, "journey", q.active ? t.journey_label(q.choice) : std::string());
    w.Key("step");
    w.Uint64(q.question.step);
    json_str(w, "from", activity_name(t, q.question.from, "(start)"));
    // The answer is only told once revealed (a test can still compute it from the log).
    json_str(w, "answer", q.revealed ? activity_name(t, q.question.answer, "(end)") : std::string_view());
    w.Key("revealed");
    w.Bool(q.revealed);
    w.Key("chosen");
    w.Int(q.chosen);
    w.Key("finished");
    w.Bool(q.finished);
    w.Key("correct");
    w.Uint64(q.score.correct());
    w.Key("asked");
    w.Uint64(q.score.asked());
    w.Key("options");
    w.StartArray();
    for (const QuizOption& o : q.question.options) {
        w.StartObject();
        json_str(w, "activity", activity_name(t, o.activity, "(end)"));
        w.Key("share");
        w.Double(q.revealed ? o.share : -1);
        w.Key("count");
        w.Uint64(q.revealed ? o.count : 0);
        w.EndObject();
    }
    w.EndArray();
    if (q.active) step_json(w, t, q.steps, q.revealed ? q.question.step : q.question.step - 1, q.choice);
    sequence(w, t,
             q.revealed || q.finished
                 ? q.steps
                 : std::vector<ReplayStep>(
                       q.steps.begin(), q.steps.begin() + long(std::min(q.question.step, q.steps.size()))));
    w.EndObject();

    const PopulationState& p = t.population;
    w.Key("population");
    w.StartObject();
    const bool timed = p.population.begin() != kNoTime;
    json_str(w, "begin", timed ? format_timestamp(p.population.begin()) : std::string());
    json_str(w, "end", timed ? format_timestamp(p.population.end()) : std::string());
    json_str(w, "time", timed ? format_timestamp(p.time) : std::string());
    w.Key("tokens");
    w.Uint64(p.tokens.size());
    w.Key("cases");
    w.Uint(p.population.cases());
    w.Key("playing");
    w.Bool(p.playing);
    w.EndObject();
    w.EndObject();
}

} // namespace tabiji::web
