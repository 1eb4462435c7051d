package dev.isochron.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Triple buffer, writer against reader: the writer publishes whole states 1 and 2 (both fields and the
 * publish sequence equal), the reader takes the newest twice. Each read is reported as the state's value when
 * its two fields and its sequence agree, or -1 when they do not (a torn read). Allowed: untorn reads that never
 * go back (the second read is the first or newer). Forbidden: any torn read, any read going back.
 */
@JCStressTest
@Outcome(id = {"0, 0", "1, 1", "2, 2"}, expect = ACCEPTABLE, desc = "both reads see the same state")
@Outcome(id = {"0, 1", "0, 2", "1, 2"}, expect = ACCEPTABLE_INTERESTING, desc = "the second read sees a newer state")
@Outcome(expect = FORBIDDEN, desc = "a torn read (-1) or a read older than the previous one")
@State
public class TripleBufferReadsStress
{
    private final PairTripleBuffer buffer = new PairTripleBuffer();

    /** Writer thread. */
    @Actor
    public void writer()
    {
        buffer.publishUpTo(2);
    }

    /** Reader thread. */
    @Actor
    public void reader(final II_Result r)
    {
        r.r1 = buffer.readNewest();
        r.r2 = buffer.readNewest();
    }
}
