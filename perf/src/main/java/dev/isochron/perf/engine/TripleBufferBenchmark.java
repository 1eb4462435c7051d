package dev.isochron.perf.engine;

import java.util.concurrent.TimeUnit;

import dev.isochron.engine.handoff.TripleBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The simulation-to-render hand-off: one {@link TripleBuffer} exchange of a 16-long state (write the back slot,
 * publish, take the newest, read it) on one thread, and the same with a writer thread and a reader thread
 * contending ({@code contended} group: {@code publish} and {@code acquire} are reported separately). Run with
 * {@code -prof gc}: {@code gc.alloc.rate.norm} must be 0 B/op on both sides.
 */
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TripleBufferBenchmark
{
    /** Longs per state: a 128-byte render state. */
    public static final int FIELDS = 16;

    /** A render state. */
    public static final class Payload
    {
        final long[] fields = new long[FIELDS];
    }

    /** A buffer used by one thread, for the uncontended exchange. */
    @State(Scope.Thread)
    public static class Local
    {
        final TripleBuffer<Payload> buffer = new TripleBuffer<>(Payload::new);
        long sequence;
    }

    /** A buffer shared by the writer and the reader of the {@code contended} group. */
    @State(Scope.Group)
    public static class Shared
    {
        final TripleBuffer<Payload> buffer = new TripleBuffer<>(Payload::new);
        long sequence;
    }

    /**
     * One whole exchange on one thread: fill, publish, acquire, read.
     *
     * @return a value of the state read, so the work is not eliminated.
     */
    @Benchmark
    public long exchange(final Local local)
    {
        fillAndPublish(local.buffer, ++local.sequence);
        return acquireAndRead(local.buffer);
    }

    /**
     * The writer of the contended pair: fill and publish.
     *
     * @return the publish sequence.
     */
    @Benchmark
    @Group("contended")
    @GroupThreads(1)
    public long publish(final Shared shared)
    {
        return fillAndPublish(shared.buffer, ++shared.sequence);
    }

    /**
     * The reader of the contended pair: take the newest and read it.
     *
     * @return a value of the state read.
     */
    @Benchmark
    @Group("contended")
    @GroupThreads(1)
    public long acquire(final Shared shared)
    {
        return acquireAndRead(shared.buffer);
    }

    /** The writer's side of an exchange: fills every field of the back slot with the sequence, publishes it. */
    private static long fillAndPublish(final TripleBuffer<Payload> buffer, final long sequence)
    {
        final long[] back = buffer.back().fields;
        for (int i = 0; i < FIELDS; i++)
        {
            back[i] = sequence;
        }
        return buffer.publish(sequence);
    }

    /** The reader's side of an exchange: takes the newest state and sums its sequence and every field. */
    private static long acquireAndRead(final TripleBuffer<Payload> buffer)
    {
        final long[] front = buffer.acquireNewest().fields;
        long sum = buffer.frontSequence();
        for (int i = 0; i < FIELDS; i++)
        {
            sum += front[i];
        }
        return sum;
    }
}
