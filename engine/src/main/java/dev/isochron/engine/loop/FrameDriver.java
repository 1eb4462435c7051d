package dev.isochron.engine.loop;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;

/**
 * What the two frame drivers ({@link SingleThreadedDriver}, {@link RenderFrameDriver}) share: the end of a frame
 * ({@link LoopObserver#onFrameEnd}, the frame count, {@link FramePacer#pace()}), the bounded {@link #run(long)} with
 * its cross-thread stop request, and the {@link Agent} face ({@code doWork} runs one frame). Each driver keeps its
 * own frame start and middle ({@link #frame()}), which end with {@link #endFrame()}.
 * <p>
 * Threading: everything on the one thread that owns the driver, except {@link #requestStop()} (any thread).
 * Allocation: none per frame.
 */
abstract class FrameDriver implements Agent
{
    private final FramePacer pacer;
    private final NanoClock clock;
    private final LoopObserver observer;

    private volatile boolean stopRequested;
    private long frames;

    FrameDriver(final FramePacer pacer, final NanoClock clock, final LoopObserver observer)
    {
        Messages.requireArguments(pacer, clock, observer);
        this.pacer = pacer;
        this.clock = clock;
        this.observer = observer;
    }

    /** Runs one frame: the driver's {@code runFrame()} with its result dropped. Allocation-free. */
    abstract void frame();

    /** Reports {@link LoopObserver#onFrameEnd} at the clock's time, counts the frame and paces. */
    final void endFrame()
    {
        observer.onFrameEnd(clock.nanoTime());
        frames++;
        pacer.pace();
    }

    final NanoClock clock()
    {
        return clock;
    }

    final LoopObserver observer()
    {
        return observer;
    }

    /**
     * Runs frames until {@code frames} have run or a stop is requested (checked before each frame). A stop
     * request is consumed: a later call runs again.
     *
     * @param frames the most frames to run, >= 0.
     * @return the number of frames run.
     */
    public long run(final long frames)
    {
        if (frames < 0)
        {
            throw Messages.badFrames(frames);
        }
        long count = 0;
        while (count < frames && !stopRequested)
        {
            frame();
            count++;
        }
        stopRequested = false;
        return count;
    }

    /** Asks {@link #run(long)} to return before its next frame. Any thread. */
    public void requestStop()
    {
        stopRequested = true;
    }

    /** @return whether a stop was requested and not yet consumed by {@link #run(long)}. */
    public boolean isStopRequested()
    {
        return stopRequested;
    }

    /**
     * Runs one frame. Allocation-free.
     *
     * @return 1: a frame is always work.
     */
    public int doWork()
    {
        frame();
        return 1;
    }

    /** @return the frames run so far. */
    public long frames()
    {
        return frames;
    }

    /** @return the pacer. */
    public FramePacer pacer()
    {
        return pacer;
    }

    /** Throws {@code <name> must not be null} when {@code value} is null; the loop package's one argument check. */
    static <V> V requireNonNull(final V value, final String name)
    {
        if (null == value)
        {
            throw Messages.mustNotBeNull(name);
        }
        return value;
    }

    /**
     * The argument names and the messages, in a class of their own so that FrameDriver holds no String constant:
     * the first C2 compile of {@link #endFrame()} or {@link #doWork()} would otherwise resolve them on the render
     * thread, allocating there once mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static void requireArguments(final FramePacer pacer, final NanoClock clock, final LoopObserver observer)
        {
            requireNonNull(pacer, "pacer");
            requireNonNull(clock, "clock");
            requireNonNull(observer, "observer");
        }

        static NullPointerException mustNotBeNull(final String name)
        {
            return new NullPointerException(name + " must not be null");
        }

        static IllegalArgumentException badFrames(final long frames)
        {
            return new IllegalArgumentException("frames must be >= 0, was " + frames);
        }
    }
}
