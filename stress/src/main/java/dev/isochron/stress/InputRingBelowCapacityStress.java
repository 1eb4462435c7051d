package dev.isochron.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Input ring below capacity: the producer writes 20 key records (the ring holds 32) while the simulation thread
 * drains two ticks; the arbiter drains a last tick. Every record must arrive once, in order, none refused.
 * Result: records drained, 1 if they are exactly the written ones in order, records refused.
 */
@JCStressTest
@Outcome(id = "20, 1, 0", expect = ACCEPTABLE, desc = "all 20 records drained once, in order")
@Outcome(expect = FORBIDDEN, desc = "a record lost, duplicated, reordered or refused below capacity")
@State
public class InputRingBelowCapacityStress
{
    private final InputRingStress ring = new InputRingStress(20);

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
    public void tally(final III_Result r)
    {
        ring.drainTick();
        r.r1 = ring.seenCount;
        r.r2 = ring.drainedExactlyTheWrittenRecordsInOrder() ? 1 : 0;
        r.r3 = ring.refusedCount;
    }
}
