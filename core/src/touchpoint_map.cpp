// Mapping events to touchpoints by a catalog's rules (first match wins, then the implicit name rule, then
// the unmapped policy). Each rule's verdict is cached per activity and per distinct attribute value.
#include "tabiji/touchpoint_map.hpp"

#include <algorithm>
#include <regex>
#include <unordered_map>

namespace tabiji {

namespace {

class Matcher {
  public:
    explicit Matcher(const MappingRule& r) : rule_(r) {
        if (r.match == MatchKind::regex) re_ = std::regex(r.pattern);
    }
    bool operator()(std::string_view s) const {
        switch (rule_.match) {
        case MatchKind::exact:
            return s == rule_.pattern;
        case MatchKind::prefix:
            return s.substr(0, rule_.pattern.size()) == rule_.pattern;
        case MatchKind::regex:
            return std::regex_match(s.begin(), s.end(), re_);
        }
        return false;
    }

  private:
    const MappingRule& rule_;
    std::regex re_;
};

// One attribute rule's verdicts: per string id for string columns, else per value text.
struct AttributeRule {
    const AttributeColumn* column = nullptr;
    std::vector<uint8_t> by_id;
    std::unordered_map<std::string, uint8_t> by_text;
};

} // namespace

uint32_t TouchpointMap::find(std::string_view name) const {
    for (uint32_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return i;
    return kNone;
}

TouchpointMap map_touchpoints(const Catalog& catalog, const EventLog& log) {
    TouchpointMap m;
    for (const Stage& s : catalog.stages) {
        m.stage_names.push_back(s.name);
        m.stage_labels_ja.push_back(s.label_ja);
    }
    auto add = [&](const std::string& name, ChannelKind k, ContactMode mode, int32_t stage, double cost) {
        m.names.push_back(name);
        m.channel.push_back(k);
        m.mode.push_back(mode);
        m.stage.push_back(stage);
        m.cost_per_contact.push_back(cost);
        m.human_contact.push_back(std::find(catalog.human_contact_channels.begin(),
                                            catalog.human_contact_channels.end(),
                                            k) != catalog.human_contact_channels.end());
    };
    for (const Touchpoint& t : catalog.touchpoints)
        add(t.name, t.channel, t.mode, t.stage.empty() ? -1 : catalog.find_stage(t.stage),
            t.cost_per_contact);
    m.catalog_touchpoints = m.size();

    const uint32_t nact = log.num_activities();
    std::vector<Matcher> matchers;
    matchers.reserve(catalog.rules.size());
    for (const MappingRule& r : catalog.rules) matchers.emplace_back(r);

    // Activity-level verdict: the first activity-name rule that matches, then the implicit name rule.
    // `first_rule[a]` is the index of that rule (rules.size() when none) so attribute rules placed
    // earlier can still win per event.
    const size_t nrules = catalog.rules.size();
    std::vector<uint32_t> first_rule(nact, uint32_t(nrules));
    std::vector<uint32_t> fallback(nact, TouchpointMap::kNone);
    for (uint32_t a = 0; a < nact; ++a) {
        const std::string_view name = log.activities.view(a);
        for (size_t r = 0; r < nrules; ++r)
            if (catalog.rules[r].attribute.empty() && matchers[r](name)) {
                first_rule[a] = uint32_t(r);
                break;
            }
        if (first_rule[a] < nrules)
            fallback[a] = uint32_t(catalog.find_touchpoint(catalog.rules[first_rule[a]].touchpoint));
        else if (const int t = catalog.find_touchpoint(name); t >= 0)
            fallback[a] = uint32_t(t);
    }

    std::vector<AttributeRule> attr(nrules);
    bool any_attribute_rule = false;
    for (size_t r = 0; r < nrules; ++r) {
        const std::string& name = catalog.rules[r].attribute;
        if (name.empty()) continue;
        attr[r].column = log.attribute(name);
        if (!attr[r].column) {
            if (std::find(m.missing_attributes.begin(), m.missing_attributes.end(), name) ==
                m.missing_attributes.end())
                m.missing_attributes.push_back(name);
            continue;
        }
        any_attribute_rule = true;
        const AttributeColumn& col = *attr[r].column;
        if (col.type == AttrType::string) {
            attr[r].by_id.resize(col.strings.size());
            for (uint32_t id = 0; id < col.strings.size(); ++id)
                attr[r].by_id[id] = id != 0 && matchers[r](col.strings.view(id));
        }
    }

    std::vector<uint64_t> unmapped_events(nact, 0);
    m.by_activity = fallback;
    if (any_attribute_rule) {
        m.by_event.assign(log.num_events(), TouchpointMap::kNone);
        for (uint32_t c = 0; c < log.num_cases(); ++c)
            for (uint64_t i = log.case_begin(c); i < log.case_end(c); ++i) {
                const uint32_t a = log.activity[i];
                uint32_t t = fallback[a];
                for (size_t r = 0; r < first_rule[a]; ++r) {
                    AttributeRule& ar = attr[r];
                    if (!ar.column) continue;
                    const uint64_t row = ar.column->case_level ? c : i;
                    if (!ar.column->has(row)) continue;
                    bool hit;
                    if (ar.column->type == AttrType::string) {
                        hit = ar.by_id[ar.column->ids[row]];
                    } else {
                        std::string text = ar.column->text(row);
                        auto it = ar.by_text.find(text);
                        if (it == ar.by_text.end()) it = ar.by_text.emplace(text, matchers[r](text)).first;
                        hit = it->second;
                    }
                    if (hit) {
                        t = uint32_t(catalog.find_touchpoint(catalog.rules[r].touchpoint));
                        break;
                    }
                }
                m.by_event[i] = t;
                if (t == TouchpointMap::kNone) ++unmapped_events[a];
            }
    } else {
        for (uint64_t i = 0; i < log.num_events(); ++i)
            if (fallback[log.activity[i]] == TouchpointMap::kNone) ++unmapped_events[log.activity[i]];
    }

    std::vector<uint32_t> adhoc(nact, TouchpointMap::kNone);
    for (uint32_t a = 0; a < nact; ++a) {
        if (!unmapped_events[a]) continue;
        m.unmapped.push_back({std::string(log.activities.view(a)), unmapped_events[a]});
        if (catalog.unmapped == UnmappedPolicy::drop) continue;
        adhoc[a] = m.size();
        add(std::string(log.activities.view(a)), ChannelKind::other, default_mode(ChannelKind::other), -1, 0);
        if (m.by_activity[a] == TouchpointMap::kNone) m.by_activity[a] = adhoc[a];
    }
    if (!m.by_event.empty() && catalog.unmapped == UnmappedPolicy::other)
        for (uint64_t i = 0; i < log.num_events(); ++i)
            if (m.by_event[i] == TouchpointMap::kNone) m.by_event[i] = adhoc[log.activity[i]];
    std::sort(m.unmapped.begin(), m.unmapped.end(), [](const auto& x, const auto& y) {
        return x.events != y.events ? x.events > y.events : x.activity < y.activity;
    });
    return m;
}

Catalog default_catalog_for(const EventLog& log) {
    int score[2] = {0, 0};
    for (const Lang lang : {Lang::en, Lang::ja}) {
        const Catalog c = default_catalog(lang);
        for (const Touchpoint& t : c.touchpoints)
            if (log.activities.find(t.name) != StringPool::npos) ++score[int(lang)];
    }
    return default_catalog(score[1] > score[0] ? Lang::ja : Lang::en);
}

} // namespace tabiji
