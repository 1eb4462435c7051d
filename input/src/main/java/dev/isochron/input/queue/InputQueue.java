package dev.isochron.input.queue;

import dev.isochron.engine.checked.GuardBand;
import dev.isochron.engine.checked.GuardedRegion;
import dev.isochron.engine.metrics.LatencySink;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.state.InputState;
import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

import static dev.isochron.input.event.InputRecordLayout.CAPTURE_NS_OFFSET;
import static dev.isochron.input.event.InputRecordLayout.TYPE_COUNT;

/**
 * The input queue: an Agrona ring buffer over preallocated off-heap memory from the threads that
 * capture input ({@link InputProducer}s) to the simulation thread, which drains it once per tick.
 * <p>
 * One producer gets a {@link OneToOneRingBuffer}; several get a {@link ManyToOneRingBuffer}. Records
 * of one producer are consumed in the order it wrote them; records of different producers in the order
 * they claimed ring space.
 * <p>
 * Tick assignment: {@link #drainInto} consumes the records captured at or before the tick's time and
 * stops at the first later record (Agrona {@code controlledRead} aborts there), which stays in the ring
 * for the next tick. Under a manual clock this is deterministic. Call it while the loop is paused too,
 * so input keeps flowing (or the unpause key would be lost).
 * <p>
 * Threads: {@link #newProducer()} at set-up on any thread; each producer on its own thread; the drain
 * on the one simulation thread; counters from any thread (the run report). Allocation-free after
 * construction: no object and no thread wake-up per event.
 * <p>
 * Checking mode ({@link InputQueueConfig#checked}): a guard band lies on each side of the ring's memory and each drain
 * verifies both before it reads, so a producer's write that left the ring is reported naming the ring, the offset and
 * the bytes found (Agrona bounds-checks every write against the ring either way).
 */
public final class InputQueue implements InputSource
{
    private final RingBuffer ring;
    private final GuardedRegion guards;
    private final NanoClock clock;
    private final boolean coalesceMouseMoves;
    private final LatencySink latencySink;
    private final InputProducer[] producers;
    private volatile int producerCount;
    private final int maxEventsPerDrain;
    private final DrainHandler handler = new DrainHandler();
    private final InputDispatcher dispatcher = new InputDispatcher();
    private final AtomicLong consumed = new AtomicLong();
    private ConsumedRecordSink recordSink;
    private long drains;

    /** Makes a queue with the default configuration (see {@link InputQueueConfig}). */
    public InputQueue()
    {
        this(new InputQueueConfig());
    }

    /**
     * Allocates the ring (capacity plus Agrona's trailer, off-heap, cache-line aligned).
     *
     * @param config the queue's configuration; read now and not kept.
     */
    public InputQueue(final InputQueueConfig config)
    {
        final int capacityBytes = config.capacityBytes();
        final int ringBytes = capacityBytes + RingBufferDescriptor.TRAILER_LENGTH;
        final UnsafeBuffer memory;
        if (config.checked())
        {
            // [band][ring and trailer][band]: the direct buffer lives as long as the ring, which wraps its memory
            final ByteBuffer guarded =
                BufferUtil.allocateDirectAligned((int)GuardedRegion.allocationBytes(ringBytes), 64);
            guards = new GuardedRegion(Messages.ringName(), BufferUtil.address(guarded), ringBytes);
            memory = new UnsafeBuffer(guarded, GuardBand.BYTES, ringBytes);
        }
        else
        {
            guards = null;
            memory = new UnsafeBuffer(BufferUtil.allocateDirectAligned(ringBytes, 64));
        }
        ring = config.maxProducers() == 1 ? new OneToOneRingBuffer(memory) : new ManyToOneRingBuffer(memory);
        clock = config.clock();
        coalesceMouseMoves = config.coalesceMouseMoves();
        latencySink = config.latencySink();
        producers = new InputProducer[config.maxProducers()];
        maxEventsPerDrain = Math.max(1, capacityBytes / 16);
    }

    /**
     * Makes a producer for one producer thread. Set-up time only (it allocates).
     *
     * @return a new producer writing into this queue.
     * @throws IllegalStateException if {@code maxProducers} producers exist already.
     */
    public synchronized InputProducer newProducer()
    {
        final int count = producerCount;
        if (count == producers.length)
        {
            throw Messages.tooManyProducers(producers.length);
        }
        final InputProducer producer = new InputProducer(count, ring, clock, coalesceMouseMoves);
        producers[count] = producer;
        producerCount = count + 1;
        return producer;
    }

    /**
     * Sends every record consumed from now on, tick by tick, to {@code sink} as well (the recorder of
     * record/replay). Call on the simulation thread, between ticks.
     *
     * @param sink the sink, or null to stop.
     */
    public void recordTo(final ConsumedRecordSink sink)
    {
        recordSink = sink;
    }

    /**
     * Drains the events due by {@code tickTimeNs} into {@code state} and {@code listener}, using this
     * queue's own drain count as the tick index (see {@link #drainInto(long, InputState, long, long, EventListener)}).
     */
    public int drainInto(final InputState state, final long tickTimeNs, final long tickStartNs, final EventListener listener)
    {
        return drainInto(drains, state, tickTimeNs, tickStartNs, listener);
    }

    /**
     * Starts a tick on {@code state}, then consumes in ring order the records captured at or before
     * {@code tickTimeNs}: each is recorded to the record sink if one is set, its latency
     * ({@code tickStartNs - captureNs}) goes to the latency sink, it is applied to {@code state} and
     * passed to {@code listener}. Stops at the first record captured after {@code tickTimeNs}, which
     * stays for the next tick, or after one ring's worth of records so a producer cannot hold the
     * tick forever. Allocation-free (given an allocation-free listener and sinks).
     *
     * @return the number of events consumed.
     */
    public int drainInto(
        final long tickIndex, final InputState state, final long tickTimeNs, final long tickStartNs,
        final EventListener listener)
    {
        if (null != guards)
        {
            guards.verify();
        }
        state.beginTick();
        final ConsumedRecordSink sink = recordSink;
        if (sink != null)
        {
            sink.beginTick(tickIndex);
        }
        final DrainHandler handler = this.handler;
        handler.begin(state, listener, tickTimeNs, tickStartNs, sink);
        try
        {
            int read;
            do
            {
                read = ring.controlledRead(handler, maxEventsPerDrain - handler.count);
            }
            while (read > 0 && !handler.reachedLaterRecord && handler.count < maxEventsPerDrain);
        }
        finally
        {
            handler.end();
            if (sink != null)
            {
                sink.endTick();
            }
        }
        drains++;
        final int count = handler.count;
        consumed.lazySet(consumed.get() + count);
        return count;
    }

    /**
     * Verifies the guard bands around the ring now; nothing without checking mode. Allocation-free.
     *
     * @throws dev.isochron.engine.checked.GuardBandException naming the ring, the offset and the bytes found.
     */
    public void verifyGuards()
    {
        if (null != guards)
        {
            guards.verify();
        }
    }

    /** For tests of the guard bands: where the ring's memory (records, then Agrona's trailer) starts. */
    long ringAddress()
    {
        return ring.buffer().addressOffset();
    }

    /** @return whether guard bands surround the ring (checking mode). */
    public boolean isChecked()
    {
        return null != guards;
    }

    /** @return the ring's capacity in bytes. */
    public int capacityBytes()
    {
        return ring.capacity();
    }

    /** @return bytes currently in the ring (records not yet consumed); any thread. */
    public int sizeBytes()
    {
        return ring.size();
    }

    /** @return the clock producers stamp records with. */
    public NanoClock clock()
    {
        return clock;
    }

    /** @return events consumed by ticks so far ({@code inputEvents} in the run report); any thread. */
    public long events()
    {
        return consumed.get();
    }

    /** @return records written by all producers so far; any thread. */
    public long written()
    {
        long sum = 0;
        for (int i = 0, n = producerCount; i < n; i++)
        {
            sum += producers[i].written();
        }
        return sum;
    }

    /**
     * @param typeId an {@code InputRecordLayout} type.
     * @return records of that type dropped because the ring was full, over all producers; any thread.
     */
    public long drops(final int typeId)
    {
        if (typeId < 1 || typeId > TYPE_COUNT)
        {
            throw Messages.badTypeId(typeId);
        }
        long sum = 0;
        for (int i = 0, n = producerCount; i < n; i++)
        {
            sum += producers[i].drops(typeId);
        }
        return sum;
    }

    /** @return records of all types dropped because the ring was full ({@code inputDrops}); any thread. */
    public long drops()
    {
        long sum = 0;
        for (int i = 0, n = producerCount; i < n; i++)
        {
            sum += producers[i].drops();
        }
        return sum;
    }

    /** @return mouse moves summed into later moves because the ring was full ({@code inputCoalesced}); any thread. */
    public long coalesced()
    {
        long sum = 0;
        for (int i = 0, n = producerCount; i < n; i++)
        {
            sum += producers[i].coalesced();
        }
        return sum;
    }

    /** @return records of unknown type skipped by the drain (0 unless foreign code writes the ring). */
    public long unknownRecords()
    {
        return dispatcher.unknownRecords();
    }

    private final class DrainHandler implements ControlledMessageHandler
    {
        private InputState state;
        private EventListener listener;
        private ConsumedRecordSink sink;
        private long tickTimeNs;
        private long tickStartNs;
        private int count;
        private boolean reachedLaterRecord;

        void begin(
            final InputState state, final EventListener listener, final long tickTimeNs, final long tickStartNs,
            final ConsumedRecordSink sink)
        {
            this.state = state;
            this.listener = listener;
            this.tickTimeNs = tickTimeNs;
            this.tickStartNs = tickStartNs;
            this.sink = sink;
            count = 0;
            reachedLaterRecord = false;
        }

        void end()
        {
            state = null;
            listener = null;
            sink = null;
        }

        public Action onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            final long captureNs = buffer.getLong(index + CAPTURE_NS_OFFSET);
            if (captureNs > tickTimeNs)
            {
                reachedLaterRecord = true;
                return Action.ABORT;
            }
            count++;
            latencySink.recordLatencyNs(tickStartNs - captureNs);
            if (sink != null)
            {
                sink.onRecord(msgTypeId, buffer, index, length);
            }
            dispatcher.dispatch(msgTypeId, buffer, index, state, listener);
            return Action.CONTINUE;
        }
    }

    /**
     * The messages, in a class of their own so that InputQueue holds no String constant: the first C2 compile of the
     * per-tick drain would otherwise resolve them on the simulation thread, allocating there once mid-run (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static String ringName()
        {
            return "InputQueue ring";
        }

        static IllegalStateException tooManyProducers(final int maxProducers)
        {
            return new IllegalStateException("input queue has its maxProducers=" + maxProducers +
                " producers already; raise InputQueueConfig.maxProducers");
        }

        static IllegalArgumentException badTypeId(final int typeId)
        {
            return new IllegalArgumentException("typeId must be in [1, " + TYPE_COUNT + "], was " + typeId);
        }
    }
}
