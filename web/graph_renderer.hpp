// Draws a JourneyMap with WebGL2: one instanced draw for the edges (every cubic segment of every curve a
// ribbon instance, arrowheads on the last ones), one for the highlighted edges on top, one for the boxes, in
// world space under a pan/zoom transform. The map's buffers are uploaded once per map; a hover or a
// selection only rewrites the small highlight buffer and the node colours. Labels are drawn by view_map.
#pragma once
#include "gl_program.hpp"
#include "journey_map.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tabiji::web {

// World -> framebuffer pixels: px = world * scale + offset.
struct ViewTransform {
    float scale = 1;
    Vec2 offset;
    int width = 1, height = 1; // framebuffer size
};

// What to emphasise: the hovered node (and its edges) or the hovered edge, and the selected node (and its
// edges); indices into the map's nodes / edges, -1 for none. path_nodes and path_edges (sorted indices into
// the map) are a path to emphasise too: the selected variant's, or training mode's replayed journey.
struct Highlight {
    int node = -1;
    int edge = -1;
    int selected = -1;
    std::vector<uint32_t> path_nodes, path_edges;
    bool operator==(const Highlight&) const = default;
};

class GraphRenderer {
  public:
    // Compiles the embedded shaders. False (and error() says why) when the GL driver rejects them.
    bool init();
    const std::string& error() const { return error_; }

    void upload(const JourneyMap& map);                               // a new map
    void upload_highlight(const JourneyMap& map, const Highlight& h); // after upload(), when h changes
    void draw(const ViewTransform& view);

    uint32_t nodes_submitted() const { return nodes_submitted_; } // boxes and markers in the last draw()
    uint32_t edges_submitted() const { return edges_submitted_; } // curves (not segments) in the last draw()

  private:
    struct Pass {
        GlProgram program;
        GLuint vao = 0, buffer = 0;
        GLint u_viewport = -1, u_offset = -1, u_scale = -1, u_segments = -1;
        uint32_t instances = 0;
    };
    bool init_pass(Pass& pass, const char* name, const char* vs, const char* fs,
                   std::initializer_list<int> attribute_sizes, GLuint shared_program);
    void bind_view(const Pass& pass, const ViewTransform& view, int segments);

    Pass nodes_, edges_, hot_edges_;
    std::vector<float> node_data_, edge_data_, hot_data_;
    uint32_t curves_ = 0;
    std::string error_;
    uint32_t nodes_submitted_ = 0, edges_submitted_ = 0;
};

} // namespace tabiji::web
