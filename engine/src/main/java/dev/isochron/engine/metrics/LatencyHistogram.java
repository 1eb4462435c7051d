package dev.isochron.engine.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * An HdrHistogram of latencies ({@code inputLatencyMs} in the run report), written by one thread through
 * {@link LatencySink} and read safely by another at any time.
 * <p>
 * Writing: {@link #recordLatencyNs(long)} clamps the sample to [0, {@link #highestTrackableNs()}] (HdrHistogram
 * throws outside its range; clamped samples are counted) and records it into a {@link SingleWriterRecorder}:
 * wait-free, allocation-free. Reading: {@link #snapshot()} flips the recorder's interval histogram
 * (a {@code WriterReaderPhaser}, so the writer never waits and no sample is lost or torn) and adds it to a
 * cumulative histogram owned by the reader. Threading: exactly one writer thread (the simulation thread);
 * one reader thread at a time. The reader side allocates on its first snapshot only.
 */
public final class LatencyHistogram implements LatencySink
{
    /** The default highest trackable latency: 60 s. */
    public static final long DEFAULT_HIGHEST_TRACKABLE_NS = 60_000_000_000L;
    /** The largest highest trackable latency: 1 hour. */
    public static final long MAX_HIGHEST_TRACKABLE_NS = 3_600_000_000_000L;
    /** The smallest highest trackable latency: 1 ms. */
    public static final long MIN_HIGHEST_TRACKABLE_NS = 1_000_000L;
    /** Significant decimal digits kept by every engine histogram. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final long highestTrackableNs;
    private final SingleWriterRecorder recorder;
    private final Histogram cumulative;
    private Histogram interval;
    private volatile long clampedSamples;

    /** A histogram from 1 ns to 60 s with 3 significant digits. */
    public LatencyHistogram()
    {
        this(DEFAULT_HIGHEST_TRACKABLE_NS);
    }

    /**
     * @param highestTrackableNs the largest latency kept exactly, in [1 ms, 1 h]; larger samples are clamped.
     * @throws IllegalArgumentException naming {@code highestTrackableNs} and its range.
     */
    public LatencyHistogram(final long highestTrackableNs)
    {
        if (highestTrackableNs < MIN_HIGHEST_TRACKABLE_NS || highestTrackableNs > MAX_HIGHEST_TRACKABLE_NS)
        {
            throw Messages.badHighestTrackableNs(highestTrackableNs);
        }
        this.highestTrackableNs = highestTrackableNs;
        this.recorder = new SingleWriterRecorder(1, highestTrackableNs, SIGNIFICANT_DIGITS);
        this.cumulative = new Histogram(1, highestTrackableNs, SIGNIFICANT_DIGITS);
    }

    /** @return the largest latency recorded without clamping. */
    public long highestTrackableNs()
    {
        return highestTrackableNs;
    }

    /**
     * Records one latency; allocation-free, wait-free. Writer thread only.
     *
     * @param latencyNs the latency; negative values count as 0, values above {@link #highestTrackableNs()}
     *                  as that maximum, and both are counted in {@link #clampedSamples()}.
     */
    public void recordLatencyNs(final long latencyNs)
    {
        long value = latencyNs;
        if (value < 0)
        {
            value = 0;
            clampedSamples++;
        }
        else if (value > highestTrackableNs)
        {
            value = highestTrackableNs;
            clampedSamples++;
        }
        recorder.recordValue(value);
    }

    /** @return samples clamped into range so far (written by the writer; read from any thread). */
    public long clampedSamples()
    {
        return clampedSamples;
    }

    /**
     * Adds everything recorded since the previous snapshot to the cumulative histogram and returns it.
     * Reader thread only; the returned histogram belongs to this object and changes on the next snapshot.
     *
     * @return the cumulative histogram of all samples recorded so far.
     */
    public Histogram snapshot()
    {
        interval = recorder.getIntervalHistogram(interval);
        cumulative.add(interval);
        return cumulative;
    }

    /**
     * The message, in a class of its own so that LatencyHistogram holds no String constant: the first C2 compile
     * of {@link #recordLatencyNs(long)} would otherwise resolve it on the simulation thread, allocating there once
     * mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badHighestTrackableNs(final long highestTrackableNs)
        {
            return new IllegalArgumentException("highestTrackableNs must be in [" + MIN_HIGHEST_TRACKABLE_NS + ", " +
                MAX_HIGHEST_TRACKABLE_NS + "], was " + highestTrackableNs);
        }
    }
}
