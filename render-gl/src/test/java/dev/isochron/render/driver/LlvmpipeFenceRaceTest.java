package dev.isochron.render.driver;

import dev.isochron.engine.testing.ChildProcess;
import dev.isochron.render.gl.DriverWorkarounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The chart soak's crash, reproduced outside Isochron's runtime: Mesa llvmpipe frees a fence its rasterizer thread is
 * still signalling ({@link DriverWorkarounds#fenceRace}). In child JVMs on llvmpipe with {@code LP_NUM_THREADS=1},
 * {@link FenceChurnMain} fences every frame and polls and deletes each fence three frames later, as the persistent
 * ring did: the C heap is corrupted within seconds (SIGSEGV in glibc's malloc, HotSpot's error report cut short by
 * {@code -XX:ErrorLogTimeout}; glibc's own abort, "malloc(): smallbin double linked list corrupted"; or a rasterizer
 * hung on the freed condition variable). The same frames without fences
 * (how {@code VertexStreaming.AUTO} streams on llvmpipe) and with a second sync object keeping each fence referenced
 * run clean. Lengths: {@value #RACE_SECONDS_PROPERTY} (default {@value #DEFAULT_RACE_SECONDS} s) for the crash and
 * {@value #CLEAN_SECONDS_PROPERTY} (default {@value #DEFAULT_CLEAN_SECONDS} s) for each clean pattern; give minutes
 * for a long check. When the crash does not come on llvmpipe, the test aborts saying the driver may be fixed.
 */
class LlvmpipeFenceRaceTest
{
    static final String RACE_SECONDS_PROPERTY = "isochron.fenceRace.seconds";
    static final String CLEAN_SECONDS_PROPERTY = "isochron.fenceRace.cleanSeconds";
    static final int DEFAULT_RACE_SECONDS = 40;
    static final int DEFAULT_CLEAN_SECONDS = 10;
    /** FenceChurnMain's exit status when it detected a hang. */
    private static final int HUNG_EXIT = 3;

    @TempDir
    Path directory;

    @Test
    void shouldCorruptTheHeapWhenEachFrameFenceIsPolledAndDeleted() throws Exception
    {
        final ChildProcess.Result child = churn("poll-and-delete", Integer.getInteger(RACE_SECONDS_PROPERTY,
            DEFAULT_RACE_SECONDS));

        if (0 == child.exitCode())
        {
            abort("no crash or hang in " + Integer.getInteger(RACE_SECONDS_PROPERTY, DEFAULT_RACE_SECONDS) + " s on " +
                renderer(child) + ": the driver may be fixed (narrow DriverWorkarounds.fenceRace): " + child.output());
        }
        final String crash = crashReport(child);
        assertTrue(child.exitCode() == HUNG_EXIT || crash.contains("libc.so.6") || glibcAbort(child.output()),
            () -> "neither a hang, a crash in glibc nor glibc's heap-corruption abort: exit " + child.exitCode() +
                "\n" + child.output() + crash);
    }

    @Test
    void shouldRunTheSameFramesCleanWithoutFences() throws Exception
    {
        assertClean(churn("no-fences", Integer.getInteger(CLEAN_SECONDS_PROPERTY, DEFAULT_CLEAN_SECONDS)));
    }

    @Test
    void shouldRunCleanWhenASecondSyncObjectKeepsEachFenceReferenced() throws Exception
    {
        assertClean(churn("extra-reference", Integer.getInteger(CLEAN_SECONDS_PROPERTY, DEFAULT_CLEAN_SECONDS)));
    }

    private ChildProcess.Result churn(final String pattern, final int seconds) throws InterruptedException
    {
        final ChildProcess.Result child = ChildProcess.javaMain(FenceChurnMain.class)
            .jvmFlags("-Xmx64m", "-XX:ErrorLogTimeout=5", "-XX:-CreateCoredumpOnCrash")
            .jvmFlags(ChildProcess.ENGINE_JVM_FLAGS).args(Integer.toString(seconds), pattern)
            .llvmpipeThreads(1).removeEnvironment("DISPLAY").removeEnvironment("WAYLAND_DISPLAY")
            .environment("GALLIUM_DRIVER", "llvmpipe").directory(directory)
            .limit(Duration.ofSeconds(seconds + 90L)).output(directory.resolve(pattern + ".log")).run();
        assumeTrue(renderer(child).startsWith("llvmpipe"), () -> "not llvmpipe: " + child.output());
        assertTrue(!child.timedOut(), child::describe);
        return child;
    }

    private static void assertClean(final ChildProcess.Result child)
    {
        assertEquals(0, child.exitCode(), () -> child.output() + crashReport(child));
        assertTrue(child.output().contains(FenceChurnMain.DONE), child.output());
    }

    /** @return whether glibc's allocator aborted on a corrupted heap ("malloc(): smallbin double linked list ..."). */
    private static boolean glibcAbort(final String output)
    {
        return output.contains("malloc(): ") || output.contains("free(): ") || output.contains("corrupted") ||
            output.contains("double free");
    }

    private static String renderer(final ChildProcess.Result child)
    {
        final int at = child.output().indexOf(FenceChurnMain.RENDERER);
        if (at < 0)
        {
            return "";
        }
        final int end = child.output().indexOf('\n', at);
        return child.output().substring(at + FenceChurnMain.RENDERER.length(), end < 0 ? child.output().length() : end);
    }

    /** @return the child's hs_err file's first lines (the problematic frame), or "" when it wrote none. */
    private static String crashReport(final ChildProcess.Result child)
    {
        try (Stream<Path> files = Files.list(child.log().getParent()))
        {
            final List<Path> reports = files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).toList();
            if (reports.isEmpty())
            {
                return "";
            }
            final List<String> lines = Files.readAllLines(reports.get(0));
            return String.join("\n", lines.subList(0, Math.min(12, lines.size())));
        }
        catch (final java.io.IOException ex)
        {
            return ex.toString();
        }
    }
}
