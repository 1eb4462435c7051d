package dev.isochron.demo.soak;

import dev.isochron.input.state.InputState;
import dev.isochron.render.gl.GlObjectRegistry;
import dev.isochron.render.runtime.Application;
import dev.isochron.render.runtime.Frame;
import dev.isochron.render.runtime.Init;
import dev.isochron.render.runtime.Tick;

/**
 * Runs a demo scene unchanged and lets the soak watch it from outside: after each frame the render thread
 * publishes how many frames it has finished and how many GL objects its context's {@link GlObjectRegistry} holds,
 * and it ends the run when the soak asks ({@link #requestStop()}). The runtime offers no such hook, so the soak
 * wraps the scene's {@link Application} instead of changing the runtime.
 * <p>
 * Threading: the {@link Application} methods run where the runtime calls them (render methods on the render thread,
 * which must have the GL context current); the probes are single-writer volatile fields read by the soak's controller
 * thread. Allocation: the render and update paths add nothing to the scene's own (no allocation, a thread-local
 * read, two volatile writes).
 *
 * @param <S> the scene's render state.
 */
final class SoakApplication<S> implements Application<S>
{
    private final Application<S> scene;
    private final boolean gl;
    private volatile long framesFinished;
    private volatile long ticksFinished;
    private volatile long liveGlObjects = -1;
    private volatile boolean stopRequested;
    private volatile long steadyFromNs;
    private volatile long lastFrameNs;

    /** The frame after which the start-up's own compiles are over and only the frame path compiles. */
    static final long STEADY_FRAME = 200;

    /**
     * @param scene the demo scene to run.
     * @param gl    whether the run has a GL context whose registry can be read (the GL renderer).
     */
    SoakApplication(final Application<S> scene, final boolean gl)
    {
        this.scene = scene;
        this.gl = gl;
    }

    /** {@inheritDoc} */
    public S newRenderState()
    {
        return scene.newRenderState();
    }

    /** {@inheritDoc} */
    public void init(final Init init)
    {
        scene.init(init);
        if (gl)
        {
            liveGlObjects = GlObjectRegistry.current().liveCount();
        }
    }

    /** {@inheritDoc} */
    public void update(final Tick tick, final InputState input)
    {
        scene.update(tick, input);
        ticksFinished = ticksFinished + 1;
    }

    /** {@inheritDoc} */
    public void writeRenderState(final S dest)
    {
        scene.writeRenderState(dest);
    }

    /**
     * Draws the scene's frame, then publishes the frame count and the live GL objects; ends the run after this frame
     * once a stop was requested. Render thread; allocation-free.
     */
    public void render(final S state, final Frame frame)
    {
        scene.render(state, frame);
        if (gl)
        {
            liveGlObjects = GlObjectRegistry.current().liveCount();
        }
        if (stopRequested)
        {
            frame.requestExit();
        }
        final long now = System.nanoTime();
        lastFrameNs = now;
        final long finished = framesFinished + 1;
        if (finished == STEADY_FRAME)
        {
            steadyFromNs = now;
        }
        framesFinished = finished;
    }

    /** {@inheritDoc} */
    public void dispose()
    {
        scene.dispose();
    }

    /** Asks the render thread to end the run after its next frame. Any thread. */
    void requestStop()
    {
        stopRequested = true;
    }

    /** @return frames whose {@code render} has returned, warm-up included. Any thread. */
    long framesFinished()
    {
        return framesFinished;
    }

    /** @return System.nanoTime() at the end of frame {@link #STEADY_FRAME}, or 0 before it. Any thread. */
    long steadyFromNs()
    {
        return steadyFromNs;
    }

    /** @return System.nanoTime() at the end of the latest frame, or 0 before the first. Any thread. */
    long lastFrameNs()
    {
        return lastFrameNs;
    }

    /** @return ticks whose {@code update} has returned. Any thread. */
    long ticksFinished()
    {
        return ticksFinished;
    }

    /**
     * @return GL objects alive in the render thread's context after its latest frame (or after {@code init}), or -1
     * before {@code init} and without GL. Any thread.
     */
    long liveGlObjects()
    {
        return liveGlObjects;
    }
}
