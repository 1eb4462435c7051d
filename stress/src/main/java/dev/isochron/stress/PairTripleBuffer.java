package dev.isochron.stress;

import dev.isochron.engine.handoff.TripleBuffer;

/**
 * The triple buffer as the stress tests drive it: states are pairs whose two fields the writer sets to the same
 * value, published with that value as the publish time; a read reports the value, or -1 for a torn read (fields
 * or publish sequence disagreeing). One writer thread, one reader thread, as {@link TripleBuffer} requires.
 */
final class PairTripleBuffer
{
    /** The published state. */
    static final class Pair
    {
        long a;
        long b;
    }

    private final TripleBuffer<Pair> buffer = new TripleBuffer<>(Pair::new);

    /** Writer thread: publishes whole states 1 to {@code last}, in order. */
    void publishUpTo(final long last)
    {
        for (long value = 1; value <= last; value++)
        {
            final Pair back = buffer.back();
            back.a = value;
            back.b = value;
            buffer.publish(value);
        }
    }

    /** Reader thread: takes the newest state. @return its value, 0 before any publication, -1 if torn. */
    int readNewest()
    {
        final Pair front = buffer.acquireNewest();
        final long sequence = buffer.frontSequence();
        return front.a == front.b && front.a == sequence ? (int)front.a : -1;
    }
}
