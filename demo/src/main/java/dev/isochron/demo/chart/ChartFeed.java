package dev.isochron.demo.chart;

import org.agrona.concurrent.Agent;

/**
 * The chart's data source: a producer thread that emits one row of the four {@link Signals} per
 * millisecond of wall time, in bursts (it wakes every 2-40 ms and writes everything due), as a
 * network feed would. Engine mode publishes into a {@link FeedRing}; naive mode appends boxed
 * values to a {@link NaiveChartData} under its lock.
 * <p>
 * Thread: its own (the runtime runs it as a producer thread). Allocation: none in engine mode.
 */
public final class ChartFeed implements Agent
{
    private final FeedRing ring;
    private final NaiveChartData naive;
    private final long startSample;
    private long nextSample;
    private long startNs;
    private long nextBurstNs;
    private long random = 0x2545F4914F6CDD1DL;
    private boolean started;

    /**
     * @param firstSample the index of the first live sample (the prefilled history's length).
     * @param ring        engine mode's handoff, or null in naive mode.
     * @param naive       naive mode's shared buffer, or null in engine mode.
     */
    public ChartFeed(final long firstSample, final FeedRing ring, final NaiveChartData naive)
    {
        this.nextSample = firstSample;
        this.ring = ring;
        this.naive = naive;
        startSample = firstSample;
    }

    /** {@inheritDoc} */
    public int doWork()
    {
        final long now = System.nanoTime();
        if (!started)
        {
            started = true;
            startNs = now;
            nextBurstNs = now;
        }
        if (now < nextBurstNs)
        {
            return 0;
        }
        final long due = startSample + (now - startNs) / 1_000_000L;
        int rows = 0;
        while (nextSample < due)
        {
            final long n = nextSample;
            if (null != ring)
            {
                ring.offer(Signals.value(0, n), Signals.value(1, n), Signals.value(2, n), Signals.value(3, n));
            }
            else
            {
                naive.append(n);
            }
            nextSample = n + 1;
            rows++;
        }
        random ^= random << 13;
        random ^= random >>> 7;
        random ^= random << 17;
        nextBurstNs = now + 2_000_000L + ((random >>> 1) % 38_000_000L);
        return rows;
    }

    /** {@inheritDoc} */
    public String roleName()
    {
        return "chart-feed";
    }
}
