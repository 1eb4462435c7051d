package dev.isochron.demo.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.isochron.engine.jit.LiteralResolver;
import dev.isochron.render.testing.XvfbChildJvm;

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
     * Runs the child to its end; fails the test when it runs past twice its seconds, the warm-up's grace and 90 s.
     *
     * @param jvmFlags the caller's flags (JIT choice, diagnostics), after the common ones.
     */
    static Result run(
        final SoakScene scene,
        final double seconds,
        final int windows,
        final double tickRateHz,
        final Path dir,
        final List<String> jvmFlags) throws IOException, InterruptedException
    {
        final Path log = dir.resolve("child-output.txt");
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("--add-opens");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.addAll(Arrays.asList(LiteralResolver.REQUIRED_FLAGS.split(" ")));
        command.add("-Djava.awt.headless=true");
        command.add("-Xlog:gc:file=" + dir.resolve("gc.log"));
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(XvfbChildJvm.testClassPath());
        command.add(SoakMain.class.getName());
        command.add(scene.cliName());
        command.add(Double.toString(seconds));
        command.add(Integer.toString(windows));
        command.add(Double.toString(tickRateHz));
        command.add("0");
        command.add(dir.toString());
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().put("LP_NUM_THREADS", "1");
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        final Process child = builder.start();
        final long timeoutSeconds = (long)(2 * seconds + SoakMain.WARMUP_GRACE_SECONDS) + 90;
        if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS))
        {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("soak of " + scene.cliName() + " did not end within " + timeoutSeconds + " s: " + command + "\n" +
                Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(child.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
