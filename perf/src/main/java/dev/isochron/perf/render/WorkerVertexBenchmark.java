package dev.isochron.perf.render;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.isochron.engine.thread.WorkerGroup;
import dev.isochron.render.batch.NullDrawBackend;
import dev.isochron.render.batch.QuadSliceWork;
import dev.isochron.render.batch.QuadVertexLayout;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.SpriteBatch;
import org.joml.Matrix4f;
import org.lwjgl.system.MemoryUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU vertex generation split across render workers, in sprites per millisecond, against what one
 * thread can stream into off-heap memory of the same size.
 * <p>
 * {@code workers10k} / {@code workers100k}: one frame of an already recorded and sorted
 * {@link SpriteBatch} of 10,000 or 100,000 axis-aligned sprites (8 textures, random positions):
 * the null backend reserves the frame's vertex memory, {@link QuadSliceWork} is given the batch,
 * and an engine {@link WorkerGroup} of {@code workers} threads (the benchmark thread coordinates and
 * waits; it runs no slice) forks and joins, each worker generating its slice (80 bytes per sprite).
 * The fork/join hand-off is part of the score. {@code renderThread*}: the same generation as one
 * slice on the benchmark thread, no workers. {@code memPutLong*} / {@code memSet*}: the
 * single-thread bandwidth baseline, streaming the same number of bytes (80 per "sprite") with
 * {@code MemoryUtil.memPutLong} in a loop or one {@code MemoryUtil.memSet}; the ratio of a worker
 * score to these says how close generation comes to the memory system's limit. Rotation cost
 * (a sin and cos per sprite) is measured by {@link SpriteVertexBenchmark}.
 * <p>
 * Run briefly (a shared 2-core machine: two workers and the coordinator compete for 2 cores):
 * {@code java -jar perf/target-hud/isochron-benchmarks.jar WorkerVertexBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class WorkerVertexBenchmark
{
    static final int SMALL = 10_000;
    static final int LARGE = 100_000;
    private static final int TEXTURES = 8;

    /** A recorded, prepared batch of {@code n} sprites; the same sprites for every size's prefix. */
    static SpriteBatch recordedBatch(final int n)
    {
        final Random random = new Random(1);
        final SpriteBatch batch = new SpriteBatch(n);
        for (int i = 0; i < n; i++)
        {
            batch.draw(1 + random.nextInt(TEXTURES), 0f, 0f, 1f, 1f,
                random.nextFloat() * 1280f, random.nextFloat() * 720f, 16f, 16f, 8f, 8f, 0f, Rgba.WHITE);
        }
        batch.prepare();
        return batch;
    }

    /** One frame's vertex generation by a worker group through the null backend. */
    @State(Scope.Thread)
    public abstract static class WorkerFrame
    {
        /** Worker threads generating slices. */
        @Param({"1", "2"})
        public int workers;

        private final Matrix4f projection = new Matrix4f().setOrtho2D(0f, 1280f, 720f, 0f);
        private SpriteBatch batch;
        private NullDrawBackend backend;
        private QuadSliceWork work;
        private WorkerGroup group;
        private long frameIndex;

        abstract int sprites();

        @Setup(Level.Trial)
        public void setUp()
        {
            batch = recordedBatch(sprites());
            backend = new NullDrawBackend(sprites());
            work = new QuadSliceWork(1);
            group = new WorkerGroup("vertex", workers, false, work);
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            group.close();
            backend.close();
        }

        int frame()
        {
            backend.beginFrame(projection);
            final long address = backend.reserveQuads(batch.quadCount());
            work.clear();
            work.add(batch, address);
            group.runFrame(frameIndex++);
            backend.commitQuads(address, batch.quadCount());
            backend.endFrame();
            // the last vertex's colour, written by the last slice: keeps the work observable
            return MemoryUtil.memGetInt(address + (long)batch.quadCount() * QuadVertexLayout.BYTES_PER_QUAD - 4);
        }
    }

    /** 10,000 sprites. */
    public static class WorkerFrame10k extends WorkerFrame
    {
        int sprites()
        {
            return SMALL;
        }
    }

    /** 100,000 sprites. */
    public static class WorkerFrame100k extends WorkerFrame
    {
        int sprites()
        {
            return LARGE;
        }
    }

    /** The same batch and an off-heap block of its vertex size, for single-thread references. */
    @State(Scope.Thread)
    public abstract static class SingleThread
    {
        private SpriteBatch batch;
        private long address;
        private long bytes;
        private long value;

        abstract int sprites();

        @Setup(Level.Trial)
        public void setUp()
        {
            batch = recordedBatch(sprites());
            bytes = (long)sprites() * QuadVertexLayout.BYTES_PER_QUAD;
            address = MemoryUtil.nmemAlignedAlloc(64, bytes);
            if (address == MemoryUtil.NULL)
            {
                throw new OutOfMemoryError("cannot allocate " + bytes + " bytes of vertex memory");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            MemoryUtil.nmemAlignedFree(address);
        }

        int generate()
        {
            return batch.generate(0, 1, address);
        }

        long putLongs()
        {
            final long v = ++value;
            for (long at = address, end = address + bytes; at < end; at += 8)
            {
                MemoryUtil.memPutLong(at, v);
            }
            return MemoryUtil.memGetLong(address + bytes - 8);
        }

        long set()
        {
            MemoryUtil.memSet(address, (int)(++value & 0x7F), bytes);
            return MemoryUtil.memGetLong(address + bytes - 8);
        }
    }

    /** 10,000 sprites' worth. */
    public static class SingleThread10k extends SingleThread
    {
        int sprites()
        {
            return SMALL;
        }
    }

    /** 100,000 sprites' worth. */
    public static class SingleThread100k extends SingleThread
    {
        int sprites()
        {
            return LARGE;
        }
    }

    /** 10,000 sprites generated by {@code workers} worker threads (fork/join included). */
    @Benchmark
    @OperationsPerInvocation(SMALL)
    public int workers10k(final WorkerFrame10k frame)
    {
        return frame.frame();
    }

    /** 100,000 sprites generated by {@code workers} worker threads (fork/join included). */
    @Benchmark
    @OperationsPerInvocation(LARGE)
    public int workers100k(final WorkerFrame100k frame)
    {
        return frame.frame();
    }

    /** 10,000 sprites generated on the benchmark thread, no workers. */
    @Benchmark
    @OperationsPerInvocation(SMALL)
    public int renderThread10k(final SingleThread10k state)
    {
        return state.generate();
    }

    /** 100,000 sprites generated on the benchmark thread, no workers. */
    @Benchmark
    @OperationsPerInvocation(LARGE)
    public int renderThread100k(final SingleThread100k state)
    {
        return state.generate();
    }

    /** Baseline: 10,000 x 80 bytes streamed with memPutLong on one thread. */
    @Benchmark
    @OperationsPerInvocation(SMALL)
    public long memPutLong10k(final SingleThread10k state)
    {
        return state.putLongs();
    }

    /** Baseline: 100,000 x 80 bytes streamed with memPutLong on one thread. */
    @Benchmark
    @OperationsPerInvocation(LARGE)
    public long memPutLong100k(final SingleThread100k state)
    {
        return state.putLongs();
    }

    /** Baseline: 10,000 x 80 bytes set with one memSet on one thread. */
    @Benchmark
    @OperationsPerInvocation(SMALL)
    public long memSet10k(final SingleThread10k state)
    {
        return state.set();
    }

    /** Baseline: 100,000 x 80 bytes set with one memSet on one thread. */
    @Benchmark
    @OperationsPerInvocation(LARGE)
    public long memSet100k(final SingleThread100k state)
    {
        return state.set();
    }
}
