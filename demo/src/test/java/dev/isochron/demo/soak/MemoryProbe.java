package dev.isochron.demo.soak;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.lwjgl.system.Configuration;
import org.lwjgl.system.MemoryUtil;

/**
 * Takes one memory snapshot of this JVM after a full {@code System.gc()}: heap used, the native memory LWJGL's
 * allocator holds (live allocations and bytes, as its debug allocator tracks them), the JDK's direct buffer pool,
 * the render thread's live GL objects ({@link SoakApplication#liveGlObjects()}) and the resident set (informational:
 * it also holds the GL driver's and the JIT's memory, which neither counter sees).
 * <p>
 * LWJGL tracks allocations only when {@link Configuration#DEBUG_MEMORY_ALLOCATOR} was set before {@link MemoryUtil}
 * was first used: call {@link #enableNativeTracking()} first thing in {@code main}.
 * <p>
 * Threading: the soak's controller thread, between measured windows only (it collects garbage and allocates).
 */
final class MemoryProbe
{
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final BufferPoolMXBean direct;
    private final NativeTally tally = new NativeTally();

    MemoryProbe()
    {
        if (!Configuration.DEBUG_MEMORY_ALLOCATOR.get(Boolean.FALSE))
        {
            throw new IllegalStateException("LWJGL's debug allocator is off, so native allocations cannot be counted: " +
                "call MemoryProbe.enableNativeTracking() before anything uses LWJGL");
        }
        if (MemoryUtil.getAllocator(true) == MemoryUtil.getAllocator(false))
        {
            throw new IllegalStateException("LWJGL's allocator is not tracked although DEBUG_MEMORY_ALLOCATOR is set: " +
                "MemoryUtil was initialised before MemoryProbe.enableNativeTracking()");
        }
        BufferPoolMXBean pool = null;
        final List<BufferPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
        for (int i = 0; i < pools.size(); i++)
        {
            if ("direct".equals(pools.get(i).getName()))
            {
                pool = pools.get(i);
            }
        }
        if (null == pool)
        {
            throw new IllegalStateException("this JVM has no 'direct' BufferPoolMXBean");
        }
        direct = pool;
    }

    /** Makes LWJGL track every allocation of its allocator; before the first use of {@link MemoryUtil}. */
    static void enableNativeTracking()
    {
        Configuration.DEBUG_MEMORY_ALLOCATOR.set(Boolean.TRUE);
    }

    /**
     * Collects garbage, then writes snapshot {@code index} of {@code record}.
     *
     * @param atMs          when it was taken, in ms since the JVM started.
     * @param liveGlObjects the render thread's latest count.
     */
    void snapshot(final SoakRecord record, final int index, final long atMs, final long liveGlObjects)
    {
        final long startNs = System.nanoTime();
        // first, because reading /proc caches a temporary direct buffer on this thread the first time
        record.rssKb[index] = residentSetKb();
        System.gc();
        record.heapUsedBytes[index] = memory.getHeapMemoryUsage().getUsed();
        tally.reset();
        MemoryUtil.memReport(tally);
        record.lwjglBytes[index] = tally.bytes;
        record.lwjglAllocations[index] = tally.allocations;
        record.directBytes[index] = direct.getMemoryUsed();
        record.directBuffers[index] = direct.getCount();
        record.glObjects[index] = liveGlObjects;
        record.snapshotAtMs[index] = atMs;
        record.snapshotTookMs[index] = (System.nanoTime() - startNs) / 1_000_000L;
        record.snapshotsTaken = index + 1;
    }

    /**
     * Appends LWJGL's live allocations, with the stacks that made them, to {@code file} under a heading: the evidence
     * to compare when the counts differ between snapshots.
     */
    static void appendNativeListing(final Path file, final String heading) throws IOException
    {
        final NativeListing listing = new NativeListing();
        MemoryUtil.memReport(listing);
        // java.io, not NIO: NIO would cache a temporary direct buffer on this thread, which the next snapshot counts
        try (Writer out = new OutputStreamWriter(new FileOutputStream(file.toFile(), true), StandardCharsets.UTF_8))
        {
            out.write(heading + System.lineSeparator() + listing.text);
        }
    }

    /**
     * Writes what LWJGL's allocator still holds into the record's after-run figures; call once the run has returned.
     */
    void nativeAfterRun(final SoakRecord record)
    {
        tally.reset();
        MemoryUtil.memReport(tally);
        record.lwjglBytesAfterRun = tally.bytes;
        record.lwjglAllocationsAfterRun = tally.allocations;
    }

    /** @return the process's resident set ({@code VmRSS}) in KiB, or -1 where /proc is not available. */
    static long residentSetKb()
    {
        if (!Files.isReadable(PROC_STATUS))
        {
            return -1;
        }
        try
        {
            final List<String> lines = Files.readAllLines(PROC_STATUS, StandardCharsets.US_ASCII);
            for (int i = 0; i < lines.size(); i++)
            {
                final String line = lines.get(i);
                if (line.startsWith("VmRSS:"))
                {
                    return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
                }
            }
            return -1;
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot read " + PROC_STATUS + ": " + ex, ex);
        }
    }

    /** Lists the live allocations LWJGL's debug allocator reports, with where they were made. */
    private static final class NativeListing implements MemoryUtil.MemoryAllocationReport
    {
        private static final int FRAMES = 6;
        final StringBuilder text = new StringBuilder(4096);

        public void invoke(final long address, final long memory, final long threadId, final String threadName,
            final StackTraceElement... stacktrace)
        {
            text.append("  ").append(memory).append(" bytes, thread ").append(threadName).append(System.lineSeparator());
            for (int i = 0; i < stacktrace.length && i < FRAMES; i++)
            {
                text.append("      at ").append(stacktrace[i]).append(System.lineSeparator());
            }
        }
    }

    /** Sums the live allocations LWJGL's debug allocator reports. */
    private static final class NativeTally implements MemoryUtil.MemoryAllocationReport
    {
        long bytes;
        long allocations;

        void reset()
        {
            bytes = 0;
            allocations = 0;
        }

        public void invoke(final long address, final long memory, final long threadId, final String threadName,
            final StackTraceElement... stacktrace)
        {
            bytes += memory;
            allocations++;
        }
    }
}
