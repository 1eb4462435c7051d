package dev.isochron.engine.loop;

import dev.isochron.engine.handoff.TripleBuffer;
import org.agrona.concurrent.NanoClock;

/**
 * The render thread's frame in the two-thread model: each frame reads the clock once, takes the newest state from
 * the triple buffer, reports {@link LoopObserver#onFrameStart} with the state's age (frame start minus its publish
 * time; 0 before the first publication), calls the {@link StateRenderer} with an alpha derived from that age,
 * reports {@link LoopObserver#onFrameEnd}, then paces.
 * <p>
 * Alpha is {@code stateAgeNs * timeScale / tickPeriodNs} (the loop's current time scale and tick period), clamped
 * to [0, 1): the state was published right after its latest tick, so its age measures how far simulated time has
 * moved past that tick.
 * <p>
 * Use it from a thread the caller owns ({@link #runFrame()}, {@link #run(long)}: a render thread that holds a GL
 * context) or as an {@link Agent} ({@code doWork} runs one frame) with an {@link org.agrona.concurrent.AgentRunner}
 * or {@link org.agrona.concurrent.AgentInvoker} and a {@link org.agrona.concurrent.NoOpIdleStrategy}: the pacer
 * (or the vsync'd swap) does the waiting.
 * <p>
 * Threading: the render thread only (it is the triple buffer's single reader); {@link #requestStop()} from any
 * thread. Allocation: none per frame.
 *
 * @param <T> the render state type held by the triple buffer.
 */
public final class RenderFrameDriver<T> extends FrameDriver
{
    private static final double MAX_ALPHA = Math.nextDown(1.0);

    private final TripleBuffer<T> buffer;
    private final StateRenderer<T> renderer;
    private final FixedStepLoop loop;

    private long framesWithNewState;
    private long lastStateAgeNs;
    private double lastAlpha;

    /**
     * Makes the driver.
     *
     * @param buffer   the triple buffer this driver is the single reader of.
     * @param renderer draws each frame.
     * @param pacer    waits between frames.
     * @param loop     the simulation's loop, read only for its tick period and time scale (both safe from any thread).
     * @param clock    the engine's clock, the same as the simulation's.
     * @param observer receives {@code onFrameStart} and {@code onFrameEnd}.
     */
    public RenderFrameDriver(
        final TripleBuffer<T> buffer,
        final StateRenderer<T> renderer,
        final FramePacer pacer,
        final FixedStepLoop loop,
        final NanoClock clock,
        final LoopObserver observer)
    {
        super(pacer, clock, observer);
        Messages.requireArguments(buffer, renderer, loop);
        this.buffer = buffer;
        this.renderer = renderer;
        this.loop = loop;
    }

    /**
     * The interpolation fraction of a state of the given age. Pure.
     *
     * @param stateAgeNs   frame start minus the state's publish time.
     * @param timeScale    ratio of simulated to real time.
     * @param tickPeriodNs the fixed step.
     * @return {@code stateAgeNs * timeScale / tickPeriodNs} clamped to [0, 1).
     */
    public static double alpha(final long stateAgeNs, final double timeScale, final long tickPeriodNs)
    {
        final double alpha = stateAgeNs * timeScale / tickPeriodNs;
        if (!(alpha > 0.0))
        {
            return 0.0;
        }
        return Math.min(alpha, MAX_ALPHA);
    }

    /**
     * Runs one frame. Allocation-free.
     *
     * @return whether the frame drew a state newer than the previous frame's.
     */
    public boolean runFrame()
    {
        final long frameStartNs = clock().nanoTime();
        final T state = buffer.acquireNewest();
        final boolean changed = buffer.frontChanged();
        final long stateAgeNs = 0 == buffer.frontSequence() ? 0L : frameStartNs - buffer.frontPublishNs();
        lastStateAgeNs = stateAgeNs;
        observer().onFrameStart(frameStartNs, stateAgeNs);
        final double alpha = alpha(stateAgeNs, loop.timeScale(), loop.tickPeriodNs());
        lastAlpha = alpha;
        renderer.render(state, alpha, frameStartNs);
        if (changed)
        {
            framesWithNewState++;
        }
        endFrame();
        return changed;
    }

    void frame()
    {
        runFrame();
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return Messages.roleName();
    }

    /** @return the frames that drew a state newer than the previous frame's. */
    public long framesWithNewState()
    {
        return framesWithNewState;
    }

    /** @return the state age of the latest frame, in ns. */
    public long lastStateAgeNs()
    {
        return lastStateAgeNs;
    }

    /** @return the alpha of the latest frame. */
    public double lastAlpha()
    {
        return lastAlpha;
    }

    /**
     * The argument names and the role name, in a class of their own so that RenderFrameDriver holds no String
     * constant: the first C2 compile of {@link #runFrame()} would otherwise resolve them on the render thread,
     * allocating there once mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static void requireArguments(
            final TripleBuffer<?> buffer, final StateRenderer<?> renderer, final FixedStepLoop loop)
        {
            requireNonNull(buffer, "buffer");
            requireNonNull(renderer, "renderer");
            requireNonNull(loop, "loop");
        }

        static String roleName()
        {
            return "isochron-render-frame";
        }
    }
}
