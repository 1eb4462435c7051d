package dev.isochron.render.checked;

import dev.isochron.engine.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checking mode's LWJGL part, in child JVMs: with {@code -Disochron.checked=true} LWJGL's debug allocator tracks
 * {@code MemoryUtil} and reports, at exit, exactly the block the child leaked on purpose (a headless run before it
 * leaked nothing); without it nothing is tracked or reported.
 */
class NativeChecksTest
{
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    @Test
    void shouldReportTheOneLeakedBlockAtExitInCheckingMode() throws Exception
    {
        final ChildProcess.Result child = leakAtExit("-Disochron.checked=true").output(directory.resolve("checked.log"))
            .run();

        assertEquals(0, child.exitCode(), child::describe);
        assertTrue(child.output().contains("checked=true debugAllocator=true frames=5"), child.output());
        assertTrue(child.output().contains("[LWJGL] " + LeakAtExitMain.LEAKED_BYTES + " bytes leaked"), child.output());
        assertEquals(1, count(child.output(), " bytes leaked"), "only the block leaked on purpose: " + child.output());
        assertTrue(child.output().contains(LeakAtExitMain.class.getName() + ".main"), "with its stack: " + child.output());
    }

    @Test
    void shouldTrackAndReportNothingWithoutCheckingMode() throws Exception
    {
        final ChildProcess.Result child = leakAtExit("-Disochron.checked=false").output(directory.resolve("plain.log"))
            .run();

        assertEquals(0, child.exitCode(), child::describe);
        assertTrue(child.output().contains("checked=false debugAllocator=false frames=5"), child.output());
        assertFalse(child.output().contains("[LWJGL]"), child.output());
    }

    private ChildProcess leakAtExit(final String checkedFlag)
    {
        return ChildProcess.javaMain(LeakAtExitMain.class).jvmFlags("-Xmx128m", checkedFlag)
            .jvmFlags(ChildProcess.ENGINE_JVM_FLAGS).llvmpipeThreads(1).removeEnvironment("DISPLAY")
            .removeEnvironment("WAYLAND_DISPLAY").directory(directory).limit(LIMIT);
    }

    private static int count(final String text, final String part)
    {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1))
        {
            count++;
        }
        return count;
    }
}
