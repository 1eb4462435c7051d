package dev.isochron.engine.metrics;

import dev.isochron.engine.loop.ManualClock;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GcPauseMonitorTest
{
    private static final long MS = 1_000_000L;

    @Test
    void shouldCountOnlyPauseCollectors()
    {
        assertTrue(GcPauseMonitor.isPauseCollector("G1 Young Generation"));
        assertTrue(GcPauseMonitor.isPauseCollector("G1 Old Generation"));
        assertTrue(GcPauseMonitor.isPauseCollector("ZGC Pauses"));
        assertTrue(GcPauseMonitor.isPauseCollector("ZGC Minor Pauses"));
        assertTrue(GcPauseMonitor.isPauseCollector("PS Scavenge"));
        assertTrue(GcPauseMonitor.isPauseCollector("Shenandoah Pauses"));
        assertFalse(GcPauseMonitor.isPauseCollector("ZGC Cycles"));
        assertFalse(GcPauseMonitor.isPauseCollector("ZGC Major Cycles"));
        assertFalse(GcPauseMonitor.isPauseCollector("Shenandoah Cycles"));
        assertFalse(GcPauseMonitor.isPauseCollector("G1 Concurrent GC"));
    }

    @Test
    void shouldNameCollectorFamilies()
    {
        assertEquals("G1", GcPauseMonitor.collectorFamily("G1 Young Generation"));
        assertEquals("ZGC", GcPauseMonitor.collectorFamily("ZGC Pauses"));
        assertEquals("Parallel", GcPauseMonitor.collectorFamily("PS MarkSweep"));
        assertEquals("Serial", GcPauseMonitor.collectorFamily("Copy"));
        assertEquals("Shenandoah", GcPauseMonitor.collectorFamily("Shenandoah Pauses"));
    }

    @Test
    void shouldReportThisJvmsCollector()
    {
        String expected = "none";
        for (final GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans())
        {
            if (GcPauseMonitor.isPauseCollector(bean.getName()))
            {
                expected = GcPauseMonitor.collectorFamily(bean.getName());
                break;
            }
        }
        try (GcPauseMonitor monitor = new GcPauseMonitor(new SystemNanoClock()))
        {
            assertEquals(expected, monitor.gcName());
        }
    }

    @Test
    void shouldRecordARealPauseOnTheEngineClockInsideTheWindow() throws Exception
    {
        final SystemNanoClock clock = new SystemNanoClock();
        try (GcPauseMonitor monitor = new GcPauseMonitor(clock))
        {
            final long before = clock.nanoTime();
            System.gc();
            final long after = clock.nanoTime();
            for (int i = 0; i < 10_000 && monitor.recordedPauses() == 0; i++)
            {
                Thread.sleep(1);
            }
            assertTrue(monitor.recordedPauses() >= 1, "no GC notification arrived after System.gc()");
            final GcPauseMonitor.PauseSummary summary =
                monitor.summarise(before - 2 * MS, after + 2 * MS, new GcPauseMonitor.PauseSummary());
            assertTrue(summary.count() >= 1, "the System.gc() pause was not placed inside its window");
        }
    }

    @Test
    void shouldSummarisePausesOverlappingTheWindow()
    {
        try (GcPauseMonitor monitor = new GcPauseMonitor(new ManualClock(), 8))
        {
            monitor.recordPause(0, 5 * MS);
            monitor.recordPause(98 * MS, 102 * MS);
            monitor.recordPause(150 * MS, 160 * MS);
            monitor.recordPause(300 * MS, 301 * MS);
            final GcPauseMonitor.PauseSummary summary =
                monitor.summarise(100 * MS, 200 * MS, new GcPauseMonitor.PauseSummary());
            assertEquals(2L, summary.count());
            assertEquals(14 * MS, summary.totalNs());
            assertEquals(10 * MS, summary.maxNs());
        }
    }

    @Test
    void shouldOverwriteOldestPausesAndCountThemWhenRingWraps()
    {
        try (GcPauseMonitor monitor = new GcPauseMonitor(new ManualClock(), 2))
        {
            monitor.recordPause(0, MS);
            monitor.recordPause(10 * MS, 11 * MS);
            monitor.recordPause(20 * MS, 21 * MS);
            assertEquals(1L, monitor.overwrittenPauses());
            assertFalse(monitor.pauseOverlaps(0, MS, 0));
            assertTrue(monitor.pauseOverlaps(20 * MS, 20 * MS, 0));
        }
    }

    @Test
    void shouldRejectCapacityBelowOne()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new GcPauseMonitor(new ManualClock(), 0));
        assertEquals("GC pause monitor: capacity must be in [1, 1048576], was 0", ex.getMessage());
    }
}
