// The SVG journey map: well-formed XML (parsed with expat), every touchpoint and step present, names
// escaped, no external reference, the same bytes run to run.
#include "support/paths.hpp"
#include "tabiji/dfg.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/read_log.hpp"
#include "tabiji/svg_map.hpp"

#include <doctest/doctest.h>
#include <expat.h>

#include <regex>
#include <string>
#include <vector>

using namespace tabiji;

namespace {

struct Parsed {
    bool ok = false;
    std::vector<std::string> classes; // class attribute of every <g>
    std::string text;                 // all character data
};

Parsed parse_xml(const std::string& xml) {
    Parsed p;
    XML_Parser parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(parser, &p);
    XML_SetElementHandler(
        parser,
        [](void* data, const XML_Char* name, const XML_Char** attrs) {
            if (std::string(name) != "g") return;
            for (int i = 0; attrs[i]; i += 2)
                if (std::string(attrs[i]) == "class")
                    static_cast<Parsed*>(data)->classes.push_back(attrs[i + 1]);
        },
        [](void*, const XML_Char*) {});
    XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* s, int len) {
        static_cast<Parsed*>(data)->text.append(s, size_t(len));
    });
    p.ok = XML_Parse(parser, xml.data(), int(xml.size()), 1) == XML_STATUS_OK;
    XML_ParserFree(parser);
    return p;
}

size_t count_of(const std::vector<std::string>& v, const std::string& s) {
    return size_t(std::count(v.begin(), v.end(), s));
}

// "http" only in the SVG namespace URI.
bool only_namespace_uri(std::string svg) {
    const std::string ns = "xmlns=\"http://www.w3.org/2000/svg\"";
    for (size_t at; (at = svg.find(ns)) != std::string::npos;) svg.erase(at, ns.size());
    return svg.find("http") == std::string::npos;
}

} // namespace

TEST_SUITE("svg_map") {
    TEST_CASE("well-formed, every node and edge, escaped names, self-loop and back edge") {
        const EventLog log =
            read_csv("case,activity,time\n"
                     "1,A & <B>,2024-01-01T00:00:00Z\n1,\"say \"\"hi\"\"\",2024-01-01T00:01:00Z\n"
                     "1,A & <B>,2024-01-01T00:02:00Z\n1,A & <B>,2024-01-01T00:03:00Z\n"
                     "2,A & <B>,2024-01-01T00:00:00Z\n2,窓口,2024-01-01T01:00:00Z\n"
                     "2,D,2024-01-01T02:00:00Z\n3,A & <B>,2024-01-01T00:00:00Z\n3,D,2024-01-02T00:00:00Z\n",
                     "t", {});
        const Dfg dfg = mine_dfg(log);
        const std::string svg = write_svg_map(log, dfg);
        const Parsed p = parse_xml(svg);
        REQUIRE(p.ok);
        CHECK(count_of(p.classes, "node") == dfg.num_activities);
        CHECK(count_of(p.classes, "edge") == dfg.edges.size());
        CHECK(count_of(p.classes, "marker") == 2);
        for (const char* name : {"A & <B>", "say \"hi\"", "窓口", "D"})
            CHECK(p.text.find(name) != std::string::npos);
        CHECK(svg.find("A &amp; &lt;B&gt;") != std::string::npos);
        CHECK(svg.find("stroke-dasharray") != std::string::npos); // the self-loop and back edge
        CHECK(only_namespace_uri(svg));
        CHECK(svg == write_svg_map(log, dfg));
    }

    TEST_CASE("an empty log is still a document") {
        const EventLog log = read_csv("case,activity\n", "t", {});
        const Parsed p = parse_xml(write_svg_map(log, mine_dfg(log)));
        CHECK(p.ok);
        CHECK(count_of(p.classes, "node") == 0);
    }

    TEST_CASE("the Japanese sample: every touchpoint and step, deterministic, self-contained") {
        const auto path = test::source_dir() / "samples" / "journeys_ja.csv";
        const EventLog log = read_log_file(path.string(), {});
        const Dfg dfg = mine_dfg(log);
        SvgMapOptions o;
        o.start_label = "開始";
        o.end_label = "終了";
        const std::string svg = write_svg_map(log, dfg, o);
        const Parsed p = parse_xml(svg);
        REQUIRE(p.ok);
        CHECK(count_of(p.classes, "node") == dfg.num_activities);
        CHECK(count_of(p.classes, "edge") == dfg.edges.size());
        CHECK(p.text.find("コールセンター") != std::string::npos);
        CHECK(svg.find("IPAexGothic") != std::string::npos);
        CHECK(only_namespace_uri(svg));
        CHECK(svg == write_svg_map(log, dfg, o));
        // Curves are cubic Bézier paths; long edges go through route points (more than one segment).
        CHECK(std::regex_search(svg, std::regex("d=\"M[-0-9.,]+ C[^\"]+ C")));
    }
}
