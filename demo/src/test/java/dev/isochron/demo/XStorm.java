package dev.isochron.demo;

import dev.isochron.engine.testing.ChildProcess;

import dev.isochron.engine.testing.NativeTestTool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        return NativeTestTool.compilerAvailable() && Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libXtst.so.6"));
    }

    /**
     * Compiles the program into {@code directory}.
     *
     * @return the executable.
     * @throws IllegalStateException naming the compiler's output when it fails.
     */
    static Path build(final Path directory) throws IOException, InterruptedException
    {
        return NativeTestTool.build(XStorm.class, SOURCE, directory, "x-storm", List.of("-O2"),
            List.of("-l:libXtst.so.6", "-l:libX11.so.6", "-lm"));
    }

    /** @return {@link ChildProcess#findOnPath} of xvfb-run, for callers that check before building. */
    static boolean xvfbAvailable()
    {
        return null != ChildProcess.xvfbRun();
    }
}
