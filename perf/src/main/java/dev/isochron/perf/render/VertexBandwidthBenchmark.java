package dev.isochron.perf.render;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.isochron.render.batch.QuadVertexLayout;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.batch.SpriteInstanceLayout;
import dev.isochron.render.batch.SpriteInstances;
import org.lwjgl.system.MemoryUtil;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sprite vertex generation against one core's streaming write bandwidth, both writing the same
 * bytes per frame into the same kind of destination, measured in one run (issue 6).
 * <p>
 * Every benchmark writes one frame per invocation: {@code sprites x 80} bytes (four 20-byte
 * vertices per sprite). The primary score is frames per second; the {@code bytes} secondary
 * score (an {@link AuxCounters} counter) is bytes written per second, the figure to compare.
 * <ul>
 * <li>{@code generate}: the real path, {@link SpriteBatch#generate(int, int, long)} as one slice
 * of a recorded and prepared batch (8 textures, random positions, sorted by texture), the work a
 * null-backend frame does per source; {@code rotated} chooses a random angle per sprite (a sin
 * and cos each) or axis-aligned sprites.</li>
 * <li>{@code streamPutLong}: one {@code MemoryUtil.memPutLong} per 8 bytes in a loop;
 * {@code streamPutLongUnrolled}: the same, eight puts (one 64-byte line) per iteration;
 * {@code streamMemSet}: one {@code MemoryUtil.memSet} (libc {@code memset}) per frame. The best
 * of the three is one core's streaming write bandwidth from Java.</li>
 * <li>{@code interleaved}: generation, unrolled memPutLong and memSet in turn, a frame each, each
 * timed on its own; secondary scores {@code bytesEach}, {@code generateNanos}, {@code putLongNanos}
 * and {@code memSetNanos} are totals over the measured iterations (JMH sums event counters), so
 * each writer's rate is {@code bytesEach / xNanos} bytes per nanosecond (GB/s) and the ratio of
 * generation to streaming is {@code min(putLongNanos, memSetNanos) / generateNanos}. The fairest
 * of the comparisons where other processes share the cores, since the load changes between
 * benchmarks, not within a frame triple. {@code generateMinNanos}, {@code putLongMinNanos} and
 * {@code memSetMinNanos} are each writer's fastest frame of every iteration, summed over the
 * iterations: a frame in which the thread was descheduled is never the fastest, so on a machine
 * loaded far beyond its cores (load averages of 15 to 50 on 2 cores were seen) the ratio of the
 * minima, {@code min(putLongMinNanos, memSetMinNanos) / generateMinNanos}, is the steadier
 * reading.</li>
 * <li>{@code generateInstances} and {@code interleavedInstances}: the same for the instanced sprite
 * path, {@link SpriteBatch#generateInstances(int, int, long)}: one 32-byte
 * {@link SpriteInstanceLayout} record per sprite instead of 80 bytes of vertices (a copy of what
 * {@code draw} packed: no conversion and no sin or cos, whether rotated or not), with the streaming baselines writing the
 * same {@code sprites x 32} bytes per frame into the same destination. {@code interleavedInstances}
 * also reports {@code vertexNanos}, the vertex generation of the same sprites in the same turn
 * ({@code vertexBytes} written), so the two paths' time per sprite compares directly:
 * {@code vertexNanos / generateNanos} is how many times faster the repack is.</li>
 * </ul>
 * Destination ({@code where}): {@code ring}, a {@value #RING_MIB} MiB off-heap region (8x this
 * machine's 32 MiB L3) that every frame advances through like the engine's persistent-mapped
 * streaming vertex buffer, wrapping to its start when the next frame no longer fits, so each
 * frame writes memory last touched {@value #RING_MIB} MiB of writes earlier (out of every cache);
 * or {@code cache}, one frame's worth of memory rewritten every frame (what the null backend's
 * staging memory does: 0.8 MB for 10k sprites is in L2, 8 MB for 100k in L3). The ring is
 * touched once at set-up, so page faults are not measured. Nothing allocates per invocation
 * (check with {@code -prof gc}).
 * <p>
 * Run: {@code java -jar perf/target/isochron-benchmarks.jar VertexBandwidthBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class VertexBandwidthBenchmark
{
    /** Size of the out-of-cache ring in MiB. */
    static final int RING_MIB = 256;
    private static final long RING_BYTES = (long)RING_MIB << 20;
    private static final int TEXTURES = 8;

    /** Bytes written, for the bytes-per-second secondary score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Written
    {
        /** Bytes written in this iteration. */
        public long bytes;

        @Setup(Level.Iteration)
        public void reset()
        {
            bytes = 0;
        }
    }

    /** Where the frames go: the ring beyond the caches or one frame's memory in cache. */
    @State(Scope.Thread)
    public static class Destination
    {
        /** Sprites per frame (80 bytes each). */
        @Param({"10000", "100000"})
        public int sprites;

        /** {@code ring}: advancing through 256 MiB; {@code cache}: one frame's memory reused. */
        @Param({"ring", "cache"})
        public String where;

        long frameBytes;
        long recordBytes;
        private long base;
        private long size;
        private long cursor;
        private long value;

        @Setup(Level.Trial)
        public void setUp()
        {
            frameBytes = (long)sprites * QuadVertexLayout.BYTES_PER_QUAD;
            recordBytes = (long)sprites * SpriteInstanceLayout.BYTES_PER_INSTANCE;
            switch (where)
            {
                case "ring":
                    size = RING_BYTES;
                    break;
                case "cache":
                    size = frameBytes;
                    break;
                default:
                    throw new IllegalArgumentException("where must be ring or cache, was " + where);
            }
            base = MemoryUtil.nmemAlignedAlloc(64, size);
            if (base == MemoryUtil.NULL)
            {
                throw new OutOfMemoryError("cannot allocate " + size + " bytes of destination memory");
            }
            MemoryUtil.memSet(base, 0, size);
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            MemoryUtil.nmemAlignedFree(base);
        }

        /** @return where this frame's bytes go; advances the ring. */
        long nextFrame()
        {
            return nextFrame(frameBytes);
        }

        /**
         * @return where a frame of {@code bytes} goes; advances the ring (the cache destination is one vertex frame
         * long, so a record frame, 32 of its 80 bytes per sprite, is rewritten from its start).
         */
        long nextFrame(final long bytes)
        {
            if (cursor + bytes > size)
            {
                cursor = 0;
            }
            final long address = base + cursor;
            cursor += bytes;
            return address;
        }

        long nextValue()
        {
            return ++value;
        }
    }

    /** A recorded, prepared batch of {@link Destination#sprites} sprites. */
    @State(Scope.Thread)
    public static class Sprites
    {
        /** A random angle per sprite (sin and cos each) or none. */
        @Param({"false", "true"})
        public boolean rotated;

        SpriteBatch batch;

        @Setup(Level.Trial)
        public void setUp(final Destination destination)
        {
            final int n = destination.sprites;
            final Random random = new Random(1);
            batch = new SpriteBatch(n);
            // its draws also pack the instance records' corners and UVs, which generateInstances copies
            new SpriteInstances(batch);
            for (int i = 0; i < n; i++)
            {
                final float angle = rotated ? random.nextFloat() * 6.28f : 0f;
                batch.draw(1 + random.nextInt(TEXTURES), 0f, 0f, 1f, 1f,
                    random.nextFloat() * 1280f, random.nextFloat() * 720f, 16f, 16f, 8f, 8f, angle,
                    Rgba.pack(random.nextInt(256), random.nextInt(256), random.nextInt(256), 255));
            }
            batch.prepare();
        }
    }

    /**
     * Generation and the two streaming writes timed frame by frame in turn, for a machine shared with
     * other work: each rate is bytes over the nanoseconds spent in that writer only.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Interleaved
    {
        /** Bytes each writer wrote in this iteration. */
        public long bytesEach;
        /** Nanoseconds in generation. */
        public long generateNanos;
        /** Nanoseconds in the unrolled memPutLong writer. */
        public long putLongNanos;
        /** Nanoseconds in memSet. */
        public long memSetNanos;
        /** The fastest generation frame of the iteration. */
        public long generateMinNanos;
        /** The fastest unrolled memPutLong frame of the iteration. */
        public long putLongMinNanos;
        /** The fastest memSet frame of the iteration. */
        public long memSetMinNanos;

        @Setup(Level.Iteration)
        public void reset()
        {
            bytesEach = 0;
            generateNanos = 0;
            putLongNanos = 0;
            memSetNanos = 0;
            generateMinNanos = Long.MAX_VALUE;
            putLongMinNanos = Long.MAX_VALUE;
            memSetMinNanos = Long.MAX_VALUE;
        }
    }

    /** The instanced path's counters: {@link Interleaved}'s, plus the vertex generation of the same turn. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class InterleavedInstances
    {
        /** Bytes each record writer wrote in this iteration. */
        public long bytesEach;
        /** Nanoseconds in record generation. */
        public long generateNanos;
        /** Nanoseconds in the unrolled memPutLong writer (record frames). */
        public long putLongNanos;
        /** Nanoseconds in memSet (record frames). */
        public long memSetNanos;
        /** Bytes of vertices generated for the same sprites in this iteration. */
        public long vertexBytes;
        /** Nanoseconds in vertex generation of the same sprites. */
        public long vertexNanos;
        /** The fastest record generation frame of the iteration. */
        public long generateMinNanos;
        /** The fastest unrolled memPutLong frame (record frames) of the iteration. */
        public long putLongMinNanos;
        /** The fastest memSet frame (record frames) of the iteration. */
        public long memSetMinNanos;
        /** The fastest vertex generation frame of the iteration. */
        public long vertexMinNanos;

        @Setup(Level.Iteration)
        public void reset()
        {
            bytesEach = 0;
            generateNanos = 0;
            putLongNanos = 0;
            memSetNanos = 0;
            vertexBytes = 0;
            vertexNanos = 0;
            generateMinNanos = Long.MAX_VALUE;
            putLongMinNanos = Long.MAX_VALUE;
            memSetMinNanos = Long.MAX_VALUE;
            vertexMinNanos = Long.MAX_VALUE;
        }
    }

    /**
     * One frame each of record generation, unrolled memPutLong and memSet of the same bytes, and vertex generation of
     * the same sprites, one after the other into the destination (the ring advances for each), each timed on its own.
     */
    @Benchmark
    public long interleavedInstances(
        final Sprites sprites, final Destination destination, final InterleavedInstances counters)
    {
        final long bytes = destination.recordBytes;
        final long t0 = System.nanoTime();
        final int records = sprites.batch.generateInstances(0, 1, destination.nextFrame(bytes));
        final long t1 = System.nanoTime();
        final long at = destination.nextFrame(bytes);
        final long v = destination.nextValue();
        putLines(at, at + bytes, v);
        final long t2 = System.nanoTime();
        final long set = destination.nextFrame(bytes);
        MemoryUtil.memSet(set, (int)(v & 0x7F), bytes);
        final long t3 = System.nanoTime();
        final int quads = sprites.batch.generate(0, 1, destination.nextFrame());
        final long t4 = System.nanoTime();
        counters.bytesEach += bytes;
        counters.generateNanos += t1 - t0;
        counters.putLongNanos += t2 - t1;
        counters.memSetNanos += t3 - t2;
        counters.vertexBytes += destination.frameBytes;
        counters.vertexNanos += t4 - t3;
        counters.generateMinNanos = Math.min(counters.generateMinNanos, t1 - t0);
        counters.putLongMinNanos = Math.min(counters.putLongMinNanos, t2 - t1);
        counters.memSetMinNanos = Math.min(counters.memSetMinNanos, t3 - t2);
        counters.vertexMinNanos = Math.min(counters.vertexMinNanos, t4 - t3);
        return records + quads + MemoryUtil.memGetLong(at + bytes - 8) + MemoryUtil.memGetLong(set + bytes - 8);
    }

    /** The instanced path: one frame of sprite records, as one slice. */
    @Benchmark
    public int generateInstances(final Sprites sprites, final Destination destination, final Written written)
    {
        final int records = sprites.batch.generateInstances(0, 1, destination.nextFrame(destination.recordBytes));
        written.bytes += destination.recordBytes;
        return records;
    }

    /**
     * One frame each of generation, unrolled memPutLong and memSet, one after the other into the
     * destination (the ring advances for each), each timed with {@code System.nanoTime} (a frame is
     * 0.1 to 10 ms, the clock read about 25 ns): the three face the same load from other processes.
     */
    @Benchmark
    public long interleaved(final Sprites sprites, final Destination destination, final Interleaved counters)
    {
        final long bytes = destination.frameBytes;
        final long t0 = System.nanoTime();
        final int quads = sprites.batch.generate(0, 1, destination.nextFrame());
        final long t1 = System.nanoTime();
        final long at = destination.nextFrame();
        final long v = destination.nextValue();
        putLines(at, at + bytes, v);
        final long t2 = System.nanoTime();
        final long set = destination.nextFrame();
        MemoryUtil.memSet(set, (int)(v & 0x7F), bytes);
        final long t3 = System.nanoTime();
        counters.bytesEach += bytes;
        counters.generateNanos += t1 - t0;
        counters.putLongNanos += t2 - t1;
        counters.memSetNanos += t3 - t2;
        counters.generateMinNanos = Math.min(counters.generateMinNanos, t1 - t0);
        counters.putLongMinNanos = Math.min(counters.putLongMinNanos, t2 - t1);
        counters.memSetMinNanos = Math.min(counters.memSetMinNanos, t3 - t2);
        return quads + MemoryUtil.memGetLong(at + bytes - 8) + MemoryUtil.memGetLong(set + bytes - 8);
    }

    /** The real generation path: one frame of vertices, as one slice. */
    @Benchmark
    public int generate(final Sprites sprites, final Destination destination, final Written written)
    {
        final int quads = sprites.batch.generate(0, 1, destination.nextFrame());
        written.bytes += destination.frameBytes;
        return quads;
    }

    /** Baseline: the frame's bytes with one memPutLong per 8 bytes. */
    @Benchmark
    public long streamPutLong(final Destination destination, final Written written)
    {
        final long at = destination.nextFrame();
        final long end = at + destination.frameBytes;
        final long v = destination.nextValue();
        for (long p = at; p < end; p += 8)
        {
            MemoryUtil.memPutLong(p, v);
        }
        written.bytes += destination.frameBytes;
        return MemoryUtil.memGetLong(end - 8);
    }

    /** Baseline: the frame's bytes with eight memPutLongs (one 64-byte line) per iteration. */
    @Benchmark
    public long streamPutLongUnrolled(final Destination destination, final Written written)
    {
        final long at = destination.nextFrame();
        final long end = at + destination.frameBytes; // a multiple of 80 * 10,000, so of 64
        final long v = destination.nextValue();
        putLines(at, end, v);
        written.bytes += destination.frameBytes;
        return MemoryUtil.memGetLong(end - 8);
    }

    /** Baseline: the frame's bytes with one memSet (libc memset). */
    @Benchmark
    public long streamMemSet(final Destination destination, final Written written)
    {
        final long at = destination.nextFrame();
        MemoryUtil.memSet(at, (int)(destination.nextValue() & 0x7F), destination.frameBytes);
        written.bytes += destination.frameBytes;
        return MemoryUtil.memGetLong(at + destination.frameBytes - 8);
    }

    /** Writes {@code v} over [at, end), a multiple of 64 bytes long, eight memPutLongs (one cache line) a step. */
    private static void putLines(final long at, final long end, final long v)
    {
        for (long p = at; p < end; p += 64)
        {
            MemoryUtil.memPutLong(p, v);
            MemoryUtil.memPutLong(p + 8, v);
            MemoryUtil.memPutLong(p + 16, v);
            MemoryUtil.memPutLong(p + 24, v);
            MemoryUtil.memPutLong(p + 32, v);
            MemoryUtil.memPutLong(p + 40, v);
            MemoryUtil.memPutLong(p + 48, v);
            MemoryUtil.memPutLong(p + 56, v);
        }
    }
}
