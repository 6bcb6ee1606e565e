// The journey map as SVG (see svg_map.hpp): sizes and colours as in the browser map (web/journey_map.cpp),
// placement by core's layered layout.
#include "tabiji/svg_map.hpp"

#include "tabiji/display_order.hpp"
#include "tabiji/layout.hpp"
#include "tabiji/xml_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace tabiji {

namespace {

constexpr double kFont = 13;      // touchpoint names
constexpr double kSmallFont = 11; // counts
constexpr double kPadX = 14;
constexpr double kMinWidth = 96;
constexpr double kMaxLabelWidth = 260;
constexpr double kVolumeHeight = 22;
constexpr double kVolumeWidth = 24;
constexpr double kMarkerRadius = 13;
constexpr double kColumnGap = 64;
constexpr double kEmptyColumn = 24; // a layer without boxes (only long edges cross it)
constexpr double kMarkerGap = 64;
constexpr double kMargin = 24;
constexpr const char* kFonts = "'Noto Sans', 'Helvetica Neue', Arial, 'IPAexGothic', 'Noto Sans CJK JP', "
                               "'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif";

struct P {
    double x = 0, y = 0;
};

struct Rgb {
    double r, g, b;
};

Rgb hex(uint32_t h) {
    return {double((h >> 16) & 0xff), double((h >> 8) & 0xff), double(h & 0xff)};
}

std::string css(Rgb a, Rgb b, double t) {
    char buf[8];
    auto ch = [&](double x, double y) { return unsigned(std::lround(x + (y - x) * t)); };
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", ch(a.r, b.r), ch(a.g, b.g), ch(a.b, b.b));
    return buf;
}

// One decimal, never "-0.0": the same bytes on every platform.
std::string num(double x) {
    if (std::fabs(x) < 0.05) return "0";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", x);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

std::string pt(P p) {
    return num(p.x) + "," + num(p.y);
}

double volume(uint64_t count, uint64_t max) {
    return max == 0 ? 0.0 : std::sqrt(double(count) / double(max));
}

std::string thousands(uint64_t n) {
    std::string s = std::to_string(n), out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && (s.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(s[i]);
    }
    return out;
}

std::string shorten(std::string_view text) {
    if (estimated_text_width(text, kFont) <= kMaxLabelWidth) return std::string(text);
    size_t n = text.size();
    while (n > 0) {
        do --n;
        while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80);
        std::string s = std::string(text.substr(0, n)) + "…";
        if (estimated_text_width(s, kFont) <= kMaxLabelWidth) return s;
    }
    return "…";
}

struct Box {
    uint32_t activity = 0;
    P c;
    double hw = 0, hh = 0, v = 0;
    std::string label;
};

// A curve through the points with horizontal tangents at each of them (the browser's edge shape, chained).
std::vector<P> chain_curve(const std::vector<P>& pts) {
    std::vector<P> c{pts[0]};
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
        double dx = (pts[i + 1].x - pts[i].x) * 0.5;
        if (std::fabs(dx) < 30) dx = dx < 0 ? -30 : 30;
        c.push_back({pts[i].x + dx, pts[i].y});
        c.push_back({pts[i + 1].x - dx, pts[i + 1].y});
        c.push_back(pts[i + 1]);
    }
    return c;
}

P bezier(const P* q, double t) {
    const double s = 1 - t, a = s * s * s, b = 3 * s * s * t, c = 3 * s * t * t, d = t * t * t;
    return {a * q[0].x + b * q[1].x + c * q[2].x + d * q[3].x,
            a * q[0].y + b * q[1].y + c * q[2].y + d * q[3].y};
}

struct Bounds {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool any = false;
    void grow(P p) {
        if (!any) x0 = x1 = p.x, y0 = y1 = p.y;
        any = true;
        x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    }
};

struct Curve {
    std::vector<P> c; // 1 + 3k control points
    double width = 1;
    std::string color, cls, label, tip;
    bool dashed = false;
};

// The path with its end pulled back under an arrowhead, the arrowhead, and the label.
void write_curve(std::string& out, Bounds& box, Curve e) {
    const P end = e.c.back(), before = e.c[e.c.size() - 2];
    double dx = end.x - before.x, dy = end.y - before.y, len = std::hypot(dx, dy);
    if (len < 1e-9) dx = 1, dy = 0, len = 1;
    dx /= len, dy /= len;
    const double al = 7 + e.width * 0.9, aw = 4 + e.width * 0.7;
    e.c.back() = {end.x - dx * al * 0.8, end.y - dy * al * 0.8};
    e.c[e.c.size() - 2] = {e.c[e.c.size() - 2].x - dx * al * 0.8, e.c[e.c.size() - 2].y - dy * al * 0.8};
    for (const P& p : e.c) box.grow(p);
    out += "<g class=\"" + e.cls + "\"><title>";
    append_xml_escaped(out, e.tip);
    out += "</title><path d=\"M" + pt(e.c[0]);
    for (size_t i = 1; i + 2 < e.c.size(); i += 3)
        out += " C" + pt(e.c[i]) + " " + pt(e.c[i + 1]) + " " + pt(e.c[i + 2]);
    out += "\" fill=\"none\" stroke=\"" + e.color + "\" stroke-width=\"" + num(e.width) +
           "\" stroke-opacity=\"0.85\"";
    if (e.dashed) out += " stroke-dasharray=\"7 5\"";
    const P base{end.x - dx * al, end.y - dy * al};
    out += "/><path d=\"M" + pt(end) + " L" + pt({base.x - dy * aw, base.y + dx * aw}) + " L" +
           pt({base.x + dy * aw, base.y - dx * aw}) + " Z\" fill=\"" + e.color + "\"/>";
    if (!e.label.empty()) {
        const size_t seg = (e.c.size() - 1) / 3 / 2; // the middle segment
        const P m = bezier(&e.c[seg * 3], (e.c.size() - 1) / 3 % 2 ? 0.5 : 0.0);
        out += "<text x=\"" + num(m.x) + "\" y=\"" + num(m.y - 3) +
               "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#34465e\" stroke=\"#ffffff\" "
               "stroke-width=\"3\" paint-order=\"stroke\">" +
               xml_escaped(e.label) + "</text>";
    }
    out += "</g>\n";
}

} // namespace

double estimated_text_width(std::string_view text, double font_size) {
    double em = 0;
    for (size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            em += (c == ' ' || c == 'i' || c == 'l' || c == '.' || c == ',') ? 0.3
                  : (c >= 'A' && c <= 'Z')                                   ? 0.68
                                                                             : 0.56;
            i += 1;
        } else if (c < 0xE0) {
            em += 0.6;
            i += 2;
        } else if (c < 0xF0) {
            // U+FF61..U+FF9F (half-width katakana) are narrow; the rest of the BMP above U+0800 counts wide.
            const bool half = c == 0xEF && i + 1 < text.size() &&
                              (static_cast<unsigned char>(text[i + 1]) == 0xBD ||
                               static_cast<unsigned char>(text[i + 1]) == 0xBE);
            em += half ? 0.6 : 1.0;
            i += 3;
        } else {
            em += 1.0;
            i += 4;
        }
    }
    return em * font_size;
}

std::string write_svg_map(const EventLog& log, const Dfg& dfg, const SvgMapOptions& opt) {
    const std::vector<uint32_t> order = touchpoint_display_order(log, dfg.events);
    // [SECTION] Boxes.
    std::vector<uint32_t> slot(dfg.num_activities, UINT32_MAX);
    std::vector<Box> boxes;
    uint64_t max_events = 0, max_starts = 0, max_edge = 1;
    for (uint32_t a : order) max_events = std::max(max_events, dfg.events[a]);
    for (uint32_t a : order) max_starts = std::max(max_starts, dfg.starts[a]);
    for (const auto& e : dfg.edges) max_edge = std::max(max_edge, e.count);
    double max_w = kMinWidth, max_h = 0;
    for (uint32_t a : order) {
        Box b;
        b.activity = a;
        b.label = shorten(log.activities.view(a));
        b.v = volume(dfg.events[a], max_events);
        const double tw = std::max(estimated_text_width(b.label, kFont),
                                   estimated_text_width(thousands(dfg.events[a]), kSmallFont));
        const double w = std::max(kMinWidth, tw + 2 * kPadX) + kVolumeWidth * b.v;
        const double h = kFont * 2.7 + kVolumeHeight * b.v;
        b.hw = w / 2, b.hh = h / 2;
        max_w = std::max(max_w, w), max_h = std::max(max_h, h);
        slot[a] = uint32_t(boxes.size());
        boxes.push_back(std::move(b));
    }

    // [SECTION] Placement by core's layered layout (the browser's input).
    LayoutInput in;
    in.num_nodes = uint32_t(boxes.size());
    in.layer_gap = max_w + kColumnGap;
    in.node_gap = max_h + 30;
    const std::vector<uint32_t> edge_order = edge_display_order(log, dfg);
    std::vector<uint32_t> layout_edge(dfg.edges.size(), UINT32_MAX);
    for (uint32_t k = 0; k < dfg.edges.size(); ++k) {
        const DfgEdge& e = dfg.edges[k];
        if (e.from == e.to || slot[e.from] == UINT32_MAX || slot[e.to] == UINT32_MAX) continue;
        layout_edge[k] = uint32_t(in.edges.size());
        in.edges.push_back({slot[e.from], slot[e.to], double(e.count)});
    }
    for (const Box& b : boxes) in.node_weight.push_back(double(dfg.events[b.activity]));
    for (uint32_t s = 0; s < boxes.size(); ++s) {
        const uint64_t st = dfg.starts[boxes[s].activity];
        if (st > 0 && st * 10 >= max_starts * 3) in.sources.push_back(s);
    }
    const LayoutResult lay = layout_layered(in);
    // Columns as wide as their widest box, and layers that only long edges cross kept thin (as the browser
    // does); route points move with their layer's column.
    std::vector<double> column_w(std::max<uint32_t>(lay.num_layers, 1), 0), column_x(column_w.size(), 0);
    for (uint32_t s = 0; s < boxes.size(); ++s)
        column_w[lay.layer[s]] = std::max(column_w[lay.layer[s]], 2 * boxes[s].hw);
    double cx = 0;
    for (size_t l = 0; l < column_w.size(); ++l) {
        const double w = column_w[l] > 0 ? column_w[l] : kEmptyColumn;
        column_x[l] = cx + w / 2;
        cx += w + kColumnGap;
    }
    auto column_of = [&](double x) {
        const auto l = static_cast<size_t>(std::lround(x / in.layer_gap));
        return column_x[std::min(l, column_x.size() - 1)];
    };
    for (uint32_t s = 0; s < boxes.size(); ++s) boxes[s].c = {column_x[lay.layer[s]], lay.y[s]};

    // [SECTION] Curves: steps, then the Start / End marker edges.
    const Rgb edge_light = hex(0xa9b6c6), edge_dark = hex(0x34465e);
    const Rgb back_light = hex(0xe0b48a), back_dark = hex(0xb5621f);
    std::vector<Curve> curves;
    for (uint32_t k : edge_order) {
        const DfgEdge& d = dfg.edges[k];
        if (slot[d.from] == UINT32_MAX || slot[d.to] == UINT32_MAX) continue;
        const Box &a = boxes[slot[d.from]], &b = boxes[slot[d.to]];
        Curve e;
        const double v = volume(d.count, max_edge);
        e.width = 1.5 + 10.0 * v;
        e.cls = "edge";
        if (opt.edge_labels) e.label = thousands(d.count);
        e.tip = std::string(log.activities.view(d.from)) + " → " + std::string(log.activities.view(d.to)) +
                ": " + thousands(d.count) + " (" + thousands(d.cases) + " cases)";
        const uint32_t la = lay.layer[slot[d.from]], lb = lay.layer[slot[d.to]];
        bool back = false;
        if (d.from == d.to) {
            const P p0{a.c.x + a.hw * 0.4, a.c.y - a.hh}, p3{a.c.x - a.hw * 0.4, a.c.y - a.hh};
            e.c = {p0, {p0.x + 22, p0.y - 52}, {p3.x - 22, p3.y - 52}, p3};
            back = true;
        } else if (la == lb) {
            const double bow = 40 + std::fabs(b.c.y - a.c.y) * 0.3;
            const P p0{a.c.x + a.hw, a.c.y}, p3{b.c.x + b.hw, b.c.y};
            e.c = {p0, {p0.x + bow, p0.y}, {p3.x + bow, p3.y}, p3};
        } else {
            std::vector<P> route;
            for (const auto& q : lay.edge_points[layout_edge[k]]) route.push_back({column_of(q.x), q.y});
            back = lb < la;
            if (back && route.size() <= 2) { // a back edge to the previous layer arcs over the top
                const double lift = 45 + std::fabs(a.c.x - b.c.x) * 0.18;
                const P p0{a.c.x - a.hw * 0.3, a.c.y - a.hh}, p3{b.c.x + b.hw * 0.3, b.c.y - b.hh};
                e.c = {p0, {p0.x, p0.y - lift}, {p3.x, p3.y - lift}, p3};
            } else {
                const double sa = back ? -1 : 1;
                route.front() = {a.c.x + sa * a.hw, a.c.y};
                route.back() = {b.c.x - sa * b.hw, b.c.y};
                e.c = chain_curve(route);
            }
        }
        e.dashed = back;
        e.color = back ? css(back_light, back_dark, v) : css(edge_light, edge_dark, v);
        curves.push_back(std::move(e));
    }

    Bounds bb;
    for (const Box& b : boxes) {
        bb.grow({b.c.x - b.hw, b.c.y - b.hh});
        bb.grow({b.c.x + b.hw, b.c.y + b.hh});
    }
    P start{}, end{};
    if (!boxes.empty()) {
        double sy = 0, sw = 0, ey = 0, ew = 0;
        for (const Box& b : boxes) {
            sy += double(dfg.starts[b.activity]) * b.c.y, sw += double(dfg.starts[b.activity]);
            ey += double(dfg.ends[b.activity]) * b.c.y, ew += double(dfg.ends[b.activity]);
        }
        start = {bb.x0 - kMarkerGap, sw > 0 ? sy / sw : 0};
        end = {bb.x1 + kMarkerGap, ew > 0 ? ey / ew : 0};
        const uint64_t all = std::max<uint64_t>(dfg.num_cases, 1);
        for (const Box& b : boxes) {
            const std::string name(log.activities.view(b.activity));
            auto marker_curve = [&](P from, P to, uint64_t count, const std::string& tip) {
                Curve e;
                e.width = 1.2 + 6.0 * volume(count, all);
                e.color = "#b3bcc8";
                e.cls = "marker-edge";
                e.tip = tip;
                e.c = chain_curve({from, to});
                curves.push_back(std::move(e));
            };
            if (dfg.starts[b.activity] > 0)
                marker_curve({start.x + kMarkerRadius, start.y}, {b.c.x - b.hw, b.c.y},
                             dfg.starts[b.activity],
                             opt.start_label + " → " + name + ": " + thousands(dfg.starts[b.activity]));
            if (dfg.ends[b.activity] > 0)
                marker_curve({b.c.x + b.hw, b.c.y}, {end.x - kMarkerRadius, end.y}, dfg.ends[b.activity],
                             name + " → " + opt.end_label + ": " + thousands(dfg.ends[b.activity]));
        }
        for (const P& p : {start, end}) {
            bb.grow({p.x - kMarkerRadius - 20, p.y - kMarkerRadius});
            bb.grow({p.x + kMarkerRadius + 20, p.y + kMarkerRadius + 18});
        }
    }

    // [SECTION] The document: curves under boxes.
    std::string body;
    for (Curve& c : curves) write_curve(body, bb, std::move(c));
    if (!boxes.empty()) {
        for (const auto& [p, label, fill] :
             {std::tuple{start, opt.start_label, "#2e9e5b"}, std::tuple{end, opt.end_label, "#c0392b"}}) {
            body += "<g class=\"marker\"><circle cx=\"" + num(p.x) + "\" cy=\"" + num(p.y) + "\" r=\"" +
                    num(kMarkerRadius) + "\" fill=\"" + fill + "\"/><text x=\"" + num(p.x) + "\" y=\"" +
                    num(p.y + kMarkerRadius + 14) +
                    "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a2433\">" + xml_escaped(label) +
                    "</text></g>\n";
        }
    }
    const Rgb light = hex(0xe4eefa), dark = hex(0x1f5fa8);
    for (const Box& b : boxes) {
        const std::string name(log.activities.view(b.activity));
        const char* text = b.v > 0.55 ? "#ffffff" : "#1a2433";
        body += "<g class=\"node\"><title>" + xml_escaped(name) + ": " + thousands(dfg.events[b.activity]) +
                " events, " + thousands(dfg.cases[b.activity]) + " cases</title><rect x=\"" +
                num(b.c.x - b.hw) + "\" y=\"" + num(b.c.y - b.hh) + "\" width=\"" + num(2 * b.hw) +
                "\" height=\"" + num(2 * b.hh) + "\" rx=\"9\" fill=\"" + css(light, dark, b.v) +
                "\" stroke=\"#1f5fa8\" stroke-opacity=\"0.5\"/>" + "<text x=\"" + num(b.c.x) + "\" y=\"" +
                num(b.c.y - 2) + "\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"600\" fill=\"" +
                text + "\">" + xml_escaped(b.label) + "</text><text x=\"" + num(b.c.x) + "\" y=\"" +
                num(b.c.y + 13) + "\" text-anchor=\"middle\" font-size=\"11\" fill=\"" + text + "\">" +
                thousands(dfg.events[b.activity]) + "</text></g>\n";
    }
    if (!bb.any)
        bb.grow({0, 0}), bb.grow({240, 60}),
            body += "<text x=\"120\" y=\"34\" text-anchor=\"middle\" font-size=\"13\">no events</text>\n";
    const double x0 = bb.x0 - kMargin, y0 = bb.y0 - kMargin, w = bb.x1 - bb.x0 + 2 * kMargin,
                 h = bb.y1 - bb.y0 + 2 * kMargin;
    std::string out;
    if (opt.xml_declaration) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"journey-map\" width=\"" + num(w) +
           "\" height=\"" + num(h) + "\" viewBox=\"" + num(x0) + " " + num(y0) + " " + num(w) + " " + num(h) +
           "\" font-family=\"" + kFonts + "\" role=\"img\">\n";
    if (!opt.title.empty()) out += "<title>" + xml_escaped(opt.title) + "</title>\n";
    out += "<rect x=\"" + num(x0) + "\" y=\"" + num(y0) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
           "\" fill=\"#ffffff\"/>\n";
    out += body;
    out += "</svg>\n";
    return out;
}

} // namespace tabiji
