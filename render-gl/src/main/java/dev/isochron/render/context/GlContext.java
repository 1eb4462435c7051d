package dev.isochron.render.context;

import dev.isochron.render.gl.GlObjectRegistry;

/**
 * An OpenGL core-profile context (3.3 or newer) and the framebuffer a frame is drawn into.
 * <p>
 * Lifecycle: created (on the main thread for a window), then {@link #makeCurrent()} on the render thread,
 * which keeps it for its whole life; that thread draws into {@link #bindDrawTarget()}, calls
 * {@link #swapBuffers()} once per frame, and calls {@link #close()} (or {@link #releaseCurrent()} before a
 * windowed context is closed from the main thread). While current, a vertex array object is bound, as a
 * core profile requires for any draw, and {@link GlObjectRegistry#current()} is this context's registry.
 * <p>
 * Allocation: {@link #bindDrawTarget()}, {@link #swapBuffers()} and the size getters are allocation-free;
 * the rest are setup and teardown.
 */
public interface GlContext extends AutoCloseable
{
    /**
     * Makes the context current on the calling thread and creates the GL capabilities there (first time)
     * or restores them. The first call also creates the context's own GL objects (VAO, headless FBO).
     *
     * @throws IllegalStateException when it is current on another thread, or closed.
     * @throws GlContextException    when the platform refuses.
     */
    void makeCurrent();

    /** Releases the context from the calling thread, which must be the one it is current on. */
    void releaseCurrent();

    /** @return whether the context is current on the calling thread. */
    boolean isCurrent();

    /**
     * Binds the framebuffer a frame is drawn into (the window's default framebuffer, or the headless
     * context's FBO) and sets the viewport to its size. Allocation-free.
     */
    void bindDrawTarget();

    /** @return the GL name of the framebuffer a frame is drawn into: 0 for a window, the FBO when headless. */
    int drawFramebufferName();

    /**
     * Presents the frame: swaps a window's buffers; flushes a headless context (its frame stays in the FBO).
     * Allocation-free.
     */
    void swapBuffers();

    /** @return width of the draw target in pixels. */
    int framebufferWidth();

    /** @return height of the draw target in pixels. */
    int framebufferHeight();

    /** @return true for a context without a window. */
    boolean isHeadless();

    /** @return the API the context was created through (the run report's {@code contextApi}). */
    ContextApi api();

    /** @return {@code GL_RENDERER}, e.g. {@code "llvmpipe (LLVM 15.0.6, 256 bits)"}. */
    String glRenderer();

    /** @return {@code GL_VERSION}, e.g. {@code "4.5 (Core Profile) Mesa 22.3.6"}. */
    String glVersion();

    /** @return the registry of GL objects made while this context is current. */
    GlObjectRegistry objects();

    /**
     * Render thread, at the end of its life: deletes the context's own GL objects (VAO, headless FBO), takes the
     * leak report of objects still registered, and releases the context from the calling thread, which must
     * be the one it is current on. {@link #close()} then finishes on the main thread (a window must be
     * destroyed there) and reports the leaks. The context cannot be made current again.
     */
    void disposeAndRelease();

    /**
     * Destroys the context (and window), then reports GL objects still registered (leaks): thrown as
     * {@link IllegalStateException} with {@code ContextOptions.failOnLeak(true)}, printed to standard error
     * otherwise. When {@link #disposeAndRelease()} has not run, it runs here first: on the thread the context
     * is current on, or on any thread when it is current nowhere. A window is closed on the main thread.
     * Later calls do nothing.
     */
    void close();
}
