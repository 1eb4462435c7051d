package dev.isochron.demo.soak;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import dev.isochron.engine.metrics.ThreadRole;

/**
 * What one soak measured: {@code windows} measured windows with a memory snapshot before the first and after each
 * ({@code windows + 1} snapshots, each taken right after a {@code System.gc()}, outside every window), and per window
 * its length, the frames and ticks that ran wholly inside it, the collections that happened in it and the bytes each
 * engine thread role allocated in it.
 * <p>
 * The child JVM ({@link SoakMain}) fills it from its controller thread and {@link #store stores} it as a properties
 * file; the test ({@link SceneSoak}) {@link #load loads} it and judges it. Arrays are sized at construction, so
 * filling a record never grows the heap the soak is watching. Not thread-safe: one thread fills it, and another reads
 * it only after that thread has ended (joined).
 */
final class SoakRecord
{
    private static final ThreadRole[] ROLES = ThreadRole.values();
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    final String scene;
    final int windows;

    final long[] snapshotAtMs;
    final long[] snapshotTookMs;
    final long[] heapUsedBytes;
    final long[] lwjglBytes;
    final long[] lwjglAllocations;
    final long[] directBytes;
    final long[] directBuffers;
    final long[] glObjects;
    final long[] rssKb;

    final long[] windowMs;
    final long[] windowFrames;
    final long[] windowTicks;
    final long[] windowGcCount;
    final long[] windowGcMs;
    /** Bytes allocated inside each window, indexed [window][ThreadRole.ordinal()]. */
    final long[][] windowBytes;
    /** Engine threads metered under each role, indexed by ThreadRole.ordinal(). */
    final int[] threadsPerRole = new int[ROLES.length];

    long warmupFrames;
    long warmupMs;
    int snapshotsTaken;
    int windowsDone;
    String failure = "";
    String exitCause = "";
    long runFrames;
    long runTicks;
    /** What LWJGL's allocator still held once the run had returned (the runtime had released everything). */
    long lwjglBytesAfterRun = -1;
    long lwjglAllocationsAfterRun = -1;

    SoakRecord(final String scene, final int windows)
    {
        if (windows < 1)
        {
            throw new IllegalArgumentException("soak windows must be >= 1, was " + windows);
        }
        this.scene = scene;
        this.windows = windows;
        final int snapshots = windows + 1;
        snapshotAtMs = new long[snapshots];
        snapshotTookMs = new long[snapshots];
        heapUsedBytes = new long[snapshots];
        lwjglBytes = new long[snapshots];
        lwjglAllocations = new long[snapshots];
        directBytes = new long[snapshots];
        directBuffers = new long[snapshots];
        glObjects = new long[snapshots];
        rssKb = new long[snapshots];
        windowMs = new long[windows];
        windowFrames = new long[windows];
        windowTicks = new long[windows];
        windowGcCount = new long[windows];
        windowGcMs = new long[windows];
        windowBytes = new long[windows][ROLES.length];
    }

    /** @return whether every window ran and every snapshot was taken. */
    boolean complete()
    {
        return windowsDone == windows && snapshotsTaken == windows + 1;
    }

    /** @return heap used after the last snapshot's GC minus after the first's. */
    long heapGrowthBytes()
    {
        return heapUsedBytes[windows] - heapUsedBytes[0];
    }

    /**
     * A slow leak stays under a small total bound in a short run but still raises the heap between every pair of
     * snapshots; a steady heap goes up and down by a few hundred bytes of JVM bookkeeping.
     *
     * @param noiseBytes a rise of at most this much does not count as one.
     * @return whether the heap rose by more than {@code noiseBytes} between every pair of consecutive snapshots.
     */
    boolean heapRoseInEveryWindow(final long noiseBytes)
    {
        for (int i = 1; i <= windows; i++)
        {
            if (heapUsedBytes[i] - heapUsedBytes[i - 1] <= noiseBytes)
            {
                return false;
            }
        }
        return true;
    }

    /** @return frames that ran wholly inside the windows, over all windows. */
    long framesInWindows()
    {
        long frames = 0;
        for (int w = 0; w < windows; w++)
        {
            frames += windowFrames[w];
        }
        return frames;
    }

    /** @return collections over all windows. */
    long gcInWindows()
    {
        long count = 0;
        for (int w = 0; w < windows; w++)
        {
            count += windowGcCount[w];
        }
        return count;
    }

    /** @return bytes allocated by {@code role}'s threads over all windows. */
    long bytesInWindows(final ThreadRole role)
    {
        long bytes = 0;
        for (int w = 0; w < windows; w++)
        {
            bytes += windowBytes[w][role.ordinal()];
        }
        return bytes;
    }

    /** @return the largest bytes-per-frame figure of any role in any window. */
    double maxBytesPerFrame()
    {
        double max = 0;
        for (int w = 0; w < windows; w++)
        {
            for (int r = 0; r < ROLES.length; r++)
            {
                max = Math.max(max, windowBytes[w][r] / (double)Math.max(1, windowFrames[w]));
            }
        }
        return max;
    }

    /** Writes the record as a properties file (UTF-8). */
    void store(final Path file) throws IOException
    {
        final Properties p = new Properties();
        p.setProperty("scene", scene);
        p.setProperty("windows", Integer.toString(windows));
        p.setProperty("warmupFrames", Long.toString(warmupFrames));
        p.setProperty("warmupMs", Long.toString(warmupMs));
        p.setProperty("snapshotsTaken", Integer.toString(snapshotsTaken));
        p.setProperty("windowsDone", Integer.toString(windowsDone));
        p.setProperty("failure", failure);
        p.setProperty("exitCause", exitCause);
        p.setProperty("runFrames", Long.toString(runFrames));
        p.setProperty("runTicks", Long.toString(runTicks));
        p.setProperty("lwjglBytesAfterRun", Long.toString(lwjglBytesAfterRun));
        p.setProperty("lwjglAllocationsAfterRun", Long.toString(lwjglAllocationsAfterRun));
        for (int r = 0; r < ROLES.length; r++)
        {
            p.setProperty("threads." + ROLES[r].reportKey(), Integer.toString(threadsPerRole[r]));
        }
        for (int i = 0; i <= windows; i++)
        {
            final String s = "snapshot." + i + ".";
            p.setProperty(s + "atMs", Long.toString(snapshotAtMs[i]));
            p.setProperty(s + "tookMs", Long.toString(snapshotTookMs[i]));
            p.setProperty(s + "heapUsedBytes", Long.toString(heapUsedBytes[i]));
            p.setProperty(s + "lwjglBytes", Long.toString(lwjglBytes[i]));
            p.setProperty(s + "lwjglAllocations", Long.toString(lwjglAllocations[i]));
            p.setProperty(s + "directBytes", Long.toString(directBytes[i]));
            p.setProperty(s + "directBuffers", Long.toString(directBuffers[i]));
            p.setProperty(s + "glObjects", Long.toString(glObjects[i]));
            p.setProperty(s + "rssKb", Long.toString(rssKb[i]));
        }
        for (int w = 0; w < windows; w++)
        {
            final String s = "window." + w + ".";
            p.setProperty(s + "ms", Long.toString(windowMs[w]));
            p.setProperty(s + "frames", Long.toString(windowFrames[w]));
            p.setProperty(s + "ticks", Long.toString(windowTicks[w]));
            p.setProperty(s + "gcCount", Long.toString(windowGcCount[w]));
            p.setProperty(s + "gcMs", Long.toString(windowGcMs[w]));
            for (int r = 0; r < ROLES.length; r++)
            {
                p.setProperty(s + "bytes." + ROLES[r].reportKey(), Long.toString(windowBytes[w][r]));
            }
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            p.store(out, "Isochron soak of scene " + scene);
        }
    }

    /**
     * Reads a record written by {@link #store}.
     *
     * @throws IllegalStateException naming the file and key when a figure is missing or not a number.
     */
    static SoakRecord load(final Path file) throws IOException
    {
        final Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            p.load(in);
        }
        final SoakRecord record = new SoakRecord(p.getProperty("scene", "?"), (int)number(p, file, "windows"));
        record.warmupFrames = number(p, file, "warmupFrames");
        record.warmupMs = number(p, file, "warmupMs");
        record.snapshotsTaken = (int)number(p, file, "snapshotsTaken");
        record.windowsDone = (int)number(p, file, "windowsDone");
        record.failure = p.getProperty("failure", "");
        record.exitCause = p.getProperty("exitCause", "");
        record.runFrames = number(p, file, "runFrames");
        record.runTicks = number(p, file, "runTicks");
        record.lwjglBytesAfterRun = number(p, file, "lwjglBytesAfterRun");
        record.lwjglAllocationsAfterRun = number(p, file, "lwjglAllocationsAfterRun");
        for (int r = 0; r < ROLES.length; r++)
        {
            record.threadsPerRole[r] = (int)number(p, file, "threads." + ROLES[r].reportKey());
        }
        for (int i = 0; i <= record.windows; i++)
        {
            final String s = "snapshot." + i + ".";
            record.snapshotAtMs[i] = number(p, file, s + "atMs");
            record.snapshotTookMs[i] = number(p, file, s + "tookMs");
            record.heapUsedBytes[i] = number(p, file, s + "heapUsedBytes");
            record.lwjglBytes[i] = number(p, file, s + "lwjglBytes");
            record.lwjglAllocations[i] = number(p, file, s + "lwjglAllocations");
            record.directBytes[i] = number(p, file, s + "directBytes");
            record.directBuffers[i] = number(p, file, s + "directBuffers");
            record.glObjects[i] = number(p, file, s + "glObjects");
            record.rssKb[i] = number(p, file, s + "rssKb");
        }
        for (int w = 0; w < record.windows; w++)
        {
            final String s = "window." + w + ".";
            record.windowMs[w] = number(p, file, s + "ms");
            record.windowFrames[w] = number(p, file, s + "frames");
            record.windowTicks[w] = number(p, file, s + "ticks");
            record.windowGcCount[w] = number(p, file, s + "gcCount");
            record.windowGcMs[w] = number(p, file, s + "gcMs");
            for (int r = 0; r < ROLES.length; r++)
            {
                record.windowBytes[w][r] = number(p, file, s + "bytes." + ROLES[r].reportKey());
            }
        }
        return record;
    }

    /** For people and the test output: one line per snapshot and per window. */
    String table()
    {
        final StringBuilder sb = new StringBuilder(2048);
        sb.append(String.format(Locale.ROOT, "soak %s: warm-up %d frames in %.1f s, %d windows%n",
            scene, warmupFrames, warmupMs / 1000.0, windows));
        sb.append(String.format(Locale.ROOT, "  %-10s %8s %12s %14s %10s %14s %8s %10s %8s%n",
            "snapshot", "at s", "heap MiB", "lwjgl bytes", "lwjgl n", "direct bytes", "direct n", "GL objects",
            "RSS MiB"));
        for (int i = 0; i < snapshotsTaken && i <= windows; i++)
        {
            sb.append(String.format(Locale.ROOT, "  %-10d %8.1f %12.4f %14d %10d %14d %8d %10d %8.1f%n",
                i, snapshotAtMs[i] / 1000.0, heapUsedBytes[i] / BYTES_PER_MIB, lwjglBytes[i], lwjglAllocations[i],
                directBytes[i], directBuffers[i], glObjects[i], rssKb[i] / 1024.0));
        }
        sb.append(String.format(Locale.ROOT, "  %-10s %8s %8s %8s %6s %6s", "window", "s", "frames", "ticks", "GCs",
            "GC ms"));
        for (int r = 0; r < ROLES.length; r++)
        {
            sb.append(String.format(Locale.ROOT, " %11s", ROLES[r].reportKey() + " B"));
        }
        sb.append(String.format(Locale.ROOT, " %10s%n", "B/frame"));
        for (int w = 0; w < windowsDone && w < windows; w++)
        {
            sb.append(String.format(Locale.ROOT, "  %-10d %8.2f %8d %8d %6d %6d", w, windowMs[w] / 1000.0,
                windowFrames[w], windowTicks[w], windowGcCount[w], windowGcMs[w]));
            long bytes = 0;
            for (int r = 0; r < ROLES.length; r++)
            {
                sb.append(String.format(Locale.ROOT, " %11d", windowBytes[w][r]));
                bytes += windowBytes[w][r];
            }
            sb.append(String.format(Locale.ROOT, " %10.2f%n", bytes / (double)Math.max(1, windowFrames[w])));
        }
        sb.append("  engine threads metered:");
        for (int r = 0; r < ROLES.length; r++)
        {
            sb.append(' ').append(ROLES[r].reportKey()).append(' ').append(threadsPerRole[r]);
        }
        sb.append(System.lineSeparator());
        if (lwjglAllocationsAfterRun >= 0)
        {
            sb.append(String.format(Locale.ROOT, "  after the run returned, LWJGL's allocator still held %d bytes in %d " +
                "allocations%n", lwjglBytesAfterRun, lwjglAllocationsAfterRun));
        }
        if (!failure.isEmpty())
        {
            sb.append("  failure: ").append(failure).append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static long number(final Properties p, final Path file, final String key)
    {
        final String value = p.getProperty(key);
        if (null == value)
        {
            throw new IllegalStateException("soak record " + file + " has no '" + key + "'");
        }
        try
        {
            return Long.parseLong(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalStateException("soak record " + file + ": '" + key + "' is not a whole number, was '" +
                value + "'", ex);
        }
    }
}
