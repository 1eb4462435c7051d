package dev.isochron.render.checked;

import dev.isochron.engine.testing.ChildProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code .ci/checked-run}, glibc's checking allocator for any command: a one-byte heap overflow that runs clean
 * without it (glibc's usual allocator has slack after a 16-byte block) is aborted under it, in a Java child through
 * LWJGL's {@code MemoryUtil} and in a C child, with glibc's message on the child's standard error and the core's
 * location said first; a clean JVM under it runs normally with {@code -Disochron.checked=true} added.
 */
class CheckedRunScriptTest
{
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** SIGABRT's exit status from a shell's point of view: 128 + 6. */
    private static final int ABORTED = 134;
    /** glibc's message when the checker finds a chunk's magic byte overwritten at free. */
    private static final String GLIBC_MESSAGE = "free(): invalid pointer";
    /** Small JVMs, and no core of one: the cores of an aborted JVM are large, and a test has no use for them. */
    private static final List<String> SMALL_JVM = List.of("-Xmx32m", "-Xss512k", "-XX:TieredStopAtLevel=1",
        "-XX:-CreateCoredumpOnCrash");

    private static Path script;

    @TempDir
    Path directory;

    @BeforeAll
    static void findTheScript()
    {
        for (Path at = Path.of("").toAbsolutePath(); null != at; at = at.getParent())
        {
            final Path candidate = at.resolve(".ci").resolve("checked-run");
            if (Files.isExecutable(candidate))
            {
                script = candidate;
                return;
            }
        }
        throw new IllegalStateException(".ci/checked-run not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void shouldLetTheJavaOverflowRunCleanWithoutTheChecker() throws Exception
    {
        final ChildProcess.Result child = javaOverflow().output(directory.resolve("plain.log")).run();

        assertEquals(0, child.exitCode(), child::describe);
        assertTrue(child.output().contains(HeapOverflowMain.SURVIVED), child.output());
    }

    @Test
    void shouldAbortTheJavaOverflowUnderTheChecker() throws Exception
    {
        final ChildProcess.Result child = withoutCores(javaOverflow()).wrapper(script)
            .output(directory.resolve("checked.log")).run();

        assertEquals(ABORTED, child.exitCode(), child::describe);
        assertTrue(child.output().contains(GLIBC_MESSAGE), child.output());
        assertFalse(child.output().contains(HeapOverflowMain.SURVIVED), child.output());
        assertTrue(child.output().contains("[checked-run] core files: "), child.output());
        assertTrue(child.output().contains("MALLOC_CHECK_=3"), child.output());
        assertTrue(child.output().contains(" -Disochron.checked=true "), "the java command checked: " + child.output());
    }

    @Test
    void shouldAbortTheCOverflowUnderTheCheckerAndNotWithout() throws Exception
    {
        final Path program = compileOverflow();

        final ChildProcess.Result plain = ChildProcess.command(List.of(program.toString())).directory(directory)
            .limit(LIMIT).output(directory.resolve("c-plain.log")).run();
        final ChildProcess.Result checked = withoutCores(ChildProcess.command(List.of(program.toString())))
            .wrapper(script).directory(directory).limit(LIMIT).output(directory.resolve("c-checked.log")).run();

        assertEquals(0, plain.exitCode(), plain::describe);
        assertEquals("survived\n", plain.output());
        assertEquals(ABORTED, checked.exitCode(), checked::describe);
        assertTrue(checked.output().contains(GLIBC_MESSAGE), checked.output());
    }

    @Test
    void shouldRunACleanJvmUnderTheCheckerWithCheckingModeOn() throws Exception
    {
        final ChildProcess.Result child = ChildProcess.javaMain(CheckedModeMain.class).jvmFlags(SMALL_JVM)
            .wrapper(script).directory(directory).limit(LIMIT).output(directory.resolve("clean.log")).run();

        assertEquals(0, child.exitCode(), child::describe);
        assertTrue(child.output().contains("CheckedMode.ENABLED=true"), child.output());
        assertTrue(child.output().contains("LD_PRELOAD=") && child.output().contains("libc_malloc_debug.so"),
            child.output());
    }

    private ChildProcess javaOverflow()
    {
        return ChildProcess.javaMain(HeapOverflowMain.class).jvmFlags(SMALL_JVM).directory(directory).limit(LIMIT);
    }

    /** The script raises the core limit; a hard limit of 0 keeps this test's aborted children from writing cores. */
    private static ChildProcess withoutCores(final ChildProcess child)
    {
        return child.environment("CHECKED_RUN_CORE_LIMIT", "0");
    }

    private Path compileOverflow() throws IOException, InterruptedException
    {
        assumeTrue(null != ChildProcess.findOnPath("gcc"), "gcc is not installed (apt-get install gcc libc6-dev)");
        final Path source = directory.resolve("overflow.c");
        Files.writeString(source, "#include <stdio.h>\n#include <stdlib.h>\n" +
            "int main(void) { char *p = malloc(16); for (int i = 0; i <= 16; i++) p[i] = (char)i; free(p);\n" +
            "  puts(\"survived\"); return 0; }\n", StandardCharsets.US_ASCII);
        final Path program = directory.resolve("overflow");
        final Process gcc = new ProcessBuilder("gcc", "-O0", "-o", program.toString(), source.toString())
            .redirectErrorStream(true).redirectOutput(directory.resolve("gcc.log").toFile()).start();
        assertTrue(gcc.waitFor(60, TimeUnit.SECONDS), "gcc did not finish within 60 s");
        assertEquals(0, gcc.exitValue(), () -> "gcc failed: " + read(directory.resolve("gcc.log")));
        return program;
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            return ex.toString();
        }
    }
}
