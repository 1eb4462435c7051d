package dev.isochron.perf.engine;

import dev.isochron.engine.memory.ExhaustionPolicy;
import dev.isochron.engine.memory.FrameArena;
import dev.isochron.engine.memory.ObjectPool;
import dev.isochron.engine.memory.Poolable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The "short-lived, many" lifetime: a batch of {@value #BATCH} event objects per operation, taken from an
 * {@link ObjectPool} and given back, against {@code new} (what a naive engine does) and against the frame
 * arena's bump allocation of the same bytes off-heap. Run with {@code -prof gc}: {@code gc.alloc.rate.norm}
 * is the point (0 B/op for the pool and the arena), ns/op the price.
 */
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PoolBenchmark
{
    /** Objects per operation: a burst of game events in one tick. */
    public static final int BATCH = 64;

    /** A small event, the size of a typical game or UI event (a few fields). */
    public static final class Event implements Poolable
    {
        long timestampNs;
        int type;
        float x;
        float y;

        public void reset()
        {
            timestampNs = 0;
            type = 0;
            x = 0;
            y = 0;
        }
    }

    private final Event[] held = new Event[BATCH];
    private ObjectPool<Event> pool;
    private FrameArena arena;
    private long tick;

    @Setup
    public void setup()
    {
        pool = new ObjectPool<>("events", BATCH, Event::new, ExhaustionPolicy.THROW);
        arena = new FrameArena("events", BATCH * 24);
    }

    @TearDown
    public void tearDown()
    {
        arena.close();
    }

    /** Acquire {@value #BATCH} events from the pool, fill them, consume them, release them. */
    @Benchmark
    public void poolAcquireRelease(final Blackhole bh)
    {
        final long now = tick++;
        for (int i = 0; i < BATCH; i++)
        {
            hold(i, pool.acquire(), now);
        }
        for (int i = 0; i < BATCH; i++)
        {
            bh.consume(held[i].type);
            pool.release(held[i]);
        }
    }

    /** Make {@value #BATCH} events with {@code new}, fill them, consume them (the garbage is the point). */
    @Benchmark
    public void newObjects(final Blackhole bh)
    {
        final long now = tick++;
        for (int i = 0; i < BATCH; i++)
        {
            hold(i, new Event(), now);
        }
        for (int i = 0; i < BATCH; i++)
        {
            bh.consume(held[i].type);
        }
    }

    /** Write {@value #BATCH} 24-byte event records into the frame arena, read them, reset. */
    @Benchmark
    public void arenaRecords(final Blackhole bh)
    {
        final long now = tick++;
        final org.agrona.concurrent.UnsafeBuffer buffer = arena.buffer();
        int first = -1;
        for (int i = 0; i < BATCH; i++)
        {
            final int offset = arena.allocate(24, 8);
            if (first < 0)
            {
                first = offset;
            }
            buffer.putLong(offset, now);
            buffer.putInt(offset + 8, i);
            buffer.putFloat(offset + 12, i);
        }
        for (int i = 0; i < BATCH; i++)
        {
            bh.consume(buffer.getInt(first + i * 24 + 8));
        }
        arena.reset();
    }

    /** Fills event {@code i} of the batch as a tick would and holds it: the same work whatever the event's source. */
    private void hold(final int i, final Event e, final long now)
    {
        e.timestampNs = now;
        e.type = i;
        e.x = i;
        held[i] = e;
    }
}
