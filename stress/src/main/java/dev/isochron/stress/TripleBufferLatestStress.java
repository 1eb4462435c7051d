package dev.isochron.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Triple buffer, nothing lost at the end: the writer publishes states 1, 2 and 3 while the reader takes the newest
 * once; afterwards (the arbiter, reading as the reader) the newest state must be 3, whatever the reader took in
 * between. Reads are reported as in {@link TripleBufferReadsStress} (-1 for a torn read).
 */
@JCStressTest
@Outcome(id = {"0, 3", "1, 3", "2, 3"}, expect = ACCEPTABLE, desc = "the reader took an older state; the latest arrives")
@Outcome(id = "3, 3", expect = ACCEPTABLE_INTERESTING, desc = "the reader took the latest state already")
@Outcome(expect = FORBIDDEN, desc = "a torn read, or the latest publication lost or stale at the end")
@State
public class TripleBufferLatestStress
{
    private final PairTripleBuffer buffer = new PairTripleBuffer();

    /** Writer thread. */
    @Actor
    public void writer()
    {
        buffer.publishUpTo(3);
    }

    /** Reader thread. */
    @Actor
    public void reader(final II_Result r)
    {
        r.r1 = buffer.readNewest();
    }

    /** After both: the reader's side once more. */
    @Arbiter
    public void latest(final II_Result r)
    {
        r.r2 = buffer.readNewest();
    }
}
