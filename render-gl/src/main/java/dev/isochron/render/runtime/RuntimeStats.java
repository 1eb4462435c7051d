package dev.isochron.render.runtime;

/**
 * Live figures of a running application for an on-screen HUD: the latest frame times (a ring the render thread
 * writes), frame and tick counts, stalls, GC, allocation and input counters.
 * <p>
 * Threading: the frame figures are written by the render thread at the end of each frame and are exact when read
 * from it ({@link Application#render}); the others are published by the threads that own them (simulation, GC
 * notifications, the input queue) through volatile fields and may lag a frame. Every getter is allocation-free.
 */
public final class RuntimeStats
{
    /** How many recent frame times {@link #recentFrameTimeNs(int)} keeps. */
    public static final int RECENT_FRAMES = 256;

    private final long[] recentFrameTimeNs = new long[RECENT_FRAMES];
    private long frames;
    private long lastFrameTimeNs;
    private long lastRenderNs;
    private long stalls;
    private long stallThresholdNs;
    private long skippedFrames;
    private volatile long ticks;
    private volatile long droppedTicks;
    private volatile long gcCount;
    private volatile long gcPauseNsTotal;
    private volatile long renderAllocatedBytes;
    private volatile long renderBytesLastFrame;
    private volatile long inputEvents;
    private volatile long inputDrops;
    private volatile long inputLatencyP99Ns;

    RuntimeStats(final long stallThresholdNs)
    {
        this.stallThresholdNs = stallThresholdNs;
    }

    void onFrame(final long frameTimeNs, final long renderNs)
    {
        recentFrameTimeNs[(int)(frames & (RECENT_FRAMES - 1))] = frameTimeNs;
        frames++;
        lastFrameTimeNs = frameTimeNs;
        lastRenderNs = renderNs;
        if (frameTimeNs > stallThresholdNs)
        {
            stalls++;
        }
    }

    void onSkippedFrame()
    {
        skippedFrames++;
    }

    void ticks(final long ticks, final long droppedTicks)
    {
        this.ticks = ticks;
        this.droppedTicks = droppedTicks;
    }

    void gc(final long count, final long pauseNsTotal)
    {
        this.gcCount = count;
        this.gcPauseNsTotal = pauseNsTotal;
    }

    void renderBytes(final long totalBytes, final long lastFrameBytes)
    {
        this.renderAllocatedBytes = totalBytes;
        this.renderBytesLastFrame = lastFrameBytes;
    }

    void input(final long events, final long drops, final long latencyP99Ns)
    {
        this.inputEvents = events;
        this.inputDrops = drops;
        this.inputLatencyP99Ns = latencyP99Ns;
    }

    /** @return frames timed so far (a frame is timed from its start to the next frame's start). */
    public long frames()
    {
        return frames;
    }

    /** @return the latest frame time in ns (start to next start), 0 before the second frame. */
    public long lastFrameTimeNs()
    {
        return lastFrameTimeNs;
    }

    /** @return the time the latest frame spent from its start to the end of its draws, in ns. */
    public long lastRenderNs()
    {
        return lastRenderNs;
    }

    /**
     * @param framesAgo 0 for the latest frame, up to {@link #RECENT_FRAMES} - 1.
     * @return that frame's time in ns, 0 when fewer frames ran.
     */
    public long recentFrameTimeNs(final int framesAgo)
    {
        if (framesAgo < 0 || framesAgo >= RECENT_FRAMES || framesAgo >= frames)
        {
            return 0L;
        }
        return recentFrameTimeNs[(int)((frames - 1 - framesAgo) & (RECENT_FRAMES - 1))];
    }

    /** @return frames over the stall threshold so far (warm-up included). */
    public long stalls()
    {
        return stalls;
    }

    /** @return the stall threshold in ns (docs/report.md: 1.5 x the target period, 25 ms uncapped). */
    public long stallThresholdNs()
    {
        return stallThresholdNs;
    }

    /** @return frames dropped by {@link FailurePolicy#SKIP_FRAME}. */
    public long skippedFrames()
    {
        return skippedFrames;
    }

    /** @return ticks run so far. */
    public long ticks()
    {
        return ticks;
    }

    /** @return ticks dropped because catch-up was clamped. */
    public long droppedTicks()
    {
        return droppedTicks;
    }

    /** @return GC pauses since the run started. */
    public long gcCount()
    {
        return gcCount;
    }

    /** @return total GC pause time since the run started, in ns. */
    public long gcPauseNsTotal()
    {
        return gcPauseNsTotal;
    }

    /** @return bytes the render thread allocated since the run started (-1 if the JVM cannot measure it). */
    public long renderAllocatedBytes()
    {
        return renderAllocatedBytes;
    }

    /** @return bytes the render thread allocated during the latest frame (-1 if unmeasurable). */
    public long renderBytesLastFrame()
    {
        return renderBytesLastFrame;
    }

    /** @return input events consumed by the simulation so far. */
    public long inputEvents()
    {
        return inputEvents;
    }

    /** @return input events dropped because the queue was full. */
    public long inputDrops()
    {
        return inputDrops;
    }

    /** @return the 99th percentile input latency so far in ns (capture to the tick that consumed it). */
    public long inputLatencyP99Ns()
    {
        return inputLatencyP99Ns;
    }
}
