package dev.isochron.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child process and every process below it, and the means to end them all.
 * <p>
 * Why a tree and not the child: {@code destroyForcibly()} on {@code xvfb-run} (or on a harness JVM) ends that one
 * process; its children are re-parented to init and keep running, a hung windowed JVM and its Xvfb among them. Once
 * a parent has died its children no longer show as its descendants, so the tree is {@link #snapshot taken} before
 * anything is killed, {@link #kill frozen} with {@code SIGSTOP} (so that nothing forks past the snapshot), taken
 * again until it stops growing, then killed with {@code SIGKILL} and waited for.
 * <p>
 * Linux and other Unix systems ({@code /proc}, {@code kill}); test and harness threads only, never the frame path.
 */
final class ProcessTree
{
    /** How many times the frozen tree is taken again to catch processes forked just before the freeze. */
    private static final int FREEZE_ROUNDS = 3;
    private static final long SIGNAL_COMMAND_LIMIT_SECONDS = 5;
    private static final long POLL_MS = 20;

    private ProcessTree()
    {
    }

    /**
     * @param root the process whose tree is wanted.
     * @return {@code root} (when alive) then its descendants, breadth first, so that a parent comes before its
     * children and the shallowest JVM of the tree is the first one in it.
     */
    static List<ProcessHandle> snapshot(final ProcessHandle root)
    {
        final Map<Long, List<ProcessHandle>> children = childrenByParent();
        final List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        for (int i = 0; i < tree.size(); i++)
        {
            final List<ProcessHandle> below = children.get(tree.get(i).pid());
            if (null != below)
            {
                tree.addAll(below);
            }
        }
        return tree;
    }

    /**
     * Kills {@code root} and every process below it with {@code SIGKILL} and waits until they are gone.
     *
     * @param root   the top of the tree; when it is a {@link Process} of this JVM it is reaped by the JDK.
     * @param known  processes already found in the tree (the snapshot taken for a diagnosis), killed even when their
     *               parent died in the meantime; may be empty.
     * @param waitMs how long to wait for them to be gone.
     * @return every process killed (pid order of discovery, root first) and those still alive after the wait.
     */
    static Killed kill(final ProcessHandle root, final List<ProcessHandle> known, final long waitMs)
    {
        final Map<Long, ProcessHandle> tree = new LinkedHashMap<>();
        add(tree, snapshot(root));
        add(tree, known);
        for (int round = 0; round < FREEZE_ROUNDS; round++)
        {
            signal("-STOP", alive(tree));
            final int before = tree.size();
            for (final ProcessHandle process : List.copyOf(tree.values()))
            {
                if (process.isAlive())
                {
                    add(tree, snapshot(process));
                }
            }
            if (tree.size() == before)
            {
                break;
            }
        }
        final List<ProcessHandle> all = List.copyOf(tree.values());
        for (int i = all.size() - 1; i >= 0; i--)
        {
            all.get(i).destroyForcibly();
        }
        // A stopped process dies on SIGKILL; the CONT only matters where a kill was refused (another user's process).
        signal("-CONT", alive(tree));
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        boolean interrupted = false;
        List<ProcessHandle> survivors = alive(tree);
        while (!survivors.isEmpty() && System.nanoTime() < deadline)
        {
            try
            {
                Thread.sleep(POLL_MS);
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
            survivors = alive(tree);
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
        return new Killed(pids(all), pids(survivors));
    }

    /** What {@link #kill} did. */
    static final class Killed
    {
        final List<Long> pids;
        final List<Long> survivors;

        Killed(final List<Long> pids, final List<Long> survivors)
        {
            this.pids = pids;
            this.survivors = survivors;
        }
    }

    /**
     * @return whether {@code process} is a Java virtual machine: it has {@code libjvm.so} mapped (so a shell script
     * named {@code java} is not one), or, where {@code /proc} cannot be read, its executable is named {@code java}.
     */
    static boolean isJvm(final ProcessHandle process)
    {
        final Path maps = Path.of("/proc", Long.toString(process.pid()), "maps");
        try
        {
            return new String(Files.readAllBytes(maps), StandardCharsets.ISO_8859_1).contains("/libjvm.so");
        }
        catch (final IOException | SecurityException ex)
        {
            final Optional<String> command = process.info().command();
            return command.isPresent() && command.get().endsWith("/java");
        }
    }

    /** @return the regular file {@code process} writes its standard output to, or null (a pipe, a terminal, gone). */
    static Path standardOutputFile(final ProcessHandle process)
    {
        try
        {
            final Path target = Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "fd", "1"));
            return target.isAbsolute() && Files.isRegularFile(target) ? target : null;
        }
        catch (final IOException | UnsupportedOperationException | SecurityException ex)
        {
            return null;
        }
    }

    /** @return {@code process}'s pid and command line, for a diagnosis. */
    static String describe(final ProcessHandle process)
    {
        final ProcessHandle.Info info = process.info();
        final String command = info.commandLine().orElse(info.command().orElse("(command unknown)"));
        return process.pid() + " " + command;
    }

    /**
     * Sends a signal with the {@code kill} command (the JDK has no API for signals other than TERM and KILL).
     *
     * @return whether {@code kill} ran and exited 0.
     */
    static boolean signal(final String signal, final List<ProcessHandle> processes)
    {
        if (processes.isEmpty())
        {
            return true;
        }
        final List<String> command = new ArrayList<>();
        command.add("kill");
        command.add(signal);
        for (int i = 0; i < processes.size(); i++)
        {
            command.add(Long.toString(processes.get(i).pid()));
        }
        try
        {
            final Process kill = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.getOutputStream().close();
            if (!kill.waitFor(SIGNAL_COMMAND_LIMIT_SECONDS, TimeUnit.SECONDS))
            {
                kill.destroyForcibly();
                return false;
            }
            return 0 == kill.exitValue();
        }
        catch (final IOException ex)
        {
            return false;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<Long, List<ProcessHandle>> childrenByParent()
    {
        final Map<Long, List<ProcessHandle>> children = new HashMap<>();
        ProcessHandle.allProcesses().forEach(process ->
        {
            final Optional<ProcessHandle> parent = process.parent();
            if (parent.isPresent())
            {
                children.computeIfAbsent(parent.get().pid(), pid -> new ArrayList<>()).add(process);
            }
        });
        return children;
    }

    private static void add(final Map<Long, ProcessHandle> tree, final List<ProcessHandle> processes)
    {
        for (int i = 0; i < processes.size(); i++)
        {
            tree.putIfAbsent(processes.get(i).pid(), processes.get(i));
        }
    }

    private static List<ProcessHandle> alive(final Map<Long, ProcessHandle> tree)
    {
        final List<ProcessHandle> alive = new ArrayList<>();
        for (final ProcessHandle process : tree.values())
        {
            if (process.isAlive())
            {
                alive.add(process);
            }
        }
        return alive;
    }

    private static List<Long> pids(final List<ProcessHandle> processes)
    {
        final List<Long> pids = new ArrayList<>(processes.size());
        for (int i = 0; i < processes.size(); i++)
        {
            pids.add(processes.get(i).pid());
        }
        return List.copyOf(pids);
    }
}
