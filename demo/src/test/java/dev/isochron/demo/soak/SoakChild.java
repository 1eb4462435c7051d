package dev.isochron.demo.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.isochron.engine.testing.ChildProcess;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs {@link SoakMain} for one scene in a child JVM: headless EGL on llvmpipe with {@code LP_NUM_THREADS=1}, no
 * display, the JVM flags every engine JVM takes plus the caller's, its output (stdout and stderr) in
 * {@code <dir>/child-output.txt} and its GC log in {@code <dir>/gc.log}.
 */
final class SoakChild
{
    private SoakChild()
    {
    }

    /** What the child left: its exit status and its output. */
    static final class Result
    {
        final int exitCode;
        final String output;

        Result(final int exitCode, final String output)
        {
            this.exitCode = exitCode;
            this.output = output;
        }
    }

    /**
     * Runs the child to its end; fails the test when it runs past twice its seconds, the warm-up's grace and 90 s,
     * naming the stage the child was stuck in (its thread dump beside the output, in
     * {@code child-output.txt.timeout.txt}).
     *
     * @param jvmFlags the caller's flags (JIT choice, diagnostics), after the common ones.
     */
    static Result run(
        final SoakScene scene,
        final double seconds,
        final int windows,
        final double tickRateHz,
        final Path dir,
        final List<String> jvmFlags) throws InterruptedException
    {
        final Duration limit = Duration.ofSeconds((long)(2 * seconds + SoakMain.WARMUP_GRACE_SECONDS) + 90);
        final ChildProcess.Result child = ChildProcess.javaMain(SoakMain.class)
            .jvmFlags("-Xmx512m").jvmFlags(ChildProcess.ENGINE_JVM_FLAGS)
            .jvmFlags("-Djava.awt.headless=true", "-Xlog:gc:file=" + dir.resolve("gc.log")).jvmFlags(jvmFlags)
            .args(scene.cliName(), Double.toString(seconds), Integer.toString(windows), Double.toString(tickRateHz), "0",
                dir.toString())
            .directory(dir).llvmpipeThreads(1).removeEnvironment("DISPLAY").removeEnvironment("WAYLAND_DISPLAY")
            .limit(limit).output(dir.resolve("child-output.txt")).run();
        if (child.timedOut())
        {
            fail("soak of " + scene.cliName() + " did not end within its limit: " + child.describe());
        }
        return new Result(child.exitCode(), child.output());
    }
}
