package dev.isochron.render.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code main} class of the test class path in a child JVM under {@code xvfb-run -a -s "-screen 0
 * 1280x720x24"}, so that a windowed test gets a real X display and its GLFW state never touches the test JVM (or
 * the headless tests in it). {@code -a} picks a free display number; {@code WAYLAND_DISPLAY} is removed and
 * {@code LP_NUM_THREADS=1} set in the child's environment. Test threads only; not for the frame path.
 */
public final class XvfbChildJvm
{
    /** The Xvfb screen every windowed test runs on. */
    public static final String SCREEN = "-screen 0 1280x720x24";

    /** What the child did: whether it finished in time, its exit code and its combined output. */
    public static final class Result
    {
        private final boolean finished;
        private final int exitCode;
        private final String output;

        Result(final boolean finished, final int exitCode, final String output)
        {
            this.finished = finished;
            this.exitCode = exitCode;
            this.output = output;
        }

        /** @return whether the child ended before the timeout (it is killed otherwise). */
        public boolean finished()
        {
            return finished;
        }

        /** @return the child's exit code, -1 when it was killed. */
        public int exitCode()
        {
            return exitCode;
        }

        /** @return standard output and error of the child, interleaved. */
        public String output()
        {
            return output;
        }
    }

    private XvfbChildJvm()
    {
    }

    /** @return {@code xvfb-run} on the {@code PATH}, or null when it is not installed. */
    public static Path xvfbRun()
    {
        return findOnPath("xvfb-run");
    }

    /**
     * Runs {@code mainClass} with {@code args} in a child JVM under xvfb-run and waits for it.
     *
     * @param directory      where the child's output log is written.
     * @param timeoutSeconds how long to wait before killing the child.
     * @param mainClass      a class with a {@code main} method on the test class path.
     * @param args           its arguments.
     * @return what the child did.
     * @throws IllegalStateException when xvfb-run is not installed (check {@link #xvfbRun()} first).
     */
    public static Result run(final Path directory, final long timeoutSeconds, final Class<?> mainClass,
        final List<String> args) throws IOException, InterruptedException
    {
        final Path xvfbRun = xvfbRun();
        if (null == xvfbRun)
        {
            throw new IllegalStateException("xvfb-run is not installed: apt-get install xvfb xauth");
        }
        final Path output = Files.createTempFile(directory, mainClass.getSimpleName(), ".log");
        final List<String> command = new ArrayList<>();
        command.add(xvfbRun.toString());
        command.add("-a");
        command.add("-s");
        command.add(SCREEN);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(testClassPath());
        command.add("--add-opens");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.addAll(java.util.Arrays.asList(dev.isochron.engine.jit.LiteralResolver.REQUIRED_FLAGS.split(" ")));
        command.add(mainClass.getName());
        command.addAll(args);

        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put("LP_NUM_THREADS", "1");
        final Process child = builder.start();
        final boolean finished = child.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished)
        {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        final String log = Files.readString(output, StandardCharsets.UTF_8);
        return new Result(finished, finished ? child.exitValue() : -1, log);
    }

    /** @return the test class path of this JVM (Surefire's when run by it). */
    public static String testClassPath()
    {
        final String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isEmpty() ? surefire : System.getProperty("java.class.path");
    }

    /**
     * @param program a file name.
     * @return the first executable of that name on the {@code PATH}, or null.
     */
    public static Path findOnPath(final String program)
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return null;
        }
        for (final String directory : path.split(File.pathSeparator))
        {
            final Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
