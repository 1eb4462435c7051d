package dev.isochron.render.natives;

import dev.isochron.engine.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * glibc's loader deadlock (LWJGL issue 1148) in a child JVM ({@link NativeLoaderRace}): LWJGL's system-library lookup
 * on one thread beside a plain {@code dlopen} on another hangs the process, and the same loops under
 * {@link NativeLoading}'s lock finish. The hung child is killed, whole tree, by {@link ChildProcess} at its limit.
 */
class NativeLoadingRaceTest
{
    /** Enough iterations for the unguarded race to hang at once here (it hung in the first two), few enough to end. */
    private static final int ITERATIONS = 300;
    private static final Duration UNGUARDED_LIMIT = Duration.ofSeconds(20);
    private static final Duration GUARDED_LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path directory;

    @Test
    void shouldFinishEveryIterationWhenBothThreadsTakeTheLock() throws InterruptedException
    {
        final ChildProcess.Result child = race("guarded", GUARDED_LIMIT);

        assertTrue(child.finished(), child::describe);
        assertEquals(0, child.exitCode(), child::describe);
        assertTrue(child.output().contains(NativeLoaderRace.FINISHED), child::describe);
    }

    @Test
    void shouldHangWithoutTheLock() throws InterruptedException
    {
        final ChildProcess.Result child = race("unguarded", UNGUARDED_LIMIT);

        if (child.finished())
        {
            abort("the unguarded race finished " + ITERATIONS + " iterations without hanging on this machine " +
                "(exit " + child.exitCode() + "): the deadlock did not show, so this run proves nothing either way");
        }
        assertTrue(child.timedOut(), child::describe);
        assertTrue(child.survivors().isEmpty(), () -> "processes left alive after the kill: " + child.survivors());
    }

    private ChildProcess.Result race(final String mode, final Duration limit) throws InterruptedException
    {
        return ChildProcess.javaMain(NativeLoaderRace.class)
            .jvmFlags(ChildProcess.ENGINE_JVM_FLAGS)
            .args(mode, Integer.toString(ITERATIONS))
            .limit(limit)
            .output(directory.resolve("race-" + mode + ".log"))
            .run();
    }
}
