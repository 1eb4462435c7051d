package dev.isochron.stress;

import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.InputRecordLayout;
import dev.isochron.input.event.KeyEvent;
import dev.isochron.input.queue.InputProducer;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.input.queue.InputQueueConfig;
import dev.isochron.input.state.InputState;

/**
 * The input ring as the engine uses it, shared by {@link InputRingBelowCapacityStress} and
 * {@link InputRingOverflowStress}: one producer (the platform thread's role) writes key records numbered
 * 0..n-1, the simulation thread drains the ring tick by tick, and the drained key numbers are kept in order.
 */
final class InputRingStress implements EventListener
{
    /** The smallest ring the queue accepts: 32 key records of 32 bytes each (24-byte record + 8-byte header). */
    static final int CAPACITY_BYTES = InputQueueConfig.MIN_CAPACITY_BYTES;

    final InputQueue queue = new InputQueue(new InputQueueConfig()
        .capacityBytes(CAPACITY_BYTES)
        .maxProducers(1)
        .coalesceMouseMoves(false));
    final InputProducer producer = queue.newProducer();
    final InputState state = new InputState();
    final boolean[] refused;
    final int[] seen;
    int seenCount;
    int refusedCount;

    InputRingStress(final int records)
    {
        refused = new boolean[records];
        seen = new int[records + 1];
    }

    /** Producer thread: writes every record once, noting which the full ring refused. */
    void produce()
    {
        for (int key = 0; key < refused.length; key++)
        {
            if (!producer.keyAt(0, key, 0, 1, 0))
            {
                refused[key] = true;
                refusedCount++;
            }
        }
    }

    /** Simulation thread: one tick's drain of everything due. */
    void drainTick()
    {
        queue.drainInto(state, Long.MAX_VALUE, 0, this);
    }

    public void onKey(final KeyEvent event)
    {
        if (seenCount < seen.length)
        {
            seen[seenCount] = event.key();
        }
        seenCount++;
    }

    /** @return whether the drained keys are exactly the written ones, in order, each once. */
    boolean drainedExactlyTheWrittenRecordsInOrder()
    {
        int next = 0;
        for (int key = 0; key < refused.length; key++)
        {
            if (!refused[key])
            {
                if (next >= seenCount || seen[next] != key)
                {
                    return false;
                }
                next++;
            }
        }
        return next == seenCount;
    }

    /** @return whether the queue's counters agree with what the producer was told and what was drained. */
    boolean countersExact()
    {
        return queue.drops(InputRecordLayout.KEY) == refusedCount && queue.drops() == refusedCount &&
            queue.written() == refused.length - refusedCount && queue.events() == seenCount;
    }
}
