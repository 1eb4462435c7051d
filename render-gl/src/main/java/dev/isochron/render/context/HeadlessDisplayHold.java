package dev.isochron.render.context;

/**
 * A reference to the process's headless (Mesa surfaceless) EGL display, taken before any context is made so that
 * the slow native part of making the first headless context (loading libEGL and the Mesa driver,
 * {@code eglInitialize}) can run on a start-up thread while the main thread does other work; a headless context made
 * while the hold is open reuses the initialised display.
 * <p>
 * Thread: any (start-up only; {@link #acquire()} blocks a concurrent context creation until the display is up, never
 * the other way round). Lifetime: until {@link #close()}, or the end of the process. Allocation: a few objects, once.
 */
public final class HeadlessDisplayHold implements AutoCloseable
{
    private boolean closed;

    private HeadlessDisplayHold()
    {
    }

    /**
     * Configures LWJGL for EGL ({@link GlPlatform#configureOnce()}) and initialises the display, adding a reference.
     *
     * @return the hold; close it to drop the reference.
     * @throws GlContextException when there is no usable EGL (naming what to install), as context creation would.
     */
    public static HeadlessDisplayHold acquire()
    {
        GlPlatform.configureOnce();
        EglDisplay.acquire();
        return new HeadlessDisplayHold();
    }

    /** Drops the reference (once; later calls do nothing); the display is terminated with its last reference. */
    @Override
    public synchronized void close()
    {
        if (!closed)
        {
            closed = true;
            EglDisplay.release();
        }
    }
}
