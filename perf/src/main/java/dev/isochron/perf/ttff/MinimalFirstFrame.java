package dev.isochron.perf.ttff;

import dev.isochron.engine.io.AtomicFileWriter;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGLCapabilities;
import org.lwjgl.opengl.GL;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.Locale;

import static org.lwjgl.egl.EGL10.*;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL12.eglBindAPI;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MAJOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MINOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_PROFILE_MASK;
import static org.lwjgl.opengl.GL33C.*;

/**
 * {@code java -cp isochron-perf.jar dev.isochron.perf.ttff.MinimalFirstFrame --width W --height H --report FILE}:
 * the least a JVM needs to put one frame on a headless GL target, as the reference for the demo's time to first
 * frame (issue 6: the demo's must be at most 1.2 times this, measured in the same run).
 * <p>
 * What it does is what {@code EglHeadlessContext} does, without anything else: LWJGL's GL functions resolved
 * through EGL, Mesa's surfaceless EGL display, an RGBA8 OpenGL 3.3 core context made current without a surface,
 * a framebuffer object of the given size (RGBA8 colour texture and a depth-stencil renderbuffer, as the engine's
 * {@code Framebuffer}), one {@code glClear}, and the frame ended as the headless engine ends it ({@code glFlush},
 * its {@code swapBuffers}).
 * <p>
 * Measured interval, matching the engine's {@code RunReport#markFirstFrameEnded} exactly: from the JVM's start
 * ({@code RuntimeMXBean#getStartTime}) to {@code System.currentTimeMillis()} right after that flush. The time after
 * a {@code glFinish} that follows is reported too ({@code timeToFinishedFrameMs}), outside the compared figure.
 * Writes a small JSON report with {@code timeToFirstFrameMs}, the same key as the run report. Exit status 0 on
 * success, 1 when the GL set-up fails (message on stderr), 2 for a bad command line.
 */
public final class MinimalFirstFrame
{
    /** {@code EGL_PLATFORM_SURFACELESS_MESA}; LWJGL 3.3.6 has no constant for it. */
    static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;

    private MinimalFirstFrame()
    {
    }

    /**
     * Runs the program and exits the JVM with its status.
     *
     * @param args {@code --width W --height H --report FILE}.
     */
    public static void main(final String[] args)
    {
        int width = 1280;
        int height = 720;
        Path report = null;
        try
        {
            for (int i = 0; i < args.length; i++)
            {
                final String arg = args[i];
                if (i + 1 >= args.length)
                {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                final String value = args[++i];
                switch (arg)
                {
                    case "--width": width = size(arg, value); break;
                    case "--height": height = size(arg, value); break;
                    case "--report": report = Path.of(value); break;
                    default: throw new IllegalArgumentException("unknown option '" + arg +
                        "', expected --width W --height H --report FILE");
                }
            }
            if (null == report)
            {
                throw new IllegalArgumentException("--report FILE is required");
            }
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("MinimalFirstFrame: " + ex.getMessage());
            System.exit(2);
            return;
        }
        try
        {
            AtomicFileWriter.writeString("first-frame report", report, firstFrame(width, height));
        }
        catch (final IOException ex)
        {
            System.err.println("MinimalFirstFrame: " + ex.getMessage());
            System.exit(1);
        }
        catch (final RuntimeException ex)
        {
            System.err.println("MinimalFirstFrame: " + ex);
            System.exit(1);
        }
    }

    static int size(final String option, final String value)
    {
        final int parsed;
        try
        {
            parsed = Integer.parseInt(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(option + " must be an integer in [16, 16384], was '" + value + "'", ex);
        }
        if (parsed < 16 || parsed > 16384)
        {
            throw new IllegalArgumentException(option + " must be in [16, 16384] pixels, was " + parsed);
        }
        return parsed;
    }

    /**
     * Creates the context, draws the one frame and measures it.
     *
     * @return the JSON report.
     * @throws IllegalStateException naming the EGL step that failed.
     */
    static String firstFrame(final int width, final int height)
    {
        Configuration.OPENGL_CONTEXT_API.set("EGL");
        final EGLCapabilities client = EGL.getCapabilities();
        final long getPlatformDisplay = client.eglGetPlatformDisplay != 0L ?
            client.eglGetPlatformDisplay : client.eglGetPlatformDisplayEXT;
        if (getPlatformDisplay == 0L)
        {
            throw new IllegalStateException("neither eglGetPlatformDisplay nor eglGetPlatformDisplayEXT is available");
        }
        // LWJGL's wrapper rejects the NULL native display that the surfaceless platform requires: call the pointer.
        final long display = JNI.callPPP(EGL_PLATFORM_SURFACELESS_MESA, 0L, 0L, getPlatformDisplay);
        if (display == EGL_NO_DISPLAY)
        {
            throw new IllegalStateException("eglGetPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA) failed: 0x" +
                Integer.toHexString(eglGetError()));
        }
        final long context;
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final IntBuffer major = stack.mallocInt(1);
            final IntBuffer minor = stack.mallocInt(1);
            check(eglInitialize(display, major, minor), "eglInitialize");
            EGL.createDisplayCapabilities(display, major.get(0), minor.get(0));
            check(eglBindAPI(EGL_OPENGL_API), "eglBindAPI(EGL_OPENGL_API)");
            final IntBuffer configAttributes = stack.ints(
                EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8,
                EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                EGL_SURFACE_TYPE, EGL_PBUFFER_BIT,
                EGL_NONE);
            final PointerBuffer configs = stack.mallocPointer(1);
            final IntBuffer count = stack.mallocInt(1);
            check(eglChooseConfig(display, configAttributes, configs, count) && count.get(0) > 0, "eglChooseConfig");
            final IntBuffer contextAttributes = stack.ints(
                EGL_CONTEXT_MAJOR_VERSION, 3,
                EGL_CONTEXT_MINOR_VERSION, 3,
                EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                EGL_NONE);
            context = eglCreateContext(display, configs.get(0), EGL_NO_CONTEXT, contextAttributes);
            check(context != EGL_NO_CONTEXT, "eglCreateContext(OpenGL 3.3 core)");
        }
        check(eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context), "eglMakeCurrent");
        GL.createCapabilities();

        final int framebuffer = glGenFramebuffers();
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        final int color = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, color);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, (ByteBuffer)null);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color, 0);
        final int depthStencil = glGenRenderbuffers();
        glBindRenderbuffer(GL_RENDERBUFFER, depthStencil);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depthStencil);
        final int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        check(status == GL_FRAMEBUFFER_COMPLETE, "framebuffer " + width + "x" + height + " complete (status 0x" +
            Integer.toHexString(status) + ")");
        glViewport(0, 0, width, height);

        glClearColor(0.1f, 0.1f, 0.12f, 1f);
        glClear(GL_COLOR_BUFFER_BIT);
        glFlush();
        final long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        final long firstFrameEndedMs = System.currentTimeMillis();
        glFinish();
        final long finishedMs = System.currentTimeMillis();

        final String renderer = glGetString(GL_RENDERER);
        final String version = glGetString(GL_VERSION);
        glDeleteRenderbuffers(depthStencil);
        glDeleteTextures(color);
        glDeleteFramebuffers(framebuffer);
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display, context);
        eglTerminate(display);
        return String.format(Locale.ROOT, "{\"scene\": \"ttff-minimal\", \"mode\": \"minimal\", \"width\": %d, " +
            "\"height\": %d, \"headless\": true, \"glRenderer\": %s, \"glVersion\": %s, \"java\": %s, " +
            "\"timeToFirstFrameMs\": %d.0, \"timeToFinishedFrameMs\": %d.0}%n", width, height, quote(renderer),
            quote(version), quote(System.getProperty("java.version")), firstFrameEndedMs - jvmStartMs,
            finishedMs - jvmStartMs);
    }

    private static void check(final boolean ok, final String step)
    {
        if (!ok)
        {
            throw new IllegalStateException("headless EGL: " + step + " failed (EGL error 0x" +
                Integer.toHexString(eglGetError()) + "); install libegl1 libegl-mesa0 libgl1-mesa-dri");
        }
    }

    static String quote(final String text)
    {
        if (null == text)
        {
            return "null";
        }
        final StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                quoted.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
            }
            else
            {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
