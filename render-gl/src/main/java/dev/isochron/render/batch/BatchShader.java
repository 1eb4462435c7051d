package dev.isochron.render.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.lwjgl.opengl.GL20.GL_COMPILE_STATUS;
import static org.lwjgl.opengl.GL20.GL_FRAGMENT_SHADER;
import static org.lwjgl.opengl.GL20.GL_LINK_STATUS;
import static org.lwjgl.opengl.GL20.GL_VERTEX_SHADER;
import static org.lwjgl.opengl.GL20.glAttachShader;
import static org.lwjgl.opengl.GL20.glCompileShader;
import static org.lwjgl.opengl.GL20.glCreateProgram;
import static org.lwjgl.opengl.GL20.glCreateShader;
import static org.lwjgl.opengl.GL20.glDeleteProgram;
import static org.lwjgl.opengl.GL20.glDeleteShader;
import static org.lwjgl.opengl.GL20.glDetachShader;
import static org.lwjgl.opengl.GL20.glGetProgramInfoLog;
import static org.lwjgl.opengl.GL20.glGetProgrami;
import static org.lwjgl.opengl.GL20.glGetShaderInfoLog;
import static org.lwjgl.opengl.GL20.glGetShaderi;
import static org.lwjgl.opengl.GL20.glLinkProgram;
import static org.lwjgl.opengl.GL20.glShaderSource;

/**
 * Builds the batch shader program from the GLSL sources in
 * {@code dev/isochron/render/shaders/}. Compile and link failures throw naming the stage, the
 * driver's log and the offending source line. Start-up only, on the thread owning the context.
 */
final class BatchShader
{
    static final String VERTEX = "batch.vert";
    static final String FRAGMENT = "batch.frag";
    private static final String RESOURCE_DIR = "/dev/isochron/render/shaders/";

    private BatchShader()
    {
    }

    /** @return the linked program's GL name. */
    static int link()
    {
        return link(VERTEX, source(VERTEX), FRAGMENT, source(FRAGMENT));
    }

    static int link(final String vertexName, final String vertexSource, final String fragmentName, final String fragmentSource)
    {
        final int vertex = compile(GL_VERTEX_SHADER, vertexName, vertexSource);
        final int fragment;
        try
        {
            fragment = compile(GL_FRAGMENT_SHADER, fragmentName, fragmentSource);
        }
        catch (final RuntimeException ex)
        {
            glDeleteShader(vertex);
            throw ex;
        }
        final int program = glCreateProgram();
        glAttachShader(program, vertex);
        glAttachShader(program, fragment);
        glLinkProgram(program);
        glDetachShader(program, vertex);
        glDetachShader(program, fragment);
        glDeleteShader(vertex);
        glDeleteShader(fragment);
        if (glGetProgrami(program, GL_LINK_STATUS) == 0)
        {
            final String log = glGetProgramInfoLog(program).trim();
            glDeleteProgram(program);
            throw new IllegalStateException("shader program " + vertexName + " + " + fragmentName +
                " failed to link: " + log);
        }
        return program;
    }

    static String source(final String name)
    {
        try (InputStream in = BatchShader.class.getResourceAsStream(RESOURCE_DIR + name))
        {
            if (in == null)
            {
                throw new IllegalStateException("shader source " + RESOURCE_DIR + name +
                    " is missing from the class path (is the render-gl jar complete?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("shader source " + RESOURCE_DIR + name + " cannot be read: " + ex, ex);
        }
    }

    private static int compile(final int stage, final String name, final String source)
    {
        final int shader = glCreateShader(stage);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == 0)
        {
            final String log = glGetShaderInfoLog(shader).trim();
            glDeleteShader(shader);
            throw new IllegalStateException("shader " + name + " failed to compile: " + log + lineOf(log, source));
        }
        return shader;
    }

    /** Quotes the source line a Mesa/NVIDIA-style log ("0:12(3): error" or "0(12) : error") names. */
    static String lineOf(final String log, final String source)
    {
        int line = -1;
        final int colon = log.indexOf("0:");
        final int paren = log.indexOf("0(");
        final int start = colon >= 0 && (paren < 0 || colon < paren) ? colon + 2 : paren >= 0 ? paren + 2 : -1;
        if (start >= 0)
        {
            int end = start;
            while (end < log.length() && Character.isDigit(log.charAt(end)))
            {
                end++;
            }
            if (end > start)
            {
                line = Integer.parseInt(log.substring(start, end));
            }
        }
        final String[] lines = source.split("\n", -1);
        if (line < 1 || line > lines.length)
        {
            return "";
        }
        return " (line " + line + ": '" + lines[line - 1].trim() + "')";
    }
}
