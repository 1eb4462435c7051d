#version 330 core
// Isochron batch vertex shader: sprites, shapes and text share one quad layout
// (dev.isochron.render.batch.QuadVertexLayout). Positions arrive in world units with any
// rotation already applied on the CPU; u_projection maps them to clip space.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_colour;

uniform mat4 u_projection;

out vec2 v_uv;
out vec4 v_colour;

void main()
{
    v_uv = a_uv;
    v_colour = a_colour;
    gl_Position = u_projection * vec4(a_position, 0.0, 1.0);
}
