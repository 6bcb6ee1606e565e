#version 300 es
// Training tokens (customers) on the journey map, all in one draw: vertex v belongs to token v / 6 (two
// triangles), whose data the shader fetches from a float texture, 4 texels per token: the cubic Bezier
// curve of the edge it travels (p0 p1, p2 p3; all four points equal for a token resting at a node),
// (t, radius px, -, -) and its colour. The point at t on the curve is computed here, as the edge shader
// draws the curve, so moving a token costs one float. (One draw with vertex-id instancing rather than
// glDrawArraysInstanced: software GL drivers such as SwiftShader pay a set-up cost per instance.)
precision highp float;
precision highp sampler2D;

uniform sampler2D u_tokens;
uniform vec2 u_viewport;
uniform vec2 u_offset;
uniform float u_scale;

out vec2 v_local; // pixels from the token's centre
flat out float v_radius;
flat out vec4 v_color;

const float kPad = 1.5; // pixels around the disc for the anti-aliased rim

vec4 fetch(int texel) {
    int width = textureSize(u_tokens, 0).x;
    return texelFetch(u_tokens, ivec2(texel % width, texel / width), 0);
}

vec2 bezier(vec2 p0, vec2 p1, vec2 p2, vec2 p3, float t) {
    float s = 1.0 - t;
    return s * s * s * p0 + 3.0 * s * s * t * p1 + 3.0 * s * t * t * p2 + t * t * t * p3;
}

void main() {
    int token = gl_VertexID / 6;
    vec4 p01 = fetch(token * 4), p23 = fetch(token * 4 + 1), shape = fetch(token * 4 + 2);
    v_color = fetch(token * 4 + 3);
    vec2 world = bezier(p01.xy, p01.zw, p23.xy, p23.zw, clamp(shape.x, 0.0, 1.0));
    vec2 centre = world * u_scale + u_offset;
    const vec2 kCorner[6] = vec2[6](vec2(-1.0, -1.0), vec2(1.0, -1.0), vec2(-1.0, 1.0), vec2(-1.0, 1.0),
                                    vec2(1.0, -1.0), vec2(1.0, 1.0));
    float r = shape.y;
    v_local = kCorner[gl_VertexID % 6] * (r + kPad);
    v_radius = r;
    vec2 px = centre + v_local;
    gl_Position = vec4(px.x / u_viewport.x * 2.0 - 1.0, 1.0 - px.y / u_viewport.y * 2.0, 0.0, 1.0);
}
