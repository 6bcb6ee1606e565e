// Attribute columns: type inference per type (mixed and empty values), case-level detection, rows that
// follow their events through the ordering rule, XES declared types, and `info`'s summary.
#include "tabiji/log_info.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/read_xes.hpp"
#include "tabiji/timestamp.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace tabiji;

namespace {

const AttributeColumn& attr(const EventLog& log, const char* name) {
    const AttributeColumn* c = log.attribute(name);
    REQUIRE_MESSAGE(c != nullptr, name);
    return *c;
}

} // namespace

TEST_SUITE("attributes") {
    TEST_CASE("types are inferred from distinct values, empty values are null") {
        const std::string csv = "case,activity,time,n,x,flag,when,word,mixed,empty\n"
                                "c1,A,2024-01-01T00:00:00Z,1,1.5,true,2024-03-01,abc,1,\n"
                                "c1,B,2024-01-01T00:01:00Z,-20,2,FALSE,2024-03-01T10:00:00+09:00,,x,\n"
                                "c1,C,2024-01-01T00:02:00Z,,1e3,True,,def,2.5,\n";
        const EventLog log = read_csv(csv, "t.csv", {});
        CHECK(attr(log, "n").type == AttrType::integer);
        CHECK(attr(log, "x").type == AttrType::real);
        CHECK(attr(log, "flag").type == AttrType::boolean);
        CHECK(attr(log, "when").type == AttrType::time);
        CHECK(attr(log, "word").type == AttrType::string);
        CHECK(attr(log, "mixed").type == AttrType::string);
        CHECK(attr(log, "empty").type == AttrType::string);
        const auto& n = attr(log, "n");
        CHECK(n.ints[0] == 1);
        CHECK(n.ints[1] == -20);
        CHECK(!n.has(2));
        CHECK(n.null_count() == 1);
        CHECK(attr(log, "x").reals[2] == 1000.0);
        CHECK(attr(log, "flag").ints == std::vector<int64_t>{1, 0, 1});
        CHECK(attr(log, "when").ints[1] == *parse_timestamp("2024-03-01T01:00:00Z"));
        CHECK(attr(log, "when").text(0) == "2024-03-01T00:00:00Z");
        CHECK(attr(log, "word").text(0) == "abc");
        CHECK(attr(log, "word").text(1) == "");
        CHECK(attr(log, "empty").case_level); // all null: the same in every case
        CHECK(attr(log, "empty").null_count() == 1);
        CHECK(attr(log, "mixed").text(2) == "2.5");
        // Integers and reals mixed: real.
        const EventLog m = read_csv("case,activity,v\nc,A,1\nc,B,2.25\n", "m.csv", {});
        CHECK(attr(m, "v").type == AttrType::real);
        CHECK(attr(m, "v").text(0) == "1");
    }

    TEST_CASE("columns constant within every case move to case level; case: prefix always") {
        const std::string csv = "case,activity,time,segment,channel,case:region,note\n"
                                "c1,A,2024-01-01T00:00:00Z,new,web,east,\n"
                                "c2,A,2024-01-01T00:00:01Z,vip,app,,\n"
                                "c1,B,2024-01-01T00:00:02Z,new,app,west,x\n"
                                "c2,B,2024-01-01T00:00:03Z,vip,app,north,\n";
        const EventLog log = read_csv(csv, "l.csv", {});
        REQUIRE(log.case_attribute("segment"));
        CHECK(log.case_attribute("segment")->rows == 2);
        CHECK(log.case_attribute("segment")->text(0) == "new");
        CHECK(log.case_attribute("segment")->text(1) == "vip");
        CHECK(log.event_attribute("channel"));
        CHECK(log.event_attribute("note")); // null in c1's first event, "x" in its second: not constant
        REQUIRE(log.case_attribute("case:region"));
        CHECK(log.case_attribute("case:region")->text(0) == "east"); // first non-null in log order
        CHECK(log.case_attribute("case:region")->text(1) == "north");
        // No case with two events: no evidence, columns stay at event level.
        const EventLog single = read_csv("case,activity,k\nc1,A,x\nc2,A,y\n", "s.csv", {});
        CHECK(single.event_attribute("k"));
    }

    TEST_CASE("attribute rows follow their events through the ordering rule") {
        // File order interleaves cases and is out of time order inside them.
        const std::string csv = "case,activity,time,tag,n\n"
                                "c1,A,2024-01-01T00:00:30Z,c1-30,30\n"
                                "c2,B,2024-01-01T00:00:20Z,c2-20,20\n"
                                "c1,C,2024-01-01T00:00:10Z,c1-10,10\n"
                                "c2,D,2024-01-01T00:00:05Z,c2-05,5\n"
                                "c1,E,2024-01-01T00:00:10Z,c1-10b,11\n"
                                "c3,F,2024-01-01T00:00:00Z,c3-00,0\n";
        for (unsigned threads : {1u}) {
            CAPTURE(threads);
            const EventLog log = read_csv(csv, "p.csv", {});
            const auto& tag = attr(log, "tag");
            const auto& n = attr(log, "n");
            std::string order;
            for (uint64_t i = 0; i < log.num_events(); ++i) {
                order += std::string(log.activities.view(log.activity[i])) + ":" + tag.text(i) + " ";
                // Each row's time matches the time written in its tag and n.
                CHECK(format_timestamp(log.time[i]).substr(17, 2) ==
                      (n.ints[i] == 11 ? std::string("10")
                                       : (n.ints[i] < 10 ? "0" : "") + std::to_string(n.ints[i])));
            }
            CHECK(order == "C:c1-10 E:c1-10b A:c1-30 D:c2-05 B:c2-20 F:c3-00 ");
        }
    }

    TEST_CASE("selection: none reads no attribute, a list reads those") {
        const std::string csv = "case,activity,a,b\nc,A,1,x\nc,B,2,y\n";
        CsvOptions o;
        o.attributes = AttributeSelection::none();
        CHECK(read_csv(csv, "s.csv", o).event_attributes.empty());
        o.attributes = AttributeSelection::only({"b"});
        const EventLog log = read_csv(csv, "s.csv", o);
        CHECK(log.event_attributes.size() == 1);
        CHECK(log.attribute("b"));
        CHECK(!log.attribute("a"));
    }

#if TABIJI_HAVE_EXPAT
    TEST_CASE("XES: declared types, trace attributes at case level, resource and lifecycle kept") {
        const std::string xes = R"(<log xes.version="1.0">
  <trace><string key="concept:name" value="t1"/><int key="priority" value="3"/>
    <event><string key="concept:name" value="A"/><date key="time:timestamp" value="2024-01-01T00:00:10Z"/>
      <string key="org:resource" value="Ann"/><string key="lifecycle:transition" value="complete"/>
      <float key="cost" value="2.5"/><boolean key="vip" value="true"/><string key="code" value="007"/></event>
    <event><string key="concept:name" value="B"/><date key="time:timestamp" value="2024-01-01T00:00:05Z"/>
      <string key="org:resource" value="Bob"/><float key="cost" value="3"/><boolean key="vip" value="false"/>
      <date key="due" value="2024-02-01T00:00:00+01:00"/><string key="code" value="12"/></event>
  </trace>
  <trace><string key="concept:name" value="t2"/><int key="priority" value="1"/>
    <event><string key="concept:name" value="A"/><date key="time:timestamp" value="2024-01-01T00:00:00Z"/></event>
  </trace>
</log>)";
        const EventLog log = read_xes(xes, "a.xes", {});
        const auto& prio = *log.case_attribute("priority");
        CHECK(prio.type == AttrType::integer);
        CHECK(prio.ints == std::vector<int64_t>{3, 1});
        // t1's events were reordered by time: B (5 s) before A (10 s).
        CHECK(attr(log, "org:resource").text(0) == "Bob");
        CHECK(attr(log, "org:resource").text(1) == "Ann");
        CHECK(attr(log, "lifecycle:transition").text(1) == "complete");
        CHECK(attr(log, "cost").type == AttrType::real);
        CHECK(attr(log, "cost").reals[0] == 3.0);
        CHECK(attr(log, "vip").type == AttrType::boolean);
        CHECK(attr(log, "due").type == AttrType::time);
        CHECK(attr(log, "due").text(0) == "2024-01-31T23:00:00Z");
        CHECK(!attr(log, "due").has(1));
        CHECK(attr(log, "code").type == AttrType::string); // declared string, even if it looks like a number
        CHECK(attr(log, "code").text(1) == "007");
        CHECK(!attr(log, "org:resource").has(2));
        CHECK(!log.attribute("concept:name"));
    }
#endif

    TEST_CASE("describe_log: sizes, span, events per case, attributes") {
        const std::string csv = "case,activity,time,channel,score\n"
                                "c1,A,2024-01-01T00:00:00Z,web,1\nc1,B,2024-01-02T00:00:00Z,web,5\n"
                                "c2,A,2024-01-01T12:00:00Z,app,\nc3,A,2024-01-03T00:00:00Z,web,3\n"
                                "c3,B,2024-01-03T00:00:01Z,shop,3\nc3,C,2024-01-03T00:00:02Z,app,2\n";
        const EventLog log = read_csv(csv, "d.csv", {});
        const LogInfo info = describe_log(log);
        CHECK(info.cases == 3);
        CHECK(info.events == 6);
        CHECK(info.min_events_per_case == 1);
        CHECK(info.median_events_per_case == 2);
        CHECK(info.max_events_per_case == 3);
        CHECK(format_duration(info.last - info.first) == "2 d 2 s");
        REQUIRE(info.attributes.size() == 2);
        CHECK(info.attributes[0].name == "channel");
        CHECK(info.attributes[0].distinct == 3);
        REQUIRE(info.attributes[0].top.size() == 3);
        CHECK(info.attributes[0].top[0].value == "web");
        CHECK(info.attributes[0].top[0].count == 3);
        CHECK(info.attributes[0].top[1].value == "app");
        CHECK(info.attributes[1].type == AttrType::integer);
        CHECK(info.attributes[1].distinct == 4);
        CHECK(info.attributes[1].nulls == 1);
        CHECK(info.attributes[1].min == "1");
        CHECK(info.attributes[1].max == "5");
    }
}
