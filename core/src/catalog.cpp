// The touchpoint catalog's vocabulary (channel kinds, modes, stages), the default catalog built from the
// generator's touchpoint table, and the catalog's consistency checks.
#include "tabiji/catalog.hpp"

#include "tabiji/error.hpp"

#include <array>
#include <cmath>
#include <regex>
#include <set>

namespace tabiji {

namespace {

struct KindInfo {
    std::string_view code, en, ja;
};

constexpr std::array<KindInfo, kNumChannelKinds> kKinds{{
    {"store", "Store", "実店舗"},
    {"ec", "EC site", "ECサイト"},
    {"web", "Official website", "公式Webサイト"},
    {"sns", "Social media", "SNS"},
    {"ad", "TV / radio / ads", "TV・ラジオ・広告 (CM)"},
    {"email", "Email", "メール"},
    {"phone", "Call center", "コールセンター"},
    {"human_chat", "Human chat", "有人チャット"},
    {"chatbot", "Chatbot", "チャットボット"},
    {"faq", "FAQ / help center", "FAQ・ヘルプセンター"},
    {"ivr", "IVR", "IVR"},
    {"app", "App", "アプリ"},
    {"messaging", "Messaging (LINE etc.)", "メッセージング (LINE等)"},
    {"other", "Other", "その他"},
}};

constexpr std::array<std::string_view, 3> kModes{"self_service", "digital", "human"};
constexpr std::array<std::string_view, 3> kMatches{"exact", "prefix", "regex"};

// Department and stage of each generator touchpoint (indexed by gen::Touchpoint).
struct TouchpointDefaults {
    std::string_view department, stage;
};
constexpr std::array<TouchpointDefaults, gen::kNumTouchpoints> kDefaults{{
    {"Marketing", "awareness"},      // TV ad
    {"Marketing", "awareness"},      // SNS
    {"Marketing", "consideration"},  // Email
    {"Digital", "consideration"},    // Official website
    {"E-commerce", "consideration"}, // EC site
    {"E-commerce", "purchase"},      // EC purchase
    {"Retail", "consideration"},     // Store
    {"Retail", "purchase"},          // Store purchase
    {"Customer service", "support"}, // FAQ
    {"Customer service", "support"}, // Chatbot
    {"Customer service", "support"}, // Human chat
    {"Customer service", "support"}, // IVR
    {"Customer service", "support"}, // Call center
    {"Customer service", "loyalty"}, // Cancellation
}};

} // namespace

std::string_view channel_kind_code(ChannelKind k) {
    return kKinds[size_t(k)].code;
}

std::string_view channel_kind_label(ChannelKind k, Lang lang) {
    return lang == Lang::ja ? kKinds[size_t(k)].ja : kKinds[size_t(k)].en;
}

std::optional<ChannelKind> channel_kind_from_code(std::string_view code) {
    for (size_t i = 0; i < kKinds.size(); ++i)
        if (kKinds[i].code == code) return ChannelKind(i);
    return std::nullopt;
}

ChannelKind channel_kind_of(gen::Channel c) {
    return *channel_kind_from_code(gen::channel_code(c));
}

std::string_view contact_mode_code(ContactMode m) {
    return kModes[size_t(m)];
}

std::optional<ContactMode> contact_mode_from_code(std::string_view code) {
    for (size_t i = 0; i < kModes.size(); ++i)
        if (kModes[i] == code) return ContactMode(i);
    return std::nullopt;
}

ContactMode default_mode(ChannelKind k) {
    switch (k) {
    case ChannelKind::faq:
    case ChannelKind::chatbot:
    case ChannelKind::ivr:
    case ChannelKind::app:
        return ContactMode::self_service;
    case ChannelKind::store:
    case ChannelKind::phone:
    case ChannelKind::human_chat:
        return ContactMode::human;
    default:
        return ContactMode::digital;
    }
}

std::string_view match_kind_code(MatchKind m) {
    return kMatches[size_t(m)];
}

std::vector<Stage> default_stages() {
    return {{"awareness", "認知"}, {"consideration", "検討"}, {"purchase", "購入"},
            {"use", "利用"},       {"support", "サポート"},   {"loyalty", "継続"}};
}

int Catalog::find_touchpoint(std::string_view name) const {
    for (size_t i = 0; i < touchpoints.size(); ++i)
        if (touchpoints[i].name == name) return int(i);
    return -1;
}

int Catalog::find_stage(std::string_view name) const {
    for (size_t i = 0; i < stages.size(); ++i)
        if (stages[i].name == name) return int(i);
    return -1;
}

Catalog default_catalog(Lang lang) {
    Catalog c;
    const auto infos = gen::touchpoints();
    for (size_t i = 0; i < infos.size(); ++i) {
        Touchpoint t;
        t.name = std::string(lang == Lang::ja ? infos[i].ja : infos[i].en);
        t.channel = channel_kind_of(infos[i].channel);
        t.mode = default_mode(t.channel);
        t.department = std::string(kDefaults[i].department);
        t.stage = std::string(kDefaults[i].stage);
        c.touchpoints.push_back(std::move(t));
    }
    for (size_t i = 0; i < infos.size(); ++i) {
        const std::string_view other = lang == Lang::ja ? infos[i].en : infos[i].ja;
        if (other != c.touchpoints[i].name)
            c.rules.push_back({"", MatchKind::exact, std::string(other), c.touchpoints[i].name});
    }
    return c;
}

void validate_catalog(const Catalog& c, const std::string& source) {
    auto fail = [&](const std::string& path, const std::string& m) {
        throw InputError(source, 0, 0, path + ": " + m);
    };
    std::set<std::string> seen;
    for (size_t i = 0; i < c.stages.size(); ++i) {
        const std::string path = "$.stages[" + std::to_string(i) + "].name";
        if (c.stages[i].name.empty()) fail(path, "expected a non-empty stage name");
        if (!seen.insert(c.stages[i].name).second) fail(path, "duplicate stage '" + c.stages[i].name + "'");
    }
    seen.clear();
    for (size_t i = 0; i < c.touchpoints.size(); ++i) {
        const Touchpoint& t = c.touchpoints[i];
        const std::string path = "$.touchpoints[" + std::to_string(i) + "]";
        if (t.name.empty()) fail(path + ".name", "expected a non-empty touchpoint name");
        if (!seen.insert(t.name).second) fail(path + ".name", "duplicate touchpoint '" + t.name + "'");
        if (!std::isfinite(t.cost_per_contact) || t.cost_per_contact < 0)
            fail(path + ".cost_per_contact", "expected a number >= 0");
        if (!t.stage.empty() && c.find_stage(t.stage) < 0)
            fail(path + ".stage", "unknown stage '" + t.stage + "' (not in $.stages)");
    }
    for (size_t i = 0; i < c.rules.size(); ++i) {
        const MappingRule& r = c.rules[i];
        const std::string path = "$.rules[" + std::to_string(i) + "]";
        if (r.pattern.empty()) fail(path + ".pattern", "expected a non-empty pattern");
        if (c.find_touchpoint(r.touchpoint) < 0)
            fail(path + ".touchpoint", "unknown touchpoint '" + r.touchpoint + "' (not in $.touchpoints)");
        if (r.match == MatchKind::regex) {
            try {
                std::regex re(r.pattern);
            } catch (const std::regex_error& e) {
                fail(path + ".pattern", "not a valid regular expression '" + r.pattern + "': " + e.what());
            }
        }
    }
}

} // namespace tabiji
