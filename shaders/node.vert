#version 300 es
// Nodes of the journey map: one instance per node, a screen-space quad around a rounded box.
// The box is placed in world space (pan/zoom through u_scale/u_offset); the fragment shader cuts the
// rounded shape out with a signed distance, so edges are anti-aliased at any zoom.
precision highp float;

layout(location = 0) in vec4 a_rect;  // world centre.xy, world half size.xy
layout(location = 1) in vec4 a_fill;  // straight RGBA
layout(location = 2) in vec4 a_style; // x: corner radius (world), y: outline (px), z: shadow strength

uniform vec2 u_viewport; // framebuffer size in pixels
uniform vec2 u_offset;   // pixel position of the world origin
uniform float u_scale;   // pixels per world unit

out vec2 v_local;        // pixels from the box centre
flat out vec2 v_half;    // box half size in pixels
flat out float v_radius; // corner radius in pixels
flat out vec4 v_fill;
flat out vec2 v_style;   // outline px, shadow strength

const float kPad = 10.0; // room for the anti-aliased rim and the soft shadow

void main() {
    vec2 half_px = max(a_rect.zw * u_scale, vec2(1.0));
    vec2 corner = vec2((gl_VertexID & 1) == 0 ? -1.0 : 1.0, (gl_VertexID & 2) == 0 ? -1.0 : 1.0);
    v_local = corner * (half_px + kPad);
    v_half = half_px;
    v_radius = min(a_style.x * u_scale, min(half_px.x, half_px.y));
    v_fill = a_fill;
    // Shadows fade out on boxes that are only a few pixels tall (zoomed far out).
    v_style = vec2(a_style.y, a_style.z * clamp(min(half_px.x, half_px.y) / 12.0, 0.0, 1.0));
    vec2 px = a_rect.xy * u_scale + u_offset + v_local;
    gl_Position = vec4(px.x / u_viewport.x * 2.0 - 1.0, 1.0 - px.y / u_viewport.y * 2.0, 0.0, 1.0);
}
