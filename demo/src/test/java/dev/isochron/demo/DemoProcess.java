package dev.isochron.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the packaged demo jar ({@code isochron.demo.jar}, set by Failsafe) in a child JVM, as a user
 * would, with {@code LP_NUM_THREADS=1} so llvmpipe stays on one core; and reads its outputs.
 */
final class DemoProcess
{
    static final long TIMEOUT_SECONDS = 120;

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
        final String path = System.getenv("PATH");
        if (null == path)
        {
            return false;
        }
        for (final String dir : path.split(java.io.File.pathSeparator))
        {
            if (Files.isExecutable(Path.of(dir, "xvfb-run")))
            {
                return true;
            }
        }
        return false;
    }

    /** Runs the jar under {@code xvfb-run} (a virtual X display) when {@code underXvfb}. */
    static DemoProcess run(final Path workDir, final boolean underXvfb, final String... args)
        throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        if (underXvfb)
        {
            command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x720x24"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        for (final String arg : args)
        {
            command.add(arg);
        }
        final Path out = Files.createTempFile(workDir, "stdout", ".txt");
        final Path err = Files.createTempFile(workDir, "stderr", ".txt");
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
        builder.environment().put("LP_NUM_THREADS", "1");
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        final Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
        {
            process.destroyForcibly().waitFor();
            throw new AssertionError("demo did not end within " + TIMEOUT_SECONDS + " s: " + command + "\nstdout:\n" +
                Files.readString(out) + "\nstderr:\n" + Files.readString(err));
        }
        return new DemoProcess(process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
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
