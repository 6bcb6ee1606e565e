// Markov-chain attribution with removal effects (definition in markov.hpp).
#include "tabiji/markov.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace tabiji {

namespace {

// The chain over compact state numbers: 0..n-1 touchpoints, n = START; targets n = CONVERSION,
// n + 1 = NULL. Rows are sparse lists of (target, probability).
struct Chain {
    uint32_t n = 0;
    std::vector<std::vector<std::pair<uint32_t, double>>> rows; // n + 1 rows (START last)
};

// Absorption probabilities in CONVERSION for states 0..n-1 and START (returned last), with state
// `removed` (or none when >= n) cut off: transitions into it go to NULL.
std::vector<double> solve(const Chain& c, uint32_t removed, std::vector<double> x) {
    const uint32_t n = c.n;
    x.resize(n + 1, 0.0);
    auto value = [&](uint32_t to) { return to == n ? 1.0 : to > n || to == removed ? 0.0 : x[to]; };
    if (removed < n) x[removed] = 0;
    for (int sweep = 0; sweep < 1000000; ++sweep) {
        double change = 0;
        for (uint32_t s = 0; s < n; ++s) {
            if (s == removed) continue;
            double self = 0, sum = 0;
            for (const auto& [to, p] : c.rows[s]) {
                if (to == s)
                    self += p;
                else
                    sum += p * value(to);
            }
            const double v = self < 1.0 ? sum / (1.0 - self) : 0.0;
            change = std::max(change, std::fabs(v - x[s]));
            x[s] = v;
        }
        if (change <= 1e-15) break;
    }
    double start = 0;
    for (const auto& [to, p] : c.rows[n]) start += p * value(to);
    x[n] = start;
    return x;
}

} // namespace

MarkovAttribution markov_attribution(const std::vector<MarkovPath>& paths) {
    MarkovAttribution out;
    // State numbers: touchpoints present in the paths, ascending.
    for (const MarkovPath& p : paths)
        out.touchpoints.insert(out.touchpoints.end(), p.touchpoints.begin(), p.touchpoints.end());
    std::sort(out.touchpoints.begin(), out.touchpoints.end());
    out.touchpoints.erase(std::unique(out.touchpoints.begin(), out.touchpoints.end()), out.touchpoints.end());
    const uint32_t n = uint32_t(out.touchpoints.size());
    auto state = [&](uint32_t t) {
        return uint32_t(std::lower_bound(out.touchpoints.begin(), out.touchpoints.end(), t) -
                        out.touchpoints.begin());
    };
    std::map<std::pair<uint32_t, uint32_t>, uint64_t>
        counts; // (from state, to state); START = n, CONV n, NULL n+1
    for (const MarkovPath& p : paths) {
        out.paths += p.count;
        if (p.converted) out.conversions += p.count;
        uint32_t from = n;
        for (uint32_t t : p.touchpoints) {
            const uint32_t s = state(t);
            counts[{from, s}] += p.count;
            from = s;
        }
        counts[{from, p.converted ? n : n + 1}] += p.count;
    }
    std::vector<uint64_t> leaving(n + 1, 0);
    for (const auto& [k, c] : counts) leaving[k.first] += c;
    Chain chain;
    chain.n = n;
    chain.rows.resize(n + 1);
    auto name = [&](uint32_t s, bool target) {
        if (s < n) return out.touchpoints[s];
        if (!target) return MarkovAttribution::kStart;
        return s == n ? MarkovAttribution::kConversion : MarkovAttribution::kNull;
    };
    for (const auto& [k, c] : counts) {
        const double p = double(c) / double(leaving[k.first]);
        chain.rows[k.first].emplace_back(k.second, p);
        out.transitions.push_back({name(k.first, false), name(k.second, true), c, p});
    }
    // START rows first, then by (from, to) touchpoint number (kConversion < kNull).
    std::stable_sort(out.transitions.begin(), out.transitions.end(), [](const auto& a, const auto& b) {
        const bool sa = a.from == MarkovAttribution::kStart, sb = b.from == MarkovAttribution::kStart;
        if (sa != sb) return sa;
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    });

    const std::vector<double> x = solve(chain, n, {});
    out.conversion_probability = x[n];
    out.reach_goal.assign(x.begin(), x.begin() + n);
    out.removal_effect.assign(n, 0.0);
    for (uint32_t s = 0; s < n; ++s) {
        const double without = solve(chain, s, x)[n];
        if (out.conversion_probability > 0)
            out.removal_effect[s] = (out.conversion_probability - without) / out.conversion_probability;
    }
    double total = 0;
    for (double r : out.removal_effect) total += r;
    out.share.assign(n, 0.0);
    out.attributed_conversions.assign(n, 0.0);
    for (uint32_t s = 0; s < n; ++s) {
        out.share[s] = total > 0 ? out.removal_effect[s] / total : 0.0;
        out.attributed_conversions[s] = out.share[s] * double(out.conversions);
    }
    return out;
}

std::vector<MarkovPath> markov_paths(const EventLog& log, const LogView& view, const TouchpointMap& map,
                                     const std::vector<uint32_t>& goal) {
    std::vector<uint8_t> is_goal(map.size(), 0);
    for (uint32_t g : goal) is_goal[g] = 1;
    // Identical paths are merged (count), keyed by (touchpoints, converted), in first-seen order.
    std::map<std::pair<std::vector<uint32_t>, bool>, size_t> index;
    std::vector<MarkovPath> paths;
    MarkovPath p;
    for_each_journey(log, view, map, [&](const Journey& j) {
        p.touchpoints.clear();
        p.converted = false;
        for (uint64_t i = 0; i < j.size; ++i) {
            if (is_goal[j.touchpoint[i]]) {
                p.converted = true;
                break;
            }
            p.touchpoints.push_back(j.touchpoint[i]);
        }
        auto [it, fresh] = index.try_emplace({p.touchpoints, p.converted}, paths.size());
        if (fresh)
            paths.push_back({p.touchpoints, p.converted, 1});
        else
            ++paths[it->second].count;
    });
    return paths;
}

} // namespace tabiji
