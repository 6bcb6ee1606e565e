// The journey map as SVG (see svg_map.hpp): a plain serialisation of core's map geometry
// (map_geometry.hpp), the same boxes, curves and colours as the browser draws.
#include "tabiji/svg_map.hpp"

#include "tabiji/map_geometry.hpp"
#include "tabiji/xml_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tabiji {

namespace {

constexpr double kMargin = 24;
constexpr const char* kFonts = "'Noto Sans', 'Helvetica Neue', Arial, 'IPAexGothic', 'Noto Sans CJK JP', "
                               "'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif";

std::string css(uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", unsigned(rgb & 0xffffff));
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

std::string pt(MapPoint p) {
    return num(p.x) + "," + num(p.y);
}

// The path with its end pulled back under an arrowhead, the arrowhead, and the label.
void write_curve(std::string& out, MapCurve e, const std::string& cls, const std::string& tip,
                 const std::string& label) {
    const MapPoint end = e.c.back(), before = e.c[e.c.size() - 2];
    double dx = end.x - before.x, dy = end.y - before.y, len = std::hypot(dx, dy);
    if (len < 1e-9) dx = 1, dy = 0, len = 1;
    dx /= len, dy /= len;
    const double al = 7 + e.width * 0.9, aw = 4 + e.width * 0.7;
    e.c.back() = {end.x - dx * al * 0.8, end.y - dy * al * 0.8};
    e.c[e.c.size() - 2] = {e.c[e.c.size() - 2].x - dx * al * 0.8, e.c[e.c.size() - 2].y - dy * al * 0.8};
    const std::string color = css(e.color);
    out += "<g class=\"" + cls + "\"><title>";
    append_xml_escaped(out, tip);
    out += "</title><path d=\"M" + pt(e.c[0]);
    for (size_t i = 1; i + 2 < e.c.size(); i += 3)
        out += " C" + pt(e.c[i]) + " " + pt(e.c[i + 1]) + " " + pt(e.c[i + 2]);
    out += "\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"" + num(e.width) +
           "\" stroke-opacity=\"0.85\"";
    if (e.back) out += " stroke-dasharray=\"7 5\"";
    const MapPoint base{end.x - dx * al, end.y - dy * al};
    out += "/><path d=\"M" + pt(end) + " L" + pt({base.x - dy * aw, base.y + dx * aw}) + " L" +
           pt({base.x + dy * aw, base.y - dx * aw}) + " Z\" fill=\"" + color + "\"/>";
    if (!label.empty())
        out += "<text x=\"" + num(e.label_at.x) + "\" y=\"" + num(e.label_at.y - 3) +
               "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#34465e\" stroke=\"#ffffff\" "
               "stroke-width=\"3\" paint-order=\"stroke\">" +
               xml_escaped(label) + "</text>";
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
    MapGeometryOptions go;
    go.start_label = opt.start_label;
    go.end_label = opt.end_label;
    go.node_stage = opt.node_stage;
    if (!opt.node_group.empty()) {
        go.node_coloring = NodeColoring::channel;
        go.node_group = opt.node_group;
    }
    const MapGeometry map = build_map_geometry(log, dfg, go);
    const double L = go.label_size;
    auto name = [&](uint32_t node) {
        const MapBox& b = map.nodes[node];
        return b.kind == MapNodeKind::touchpoint ? std::string(log.activities.view(b.activity)) : b.label;
    };

    // [SECTION] The document: curves under boxes.
    std::string body;
    for (const MapCurve& e : map.edges) {
        const std::string tip = name(e.from) + " → " + name(e.to) + ": " + with_thousands(e.count) +
                                (e.marker ? "" : " (" + with_thousands(e.cases) + " cases)");
        write_curve(body, e, e.marker ? "marker-edge" : "edge", tip,
                    opt.edge_labels && !e.marker ? with_thousands(e.count) : "");
    }
    for (uint32_t i = map.touchpoints; i < map.nodes.size(); ++i) {
        const MapBox& m = map.nodes[i];
        body += "<g class=\"marker\"><circle cx=\"" + num(m.centre.x) + "\" cy=\"" + num(m.centre.y) +
                "\" r=\"" + num(m.half.x) + "\" fill=\"" + css(m.fill) + "\"/><text x=\"" + num(m.centre.x) +
                "\" y=\"" + num(m.centre.y + m.half.y + 14) +
                "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a2433\">" + xml_escaped(m.label) +
                "</text></g>\n";
    }
    for (uint32_t i = 0; i < map.touchpoints; ++i) {
        const MapBox& b = map.nodes[i];
        const std::string text = css(b.text);
        body += "<g class=\"node\"><title>" + xml_escaped(name(i)) + ": " +
                with_thousands(dfg.events[b.activity]) + " events, " + with_thousands(dfg.cases[b.activity]) +
                " cases</title><rect x=\"" + num(b.centre.x - b.half.x) + "\" y=\"" +
                num(b.centre.y - b.half.y) + "\" width=\"" + num(2 * b.half.x) + "\" height=\"" +
                num(2 * b.half.y) + "\" rx=\"" + num(b.corner) + "\" fill=\"" + css(b.fill) +
                "\" stroke=\"#1f5fa8\" stroke-opacity=\"0.5\"/>" + "<text x=\"" + num(b.centre.x) +
                "\" y=\"" + num(b.centre.y - 2) + "\" text-anchor=\"middle\" font-size=\"" + num(L) +
                "\" font-weight=\"600\" fill=\"" + text + "\">" + xml_escaped(b.label) + "</text><text x=\"" +
                num(b.centre.x) + "\" y=\"" + num(b.centre.y + L) + "\" text-anchor=\"middle\" font-size=\"" +
                num(L * 0.8) + "\" fill=\"" + text + "\">" + with_thousands(b.count) + "</text></g>\n";
    }
    MapPoint lo = map.min, hi = map.max;
    if (map.nodes.empty()) {
        lo = {0, 0}, hi = {240, 60};
        body += "<text x=\"120\" y=\"34\" text-anchor=\"middle\" font-size=\"13\">no events</text>\n";
    }
    const double x0 = lo.x - kMargin, y0 = lo.y - kMargin, w = hi.x - lo.x + 2 * kMargin,
                 h = hi.y - lo.y + 2 * kMargin;
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
