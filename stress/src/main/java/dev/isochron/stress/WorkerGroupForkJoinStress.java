package dev.isochron.stress;

import dev.isochron.engine.thread.WorkerGroup;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * WorkerGroup fork/join: the coordinator (the render thread's role) runs two frames on a group of one worker plus
 * its own slice; each slice counts its runs per frame in this test's state. Right after each join the coordinator
 * must see every slice of that frame run exactly once (its writes visible), and afterwards (the arbiter) every
 * slice of both frames exactly once. Result: wrong counts seen by the coordinator after its joins; wrong counts
 * at the end.
 * <p>
 * One group serves every state of the run (its threads live as long as the forked VM: starting threads per state
 * would measure thread start-up, not fork/join); the state it works on is handed over in a plain field written
 * before {@code fork}, which is what the group's publication must make visible to the workers. The group's
 * threads are not daemons, so a daemon thread closes the group once the forked VM's main thread has ended;
 * otherwise the VM would never exit.
 */
@JCStressTest
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "each slice ran exactly once per frame, visible after join")
@Outcome(expect = FORBIDDEN, desc = "a slice ran twice or not at all, or its writes were not visible after join")
@State
public class WorkerGroupForkJoinStress
{
    private static final int FRAMES = 2;
    private static WorkerGroupForkJoinStress current;
    private static final WorkerGroup GROUP = new WorkerGroup("stress-worker", 1, true,
        (sliceIndex, sliceCount, frameIndex) -> current.runs[sliceIndex * FRAMES + (int)frameIndex]++);

    static
    {
        closeGroupWhenMainEnds();
    }

    private final int[] runs = new int[GROUP.sliceCount() * FRAMES];

    /** Coordinator thread: two frames, checking each right after its join. */
    @Actor
    public void coordinator(final II_Result r)
    {
        current = this;
        int wrong = 0;
        for (int frame = 0; frame < FRAMES; frame++)
        {
            GROUP.runFrame(frame);
            for (int slice = 0; slice < GROUP.sliceCount(); slice++)
            {
                wrong += runs[slice * FRAMES + frame] == 1 ? 0 : 1;
            }
        }
        r.r1 = wrong;
    }

    /** After the frames: every slice of every frame exactly once. */
    @Arbiter
    public void tally(final II_Result r)
    {
        int wrong = 0;
        for (final int count : runs)
        {
            wrong += count == 1 ? 0 : 1;
        }
        r.r2 = wrong;
    }

    private static void closeGroupWhenMainEnds()
    {
        Thread main = null;
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if ("main".equals(thread.getName()))
            {
                main = thread;
            }
        }
        final Thread awaited = main;
        final Thread closer = new Thread(() ->
        {
            try
            {
                if (null != awaited)
                {
                    awaited.join();
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            GROUP.close();
        }, "stress-worker-closer");
        closer.setDaemon(true);
        closer.start();
    }
}
