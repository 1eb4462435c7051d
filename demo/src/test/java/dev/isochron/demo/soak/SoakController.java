package dev.isochron.demo.soak;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.isochron.engine.metrics.ThreadAllocationMeter;
import dev.isochron.engine.metrics.ThreadRole;

/**
 * Drives one soak from outside the frame loop: waits out the warm-up, then alternates a memory snapshot
 * ({@link MemoryProbe}, after {@code System.gc()}) with a measured window, {@code windows} times, ends with a last
 * snapshot and asks the scene to stop.
 * <p>
 * A window opens after a snapshot has returned and closes before the next one starts, so no snapshot collection is
 * inside any window; the frames counted for a window are those that began after it opened and ended before it
 * closed. During a window this thread only sleeps: it neither allocates nor collects. Per window it reads the
 * collections of every {@link GarbageCollectorMXBean} (pause and concurrent collectors alike) and, through a
 * {@link ThreadAllocationMeter}, the bytes every engine thread allocated, by {@link ThreadRole}: the platform thread
 * (the JVM's main thread, which waits for the render thread in a headless run), the simulation thread, the render
 * thread, the render workers and the input producers (the synthetic storm, the chart's feed), found by the names the
 * runtime gives them.
 * <p>
 * Threading: its own thread ({@value #THREAD_NAME}); results are read after it has been joined.
 */
final class SoakController implements Runnable
{
    static final String THREAD_NAME = "isochron-soak-controller";
    /** A window shorter than this measures too few frames to mean anything. */
    static final long MIN_WINDOW_MS = 500;

    /** The practice window's length. */
    static final long PRACTICE_WINDOW_MS = 200;

    private static final long POLL_MS = 20;
    private static final ThreadRole[] ROLES = ThreadRole.values();

    private final SoakApplication<?> app;
    private final SoakRecord record;
    private final MemoryProbe probe;
    private final long jvmStartNs;
    private final long warmupEndNs;
    private final long minWarmupFrames;
    private final long warmupDeadlineNs;
    private final long measureNs;
    private final Path nativeListing;
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final ThreadAllocationMeter meter = new ThreadAllocationMeter();

    /**
     * @param app             the wrapped scene, whose frame counter and GL object count are read.
     * @param record          where the figures go.
     * @param probe           takes the snapshots.
     * @param jvmStartNs      the JVM's start on the {@link System#nanoTime()} time base.
     * @param warmupEndNs      no window opens before this time ...
     * @param minWarmupFrames  ... nor before this many frames have been rendered.
     * @param warmupDeadlineNs the warm-up fails when it has not ended by this time (a start-up that slow is stuck,
     *                         not slow: the soak's measurement starts from the warm-up's end, whenever that is).
     * @param measureNs        how long the snapshots and windows take together, from the warm-up's end; the
     *                         windows share it.
     * @param nativeListing    where LWJGL's live allocations at the first and last snapshot are listed.
     */
    SoakController(
        final SoakApplication<?> app,
        final SoakRecord record,
        final MemoryProbe probe,
        final long jvmStartNs,
        final long warmupEndNs,
        final long minWarmupFrames,
        final long warmupDeadlineNs,
        final long measureNs,
        final Path nativeListing)
    {
        this.app = app;
        this.record = record;
        this.probe = probe;
        this.jvmStartNs = jvmStartNs;
        this.warmupEndNs = warmupEndNs;
        this.minWarmupFrames = minWarmupFrames;
        this.warmupDeadlineNs = warmupDeadlineNs;
        this.measureNs = measureNs;
        this.nativeListing = nativeListing;
    }

    /** Runs the soak; any failure is written to the record and ends the run. */
    public void run()
    {
        try
        {
            soak();
        }
        catch (final InterruptedException ex)
        {
            record.failure = "soak controller interrupted after " + record.windowsDone + " windows";
            Thread.currentThread().interrupt();
        }
        catch (final Throwable ex)
        {
            record.failure = "soak controller failed after " + record.windowsDone + " windows: " + ex;
            ex.printStackTrace();
        }
        finally
        {
            app.requestStop();
        }
    }

    private void soak() throws InterruptedException, IOException
    {
        while (System.nanoTime() < warmupEndNs || app.framesFinished() < minWarmupFrames)
        {
            if (System.nanoTime() > warmupDeadlineNs)
            {
                throw new IllegalStateException("warm-up did not reach " + minWarmupFrames + " frames in " +
                    TimeUnit.NANOSECONDS.toSeconds(warmupDeadlineNs - jvmStartNs) + " s from the JVM's start: " +
                    app.framesFinished() + " frames rendered; the run is stuck (see the watchdog's report above)");
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MS);
        }
        final long windowsEndNs = System.nanoTime() + measureNs;
        registerEngineThreads();
        // a practice round through the same code, so that what this thread and the JVM set up lazily the first time
        // (JMX, the allocation meter, /proc reads) is in place before the first real snapshot
        probe.snapshot(record, 0, msSinceStart(System.nanoTime()), app.liveGlObjects());
        measureWindow(0, TimeUnit.MILLISECONDS.toNanos(PRACTICE_WINDOW_MS));
        record.windowsDone = 0;

        MemoryProbe.appendNativeListing(nativeListing, "LWJGL allocations live before snapshot 0:");
        record.warmupFrames = app.framesFinished();
        record.warmupMs = msSinceStart(System.nanoTime());
        probe.snapshot(record, 0, msSinceStart(System.nanoTime()), app.liveGlObjects());
        final long snapshotNs = TimeUnit.MILLISECONDS.toNanos(Math.max(1, record.snapshotTookMs[0]));
        final int windows = record.windows;
        final long windowNs = (windowsEndNs - System.nanoTime() - windows * snapshotNs) / windows;
        if (windowNs < TimeUnit.MILLISECONDS.toNanos(MIN_WINDOW_MS))
        {
            throw new IllegalStateException(windows + " windows of " + TimeUnit.NANOSECONDS.toMillis(windowNs) +
                " ms are too short (at least " + MIN_WINDOW_MS + " ms each): give the soak more seconds or fewer windows");
        }
        for (int w = 0; w < windows; w++)
        {
            measureWindow(w, windowNs);
            probe.snapshot(record, w + 1, msSinceStart(System.nanoTime()), app.liveGlObjects());
        }
        MemoryProbe.appendNativeListing(nativeListing, "LWJGL allocations live after snapshot " + windows + ":");
    }

    /** Measures window {@code w} of {@code windowNs}; sleeps all along, allocation-free. */
    private void measureWindow(final int w, final long windowNs) throws InterruptedException
    {
        final long gcCountBefore = collections();
        final long gcMsBefore = collectionMs();
        final long ticksBefore = app.ticksFinished();
        final long framesBefore = app.framesFinished();
        meter.startWindow();
        final long openNs = System.nanoTime();

        final long closeAtNs = openNs + windowNs;
        long nowNs = openNs;
        while (nowNs < closeAtNs)
        {
            TimeUnit.NANOSECONDS.sleep(Math.min(closeAtNs - nowNs, TimeUnit.MILLISECONDS.toNanos(POLL_MS)));
            nowNs = System.nanoTime();
        }

        final long closeNs = System.nanoTime();
        final long framesAfter = app.framesFinished();
        final long ticksAfter = app.ticksFinished();
        meter.endWindow();
        record.windowGcCount[w] = collections() - gcCountBefore;
        record.windowGcMs[w] = collectionMs() - gcMsBefore;
        record.windowMs[w] = TimeUnit.NANOSECONDS.toMillis(closeNs - openNs);
        // the frame in progress when the window opened may have begun during the snapshot: not counted
        record.windowFrames[w] = Math.max(0, framesAfter - framesBefore - 1);
        record.windowTicks[w] = ticksAfter - ticksBefore;
        for (int r = 0; r < ROLES.length; r++)
        {
            record.windowBytes[w][r] = meter.bytes(ROLES[r]);
        }
        record.windowsDone = w + 1;
    }

    /** Meters every engine thread alive now, by the names the runtime gives them. */
    private void registerEngineThreads()
    {
        final Thread[] threads = new Thread[Thread.activeCount() + 32];
        final int count = Thread.enumerate(threads);
        for (int i = 0; i < count; i++)
        {
            final Thread thread = threads[i];
            final ThreadRole role = roleOf(thread.getName());
            if (null != role)
            {
                meter.register(role, thread);
                record.threadsPerRole[role.ordinal()]++;
            }
        }
    }

    /** @return the role of the runtime's thread of this name, or null for a thread that is not an engine thread. */
    static ThreadRole roleOf(final String name)
    {
        if ("main".equals(name))
        {
            return ThreadRole.PLATFORM;
        }
        if ("isochron-simulation".equals(name))
        {
            return ThreadRole.SIM;
        }
        if ("isochron-render".equals(name))
        {
            return ThreadRole.RENDER;
        }
        if (name.startsWith("isochron-render-worker"))
        {
            return ThreadRole.WORKERS;
        }
        if (name.startsWith("isochron-input-"))
        {
            return ThreadRole.PRODUCERS;
        }
        return null;
    }

    private long collections()
    {
        long count = 0;
        for (int i = 0; i < collectors.size(); i++)
        {
            count += Math.max(0, collectors.get(i).getCollectionCount());
        }
        return count;
    }

    private long collectionMs()
    {
        long ms = 0;
        for (int i = 0; i < collectors.size(); i++)
        {
            ms += Math.max(0, collectors.get(i).getCollectionTime());
        }
        return ms;
    }

    private long msSinceStart(final long nowNs)
    {
        return TimeUnit.NANOSECONDS.toMillis(nowNs - jvmStartNs);
    }
}
