package dev.isochron.render.context;

import dev.isochron.render.gl.Framebuffer;
import dev.isochron.render.gl.GlObjectRegistry;
import dev.isochron.render.natives.NativeLoading;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;

import java.nio.IntBuffer;

import static org.lwjgl.egl.EGL10.*;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL12.eglBindAPI;
import static org.lwjgl.egl.EGL12.eglReleaseThread;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL15.*;
import static org.lwjgl.opengl.GL11C.glFlush;

/**
 * A headless GL core-profile context on Mesa's surfaceless EGL platform (llvmpipe when there is no GPU), or on a GPU
 * driver's EGL device where Mesa's is absent ({@link EglDisplay#PLATFORM_PROPERTY}), for
 * tests, CI and headless runs. There is no window and no default framebuffer: frames are drawn into a
 * {@link Framebuffer} the context owns, created on the first {@link #makeCurrent()}, whose size is
 * configurable and can change ({@link #resize(int, int)}).
 * <p>
 * Needs {@code libegl1 libegl-mesa0 libgl1-mesa-dri} (Debian/Ubuntu). The constructor creates the EGL context
 * on any thread without making it current; the render thread then calls {@link #makeCurrent()}.
 * <p>
 * After {@link #close()}, {@link #makeCurrent()}, {@link #bindDrawTarget()}, {@link #swapBuffers()},
 * {@link #drawFramebufferName()}, {@link #framebuffer()} and {@link #resize} throw {@link IllegalStateException}
 * ("used after close()"); the per-frame ones check a field, allocation-free.
 */
public final class EglHeadlessContext implements GlContext
{
    private final ContextOptions options;
    private final GlSession session;
    private final long display;
    private final long context;
    private Framebuffer framebuffer;
    private int width;
    private int height;

    /**
     * Creates a headless context with a {@code width x height} framebuffer and default options.
     *
     * @throws GlContextException naming the step that failed, the EGL error and what to install.
     */
    public EglHeadlessContext(final int width, final int height)
    {
        this(new ContextOptions().size(width, height).kind(ContextKind.HEADLESS));
    }

    /**
     * Creates a headless context; uses the size, GL version, depth/stencil, debug and leak options.
     *
     * @throws GlContextException naming the step that failed, the EGL error and what to install.
     */
    public EglHeadlessContext(final ContextOptions options)
    {
        GlPlatform.configureOnce();
        this.options = options;
        this.width = options.width();
        this.height = options.height();
        this.session = new GlSession(Messages.sessionName(options.title(), width, height),
            options.debug(), options.checked(), options.failOnLeak(), GlFunctions.Source.EGL);
        final long acquired = EglDisplay.acquire();
        display = acquired;
        long created = EGL_NO_CONTEXT;
        try
        {
            created = NativeLoading.call(() -> createContext(acquired, options));
        }
        finally
        {
            if (created == EGL_NO_CONTEXT)
            {
                EglDisplay.release();
            }
        }
        context = created;
    }

    private static long createContext(final long display, final ContextOptions options)
    {
        if (!eglBindAPI(EGL_OPENGL_API))
        {
            throw Messages.bindApiFailed(eglGetError());
        }
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final IntBuffer configAttributes = stack.ints(
                EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8,
                EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                EGL_SURFACE_TYPE, EGL_PBUFFER_BIT,
                EGL_NONE);
            final PointerBuffer configs = stack.mallocPointer(1);
            final IntBuffer count = stack.mallocInt(1);
            if (!eglChooseConfig(display, configAttributes, configs, count) || count.get(0) < 1)
            {
                throw Messages.noConfig(eglGetError());
            }
            // Ask for reset notification first, so a GPU reset shows up in glGetGraphicsResetStatus (the runtime
            // checks it once per frame and stops with the cause); an EGL without EGL 1.5 / robustness gets the
            // plain context, where a reset cannot be detected.
            long ctx = eglCreateContext(display, configs.get(0), EGL_NO_CONTEXT,
                contextAttributes(stack, options, true));
            if (ctx == EGL_NO_CONTEXT)
            {
                ctx = eglCreateContext(display, configs.get(0), EGL_NO_CONTEXT, contextAttributes(stack, options, false));
            }
            if (ctx == EGL_NO_CONTEXT)
            {
                throw Messages.createFailed(options, eglGetError());
            }
            return ctx;
        }
    }

    private static IntBuffer contextAttributes(
        final MemoryStack stack, final ContextOptions options, final boolean resetNotification)
    {
        final IntBuffer attributes = stack.mallocInt(13);
        attributes
            .put(EGL_CONTEXT_MAJOR_VERSION).put(options.glMajorVersion())
            .put(EGL_CONTEXT_MINOR_VERSION).put(options.glMinorVersion())
            .put(EGL_CONTEXT_OPENGL_PROFILE_MASK).put(EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT)
            .put(EGL_CONTEXT_OPENGL_DEBUG).put(options.debug() ? EGL_TRUE : EGL_FALSE);
        if (resetNotification)
        {
            attributes.put(EGL_CONTEXT_OPENGL_RESET_NOTIFICATION_STRATEGY).put(EGL_LOSE_CONTEXT_ON_RESET);
        }
        return attributes.put(EGL_NONE).flip();
    }

    public void makeCurrent()
    {
        session.checkOpen();
        session.checkNotDisposed();
        session.checkCanAttach();
        eglBindAPI(EGL_OPENGL_API);
        if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context))
        {
            throw Messages.makeCurrentFailed(session.name(), eglGetError());
        }
        if (session.attach())
        {
            framebuffer = new Framebuffer(
                Messages.drawTargetName(session.name()), width, height, options.depthStencil());
        }
        framebuffer.bind();
    }

    public void releaseCurrent()
    {
        session.checkCurrentHere();
        glFlush();
        session.detach();
        eglBindAPI(EGL_OPENGL_API);
        if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT))
        {
            throw Messages.releaseFailed(session.name(), eglGetError());
        }
        // the driver's per-thread state goes now, while the display lives: NVIDIA's EGL otherwise frees it in a
        // thread-exit destructor after the display's eglTerminate, and crashed there (SIGSEGV in libEGL_nvidia) at
        // the end of every headless run measured on an H200 (docs/reliability.md); the next EGL call remakes it
        eglReleaseThread();
    }

    public boolean isCurrent()
    {
        return session.isCurrentOnCallingThread();
    }

    public void bindDrawTarget()
    {
        checkMadeCurrent();
        session.checkGlCall();
        framebuffer.bind();
    }

    public int drawFramebufferName()
    {
        checkMadeCurrent();
        return framebuffer.framebufferName();
    }

    /** Flushes: a headless frame stays in {@link #framebuffer()}. Allocation-free. */
    public void swapBuffers()
    {
        session.checkGlCall();
        glFlush();
    }

    /**
     * Changes the size of the draw target; the context must be current on the calling thread.
     * Allocates (new attachments and read-back memory); call when the size changes, not every frame.
     */
    public void resize(final int width, final int height)
    {
        session.checkCurrentHere();
        framebuffer.resize(width, height);
        this.width = width;
        this.height = height;
    }

    /** @return the framebuffer frames are drawn into; valid after the first {@link #makeCurrent()}. */
    public Framebuffer framebuffer()
    {
        checkMadeCurrent();
        return framebuffer;
    }

    public int framebufferWidth()
    {
        return width;
    }

    public int framebufferHeight()
    {
        return height;
    }

    public boolean isHeadless()
    {
        return true;
    }

    public ContextApi api()
    {
        return ContextApi.EGL;
    }

    public String glRenderer()
    {
        return session.renderer();
    }

    public String glVersion()
    {
        return session.version();
    }

    /**
     * @return the headless platform the display came from: {@code "surfaceless"} (Mesa) or {@code "device i of n"}
     * (an enumerated EGL device, e.g. NVIDIA's driver without Mesa; see {@link EglDisplay#PLATFORM_PROPERTY}).
     */
    public String eglPlatform()
    {
        return EglDisplay.platform();
    }

    /** @return the EGL version of the display, e.g. {@code "1.5"}. */
    public String eglVersion()
    {
        return EglDisplay.version();
    }

    public GlObjectRegistry objects()
    {
        return session.registry();
    }

    public void disposeAndRelease()
    {
        session.checkCurrentHere();
        session.checkNotDisposed();
        framebuffer.close();
        session.destroyObjects();
        releaseCurrent();
    }

    public void close()
    {
        if (!session.beginClose(this, Messages.currentElsewhere()))
        {
            return;
        }
        eglDestroyContext(display, context);
        EglDisplay.release();
        eglReleaseThread();
        session.reportLeaks();
    }

    public String toString()
    {
        return session.name();
    }

    private void checkMadeCurrent()
    {
        session.checkOpen();
        if (framebuffer == null)
        {
            throw Messages.neverMadeCurrent(session.name());
        }
    }

    /**
     * The session name, the draw target's label and the error messages, in a class of their own so that
     * EglHeadlessContext holds no String constant: the first C2 compile of a per-frame method ({@code swapBuffers},
     * {@code bindDrawTarget}) would otherwise resolve them on the render thread mid-run (see {@code ClassConstants}
     * in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static String sessionName(final String title, final int width, final int height)
        {
            return "EGL headless context '" + title + "' " + width + "x" + height;
        }

        static String drawTargetName(final String sessionName)
        {
            return sessionName + " draw target";
        }

        static String currentElsewhere()
        {
            return " is current on another thread; close it there, or call disposeAndRelease() there first";
        }

        static GlContextException bindApiFailed(final int eglError)
        {
            return new GlContextException("headless EGL: eglBindAPI(EGL_OPENGL_API) failed: " +
                EglDisplay.eglErrorName(eglError) + "; the EGL driver has no desktop OpenGL; install " +
                GlPlatform.INSTALL_HINT);
        }

        static GlContextException noConfig(final int eglError)
        {
            return new GlContextException("headless EGL: no RGBA8 OpenGL config on the headless display (" +
                EglDisplay.eglErrorName(eglError) + "); install " + GlPlatform.INSTALL_HINT);
        }

        static GlContextException createFailed(final ContextOptions options, final int eglError)
        {
            return new GlContextException("headless EGL: eglCreateContext for OpenGL " + options.glMajorVersion() +
                "." + options.glMinorVersion() + " core failed: " + EglDisplay.eglErrorName(eglError) +
                " (ask for 3.3, or set MESA_GL_VERSION_OVERRIDE for newer versions on Mesa)");
        }

        static GlContextException makeCurrentFailed(final String sessionName, final int eglError)
        {
            return new GlContextException(sessionName + ": eglMakeCurrent on thread '" +
                Thread.currentThread().getName() + "' failed: " + EglDisplay.eglErrorName(eglError));
        }

        static GlContextException releaseFailed(final String sessionName, final int eglError)
        {
            return new GlContextException(sessionName + ": releasing with eglMakeCurrent failed: " +
                EglDisplay.eglErrorName(eglError));
        }

        static IllegalStateException neverMadeCurrent(final String sessionName)
        {
            return new IllegalStateException(sessionName + " has never been made current: call makeCurrent() " +
                "on the render thread first");
        }
    }
}
