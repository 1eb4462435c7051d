package dev.isochron.render.pass;

import dev.isochron.render.gl.ShaderProgram;

/**
 * A program a pass draws its batches with, in place of the runtime's batch program. It takes the batch's vertex
 * layout ({@link dev.isochron.render.batch.QuadVertexLayout}): {@code layout(location = 0) in vec2 a_position},
 * {@code location = 1 in vec2 a_uv}, {@code location = 2 in vec4 a_colour} (normalised bytes), and the uniforms
 * {@code mat4 u_projection} (set to the pass's projection) and {@code sampler2D u_texture} (texture unit 0, the run's
 * texture); either may be left out. Its own uniforms are set per pass and frame through handles
 * ({@link RenderPass#uniform(String)}). A pass with a shader draws its sprites as vertices, never as instance records.
 * <p>
 * Made by {@code Init.createShader} (the runtime compiles it and closes it at the end of the run) or, for a caller
 * driving a backend itself, by the constructor. Without GL (the null renderer) there is no program: uniform names are
 * then accepted unchecked.
 */
public final class PassShader
{
    private final String name;
    private final ShaderProgram program;
    int id = -1;

    /**
     * @param name    names it in errors.
     * @param program the linked program, or null without GL.
     */
    public PassShader(final String name, final ShaderProgram program)
    {
        if (null == name)
        {
            throw Messages.noName();
        }
        this.name = name;
        this.program = program;
    }

    /** @return the name. */
    public String name()
    {
        return name;
    }

    /** @return the program, or null without GL. */
    public ShaderProgram program()
    {
        return program;
    }

    /**
     * @return the location of the active uniform {@code uniform}, or -1 without GL.
     * @throws IllegalArgumentException naming the uniform and the shader, when the program has no such active
     *                                  uniform.
     */
    int location(final String uniform)
    {
        if (null == program)
        {
            return -1;
        }
        final int location = program.optionalUniformLocation(uniform);
        if (location < 0)
        {
            throw Messages.noSuchUniform(name, uniform);
        }
        return location;
    }

    public String toString()
    {
        return Messages.describe(name);
    }

    /** The messages, in a class of their own so that PassShader holds no String constant (frame path). */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException noName()
        {
            return new IllegalArgumentException("a pass shader needs a name");
        }

        static IllegalArgumentException noSuchUniform(final String name, final String uniform)
        {
            return new IllegalArgumentException("shader '" + name + "' has no active uniform '" + uniform +
                "': declare it in the shader and use it (the compiler removes an unused one), or fix the name");
        }

        static String describe(final String name)
        {
            return "PassShader[" + name + "]";
        }
    }
}
