// Draws training tokens (customers) over the journey map in one draw call (shaders/token.*): each token is
// an edge's Bezier curve and a position t on it, kept in a float texture (4 RGBA32F texels per token) that
// the vertex shader reads by vertex id, so the GPU places 10,000+ tokens per frame from one small upload.
// Tokens resting at a node carry the node's centre as all four points.
#pragma once
#include "gl_program.hpp"
#include "graph_renderer.hpp"
#include "journey_map.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tabiji::web {

struct TokenInstance {
    Vec2 p[4];        // the curve, world units
    float t = 0;      // position on it, 0..1
    float radius = 4; // pixels
    Rgba color;
};

class TokenRenderer {
  public:
    bool init(); // false (error() says why) when the driver rejects the shaders
    const std::string& error() const { return error_; }
    void upload(const std::vector<TokenInstance>& tokens);
    void draw(const ViewTransform& view);
    uint32_t tokens_submitted() const { return submitted_; } // in the last draw()

  private:
    GlProgram program_;
    GLuint vao_ = 0, texture_ = 0;
    GLint u_viewport_ = -1, u_offset_ = -1, u_scale_ = -1, u_tokens_ = -1;
    uint32_t tokens_ = 0, submitted_ = 0;
    int rows_ = 0; // rows of the texture as allocated
    std::vector<float> data_;
    std::string error_;
};

} // namespace tabiji::web
