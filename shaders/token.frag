#version 300 es
// A token: an anti-aliased disc with a white rim, premultiplied alpha (blend ONE, ONE_MINUS_SRC_ALPHA).
precision highp float;

in vec2 v_local;
flat in float v_radius;
flat in vec4 v_color;

out vec4 o_color;

void main() {
    float d = length(v_local) - v_radius;   // signed distance to the disc's edge, pixels
    float body = clamp(0.5 - d, 0.0, 1.0);
    float rim = v_radius >= 4.0 ? clamp(d + 2.0, 0.0, 1.0) : 0.0; // white ring on large tokens
    vec3 rgb = mix(v_color.rgb, vec3(1.0), rim);
    float a = body * v_color.a;
    o_color = vec4(rgb * a, a);
}
