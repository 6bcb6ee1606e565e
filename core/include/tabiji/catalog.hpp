// The touchpoint catalog: what a CX team knows about its touchpoints and that an event log does not say.
// Each touchpoint has a name (any language), a channel kind from a fixed built-in set, an owner department,
// a contact mode (self-service / digital / human; defaults derived from the kind), a cost per contact and
// a journey stage from the catalog's editable stage list. Mapping rules say which events belong to which
// touchpoint (touchpoint_map.hpp applies them); catalog_json.hpp reads and writes the catalog as JSON.
//
// Rules: each rule tests either the activity name (attribute empty) or the text of an attribute value
// (e.g. a `channel` column) with an exact, prefix or regex (std::regex ECMAScript, whole value) match.
// Rules are tried in order; the first matching rule wins. An activity that no rule matches but whose name
// equals a touchpoint's name maps to it (the implicit rule, so a catalog needs rules only for renames).
// What is still unmapped becomes, by policy, an ad-hoc touchpoint of channel `other` named as the activity
// (UnmappedPolicy::other, the default) or is left out of every metric (UnmappedPolicy::drop); either way it
// is listed as unmapped.
#pragma once
#include "tabiji/generate.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

using Lang = GenerateLang; // en / ja, the languages of labels and of the sample logs

// The built-in channel kinds (codes as in the sample logs' `channel` column, plus app, messaging, other).
enum class ChannelKind : uint8_t {
    store,
    ec,
    web,
    sns,
    ad,
    email,
    phone,
    human_chat,
    chatbot,
    faq,
    ivr,
    app,
    messaging,
    other,
};
inline constexpr int kNumChannelKinds = 14;

std::string_view channel_kind_code(ChannelKind k);             // "human_chat"
std::string_view channel_kind_label(ChannelKind k, Lang lang); // "Human chat" / "有人チャット"
std::optional<ChannelKind> channel_kind_from_code(std::string_view code);
ChannelKind channel_kind_of(gen::Channel c); // the generator's channels are a subset

// How a customer is served at a touchpoint.
enum class ContactMode : uint8_t { self_service, digital, human };
std::string_view contact_mode_code(ContactMode m); // "self_service", "digital", "human"
std::optional<ContactMode> contact_mode_from_code(std::string_view code);
// self_service: faq, chatbot, ivr, app; human: store, phone, human_chat; digital: everything else.
ContactMode default_mode(ChannelKind k);

struct Stage {
    std::string name;     // "awareness"
    std::string label_ja; // "認知"
};
// awareness 認知, consideration 検討, purchase 購入, use 利用, support サポート, loyalty 継続.
std::vector<Stage> default_stages();

struct Touchpoint {
    std::string name;
    ChannelKind channel = ChannelKind::other;
    std::string department;
    ContactMode mode = ContactMode::digital;
    double cost_per_contact = 0; // in the catalog's currency; 0 = unknown
    std::string stage;           // a name from Catalog::stages, or "" (no stage)
};

enum class MatchKind : uint8_t { exact, prefix, regex };
std::string_view match_kind_code(MatchKind m);

struct MappingRule {
    std::string attribute; // "" = the activity name; else an event or case attribute of the log
    MatchKind match = MatchKind::exact;
    std::string pattern;
    std::string touchpoint; // a name from Catalog::touchpoints
};

enum class UnmappedPolicy : uint8_t { other, drop };

struct Catalog {
    std::vector<Stage> stages = default_stages();
    std::vector<Touchpoint> touchpoints;
    std::vector<MappingRule> rules;
    // Channel kinds whose touchpoints are "human contacts" for failure demand, escalation and repeat
    // contact (the contact center's assisted channels).
    std::vector<ChannelKind> human_contact_channels{ChannelKind::phone, ChannelKind::human_chat};
    UnmappedPolicy unmapped = UnmappedPolicy::other;
    std::string currency; // of cost_per_contact, free text ("JPY")

    // Index into touchpoints, or -1.
    int find_touchpoint(std::string_view name) const;
    int find_stage(std::string_view name) const;
};

// The generator's 14 touchpoints (generate.hpp) named in `lang`, with a rule mapping the other language's
// name to each, so both bundled samples map fully. Default departments, stages and modes; costs 0.
Catalog default_catalog(Lang lang);

// Throws InputError(source, 0, 0, "<json path>: <reason>") for duplicate touchpoint or stage names, a
// rule naming an unknown touchpoint, an empty pattern, a regex that does not compile, a stage that is not
// in the list, or a negative / non-finite cost.
void validate_catalog(const Catalog& catalog, const std::string& source);

} // namespace tabiji
