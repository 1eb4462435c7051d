package dev.isochron.render.context;

import dev.isochron.render.natives.NativeLibrary;
import dev.isochron.render.natives.NativeLoading;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGLCapabilities;
import org.lwjgl.egl.EXTDeviceEnumeration;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

import java.nio.IntBuffer;

import static org.lwjgl.egl.EGL10.*;
import static org.lwjgl.egl.EGL11.EGL_CONTEXT_LOST;

/**
 * The process's headless EGL display (Mesa's surfaceless platform, or a GPU driver's EGL device where Mesa's is
 * absent or {@value #PLATFORM_PROPERTY} asks for it), shared by every headless context and reference counted:
 * {@code eglGetPlatformDisplay} returns the same display for the same arguments, and {@code eglTerminate}
 * would destroy every context on it, so it is terminated only when the last context releases it.
 * Thread-safe (setup and teardown only).
 */
final class EglDisplay
{
    /** {@code EGL_PLATFORM_SURFACELESS_MESA}; LWJGL 3.3.6 has no constant for it. */
    static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;

    /** {@code EGL_PLATFORM_DEVICE_EXT}. */
    static final int EGL_PLATFORM_DEVICE_EXT = 0x313F;
    /**
     * System property choosing the headless platform: {@code auto} (Mesa's surfaceless platform where the EGL client
     * has it, else the first EGL device), {@code surfaceless} or {@code device} (a GPU vendor's EGL, e.g. NVIDIA's,
     * on a machine that also has Mesa, whose surfaceless platform would otherwise pick its software rasteriser).
     */
    static final String PLATFORM_PROPERTY = "isochron.egl.platform";
    private static final int MAX_DEVICES = 16;

    private static long display;
    private static int references;
    private static String version;
    private static String platformName;

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

    /** @return which headless platform the display came from ({@code surfaceless}, {@code device i of n}), once acquired. */
    static synchronized String platform()
    {
        return platformName;
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
        final long getPlatformDisplay = client.eglGetPlatformDisplay != 0L ?
            client.eglGetPlatformDisplay : client.eglGetPlatformDisplayEXT;
        if (getPlatformDisplay == 0L)
        {
            throw new GlContextException("headless EGL: neither eglGetPlatformDisplay (EGL 1.5) nor " +
                "eglGetPlatformDisplayEXT is available; install " + GlPlatform.INSTALL_HINT);
        }
        final String platform = System.getProperty(PLATFORM_PROPERTY, "auto");
        final boolean surfaceless = has(extensions, "EGL_MESA_platform_surfaceless");
        final boolean device = has(extensions, "EGL_EXT_platform_device") && client.eglQueryDevicesEXT != 0L;
        if ("surfaceless".equals(platform) || ("auto".equals(platform) && surfaceless))
        {
            if (!surfaceless)
            {
                throw new GlContextException("headless EGL: the EGL client has no EGL_MESA_platform_surfaceless " +
                    "extension (client extensions: " + extensions + "); install Mesa's EGL: " +
                    GlPlatform.INSTALL_HINT);
            }
            // LWJGL's wrapper rejects the NULL native display that the surfaceless platform requires: call the pointer.
            final long dpy = JNI.callPPP(EGL_PLATFORM_SURFACELESS_MESA, 0L, 0L, getPlatformDisplay);
            if (dpy == EGL_NO_DISPLAY)
            {
                throw new GlContextException("headless EGL: eglGetPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA) " +
                    "failed: " + eglErrorName(eglGetError()) + "; install " + GlPlatform.INSTALL_HINT);
            }
            platformName = "surfaceless";
            return initialise(dpy, "the surfaceless display");
        }
        if ("device".equals(platform) || ("auto".equals(platform) && device))
        {
            if (!device)
            {
                throw new GlContextException("headless EGL: the EGL client has no EGL_EXT_platform_device with " +
                    "device enumeration (client extensions: " + extensions + "); a GPU vendor's EGL (NVIDIA's, " +
                    "through libglvnd) offers it, or use -D" + PLATFORM_PROPERTY + "=surfaceless with Mesa");
            }
            return openDevice(getPlatformDisplay);
        }
        if (!"auto".equals(platform))
        {
            throw new GlContextException("headless EGL: -D" + PLATFORM_PROPERTY + "=" + platform +
                " is not a platform; use auto, surfaceless or device");
        }
        throw new GlContextException("headless EGL: the EGL client has neither EGL_MESA_platform_surfaceless nor " +
            "EGL_EXT_platform_device (client extensions: " + extensions + "); install Mesa's EGL: " +
            GlPlatform.INSTALL_HINT);
    }

    /** The first enumerated EGL device whose display initialises: a GPU driver's headless path without Mesa. */
    private static long openDevice(final long getPlatformDisplay)
    {
        final StringBuilder failures = new StringBuilder();
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final PointerBuffer devices = stack.mallocPointer(MAX_DEVICES);
            final IntBuffer count = stack.mallocInt(1);
            if (!EXTDeviceEnumeration.eglQueryDevicesEXT(devices, count) || count.get(0) < 1)
            {
                throw new GlContextException("headless EGL: eglQueryDevicesEXT found no EGL device (" +
                    eglErrorName(eglGetError()) + "); is the GPU driver's EGL installed?");
            }
            for (int i = 0; i < count.get(0); i++)
            {
                final long dpy = JNI.callPPP(EGL_PLATFORM_DEVICE_EXT, devices.get(i), 0L, getPlatformDisplay);
                if (dpy == EGL_NO_DISPLAY)
                {
                    failures.append(" device ").append(i).append(": ").append(eglErrorName(eglGetError())).append(';');
                    continue;
                }
                try
                {
                    platformName = "device " + i + " of " + count.get(0);
                    return initialise(dpy, "EGL device " + i);
                }
                catch (final GlContextException ex)
                {
                    failures.append(" device ").append(i).append(": ").append(ex.getMessage()).append(';');
                }
            }
        }
        throw new GlContextException("headless EGL: no EGL device gave a display:" + failures);
    }

    private static boolean has(final String extensions, final String name)
    {
        return null != extensions && extensions.contains(name);
    }

    private static long initialise(final long dpy, final String what)
    {
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final IntBuffer major = stack.mallocInt(1);
            final IntBuffer minor = stack.mallocInt(1);
            if (!eglInitialize(dpy, major, minor))
            {
                throw new GlContextException("headless EGL: eglInitialize on " + what + " failed: " +
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
