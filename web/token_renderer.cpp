// The token draw (see token_renderer.hpp).
#include "token_renderer.hpp"

#include "tabiji/shader_sources.hpp"

namespace tabiji::web {

namespace {
constexpr int kTexelsPerToken = 4;  // p01, p23, (t, radius, 0, 0), colour
constexpr int kTextureWidth = 1024; // texels per row (a multiple of kTexelsPerToken)
constexpr int kTokensPerRow = kTextureWidth / kTexelsPerToken;
constexpr int kFloatsPerRow = kTextureWidth * 4; // RGBA32F
} // namespace

bool TokenRenderer::init() {
    program_ = build_program("token", shaders::kTokenVert, shaders::kTokenFrag);
    if (!program_) {
        error_ = program_.error;
        return false;
    }
    u_viewport_ = glGetUniformLocation(program_.id, "u_viewport");
    u_offset_ = glGetUniformLocation(program_.id, "u_offset");
    u_scale_ = glGetUniformLocation(program_.id, "u_scale");
    u_tokens_ = glGetUniformLocation(program_.id, "u_tokens");
    glGenVertexArrays(1, &vao_); // no attributes: the shader reads the texture by vertex id
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    return true;
}

void TokenRenderer::upload(const std::vector<TokenInstance>& tokens) {
    tokens_ = static_cast<uint32_t>(tokens.size());
    if (!program_ || tokens.empty()) return;
    const int rows = static_cast<int>((tokens.size() + kTokensPerRow - 1) / kTokensPerRow);
    data_.assign(static_cast<size_t>(rows) * kFloatsPerRow, 0.0f);
    float* f = data_.data();
    for (const TokenInstance& k : tokens) {
        const float v[kTexelsPerToken * 4] = {k.p[0].x,  k.p[0].y,  k.p[1].x,  k.p[1].y, k.p[2].x, k.p[2].y,
                                              k.p[3].x,  k.p[3].y,  k.t,       k.radius, 0,        0,
                                              k.color.r, k.color.g, k.color.b, k.color.a};
        for (float x : v) *f++ = x;
    }
    glBindTexture(GL_TEXTURE_2D, texture_);
    if (rows > rows_) { // grow by half again, so a growing population reallocates rarely
        rows_ = rows + rows / 2;
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, kTextureWidth, rows_, 0, GL_RGBA, GL_FLOAT, nullptr);
    }
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, kTextureWidth, rows, GL_RGBA, GL_FLOAT, data_.data());
    glBindTexture(GL_TEXTURE_2D, 0);
}

void TokenRenderer::draw(const ViewTransform& view) {
    submitted_ = 0;
    if (!program_ || tokens_ == 0) return;
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // premultiplied alpha
    glUseProgram(program_.id);
    glUniform2f(u_viewport_, static_cast<float>(view.width), static_cast<float>(view.height));
    glUniform2f(u_offset_, view.offset.x, view.offset.y);
    glUniform1f(u_scale_, view.scale);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glUniform1i(u_tokens_, 0);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(tokens_) * 6);
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glUseProgram(0);
    submitted_ = tokens_;
}

} // namespace tabiji::web
