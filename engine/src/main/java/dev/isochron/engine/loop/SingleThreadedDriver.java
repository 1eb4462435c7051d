package dev.isochron.engine.loop;

import org.agrona.concurrent.NanoClock;

/**
 * Runs the simulation and the rendering on one thread: each frame reads the clock once, then
 * {@link LoopObserver#onFrameStart} (state age 0), {@link FixedStepLoop#advance} (ticks), {@link FrameRenderer#render},
 * {@link LoopObserver#onFrameEnd}, and finally {@link FramePacer#pace()}.
 * <p>
 * For small programs and deterministic tests (drive it with a {@link ManualClock}). It is also an {@link Agent}
 * ({@code doWork} runs one frame) for use with an {@link org.agrona.concurrent.AgentRunner} and a
 * {@link org.agrona.concurrent.NoOpIdleStrategy} (the pacer does the waiting).
 * <p>
 * Threading: {@link #runFrame()}, {@link #run(long)} and {@link #doWork()} on the one thread that owns it;
 * {@link #requestStop()} from any thread. An exception from a callback propagates out of the frame (nothing is
 * swallowed) and leaves the loop state as it was at the throw. Allocation: none per frame.
 */
public final class SingleThreadedDriver extends FrameDriver
{
    private final FixedStepLoop loop;
    private final FrameRenderer renderer;

    /**
     * Makes a driver over an existing loop and pacer.
     *
     * @param loop     the fixed-step loop (with its tick handler).
     * @param renderer draws each frame.
     * @param pacer    waits between frames.
     * @param clock    the engine's clock, the same as the loop's.
     * @param observer receives {@code onFrameStart} and {@code onFrameEnd}.
     */
    public SingleThreadedDriver(
        final FixedStepLoop loop,
        final FrameRenderer renderer,
        final FramePacer pacer,
        final NanoClock clock,
        final LoopObserver observer)
    {
        super(pacer, clock, observer);
        this.loop = requireNonNull(loop, "loop");
        this.renderer = requireNonNull(renderer, "renderer");
    }

    /**
     * Makes a driver with its loop and pacer from one configuration.
     *
     * @param config      tick rate, catch-up bound, time scale and pacing.
     * @param tickHandler the simulation step.
     * @param renderer    draws each frame.
     * @param clock       the engine's clock.
     * @param observer    receives every frame and tick timing.
     */
    public SingleThreadedDriver(
        final LoopConfig config,
        final TickHandler tickHandler,
        final FrameRenderer renderer,
        final NanoClock clock,
        final LoopObserver observer)
    {
        this(new FixedStepLoop(config, tickHandler, clock, observer), renderer, new FramePacer(config, clock), clock,
            observer);
    }

    /**
     * Runs one frame. Allocation-free.
     *
     * @return the number of ticks the frame ran.
     */
    public int runFrame()
    {
        final long frameStartNs = clock().nanoTime();
        observer().onFrameStart(frameStartNs, 0L);
        final int ticks = loop.advance(frameStartNs);
        renderer.render(loop.alpha(), frameStartNs);
        endFrame();
        return ticks;
    }

    void frame()
    {
        runFrame();
    }

    /** @return the fixed-step loop. */
    public FixedStepLoop loop()
    {
        return loop;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "isochron-single-threaded-loop";
    }
}
