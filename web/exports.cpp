// CSV tables are written with core's field quoting (csv_field.hpp); numbers in plain decimal.
#include "exports.hpp"

#include "i18n.hpp"
#include "view_cx.hpp"
#include "view_funnel.hpp"
#include "view_variants.hpp"

#include "tabiji/csv_field.hpp"
#include "tabiji/svg_map.hpp"

#include <cstdio>

namespace tabiji::web {

namespace {

std::string number(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", x);
    return buf;
}

void row(std::string& out, std::initializer_list<std::string> fields) {
    bool first = true;
    for (const std::string& f : fields) {
        if (!first) out += ',';
        append_csv_field(out, f);
        first = false;
    }
    out += '\n';
}

} // namespace

std::string download_stem(const AppState& state) {
    std::string name = state.journey() ? state.journey()->name : "tabiji";
    for (const char* ext :
         {".gz", ".csv", ".tsv", ".txt", ".jsonl", ".ndjson", ".xes", ".jsonocel", ".json"}) {
        const std::string e(ext);
        if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0)
            name.resize(name.size() - e.size());
    }
    return name.empty() ? "tabiji" : name;
}

std::string map_svg(const AppState& state) {
    const auto& journey = state.journey();
    if (!journey) return {};
    SvgMapOptions options;
    options.start_label = tr("Start");
    options.end_label = tr("End");
    options.title = journey->name;
    return write_svg_map(journey->log, journey->dfg, options);
}

std::string variants_csv(const AppState& state) {
    const auto& journey = state.journey();
    std::string out;
    row(out, {"rank", "journeys", "coverage", "cumulative_coverage", "steps", "path"});
    if (!journey) return out;
    const auto& variants = state.analysis.variants();
    const double cases = static_cast<double>(state.analysis.size().cases);
    uint64_t sum = 0;
    for (size_t i = 0; i < variants.size(); ++i) {
        const Variant& v = variants[i];
        sum += v.count;
        row(out, {std::to_string(i + 1), std::to_string(v.count), number(cases ? v.count / cases : 0),
                  number(cases ? sum / cases : 0), std::to_string(v.activities.size()),
                  variant_text(journey->log, v)});
    }
    return out;
}

std::string funnel_csv(AppState& state) {
    const Funnel* f = current_funnel(state);
    if (!f) return {};
    const SavedFunnel spec = current_funnel_spec(state);
    std::string out;
    row(out, {"step", "label", "journeys", "conversion_from_previous", "conversion_from_first", "dropped",
              "median_seconds_from_previous"});
    for (size_t i = 0; i < f->steps.size(); ++i) {
        const FunnelStepResult& s = f->steps[i];
        row(out,
            {std::to_string(i + 1), i < spec.steps.size() ? spec.steps[i] : "", std::to_string(s.cases),
             number(s.conversion_from_previous), number(s.conversion_from_first), std::to_string(s.dropped),
             s.time_from_previous.count ? number(s.time_from_previous.median) : ""});
    }
    return out;
}

std::string metrics_csv(AppState& state) {
    const CxResults* r = current_cx(state);
    std::string out;
    row(out, {"metric", "subject", "value", "count", "total"});
    if (!r) return out;
    const TouchpointMap& map = state.analysis.touchpoints();
    auto name = [&](uint32_t t) { return t < map.size() ? map.names[t] : std::string(); };
    row(out, {"channel_switch_rate", "", number(r->switches.switch_rate()),
              std::to_string(r->switches.total_switches()), std::to_string(r->switches.steps)});
    for (int k = 0; k < kNumChannelKinds; ++k) {
        const auto kind = static_cast<ChannelKind>(k);
        if (r->switches.row_total(kind) == 0) continue;
        row(out, {"channel_switch_share", std::string(channel_kind_code(kind)),
                  number(r->switches.switch_share(kind)), std::to_string(r->switches.switches(kind)),
                  std::to_string(r->switches.row_total(kind))});
    }
    row(out, {"failure_demand_rate", "", number(r->failure.rate), std::to_string(r->failure.followed),
              std::to_string(r->failure.events)});
    for (const auto& o : r->failure.origins)
        row(out, {"failure_demand_rate", name(o.touchpoint), number(o.rate), std::to_string(o.followed),
                  std::to_string(o.events)});
    for (const auto& b : r->escalation.bots)
        row(out, {"containment_rate", std::string(channel_kind_code(b.bot)), number(b.containment_rate),
                  std::to_string(b.sessions - b.escalated), std::to_string(b.sessions)});
    row(out, {"repeat_contact_rate", "", number(r->repeat.rate), std::to_string(r->repeat.repeated),
              std::to_string(r->repeat.contacts)});
    for (const auto& t : r->repeat.touchpoints)
        row(out, {"repeat_contact_rate", name(t.touchpoint), number(t.rate), std::to_string(t.repeated),
                  std::to_string(t.contacts)});
    const MarkovAttribution& m = r->attribution;
    for (size_t i = 0; i < m.touchpoints.size(); ++i)
        row(out, {"attribution_share", name(m.touchpoints[i]), number(m.share[i]),
                  number(m.attributed_conversions[i]), std::to_string(m.conversions)});
    return out;
}

} // namespace tabiji::web
