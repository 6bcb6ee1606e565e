// [SECTION] Computing (cached on the analysis generation)
// [SECTION] Drawing: headline figures, then one collapsible section per metric
#include "view_cx.hpp"

#include "i18n.hpp"
#include "text_format.hpp"

#include "imgui.h"

#include <exception>
#include <optional>

namespace tabiji::web {

namespace {

struct Cache {
    uint64_t generation = ~0ull;
    std::optional<CxResults> results;
};

Cache& cache() {
    static Cache c;
    return c;
}

const char* percent(double share) {
    static char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f %%", 100 * share);
    return buf;
}

const std::string& tp_name(const TouchpointMap& map, uint32_t t) {
    static const std::string none = "–";
    return t < map.size() ? map.names[t] : none;
}

} // namespace

const CxResults* current_cx(AppState& state) {
    const auto& journey = state.journey();
    if (!journey) return nullptr;
    Cache& c = cache();
    const Analysis& an = state.analysis;
    if (c.generation == an.generation() && c.results) return &*c.results;
    c.generation = an.generation();
    c.results.reset();
    try {
        const EventLog& log = journey->log;
        const TouchpointMap& map = an.touchpoints();
        CxResults r;
        r.switches = mine_channel_switches(log, an.view(), map);
        r.failure = mine_failure_demand(log, an.view(), map);
        r.escalation = mine_escalation(log, an.view(), map);
        r.repeat = mine_repeat_contact(log, an.view(), map);
        try {
            r.goal = resolve_funnel_steps({"purchase"}, map, "catalog").at(0).touchpoints;
            r.goal_label = "purchase";
        } catch (const std::exception&) {
            r.goal.clear();
        }
        if (!r.goal.empty()) r.attribution = markov_attribution(markov_paths(log, an.view(), map, r.goal));
        c.results = std::move(r);
    } catch (const std::exception& e) {
        state.show_error(e.what());
    }
    return c.results ? &*c.results : nullptr;
}

void draw_cx_view(AppState& state) {
    const CxResults* r = current_cx(state);
    if (!r) return;
    const TouchpointMap& map = state.analysis.touchpoints();
    const Lang lang = ui_language();

    ImGui::Text("%s: %s", tr("Channel switch rate"), percent(r->switches.switch_rate()));
    ImGui::Text("%s: %s", tr("Failure demand (self-service → human within 24 h)"), percent(r->failure.rate));
    ImGui::Text("%s: %s", tr("Repeat contact within 7 days"), percent(r->repeat.rate));
    ImGui::SameLine();
    ImGui::TextDisabled("(%s %s)", tr("FCR"), percent(r->repeat.fcr));
    for (const BotEscalation& b : r->escalation.bots) {
        if (b.sessions == 0) continue;
        ImGui::Text("%s: %s %s, %s %s", std::string(channel_kind_label(b.bot, lang)).c_str(),
                    with_thousands(b.sessions).c_str(), tr("sessions"), percent(b.containment_rate),
                    tr("contained"));
    }
    if (!map.unmapped.empty())
        ImGui::TextColored({0.75f, 0.35f, 0.05f, 1},
                           tr("%zu activities are not in the catalog (see Catalog)"), map.unmapped.size());

    const ImGuiTableFlags tf =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::CollapsingHeader(tr("Channel switches"), ImGuiTreeNodeFlags_DefaultOpen) &&
        ImGui::BeginTable("##switch", 4, tf)) {
        ImGui::TableSetupColumn(tr("Channel"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr("Steps"));
        ImGui::TableSetupColumn(tr("Switches"));
        ImGui::TableSetupColumn(tr("Switch share"));
        ImGui::TableHeadersRow();
        for (int k = 0; k < kNumChannelKinds; ++k) {
            const auto kind = static_cast<ChannelKind>(k);
            if (r->switches.row_total(kind) == 0) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(std::string(channel_kind_label(kind, lang)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(with_thousands(r->switches.row_total(kind)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(with_thousands(r->switches.switches(kind)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(percent(r->switches.switch_share(kind)));
        }
        ImGui::EndTable();
    }
    if (ImGui::CollapsingHeader(tr("Failure demand")) && ImGui::BeginTable("##failure", 4, tf)) {
        ImGui::TableSetupColumn(tr("Touchpoint"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr("Events"));
        ImGui::TableSetupColumn(tr("Then human"));
        ImGui::TableSetupColumn(tr("Rate"));
        ImGui::TableHeadersRow();
        for (const FailureDemandRow& row : r->failure.origins) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tp_name(map, row.touchpoint).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(with_thousands(row.events).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(with_thousands(row.followed).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(percent(row.rate));
        }
        ImGui::EndTable();
    }
    if (ImGui::CollapsingHeader(tr("Escalation and containment"))) {
        for (const BotEscalation& b : r->escalation.bots) {
            ImGui::Text("%s: %s %s, %s %s, %s %s", std::string(channel_kind_label(b.bot, lang)).c_str(),
                        with_thousands(b.sessions).c_str(), tr("sessions"),
                        with_thousands(b.escalated).c_str(), tr("escalated"), percent(b.containment_rate),
                        tr("contained"));
            for (const auto& [tp, n] : b.escalated_to)
                ImGui::BulletText("→ %s: %s", tp_name(map, tp).c_str(), with_thousands(n).c_str());
        }
    }
    if (ImGui::CollapsingHeader(tr("Repeat contact")) && ImGui::BeginTable("##repeat", 4, tf)) {
        ImGui::TableSetupColumn(tr("Touchpoint"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr("Contacts"));
        ImGui::TableSetupColumn(tr("Repeated"));
        ImGui::TableSetupColumn(tr("FCR"));
        ImGui::TableHeadersRow();
        for (const RepeatContactRow& row : r->repeat.touchpoints) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tp_name(map, row.touchpoint).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(with_thousands(row.contacts).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(with_thousands(row.repeated).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(percent(row.fcr));
        }
        ImGui::EndTable();
    }
    if (ImGui::CollapsingHeader(tr("Attribution (Markov removal effect)"))) {
        if (r->goal.empty()) {
            ImGui::TextDisabled("%s", tr("No goal: give a touchpoint the stage 'purchase' in the catalog."));
        } else {
            const MarkovAttribution& m = r->attribution;
            ImGui::Text(tr("Goal: stage '%s' · %s of %s journeys convert (%s)"), r->goal_label.c_str(),
                        with_thousands(m.conversions).c_str(), with_thousands(m.paths).c_str(),
                        percent(m.conversion_probability));
            if (ImGui::BeginTable("##attr", 3, tf)) {
                ImGui::TableSetupColumn(tr("Touchpoint"), ImGuiTableColumnFlags_WidthStretch);
                ImGui::TableSetupColumn(tr("Share"));
                ImGui::TableSetupColumn(tr("Conversions"));
                ImGui::TableHeadersRow();
                for (size_t i = 0; i < m.touchpoints.size(); ++i) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(tp_name(map, m.touchpoints[i]).c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(percent(m.share[i]));
                    ImGui::TableNextColumn();
                    ImGui::Text("%.1f", m.attributed_conversions[i]);
                }
                ImGui::EndTable();
            }
        }
    }
}

} // namespace tabiji::web
