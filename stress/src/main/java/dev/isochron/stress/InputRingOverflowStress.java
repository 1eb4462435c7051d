package dev.isochron.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Input ring at overflow: the producer writes 100 key records into a ring of 32 while the simulation thread drains
 * two ticks; the arbiter drains a last tick. Whatever the interleaving, every record is either drained once (in
 * order) or refused to the producer and counted as a drop, and the queue's counters are exact.
 * Result: 1 if drained + refused = 100; 1 if the drained records are exactly the accepted ones in order; 1 if the
 * queue's drop, written and consumed counters match; 1 if the ring overflowed in this run.
 */
@JCStressTest
@Outcome(id = "1, 1, 1, 1", expect = ACCEPTABLE, desc = "the ring overflowed; every record drained once or counted as a drop")
@Outcome(id = "1, 1, 1, 0", expect = ACCEPTABLE_INTERESTING, desc = "the consumer kept up: nothing refused")
@Outcome(expect = FORBIDDEN, desc = "a record lost, duplicated or reordered, or a counter off")
@State
public class InputRingOverflowStress
{
    private static final int RECORDS = 100;

    private final InputRingStress ring = new InputRingStress(RECORDS);

    /** Producer thread. */
    @Actor
    public void producer()
    {
        ring.produce();
    }

    /** Simulation thread: two ticks. */
    @Actor
    public void simulation()
    {
        ring.drainTick();
        ring.drainTick();
    }

    /** After both: a last tick, then the tally. */
    @Arbiter
    public void tally(final IIII_Result r)
    {
        ring.drainTick();
        r.r1 = ring.seenCount + ring.refusedCount == RECORDS ? 1 : 0;
        r.r2 = ring.drainedExactlyTheWrittenRecordsInOrder() ? 1 : 0;
        r.r3 = ring.countersExact() ? 1 : 0;
        r.r4 = ring.refusedCount > 0 ? 1 : 0;
    }
}
