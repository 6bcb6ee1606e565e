// [SECTION] Chips: one per filter of the chain, in order, each with a remove button.
// [SECTION] Add filter: a popup with the kind and its parameters.
#include "view_filters.hpp"

#include "i18n.hpp"
#include "text_format.hpp"

#include "tabiji/dot_map.hpp" // short_duration
#include "tabiji/timestamp.hpp"

#include "imgui.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace tabiji::web {

namespace {

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::string format(const char* fmt, const std::string& a, const std::string& b = {}) {
    std::string out(fmt);
    for (const std::string* arg : {&a, &b}) {
        const size_t at = out.find("%s");
        if (at == std::string::npos) break;
        out.replace(at, 2, *arg);
    }
    return out;
}

std::string bound_text(const AttributeBound& b) {
    if (b.kind == AttributeBound::Kind::number) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", b.number);
        return buf;
    }
    if (b.kind == AttributeBound::Kind::time) return format_timestamp(b.time);
    return "…";
}

const char* mode_text(MatchMode m) {
    switch (m) {
    case MatchMode::keep_cases:
        return tr("journeys with");
    case MatchMode::drop_cases:
        return tr("journeys without");
    case MatchMode::keep_events:
        return tr("only events of");
    case MatchMode::drop_events:
        return tr("events except");
    }
    return "";
}

} // namespace

std::string describe_filter(const Filter& filter) {
    struct Describe {
        std::string operator()(const TimeFrameFilter& f) const {
            const char* mode = f.mode == TimeFrameMode::events      ? tr("events inside")
                               : f.mode == TimeFrameMode::contained ? tr("journeys inside")
                                                                    : tr("journeys touching");
            return format(tr("Time %s – %s"),
                          f.from == kNoTime ? "…" : format_timestamp(f.from).substr(0, 10),
                          f.to == kNoTime ? "…" : format_timestamp(f.to).substr(0, 10)) +
                   " (" + mode + ")";
        }
        std::string operator()(const CaseSizeFilter& f) const {
            return format(tr("Events %s – %s"), std::to_string(f.min),
                          f.max == CaseSizeFilter{}.max ? "…" : std::to_string(f.max));
        }
        std::string operator()(const CaseDurationFilter& f) const {
            return format(tr("Duration %s – %s"), short_duration(f.min_seconds),
                          std::isinf(f.max_seconds) ? "…" : short_duration(f.max_seconds));
        }
        std::string operator()(const EndpointFilter& f) const {
            const bool start = f.endpoint == Endpoint::start;
            const char* fmt = start ? (f.keep ? tr("Starts with %s") : tr("Does not start with %s"))
                                    : (f.keep ? tr("Ends with %s") : tr("Does not end with %s"));
            return format(fmt, join(f.touchpoints));
        }
        std::string operator()(const TouchpointFilter& f) const {
            return std::string(mode_text(f.mode)) + " " + join(f.touchpoints);
        }
        std::string operator()(const FollowsFilter& f) const {
            return std::string(f.keep ? "" : tr("not ")) + f.from + (f.eventually ? " ⇢ " : " → ") + f.to;
        }
        std::string operator()(const BetweenFilter& f) const {
            return format(tr("Between %s and %s"), f.from, f.to);
        }
        std::string operator()(const VariantFilter& f) const {
            if (f.top > 0) return format(tr("Top %s variants"), std::to_string(f.top));
            char buf[32];
            std::snprintf(buf, sizeof buf, "%g", f.coverage_percent);
            return format(tr("Variants covering %s %%"), buf);
        }
        std::string operator()(const AttributeFilter& f) const {
            std::string what =
                f.values.empty() ? "[" + bound_text(f.min) + ", " + bound_text(f.max) + "]" : join(f.values);
            if (f.match_null) what += f.values.empty() && f.min.open() && f.max.open() ? "null" : " + null";
            return std::string(mode_text(f.mode)) + " " + f.attribute + " = " + what;
        }
    };
    std::string text = std::visit(Describe{}, filter);
    // "%%" in a translated format stays literal after our own substitution
    for (size_t at = text.find("%%"); at != std::string::npos; at = text.find("%%", at + 1))
        text.erase(at, 1);
    return text;
}

namespace {

// [SECTION] Add filter
enum Kind : int {
    kTime,
    kSize,
    kDuration,
    kStart,
    kEnd,
    kTouchpoint,
    kFollows,
    kBetween,
    kVariants,
    kAttribute,
    kKinds
};

struct Draft {
    int kind = kStart;
    char from[40] = "", to[40] = "";
    int time_mode = 2; // intersecting
    int min_events = 2, max_events = 0;
    float min_hours = 0, max_hours = 0;
    int tp = 0, tp2 = 0;
    int mode = 0;
    bool keep = true, eventually = false;
    bool by_coverage = false;
    int top = 10;
    float coverage = 80;
    int attribute = 0, value = 0;
    bool range = false, nulls = false;
    char range_min[40] = "", range_max[40] = "";
    std::string problem;
};

const char* kind_label(int k) {
    static const char* names[kKinds] = {"Time frame", "Journey size", "Journey duration", "Starts with",
                                        "Ends with",  "Touchpoint",   "Follows",          "Between",
                                        "Variants",   "Attribute"};
    return tr(names[k]);
}

bool touchpoint_combo(const char* label, int& index, const EventLog& log) {
    const uint32_t n = log.activities.size();
    if (n == 0) return false;
    index = std::clamp(index, 0, static_cast<int>(n) - 1);
    bool changed = false;
    std::string current(log.activities.view(static_cast<uint32_t>(index)));
    if (ImGui::BeginCombo(label, current.c_str())) {
        for (uint32_t a = 0; a < n; ++a) {
            std::string name(log.activities.view(a));
            if (ImGui::Selectable(name.c_str(), static_cast<int>(a) == index)) {
                index = static_cast<int>(a);
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

std::vector<const AttributeColumn*> attribute_columns(const EventLog& log) {
    std::vector<const AttributeColumn*> out;
    for (const auto& c : log.event_attributes) out.push_back(&c);
    for (const auto& c : log.case_attributes) out.push_back(&c);
    return out;
}

std::optional<AttributeBound> parse_bound(const char* text) {
    std::string s(text);
    if (s.empty()) return AttributeBound{};
    if (auto x = parse_real(s)) return AttributeBound::of(*x);
    if (auto t = parse_timestamp(s)) return AttributeBound::at(*t);
    return std::nullopt;
}

// The filter the draft describes, or nullopt with draft.problem set.
std::optional<Filter> build(Draft& d, const EventLog& log) {
    auto name = [&](int i) { return std::string(log.activities.view(static_cast<uint32_t>(i))); };
    switch (d.kind) {
    case kTime: {
        TimeFrameFilter f;
        f.mode = static_cast<TimeFrameMode>(d.time_mode);
        if (d.from[0]) {
            auto t = parse_timestamp(d.from);
            if (!t) return d.problem = tr("Not a date or time (e.g. 2024-04-01)"), std::nullopt;
            f.from = *t;
        }
        if (d.to[0]) {
            auto t = parse_timestamp(d.to);
            if (!t) return d.problem = tr("Not a date or time (e.g. 2024-04-01)"), std::nullopt;
            f.to = *t;
        }
        return f;
    }
    case kSize:
        return CaseSizeFilter{static_cast<uint64_t>(std::max(0, d.min_events)),
                              d.max_events > 0 ? static_cast<uint64_t>(d.max_events) : CaseSizeFilter{}.max};
    case kDuration:
        return CaseDurationFilter{std::max(0.0, d.min_hours * 3600.0),
                                  d.max_hours > 0 ? d.max_hours * 3600.0 : CaseDurationFilter{}.max_seconds};
    case kStart:
        return EndpointFilter{Endpoint::start, {name(d.tp)}, d.keep};
    case kEnd:
        return EndpointFilter{Endpoint::end, {name(d.tp)}, d.keep};
    case kTouchpoint:
        return TouchpointFilter{static_cast<MatchMode>(d.mode), {name(d.tp)}};
    case kFollows:
        return FollowsFilter{d.eventually, name(d.tp), name(d.tp2), d.keep};
    case kBetween:
        return BetweenFilter{name(d.tp), name(d.tp2)};
    case kVariants:
        if (d.by_coverage) return VariantFilter{0, std::clamp<double>(d.coverage, 0.1, 100)};
        return VariantFilter{static_cast<uint64_t>(std::max(1, d.top)), 0};
    case kAttribute: {
        const auto cols = attribute_columns(log);
        if (cols.empty()) return d.problem = tr("This log has no attributes"), std::nullopt;
        const AttributeColumn& c =
            *cols[static_cast<size_t>(std::clamp<int>(d.attribute, 0, int(cols.size()) - 1))];
        AttributeFilter f;
        f.attribute = c.name;
        f.mode = static_cast<MatchMode>(d.mode);
        f.match_null = d.nulls;
        if (d.range) {
            auto lo = parse_bound(d.range_min), hi = parse_bound(d.range_max);
            if (!lo || !hi) return d.problem = tr("Bounds are numbers or dates"), std::nullopt;
            f.min = *lo;
            f.max = *hi;
        } else if (c.type == AttrType::string) {
            if (c.strings.size() < 2) return d.problem = tr("No values"), std::nullopt;
            f.values.push_back(std::string(c.strings.view(
                static_cast<uint32_t>(std::clamp<int>(d.value, 1, static_cast<int>(c.strings.size()) - 1)))));
        } else {
            f.values.push_back(d.range_min);
        }
        return f;
    }
    }
    return std::nullopt;
}

void draw_draft(Draft& d, const EventLog& log) {
    ImGui::SetNextItemWidth(220);
    if (ImGui::BeginCombo(tr("Kind"), kind_label(d.kind))) {
        for (int k = 0; k < kKinds; ++k)
            if (ImGui::Selectable(kind_label(k), k == d.kind)) d.kind = k;
        ImGui::EndCombo();
    }
    ImGui::PushItemWidth(220);
    switch (d.kind) {
    case kTime: {
        ImGui::InputTextWithHint(tr("From"), "2024-01-01", d.from, sizeof d.from);
        ImGui::InputTextWithHint(tr("To"), "2024-12-31T23:59:59", d.to, sizeof d.to);
        const char* modes[] = {tr("events inside"), tr("journeys inside"), tr("journeys touching")};
        ImGui::Combo(tr("Mode"), &d.time_mode, modes, 3);
        break;
    }
    case kSize:
        ImGui::InputInt(tr("At least (events)"), &d.min_events);
        ImGui::InputInt(tr("At most (0: no limit)"), &d.max_events);
        break;
    case kDuration:
        ImGui::InputFloat(tr("At least (hours)"), &d.min_hours);
        ImGui::InputFloat(tr("At most (hours, 0: no limit)"), &d.max_hours);
        break;
    case kStart:
    case kEnd:
    case kTouchpoint:
        touchpoint_combo(tr("Touchpoint"), d.tp, log);
        if (d.kind == kTouchpoint) {
            const char* modes[] = {mode_text(MatchMode::keep_cases), mode_text(MatchMode::drop_cases),
                                   mode_text(MatchMode::keep_events), mode_text(MatchMode::drop_events)};
            ImGui::Combo(tr("Mode"), &d.mode, modes, 4);
        } else {
            ImGui::Checkbox(tr("Keep (off: drop)"), &d.keep);
        }
        break;
    case kFollows:
    case kBetween:
        touchpoint_combo(tr("From"), d.tp, log);
        touchpoint_combo(tr("To"), d.tp2, log);
        if (d.kind == kFollows) {
            ImGui::Checkbox(tr("Eventually (off: directly)"), &d.eventually);
            ImGui::Checkbox(tr("Keep (off: drop)"), &d.keep);
        }
        break;
    case kVariants:
        ImGui::Checkbox(tr("By coverage"), &d.by_coverage);
        if (d.by_coverage)
            ImGui::SliderFloat(tr("Coverage %"), &d.coverage, 1, 100, "%.0f");
        else
            ImGui::InputInt(tr("Top variants"), &d.top);
        break;
    case kAttribute: {
        const auto cols = attribute_columns(log);
        if (cols.empty()) {
            ImGui::TextDisabled("%s", tr("This log has no attributes"));
            break;
        }
        d.attribute = std::clamp<int>(d.attribute, 0, static_cast<int>(cols.size()) - 1);
        const AttributeColumn& c = *cols[static_cast<size_t>(d.attribute)];
        if (ImGui::BeginCombo(tr("Attribute"), c.name.c_str())) {
            for (size_t i = 0; i < cols.size(); ++i)
                if (ImGui::Selectable(cols[i]->name.c_str(), static_cast<int>(i) == d.attribute)) {
                    d.attribute = static_cast<int>(i);
                    d.value = 1;
                }
            ImGui::EndCombo();
        }
        ImGui::Checkbox(tr("Range"), &d.range);
        if (d.range) {
            ImGui::InputText(tr("Minimum"), d.range_min, sizeof d.range_min);
            ImGui::InputText(tr("Maximum"), d.range_max, sizeof d.range_max);
        } else if (c.type == AttrType::string && c.strings.size() > 1) {
            d.value = std::clamp<int>(d.value, 1, static_cast<int>(c.strings.size()) - 1);
            std::string current(c.strings.view(static_cast<uint32_t>(d.value)));
            if (ImGui::BeginCombo(tr("Value"), current.c_str())) {
                for (uint32_t v = 1; v < c.strings.size() && v < 2000; ++v) {
                    std::string s(c.strings.view(v));
                    if (ImGui::Selectable(s.c_str(), static_cast<int>(v) == d.value))
                        d.value = static_cast<int>(v);
                }
                ImGui::EndCombo();
            }
        } else {
            ImGui::InputText(tr("Value"), d.range_min, sizeof d.range_min);
        }
        const char* modes[] = {mode_text(MatchMode::keep_cases), mode_text(MatchMode::drop_cases),
                               mode_text(MatchMode::keep_events), mode_text(MatchMode::drop_events)};
        ImGui::Combo(tr("Mode"), &d.mode, modes, 4);
        ImGui::Checkbox(tr("Missing values match too"), &d.nulls);
        break;
    }
    }
    ImGui::PopItemWidth();
}

// A chip: rounded label with a × button; returns true when × was clicked.
bool chip(const std::string& text, int id) {
    ImGui::PushID(id);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 10);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.86f, 0.91f, 0.98f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.80f, 0.87f, 0.97f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.74f, 0.83f, 0.96f, 1));
    ImGui::SmallButton(text.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
    ImGui::SameLine(0, 2);
    const bool remove = ImGui::SmallButton("×");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Remove this filter"));
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar();
    ImGui::PopID();
    return remove;
}

} // namespace

float draw_filter_chips(AppState& state, float top, float ratio) {
    auto& journey = state.journey();
    if (!journey) return top;
    Analysis& an = state.analysis;
    static Draft draft;
    const float margin = 8 * ratio;
    ImGui::SetNextWindowPos({margin, top + 4 * ratio});
    ImGui::SetNextWindowBgAlpha(0.92f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
    float bottom = top;
    if (ImGui::Begin("##filters", nullptr, flags)) {
        ImGui::TextUnformatted(tr("Filters:"));
        const auto& chain = an.filters().filters;
        int remove = -1;
        for (size_t i = 0; i < chain.size(); ++i) {
            ImGui::SameLine();
            if (chip(describe_filter(chain[i]), static_cast<int>(i))) remove = static_cast<int>(i);
        }
        if (chain.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr("none"));
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("+ Add filter"))) {
            draft.problem.clear();
            ImGui::OpenPopup("##add-filter");
        }
        if (!chain.empty()) {
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("Clear all"))) an.set_filters(*journey, {});
        }
        ImGui::SameLine();
        ImGui::TextDisabled(tr("%s of %s journeys · %s events · %.1f ms"),
                            with_thousands(an.size().cases).c_str(),
                            with_thousands(journey->log.num_cases()).c_str(),
                            with_thousands(an.size().events).c_str(), an.last_recompute_ms());
        if (remove >= 0) an.remove_filter(*journey, static_cast<size_t>(remove));
        if (ImGui::BeginPopup("##add-filter")) {
            draw_draft(draft, journey->log);
            if (!draft.problem.empty())
                ImGui::TextColored({0.75f, 0.1f, 0.1f, 1}, "%s", draft.problem.c_str());
            if (ImGui::Button(tr("Add"))) {
                draft.problem.clear();
                if (auto f = build(draft, journey->log)) {
                    if (an.add_filter(*journey, std::move(*f)))
                        ImGui::CloseCurrentPopup();
                    else
                        draft.problem = an.error();
                }
            }
            ImGui::SameLine();
            if (ImGui::Button(tr("Cancel"))) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    }
    ImGui::End();
    return bottom;
}

} // namespace tabiji::web
