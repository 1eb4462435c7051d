package dev.isochron.perf.input;

import dev.isochron.input.queue.InputProducer;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.input.queue.InputQueueConfig;
import dev.isochron.input.state.InputState;
import org.agrona.concurrent.SystemNanoClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The cost of the handoff mechanics per event, without thread scheduling: one thread writes a burst
 * of {@value #BURST} mouse moves (as one {@code glfwPollEvents} would deliver them) and then drains
 * them (as the next tick would). Figures are per event; with {@code -prof gc},
 * {@code gc.alloc.rate.norm} is the garbage per event. The two-thread version is
 * {@link InputHandoffBenchmark}; this one stays meaningful on a small, busy machine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class InputHandoffCostBenchmark
{
    private static final int BURST = 256;

    private InputQueue ring;
    private InputProducer producer;
    private InputState state;
    private InputHandoffBenchmark.ConsumingListener listener;
    private ArrayBlockingQueue<InputHandoffBenchmark.NaiveMouseEvent> arrayQueue;
    private ConcurrentLinkedQueue<InputHandoffBenchmark.NaiveMouseEvent> linkedQueue;
    private int x;

    /** Fresh queues per trial. */
    @Setup(Level.Trial)
    public void setUp()
    {
        ring = new InputQueue(new InputQueueConfig().capacityBytes(64 * 1024).maxProducers(4)
            .clock(SystemNanoClock.INSTANCE));
        producer = ring.newProducer();
        state = new InputState();
        listener = new InputHandoffBenchmark.ConsumingListener();
        arrayQueue = new ArrayBlockingQueue<>(1024);
        linkedQueue = new ConcurrentLinkedQueue<>();
    }

    /** Input ring: records written in place, drained through flyweights into the input state. */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public int ring(final Blackhole blackhole)
    {
        for (int i = 0; i < BURST; i++)
        {
            final int next = ++x;
            producer.mouseMove(next, next);
        }
        listener.blackhole = blackhole;
        return ring.drainInto(state, Long.MAX_VALUE, SystemNanoClock.INSTANCE.nanoTime(), listener);
    }

    /** Naive: a new event object per event through an ArrayBlockingQueue. */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public int arrayBlockingQueue(final Blackhole blackhole)
    {
        for (int i = 0; i < BURST; i++)
        {
            final int next = ++x;
            arrayQueue.offer(new InputHandoffBenchmark.NaiveMouseEvent(next, next, System.nanoTime()));
        }
        return InputHandoffBenchmark.pollAll(arrayQueue, blackhole);
    }

    /** Naive: a new event object (and queue node) per event through a ConcurrentLinkedQueue. */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public int concurrentLinkedQueue(final Blackhole blackhole)
    {
        for (int i = 0; i < BURST; i++)
        {
            final int next = ++x;
            linkedQueue.offer(new InputHandoffBenchmark.NaiveMouseEvent(next, next, System.nanoTime()));
        }
        return InputHandoffBenchmark.pollAll(linkedQueue, blackhole);
    }
}
