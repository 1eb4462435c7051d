package dev.isochron.render.context;

import dev.isochron.render.gl.GlObjectRegistry;
import dev.isochron.render.natives.NativeLibrary;
import dev.isochron.render.natives.NativeLoading;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.glfw.GLFWErrorCallbackI;
import org.lwjgl.glfw.GLFWFramebufferSizeCallback;
import org.lwjgl.glfw.GLFWFramebufferSizeCallbackI;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.Platform;

import java.nio.IntBuffer;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.opengl.GL30C.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;
import static org.lwjgl.opengl.GL11C.glViewport;

/**
 * A GLFW window with a forward-compatible core-profile GL context, created through the API
 * {@link ContextOptions#windowApi()} chooses (by default the platform's native one, GLX on X11, which presents faster
 * than EGL there; {@link #api()} says which it got); its GL functions are looked up through GLFW
 * ({@link GlFunctions}).
 * <p>
 * Threads: the constructor, {@link #pollEvents()}, {@link #shouldClose()} and {@link #close()} run on the main
 * (platform) thread; {@link #makeCurrent()}, drawing, {@link #swapBuffers()} and {@link #disposeAndRelease()} run
 * on the render thread, which keeps the context current for its whole life and releases it before the main
 * thread closes the window. A single-threaded program does both on the main thread. The framebuffer size is
 * updated by GLFW's callback on the main thread and read by the render thread through volatile fields, without
 * allocation.
 * <p>
 * The window's {@link #control()} is how other threads ask for fullscreen and read the window's sizes: a request sets
 * a flag that {@link #pollEvents()} and {@link #waitEvents(double)} apply on the main thread, as GLFW requires
 * ({@link WindowPlacement}). The icon ({@link ContextOptions#icons}) is decoded before the window opens and set once it
 * has; where the platform's windows have none (Wayland, macOS) the window says so on standard error.
 * <p>
 * On Linux GLFW is asked for X11 ({@code GLFW_PLATFORM_X11}); under CI, run inside {@code xvfb-run -a}.
 * <p>
 * After {@link #close()} the window is destroyed, and every method that would pass its handle to GLFW, or hand it
 * out, throws {@link IllegalStateException} ("used after close()") instead of reading freed GLFW memory: the event
 * calls, {@link #shouldClose()}, {@link #requestClose()}, {@link #windowHandle()}, {@link #makeCurrent()},
 * {@link #bindDrawTarget()}, {@link #drawFramebufferName()} and {@link #swapBuffers()}. The check reads a plain
 * field: it sees the close on the thread that closed, or after that thread was joined (the runtime's order).
 */
public final class GlfwWindowContext implements GlContext
{
    private static final Object GLFW_LOCK = new Object();
    private static int openWindows;
    private static GLFWErrorCallback errorCallback;
    private static volatile String lastError = Messages.NONE;

    private final ContextOptions options;
    private final GlSession session;
    private final long window;
    private final ContextApi api;
    private final GLFWFramebufferSizeCallback sizeCallback;
    private final WindowControl control;
    private final WindowPlacement placement;
    private final boolean iconApplied;
    private volatile int framebufferWidth;
    private volatile int framebufferHeight;
    private boolean swapIntervalSet;

    /**
     * Initialises GLFW (first window) and opens a window; main thread.
     *
     * @throws GlContextException naming what failed, GLFW's error and the fix.
     */
    public GlfwWindowContext(final ContextOptions options)
    {
        GlPlatform.configureOnce();
        this.options = options;
        this.session = new GlSession(Messages.sessionName(options), options.debug(), options.checked(),
            options.failOnLeak(), GlFunctions.Source.GLFW);
        try (WindowIcons icons = WindowIcons.decode(options.icons()))
        {
            window = NativeLoading.call(() -> openWindow(options));
            iconApplied = icons.applyTo(window);
            if (!icons.isEmpty() && !iconApplied)
            {
                System.err.println(Messages.iconIgnored(options));
            }
        }
        api = apiOf(window);
        sizeCallback = GLFWFramebufferSizeCallback.create(new SizeListener());
        glfwSetFramebufferSizeCallback(window, sizeCallback);
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final IntBuffer width = stack.mallocInt(1);
            final IntBuffer height = stack.mallocInt(1);
            glfwGetFramebufferSize(window, width, height);
            framebufferWidth = width.get(0);
            framebufferHeight = height.get(0);
        }
        control = WindowControl.ofWindow(options.width(), options.height());
        placement = new WindowPlacement(window, control);
        placement.publish(framebufferWidth, framebufferHeight);
        if (options.fullscreen())
        {
            control.requestFullscreen(true);
            placement.applyRequests();
        }
    }

    /**
     * Initialises GLFW for the first window and opens one, under the native-loading lock: {@code glfwInit} opens
     * the X11 libraries and window creation the GL platform library and the driver.
     */
    private static long openWindow(final ContextOptions options)
    {
        NativeLoading.preload(NativeLibrary.GLFW_LIBRARY);
        synchronized (GLFW_LOCK)
        {
            if (openWindows == 0)
            {
                initialiseGlfw();
            }
            long created = 0L;
            try
            {
                created = createWindow(options);
            }
            finally
            {
                if (created == 0L && openWindows == 0)
                {
                    terminateGlfw();
                }
            }
            openWindows++;
            return created;
        }
    }

    private static void initialiseGlfw()
    {
        if (errorCallback == null)
        {
            errorCallback = GLFWErrorCallback.create(new ErrorListener());
        }
        lastError = Messages.NONE;
        glfwSetErrorCallback(errorCallback);
        if (Platform.get() == Platform.LINUX)
        {
            glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_X11);
        }
        if (!glfwInit())
        {
            final String error = lastError;
            glfwSetErrorCallback(null);
            throw Messages.initFailed(error);
        }
    }

    private static void terminateGlfw()
    {
        glfwTerminate();
        glfwSetErrorCallback(null);
    }

    /**
     * Opens the window with a context through the API {@link ContextOptions#windowApi()} asks for: for
     * {@link WindowApi#AUTO}, the platform's native API first (EGL first on Wayland), then the other.
     */
    private static long createWindow(final ContextOptions options)
    {
        final boolean eglFirst = WindowApi.EGL == options.windowApi() ||
            (WindowApi.AUTO == options.windowApi() && GLFW_PLATFORM_WAYLAND == glfwGetPlatform());
        final StringBuilder errors = new StringBuilder();
        long window = createWindow(options, eglFirst ? GLFW_EGL_CONTEXT_API : GLFW_NATIVE_CONTEXT_API, errors);
        if (window == 0L && WindowApi.AUTO == options.windowApi())
        {
            window = createWindow(options, eglFirst ? GLFW_NATIVE_CONTEXT_API : GLFW_EGL_CONTEXT_API, errors);
        }
        if (window == 0L)
        {
            throw Messages.windowFailed(options, errors);
        }
        return window;
    }

    /** @return the window, or 0 with GLFW's error appended to {@code errors}. */
    private static long createWindow(final ContextOptions options, final int creationApi, final StringBuilder errors)
    {
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_API);
        glfwWindowHint(GLFW_CONTEXT_CREATION_API, creationApi);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, options.glMajorVersion());
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, options.glMinorVersion());
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, options.debug() ? GLFW_TRUE : GLFW_FALSE);
        // Reset notification first, so a GPU reset reaches glGetGraphicsResetStatus (the runtime checks it each
        // frame); a driver that refuses a robust context gets the plain one, where a reset cannot be detected.
        glfwWindowHint(GLFW_CONTEXT_ROBUSTNESS, GLFW_LOSE_CONTEXT_ON_RESET);
        glfwWindowHint(GLFW_VISIBLE, options.visible() ? GLFW_TRUE : GLFW_FALSE);
        glfwWindowHint(GLFW_DEPTH_BITS, options.depthStencil() ? 24 : 0);
        glfwWindowHint(GLFW_STENCIL_BITS, options.depthStencil() ? 8 : 0);
        lastError = Messages.NONE;
        long window = glfwCreateWindow(options.width(), options.height(), options.title(), 0L, 0L);
        if (window == 0L)
        {
            glfwWindowHint(GLFW_CONTEXT_ROBUSTNESS, GLFW_NO_ROBUSTNESS);
            lastError = Messages.NONE;
            window = glfwCreateWindow(options.width(), options.height(), options.title(), 0L, 0L);
        }
        if (window == 0L)
        {
            Messages.appendAttempt(errors, creationApi == GLFW_EGL_CONTEXT_API, lastError);
        }
        return window;
    }

    /** @return the API the window's context was created through, as GLFW reports it. */
    private static ContextApi apiOf(final long window)
    {
        if (GLFW_EGL_CONTEXT_API == glfwGetWindowAttrib(window, GLFW_CONTEXT_CREATION_API))
        {
            return ContextApi.EGL;
        }
        switch (Platform.get())
        {
            case WINDOWS:
                return ContextApi.WGL;
            case MACOSX:
                return ContextApi.NSGL;
            default:
                return GLFW_PLATFORM_X11 == glfwGetPlatform() ? ContextApi.GLX : ContextApi.NATIVE;
        }
    }

    /** Applies the {@link #control()}'s requests, then processes pending window events; main thread. */
    public void pollEvents()
    {
        session.checkOpen();
        placement.applyRequests();
        glfwPollEvents();
    }

    /**
     * Applies the {@link #control()}'s requests, then waits up to {@code timeoutSeconds} for window events and
     * processes them; main thread.
     */
    public void waitEvents(final double timeoutSeconds)
    {
        session.checkOpen();
        placement.applyRequests();
        glfwWaitEventsTimeout(timeoutSeconds);
    }

    /**
     * @return the window's control: fullscreen requests from any thread, applied by the next {@link #pollEvents()},
     * and the sizes in screen coordinates and pixels; valid for the window's life.
     */
    public WindowControl control()
    {
        return control;
    }

    /** @return whether the window got its icon: false without {@link ContextOptions#icons}, or on Wayland or macOS. */
    public boolean iconApplied()
    {
        return iconApplied;
    }

    /** @return whether the user (or {@link #requestClose()}) asked the window to close. */
    public boolean shouldClose()
    {
        session.checkOpen();
        return glfwWindowShouldClose(window);
    }

    /** Marks the window as asked to close. */
    public void requestClose()
    {
        session.checkOpen();
        glfwSetWindowShouldClose(window, true);
    }

    /** @return the GLFW window handle, for input callbacks; valid until {@link #close()}. */
    public long windowHandle()
    {
        session.checkOpen();
        return window;
    }

    public void makeCurrent()
    {
        session.checkOpen();
        session.checkNotDisposed();
        session.checkCanAttach();
        glfwMakeContextCurrent(window);
        session.attach();
        if (!swapIntervalSet)
        {
            glfwSwapInterval(options.swapInterval());
            swapIntervalSet = true;
        }
        bindDrawTarget();
    }

    public void releaseCurrent()
    {
        session.checkCurrentHere();
        session.detach();
        glfwMakeContextCurrent(0L);
    }

    public boolean isCurrent()
    {
        return session.isCurrentOnCallingThread();
    }

    /** Binds the window's default framebuffer and sets the viewport to the framebuffer size. Allocation-free. */
    public void bindDrawTarget()
    {
        session.checkGlCall();
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, framebufferWidth, framebufferHeight);
    }

    public int drawFramebufferName()
    {
        session.checkOpen();
        return 0;
    }

    /** Swaps the window's buffers. Allocation-free. */
    public void swapBuffers()
    {
        session.checkGlCall();
        glfwSwapBuffers(window);
    }

    /** @return framebuffer width in pixels (may differ from the window width on high-DPI screens). */
    public int framebufferWidth()
    {
        return framebufferWidth;
    }

    /** @return framebuffer height in pixels. */
    public int framebufferHeight()
    {
        return framebufferHeight;
    }

    public boolean isHeadless()
    {
        return false;
    }

    public ContextApi api()
    {
        return api;
    }

    public String glRenderer()
    {
        return session.renderer();
    }

    public String glVersion()
    {
        return session.version();
    }

    public GlObjectRegistry objects()
    {
        return session.registry();
    }

    public void disposeAndRelease()
    {
        session.checkCurrentHere();
        if (session.isDisposed())
        {
            return;
        }
        session.destroyObjects();
        releaseCurrent();
    }

    public void close()
    {
        if (!session.beginClose(this, Messages.STILL_CURRENT))
        {
            return;
        }
        glfwSetFramebufferSizeCallback(window, null);
        sizeCallback.free();
        NativeLoading.run(this::destroyWindow);
        placement.close();
        session.reportLeaks();
    }

    /** Destroys the window and, with the last one, terminates GLFW (which unloads libraries); native-loading lock held. */
    private void destroyWindow()
    {
        glfwDestroyWindow(window);
        synchronized (GLFW_LOCK)
        {
            openWindows--;
            if (openWindows == 0)
            {
                terminateGlfw();
            }
        }
    }

    public String toString()
    {
        return Messages.describe(session.name(), framebufferWidth, framebufferHeight);
    }

    private final class SizeListener implements GLFWFramebufferSizeCallbackI
    {
        public void invoke(final long handle, final int width, final int height)
        {
            framebufferWidth = width;
            framebufferHeight = height;
            placement.publish(width, height);
        }
    }

    private static final class ErrorListener implements GLFWErrorCallbackI
    {
        public void invoke(final int error, final long description)
        {
            lastError = Messages.glfwError(error, GLFWErrorCallback.getDescription(description));
        }
    }

    /**
     * The messages and names, apart: {@link #pollEvents}, {@link #waitEvents}, {@link #shouldClose} and
     * {@link #swapBuffers} run every frame, and HotSpot resolves all String literals of a class on the thread that asks
     * for its first C2 compile (see {@link dev.isochron.engine.jit}): the platform thread allocated there mid-run.
     */
    private static final class Messages
    {
        /** Assigned in the static initialiser, not the declaration, so that javac does not copy them as constants. */
        static final String NONE;
        static final String STILL_CURRENT;

        static
        {
            NONE = "";
            STILL_CURRENT = " is still current on another thread: call disposeAndRelease() on the render thread " +
                "before closing the window";
        }

        private Messages()
        {
        }

        static String sessionName(final ContextOptions options)
        {
            return "GLFW window '" + options.title() + "'";
        }

        static GlContextException initFailed(final String error)
        {
            return new GlContextException("GLFW could not initialise: " + (error.isEmpty() ? "no error reported" :
                error) + " (DISPLAY=" + System.getenv("DISPLAY") + "); " + GlPlatform.XVFB_HINT);
        }

        static GlContextException windowFailed(final ContextOptions options, final StringBuilder errors)
        {
            return new GlContextException("GLFW could not open a " + options.width() + "x" + options.height() +
                " window with an OpenGL " + options.glMajorVersion() + "." + options.glMinorVersion() +
                " core context (window API " + options.windowApi() + "):" + errors + "; install " +
                GlPlatform.INSTALL_HINT);
        }

        static void appendAttempt(final StringBuilder errors, final boolean egl, final String error)
        {
            errors.append("\n  through ").append(egl ? "EGL" : "the native API")
                .append(": ").append(error.isEmpty() ? "no error reported" : error);
        }

        static String iconIgnored(final ContextOptions options)
        {
            return "[isochron] window icon " + options.icons() + " ignored: windows have no icon of their own on " +
                "this platform (Wayland, macOS); set it in the application's .desktop file or bundle";
        }

        static String describe(final String name, final int width, final int height)
        {
            return name + " " + width + "x" + height;
        }

        static String glfwError(final int error, final String description)
        {
            return description + " (GLFW error 0x" + Integer.toHexString(error) + ")";
        }
    }
}
