package dev.isochron.render.gl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.lwjgl.opengl.GL20C.*;
import static org.lwjgl.opengl.GL32C.GL_GEOMETRY_SHADER;

/**
 * The cold half of {@link ShaderProgram}: compiling, linking, reading sources and every error message.
 * <p>
 * Why a class of its own: HotSpot resolves all String literals of a class on the thread whose call requests the
 * class's first C2 compile ({@code CompileBroker::compile_method}). {@link ShaderProgram#setMatrix4} runs every
 * frame on the render thread and reaches C2 a few thousand frames in; while the error messages lived in
 * {@code ShaderProgram}, that compile allocated their 936 bytes on the render thread inside a measured window.
 * Here they are resolved only when a program is built or fails. {@code ShaderProgramConstantPoolTest} keeps
 * {@code ShaderProgram} free of String constants.
 * <p>
 * Threads: render thread (GL calls), any thread for {@link #readResource} and {@link #describeCompileError}.
 */
final class ShaderCompiler
{
    /** The GL call {@link ShaderProgram#setMatrix4} names in debug mode; a field, so ShaderProgram has no literal. */
    static final String UNIFORM_MATRIX4FV = new String("glUniformMatrix4fv");

    private static final Pattern MESA_LINE = Pattern.compile("^\\s*\\d+:(\\d+)\\(\\d+\\)");
    private static final Pattern NVIDIA_LINE = Pattern.compile("^\\s*\\d+\\((\\d+)\\)\\s*:");
    private static final Pattern GENERIC_LINE = Pattern.compile("^\\s*(?:ERROR|WARNING):\\s*\\d+:(\\d+):");

    private ShaderCompiler()
    {
    }

    /**
     * Compiles the stages and links them into a program registered under {@code name}.
     *
     * @return the GL program name.
     * @throws ShaderCompileException naming the program, the stage, the log and the offending lines.
     */
    static int link(final String name, final GlObjectRegistry registry, final String vertexSource,
        final String geometrySource, final String fragmentSource)
    {
        if (name == null || vertexSource == null || fragmentSource == null)
        {
            throw new IllegalArgumentException("shader program name, vertex and fragment sources must not be null, " +
                "was name=" + name);
        }
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
        return linked;
    }

    /** @return the exception for a uniform that is not active in program {@code name}. */
    static IllegalArgumentException uniformNotActive(final String uniform, final String name)
    {
        return new IllegalArgumentException("uniform '" + uniform + "' is not active in shader program '" + name +
            "' (misspelt, or unused and removed by the compiler)");
    }

    /** @return the program's description for {@code toString}. */
    /** The error of a {@link ShaderProgram} method called after its {@code close()}. */
    static String user(final String name)
    {
        return "ShaderProgram '" + name + "'";
    }

    static String matrixMemoryName(final String name)
    {
        return "ShaderProgram '" + name + "' uniform matrix memory";
    }

    static IllegalStateException usedAfterClose(final String name)
    {
        return new IllegalStateException("ShaderProgram '" + name + "' used after close(): the program is deleted " +
            "and its uniform memory freed");
    }

    static String describe(final String name, final int program)
    {
        return "ShaderProgram{'" + name + "', program=" + program + '}';
    }

    /** @return the text of a UTF-8 classpath resource (leading '/' optional). */
    static String readResource(final String resource)
    {
        final String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null)
        {
            loader = ShaderCompiler.class.getClassLoader();
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

    static void deleteProgram(final GlObjectRegistry registry, final int program)
    {
        glDeleteProgram(program);
        registry.remove(GlObjectType.PROGRAM, program);
    }
}
