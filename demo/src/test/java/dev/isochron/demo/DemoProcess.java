package dev.isochron.demo;

import dev.isochron.engine.testing.ChildProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the packaged demo jar ({@code isochron.demo.jar}, set by Failsafe) in a child JVM, as a user
 * would, with {@code LP_NUM_THREADS=1} so llvmpipe stays on one core and no display; and reads its outputs.
 */
final class DemoProcess
{
    static final Duration LIMIT = Duration.ofSeconds(120);

    final int exitCode;
    final String stdout;
    final String stderr;

    private DemoProcess(final int exitCode, final String stdout, final String stderr)
    {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static Path jar()
    {
        final String jar = System.getProperty("isochron.demo.jar");
        if (null == jar || !Files.isRegularFile(Path.of(jar)))
        {
            throw new IllegalStateException("system property isochron.demo.jar must name the packaged demo jar, was " +
                jar + " (run with mvn verify)");
        }
        return Path.of(jar);
    }

    static DemoProcess run(final Path workDir, final String... args) throws IOException, InterruptedException
    {
        return run(workDir, false, args);
    }

    /** @return whether {@code xvfb-run} is on the PATH, for windowed runs on a machine without a display. */
    static boolean xvfbAvailable()
    {
        return null != ChildProcess.xvfbRun();
    }

    /**
     * Runs the jar under {@code xvfb-run} (a virtual X display) when {@code underXvfb}.
     *
     * @throws AssertionError naming the stage the demo was stuck in when it runs past {@link #LIMIT}.
     */
    static DemoProcess run(final Path workDir, final boolean underXvfb, final String... args)
        throws IOException, InterruptedException
    {
        final ChildProcess demo = ChildProcess.javaJar(jar().toAbsolutePath()).jvmFlags("-Xmx512m").args(args)
            .directory(workDir).llvmpipeThreads(1).removeEnvironment("DISPLAY").removeEnvironment("WAYLAND_DISPLAY")
            .limit(LIMIT)
            .output(Files.createTempFile(workDir, "stdout", ".txt"))
            .errorOutput(Files.createTempFile(workDir, "stderr", ".txt"));
        if (underXvfb)
        {
            demo.underXvfb();
        }
        final ChildProcess.Result result = demo.run();
        if (result.timedOut())
        {
            throw new AssertionError("demo did not end within its limit: " + result.describe());
        }
        return new DemoProcess(result.exitCode(), result.output(), result.errorOutput());
    }

    /** @return the lines of stderr that are not blank. */
    List<String> stderrLines()
    {
        final List<String> lines = new ArrayList<>();
        for (final String line : stderr.split("\\R"))
        {
            if (!line.isBlank())
            {
                lines.add(line);
            }
        }
        return lines;
    }

    public String toString()
    {
        return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }

    /**
     * @return the number under {@code key} inside the JSON object member {@code object} of a run report (the
     * report's objects are flat: one level of nesting).
     */
    static double number(final String json, final String object, final String key)
    {
        final Matcher objectMatch = Pattern.compile("\"" + Pattern.quote(object) + "\"\\s*:\\s*\\{([^}]*)}").matcher(json);
        if (!objectMatch.find())
        {
            throw new AssertionError("report has no object '" + object + "': " + json);
        }
        final Matcher value = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(-?[0-9.eE+-]+)")
            .matcher(objectMatch.group(1));
        if (!value.find())
        {
            throw new AssertionError("report object '" + object + "' has no number '" + key + "': " + json);
        }
        return Double.parseDouble(value.group(1));
    }

    /** @return the top-level number under {@code key}. */
    static double number(final String json, final String key)
    {
        final Matcher value = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(-?[0-9.eE+-]+)").matcher(json);
        if (!value.find())
        {
            throw new AssertionError("report has no number '" + key + "': " + json);
        }
        return Double.parseDouble(value.group(1));
    }
}
