package dev.isochron.perf.input;

import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.MouseMoveEvent;
import dev.isochron.input.queue.InputProducer;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.input.queue.InputQueueConfig;
import dev.isochron.input.state.InputState;
import org.agrona.concurrent.SystemNanoClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.Control;

import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Input handoff from a capture thread to the simulation thread: Isochron's input ring (a fixed-size
 * record written in place, drained by the tick through flyweights) against the naive pattern of a new
 * event object per OS event offered to an {@link ArrayBlockingQueue} or a {@link ConcurrentLinkedQueue}.
 * <p>
 * Each group has one producer thread and one consumer thread. A producer op hands off one mouse move,
 * retrying while the bounded queue is full (so producer ops/s is handoff throughput, paced by the
 * consumer); a consumer op waits for at least one event and drains whatever is there (so consumer ops
 * are batches). Bytes per event = {@code gc.alloc.rate} / producer ops per second. In sample-time mode the producer figures are the
 * capture thread's cost per event (what an OS callback pays). Run with {@code -prof gc} to see the
 * garbage per event: zero for the ring, one event object (plus a queue node for the linked queue) for
 * the naive pattern.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Group)
public class InputHandoffBenchmark
{
    /** Ring capacity and bounded queue capacity give room for about a thousand moves each. */
    private static final int RING_CAPACITY_BYTES = 64 * 1024;
    private static final int QUEUE_CAPACITY = 1024;

    private InputQueue ring;
    private InputProducer producer;
    private InputState state;
    private ConsumingListener listener;
    private ArrayBlockingQueue<NaiveMouseEvent> arrayQueue;
    private ConcurrentLinkedQueue<NaiveMouseEvent> linkedQueue;
    private int x;

    /** The naive pattern's event: one object per OS event. */
    public static final class NaiveMouseEvent
    {
        final double x;
        final double y;
        final long captureNs;

        NaiveMouseEvent(final double x, final double y, final long captureNs)
        {
            this.x = x;
            this.y = y;
            this.captureNs = captureNs;
        }
    }

    /** Reads each flyweight's fields into the blackhole, as a tick would use them. */
    static final class ConsumingListener implements EventListener
    {
        Blackhole blackhole;

        public void onMouseMove(final MouseMoveEvent event)
        {
            blackhole.consume(event.x());
            blackhole.consume(event.captureNs());
        }
    }

    /** Fresh queues per trial, so no run inherits a backlog. */
    @Setup(Level.Trial)
    public void setUp()
    {
        ring = new InputQueue(new InputQueueConfig().capacityBytes(RING_CAPACITY_BYTES).maxProducers(4)
            .coalesceMouseMoves(false).clock(SystemNanoClock.INSTANCE));
        producer = ring.newProducer();
        state = new InputState();
        listener = new ConsumingListener();
        arrayQueue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        linkedQueue = new ConcurrentLinkedQueue<>();
    }

    /** Input ring: one fixed-size record written in place, stamped with the engine clock. */
    @Benchmark
    @Group("ring")
    @GroupThreads(1)
    public boolean ringProduce(final Control control)
    {
        final int next = ++x;
        while (!producer.mouseMove(next, next))
        {
            if (control.stopMeasurement)
            {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    /** Input ring: the tick's drain, applying records to the input state and a listener. */
    @Benchmark
    @Group("ring")
    @GroupThreads(1)
    public int ringConsume(final Blackhole blackhole, final Control control)
    {
        listener.blackhole = blackhole;
        int count;
        while ((count = ring.drainInto(state, Long.MAX_VALUE, SystemNanoClock.INSTANCE.nanoTime(), listener)) == 0 &&
            !control.stopMeasurement)
        {
            Thread.onSpinWait();
        }
        return count;
    }

    /** Naive: a new event object offered to an ArrayBlockingQueue (a lock per offer and poll). */
    @Benchmark
    @Group("arrayBlockingQueue")
    @GroupThreads(1)
    public boolean arrayQueueProduce(final Control control)
    {
        final int next = ++x;
        final NaiveMouseEvent event = new NaiveMouseEvent(next, next, System.nanoTime());
        while (!arrayQueue.offer(event))
        {
            if (control.stopMeasurement)
            {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    /** Naive: polls every event object the ArrayBlockingQueue holds. */
    @Benchmark
    @Group("arrayBlockingQueue")
    @GroupThreads(1)
    public int arrayQueueConsume(final Blackhole blackhole, final Control control)
    {
        return pollUntilAny(arrayQueue, blackhole, control);
    }

    /**
     * Naive: a new event object offered to an unbounded ConcurrentLinkedQueue (a node per offer too).
     * Unbounded, so the producer is held back by the consumer only through the memory it fills.
     */
    @Benchmark
    @Group("concurrentLinkedQueue")
    @GroupThreads(1)
    public boolean linkedQueueProduce()
    {
        final int next = ++x;
        return linkedQueue.offer(new NaiveMouseEvent(next, next, System.nanoTime()));
    }

    /** Naive: polls every event object the ConcurrentLinkedQueue holds. */
    @Benchmark
    @Group("concurrentLinkedQueue")
    @GroupThreads(1)
    public int linkedQueueConsume(final Blackhole blackhole, final Control control)
    {
        return pollUntilAny(linkedQueue, blackhole, control);
    }

    /**
     * The naive consumers' body: polls until at least one event came (or measurement stops), then returns the
     * batch size.
     */
    private static int pollUntilAny(
        final Queue<NaiveMouseEvent> queue, final Blackhole blackhole, final Control control)
    {
        int count;
        while ((count = pollAll(queue, blackhole)) == 0 && !control.stopMeasurement)
        {
            Thread.onSpinWait();
        }
        return count;
    }

    /**
     * Polls every event the queue holds, reading each one's fields into the blackhole as a tick would use them.
     *
     * @return the events polled.
     */
    static int pollAll(final Queue<NaiveMouseEvent> queue, final Blackhole blackhole)
    {
        int count = 0;
        NaiveMouseEvent event;
        while ((event = queue.poll()) != null)
        {
            blackhole.consume(event.x);
            blackhole.consume(event.captureNs);
            count++;
        }
        return count;
    }
}
