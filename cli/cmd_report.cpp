// tabiji report: one self-contained HTML file about a log: summary and read report, the journey map
// (core's SVG map), top variants, slowest steps and the journey-duration histogram, the CX metrics of the
// default (or given) catalog, and a funnel (the one asked for, else by journey stage). Inline CSS and SVG
// only: no script, no external reference, so it opens anywhere and can be mailed as it is. English or
// Japanese (--lang).
#include "commands.hpp"
#include "cx_options.hpp"
#include "html_chart.hpp"
#include "report_labels.hpp"

#include "tabiji/cx_metrics.hpp"
#include "tabiji/dfg.hpp"
#include "tabiji/dot_map.hpp"
#include "tabiji/performance.hpp"
#include "tabiji/svg_map.hpp"
#include "tabiji/timestamp.hpp"
#include "tabiji/variants.hpp"
#include "tabiji/xml_text.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace tabiji::cli {

namespace {

constexpr size_t kTopRows = 10;

std::string esc(std::string_view s) {
    return xml_escaped(s);
}

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100);
    return buf;
}

std::string thousands(uint64_t n) {
    std::string s = std::to_string(n), out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && (s.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(s[i]);
    }
    return out;
}

// Japanese when most touchpoints with events have a non-ASCII name.
bool looks_japanese(const EventLog& log, const Dfg& dfg) {
    uint32_t wide = 0, all = 0;
    for (uint32_t a = 0; a < dfg.num_activities; ++a) {
        if (!dfg.events[a]) continue;
        ++all;
        const std::string_view n = log.activities.view(a);
        wide += std::any_of(n.begin(), n.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    }
    return wide * 2 > all;
}

std::string tile(const std::string& value, const std::string& label, const std::string& detail = "",
                 bool small = false) {
    std::string out = std::string("<div class=\"tile\"><div class=\"v") + (small ? " s" : "") + "\">" +
                      esc(value) + "</div><div class=\"l\">" + esc(label) + "</div>";
    if (!detail.empty()) out += "<div class=\"d\">" + esc(detail) + "</div>";
    return out + "</div>";
}

std::string share_bar(double share) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "<span class=\"bar\"><span style=\"width:%.1f%%\"></span></span>",
                  std::clamp(share, 0.0, 1.0) * 100);
    return buf;
}

const char* kCss =
    R"(body{font-family:'Noto Sans','Helvetica Neue',Arial,'IPAexGothic','Noto Sans CJK JP','Hiragino Sans','Yu Gothic',Meiryo,sans-serif;color:#1a2433;background:#f4f6f9;margin:0}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:0 0 12px;color:#1f5fa8}h3{font-size:15px;margin:18px 0 8px}
.src{color:#5a6878;margin-bottom:20px;word-break:break-all}
section{background:#fff;border-radius:10px;padding:18px 22px;margin:0 0 18px;box-shadow:0 1px 3px rgba(20,40,70,.12)}
.tiles{display:flex;flex-wrap:wrap;gap:12px}
.tile{flex:1 1 160px;background:#eef3fa;border-radius:8px;padding:10px 14px}
.tile .v{font-size:22px;font-weight:700}.tile .v.s{font-size:17px;line-height:26px}.tile .l{font-size:13px;color:#34465e}.tile .d{font-size:12px;color:#5a6878}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e4e9ef;vertical-align:top}
th{color:#5a6878;font-weight:600}td.n,th.n{text-align:right;white-space:nowrap}
.bar{display:inline-block;width:120px;height:10px;background:#e4eefa;border-radius:5px;vertical-align:middle}
.bar span{display:block;height:10px;background:#1f5fa8;border-radius:5px}
.map{overflow:auto;border:1px solid #e4e9ef;border-radius:8px}.map svg{display:block;max-width:100%;height:auto}
.note{font-size:12px;color:#5a6878;margin:6px 0 10px}
dl.read{display:grid;grid-template-columns:max-content auto;gap:2px 16px;font-size:13px;margin:12px 0 0}dl.read dt{color:#5a6878}dl.read dd{margin:0}
footer{font-size:12px;color:#5a6878;text-align:center;padding:8px}
)";

// The catalog's stages, in order, that hold a touchpoint some activity of the log maps to.
std::vector<std::string> stages_in_log(const TouchpointMap& map) {
    std::vector<uint8_t> used(map.stage_names.size(), 0);
    auto mark = [&](uint32_t t) {
        if (t < map.size() && map.stage[t] >= 0) used[size_t(map.stage[t])] = 1;
    };
    for (uint32_t t : map.by_activity) mark(t);
    for (uint32_t t : map.by_event) mark(t);
    std::vector<std::string> names;
    for (size_t s = 0; s < used.size(); ++s)
        if (used[s]) names.push_back(map.stage_names[s]);
    return names;
}

std::string kind(const Args&) {
    return "html";
}

std::string produce(const Args& args, const std::string& path) {
    ReadReport report;
    const CxInput in = load_cx_input(args, path, false, &report);
    const EventLog& log = in.log;
    const Dfg dfg = mine_dfg(log, in.view);
    bool ja = in.project ? in.project->view.language == "ja" : looks_japanese(log, dfg);
    if (const auto lang = args.value("lang")) {
        if (*lang != "ja" && *lang != "en") throw UsageError("--lang expects ja or en, got '" + *lang + "'");
        ja = *lang == "ja";
    }
    const ReportLabels& L = report_labels(ja);
    std::string h = std::string("<!DOCTYPE html>\n<html lang=\"") + L.lang +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                    "content=\"width=device-width, initial-scale=1\">\n<title>" +
                    esc(L.title) + " - " + esc(log.source) + "</title>\n<style>\n" + kCss +
                    "</style>\n</head>\n<body>\n<main>\n<h1>" + esc(L.title) + "</h1>\n<div class=\"src\">" +
                    esc(log.source) + "</div>\n";

    // [SECTION] Summary and read report.
    Micros first = std::numeric_limits<Micros>::max(), last = std::numeric_limits<Micros>::min();
    for_each_case(log, in.view, [&](const CaseEvents& ce) {
        first = std::min(first, ce.time[0]);
        last = std::max(last, ce.time[ce.size - 1]);
    });
    uint32_t touchpoints = 0;
    for (uint64_t e : dfg.events) touchpoints += e > 0;
    std::string span = L.no_time, span_detail;
    if (log.has_time && dfg.num_cases > 0) {
        span = format_timestamp(first).substr(0, 10) + " – " + format_timestamp(last).substr(0, 10);
        span_detail = std::string(L.duration) + " " + short_duration(double(last - first) / 1e6) + " (UTC)";
    }
    h += std::string("<section><h2>") + L.summary + "</h2>\n<div class=\"tiles\">" +
         tile(thousands(dfg.num_cases), L.cases) + tile(thousands(dfg.num_events), L.events) +
         tile(thousands(touchpoints), L.touchpoints) + tile(span, L.time_span, span_detail, true) +
         "</div>\n";
    uint64_t problems = 0;
    for (const auto& [kind, n] : report.problem_counts) problems += n;
    h += std::string("<h3>") + L.read + "</h3><dl class=\"read\"><dt>" + L.format + "</dt><dd>" +
         esc(report.format) + (report.encoding.empty() ? "" : " (" + esc(report.encoding) + ")") +
         "</dd><dt>" + L.records + "</dt><dd>" + thousands(report.records) + "</dd><dt>" + L.kept +
         "</dt><dd>" + thousands(report.events) + "</dd><dt>" + L.dropped_missing + "</dt><dd>" +
         thousands(report.dropped_missing_values) + "</dd><dt>" + L.skipped_bad + "</dt><dd>" +
         thousands(report.skipped_bad_records) + "</dd><dt>" + L.problems + "</dt><dd>" +
         thousands(problems) + "</dd></dl></section>\n";

    // [SECTION] The map.
    SvgMapOptions map_options;
    map_options.start_label = L.start;
    map_options.end_label = L.end;
    map_options.xml_declaration = false;
    h += std::string("<section><h2>") + L.map + "</h2><div class=\"note\">" + esc(L.map_note) +
         "</div><div class=\"map\">" + write_svg_map(log, dfg, map_options) + "</div></section>\n";

    // [SECTION] Variants.
    const std::vector<Variant> variants = mine_variants(log, in.view);
    h += std::string("<section><h2>") + L.variants + "</h2><div class=\"note\">" +
         thousands(variants.size()) + " " + L.num_variants + "</div><table><tr><th class=\"n\">" + L.rank +
         "</th><th>" + L.path + "</th><th class=\"n\">" + L.cases + "</th><th class=\"n\">" + L.share +
         "</th><th></th></tr>\n";
    for (size_t k = 0; k < std::min(kTopRows, variants.size()); ++k) {
        const Variant& v = variants[k];
        std::string path;
        for (uint32_t a : v.activities)
            path += (path.empty() ? "" : " → ") + std::string(log.activities.view(a));
        const double share = dfg.num_cases ? double(v.count) / double(dfg.num_cases) : 0;
        h += "<tr><td class=\"n\">" + std::to_string(k + 1) + "</td><td>" + esc(path) +
             "</td><td class=\"n\">" + thousands(v.count) + "</td><td class=\"n\">" + percent(share) +
             "</td><td>" + share_bar(double(v.count) / double(variants[0].count)) + "</td></tr>\n";
    }
    h += "</table></section>\n";

    // [SECTION] Performance.
    if (log.has_time) {
        const auto perf = mine_edge_performance(log, in.view);
        std::vector<size_t> slow(perf.size());
        for (size_t k = 0; k < slow.size(); ++k) slow[k] = k;
        std::stable_sort(slow.begin(), slow.end(),
                         [&](size_t x, size_t y) { return perf[x].stats.median > perf[y].stats.median; });
        h += std::string("<section><h2>") + L.performance + "</h2><h3>" + L.slowest_steps +
             "</h3><table><tr><th>" + L.step + "</th><th class=\"n\">" + L.count + "</th><th class=\"n\">" +
             L.median + "</th><th class=\"n\">" + L.mean + "</th><th class=\"n\">" + L.p90 +
             "</th><th></th></tr>\n";
        const double top = slow.empty() ? 0 : perf[slow[0]].stats.median;
        for (size_t r = 0; r < std::min(kTopRows, slow.size()); ++r) {
            const EdgePerformance& p = perf[slow[r]];
            h += "<tr><td>" + esc(log.activities.view(p.from)) + " → " + esc(log.activities.view(p.to)) +
                 "</td><td class=\"n\">" + thousands(p.stats.count) + "</td><td class=\"n\">" +
                 short_duration(p.stats.median) + "</td><td class=\"n\">" + short_duration(p.stats.mean) +
                 "</td><td class=\"n\">" + short_duration(p.stats.p90) + "</td><td>" +
                 share_bar(top > 0 ? p.stats.median / top : 0) + "</td></tr>\n";
        }
        h += "</table>\n";
        const CaseDurations cd = mine_case_durations(log, in.view);
        std::vector<ChartBar> bins;
        for (size_t k = 0; k < cd.bin_counts.size(); ++k) {
            const std::string from = short_duration(cd.bin_edges[k]);
            const std::string label = k + 1 < cd.bin_edges.size()
                                          ? (k == 0 ? "< " + short_duration(cd.bin_edges[1])
                                                    : from + "–" + short_duration(cd.bin_edges[k + 1]))
                                          : "≥ " + from;
            bins.push_back({label, double(cd.bin_counts[k]), thousands(cd.bin_counts[k])});
        }
        h += std::string("<h3>") + L.case_durations + "</h3><div class=\"note\">" + L.case_durations_note +
             " · " + L.median + " " + short_duration(cd.stats.median) + " · " + L.mean + " " +
             short_duration(cd.stats.mean) + "</div>" + svg_column_chart(bins, 1000, 240) + "</section>\n";
    }

    // [SECTION] CX metrics through the catalog.
    const ChannelSwitches cs = mine_channel_switches(log, in.view, in.map);
    const FailureDemand fd = mine_failure_demand(log, in.view, in.map, 24);
    const Escalation esc_bots = mine_escalation(log, in.view, in.map, 24);
    const RepeatContact rc = mine_repeat_contact(log, in.view, in.map, 7);
    h += std::string("<section><h2>") + L.cx + "</h2><div class=\"tiles\">" +
         tile(percent(cs.switch_rate()), L.channel_switch_rate,
              thousands(cs.total_switches()) + " / " + thousands(cs.steps) + " " + L.switches_of_steps) +
         tile(percent(fd.rate), L.failure_demand_rate,
              thousands(fd.followed) + " / " + thousands(fd.events) + " " + L.followed_of_origin);
    for (const BotEscalation& b : esc_bots.bots)
        h += tile(b.sessions ? percent(b.containment_rate) : "–",
                  std::string(L.bot_containment) + " (" +
                      std::string(channel_kind_label(b.bot, ja ? Lang::ja : Lang::en)) + ")",
                  b.sessions ? thousands(b.sessions - b.escalated) + " / " + thousands(b.sessions) + " " +
                                   L.sessions_contained
                             : std::string(L.no_bot_sessions));
    h += tile(percent(rc.rate), L.repeat_contact_rate,
              thousands(rc.repeated) + " / " + thousands(rc.contacts) + " " + L.repeated_of_contacts + " · " +
                  L.fcr + " " + percent(rc.fcr)) +
         "</div>\n";
    std::vector<FailureDemandRow> origins = fd.origins;
    std::stable_sort(origins.begin(), origins.end(),
                     [](const FailureDemandRow& x, const FailureDemandRow& y) { return x.rate > y.rate; });
    std::vector<ChartBar> fd_bars;
    for (size_t k = 0; k < std::min(kTopRows, origins.size()); ++k)
        fd_bars.push_back({in.map.names[origins[k].touchpoint], origins[k].rate,
                           percent(origins[k].rate) + " (" + thousands(origins[k].followed) + " / " +
                               thousands(origins[k].events) + ")"});
    if (!fd_bars.empty())
        h += std::string("<h3>") + L.failure_demand_by_origin + "</h3>" +
             svg_bar_chart(fd_bars, 900, "#b5621f");
    h += "</section>\n";

    // [SECTION] Funnel.
    // --funnel, else the project's first saved funnel, else the catalog's journey stages in order (those
    // holding a touchpoint of the log), so that every report has its funnel.
    const SavedFunnel* saved = in.project && !in.project->funnels.empty() ? &in.project->funnels[0] : nullptr;
    std::vector<std::string> specs;
    if (args.value("funnel"))
        specs = split_list(*args.value("funnel"));
    else if (saved)
        specs = saved->steps;
    else
        specs = stages_in_log(in.map);
    const bool by_stage = !args.value("funnel") && !saved;
    if (by_stage && args.value("max-gap")) throw UsageError("--max-gap needs --funnel");
    if (!by_stage || specs.size() >= 2) {
        // --max-gap, else the saved funnel's own gap (0: none).
        const double saved_gap = saved && !args.value("funnel") && saved->max_gap_seconds > 0
                                     ? saved->max_gap_seconds
                                     : std::numeric_limits<double>::infinity();
        const double gap = duration_option(args, "max-gap", saved_gap);
        const auto steps = resolve_funnel_steps(specs, in.map, log.source);
        const Funnel fun = mine_funnel(log, in.view, in.map, steps, gap);
        std::vector<ChartBar> bars;
        for (size_t k = 0; k < steps.size(); ++k) {
            const FunnelStepResult& s = fun.steps[k];
            bars.push_back({steps[k].label, double(s.cases),
                            thousands(s.cases) + " · " + percent(s.conversion_from_previous) + " (" +
                                L.from_first + " " + percent(s.conversion_from_first) + ")"});
        }
        h += std::string("<section><h2>") + L.funnel + "</h2><div class=\"note\">" +
             (by_stage ? std::string(L.stage_funnel) + " " : std::string()) + L.conversion + "</div>" +
             svg_bar_chart(bars, 900, "#2e9e5b") + "</section>\n";
    }
    h += std::string("<footer>") + esc(L.footer) +
         " (tabiji " TABIJI_VERSION ")</footer>\n</main>\n</body>\n</html>\n";
    return h;
}

} // namespace

Command report_command() {
    CommandSpec s;
    s.name = "report";
    s.summary = "one self-contained HTML report: summary, journey map, variants, times, CX metrics";
    s.usage = "tabiji report [options] LOG... -o report.html";
    s.options = cx_common_option_specs();
    s.options.push_back(cx_project_option_spec());
    s.options.push_back(
        {"lang", "LANG",
         "ja or en; default: the project's, else ja when most touchpoint names are Japanese"});
    s.options.push_back(
        {"funnel", "A,B,C",
         "funnel steps (see 'tabiji funnel'); default: the project's first funnel, else the catalog's "
         "stages"});
    s.options.push_back({"max-gap", "DURATION", "longest wait between funnel steps (7d, 36h, ...)"});
    s.options.push_back(batch_output_option_spec());
    s.examples =
        "  tabiji report samples/journeys_en.csv -o report.html\n"
        "  tabiji report samples/journeys_ja.csv --funnel 'TVCM,公式Webサイト,ECサイト,EC購入' -o "
        "レポート.html\n"
        "  tabiji report samples/journeys_en.csv --lang ja --end-with 'EC purchase' -o purchase.html\n"
        "  tabiji report export.csv --project client.tabiji.json -o report.html   (catalog, filters, "
        "funnel)\n"
        "  tabiji report logs/ -o reports/                    (one report per log of the folder)\n";
    s.min_positionals = 1;
    s.max_positionals = kManyLogs;
    return {s, nullptr, {kind, produce}};
}

} // namespace tabiji::cli
