package dev.isochron.render.gl;

import org.joml.Matrix4fc;
import org.lwjgl.system.MemoryUtil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.lwjgl.opengl.GL20C.*;
import static org.lwjgl.opengl.GL32C.GL_GEOMETRY_SHADER;

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
 */
public final class ShaderProgram implements AutoCloseable
{
    private static final Pattern MESA_LINE = Pattern.compile("^\\s*\\d+:(\\d+)\\(\\d+\\)");
    private static final Pattern NVIDIA_LINE = Pattern.compile("^\\s*\\d+\\((\\d+)\\)\\s*:");
    private static final Pattern GENERIC_LINE = Pattern.compile("^\\s*(?:ERROR|WARNING):\\s*\\d+:(\\d+):");

    private final String name;
    private final GlObjectRegistry registry;
    private final int program;
    private final FloatBuffer matrix;
    private boolean closed;

    private ShaderProgram(final String name, final String vertexSource, final String geometrySource,
        final String fragmentSource)
    {
        if (name == null || vertexSource == null || fragmentSource == null)
        {
            throw new IllegalArgumentException("shader program name, vertex and fragment sources must not be null, " +
                "was name=" + name);
        }
        this.name = name;
        this.registry = GlObjectRegistry.current();
        final int vertex = compile(name, registry, GL_VERTEX_SHADER, "vertex", vertexSource);
        int geometry = 0;
        int fragment = 0;
        int linked = 0;
        try
        {
            if (geometrySource != null)
            {
                geometry = compile(name, registry, GL_GEOMETRY_SHADER, "geometry", geometrySource);
            }
            fragment = compile(name, registry, GL_FRAGMENT_SHADER, "fragment", fragmentSource);
            linked = glCreateProgram();
            registry.register(GlObjectType.PROGRAM, linked, name);
            glAttachShader(linked, vertex);
            if (geometry != 0)
            {
                glAttachShader(linked, geometry);
            }
            glAttachShader(linked, fragment);
            glLinkProgram(linked);
            if (glGetProgrami(linked, GL_LINK_STATUS) != GL_TRUE)
            {
                final String log = glGetProgramInfoLog(linked).trim();
                throw new ShaderCompileException(name, "link", log,
                    "shader program '" + name + "' failed to link: " + log);
            }
            glDetachShader(linked, vertex);
            if (geometry != 0)
            {
                glDetachShader(linked, geometry);
            }
            glDetachShader(linked, fragment);
        }
        catch (final RuntimeException ex)
        {
            if (linked != 0)
            {
                deleteProgram(registry, linked);
            }
            throw ex;
        }
        finally
        {
            deleteShader(registry, vertex);
            if (geometry != 0)
            {
                deleteShader(registry, geometry);
            }
            if (fragment != 0)
            {
                deleteShader(registry, fragment);
            }
        }
        this.program = linked;
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
        final String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null)
        {
            loader = ShaderProgram.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(path))
        {
            if (in == null)
            {
                throw new UncheckedIOException(new IOException("shader resource '" + resource +
                    "' not found on the classpath"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(new IOException("shader resource '" + resource + "' cannot be read: " +
                ex.getMessage(), ex));
        }
    }

    /** Makes this the program in use. Allocation-free. */
    public void use()
    {
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
        final int location = glGetUniformLocation(program, uniform);
        if (location < 0)
        {
            throw new IllegalArgumentException("uniform '" + uniform + "' is not active in shader program '" + name +
                "' (misspelt, or unused and removed by the compiler)");
        }
        return location;
    }

    /** @return the uniform's location, or -1 when it is not active (setters ignore -1). */
    public int optionalUniformLocation(final String uniform)
    {
        return glGetUniformLocation(program, uniform);
    }

    /** @return the location of a vertex attribute, or -1 when it is not active. */
    public int attributeLocation(final String attribute)
    {
        return glGetAttribLocation(program, attribute);
    }

    /** Sets an int or sampler uniform of the program in use. Allocation-free. */
    public void setInt(final int location, final int value)
    {
        glUniform1i(location, value);
    }

    /** Sets a float uniform of the program in use. Allocation-free. */
    public void setFloat(final int location, final float value)
    {
        glUniform1f(location, value);
    }

    /** Sets a vec2 uniform of the program in use. Allocation-free. */
    public void setVec2(final int location, final float x, final float y)
    {
        glUniform2f(location, x, y);
    }

    /** Sets a vec3 uniform of the program in use. Allocation-free. */
    public void setVec3(final int location, final float x, final float y, final float z)
    {
        glUniform3f(location, x, y, z);
    }

    /** Sets a vec4 uniform of the program in use. Allocation-free. */
    public void setVec4(final int location, final float x, final float y, final float z, final float w)
    {
        glUniform4f(location, x, y, z, w);
    }

    /** Sets a mat4 uniform of the program in use from a JOML matrix (column-major). Allocation-free. */
    public void setMatrix4(final int location, final Matrix4fc value)
    {
        value.get(0, matrix);
        nglUniformMatrix4fv(location, 1, false, MemoryUtil.memAddress(matrix));
        GlErrors.checkInDebug("glUniformMatrix4fv");
    }

    /** @return the GL program name. */
    public int programName()
    {
        return program;
    }

    /** @return the name given at creation. */
    public String name()
    {
        return name;
    }

    /** Deletes the program; later calls do nothing. */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        deleteProgram(registry, program);
        MemoryUtil.memFree(matrix);
    }

    public String toString()
    {
        return "ShaderProgram{'" + name + "', program=" + program + '}';
    }

    private static int compile(final String name, final GlObjectRegistry registry, final int type, final String stage,
        final String source)
    {
        final int shader = glCreateShader(type);
        registry.register(GlObjectType.SHADER, shader, name + " (" + stage + ")");
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) != GL_TRUE)
        {
            final String log = glGetShaderInfoLog(shader).trim();
            deleteShader(registry, shader);
            throw new ShaderCompileException(name, stage, log, describeCompileError(name, stage, log, source));
        }
        return shader;
    }

    /**
     * @return {@code "shader 'sprite' (fragment) failed to compile: <log>"} followed by each source line the log
     * points at, as {@code "  line 12: <source>"}.
     */
    static String describeCompileError(final String name, final String stage, final String log, final String source)
    {
        final StringBuilder message = new StringBuilder();
        message.append("shader '").append(name).append("' (").append(stage).append(") failed to compile: ").append(log);
        final String[] sourceLines = source.split("\r?\n", -1);
        final String[] logLines = log.split("\r?\n");
        int lastQuoted = -1;
        for (final String logLine : logLines)
        {
            final int line = lineNumber(logLine);
            if (line >= 1 && line <= sourceLines.length && line != lastQuoted)
            {
                message.append("\n  line ").append(line).append(": ").append(sourceLines[line - 1].trim());
                lastQuoted = line;
            }
        }
        return message.toString();
    }

    private static int lineNumber(final String logLine)
    {
        Matcher matcher = MESA_LINE.matcher(logLine);
        if (!matcher.find())
        {
            matcher = NVIDIA_LINE.matcher(logLine);
            if (!matcher.find())
            {
                matcher = GENERIC_LINE.matcher(logLine);
                if (!matcher.find())
                {
                    return -1;
                }
            }
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static void deleteShader(final GlObjectRegistry registry, final int shader)
    {
        glDeleteShader(shader);
        registry.remove(GlObjectType.SHADER, shader);
    }

    private static void deleteProgram(final GlObjectRegistry registry, final int program)
    {
        glDeleteProgram(program);
        registry.remove(GlObjectType.PROGRAM, program);
    }
}
