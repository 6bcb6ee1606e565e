// Edge crossings of our journey map against Graphviz dot's drawing of the same graph, on real logs.
// For each log: mine the DFG, build our map geometry (map_geometry.hpp) and count crossings between its
// step curves; write the same graph as DOT (dot_map.hpp), let `dot -Tplain` draw it, and count crossings
// between its edge splines the same way (curve_crossings.hpp: Bézier chains sampled alike, edges sharing a
// node not compared, self-loops left out). Prints one line per log and fails when ours exceed
// bound x dot's + slack on any log. dot is only a reference; it is never part of the product.
//
//   layout_vs_dot --dot /usr/bin/dot [--bound 1.5] [--slack 5] LOG...
#include "tabiji/curve_crossings.hpp"
#include "tabiji/dfg.hpp"
#include "tabiji/dot_map.hpp"
#include "tabiji/map_geometry.hpp"
#include "tabiji/read_log.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

using namespace tabiji;

namespace {

constexpr int kSamples = 8; // per cubic segment, for both drawings

// Tokens of a -Tplain line; "quoted strings" unquoted (\" and \\ unescaped).
std::vector<std::string> tokens(const std::string& line) {
    std::vector<std::string> out;
    for (size_t i = 0; i < line.size();) {
        if (line[i] == ' ') {
            ++i;
            continue;
        }
        std::string t;
        if (line[i] == '"') {
            for (++i; i < line.size() && line[i] != '"'; ++i) {
                if (line[i] == '\\' && i + 1 < line.size()) ++i;
                t += line[i];
            }
            ++i;
        } else {
            while (i < line.size() && line[i] != ' ') t += line[i++];
        }
        out.push_back(t);
    }
    return out;
}

uint64_t dot_crossings(const std::string& dot, const std::string& dot_text, double& seconds) {
    const auto dir = std::filesystem::temp_directory_path();
    const std::string in = (dir / ("tabiji_layout_" + std::to_string(getpid()) + ".dot")).string();
    std::ofstream(in, std::ios::binary) << dot_text;
    const auto t0 = std::chrono::steady_clock::now();
    FILE* p = popen((dot + " -Tplain '" + in + "'").c_str(), "r");
    if (!p) throw std::runtime_error("cannot run " + dot);
    std::string text;
    char buf[65536];
    for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) text.append(buf, n);
    const int rc = pclose(p);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::filesystem::remove(in);
    if (rc != 0) throw std::runtime_error(dot + " failed (exit " + std::to_string(rc) + ")");
    std::map<std::string, uint32_t> ids;
    auto id = [&](const std::string& name) { return ids.emplace(name, uint32_t(ids.size())).first->second; };
    std::vector<DrawnEdge> edges;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const auto t = tokens(line);
        if (t.size() < 4 || t[0] != "edge" || t[1] == t[2]) continue;
        const size_t n = std::stoul(t[3]);
        std::vector<MapPoint> control;
        for (size_t i = 0; i < n; ++i) control.push_back({std::stod(t[4 + 2 * i]), std::stod(t[5 + 2 * i])});
        edges.push_back({id(t[1]), id(t[2]), sample_bezier_chain(control, kSamples)});
    }
    return count_edge_crossings(edges);
}

uint64_t our_crossings(const MapGeometry& map) {
    std::vector<DrawnEdge> edges;
    for (uint32_t i = 0; i < map.steps; ++i) {
        const MapCurve& e = map.edges[i];
        if (!e.self_loop) edges.push_back({e.from, e.to, sample_bezier_chain(e.c, kSamples)});
    }
    return count_edge_crossings(edges);
}

} // namespace

int main(int argc, char** argv) {
    std::string dot = "dot";
    double bound = 1.5, slack = 5;
    std::vector<std::string> logs;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--dot" && i + 1 < argc)
            dot = argv[++i];
        else if (a == "--bound" && i + 1 < argc)
            bound = std::stod(argv[++i]);
        else if (a == "--slack" && i + 1 < argc)
            slack = std::stod(argv[++i]);
        else
            logs.push_back(a);
    }
    if (std::system((dot + " -V > /dev/null 2>&1").c_str()) != 0) {
        std::fprintf(stderr, "FAIL - Graphviz dot not found as '%s' (scripts/setup.sh installs graphviz)\n",
                     dot.c_str());
        return 1;
    }
    int failures = 0, compared = 0;
    uint64_t sum_ours = 0, sum_dot = 0;
    std::printf("%-34s %6s %6s %8s %8s %7s %8s %8s\n", "log", "nodes", "steps", "ours", "dot", "ratio",
                "ours_s", "dot_s");
    for (const std::string& path : logs) {
        try {
            const EventLog log = read_log_file(path, {});
            const Dfg dfg = mine_dfg(log);
            const auto t0 = std::chrono::steady_clock::now();
            const MapGeometry map = build_map_geometry(log, dfg);
            const double ours_s =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            const uint64_t ours = our_crossings(map);
            double dot_s = 0;
            const uint64_t theirs = dot_crossings(dot, write_dot(log, dfg, default_dot_map(dfg)), dot_s);
            const bool ok = double(ours) <= bound * double(theirs) + slack;
            const double ratio = theirs ? double(ours) / double(theirs) : (ours ? INFINITY : 1.0);
            std::printf("%-34s %6u %6zu %8llu %8llu %7.2f %8.3f %8.3f %s\n",
                        std::filesystem::path(path).filename().string().c_str(), map.touchpoints,
                        dfg.edges.size(), (unsigned long long)ours, (unsigned long long)theirs, ratio, ours_s,
                        dot_s, ok ? "ok" : "FAIL");
            failures += !ok;
            ++compared;
            sum_ours += ours;
            sum_dot += theirs;
        } catch (const std::exception& e) {
            std::printf("%-34s FAIL (%s)\n", path.c_str(), e.what());
            ++failures;
        }
    }
    std::printf(
        "total: ours %llu, dot %llu, ratio %.2f over %d logs; bound: ours <= %.2f x dot + %.0f per log\n",
        (unsigned long long)sum_ours, (unsigned long long)sum_dot,
        sum_dot ? double(sum_ours) / double(sum_dot) : 0.0, compared, bound, slack);
    return failures ? 1 : 0;
}
