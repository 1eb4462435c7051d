#version 330 core
// Isochron batch fragment shader: texture times vertex colour. Shapes sample a 1x1 white
// texel; font atlases are white with coverage in alpha, so the vertex colour tints them.
in vec2 v_uv;
in vec4 v_colour;

uniform sampler2D u_texture;

out vec4 o_colour;

void main()
{
    o_colour = texture(u_texture, v_uv) * v_colour;
}
