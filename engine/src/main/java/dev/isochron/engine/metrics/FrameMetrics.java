package dev.isochron.engine.metrics;

import dev.isochron.engine.loop.LoopObserver;
import org.HdrHistogram.Histogram;

import java.util.Arrays;

/**
 * Frame and tick timing of one run: HdrHistograms of frame time and tick time, per-frame records of the
 * measured window, dropped ticks, and stall attribution after the fact.
 * <p>
 * Definitions (docs/report.md): <b>frame time</b> is the interval between the starts of two consecutive frames,
 * so a frame is measured when the next one starts and the last frame of a run, which has no successor, is
 * not measured. <b>Tick time</b> is the wall time one update takes ({@code tickEndNs - tickStartNs}). The
 * first {@code warmupFrames} frames are not measured; the window then holds every following frame, up to
 * {@code windowCapacityFrames}, after which it is complete ({@link #isWindowComplete()}) and recording stops.
 * Ticks are measured while the window is open. Per measured frame the record keeps: start, frame time,
 * update ns (single-threaded: the sum of the ticks run from this frame's start to the next frame's start;
 * multi-threaded: 0, the ticks run on another thread), render ns (the frame's work, {@code onFrameEnd -
 * onFrameStart}, minus the ticks that ran inside it) and state age. These are enough to write the per-frame
 * CSV and to attribute stalls ({@link #attributeStalls(GcPauseMonitor)}).
 * <p>
 * Histograms are preallocated with a fixed range (1 ns to {@code histogramMaxNs}, 3 significant digits, no
 * auto-resize); samples are clamped into range first and counted ({@link #clampedSamples()}).
 * <p>
 * Threading: follows {@link LoopObserver}: frame methods on the render thread, tick methods on the
 * simulation thread (the same thread in single-threaded mode). All recording is allocation-free. Reading
 * (every accessor below the observer methods) is for after the loop has stopped, on any thread: the
 * writers' plain fields are published by the volatile writes that end the window and by the thread joins
 * that stop the loop.
 */
public final class FrameMetrics implements LoopObserver
{
    /** How the loop runs: decides how update time and late simulation are measured. */
    public enum Threading
    {
        /** Simulation and rendering on one thread. */
        SINGLE,
        /** Simulation thread and render thread. */
        MULTI
    }

    private final Context ctx;
    private final Threading threading;
    private final int warmupFrames;
    private final int capacity;
    private final long histogramMaxNs;
    private final long tickPeriodNs;
    private final long stallThresholdNs;
    private final ThreadAllocationMeter allocationMeter;

    private final Histogram frameHistogram;
    private final Histogram tickHistogram;
    private final long[] frameStartNs;
    private final long[] frameTimeNs;
    private final long[] updateNs;
    private final long[] renderNs;
    private final long[] stateAgeNs;

    // Render thread.
    private long framesStarted;
    private boolean inFrame;
    private boolean hasCurrent;
    private long currentStartNs;
    private long currentStateAgeNs;
    private long currentWorkNs;
    private long currentUpdateInsideNs;
    private int windowFrames;
    private long windowStartNs;
    private long windowEndNs;
    private long clampedFrameSamples;
    private volatile boolean measuring;
    private volatile boolean windowComplete;

    // Simulation thread (same as render in SINGLE mode).
    private long updateSinceFrameStartNs;
    private long ticksMeasured;
    private long clampedTickSamples;
    private volatile long droppedTicks;

    /**
     * Preallocates every histogram and per-frame array now (start-up).
     *
     * @param ctx the configuration; {@link Context#conclude()} is called here.
     * @throws IllegalArgumentException naming the first invalid option and its allowed range.
     */
    public FrameMetrics(final Context ctx)
    {
        ctx.conclude();
        this.ctx = ctx;
        this.threading = ctx.threading;
        this.warmupFrames = ctx.warmupFrames;
        this.capacity = ctx.windowCapacityFrames;
        this.histogramMaxNs = ctx.histogramMaxNs;
        this.tickPeriodNs = Math.round(1e9 / ctx.tickRateHz);
        this.stallThresholdNs = Math.round(ctx.stallThresholdMs * 1e6);
        this.allocationMeter = ctx.allocationMeter;
        this.frameHistogram = new Histogram(1, histogramMaxNs, LatencyHistogram.SIGNIFICANT_DIGITS);
        this.tickHistogram = new Histogram(1, histogramMaxNs, LatencyHistogram.SIGNIFICANT_DIGITS);
        this.frameStartNs = new long[capacity];
        this.frameTimeNs = new long[capacity];
        this.updateNs = new long[capacity];
        this.renderNs = new long[capacity];
        this.stateAgeNs = new long[capacity];
    }

    // ------------------------------------------------------------------------------------------------
    // LoopObserver: render thread.

    /** {@inheritDoc} Allocation-free. */
    public void onFrameStart(final long frameStartNs, final long stateAgeNs)
    {
        if (hasCurrent)
        {
            closeCurrentFrame(frameStartNs);
        }
        if (framesStarted == warmupFrames && !windowComplete)
        {
            windowStartNs = frameStartNs;
            windowEndNs = frameStartNs;
            if (null != allocationMeter)
            {
                allocationMeter.startWindow();
            }
            measuring = true;
        }
        framesStarted++;
        hasCurrent = true;
        inFrame = true;
        currentStartNs = frameStartNs;
        currentStateAgeNs = stateAgeNs;
        currentWorkNs = 0;
        currentUpdateInsideNs = 0;
        if (Threading.SINGLE == threading)
        {
            updateSinceFrameStartNs = 0;
        }
    }

    /** {@inheritDoc} Allocation-free. */
    public void onFrameEnd(final long frameEndNs)
    {
        if (inFrame)
        {
            inFrame = false;
            currentWorkNs = frameEndNs - currentStartNs;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // LoopObserver: simulation thread.

    /** {@inheritDoc} Allocation-free. */
    public void onTick(final long tickIndex, final long tickStartNs, final long tickEndNs)
    {
        final long tickNs = tickEndNs - tickStartNs;
        if (Threading.SINGLE == threading)
        {
            updateSinceFrameStartNs += tickNs;
            if (inFrame)
            {
                currentUpdateInsideNs += tickNs;
            }
        }
        if (measuring)
        {
            ticksMeasured++;
            tickHistogram.recordValue(clampTick(tickNs));
        }
    }

    /** {@inheritDoc} Counted only while the window is open. Allocation-free. */
    public void onDroppedTicks(final long droppedTicks)
    {
        if (measuring && droppedTicks > 0)
        {
            this.droppedTicks += droppedTicks;
        }
    }

    /**
     * Ends the window now, if it is open, from the thread that stops the loop once the loop has stopped.
     * Frames not yet measured stay out. Snapshots the allocation meter (its threads must still be alive).
     */
    public void endWindow()
    {
        if (measuring)
        {
            finishWindow();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Reading: after the loop has stopped.

    /** @return the configuration. */
    public Context context()
    {
        return ctx;
    }

    /** @return whether the window has been opened (warm-up over). */
    public boolean isMeasuring()
    {
        return measuring;
    }

    /** @return whether the window is full or was ended: a driver may stop the run. */
    public boolean isWindowComplete()
    {
        return windowComplete;
    }

    /** @return frames in the measured window ({@code frames} in the report). */
    public int frames()
    {
        return windowFrames;
    }

    /** @return frames started since construction, warm-up included. */
    public long framesStarted()
    {
        return framesStarted;
    }

    /** @return ticks measured inside the window. */
    public long ticks()
    {
        return ticksMeasured;
    }

    /** @return ticks skipped by clamped catch-up inside the window ({@code droppedTicks}). */
    public long droppedTicks()
    {
        return droppedTicks;
    }

    /** @return samples clamped into the histograms' range. */
    public long clampedSamples()
    {
        return clampedFrameSamples + clampedTickSamples;
    }

    /** @return start of the first measured frame, engine clock. */
    public long windowStartNs()
    {
        return windowStartNs;
    }

    /** @return start of the frame after the last measured one (the window's end), engine clock. */
    public long windowEndNs()
    {
        return windowEndNs;
    }

    /** @return the stall threshold, ns. */
    public long stallThresholdNs()
    {
        return stallThresholdNs;
    }

    /** @return the tick period from {@code tickRateHz}, ns. */
    public long tickPeriodNs()
    {
        return tickPeriodNs;
    }

    /** @return the histogram of measured frame times, ns. Do not modify. */
    public Histogram frameTimeHistogram()
    {
        return frameHistogram;
    }

    /** @return the histogram of measured tick times, ns. Do not modify. */
    public Histogram tickTimeHistogram()
    {
        return tickHistogram;
    }

    /**
     * @param i frame in the window, in [0, {@link #frames()}).
     * @return its start, engine clock.
     */
    public long frameStartNs(final int i)
    {
        return frameStartNs[checkFrame(i)];
    }

    /**
     * @param i frame in the window.
     * @return its frame time (start to next start), ns.
     */
    public long frameTimeNs(final int i)
    {
        return frameTimeNs[checkFrame(i)];
    }

    /**
     * @param i frame in the window.
     * @return single-threaded: the ticks run from its start to the next frame's start, ns; multi-threaded: 0.
     */
    public long updateNs(final int i)
    {
        return updateNs[checkFrame(i)];
    }

    /**
     * @param i frame in the window.
     * @return its work (start to {@code onFrameEnd}) minus the ticks that ran inside it, ns.
     */
    public long renderNs(final int i)
    {
        return renderNs[checkFrame(i)];
    }

    /**
     * @param i frame in the window.
     * @return the age of the state it drew, ns (0 single-threaded).
     */
    public long stateAgeNs(final int i)
    {
        return stateAgeNs[checkFrame(i)];
    }

    /** @return the exact mean frame time of the window, ns (0 when empty). */
    public double meanFrameTimeNs()
    {
        return windowFrames == 0 ? 0.0 : (double)(windowEndNs - windowStartNs) / windowFrames;
    }

    /** @return the exact longest frame time of the window, ns. */
    public long maxFrameTimeNs()
    {
        long max = 0;
        for (int i = 0; i < windowFrames; i++)
        {
            max = Math.max(max, frameTimeNs[i]);
        }
        return max;
    }

    /** @return frames per second over the window: frames / (sum of frame times). */
    public double fpsMean()
    {
        final long totalNs = windowEndNs - windowStartNs;
        return totalNs <= 0 ? 0.0 : windowFrames * 1e9 / totalNs;
    }

    /**
     * 1% low FPS: 1000 / (the mean of the slowest 1% of frame times, in ms); at least one frame is taken.
     * Sorts a copy of the frame times (allocates; report time only).
     *
     * @return the 1% low FPS, 0 when the window is empty.
     */
    public double onePercentLowFps()
    {
        if (windowFrames == 0)
        {
            return 0.0;
        }
        final long[] sorted = Arrays.copyOf(frameTimeNs, windowFrames);
        Arrays.sort(sorted);
        final int slowest = NearestRank.slowestOnePercent(windowFrames);
        long sum = 0;
        for (int i = windowFrames - slowest; i < windowFrames; i++)
        {
            sum += sorted[i];
        }
        final double meanMs = sum / 1e6 / slowest;
        return meanMs <= 0 ? 0.0 : 1000.0 / meanMs;
    }

    /**
     * The cause of frame {@code i}'s stall, checked in order gc, update, render (docs/report.md).
     *
     * @param i        frame in the window.
     * @param gcPauses the run's GC pauses, or null when not monitored (then no stall is put down to gc).
     * @return {@link StallCause#NONE} when the frame time did not exceed the threshold.
     */
    public StallCause stallCause(final int i, final GcPauseMonitor gcPauses)
    {
        checkFrame(i);
        if (frameTimeNs[i] <= stallThresholdNs)
        {
            return StallCause.NONE;
        }
        final long start = frameStartNs[i];
        if (null != gcPauses &&
            gcPauses.pauseOverlaps(start, start + frameTimeNs[i], GcPauseMonitor.ATTRIBUTION_SLACK_NS))
        {
            return StallCause.GC;
        }
        if (Threading.SINGLE == threading ? updateNs[i] > renderNs[i] : stateAgeNs[i] > 2 * tickPeriodNs)
        {
            return StallCause.UPDATE;
        }
        return StallCause.RENDER;
    }

    /**
     * Counts the window's stalls by cause.
     *
     * @param gcPauses the run's GC pauses, or null.
     * @return counts indexed by {@link StallCause#ordinal()} ({@code [NONE]} holds the frames that did not stall).
     */
    public long[] attributeStalls(final GcPauseMonitor gcPauses)
    {
        final long[] counts = new long[StallCause.values().length];
        for (int i = 0; i < windowFrames; i++)
        {
            counts[stallCause(i, gcPauses).ordinal()]++;
        }
        return counts;
    }

    private void closeCurrentFrame(final long nextStartNs)
    {
        if (inFrame)
        {
            // onFrameEnd never came: the whole interval was the frame's work.
            inFrame = false;
            currentWorkNs = nextStartNs - currentStartNs;
        }
        if (measuring)
        {
            final int i = windowFrames;
            final long frameNs = nextStartNs - currentStartNs;
            frameStartNs[i] = currentStartNs;
            frameTimeNs[i] = frameNs;
            updateNs[i] = Threading.SINGLE == threading ? updateSinceFrameStartNs : 0;
            renderNs[i] = Math.max(0, currentWorkNs - currentUpdateInsideNs);
            stateAgeNs[i] = currentStateAgeNs;
            frameHistogram.recordValue(clampFrame(frameNs));
            windowFrames = i + 1;
            windowEndNs = nextStartNs;
            if (windowFrames == capacity)
            {
                finishWindow();
            }
        }
    }

    private void finishWindow()
    {
        measuring = false;
        if (null != allocationMeter)
        {
            allocationMeter.endWindow();
        }
        windowComplete = true;
    }

    private long clampFrame(final long ns)
    {
        if (ns < 0)
        {
            clampedFrameSamples++;
            return 0;
        }
        if (ns > histogramMaxNs)
        {
            clampedFrameSamples++;
            return histogramMaxNs;
        }
        return ns;
    }

    private long clampTick(final long ns)
    {
        if (ns < 0)
        {
            clampedTickSamples++;
            return 0;
        }
        if (ns > histogramMaxNs)
        {
            clampedTickSamples++;
            return histogramMaxNs;
        }
        return ns;
    }

    private int checkFrame(final int i)
    {
        if (i < 0 || i >= windowFrames)
        {
            throw Messages.badFrame(windowFrames, i);
        }
        return i;
    }

    /**
     * Configuration of {@link FrameMetrics}: fluent setters, then {@link #conclude()} fills defaults and
     * rejects values out of range, naming the option and the range.
     */
    public static final class Context
    {
        /** Default warm-up, in frames. */
        public static final int DEFAULT_WARMUP_FRAMES = 300;
        /** Default window capacity, in frames (about 28 min at 60 FPS; 40 bytes per frame). */
        public static final int DEFAULT_WINDOW_CAPACITY_FRAMES = 100_000;
        /** Largest window capacity. */
        public static final int MAX_WINDOW_CAPACITY_FRAMES = 50_000_000;
        /** Largest warm-up. */
        public static final int MAX_WARMUP_FRAMES = 100_000_000;
        /** Default tick rate, Hz. */
        public static final double DEFAULT_TICK_RATE_HZ = 120.0;
        /** Stall threshold when uncapped, ms. */
        public static final double UNCAPPED_STALL_THRESHOLD_MS = 25.0;
        /** Default refresh rate assumed under vsync when none is given, Hz. */
        public static final double DEFAULT_DISPLAY_REFRESH_HZ = 60.0;
        /** Default histogram range: 60 s. */
        public static final long DEFAULT_HISTOGRAM_MAX_NS = 60_000_000_000L;

        private Threading threading = Threading.SINGLE;
        private int warmupFrames = DEFAULT_WARMUP_FRAMES;
        private int windowCapacityFrames = DEFAULT_WINDOW_CAPACITY_FRAMES;
        private double tickRateHz = DEFAULT_TICK_RATE_HZ;
        private double targetFps = 0;
        private double displayRefreshHz = DEFAULT_DISPLAY_REFRESH_HZ;
        private double stallThresholdMs = Double.NaN;
        private long histogramMaxNs = DEFAULT_HISTOGRAM_MAX_NS;
        private ThreadAllocationMeter allocationMeter;
        private boolean concluded;

        /**
         * @param threading single- or multi-threaded loop (default single).
         * @return this.
         */
        public Context threading(final Threading threading)
        {
            this.threading = threading;
            return this;
        }

        /** @return the threading mode. */
        public Threading threading()
        {
            return threading;
        }

        /**
         * @param warmupFrames frames before the window opens, in [0, 100000000] (default 300).
         * @return this.
         */
        public Context warmupFrames(final int warmupFrames)
        {
            this.warmupFrames = warmupFrames;
            return this;
        }

        /** @return the warm-up, frames. */
        public int warmupFrames()
        {
            return warmupFrames;
        }

        /**
         * @param windowCapacityFrames the most frames the window records, in [1, 50000000] (default 100000).
         * @return this.
         */
        public Context windowCapacityFrames(final int windowCapacityFrames)
        {
            this.windowCapacityFrames = windowCapacityFrames;
            return this;
        }

        /** @return the window capacity, frames. */
        public int windowCapacityFrames()
        {
            return windowCapacityFrames;
        }

        /**
         * @param tickRateHz the fixed-step loop's tick rate, in (0, 10000] (default 120).
         * @return this.
         */
        public Context tickRateHz(final double tickRateHz)
        {
            this.tickRateHz = tickRateHz;
            return this;
        }

        /** @return the tick rate, Hz. */
        public double tickRateHz()
        {
            return tickRateHz;
        }

        /**
         * @param targetFps 0 = uncapped, -1 = vsync, else the pacer's target in (0, 10000] (default 0).
         * @return this.
         */
        public Context targetFps(final double targetFps)
        {
            this.targetFps = targetFps;
            return this;
        }

        /** @return the target FPS (0 uncapped, -1 vsync). */
        public double targetFps()
        {
            return targetFps;
        }

        /**
         * @param displayRefreshHz the display's refresh rate, used for the stall threshold under vsync,
         *                         in (0, 1000] (default 60).
         * @return this.
         */
        public Context displayRefreshHz(final double displayRefreshHz)
        {
            this.displayRefreshHz = displayRefreshHz;
            return this;
        }

        /**
         * @param stallThresholdMs frame time above which a frame is a stall, in (0, 60000]; default 1.5 x the
         *                         target frame period, 25 ms when uncapped.
         * @return this.
         */
        public Context stallThresholdMs(final double stallThresholdMs)
        {
            this.stallThresholdMs = stallThresholdMs;
            return this;
        }

        /** @return the stall threshold, ms (after {@link #conclude()}: the default when none was set). */
        public double stallThresholdMs()
        {
            return stallThresholdMs;
        }

        /**
         * @param histogramMaxNs the largest frame or tick time the histograms track, in [1000000, 3600000000000]
         *                       (1 ms .. 1 h; default 60 s); larger samples are clamped.
         * @return this.
         */
        public Context histogramMaxNs(final long histogramMaxNs)
        {
            this.histogramMaxNs = histogramMaxNs;
            return this;
        }

        /** @return the histograms' highest trackable value, ns. */
        public long histogramMaxNs()
        {
            return histogramMaxNs;
        }

        /**
         * @param allocationMeter snapshotted when the window opens and when it ends; null for none (default).
         * @return this.
         */
        public Context allocationMeter(final ThreadAllocationMeter allocationMeter)
        {
            this.allocationMeter = allocationMeter;
            return this;
        }

        /** @return the allocation meter, or null. */
        public ThreadAllocationMeter allocationMeter()
        {
            return allocationMeter;
        }

        /**
         * Fills defaults and validates. Idempotent.
         *
         * @return this.
         * @throws IllegalArgumentException naming the first invalid option, its allowed range and its value.
         */
        public Context conclude()
        {
            if (concluded)
            {
                return this;
            }
            if (null == threading)
            {
                throw new IllegalArgumentException("threading must be SINGLE or MULTI, was null");
            }
            if (warmupFrames < 0 || warmupFrames > MAX_WARMUP_FRAMES)
            {
                throw new IllegalArgumentException("warmupFrames must be in [0, " + MAX_WARMUP_FRAMES + "], was " +
                    warmupFrames);
            }
            if (windowCapacityFrames < 1 || windowCapacityFrames > MAX_WINDOW_CAPACITY_FRAMES)
            {
                throw new IllegalArgumentException("windowCapacityFrames must be in [1, " + MAX_WINDOW_CAPACITY_FRAMES +
                    "], was " + windowCapacityFrames);
            }
            if (!(tickRateHz > 0 && tickRateHz <= 10_000))
            {
                throw new IllegalArgumentException("tickRateHz must be in (0, 10000], was " + tickRateHz);
            }
            if (!(targetFps == 0 || targetFps == -1 || (targetFps > 0 && targetFps <= 10_000)))
            {
                throw new IllegalArgumentException("targetFps must be 0 (uncapped), -1 (vsync) or in (0, 10000], was " +
                    targetFps);
            }
            if (!(displayRefreshHz > 0 && displayRefreshHz <= 1000))
            {
                throw new IllegalArgumentException("displayRefreshHz must be in (0, 1000], was " + displayRefreshHz);
            }
            if (histogramMaxNs < LatencyHistogram.MIN_HIGHEST_TRACKABLE_NS ||
                histogramMaxNs > LatencyHistogram.MAX_HIGHEST_TRACKABLE_NS)
            {
                throw new IllegalArgumentException("histogramMaxNs must be in [" + LatencyHistogram.MIN_HIGHEST_TRACKABLE_NS +
                    ", " + LatencyHistogram.MAX_HIGHEST_TRACKABLE_NS + "], was " + histogramMaxNs);
            }
            if (Double.isNaN(stallThresholdMs))
            {
                if (targetFps == 0)
                {
                    stallThresholdMs = UNCAPPED_STALL_THRESHOLD_MS;
                }
                else
                {
                    stallThresholdMs = 1.5 * 1000.0 / (targetFps == -1 ? displayRefreshHz : targetFps);
                }
            }
            else if (!(stallThresholdMs > 0 && stallThresholdMs <= 60_000))
            {
                throw new IllegalArgumentException("stallThresholdMs must be in (0, 60000], was " + stallThresholdMs);
            }
            concluded = true;
            return this;
        }
    }

    /**
     * The message, in a class of its own so that FrameMetrics holds no String constant: the first C2 compile of
     * {@link #onFrameEnd(long)} or {@link #onTick(long, long, long)} would otherwise resolve it on the engine thread
     * that calls it, allocating there once mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IndexOutOfBoundsException badFrame(final int windowFrames, final int i)
        {
            return new IndexOutOfBoundsException("frame must be in [0, " + windowFrames + "), was " + i);
        }
    }
}
