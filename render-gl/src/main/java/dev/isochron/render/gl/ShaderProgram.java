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
 * <p>
 * Checking mode (the context's, {@link GlObjectRegistry#checked()}): every method that calls GL first checks that the
 * calling thread owns the context, and the matrix memory has guard bands, verified after every
 * {@link #setMatrix4} and at {@link #close()}.
 */
public final class ShaderProgram implements AutoCloseable
{

    private final String name;
    private final GlObjectRegistry registry;
    private final boolean checked;
    private final String user;
    private final int program;
    private final NativeBlock matrixMemory;
    private final FloatBuffer matrix;
    private boolean closed;

    private ShaderProgram(final String name, final String vertexSource, final String geometrySource,
        final String fragmentSource)
    {
        this.registry = GlObjectRegistry.current();
        this.checked = registry.checked();
        this.user = ShaderCompiler.user(name);
        this.program = ShaderCompiler.link(name, registry, vertexSource, geometrySource, fragmentSource);
        this.name = name;
        this.matrixMemory = NativeBlock.allocate(ShaderCompiler.matrixMemoryName(name), 16 * Float.BYTES, 16, false,
            checked);
        this.matrix = MemoryUtil.memFloatBuffer(matrixMemory.address(), 16);
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
        checkGlCall();
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
        checkGlCall();
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
        checkGlCall();
        return glGetUniformLocation(program, uniform);
    }

    /** @return the location of a vertex attribute, or -1 when it is not active. */
    public int attributeLocation(final String attribute)
    {
        checkGlCall();
        return glGetAttribLocation(program, attribute);
    }

    /** Sets an int or sampler uniform of the program in use. Allocation-free. */
    public void setInt(final int location, final int value)
    {
        checkGlCall();
        glUniform1i(location, value);
    }

    /** Sets a float uniform of the program in use. Allocation-free. */
    public void setFloat(final int location, final float value)
    {
        checkGlCall();
        glUniform1f(location, value);
    }

    /** Sets a vec2 uniform of the program in use. Allocation-free. */
    public void setVec2(final int location, final float x, final float y)
    {
        checkGlCall();
        glUniform2f(location, x, y);
    }

    /** Sets a vec3 uniform of the program in use. Allocation-free. */
    public void setVec3(final int location, final float x, final float y, final float z)
    {
        checkGlCall();
        glUniform3f(location, x, y, z);
    }

    /** Sets a vec4 uniform of the program in use. Allocation-free. */
    public void setVec4(final int location, final float x, final float y, final float z, final float w)
    {
        checkGlCall();
        glUniform4f(location, x, y, z, w);
    }

    /** Sets a mat4 uniform of the program in use from a JOML matrix (column-major). Allocation-free. */
    public void setMatrix4(final int location, final Matrix4fc value)
    {
        checkGlCall();
        value.get(0, matrix);
        if (checked)
        {
            matrixMemory.verify();
        }
        nglUniformMatrix4fv(location, 1, false, matrixMemory.address());
        GlErrors.checkInDebug(ShaderCompiler.UNIFORM_MATRIX4FV);
    }

    /** @return the GL program name. */
    public int programName()
    {
        checkOpen();
        return program;
    }

    /** For tests of the guard bands: where {@link #setMatrix4} writes its 16 floats. */
    long matrixAddress()
    {
        return matrixMemory.address();
    }

    /** @return the name given at creation. */
    public String name()
    {
        return name;
    }

    /**
     * Deletes the program and frees the matrix memory; later calls do nothing. In checking mode the matrix memory's
     * guard bands are verified first (it is freed either way).
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            ShaderCompiler.deleteProgram(registry, program);
        }
        finally
        {
            matrixMemory.free();
        }
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

    /** Closed first; in checking mode, also the calling thread's ownership of the context. Allocation-free. */
    private void checkGlCall()
    {
        checkOpen();
        if (checked)
        {
            registry.checkOwner(user);
        }
    }
}
