/**
 * GL contexts: a headless one through Mesa's surfaceless EGL platform rendering into a framebuffer
 * object it owns, a GLFW window, and the factory that picks between them and explains what it tried
 * when nothing works.
 * <p>
 * Threads: a context is created on the platform (main) thread — a GLFW window must be — and then made
 * current on the render thread, which owns it for its whole life: every GL call, every resource in
 * {@link dev.isochron.render.gl}, {@code swapBuffers()} and {@code close()}'s GL clean-up run there.
 * Window creation, event polling and destruction stay on the main thread, after the render thread has
 * released the context; other threads reach the window through its
 * {@link dev.isochron.render.context.WindowControl}, whose requests (fullscreen) the main thread applies
 * at its next event poll. {@link dev.isochron.render.context.GlPlatform#configureOnce()} sets the one
 * JVM-wide LWJGL setting (GL through EGL) before any GL class is touched.
 */
package dev.isochron.render.context;
