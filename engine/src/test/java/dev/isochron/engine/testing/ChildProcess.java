package dev.isochron.engine.testing;

import dev.isochron.engine.jit.LiteralResolver;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one way Isochron's tests and harness start a child process (a JVM on a class path, a jar, or any program),
 * optionally under {@code xvfb-run}, with a time limit it cannot outlive.
 * <p>
 * Guarantees: the child's standard output and error go to a file (merged unless {@link #errorOutput} separates
 * them) and its standard input is empty; {@link #run()} returns when the child has ended, or at the
 * {@link #limit}. At the limit, before anything is killed, a diagnosis is taken while the JVM may still answer (a
 * Java thread dump of every JVM in the tree by {@code SIGQUIT}, native stacks by {@code gdb} where it is installed)
 * and the stage the child was stuck in is named; then the whole process tree, snapshotted first, is killed with
 * {@code SIGKILL} and waited for, so that neither {@code xvfb-run}'s JVM nor its Xvfb nor a harness's grandchild is
 * left behind. A shutdown hook kills the trees of children still running when this JVM exits.
 * <p>
 * A fluent, single-use description: configure it, call {@link #run()} once, on one thread. Test and harness threads
 * only, never the frame path (it allocates freely).
 * <pre>{@code
 * ChildProcess.Result child = ChildProcess.javaMain(WindowSmokeMain.class)
 *     .jvmFlags(ChildProcess.ENGINE_JVM_FLAGS).llvmpipeThreads(1).underXvfb()
 *     .limit(Duration.ofSeconds(60)).output(directory.resolve("child.log"))
 *     .run().requireFinished();
 * }</pre>
 */
public final class ChildProcess
{
    /** Agrona 2.x reads {@code jdk.internal.misc}: every JVM that runs engine code needs this. */
    public static final List<String> AGRONA_JVM_FLAGS = List.of("--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED");
    /**
     * The flags every Isochron child JVM takes, as the build gives every test JVM: {@link #AGRONA_JVM_FLAGS} and
     * {@link LiteralResolver#REQUIRED_FLAGS}, so frame-path literals are resolved before the first frame.
     */
    public static final List<String> ENGINE_JVM_FLAGS = engineJvmFlags();
    /** The Xvfb screen every windowed child runs on. */
    public static final String XVFB_SCREEN = "-screen 0 1280x720x24";
    /** What to install where {@code xvfb-run} is missing. */
    public static final String XVFB_INSTALL_HINT = "apt-get install xvfb xauth";
    /** How long the killed tree gets to be gone after {@code SIGKILL}. */
    public static final long KILL_WAIT_MS = 10_000;
    /** Lines of output a timeout message ends with. */
    public static final int TAIL_LINES = 60;
    /** Words of a command longer than this are shortened in {@link Result#describe()}. */
    static final int MAX_WORD_CHARS = 240;
    static final int SHORT_WORD_CHARS = 120;

    private final List<String> program;
    private final String mainClass;
    private final String classPath;
    private final Path jar;
    private final List<String> jvmFlags = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>(System.getenv());
    private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private Path directory;
    private Path xvfbRun;
    private Path wrapper;
    private Duration limit;
    private Path output;
    private Path errorOutput;

    private ChildProcess(final List<String> program, final String mainClass, final String classPath, final Path jar)
    {
        this.program = program;
        this.mainClass = mainClass;
        this.classPath = classPath;
        this.jar = jar;
    }

    /** @return a child JVM running {@code mainClass} on {@code classPath}: {@code java <flags> -cp classPath mainClass <args>}. */
    public static ChildProcess javaMain(final String mainClass, final String classPath)
    {
        return new ChildProcess(null, requireText("mainClass", mainClass), requireText("classPath", classPath), null);
    }

    /** @return a child JVM running {@code mainClass} on this JVM's {@link #testClassPath() test class path}. */
    public static ChildProcess javaMain(final Class<?> mainClass)
    {
        return javaMain(mainClass.getName(), testClassPath());
    }

    /** @return a child JVM running a jar: {@code java <flags> -jar jar <args>}. */
    public static ChildProcess javaJar(final Path jar)
    {
        if (null == jar)
        {
            throw new IllegalArgumentException("jar must be a path to a jar file, was null");
        }
        return new ChildProcess(null, null, null, jar);
    }

    /** @return a child running {@code command} (a program and its arguments, a JVM or not) as given. */
    public static ChildProcess command(final List<String> command)
    {
        if (null == command || command.isEmpty())
        {
            throw new IllegalArgumentException("command must name a program, was " + command);
        }
        return new ChildProcess(List.copyOf(command), null, null, null);
    }

    /** @return this; the java launcher of a JVM child (default: this JVM's {@code java.home/bin/java}). */
    public ChildProcess java(final Path javaBinary)
    {
        requireJvm("java");
        this.java = javaBinary;
        return this;
    }

    /** @return this, with {@code flags} added to the JVM's flags (before {@code -cp} or {@code -jar}). */
    public ChildProcess jvmFlags(final List<String> flags)
    {
        requireJvm("jvmFlags");
        jvmFlags.addAll(flags);
        return this;
    }

    /** @return this, with {@code flags} added to the JVM's flags (before {@code -cp} or {@code -jar}). */
    public ChildProcess jvmFlags(final String... flags)
    {
        return jvmFlags(Arrays.asList(flags));
    }

    /** @return this, with {@code arguments} added after the main class, the jar or the command. */
    public ChildProcess args(final List<String> arguments)
    {
        args.addAll(arguments);
        return this;
    }

    /** @return this, with {@code arguments} added after the main class, the jar or the command. */
    public ChildProcess args(final String... arguments)
    {
        return args(Arrays.asList(arguments));
    }

    /** @return this; the child's working directory (default: this JVM's). */
    public ChildProcess directory(final Path workingDirectory)
    {
        this.directory = workingDirectory;
        return this;
    }

    /** @return this, with {@code name=value} in the child's environment (which starts as a copy of this JVM's). */
    public ChildProcess environment(final String name, final String value)
    {
        environment.put(requireText("environment variable name", name), value);
        return this;
    }

    /** @return this, without {@code name} in the child's environment ({@code DISPLAY} for a headless child). */
    public ChildProcess removeEnvironment(final String name)
    {
        environment.remove(name);
        return this;
    }

    /**
     * @param threads Mesa llvmpipe's render threads ({@code LP_NUM_THREADS}), at least 0 (0: it renders on the
     *                calling thread; 1 keeps a GL test on one core).
     * @return this.
     */
    public ChildProcess llvmpipeThreads(final int threads)
    {
        if (threads < 0)
        {
            throw new IllegalArgumentException("llvmpipeThreads must be >= 0, was " + threads);
        }
        return environment("LP_NUM_THREADS", Integer.toString(threads));
    }

    /**
     * Runs the child under {@code xvfb-run -a -s "-screen 0 1280x720x24"} (a virtual X display on a free display
     * number) without {@code WAYLAND_DISPLAY}, so a windowed child gets an X display of its own.
     *
     * @return this.
     * @throws IllegalStateException when {@code xvfb-run} is not on the {@code PATH}, naming what to install (check
     *                               {@link #xvfbRun()} first to skip a test instead).
     */
    public ChildProcess underXvfb()
    {
        final Path found = xvfbRun();
        if (null == found)
        {
            throw new IllegalStateException("xvfb-run is not on the PATH, so the child cannot get an X display: " +
                XVFB_INSTALL_HINT + " (or skip the windowed test where ChildProcess.xvfbRun() is null)");
        }
        this.xvfbRun = found;
        environment.remove("WAYLAND_DISPLAY");
        return this;
    }

    /**
     * Runs the child through {@code program}: a wrapper that sets up the environment and then {@code exec}s the rest of
     * its command line (the java launcher and its flags, or the command), such as {@code .ci/checked-run}, which puts
     * the child under glibc's checking allocator. It comes after {@code xvfb-run} where both are asked for. A wrapper
     * that execs keeps the child's pid, so the diagnosis at the limit still finds the JVM.
     *
     * @return this.
     * @throws IllegalArgumentException when {@code program} is not an executable file.
     */
    public ChildProcess wrapper(final Path program)
    {
        if (null == program || !Files.isRegularFile(program) || !Files.isExecutable(program))
        {
            throw new IllegalArgumentException("wrapper must be an executable file, was " + program);
        }
        this.wrapper = program;
        return this;
    }

    /** @return this; how long the child may run before it is diagnosed and killed with its whole tree. Required. */
    public ChildProcess limit(final Duration timeLimit)
    {
        if (null == timeLimit || timeLimit.isNegative() || timeLimit.isZero())
        {
            throw new IllegalArgumentException("limit must be a positive duration, was " + timeLimit);
        }
        this.limit = timeLimit;
        return this;
    }

    /**
     * @param log where the child's standard output and error go (standard output alone once {@link #errorOutput}
     *            is set); replaced if it exists. Default: a temporary file, deleted after a run that finished.
     * @return this.
     */
    public ChildProcess output(final Path log)
    {
        this.output = log;
        return this;
    }

    /** @return this, with the child's standard error in {@code log} instead of with its standard output. */
    public ChildProcess errorOutput(final Path log)
    {
        this.errorOutput = log;
        return this;
    }

    /**
     * @return the command line {@link #run()} starts: {@code xvfb-run} and its options first where asked for, then the
     *         {@link #wrapper}, then the child's own command.
     */
    public List<String> commandLine()
    {
        final List<String> command = new ArrayList<>();
        if (null != xvfbRun)
        {
            command.add(xvfbRun.toString());
            command.add("-a");
            command.add("-s");
            command.add(XVFB_SCREEN);
        }
        if (null != wrapper)
        {
            command.add(wrapper.toString());
        }
        if (null != program)
        {
            command.addAll(program);
        }
        else
        {
            command.add(java.toString());
            command.addAll(jvmFlags);
            if (null != jar)
            {
                command.add("-jar");
                command.add(jar.toString());
            }
            else
            {
                command.add("-cp");
                command.add(classPath);
                command.add(mainClass);
            }
        }
        command.addAll(args);
        return command;
    }

    /**
     * Starts the child and waits for it to end or for the limit; at the limit diagnoses it, then kills its tree.
     *
     * @return what the child did.
     * @throws IllegalStateException when no {@link #limit} was set.
     * @throws UncheckedIOException  naming the command when the child cannot be started or its output not read.
     * @throws InterruptedException  when this thread is interrupted while waiting; the child's tree is killed first.
     */
    public Result run() throws InterruptedException
    {
        final List<String> command = commandLine();
        if (null == limit)
        {
            throw new IllegalStateException("no limit set for " + shellWords(command) + ": call " +
                "limit(Duration) so the child cannot outlive its test");
        }
        final Path log = null != output ? output : temporaryLog();
        final ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (null == errorOutput)
        {
            builder.redirectErrorStream(true);
        }
        else
        {
            builder.redirectError(errorOutput.toFile());
        }
        if (null != directory)
        {
            builder.directory(directory.toFile());
        }
        builder.environment().clear();
        builder.environment().putAll(environment);

        final Process process;
        try
        {
            process = builder.start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot start " + shellWords(command) +
                (null == directory ? "" : " in " + directory) + ": " + ex.getMessage(), ex);
        }
        ChildReaper.track(process);
        final long startNs = System.nanoTime();
        try
        {
            if (process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS))
            {
                final Duration elapsed = Duration.ofNanos(System.nanoTime() - startNs);
                final Result result = new Result(command, process.pid(), true, process.exitValue(), elapsed, limit, log,
                    read(log), errorOutput, null == errorOutput ? "" : read(errorOutput), null, null, List.of(), List.of());
                if (null == output)
                {
                    Files.deleteIfExists(log);
                }
                return result;
            }
            final List<ProcessHandle> tree = ProcessTree.snapshot(process.toHandle());
            HangDiagnosis diagnosis = null;
            final ProcessTree.Killed killed;
            try
            {
                diagnosis = HangDiagnosis.take(tree, log, log.resolveSibling(log.getFileName() + ".timeout.txt"));
            }
            finally
            {
                killed = ProcessTree.kill(process.toHandle(), tree, KILL_WAIT_MS);
            }
            final Duration elapsed = Duration.ofNanos(System.nanoTime() - startNs);
            return new Result(command, process.pid(), false, -1, elapsed, limit, log, read(log), errorOutput,
                null == errorOutput ? "" : read(errorOutput), diagnosis.stage, diagnosis.file, killed.pids,
                killed.survivors);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete the temporary output " + log + " of " +
                shellWords(command) + ": " + ex.getMessage(), ex);
        }
        finally
        {
            if (process.isAlive())
            {
                // interrupted, or the diagnosis failed: the tree still goes
                ProcessTree.kill(process.toHandle(), List.of(), KILL_WAIT_MS);
            }
            ChildReaper.untrack(process);
        }
    }

    /** @return the test class path of this JVM (Surefire's {@code surefire.test.class.path} when run by it). */
    public static String testClassPath()
    {
        final String surefire = System.getProperty("surefire.test.class.path");
        return null != surefire && !surefire.isEmpty() ? surefire : System.getProperty("java.class.path");
    }

    /** @return {@code xvfb-run} on the {@code PATH}, or null when it is not installed. */
    public static Path xvfbRun()
    {
        return findOnPath("xvfb-run");
    }

    /**
     * @param program a file name.
     * @return the first executable of that name on the {@code PATH}, or null.
     */
    public static Path findOnPath(final String program)
    {
        final String path = System.getenv("PATH");
        if (null == path)
        {
            return null;
        }
        for (final String entry : path.split(File.pathSeparator))
        {
            if (entry.isEmpty())
            {
                continue;
            }
            final Path candidate = Path.of(entry, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /**
     * What a child did. Immutable; its outputs are read once, when the child has ended or been killed.
     */
    public static final class Result
    {
        private final List<String> command;
        private final long pid;
        private final boolean finished;
        private final int exitCode;
        private final Duration elapsed;
        private final Duration limit;
        private final Path log;
        private final String output;
        private final Path errorLog;
        private final String errorOutput;
        private final String stage;
        private final Path diagnosis;
        private final List<Long> killedPids;
        private final List<Long> survivors;

        Result(
            final List<String> command,
            final long pid,
            final boolean finished,
            final int exitCode,
            final Duration elapsed,
            final Duration limit,
            final Path log,
            final String output,
            final Path errorLog,
            final String errorOutput,
            final String stage,
            final Path diagnosis,
            final List<Long> killedPids,
            final List<Long> survivors)
        {
            this.command = List.copyOf(command);
            this.pid = pid;
            this.finished = finished;
            this.exitCode = exitCode;
            this.elapsed = elapsed;
            this.limit = limit;
            this.log = log;
            this.output = output;
            this.errorLog = errorLog;
            this.errorOutput = errorOutput;
            this.stage = stage;
            this.diagnosis = diagnosis;
            this.killedPids = List.copyOf(killedPids);
            this.survivors = List.copyOf(survivors);
        }

        /** @return the command line that was started. */
        public List<String> command()
        {
            return command;
        }

        /** @return the pid of the child ({@code xvfb-run}'s where it ran under Xvfb). */
        public long pid()
        {
            return pid;
        }

        /** @return whether the child ended by itself within its limit. */
        public boolean finished()
        {
            return finished;
        }

        /** @return whether the child ran past its limit and was killed with its tree. */
        public boolean timedOut()
        {
            return !finished;
        }

        /** @return the child's exit code, -1 when it ran past its limit. */
        public int exitCode()
        {
            return exitCode;
        }

        /** @return how long the child ran, with the diagnosis and kill when it timed out. */
        public Duration elapsed()
        {
            return elapsed;
        }

        /** @return the file the child's output went to. */
        public Path log()
        {
            return log;
        }

        /** @return the child's standard output and error, interleaved (standard output alone when separated). */
        public String output()
        {
            return output;
        }

        /** @return the child's standard error when it was separated ({@code errorOutput}), else empty. */
        public String errorOutput()
        {
            return errorOutput;
        }

        /**
         * @return where the child was stuck when its limit came, e.g. {@code "main: org.lwjgl.glfw.GLFW.glfwInit via
         * dev.isochron.render.context.GlfwWindowContext.initialiseGlfw"}; null when it finished.
         */
        public String stage()
        {
            return stage;
        }

        /** @return the file holding the process tree, thread dumps and native stacks at the limit; null when it finished. */
        public Path diagnosis()
        {
            return diagnosis;
        }

        /** @return the pids of the tree killed at the limit, the child's first; empty when it finished. */
        public List<Long> killedPids()
        {
            return killedPids;
        }

        /** @return pids of the killed tree still alive {@value ChildProcess#KILL_WAIT_MS} ms after the kill. */
        public List<Long> survivors()
        {
            return survivors;
        }

        /** @return the last {@code lines} lines of the output (and of the separate error output, if any). */
        public String tail(final int lines)
        {
            if (null == errorLog)
            {
                return lastLines(output, lines);
            }
            return "stdout:\n" + lastLines(output, lines) + "\nstderr (" + errorLog + "):\n" + lastLines(errorOutput, lines);
        }

        /**
         * @return for a child that ran past its limit: the command, the stage it was stuck in, where the thread dumps
         * are and the tail of its output; for one that finished, its exit code and command. Words of the command
         * longer than {@value ChildProcess#MAX_WORD_CHARS} characters (class paths) are shortened; {@link #command()}
         * and the diagnosis file have them whole.
         */
        public String describe()
        {
            if (finished)
            {
                return "child exited " + exitCode + " after " + seconds(elapsed) + ": " +
                    shellWords(command, MAX_WORD_CHARS);
            }
            final StringBuilder text = new StringBuilder()
                .append("child ran past its limit of ").append(seconds(limit)).append(" and was killed with its ")
                .append(killedPids.size()).append(" process(es) ").append(killedPids).append(": ")
                .append(shellWords(command, MAX_WORD_CHARS))
                .append("\nstuck in: ").append(stage)
                .append("\nthread dumps and native stacks: ").append(diagnosis);
            if (!survivors.isEmpty())
            {
                text.append("\nSTILL ALIVE ").append(KILL_WAIT_MS).append(" ms after SIGKILL: ").append(survivors);
            }
            return text.append("\nlast ").append(TAIL_LINES).append(" lines of ").append(log).append(":\n")
                .append(tail(TAIL_LINES)).toString();
        }

        /**
         * @return this, when the child finished (whatever its exit code).
         * @throws AssertionError with {@link #describe()} when it ran past its limit.
         */
        public Result requireFinished()
        {
            if (!finished)
            {
                throw new AssertionError(describe());
            }
            return this;
        }

        @Override
        public String toString()
        {
            return finished ? describe() : "child killed at its limit of " + seconds(limit) + " (stuck in: " + stage +
                "): " + shellWords(command, MAX_WORD_CHARS);
        }
    }

    private void requireJvm(final String method)
    {
        if (null != program)
        {
            throw new IllegalStateException(method + " applies to a JVM child (javaMain or javaJar); put it in the " +
                "command of " + program);
        }
    }

    /** @return {@code command} as a shell would take it, for messages: words with spaces or quotes single-quoted. */
    static String shellWords(final List<String> command)
    {
        return shellWords(command, Integer.MAX_VALUE);
    }

    /**
     * @param maxWordChars words longer than this (a test class path) are cut to their first {@value #SHORT_WORD_CHARS}
     *                     characters and their length, so that a failure message stays readable.
     * @return {@code command} as a shell would take it, for messages: words with spaces or quotes single-quoted.
     */
    static String shellWords(final List<String> command, final int maxWordChars)
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < command.size(); i++)
        {
            final String whole = command.get(i);
            final boolean cut = whole.length() > maxWordChars;
            final String word = cut ? whole.substring(0, SHORT_WORD_CHARS) : whole;
            if (i > 0)
            {
                text.append(' ');
            }
            if (word.isEmpty() || word.matches(".*[\\s'\"$`\\\\].*"))
            {
                text.append('\'').append(word.replace("'", "'\\''")).append('\'');
            }
            else
            {
                text.append(word);
            }
            if (cut)
            {
                text.append("...(").append(whole.length()).append(" chars)");
            }
        }
        return text.toString();
    }

    private static String requireText(final String what, final String value)
    {
        if (null == value || value.isEmpty())
        {
            throw new IllegalArgumentException(what + " must not be empty, was " + (null == value ? "null" : "''"));
        }
        return value;
    }

    private static List<String> engineJvmFlags()
    {
        final List<String> flags = new ArrayList<>(AGRONA_JVM_FLAGS);
        flags.addAll(Arrays.asList(LiteralResolver.REQUIRED_FLAGS.split(" ")));
        return List.copyOf(flags);
    }

    private static Path temporaryLog()
    {
        try
        {
            return Files.createTempFile("isochron-child-", ".log");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a temporary file for a child's output in " +
                System.getProperty("java.io.tmpdir") + ": " + ex.getMessage(), ex);
        }
    }

    /** Reads a log leniently: a child killed mid-character leaves no valid UTF-8 at the end. */
    private static String read(final Path file)
    {
        try
        {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the child's output " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static String lastLines(final String text, final int lines)
    {
        if (text.isEmpty())
        {
            return "";
        }
        int start = text.length();
        if (start > 0 && text.charAt(start - 1) == '\n')
        {
            start--;
        }
        for (int found = 0; found < lines && start > 0; )
        {
            start--;
            if (text.charAt(start) == '\n')
            {
                found++;
            }
        }
        return text.charAt(start) == '\n' ? text.substring(start + 1) : text.substring(start);
    }

    private static String seconds(final Duration duration)
    {
        final long ms = duration.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
