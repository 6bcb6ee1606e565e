#version 300 es
// Anti-aliased coverage of an edge ribbon (distance across the ribbon) or of its arrowhead (distance to a
// triangle). Output is premultiplied alpha.
precision highp float;

in vec2 v_uv;
flat in float v_kind;
flat in vec3 v_shape;
flat in vec4 v_color;

out vec4 o_color;

// Signed distance to the triangle with base corners (0, +-w) and tip (l, 0).
float arrow_distance(vec2 p, float l, float w) {
    p.y = abs(p.y);
    vec2 a = vec2(0.0, w), b = vec2(l, 0.0);
    vec2 e = b - a;
    vec2 pa = p - a;
    float h = clamp(dot(pa, e) / dot(e, e), 0.0, 1.0);
    float d_side = length(pa - e * h);
    float side = e.x * pa.y - e.y * pa.x; // > 0 outside the slanted side
    float d_base = -p.x;                    // > 0 behind the base
    bool inside = side <= 0.0 && d_base <= 0.0;
    float d_out = max(d_base, 0.0) > 0.0 && p.y <= w ? d_base : d_side;
    return inside ? -min(d_side, -d_base) : d_out;
}

void main() {
    float coverage;
    if (v_kind < 0.5) {
        float half_w = v_shape.x;
        float thin = min(half_w * 2.0, 1.0); // lines under a pixel fade instead of aliasing
        coverage = clamp(max(half_w, 0.5) + 0.5 - abs(v_uv.y), 0.0, 1.0) * thin;
    } else {
        if (v_shape.x <= 0.0) discard;
        coverage = clamp(0.5 - arrow_distance(v_uv, v_shape.x, v_shape.y), 0.0, 1.0);
    }
    float a = coverage * v_color.a;
    if (a <= 0.0) discard;
    o_color = vec4(v_color.rgb * a, a);
}
