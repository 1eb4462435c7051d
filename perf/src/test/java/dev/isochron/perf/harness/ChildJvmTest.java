package dev.isochron.perf.harness;

import dev.isochron.engine.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Child process handling, with shell scripts standing in for the java launcher. */
class ChildJvmTest
{
    @TempDir
    Path dir;

    private Path script(final String name, final String body) throws IOException
    {
        final Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void shouldGiveTheChildLlvmpipeThreadsAndCaptureItsOutput() throws IOException
    {
        final ChildJvm jvm = new ChildJvm(script("java", "echo \"LP=$LP_NUM_THREADS args=$*\"; exit 3"), 17, "1g", List.of(), 3);
        final Path log = dir.resolve("child.log");

        final int status = jvm.run(List.of(jvm.javaBinary().toString(), "a", "b"), log, 30);

        assertEquals(3, status);
        assertEquals("LP=3 args=a b\n", Files.readString(log));
    }

    @Test
    void shouldKillAChildThatRunsPastTheTimeout() throws IOException
    {
        final ChildJvm jvm = new ChildJvm(script("java", "sleep 60"), 17, "1g", List.of(), 1);

        assertEquals(-1, jvm.run(List.of(jvm.javaBinary().toString()), dir.resolve("slow.log"), 1));
    }

    @Test
    void shouldNameTheStageOfARunKilledAtItsTimeout()
    {
        final ChildJvm jvm = new ChildJvm(ChildJvm.currentJava(), Runtime.version().feature(), "64m", List.of(), 1);
        final List<String> command = jvm.classCommand(GcChoice.G1, ChildProcess.testClassPath(), HoldMain.class.getName(),
            List.of());

        final ChildProcess.Result child = jvm.runChild(command, dir.resolve("hold.log"), 5);

        assertEquals(-1, child.exitCode(), child::describe);
        assertTrue(child.stage().startsWith("main: java.lang.Thread.sleep via " + HoldMain.class.getName() + ".main"),
            child::describe);
    }

    @Test
    void shouldExplainWhyACollectorIsUnavailable() throws IOException
    {
        final ChildJvm jvm = new ChildJvm(script("java",
            "echo \"Unrecognized VM option 'UseZGC'\"; echo 'Error: Could not create the Java Virtual Machine.'; exit 1"),
            17, "1g", List.of(), 1);

        final String reason = jvm.gcUnavailableReason(GcChoice.ZGC, dir);

        assertTrue(reason.endsWith(" -XX:+UseZGC -version exited 1: Unrecognized VM option 'UseZGC'\n" +
            "Error: Could not create the Java Virtual Machine."), reason);
    }

    @Test
    void shouldFindTheCollectorsOfThisJvmAvailable()
    {
        final ChildJvm jvm = new ChildJvm(ChildJvm.currentJava(), Runtime.version().feature(), "64m", List.of(), 1);

        assertNull(jvm.gcUnavailableReason(GcChoice.G1, dir));
    }

    @Test
    void shouldRefuseANegativeLlvmpipeThreadCount()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new ChildJvm(Path.of("java"), 17, "1g", List.of(), -1));
        assertEquals("--lp-threads must be >= 0, was -1", ex.getMessage());
    }

    /** Sleeps in {@code main} until it is killed. */
    public static final class HoldMain
    {
        public static void main(final String[] args) throws InterruptedException
        {
            while (true)
            {
                Thread.sleep(60_000);
            }
        }
    }
}
