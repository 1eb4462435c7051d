package dev.isochron.engine.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills the process trees of children still running when this JVM exits, so that no child outlives the test JVM
 * that started it: Surefire ending a fork that ran past its time, a test run aborted, a harness stopped with
 * Ctrl-C. One shutdown hook, registered when the first child is tracked. It cannot help when this JVM is killed with
 * {@code SIGKILL}; the children's own limits still apply only while a thread waits for them.
 * <p>
 * Thread-safe: children are tracked and untracked from any thread.
 */
final class ChildReaper
{
    /** How long the hook waits for each tree to be gone: exit is held up by at most this per child. */
    static final long EXIT_KILL_WAIT_MS = 2_000;
    /** The hook thread's name, as a thread dump shows it. */
    static final String HOOK_THREAD_NAME = "isochron-child-reaper";

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static
    {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildReaper::killRunning, HOOK_THREAD_NAME));
    }

    private ChildReaper()
    {
    }

    /** Kills {@code child}'s tree if this JVM exits before {@link #untrack} is called for it. */
    static void track(final Process child)
    {
        RUNNING.add(child);
    }

    /** The child has ended, or its tree has been killed: nothing left to do at exit. */
    static void untrack(final Process child)
    {
        RUNNING.remove(child);
    }

    private static void killRunning()
    {
        for (final Process child : RUNNING)
        {
            if (child.isAlive())
            {
                ProcessTree.kill(child.toHandle(), List.of(), EXIT_KILL_WAIT_MS);
            }
        }
    }
}
