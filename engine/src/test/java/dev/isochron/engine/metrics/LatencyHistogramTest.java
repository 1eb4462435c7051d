package dev.isochron.engine.metrics;

import dev.isochron.engine.testing.AllocationGate;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyHistogramTest
{
    private static final long MS = 1_000_000L;

    @Test
    void shouldRecordSamplesVisibleInSnapshot()
    {
        final LatencyHistogram latency = new LatencyHistogram();
        latency.recordLatencyNs(2 * MS);
        latency.recordLatencyNs(4 * MS);
        final Histogram snapshot = latency.snapshot();
        assertEquals(2L, snapshot.getTotalCount());
        assertEquals(4 * MS, snapshot.getMaxValue(), 4 * MS / 1000.0);
    }

    @Test
    void shouldAccumulateAcrossSnapshots()
    {
        final LatencyHistogram latency = new LatencyHistogram();
        latency.recordLatencyNs(MS);
        latency.snapshot();
        latency.recordLatencyNs(MS);
        assertEquals(2L, latency.snapshot().getTotalCount());
    }

    @Test
    void shouldClampNegativeAndTooLargeSamplesAndCountThem()
    {
        final LatencyHistogram latency = new LatencyHistogram(10 * MS);
        latency.recordLatencyNs(-5);
        latency.recordLatencyNs(Long.MAX_VALUE);
        final Histogram snapshot = latency.snapshot();
        assertEquals(2L, latency.clampedSamples());
        assertEquals(0L, snapshot.getMinValue());
        assertEquals(10 * MS, snapshot.getMaxValue(), 10 * MS / 1000.0);
    }

    @Test
    void shouldRejectRangeOutsideBounds()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new LatencyHistogram(0));
        assertEquals("highestTrackableNs must be in [1000000, 3600000000000], was 0", ex.getMessage());
    }

    @Test
    void shouldRecordWithoutAllocation() throws Exception
    {
        final LatencyHistogram latency = new LatencyHistogram();
        AllocationGate.assertSteadyZero("latency recording", 500_000, 100_000,
            i -> latency.recordLatencyNs((i % 1000) * 1000L));
    }

    @Test
    void shouldRecordWithoutAllocationWhileAnotherThreadReads() throws Exception
    {
        final LatencyHistogram latency = new LatencyHistogram();
        final AtomicBoolean writing = new AtomicBoolean(true);
        final AtomicLong snapshots = new AtomicLong();
        final Thread reader = new Thread(() ->
        {
            while (writing.get())
            {
                latency.snapshot();
                snapshots.incrementAndGet();
                LockSupport.parkNanos(100_000);
            }
        }, "latency-reader");
        reader.start();
        try
        {
            AllocationGate.assertSteadyZero("latency recording while read", 500_000, 500_000,
                i -> latency.recordLatencyNs((i % 1000) * 1000L));
        }
        finally
        {
            writing.set(false);
            reader.join();
        }
        assertTrue(snapshots.get() > 0, "the reader never took a snapshot");
        assertEquals(0L, latency.snapshot().getTotalCount() % 500_000L);
    }
}
