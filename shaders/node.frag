#version 300 es
// Rounded box with an anti-aliased outline and a soft drop shadow, from a signed distance.
// Output is premultiplied alpha (blend ONE, ONE_MINUS_SRC_ALPHA).
precision highp float;

in vec2 v_local;
flat in vec2 v_half;
flat in float v_radius;
flat in vec4 v_fill;
flat in vec2 v_style;

out vec4 o_color;

float rounded_box(vec2 p, vec2 half_size, float r) {
    vec2 q = abs(p) - half_size + vec2(r);
    return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - r;
}

void main() {
    float d = rounded_box(v_local, v_half, v_radius);
    float body = clamp(0.5 - d, 0.0, 1.0);
    float outline = v_style.x;
    float rim = clamp(d + outline + 0.5, 0.0, 1.0); // 1 inside the outline band
    vec3 rgb = mix(v_fill.rgb, v_fill.rgb * 0.62, outline > 0.0 ? rim : 0.0);
    float a = body * v_fill.a;

    float ds = rounded_box(v_local - vec2(0.0, 2.0), v_half, v_radius);
    float shadow = v_style.y * 0.22 * (1.0 - smoothstep(-2.0, 7.0, ds));

    vec3 premul = rgb * a;
    float alpha = a + shadow * (1.0 - a);
    o_color = vec4(premul, alpha); // shadow is black: it adds coverage, not colour
}
