package dev.isochron.render.context;

import dev.isochron.render.natives.NativeLibrary;
import dev.isochron.render.natives.NativeLoading;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGLCapabilities;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

import java.nio.IntBuffer;

import static org.lwjgl.egl.EGL10.*;
import static org.lwjgl.egl.EGL11.EGL_CONTEXT_LOST;

/**
 * The process's Mesa surfaceless EGL display, shared by every headless context and reference counted:
 * {@code eglGetPlatformDisplay} returns the same display for the same arguments, and {@code eglTerminate}
 * would destroy every context on it, so it is terminated only when the last context releases it.
 * Thread-safe (setup and teardown only).
 */
final class EglDisplay
{
    /** {@code EGL_PLATFORM_SURFACELESS_MESA}; LWJGL 3.3.6 has no constant for it. */
    static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;

    private static long display;
    private static int references;
    private static String version;

    private EglDisplay()
    {
    }

    /** @return the initialised display, adding one reference; under the native-loading lock (Mesa loads its driver). */
    static long acquire()
    {
        return NativeLoading.call(EglDisplay::acquireLocked);
    }

    private static synchronized long acquireLocked()
    {
        if (references == 0)
        {
            display = open();
        }
        references++;
        return display;
    }

    /** Drops one reference; terminates the display with the last, under the native-loading lock (Mesa unloads). */
    static void release()
    {
        NativeLoading.run(EglDisplay::releaseLocked);
    }

    private static synchronized void releaseLocked()
    {
        if (references <= 0)
        {
            throw new IllegalStateException("EGL display released more often than acquired");
        }
        references--;
        if (references == 0)
        {
            eglTerminate(display);
            display = 0L;
        }
    }

    /** @return {@code "major.minor"} of the EGL implementation, once acquired. */
    static synchronized String version()
    {
        return version;
    }

    private static long open()
    {
        final EGLCapabilities client;
        try
        {
            NativeLoading.preload(NativeLibrary.EGL_LIBRARY);
            client = EGL.getCapabilities();
        }
        catch (final Throwable ex)
        {
            throw new GlContextException("headless EGL: cannot load libEGL.so.1 (" + ex + "); install " +
                GlPlatform.INSTALL_HINT, ex);
        }
        final String extensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
        if (extensions == null || !extensions.contains("EGL_MESA_platform_surfaceless"))
        {
            throw new GlContextException("headless EGL: the EGL client has no EGL_MESA_platform_surfaceless " +
                "extension (client extensions: " + extensions + "); install Mesa's EGL: " + GlPlatform.INSTALL_HINT);
        }
        final long getPlatformDisplay = client.eglGetPlatformDisplay != 0L ?
            client.eglGetPlatformDisplay : client.eglGetPlatformDisplayEXT;
        if (getPlatformDisplay == 0L)
        {
            throw new GlContextException("headless EGL: neither eglGetPlatformDisplay (EGL 1.5) nor " +
                "eglGetPlatformDisplayEXT is available; install " + GlPlatform.INSTALL_HINT);
        }
        // LWJGL's wrapper rejects the NULL native display that the surfaceless platform requires: call the pointer.
        final long dpy = JNI.callPPP(EGL_PLATFORM_SURFACELESS_MESA, 0L, 0L, getPlatformDisplay);
        if (dpy == EGL_NO_DISPLAY)
        {
            throw new GlContextException("headless EGL: eglGetPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA) failed: " +
                eglErrorName(eglGetError()) + "; install " + GlPlatform.INSTALL_HINT);
        }
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final IntBuffer major = stack.mallocInt(1);
            final IntBuffer minor = stack.mallocInt(1);
            if (!eglInitialize(dpy, major, minor))
            {
                throw new GlContextException("headless EGL: eglInitialize on the surfaceless display failed: " +
                    eglErrorName(eglGetError()) + "; install the Mesa DRI drivers: " + GlPlatform.INSTALL_HINT);
            }
            EGL.createDisplayCapabilities(dpy, major.get(0), minor.get(0));
            version = major.get(0) + "." + minor.get(0);
        }
        return dpy;
    }

    /** @return the symbolic name of an EGL error code, with its value. */
    static String eglErrorName(final int error)
    {
        final String name;
        switch (error)
        {
            case EGL_SUCCESS: name = "EGL_SUCCESS"; break;
            case EGL_NOT_INITIALIZED: name = "EGL_NOT_INITIALIZED"; break;
            case EGL_BAD_ACCESS: name = "EGL_BAD_ACCESS"; break;
            case EGL_BAD_ALLOC: name = "EGL_BAD_ALLOC"; break;
            case EGL_BAD_ATTRIBUTE: name = "EGL_BAD_ATTRIBUTE"; break;
            case EGL_BAD_CONFIG: name = "EGL_BAD_CONFIG"; break;
            case EGL_BAD_CONTEXT: name = "EGL_BAD_CONTEXT"; break;
            case EGL_BAD_CURRENT_SURFACE: name = "EGL_BAD_CURRENT_SURFACE"; break;
            case EGL_BAD_DISPLAY: name = "EGL_BAD_DISPLAY"; break;
            case EGL_BAD_MATCH: name = "EGL_BAD_MATCH"; break;
            case EGL_BAD_NATIVE_PIXMAP: name = "EGL_BAD_NATIVE_PIXMAP"; break;
            case EGL_BAD_NATIVE_WINDOW: name = "EGL_BAD_NATIVE_WINDOW"; break;
            case EGL_BAD_PARAMETER: name = "EGL_BAD_PARAMETER"; break;
            case EGL_BAD_SURFACE: name = "EGL_BAD_SURFACE"; break;
            case EGL_CONTEXT_LOST: name = "EGL_CONTEXT_LOST"; break;
            default: name = "unknown EGL error"; break;
        }
        return name + " (0x" + Integer.toHexString(error) + ")";
    }
}
