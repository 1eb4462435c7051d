package dev.isochron.render.context;

import dev.isochron.render.natives.NativeLoading;
import org.lwjgl.egl.EGL;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.FunctionProvider;

import java.nio.ByteBuffer;

/**
 * LWJGL's one GL function provider for the process, which looks each function up through the API of the context that
 * is creating its capabilities: a window's through GLFW ({@code glfwGetProcAddress}, which asks GLX, WGL, NSGL or EGL,
 * whichever the window's context was made with), a headless context's through EGL. Each context's
 * {@link GLCapabilities} then hold pointers valid for that context, whatever API another context of the process uses.
 * <p>
 * Lookups happen only inside {@link #createCapabilities}, under {@link NativeLoading}'s lock, which also guards the
 * source field; a lookup at any other time is a bug and throws. Start-up only.
 */
final class GlFunctions implements FunctionProvider
{
    /** Where a context's GL functions are looked up. */
    enum Source
    {
        /** {@code glfwGetProcAddress}, for a GLFW window's context; needs it current on the calling thread. */
        GLFW,
        /** LWJGL's EGL function provider ({@code eglGetProcAddress}), for a headless context. */
        EGL
    }

    /** The provider given to LWJGL's {@code GL.create} by {@link GlPlatform#configureOnce()}. */
    static final GlFunctions PROVIDER = new GlFunctions();

    private Source source;

    private GlFunctions()
    {
    }

    /**
     * Creates the GL capabilities of the context current on the calling thread, looking its functions up through
     * {@code source}; under the native-loading lock (a driver may load code on a first lookup).
     */
    static GLCapabilities createCapabilities(final Source source)
    {
        return NativeLoading.call(() ->
        {
            PROVIDER.source = source;
            try
            {
                return GL.createCapabilities();
            }
            finally
            {
                PROVIDER.source = null;
            }
        });
    }

    @Override
    public long getFunctionAddress(final ByteBuffer functionName)
    {
        final Source current = source;
        if (Source.GLFW == current)
        {
            return GLFW.glfwGetProcAddress(functionName);
        }
        if (Source.EGL == current)
        {
            return EGL.getFunctionProvider().getFunctionAddress(functionName);
        }
        throw new IllegalStateException("a GL function was looked up outside a context's capability creation: " +
            "make the context current and let GlSession create its capabilities (GlFunctions.createCapabilities)");
    }
}
