package dev.isochron.demo;

import dev.isochron.engine.testing.ChildProcess;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds {@code x-storm.c} (a test resource beside this class): a program that injects real pointer motion, drags,
 * clicks and wheel steps through the X server's XTest extension, so that the server delivers them to the GLFW window
 * as it would a user's. Needs gcc and the runtime libraries libX11.so.6 and libXtst.so.6 (no headers). Test code only.
 */
final class XStorm
{
    /** What to install where the program cannot be built. */
    static final String INSTALL_HINT = "apt-get install gcc libc6-dev libx11-6 libxtst6";
    private static final String SOURCE = "x-storm.c";
    private static final Pattern SENT = Pattern.compile(
        "x-storm: sent motions=(\\d+) presses=(\\d+) releases=(\\d+) wheels=(\\d+)");

    /** What one storm sent, as it printed it. */
    static final class Sent
    {
        final long motions;
        final long presses;
        final long releases;
        final long wheels;

        private Sent(final long motions, final long presses, final long releases, final long wheels)
        {
            this.motions = motions;
            this.presses = presses;
            this.releases = releases;
            this.wheels = wheels;
        }

        /** @return what x-storm printed in {@code output}, or null when it printed nothing (it did not run). */
        static Sent parse(final String output)
        {
            final Matcher sent = SENT.matcher(output);
            return sent.find() ? new Sent(Long.parseLong(sent.group(1)), Long.parseLong(sent.group(2)),
                Long.parseLong(sent.group(3)), Long.parseLong(sent.group(4))) : null;
        }
    }

    private XStorm()
    {
    }

    /** @return whether it can be built here: gcc on the PATH and libXtst installed. */
    static boolean buildable()
    {
        return LoaderWatchAccess.compilerAvailable() && Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libXtst.so.6"));
    }

    /**
     * Compiles the program into {@code directory}.
     *
     * @return the executable.
     * @throws IllegalStateException naming the compiler's output when it fails.
     */
    static Path build(final Path directory) throws IOException, InterruptedException
    {
        final Path source = directory.resolve(SOURCE);
        try (InputStream in = XStorm.class.getResourceAsStream(SOURCE))
        {
            if (null == in)
            {
                throw new IllegalStateException(SOURCE + " is not on the test class path beside " + XStorm.class.getName());
            }
            Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
        }
        final Path program = directory.resolve("x-storm");
        final Path log = directory.resolve("x-storm-gcc.log");
        final Process gcc = new ProcessBuilder("gcc", "-O2", "-o", program.toString(), source.toString(),
            "-l:libXtst.so.6", "-l:libX11.so.6", "-lm").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!gcc.waitFor(60, TimeUnit.SECONDS))
        {
            gcc.destroyForcibly();
            throw new IllegalStateException("gcc did not compile " + source + " within 60 s");
        }
        if (0 != gcc.exitValue())
        {
            throw new IllegalStateException("gcc failed to compile " + source + ": " +
                Files.readString(log, StandardCharsets.UTF_8) + "; " + INSTALL_HINT);
        }
        return program;
    }

    /** Reaches {@code LoaderWatch.compilerAvailable} (render-gl's test-jar) under a name of this package. */
    private static final class LoaderWatchAccess
    {
        static boolean compilerAvailable()
        {
            return dev.isochron.render.natives.LoaderWatch.compilerAvailable();
        }
    }

    /** @return {@link ChildProcess#findOnPath} of xvfb-run, for callers that check before building. */
    static boolean xvfbAvailable()
    {
        return null != ChildProcess.xvfbRun();
    }
}
