#version 300 es
// Edges of the journey map: one instance per cubic Bezier segment of an edge's curve, tessellated here into
// a ribbon of u_segments quads (6 vertices each, fewer when zoomed out), followed by one quad for the
// arrowhead (6 more vertices; the last segment of a curve only). Instances wholly off screen collapse to
// nothing (culled before rasterisation).
// Control points arrive in world space; the curve is built in pixel space so that the ribbon keeps at least
// one pixel of width and a pixel-wide anti-aliased rim at any zoom.
precision highp float;

layout(location = 0) in vec4 a_p01;   // world p0.xy, p1.xy
layout(location = 1) in vec4 a_p23;   // world p2.xy, p3.xy (p3 is the arrow tip)
layout(location = 2) in vec4 a_color; // straight RGBA
layout(location = 3) in vec2 a_width; // x: ribbon width (world), y: 1 to draw an arrowhead

uniform vec2 u_viewport;
uniform vec2 u_offset;
uniform float u_scale;
uniform int u_segments; // ribbon pieces per instance

out vec2 v_uv;          // ribbon: (t, signed px across); arrow: px (along from base, across)
flat out float v_kind;  // 0 ribbon, 1 arrowhead
flat out vec3 v_shape;  // ribbon: half width px; arrow: length px, half width px
flat out vec4 v_color;

const float kPad = 1.5; // pixels added around the shape for the anti-aliased rim

vec2 to_px(vec2 w) { return w * u_scale + u_offset; }

vec2 bezier(vec2 p0, vec2 p1, vec2 p2, vec2 p3, float t) {
    float s = 1.0 - t;
    return s * s * s * p0 + 3.0 * s * s * t * p1 + 3.0 * s * t * t * p2 + t * t * t * p3;
}

vec2 bezier_tangent(vec2 p0, vec2 p1, vec2 p2, vec2 p3, float t) {
    float s = 1.0 - t;
    return 3.0 * s * s * (p1 - p0) + 6.0 * s * t * (p2 - p1) + 3.0 * t * t * (p3 - p2);
}

vec2 safe_normalize(vec2 v, vec2 fallback) {
    float l = length(v);
    return l > 1e-4 ? v / l : fallback;
}

void main() {
    vec2 p0 = to_px(a_p01.xy), p1 = to_px(a_p01.zw), p2 = to_px(a_p23.xy), p3 = to_px(a_p23.zw);
    float half_w = max(a_width.x * u_scale, 1.0) * 0.5;
    bool arrow = a_width.y > 0.5;
    float arrow_len = arrow ? max(6.0, half_w * 2.0 + 7.0 * u_scale) : 0.0;
    float arrow_half = max(4.0, half_w * 1.6 + 3.5 * u_scale);
    vec2 chord = safe_normalize(p3 - p0, vec2(1.0, 0.0));
    vec2 dir_end = safe_normalize(p3 - p2, chord);
    // Do not let the arrow take more than 40% of a short edge.
    arrow_len = min(arrow_len, 0.4 * length(p3 - p0) + 0.001);
    v_color = a_color;
    // Off-screen cull: the curve lies in its control points' hull.
    vec2 lo = min(min(p0, p1), min(p2, p3)) - vec2(half_w + arrow_half + kPad);
    vec2 hi = max(max(p0, p1), max(p2, p3)) + vec2(half_w + arrow_half + kPad);
    if (hi.x < 0.0 || hi.y < 0.0 || lo.x > u_viewport.x || lo.y > u_viewport.y) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        v_uv = vec2(0.0);
        v_kind = 1.0;
        v_shape = vec3(0.0);
        return;
    }

    int ribbon_vertices = u_segments * 6;
    const int kCornerEnd[6] = int[6](0, 1, 0, 0, 1, 1);
    const float kCornerSide[6] = float[6](-1.0, -1.0, 1.0, 1.0, -1.0, 1.0);
    int corner = gl_VertexID % 6;
    vec2 px;
    if (gl_VertexID < ribbon_vertices) {
        // The ribbon stops under the arrowhead: shift its end back along the end tangent.
        vec2 back = dir_end * arrow_len * 0.85;
        vec2 q2 = p2 - back, q3 = p3 - back;
        float t = float(gl_VertexID / 6 + kCornerEnd[corner]) / float(u_segments);
        vec2 pos = bezier(p0, p1, q2, q3, t);
        vec2 tan_ = safe_normalize(bezier_tangent(p0, p1, q2, q3, t), chord);
        vec2 n = vec2(-tan_.y, tan_.x);
        float across = kCornerSide[corner] * (half_w + kPad);
        px = pos + n * across;
        v_uv = vec2(t, across);
        v_kind = 0.0;
        v_shape = vec3(half_w, 0.0, 0.0);
    } else if (arrow) {
        vec2 n = vec2(-dir_end.y, dir_end.x);
        vec2 base = p3 - dir_end * arrow_len;
        float along = kCornerEnd[corner] == 0 ? -kPad : arrow_len + kPad;
        float across = kCornerSide[corner] * (arrow_half + kPad);
        px = base + dir_end * along + n * across;
        v_uv = vec2(along, across);
        v_kind = 1.0;
        v_shape = vec3(arrow_len, arrow_half, 0.0);
    } else {
        px = vec2(-1e4); // degenerate: no arrowhead
        v_uv = vec2(0.0);
        v_kind = 1.0;
        v_shape = vec3(0.0);
    }
    gl_Position = vec4(px.x / u_viewport.x * 2.0 - 1.0, 1.0 - px.y / u_viewport.y * 2.0, 0.0, 1.0);
}
