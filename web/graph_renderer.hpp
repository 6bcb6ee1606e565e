// Draws a JourneyMap with WebGL2: one instanced draw for the edges (curved ribbons with arrowheads), one for
// the boxes, in world space under a pan/zoom transform. Labels are not drawn here (see view_map).
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

// What to emphasise: the hovered node (and its edges) or the hovered edge; -1 for none.
struct Highlight {
    int node = -1;
    int edge = -1;
    bool operator==(const Highlight&) const = default;
};

class GraphRenderer {
  public:
    // Compiles the embedded shaders. False (and error() says why) when the GL driver rejects them.
    bool init();
    const std::string& error() const { return error_; }

    // Rebuilds the instance buffers (on a new map, or when the highlight changes).
    void upload(const JourneyMap& map, const Highlight& highlight);
    void draw(const ViewTransform& view);

    uint32_t nodes_submitted() const { return nodes_submitted_; } // in the last draw()
    uint32_t edges_submitted() const { return edges_submitted_; }

  private:
    struct Pass {
        GlProgram program;
        GLuint vao = 0, buffer = 0;
        GLint u_viewport = -1, u_offset = -1, u_scale = -1;
        uint32_t instances = 0;
    };
    bool init_pass(Pass& pass, const char* name, const char* vs, const char* fs,
                   std::initializer_list<int> attribute_sizes);
    void bind_view(const Pass& pass, const ViewTransform& view);

    Pass nodes_, edges_;
    std::vector<float> node_data_, edge_data_;
    std::string error_;
    uint32_t nodes_submitted_ = 0, edges_submitted_ = 0;
};

} // namespace tabiji::web
