#version 330 core
// Isochron instanced sprite vertex shader: one record per sprite
// (dev.isochron.render.batch.SpriteInstanceLayout), drawn with the quad index pattern of the
// vertex path (0 1 2, 2 3 0) once per instance, so gl_VertexID is the corner: 0 top-left,
// 1 top-right, 2 bottom-right, 3 bottom-left, and the two triangles are the vertex path's own,
// vertex for vertex (a pixel centre on an edge or a texel boundary falls the same way). The
// corner is rotated about the origin and placed as the CPU does on the vertex path:
// (x + cos * lx - sin * ly, y + sin * lx + cos * ly), an angle of exactly 0 left unrotated.
layout(location = 0) in vec2 a_position; // where the origin lands, world units
layout(location = 1) in vec4 a_corners;  // lx0, ly0 (top-left), lx1, ly1 (bottom-right) about the origin
layout(location = 2) in float a_angle;   // radians
layout(location = 3) in vec4 a_colour;
layout(location = 4) in vec4 a_uv;       // u0, v0 (top-left), u1, v1 (bottom-right)

uniform mat4 u_projection;

out vec2 v_uv;
out vec4 v_colour;

void main()
{
    bool right = gl_VertexID == 1 || gl_VertexID == 2;
    bool bottom = gl_VertexID >= 2;
    float lx = right ? a_corners.z : a_corners.x;
    float ly = bottom ? a_corners.w : a_corners.y;
    vec2 world;
    if (a_angle == 0.0)
    {
        world = vec2(a_position.x + lx, a_position.y + ly);
    }
    else
    {
        float c = cos(a_angle);
        float s = sin(a_angle);
        world = vec2(a_position.x + c * lx - s * ly, a_position.y + s * lx + c * ly);
    }
    v_uv = vec2(right ? a_uv.z : a_uv.x, bottom ? a_uv.w : a_uv.y);
    v_colour = a_colour;
    gl_Position = u_projection * vec4(world, 0.0, 1.0);
}
