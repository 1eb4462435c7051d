package dev.isochron.render.runtime;

import dev.isochron.render.Isochron;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A run calls {@code System.gc()} in its host application only when asked for the report's heap figure
 * ({@link MeasurementConfig#measureHeapAfterRun}): counted through the full collector's {@link GarbageCollectorMXBean}
 * (G1's "G1 Old Generation", Parallel's "PS MarkSweep", Serial's "MarkSweepCompact"), which a short null-renderer run
 * on a 1 GB heap never triggers by itself; the run that asks for it shows that the count does see it.
 */
class ExplicitGcTest
{
    @TempDir
    Path dir;

    private static RuntimeConfig shortRun()
    {
        return ApplicationRunnerTest.headless(Threading.MULTI).renderer(RendererKind.NULL)
            .measurement(ApplicationRunnerTest.measured().frames(10));
    }

    private static List<GarbageCollectorMXBean> fullCollectors()
    {
        final List<GarbageCollectorMXBean> full = new java.util.ArrayList<>();
        for (final GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans())
        {
            final String name = bean.getName();
            if (name.contains("Old Generation") || name.contains("MarkSweep"))
            {
                full.add(bean);
            }
        }
        return full;
    }

    private static long fullCollections(final List<GarbageCollectorMXBean> beans)
    {
        long count = 0;
        for (final GarbageCollectorMXBean bean : beans)
        {
            count += bean.getCollectionCount();
        }
        return count;
    }

    @Test
    void shouldNotCollectInAPlainRunNorInOneThatWritesAReport() throws Exception
    {
        final List<GarbageCollectorMXBean> beans = fullCollectors();
        assumeTrue(!beans.isEmpty(), "no full-collection bean to count with this collector");
        final Path json = dir.resolve("report.json");
        final long before = fullCollections(beans);

        final RunResult plain = Isochron.run(new TestScene(1), shortRun());
        final RuntimeConfig reporting = shortRun();
        reporting.measurement().reportPath(json);
        final RunResult reported = Isochron.run(new TestScene(1), reporting);

        assertEquals(before, fullCollections(beans), "full collections during runs that did not ask for one");
        assertTrue(plain.report().toJson().contains("\"heapUsedAfterMb\": -1.0"), plain.report().toJson());
        assertTrue(Files.readString(json).contains("\"heapUsedAfterMb\": -1.0"), "not measured: -1");
        assertTrue(reported.report().toJson().contains("\"rssMb\": "), "the resident set is still read");
    }

    @Test
    void shouldCollectOnceAndMeasureTheHeapWhenAsked()
    {
        final List<GarbageCollectorMXBean> beans = fullCollectors();
        assumeTrue(!beans.isEmpty(), "no full-collection bean to count with this collector");
        final long before = fullCollections(beans);

        final RuntimeConfig measuring = shortRun();
        measuring.measurement().measureHeapAfterRun(true);
        final RunResult result = Isochron.run(new TestScene(1), measuring);

        assertTrue(fullCollections(beans) > before, "measureHeapAfterRun(true) ran no full collection");
        assertTrue(!result.report().toJson().contains("\"heapUsedAfterMb\": -1.0"), result.report().toJson());
    }
}
