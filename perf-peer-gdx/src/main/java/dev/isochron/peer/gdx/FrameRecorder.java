package dev.isochron.peer.gdx;

import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;

/**
 * Times every frame of the measured window as Isochron's {@code FrameMetrics} does (docs/metrics.md): a frame's time
 * is the interval from its start to the next frame's start; the window opens at the start of frame
 * {@code warmupFrames} and is complete at the start of the frame after the last measured one. Per measured frame it
 * keeps the start, the frame time, the update time (the ticks run in it) and the render time (its work minus the
 * ticks) in arrays made here; ticks and input latencies go into histograms made here (1 ns to 60 s, 3 significant
 * digits, clamped into range). At the window's edges it reads the allocated bytes of the render thread and of the
 * producer threads ({@code com.sun.management.ThreadMXBean}), so allocation covers exactly the measured frames.
 * <p>
 * Thread: the render thread (libGDX's main thread) calls everything but {@link #addProducer}, which is called before
 * the first frame. Allocation: none after construction.
 */
final class FrameRecorder
{
    /** Histogram range: 1 ns to 60 s, as the engine's. */
    static final long HISTOGRAM_MAX_NS = 60_000_000_000L;
    /** Significant digits of every histogram, as the engine's. */
    static final int SIGNIFICANT_DIGITS = 3;
    /** Producer threads followed at most. */
    static final int MAX_PRODUCERS = 4;

    private final int warmupFrames;
    private final int capacity;
    private final long[] startNs;
    private final long[] frameNs;
    private final long[] updateNs;
    private final long[] renderNs;
    private final Histogram tickHistogram = new Histogram(1, HISTOGRAM_MAX_NS, SIGNIFICANT_DIGITS);
    private final Histogram inputLatency = new Histogram(1, HISTOGRAM_MAX_NS, SIGNIFICANT_DIGITS);
    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final long renderThreadId;
    private final Thread[] producers = new Thread[MAX_PRODUCERS];
    private final long[] producerBytesAtStart = new long[MAX_PRODUCERS];
    private int producerCount;

    private long framesStarted;
    private long previousStartNs;
    private int current = -1;
    private boolean complete;
    private long windowStartNs;
    private long windowEndNs;
    private long renderBytesAtStart;
    private long renderBytes;
    private long producerBytes;
    private long ticks;
    private long droppedTicks;
    private long clampedSamples;
    private long inputEvents;
    private long lastFrameNs;

    /**
     * @param warmupFrames frames before the window, >= 0.
     * @param frames       measured frames, >= 1.
     * @param renderThread the thread that calls {@link #frameStart}.
     */
    FrameRecorder(final int warmupFrames, final int frames, final Thread renderThread)
    {
        this.warmupFrames = warmupFrames;
        this.capacity = frames;
        startNs = new long[frames];
        frameNs = new long[frames];
        updateNs = new long[frames];
        renderNs = new long[frames];
        renderThreadId = renderThread.getId();
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    /** Follows {@code thread}'s allocation as a producer's (the storm's input thread, the chart's feed). */
    void addProducer(final Thread thread)
    {
        if (producerCount == MAX_PRODUCERS)
        {
            throw new IllegalStateException("at most " + MAX_PRODUCERS + " producer threads are followed, " + thread.getName() +
                " would be the " + (MAX_PRODUCERS + 1) + "th");
        }
        producers[producerCount++] = thread;
    }

    /**
     * Marks the start of a frame at {@code nowNs}. Allocation-free.
     *
     * @return true when this start completed the window (the run should end now).
     */
    boolean frameStart(final long nowNs)
    {
        if (complete)
        {
            return true;
        }
        final long n = framesStarted++;
        if (n > 0)
        {
            lastFrameNs = nowNs - previousStartNs;
        }
        previousStartNs = nowNs;
        if (n < warmupFrames)
        {
            current = -1;
            return false;
        }
        final int i = (int)(n - warmupFrames);
        if (i == 0)
        {
            windowStartNs = nowNs;
            renderBytesAtStart = threads.getThreadAllocatedBytes(renderThreadId);
            for (int p = 0; p < producerCount; p++)
            {
                producerBytesAtStart[p] = threads.getThreadAllocatedBytes(producers[p].getId());
            }
        }
        else
        {
            frameNs[i - 1] = nowNs - startNs[i - 1];
        }
        if (i == capacity)
        {
            renderBytes = threads.getThreadAllocatedBytes(renderThreadId) - renderBytesAtStart;
            for (int p = 0; p < producerCount; p++)
            {
                producerBytes += threads.getThreadAllocatedBytes(producers[p].getId()) - producerBytesAtStart[p];
            }
            windowEndNs = nowNs;
            complete = true;
            current = -1;
            return true;
        }
        startNs[i] = nowNs;
        current = i;
        return false;
    }

    /** Marks the end of the current frame's work ({@code updateNs} of it ran ticks). Allocation-free. */
    void frameWorkEnd(final long nowNs, final long frameUpdateNs)
    {
        if (current >= 0)
        {
            updateNs[current] = frameUpdateNs;
            renderNs[current] = Math.max(0, nowNs - startNs[current] - frameUpdateNs);
        }
    }

    /** Records one tick of {@code tickNs} if the window is open. Allocation-free. */
    void tick(final long tickNs)
    {
        if (current >= 0)
        {
            ticks++;
            tickHistogram.recordValue(clamp(tickNs));
        }
    }

    /** Counts {@code count} ticks skipped by clamped catch-up if the window is open. */
    void droppedTicks(final long count)
    {
        if (current >= 0)
        {
            droppedTicks += count;
        }
    }

    /** Records one consumed input event's latency if the window is open. Allocation-free. */
    void inputLatency(final long latencyNs)
    {
        if (current >= 0)
        {
            inputEvents++;
            inputLatency.recordValue(clamp(latencyNs));
        }
    }

    private long clamp(final long ns)
    {
        if (ns < 1)
        {
            clampedSamples++;
            return 1;
        }
        if (ns > HISTOGRAM_MAX_NS)
        {
            clampedSamples++;
            return HISTOGRAM_MAX_NS;
        }
        return ns;
    }

    /** @return frames started so far, warm-up included. */
    long framesStarted()
    {
        return framesStarted;
    }

    /** @return the last completed frame's time, for the HUD. */
    long lastFrameNs()
    {
        return lastFrameNs;
    }

    /** @return whether the window holds every frame asked for. */
    boolean complete()
    {
        return complete;
    }

    /** @return measured frames: every frame asked for once complete, else those whose time is known. */
    int frames()
    {
        return complete ? capacity : Math.max(0, current);
    }

    long windowStartNs()
    {
        return windowStartNs;
    }

    long windowEndNs()
    {
        return windowEndNs;
    }

    long startNs(final int i)
    {
        return startNs[i];
    }

    long frameNs(final int i)
    {
        return frameNs[i];
    }

    long updateNs(final int i)
    {
        return updateNs[i];
    }

    long renderNs(final int i)
    {
        return renderNs[i];
    }

    int warmupFrames()
    {
        return warmupFrames;
    }

    Histogram tickHistogram()
    {
        return tickHistogram;
    }

    Histogram inputLatencyHistogram()
    {
        return inputLatency;
    }

    long ticks()
    {
        return ticks;
    }

    long droppedTicks()
    {
        return droppedTicks;
    }

    long clampedSamples()
    {
        return clampedSamples;
    }

    long inputEvents()
    {
        return inputEvents;
    }

    long renderBytes()
    {
        return renderBytes;
    }

    long producerBytes()
    {
        return producerBytes;
    }
}
