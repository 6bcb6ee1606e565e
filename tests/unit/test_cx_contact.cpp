// Contact-center metrics on the hand-made log of cx_fixture.hpp: channel switching, failure demand, bot
// escalation and repeat contact. The arithmetic is written next to each check.
#include "tabiji/channel_switch.hpp"
#include "tabiji/escalation.hpp"
#include "tabiji/failure_demand.hpp"
#include "tabiji/repeat_contact.hpp"
#include "unit/cx_fixture.hpp"

#include <doctest/doctest.h>

using namespace tabiji;

namespace {

const TouchpointMap& fixture_map(const EventLog& log) {
    static const TouchpointMap m = map_touchpoints(test::cx_catalog(), log);
    return m;
}

} // namespace

TEST_CASE("cx: channel-switch matrix") {
    const EventLog log = test::cx_log();
    const TouchpointMap& m = fixture_map(log);
    const ChannelSwitches s = mine_channel_switches(log, LogView{}, m);
    // Steps: c1 web>phone, phone>phone; c2 faq>chatbot, chatbot>human_chat, human_chat>web;
    //        c3 chatbot>web, web>phone; c4 web>ec. 8 steps, one stay (phone>phone).
    CHECK(s.steps == 8);
    CHECK(s.total_switches() == 7);
    CHECK(s.switch_rate() == doctest::Approx(7.0 / 8.0));
    // Row web: >phone (c1), >phone (c3), >ec (c4): 3 steps, shares 2/3 and 1/3.
    CHECK(s.row_total(ChannelKind::web) == 3);
    CHECK(s.count[size_t(ChannelKind::web)][size_t(ChannelKind::phone)] == 2);
    CHECK(s.share(ChannelKind::web, ChannelKind::phone) == doctest::Approx(2.0 / 3.0));
    CHECK(s.share(ChannelKind::web, ChannelKind::ec) == doctest::Approx(1.0 / 3.0));
    // Row phone: only phone>phone: 1 stay, switch share 0. Row chatbot: >human_chat, >web: 2 switches.
    CHECK(s.stays(ChannelKind::phone) == 1);
    CHECK(s.switch_share(ChannelKind::phone) == 0.0);
    CHECK(s.switches(ChannelKind::chatbot) == 2);
    CHECK(s.switch_share(ChannelKind::chatbot) == 1.0);
    CHECK(s.row_total(ChannelKind::store) == 0);
    CHECK(s.share(ChannelKind::store, ChannelKind::web) == 0.0);
}

TEST_CASE("cx: failure demand within 24 h") {
    const EventLog log = test::cx_log();
    const TouchpointMap& m = fixture_map(log);
    const FailureDemand fd = mine_failure_demand(log, LogView{}, m, 24);
    // Origins (self-service or digital, not human): Web, FAQ, Bot, Shop.
    //   c1 Web@0 -> Phone@2 (2 h): followed.
    //   c2 FAQ@0 -> Chat@1.5: followed; Bot@1 -> Chat@1.5: followed; Web@72: no later human contact.
    //   c3 Bot@0 -> next human Phone@40 (40 h > 24): not; Web@30 -> Phone@40 (10 h): followed.
    //   c4 Web@0, Shop@1: nothing human after.
    // Web 4 events, 2 followed = 0.5; FAQ 1/1; Bot 2 events, 1 followed; Shop 0/1. Overall 4/8 = 0.5.
    REQUIRE(fd.origins.size() == 4);
    CHECK(m.names[fd.origins[0].touchpoint] == "Web");
    CHECK(fd.origins[0].events == 4);
    CHECK(fd.origins[0].followed == 2);
    CHECK(fd.origins[0].rate == 0.5);
    CHECK(m.names[fd.origins[1].touchpoint] == "FAQ");
    CHECK(fd.origins[1].rate == 1.0);
    CHECK(m.names[fd.origins[2].touchpoint] == "Bot");
    CHECK(fd.origins[2].events == 2);
    CHECK(fd.origins[2].followed == 1);
    CHECK(m.names[fd.origins[3].touchpoint] == "Shop");
    CHECK(fd.origins[3].followed == 0);
    CHECK(fd.events == 8);
    CHECK(fd.followed == 4);
    CHECK(fd.rate == 0.5);
    // Human contacts: c1 Phone@2 (latest origin Web@0, 2 h: yes), Phone@30 (Web@0 is 30 h before: no),
    // c2 Chat@1.5 (Bot@1: yes), c3 Phone@40 (Web@30: yes): 3 of 4.
    CHECK(fd.human_contacts == 4);
    CHECK(fd.human_contacts_after_origin == 3);
    CHECK(fd.share_of_human_contacts == 0.75);

    // Window 48 h: c3 Bot@0 -> Phone@40 is now within: Bot 2/2, overall 5/8.
    const FailureDemand wide = mine_failure_demand(log, LogView{}, m, 48);
    CHECK(wide.origins[2].followed == 2);
    CHECK(wide.rate == 5.0 / 8.0);
}

TEST_CASE("cx: bot escalation and containment") {
    const EventLog log = test::cx_log();
    const TouchpointMap& m = fixture_map(log);
    const Escalation e = mine_escalation(log, LogView{}, m, 24);
    // Chatbot sessions: c2 Bot@1 -> Chat@1.5 (escalated, to Chat); c3 Bot@0 -> Phone@40 (> 24 h: contained).
    REQUIRE(e.bots.size() == 2);
    const BotEscalation& bot = e.bots[0];
    CHECK(bot.bot == ChannelKind::chatbot);
    CHECK(bot.sessions == 2);
    CHECK(bot.escalated == 1);
    CHECK(bot.escalation_rate == 0.5);
    CHECK(bot.containment_rate == 0.5);
    REQUIRE(bot.escalated_to.size() == 1);
    CHECK(m.names[bot.escalated_to[0].first] == "Chat");
    CHECK(e.bots[1].bot == ChannelKind::ivr);
    CHECK(e.bots[1].sessions == 0);
    CHECK(e.bots[1].containment_rate == 0.0);

    // Consecutive bot events form one session: "Bot, Bot, Phone" is one escalated session.
    const EventLog two =
        read_csv("case,activity,timestamp\nx,Bot,2024-01-01T00:00:00Z\nx,Bot,2024-01-01T00:05:00Z\n"
                 "x,Phone,2024-01-01T01:00:00Z\n",
                 "two.csv", {});
    const Escalation e2 = mine_escalation(two, LogView{}, map_touchpoints(test::cx_catalog(), two), 24);
    CHECK(e2.bots[0].sessions == 1);
    CHECK(e2.bots[0].escalated == 1);
}

TEST_CASE("cx: repeat contact within D days") {
    const EventLog log = test::cx_log();
    const TouchpointMap& m = fixture_map(log);
    const RepeatContact rc = mine_repeat_contact(log, LogView{}, m, 7);
    // Human contacts: c1 Phone@2 -> Phone@30 (28 h <= 7 d: repeated), c1 Phone@30 (none after),
    // c2 Chat@1.5 (none after), c3 Phone@40 (none after). Chat 0/1, Phone 1/3; overall 1/4, FCR 3/4.
    REQUIRE(rc.touchpoints.size() == 2);
    CHECK(m.names[rc.touchpoints[0].touchpoint] == "Chat");
    CHECK(rc.touchpoints[0].contacts == 1);
    CHECK(rc.touchpoints[0].repeated == 0);
    CHECK(m.names[rc.touchpoints[1].touchpoint] == "Phone");
    CHECK(rc.touchpoints[1].contacts == 3);
    CHECK(rc.touchpoints[1].repeated == 1);
    CHECK(rc.touchpoints[1].rate == doctest::Approx(1.0 / 3.0));
    CHECK(rc.contacts == 4);
    CHECK(rc.repeated == 1);
    CHECK(rc.rate == 0.25);
    CHECK(rc.fcr == 0.75);
    // One day: 28 h > 24 h, no repeat.
    CHECK(mine_repeat_contact(log, LogView{}, m, 1).repeated == 0);
}
