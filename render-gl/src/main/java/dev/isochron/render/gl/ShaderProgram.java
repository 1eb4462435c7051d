package dev.isochron.render.gl;

import org.joml.Matrix4fc;
import org.lwjgl.system.MemoryUtil;

import java.nio.FloatBuffer;

import static org.lwjgl.opengl.GL20C.*;

/**
 * A linked GLSL program built from vertex and fragment (optionally geometry) sources, given as strings or
 * classpath resources.
 * <p>
 * Errors are meant to be read once and fixed: a compile error names the program and the stage, gives the
 * driver's info log and quotes each source line the log points at (Mesa's {@code 0:12(3): error:} and the
 * {@code 0(12) :} form of other drivers are parsed); a link error names the program and gives the log.
 * <p>
 * Uniforms: look locations up once at init ({@link #uniformLocation(String)}); the per-frame setters take the
 * int location and ints, floats or a JOML {@link Matrix4fc}, written through a 16-float buffer the program
 * owns, so they allocate nothing. Setters act on the program in use ({@link #use()}).
 * <p>
 * Threads: render thread. Lifetime: until {@link #close()}; tracked by the context's {@link GlObjectRegistry}.
 * After {@code close()} every method but {@link #name()}, {@code toString()} and {@code close()} throws
 * {@link IllegalStateException} ("used after close()"): the program is deleted and the matrix memory the setters
 * write is freed. The check is a field read, so the setters stay allocation-free.
 */
public final class ShaderProgram implements AutoCloseable
{

    private final String name;
    private final GlObjectRegistry registry;
    private final int program;
    private final FloatBuffer matrix;
    private boolean closed;

    private ShaderProgram(final String name, final String vertexSource, final String geometrySource,
        final String fragmentSource)
    {
        this.registry = GlObjectRegistry.current();
        this.program = ShaderCompiler.link(name, registry, vertexSource, geometrySource, fragmentSource);
        this.name = name;
        this.matrix = MemoryUtil.memAllocFloat(16);
    }

    /**
     * Compiles and links a program from vertex and fragment sources.
     *
     * @param name names the program in errors and leak reports, e.g. {@code "sprite"}.
     * @throws ShaderCompileException naming the program, the stage, the log and the offending lines.
     */
    public static ShaderProgram fromSources(final String name, final String vertexSource, final String fragmentSource)
    {
        return new ShaderProgram(name, vertexSource, null, fragmentSource);
    }

    /**
     * Compiles and links a program from vertex, geometry and fragment sources.
     *
     * @throws ShaderCompileException naming the program, the stage, the log and the offending lines.
     */
    public static ShaderProgram fromSources(
        final String name, final String vertexSource, final String geometrySource, final String fragmentSource)
    {
        return new ShaderProgram(name, vertexSource, geometrySource, fragmentSource);
    }

    /**
     * Compiles and links a program from UTF-8 classpath resources, e.g. {@code "shaders/sprite.vert"}.
     *
     * @throws UncheckedIOException    naming a resource that is not found or cannot be read.
     * @throws ShaderCompileException naming the program, the stage, the log and the offending lines.
     */
    public static ShaderProgram fromResources(final String name, final String vertexResource,
        final String fragmentResource)
    {
        return new ShaderProgram(name, readResource(vertexResource), null, readResource(fragmentResource));
    }

    /** @return the text of a UTF-8 classpath resource (leading '/' optional). */
    public static String readResource(final String resource)
    {
        return ShaderCompiler.readResource(resource);
    }

    /** Makes this the program in use. Allocation-free. */
    public void use()
    {
        checkOpen();
        glUseProgram(program);
    }

    /**
     * Looks up an active uniform; call at init and keep the int.
     *
     * @throws IllegalArgumentException naming the uniform and program when it is not active (absent, or
     *                                  optimised away because unused).
     */
    public int uniformLocation(final String uniform)
    {
        checkOpen();
        final int location = glGetUniformLocation(program, uniform);
        if (location < 0)
        {
            throw ShaderCompiler.uniformNotActive(uniform, name);
        }
        return location;
    }

    /** @return the uniform's location, or -1 when it is not active (setters ignore -1). */
    public int optionalUniformLocation(final String uniform)
    {
        checkOpen();
        return glGetUniformLocation(program, uniform);
    }

    /** @return the location of a vertex attribute, or -1 when it is not active. */
    public int attributeLocation(final String attribute)
    {
        checkOpen();
        return glGetAttribLocation(program, attribute);
    }

    /** Sets an int or sampler uniform of the program in use. Allocation-free. */
    public void setInt(final int location, final int value)
    {
        checkOpen();
        glUniform1i(location, value);
    }

    /** Sets a float uniform of the program in use. Allocation-free. */
    public void setFloat(final int location, final float value)
    {
        checkOpen();
        glUniform1f(location, value);
    }

    /** Sets a vec2 uniform of the program in use. Allocation-free. */
    public void setVec2(final int location, final float x, final float y)
    {
        checkOpen();
        glUniform2f(location, x, y);
    }

    /** Sets a vec3 uniform of the program in use. Allocation-free. */
    public void setVec3(final int location, final float x, final float y, final float z)
    {
        checkOpen();
        glUniform3f(location, x, y, z);
    }

    /** Sets a vec4 uniform of the program in use. Allocation-free. */
    public void setVec4(final int location, final float x, final float y, final float z, final float w)
    {
        checkOpen();
        glUniform4f(location, x, y, z, w);
    }

    /** Sets a mat4 uniform of the program in use from a JOML matrix (column-major). Allocation-free. */
    public void setMatrix4(final int location, final Matrix4fc value)
    {
        checkOpen();
        value.get(0, matrix);
        nglUniformMatrix4fv(location, 1, false, MemoryUtil.memAddress(matrix));
        GlErrors.checkInDebug(ShaderCompiler.UNIFORM_MATRIX4FV);
    }

    /** @return the GL program name. */
    public int programName()
    {
        checkOpen();
        return program;
    }

    /** @return the name given at creation. */
    public String name()
    {
        return name;
    }

    /** Deletes the program and frees the matrix memory; later calls do nothing. */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        ShaderCompiler.deleteProgram(registry, program);
        MemoryUtil.memFree(matrix);
    }

    public String toString()
    {
        return ShaderCompiler.describe(name, program);
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw ShaderCompiler.usedAfterClose(name);
        }
    }
}
