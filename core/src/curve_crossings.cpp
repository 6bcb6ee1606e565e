// Edge crossings of a drawing: segments bucketed in a uniform grid; a crossing is counted in the cell that
// holds its intersection point, so a pair of segments sharing several cells counts once.
#include "tabiji/curve_crossings.hpp"

#include <algorithm>
#include <cmath>

namespace tabiji {

namespace {

struct Seg {
    MapPoint a, b;
    uint32_t edge;
};

double cross(MapPoint o, MapPoint p, MapPoint q) {
    return (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
}

// Proper intersection (not at an end point, not collinear); the point when there is one.
bool intersect(const Seg& s, const Seg& t, MapPoint& at) {
    const double d1 = cross(s.a, s.b, t.a), d2 = cross(s.a, s.b, t.b);
    const double d3 = cross(t.a, t.b, s.a), d4 = cross(t.a, t.b, s.b);
    if (!(((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))))
        return false;
    const double u = d3 / (d3 - d4);
    at = {s.a.x + (s.b.x - s.a.x) * u, s.a.y + (s.b.y - s.a.y) * u};
    return true;
}

} // namespace

std::vector<MapPoint> sample_bezier_chain(const std::vector<MapPoint>& c, int per_segment) {
    if (c.size() < 4) return c;
    std::vector<MapPoint> out{c[0]};
    for (size_t s = 0; s + 3 < c.size(); s += 3)
        for (int i = 1; i <= per_segment; ++i) {
            const double t = double(i) / per_segment, r = 1 - t;
            const double a = r * r * r, b = 3 * r * r * t, d = 3 * r * t * t, e = t * t * t;
            out.push_back({a * c[s].x + b * c[s + 1].x + d * c[s + 2].x + e * c[s + 3].x,
                           a * c[s].y + b * c[s + 1].y + d * c[s + 2].y + e * c[s + 3].y});
        }
    return out;
}

uint64_t count_edge_crossings(const std::vector<DrawnEdge>& edges) {
    std::vector<Seg> segs;
    double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL, total_len = 0;
    for (uint32_t k = 0; k < edges.size(); ++k) {
        const auto& p = edges[k].points;
        for (size_t i = 0; i + 1 < p.size(); ++i) {
            segs.push_back({p[i], p[i + 1], k});
            total_len += std::hypot(p[i + 1].x - p[i].x, p[i + 1].y - p[i].y);
        }
        for (const MapPoint& q : p)
            x0 = std::min(x0, q.x), y0 = std::min(y0, q.y), x1 = std::max(x1, q.x), y1 = std::max(y1, q.y);
    }
    if (segs.size() < 2) return 0;
    // Cells about the size of an average segment, at most ~4 per segment in all.
    const double cell = std::max({total_len / double(segs.size()), (x1 - x0) / 4096, (y1 - y0) / 4096, 1e-9});
    const auto nx = size_t((x1 - x0) / cell) + 1, ny = size_t((y1 - y0) / cell) + 1;
    auto cx = [&](double x) { return std::min(nx - 1, size_t(std::max(0.0, (x - x0) / cell))); };
    auto cy = [&](double y) { return std::min(ny - 1, size_t(std::max(0.0, (y - y0) / cell))); };
    std::vector<std::pair<uint64_t, uint32_t>> entries; // (cell, segment)
    for (uint32_t i = 0; i < segs.size(); ++i) {
        const Seg& s = segs[i];
        for (size_t gx = cx(std::min(s.a.x, s.b.x)); gx <= cx(std::max(s.a.x, s.b.x)); ++gx)
            for (size_t gy = cy(std::min(s.a.y, s.b.y)); gy <= cy(std::max(s.a.y, s.b.y)); ++gy)
                entries.push_back({uint64_t(gx) * ny + gy, i});
    }
    std::sort(entries.begin(), entries.end());
    uint64_t crossings = 0;
    for (size_t lo = 0; lo < entries.size();) {
        size_t hi = lo;
        while (hi < entries.size() && entries[hi].first == entries[lo].first) ++hi;
        const uint64_t here = entries[lo].first;
        for (size_t i = lo; i < hi; ++i)
            for (size_t j = i + 1; j < hi; ++j) {
                const Seg &s = segs[entries[i].second], &t = segs[entries[j].second];
                if (s.edge == t.edge) continue;
                const DrawnEdge &e = edges[s.edge], &f = edges[t.edge];
                if (e.from == f.from || e.from == f.to || e.to == f.from || e.to == f.to) continue;
                MapPoint at;
                if (intersect(s, t, at) && uint64_t(cx(at.x)) * ny + cy(at.y) == here) ++crossings;
            }
        lo = hi;
    }
    return crossings;
}

} // namespace tabiji
