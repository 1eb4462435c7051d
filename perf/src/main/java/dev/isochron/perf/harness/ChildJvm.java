package dev.isochron.perf.harness;

import dev.isochron.engine.testing.ChildProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts child JVMs the same way every time: the harness's own java binary, the same heap and module flags,
 * the collector's flags and the user's extra flags, {@code LP_NUM_THREADS} set for Mesa llvmpipe, and stdout
 * and stderr into a log file. Engine and naive runs differ only in the demo's arguments. Starting, waiting and
 * killing are {@link ChildProcess}'s: a run past its limit is diagnosed (thread dumps, the stage it was stuck in)
 * and killed with its whole process tree, and no child outlives the harness.
 */
public final class ChildJvm
{
    private final Path javaBinary;
    private final int javaFeatureVersion;
    private final List<String> baseFlags;
    private final int llvmpipeThreads;

    /**
     * @param javaBinary         the java launcher to run.
     * @param javaFeatureVersion its feature version (17, 21 ...).
     * @param heap               -Xms and -Xmx value, e.g. {@code 1g}.
     * @param extraFlags         the user's {@code --jvm-arg}s, appended after the harness's own.
     * @param llvmpipeThreads    {@code LP_NUM_THREADS} for the child, at least 0 (0: llvmpipe renders on the
     *                           calling thread).
     */
    public ChildJvm(
        final Path javaBinary,
        final int javaFeatureVersion,
        final String heap,
        final List<String> extraFlags,
        final int llvmpipeThreads)
    {
        if (llvmpipeThreads < 0)
        {
            throw new IllegalArgumentException("--lp-threads must be >= 0, was " + llvmpipeThreads);
        }
        this.javaBinary = javaBinary;
        this.javaFeatureVersion = javaFeatureVersion;
        this.llvmpipeThreads = llvmpipeThreads;
        final List<String> flags = new ArrayList<>();
        flags.add("-Xms" + heap);
        flags.add("-Xmx" + heap);
        flags.addAll(ChildProcess.AGRONA_JVM_FLAGS);
        flags.add("-Djava.awt.headless=true");
        flags.addAll(extraFlags);
        this.baseFlags = List.copyOf(flags);
    }

    /** @return the java launcher of this process. */
    public static Path currentJava()
    {
        return ProcessHandle.current().info().command().map(Path::of)
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /**
     * @return the class path this harness runs from (its jar, or its classes directory in a build), for starting
     * the minimal first-frame program in a child; {@code java.class.path} when the code source is unknown.
     */
    public static String ownClassPath()
    {
        try
        {
            final java.security.CodeSource source = ChildJvm.class.getProtectionDomain().getCodeSource();
            if (null != source && null != source.getLocation())
            {
                return Path.of(source.getLocation().toURI()).toString();
            }
        }
        catch (final java.net.URISyntaxException | SecurityException | IllegalArgumentException ex)
        {
            // fall through to the class path property, which names the same entries in a plain java -cp run
        }
        return System.getProperty("java.class.path");
    }

    /** @return the java launcher children run. */
    public Path javaBinary()
    {
        return javaBinary;
    }

    /** @return the child JVM's feature version. */
    public int javaFeatureVersion()
    {
        return javaFeatureVersion;
    }

    /** @return {@code LP_NUM_THREADS} for children. */
    public int llvmpipeThreads()
    {
        return llvmpipeThreads;
    }

    /**
     * @return the full command line: java, the shared flags, the collector's flags, then {@code -jar jar} and
     * {@code args}.
     */
    public List<String> command(final GcChoice gc, final Path jar, final List<String> args)
    {
        final List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(gc.jvmFlags(javaFeatureVersion));
        command.addAll(baseFlags);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    /**
     * @return the full command line for a main class: java, the shared flags, the collector's flags, then
     * {@code -cp classPath mainClass} and {@code args}. The flags are those of {@link #command}, so a program
     * started this way runs under the same JVM settings as the demo.
     */
    public List<String> classCommand(final GcChoice gc, final String classPath, final String mainClass, final List<String> args)
    {
        final List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(gc.jvmFlags(javaFeatureVersion));
        command.addAll(baseFlags);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * Runs {@code command} with stdout and stderr going to {@code log}; after {@code timeoutSeconds} takes its thread
     * dumps and kills it with every process below it ({@link ChildProcess}).
     *
     * @return the exit status, or -1 when it was killed for taking too long.
     * @throws UncheckedIOException naming the command when it cannot be started.
     */
    public int run(final List<String> command, final Path log, final long timeoutSeconds)
    {
        return runChild(command, log, timeoutSeconds).exitCode();
    }

    /**
     * Runs {@code command} as {@link #run} does.
     *
     * @return what the child did; for one killed at the limit, the stage it was stuck in and where its thread dumps
     * are ({@link ChildProcess.Result#stage()}, {@link ChildProcess.Result#diagnosis()}).
     * @throws UncheckedIOException  naming the command when it cannot be started.
     * @throws IllegalStateException naming the command when this thread is interrupted while it runs (its process
     *                               tree is killed first; the interrupt flag stays set).
     */
    public ChildProcess.Result runChild(final List<String> command, final Path log, final long timeoutSeconds)
    {
        return runChild(command, log, timeoutSeconds, false);
    }

    /**
     * Runs {@code command} as {@link #run} does, under {@code xvfb-run -a} with {@link ChildProcess#XVFB_SCREEN} when
     * {@code underXvfb} (a fresh virtual display per child, the same screen for every windowed run).
     *
     * @return what the child did (see {@link #runChild(List, Path, long)}).
     * @throws IllegalStateException when {@code underXvfb} and {@code xvfb-run} is not installed, or as
     *                               {@link #runChild(List, Path, long)}.
     */
    public ChildProcess.Result runChild(
        final List<String> command, final Path log, final long timeoutSeconds, final boolean underXvfb)
    {
        try
        {
            final ChildProcess child = ChildProcess.command(command).llvmpipeThreads(llvmpipeThreads)
                .limit(Duration.ofSeconds(timeoutSeconds)).output(log);
            if (underXvfb)
            {
                child.underXvfb();
            }
            return child.run();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + String.join(" ", command), ex);
        }
    }

    /**
     * Checks that a JVM starts with {@code gc}'s flags ({@code java <flags> -version}).
     *
     * @return null when it does, else why not (the JVM's own message).
     */
    public String gcUnavailableReason(final GcChoice gc, final Path scratchDir)
    {
        final List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(gc.jvmFlags(javaFeatureVersion));
        command.add("-version");
        final Path log = scratchDir.resolve("gc-check-" + gc.optionName() + ".log");
        final int status = run(command, log, 60);
        if (status == 0)
        {
            return null;
        }
        String output;
        try
        {
            output = Files.readString(log, StandardCharsets.UTF_8).trim();
        }
        catch (final IOException ex)
        {
            output = "(no output: " + ex.getMessage() + ")";
        }
        return String.join(" ", command) + " exited " + status + ": " + output;
    }
}
