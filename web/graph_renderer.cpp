// Instance buffers and draw calls for the journey map's boxes and edges.
#include "graph_renderer.hpp"

#include "tabiji/shader_sources.hpp"

#include <algorithm>
#include <numeric>

namespace tabiji::web {

namespace {

constexpr int kEdgeSegments = 24;                    // must match kSegments in shaders/edge.vert
constexpr int kEdgeVertices = kEdgeSegments * 6 + 6; // ribbon quads + the arrowhead quad
constexpr Rgba kAccent{0.93f, 0.49f, 0.13f, 1};      // hover colour

void push(std::vector<float>& v, std::initializer_list<float> values) {
    v.insert(v.end(), values);
}

} // namespace

bool GraphRenderer::init_pass(Pass& pass, const char* name, const char* vs, const char* fs,
                              std::initializer_list<int> attribute_sizes) {
    pass.program = build_program(name, vs, fs);
    if (!pass.program) {
        error_ += pass.program.error + "\n";
        return false;
    }
    pass.u_viewport = glGetUniformLocation(pass.program.id, "u_viewport");
    pass.u_offset = glGetUniformLocation(pass.program.id, "u_offset");
    pass.u_scale = glGetUniformLocation(pass.program.id, "u_scale");
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
    bool ok = init_pass(nodes_, "node", shaders::kNodeVert, shaders::kNodeFrag, {4, 4, 4});
    ok = init_pass(edges_, "edge", shaders::kEdgeVert, shaders::kEdgeFrag, {4, 4, 4, 2}) && ok;
    return ok;
}

void GraphRenderer::upload(const JourneyMap& map, const Highlight& highlight) {
    // Edges: thin ones first so heavy flows stay on top; highlighted ones last.
    auto edge_hot = [&](size_t i) {
        const MapEdge& e = map.edges[i];
        return static_cast<int>(i) == highlight.edge ||
               (highlight.node >= 0 && (e.from == static_cast<uint32_t>(highlight.node) ||
                                        e.to == static_cast<uint32_t>(highlight.node)));
    };
    std::vector<uint32_t> order(map.edges.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        bool ha = edge_hot(a), hb = edge_hot(b);
        if (ha != hb) return hb;
        return map.edges[a].width < map.edges[b].width;
    });
    edge_data_.clear();
    for (uint32_t i : order) {
        const MapEdge& e = map.edges[i];
        Rgba c = edge_hot(i) ? kAccent : e.color;
        push(edge_data_, {e.p[0].x, e.p[0].y, e.p[1].x, e.p[1].y, e.p[2].x, e.p[2].y, e.p[3].x, e.p[3].y, c.r,
                          c.g, c.b, c.a, e.width, 1.0f});
    }
    node_data_.clear();
    for (size_t i = 0; i < map.nodes.size(); ++i) {
        const MapNode& n = map.nodes[i];
        bool hot = static_cast<int>(i) == highlight.node;
        float outline = hot ? 3.0f : 1.2f;
        Rgba fill = n.fill;
        if (hot)
            fill = {fill.r * 0.9f + 0.1f * kAccent.r, fill.g * 0.9f + 0.1f * kAccent.g,
                    fill.b * 0.9f + 0.1f * kAccent.b, fill.a};
        push(node_data_, {n.centre.x, n.centre.y, n.half.x, n.half.y, fill.r, fill.g, fill.b, fill.a,
                          n.corner, outline, 1.0f, 0.0f});
    }
    auto send = [](Pass& pass, const std::vector<float>& data, size_t floats_per_instance) {
        pass.instances = static_cast<uint32_t>(data.size() / floats_per_instance);
        glBindBuffer(GL_ARRAY_BUFFER, pass.buffer);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(),
                     GL_DYNAMIC_DRAW);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
    };
    send(edges_, edge_data_, 14);
    send(nodes_, node_data_, 12);
}

void GraphRenderer::bind_view(const Pass& pass, const ViewTransform& view) {
    glUseProgram(pass.program.id);
    glUniform2f(pass.u_viewport, static_cast<float>(view.width), static_cast<float>(view.height));
    glUniform2f(pass.u_offset, view.offset.x, view.offset.y);
    glUniform1f(pass.u_scale, view.scale);
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
    if (edges_.instances > 0) {
        bind_view(edges_, view);
        glDrawArraysInstanced(GL_TRIANGLES, 0, kEdgeVertices, static_cast<GLsizei>(edges_.instances));
        edges_submitted_ = edges_.instances;
    }
    if (nodes_.instances > 0) {
        bind_view(nodes_, view);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(nodes_.instances));
        nodes_submitted_ = nodes_.instances;
    }
    glBindVertexArray(0);
    glUseProgram(0);
}

} // namespace tabiji::web
