package dev.isochron.perf.engine;

import dev.isochron.engine.thread.SliceWork;
import dev.isochron.engine.thread.WorkerGroup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The per-frame fork/join of the render thread and K render workers: {@link WorkerGroup} (sequence counters,
 * long-lived threads, no task objects) against an {@link ExecutorService} with one submitted task per slice
 * per frame (what the naive mode does). Each slice fills {@value #FLOATS_PER_FRAME} / slices floats, the
 * size of the vertex data of a few thousand sprites; {@code emptyFrame} measures the synchronisation alone.
 * With {@code -prof gc}, {@code gc.alloc.rate.norm} counts the benchmark thread only (the coordinator); the
 * workers' zero is proven by the engine's WorkerGroupTest.
 * <p>
 * On a 2-core machine K = 2 plus the coordinator oversubscribes the cores: the figures show the cost of
 * the hand-off, not a speed-up.
 */
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ForkJoinBenchmark
{
    /** Floats written per frame, split across slices. */
    public static final int FLOATS_PER_FRAME = 64 * 1024;

    @Param({"1", "2"})
    public int workers;

    private final float[] vertices = new float[FLOATS_PER_FRAME];
    private WorkerGroup fillGroup;
    private WorkerGroup emptyGroup;
    private ExecutorService executor;
    private Future<?>[] futures;
    private long frame;

    private final SliceWork fill = (sliceIndex, sliceCount, frameIndex) -> fillSlice(sliceIndex, sliceCount, frameIndex);

    @Setup(Level.Trial)
    public void setup()
    {
        fillGroup = new WorkerGroup("bench-fill", workers, true, fill);
        emptyGroup = new WorkerGroup("bench-empty", workers, true, (s, n, f) -> {});
        executor = Executors.newFixedThreadPool(workers);
        futures = new Future<?>[workers];
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        fillGroup.close();
        emptyGroup.close();
        executor.shutdownNow();
    }

    /** One frame: fork, the coordinator fills slice 0, join. */
    @Benchmark
    public float workerGroupFrame()
    {
        fillGroup.runFrame(frame++);
        return vertices[FLOATS_PER_FRAME - 1];
    }

    /** One frame of no work: the fork/join hand-off alone. */
    @Benchmark
    public long workerGroupEmptyFrame()
    {
        emptyGroup.runFrame(frame);
        return frame++;
    }

    /** One frame with the executor: submit K tasks (a capturing lambda each), fill slice 0, wait for all. */
    @Benchmark
    public float executorFrame() throws Exception
    {
        final long frameIndex = frame++;
        final int sliceCount = workers + 1;
        for (int w = 0; w < workers; w++)
        {
            final int slice = w + 1;
            futures[w] = executor.submit(() -> fillSlice(slice, sliceCount, frameIndex));
        }
        fillSlice(0, sliceCount, frameIndex);
        for (int w = 0; w < workers; w++)
        {
            futures[w].get();
        }
        return vertices[FLOATS_PER_FRAME - 1];
    }

    private void fillSlice(final int sliceIndex, final int sliceCount, final long frameIndex)
    {
        final int from = (int)((long)sliceIndex * FLOATS_PER_FRAME / sliceCount);
        final int to = (int)((long)(sliceIndex + 1) * FLOATS_PER_FRAME / sliceCount);
        final float base = frameIndex & 1023;
        for (int i = from; i < to; i++)
        {
            vertices[i] = base + i;
        }
    }
}
