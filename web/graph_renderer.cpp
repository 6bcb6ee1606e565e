// Instance buffers and draw calls for the journey map's boxes and edges.
#include "graph_renderer.hpp"

#include "tabiji/shader_sources.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tabiji::web {

namespace {

constexpr int kFloatsPerSegment = 14;
constexpr int kFloatsPerNode = 12;
constexpr Rgba kAccent{0.93f, 0.49f, 0.13f, 1};   // hover colour
constexpr Rgba kSelected{0.80f, 0.16f, 0.42f, 1}; // selection colour

void push(std::vector<float>& v, std::initializer_list<float> values) {
    v.insert(v.end(), values);
}

// One instance per cubic segment; the last segment of a curve carries the arrowhead.
void push_curve(std::vector<float>& out, const MapCurve& e, Rgba c, float extra_width) {
    const size_t segments = (e.c.size() - 1) / 3;
    for (size_t s = 0; s < segments; ++s) {
        const MapPoint* q = &e.c[s * 3];
        push(out, {float(q[0].x), float(q[0].y), float(q[1].x), float(q[1].y), float(q[2].x), float(q[2].y),
                   float(q[3].x), float(q[3].y), c.r, c.g, c.b, c.a, float(e.width) + extra_width,
                   s + 1 == segments ? 1.0f : 0.0f});
    }
}

void send(GLuint buffer, const std::vector<float>& data) {
    glBindBuffer(GL_ARRAY_BUFFER, buffer);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(),
                 GL_DYNAMIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

} // namespace

bool GraphRenderer::init_pass(Pass& pass, const char* name, const char* vs, const char* fs,
                              std::initializer_list<int> attribute_sizes, GLuint shared_program) {
    if (shared_program == 0) {
        pass.program = build_program(name, vs, fs);
        if (!pass.program) {
            error_ += pass.program.error + "\n";
            return false;
        }
    } else {
        pass.program.id = shared_program;
    }
    pass.u_viewport = glGetUniformLocation(pass.program.id, "u_viewport");
    pass.u_offset = glGetUniformLocation(pass.program.id, "u_offset");
    pass.u_scale = glGetUniformLocation(pass.program.id, "u_scale");
    pass.u_segments = glGetUniformLocation(pass.program.id, "u_segments");
    glGenVertexArrays(1, &pass.vao);
    glGenBuffers(1, &pass.buffer);
    glBindVertexArray(pass.vao);
    glBindBuffer(GL_ARRAY_BUFFER, pass.buffer);
    const int stride = std::accumulate(attribute_sizes.begin(), attribute_sizes.end(), 0) * sizeof(float);
    int location = 0, offset = 0;
    for (int size : attribute_sizes) {
        glEnableVertexAttribArray(location);
        glVertexAttribPointer(location, size, GL_FLOAT, GL_FALSE, stride,
                              reinterpret_cast<const void*>(static_cast<uintptr_t>(offset * sizeof(float))));
        glVertexAttribDivisor(location, 1);
        ++location;
        offset += size;
    }
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    return true;
}

bool GraphRenderer::init() {
    error_.clear();
    bool ok = init_pass(nodes_, "node", shaders::kNodeVert, shaders::kNodeFrag, {4, 4, 4}, 0);
    ok = init_pass(edges_, "edge", shaders::kEdgeVert, shaders::kEdgeFrag, {4, 4, 4, 2}, 0) && ok;
    if (ok) ok = init_pass(hot_edges_, "edge", nullptr, nullptr, {4, 4, 4, 2}, edges_.program.id);
    return ok;
}

void GraphRenderer::upload(const JourneyMap& map) {
    // Thin curves first so heavy flows stay on top.
    std::vector<uint32_t> order(map.edges.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return map.edges[a].width < map.edges[b].width; });
    edge_data_.clear();
    for (uint32_t i : order) push_curve(edge_data_, map.edges[i], to_rgba(map.edges[i].color, 0.9f), 0);
    edges_.instances = static_cast<uint32_t>(edge_data_.size() / kFloatsPerSegment);
    curves_ = static_cast<uint32_t>(map.edges.size());
    send(edges_.buffer, edge_data_);
    upload_highlight(map, {});
}

void GraphRenderer::upload_highlight(const JourneyMap& map, const Highlight& h) {
    auto touches = [](const MapCurve& e, int node) {
        return node >= 0 && (e.from == static_cast<uint32_t>(node) || e.to == static_cast<uint32_t>(node));
    };
    hot_data_.clear();
    for (size_t i = 0; i < map.edges.size(); ++i) {
        const MapCurve& e = map.edges[i];
        if (touches(e, h.selected) && !touches(e, h.node) && static_cast<int>(i) != h.edge)
            push_curve(hot_data_, e, kSelected, 1.0f);
    }
    auto on_path = [&](size_t i) {
        return std::binary_search(h.path_edges.begin(), h.path_edges.end(), static_cast<uint32_t>(i));
    };
    for (size_t i = 0; i < map.edges.size(); ++i) {
        const MapCurve& e = map.edges[i];
        if (touches(e, h.node) || static_cast<int>(i) == h.edge || on_path(i))
            push_curve(hot_data_, e, kAccent, 1.0f);
    }
    hot_edges_.instances = static_cast<uint32_t>(hot_data_.size() / kFloatsPerSegment);
    send(hot_edges_.buffer, hot_data_);

    node_data_.clear();
    for (size_t i = 0; i < map.nodes.size(); ++i) {
        const MapBox& n = map.nodes[i];
        const bool hot =
                       static_cast<int>(i) == h.node ||
                       std::binary_search(h.path_nodes.begin(), h.path_nodes.end(), static_cast<uint32_t>(i)),
                   selected = static_cast<int>(i) == h.selected;
        Rgba fill = to_rgba(n.fill);
        const Rgba mark = selected ? kSelected : kAccent;
        if (hot || selected)
            fill = {fill.r * 0.85f + 0.15f * mark.r, fill.g * 0.85f + 0.15f * mark.g,
                    fill.b * 0.85f + 0.15f * mark.b, 1};
        push(node_data_,
             {float(n.centre.x), float(n.centre.y), float(n.half.x), float(n.half.y), fill.r, fill.g, fill.b,
              fill.a, float(n.corner), hot || selected ? 3.0f : 1.2f, 1.0f, 0.0f});
    }
    nodes_.instances = static_cast<uint32_t>(node_data_.size() / kFloatsPerNode);
    send(nodes_.buffer, node_data_);
}

void GraphRenderer::bind_view(const Pass& pass, const ViewTransform& view, int segments) {
    glUseProgram(pass.program.id);
    glUniform2f(pass.u_viewport, static_cast<float>(view.width), static_cast<float>(view.height));
    glUniform2f(pass.u_offset, view.offset.x, view.offset.y);
    glUniform1f(pass.u_scale, view.scale);
    if (pass.u_segments >= 0) glUniform1i(pass.u_segments, segments);
    glBindVertexArray(pass.vao);
}

void GraphRenderer::draw(const ViewTransform& view) {
    nodes_submitted_ = edges_submitted_ = 0;
    if (!nodes_.program || !edges_.program) return;
    glViewport(0, 0, view.width, view.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // the shaders write premultiplied alpha
    // Level of detail: fewer ribbon pieces per segment when the map is small on screen (a curve is several
    // short segments, one per layer it crosses, so a few pieces each stay smooth).
    const int segments = view.scale < 0.15f ? 3 : view.scale < 1.0f ? 6 : 12;
    for (Pass* pass : {&edges_, &hot_edges_}) {
        if (pass->instances == 0) continue;
        bind_view(*pass, view, segments);
        glDrawArraysInstanced(GL_TRIANGLES, 0, segments * 6 + 6, static_cast<GLsizei>(pass->instances));
    }
    if (edges_.instances > 0) edges_submitted_ = curves_;
    if (nodes_.instances > 0) {
        bind_view(nodes_, view, 0);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(nodes_.instances));
        nodes_submitted_ = nodes_.instances;
    }
    glBindVertexArray(0);
    glUseProgram(0);
}

} // namespace tabiji::web
