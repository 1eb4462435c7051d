package dev.isochron.engine.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a child that ran past its limit was doing, taken while its JVM may still answer and before anything is
 * killed: a Java thread dump of each JVM in the tree (by {@code SIGQUIT}: the JVM's signal dispatcher prints it to
 * the JVM's standard output with no attach, where {@code jcmd} is known to hang on a JVM whose threads are stuck in
 * the dynamic loader), then, when {@code gdb} is on the {@code PATH}, the native stacks of the first JVM, gdb itself
 * under a hard limit. Everything goes to one text file; the {@link StuckStage stage} goes into the failure message.
 * <p>
 * Bounded: at most {@value #DUMP_WAIT_MS} ms for the dumps and {@value #GDB_LIMIT_SECONDS} s for gdb. Test and harness
 * threads only.
 */
final class HangDiagnosis
{
    /** How long the JVMs get to print their thread dumps. */
    static final long DUMP_WAIT_MS = 5_000;
    /** gdb is killed when it has not printed the stacks by then (it can hang on a process in an odd state). */
    static final long GDB_LIMIT_SECONDS = 20;
    /** JVMs past this many in one tree (jcstress forks one per test) get no dump. */
    static final int MAX_JVMS = 4;
    private static final long POLL_MS = 100;

    /** The stage and where the evidence is. */
    final String stage;
    final Path file;

    private HangDiagnosis(final String stage, final Path file)
    {
        this.stage = stage;
        this.file = file;
    }

    /**
     * @param tree the child's process tree, root first ({@link ProcessTree#snapshot}).
     * @param log  where the child's standard output goes: the first JVM's dump is looked for there when {@code /proc}
     *             does not say where its standard output is.
     * @param file where to write the diagnosis.
     */
    static HangDiagnosis take(final List<ProcessHandle> tree, final Path log, final Path file)
    {
        final StringBuilder text = new StringBuilder("process tree at the limit (pid, command line):\n");
        final List<ProcessHandle> jvms = new ArrayList<>();
        for (final ProcessHandle process : tree)
        {
            final boolean jvm = process.isAlive() && ProcessTree.isJvm(process);
            text.append("  ").append(ProcessTree.describe(process)).append(jvm ? "  [JVM]" : "").append('\n');
            if (jvm && jvms.size() < MAX_JVMS)
            {
                jvms.add(process);
            }
        }
        if (jvms.isEmpty())
        {
            final String stage = "unknown: no JVM in the process tree of " + ProcessTree.describe(tree.get(0));
            return write(text, stage, file);
        }

        final String[] dumps = javaDumps(jvms, log);
        String stage = null;
        for (int i = 0; i < jvms.size(); i++)
        {
            text.append("\n==== Java thread dump of JVM ").append(ProcessTree.describe(jvms.get(i))).append('\n')
                .append(dumps[i].isEmpty() ? "(none printed within " + DUMP_WAIT_MS + " ms)\n" : dumps[i]);
            if (null == stage && !dumps[i].isEmpty())
            {
                stage = StuckStage.fromJavaDump(dumps[i]);
            }
        }

        final ProcessHandle primary = jvms.get(0);
        final Path gdb = ChildProcess.findOnPath("gdb");
        text.append("\n==== native stacks of JVM ").append(primary.pid()).append(" (gdb thread apply all bt)\n");
        if (null == gdb)
        {
            text.append("(gdb is not on the PATH: apt-get install gdb for native stacks)\n");
        }
        else
        {
            final String stacks = nativeStacks(gdb, primary, file.resolveSibling(file.getFileName() + ".gdb"));
            text.append(stacks);
            if (null == stage)
            {
                stage = StuckStage.fromNativeStacks(stacks, primary.pid());
            }
        }
        if (null == stage)
        {
            stage = "unknown: no main or isochron thread in a Java thread dump or native stacks of JVM " + primary.pid();
        }
        return write(text, stage, file);
    }

    private static HangDiagnosis write(final StringBuilder text, final String stage, final Path file)
    {
        text.insert(0, "stage: " + stage + "\n\n");
        try
        {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the diagnosis of a timed-out child to " + file + ": " +
                ex.getMessage(), ex);
        }
        return new HangDiagnosis(stage, file);
    }

    /** Sends {@code SIGQUIT} to every JVM and reads what each printed to its standard output file since. */
    private static String[] javaDumps(final List<ProcessHandle> jvms, final Path log)
    {
        final Path[] outputs = new Path[jvms.size()];
        final long[] offsets = new long[jvms.size()];
        final String[] dumps = new String[jvms.size()];
        for (int i = 0; i < jvms.size(); i++)
        {
            final Path output = ProcessTree.standardOutputFile(jvms.get(i));
            outputs[i] = null == output && 0 == i ? log : output;
            offsets[i] = size(outputs[i]);
            dumps[i] = "";
        }
        ProcessTree.signal("-QUIT", jvms);
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DUMP_WAIT_MS);
        boolean complete = false;
        boolean interrupted = false;
        while (!complete && System.nanoTime() < deadline)
        {
            try
            {
                Thread.sleep(POLL_MS);
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
                break;
            }
            complete = true;
            for (int i = 0; i < jvms.size(); i++)
            {
                dumps[i] = readFrom(outputs[i], offsets[i]);
                final int start = dumps[i].indexOf(StuckStage.JAVA_DUMP_START);
                complete &= null == outputs[i] || (start >= 0 && dumps[i].indexOf(StuckStage.JAVA_DUMP_END, start) >= 0);
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < jvms.size(); i++)
        {
            final int start = dumps[i].indexOf(StuckStage.JAVA_DUMP_START);
            dumps[i] = start < 0 ? "" : dumps[i].substring(start);
        }
        return dumps;
    }

    private static String nativeStacks(final Path gdb, final ProcessHandle jvm, final Path output)
    {
        final List<String> command = List.of(gdb.toString(), "-batch", "-nx", "-iex", "set debuginfod enabled off",
            "-p", Long.toString(jvm.pid()), "-ex", "thread apply all bt");
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            final boolean finished;
            try
            {
                finished = process.waitFor(GDB_LIMIT_SECONDS, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                ProcessTree.kill(process.toHandle(), List.of(), 2_000);
                Thread.currentThread().interrupt();
                return "(interrupted while gdb ran)\n";
            }
            if (!finished)
            {
                ProcessTree.kill(process.toHandle(), List.of(), 2_000);
            }
            final String stacks = readFrom(output, 0);
            Files.deleteIfExists(output);
            return (finished ? "" : "(gdb killed after " + GDB_LIMIT_SECONDS + " s)\n") + stacks;
        }
        catch (final IOException ex)
        {
            return "(cannot run " + String.join(" ", command) + ": " + ex.getMessage() + ")\n";
        }
    }

    private static long size(final Path file)
    {
        try
        {
            return null == file ? 0 : Files.size(file);
        }
        catch (final IOException ex)
        {
            return 0;
        }
    }

    private static String readFrom(final Path file, final long offset)
    {
        if (null == file)
        {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r"))
        {
            final long length = in.length() - offset;
            if (length <= 0)
            {
                return "";
            }
            final byte[] bytes = new byte[(int)Math.min(length, 16L << 20)];
            in.seek(offset);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            return "";
        }
    }
}
