// The touchpoint catalog: the default catalog maps both bundled samples fully, rules (exact, prefix,
// regex, attribute values, first match wins, the implicit name rule), the unmapped policy, and the JSON
// form with errors that name the JSON path.
#include "support/paths.hpp"
#include "tabiji/catalog_json.hpp"
#include "tabiji/error.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/touchpoint_map.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace tabiji;

namespace {

std::string error_of(const std::string& json) {
    try {
        catalog_from_json(json, "cat.json");
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("catalog: the default catalog maps both bundled samples fully, in their language") {
    for (const char* name : {"journeys_en.csv", "journeys_ja.csv"}) {
        const EventLog log = read_csv_file((test::source_dir() / "samples" / name).string(), {});
        const Catalog c = default_catalog_for(log);
        const TouchpointMap m = map_touchpoints(c, log);
        CHECK(m.unmapped.empty());
        CHECK(m.size() == 14);
        CHECK(c.touchpoints[12].name ==
              (std::string(name) == "journeys_ja.csv" ? "コールセンター" : "Call center"));
        // The other language's catalog maps them too, by its rules.
        const Catalog other = default_catalog(std::string(name) == "journeys_ja.csv" ? Lang::en : Lang::ja);
        CHECK(map_touchpoints(other, log).unmapped.empty());
    }
    const Catalog en = default_catalog(Lang::en);
    CHECK(en.touchpoints.size() == 14);
    CHECK(en.touchpoints[12].channel == ChannelKind::phone);
    CHECK(en.touchpoints[12].mode == ContactMode::human);
    CHECK(en.touchpoints[8].mode == ContactMode::self_service); // FAQ
    CHECK(en.touchpoints[5].stage == "purchase");               // EC purchase
    CHECK(channel_kind_label(ChannelKind::store, Lang::ja) == "実店舗");
    CHECK(default_stages()[1].label_ja == "検討");
}

TEST_CASE("catalog: rules exact, prefix, regex and attribute values; first match wins; unmapped listed") {
    // Activities: "Call 1", "Call 2" (prefix), "chat-bot v2" (regex), "Web", "Mystery" x2, "Inbound" with
    // channel=phone (attribute rule), "Inbound" with channel=mail (no rule: unmapped).
    const EventLog log = read_csv("case,activity,channel\n"
                                  "a,Call 1,x\na,Call 2,x\na,chat-bot v2,x\na,Web,x\n"
                                  "b,Mystery,y\nb,Mystery,y\nb,Inbound,phone\nb,Inbound,mail\n",
                                  "r.csv", {});
    Catalog c;
    c.touchpoints = {{"Phone", ChannelKind::phone, "", ContactMode::human, 0, ""},
                     {"Bot", ChannelKind::chatbot, "", ContactMode::self_service, 0, ""},
                     {"Web", ChannelKind::web, "", ContactMode::digital, 0, ""}};
    c.rules = {{"channel", MatchKind::exact, "phone", "Phone"},
               {"", MatchKind::prefix, "Call ", "Phone"},
               {"", MatchKind::regex, "chat-?bot.*", "Bot"},
               {"", MatchKind::prefix, "Call 2", "Bot"}}; // never wins: "Call " matched first
    validate_catalog(c, "c");
    const TouchpointMap m = map_touchpoints(c, log);
    REQUIRE(m.by_event.size() == 8);
    CHECK(m.by_event[0] == 0);                  // Call 1 -> Phone (prefix)
    CHECK(m.by_event[1] == 0);                  // Call 2 -> Phone (the earlier rule wins)
    CHECK(m.by_event[2] == 1);                  // chat-bot v2 -> Bot (regex)
    CHECK(m.by_event[3] == 2);                  // Web -> Web (implicit name rule)
    CHECK(m.names[m.by_event[4]] == "Mystery"); // ad-hoc touchpoint, channel other
    CHECK(m.channel[m.by_event[4]] == ChannelKind::other);
    CHECK(m.by_event[6] == 0); // Inbound + channel=phone -> Phone (attribute rule)
    CHECK(m.names[m.by_event[7]] == "Inbound");
    REQUIRE(m.unmapped.size() == 2); // by events desc: Mystery 2, Inbound 1
    CHECK(m.unmapped[0].activity == "Mystery");
    CHECK(m.unmapped[0].events == 2);
    CHECK(m.unmapped[1].activity == "Inbound");
    CHECK(m.unmapped[1].events == 1);
    CHECK(m.human_contact[0] == 1);
    CHECK(m.human_contact[1] == 0);

    c.unmapped = UnmappedPolicy::drop;
    const TouchpointMap d = map_touchpoints(c, log);
    CHECK(d.size() == 3);
    CHECK(d.by_event[4] == TouchpointMap::kNone);
    CHECK(d.by_event[7] == TouchpointMap::kNone);
    CHECK(d.unmapped.size() == 2);

    c.rules.push_back({"nope", MatchKind::exact, "x", "Web"});
    CHECK(map_touchpoints(c, log).missing_attributes == std::vector<std::string>{"nope"});
}

TEST_CASE("catalog: JSON round trip and errors naming the JSON path") {
    Catalog c = default_catalog(Lang::ja);
    c.currency = "JPY";
    c.touchpoints[0].cost_per_contact = 12.5;
    c.rules.push_back({"channel", MatchKind::regex, "ph.*", "コールセンター"});
    c.unmapped = UnmappedPolicy::drop;
    const std::string json = catalog_to_json(c);
    const Catalog back = catalog_from_json(json, "c.json");
    CHECK(catalog_to_json(back) == json);
    CHECK(back.touchpoints[0].cost_per_contact == 12.5);
    CHECK(back.rules.back().match == MatchKind::regex);
    // Costs load to the very doubles saved (rapidjson's full-precision parse; see test_project.cpp).
    for (double cost : {4.778309726736481e-299, 0.1, 5e-324, 2.0 / 3.0}) {
        c.touchpoints[0].cost_per_contact = cost;
        CHECK(catalog_from_json(catalog_to_json(c), "c.json").touchpoints[0].cost_per_contact == cost);
    }

    CHECK(error_of("{\"version\": 1, \"touchpoints\": [{\"name\": \"A\"}, {\"name\": \"B\", \"channel\": "
                   "\"fone\"}]}")
              .find("cat.json: $.touchpoints[1].channel: expected one of store, ec,") == 0);
    CHECK(error_of("{\"version\": 1, \"touchpoints\": [{\"name\": \"A\", \"stage\": \"later\"}]}") ==
          "cat.json: $.touchpoints[0].stage: unknown stage 'later' (not in $.stages)");
    CHECK(
        error_of("{\"version\": 1, \"touchpoints\": [{\"name\": \"A\"}], \"rules\": [{\"match\": \"regex\", "
                 "\"pattern\": \"(\", \"touchpoint\": \"A\"}]}")
            .find("cat.json: $.rules[0].pattern: not a valid regular expression '('") == 0);
    CHECK(error_of("{\"version\": 1, \"rules\": [{\"pattern\": \"x\", \"touchpoint\": \"Nope\"}]}") ==
          "cat.json: $.rules[0].touchpoint: unknown touchpoint 'Nope' (not in $.touchpoints)");
    CHECK(error_of("{\"version\": 1, \"touchpoints\": [{\"name\": \"A\", \"colour\": 1}]}") ==
          "cat.json: $.touchpoints[0].colour: unknown field");
    CHECK(error_of("{\"version\": 1, \"touchpoints\": [{\"name\": 5}]}") ==
          "cat.json: $.touchpoints[0].name: expected a string");
    CHECK(error_of("{\"version\": 2}").find("$.version: catalog version 2 is not supported") !=
          std::string::npos);
    CHECK(error_of("[1, 2").find("cat.json: not valid JSON at byte") == 0);
    CHECK(error_of("{\"version\": 1, \"touchpoints\": [{\"name\": \"A\"}, {\"name\": \"A\"}]}") ==
          "cat.json: $.touchpoints[1].name: duplicate touchpoint 'A'");
    // Defaults: a touchpoint's mode follows its channel.
    const Catalog d = catalog_from_json(
        "{\"version\": 1, \"touchpoints\": [{\"name\": \"I\", \"channel\": \"ivr\"}]}", "d");
    CHECK(d.touchpoints[0].mode == ContactMode::self_service);
    CHECK(d.stages.size() == 6);
}
