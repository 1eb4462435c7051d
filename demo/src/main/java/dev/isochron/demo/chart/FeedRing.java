package dev.isochron.demo.chart;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The lock-free handoff from the chart's producer thread to the simulation thread: a single-writer,
 * single-reader ring of rows (one value per series), published by a release store of the written
 * count and freed by a release store of the read count. A full ring drops the row and counts it;
 * the producer never waits.
 * <p>
 * Threads: {@link #offer} on the producer thread only; {@link #drainInto} on the simulation thread
 * only. Allocation-free after construction.
 */
public final class FeedRing
{
    private static final VarHandle WRITTEN;
    private static final VarHandle READ;
    private static final VarHandle DROPPED;

    static
    {
        try
        {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            WRITTEN = lookup.findVarHandle(FeedRing.class, "written", long.class);
            READ = lookup.findVarHandle(FeedRing.class, "read", long.class);
            DROPPED = lookup.findVarHandle(FeedRing.class, "dropped", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final int capacityRows;
    private final int mask;
    private final float[] values;
    @SuppressWarnings("unused")
    private volatile long written;
    @SuppressWarnings("unused")
    private volatile long read;
    @SuppressWarnings("unused")
    private volatile long dropped;

    /** @param capacityRows rows the ring holds, a power of two in [2, 2^24]. */
    public FeedRing(final int capacityRows)
    {
        if (capacityRows < 2 || capacityRows > (1 << 24) || Integer.bitCount(capacityRows) != 1)
        {
            throw Messages.badCapacity(capacityRows);
        }
        this.capacityRows = capacityRows;
        mask = capacityRows - 1;
        values = new float[capacityRows * Signals.SERIES];
    }

    /**
     * Publishes one row. Producer thread; allocation-free.
     *
     * @return false (and the row counted as dropped) when the ring is full.
     */
    public boolean offer(final float v0, final float v1, final float v2, final float v3)
    {
        final long w = (long)WRITTEN.getOpaque(this);
        if (w - (long)READ.getAcquire(this) >= capacityRows)
        {
            DROPPED.setRelease(this, (long)DROPPED.getOpaque(this) + 1);
            return false;
        }
        final int base = (int)(w & mask) * Signals.SERIES;
        values[base] = v0;
        values[base + 1] = v1;
        values[base + 2] = v2;
        values[base + 3] = v3;
        WRITTEN.setRelease(this, w + 1);
        return true;
    }

    /**
     * Moves every published row into the histories (one per series). Simulation thread; allocation-free.
     *
     * @return rows moved.
     */
    public int drainInto(final SeriesHistory[] histories)
    {
        final long r = (long)READ.getOpaque(this);
        final long w = (long)WRITTEN.getAcquire(this);
        for (long i = r; i < w; i++)
        {
            final int base = (int)(i & mask) * Signals.SERIES;
            for (int s = 0; s < Signals.SERIES; s++)
            {
                histories[s].append(values[base + s]);
            }
        }
        READ.setRelease(this, w);
        return (int)(w - r);
    }

    /** @return rows dropped because the ring was full; any thread. */
    public long dropped()
    {
        return (long)DROPPED.getAcquire(this);
    }

    /**
     * The error message, in a class of its own: the first C2 compile of {@code drainInto} (every tick, simulation
     * thread) would otherwise resolve it there, a one-off allocation thousands of frames into a run.
     */
    private static final class Messages
    {
        static IllegalArgumentException badCapacity(final int capacityRows)
        {
            return new IllegalArgumentException("feed ring capacityRows must be a power of two in [2, 16777216], was " +
                capacityRows);
        }
    }
}
