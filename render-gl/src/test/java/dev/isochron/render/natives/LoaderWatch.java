package dev.isochron.render.natives;

import dev.isochron.engine.testing.NativeTestTool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds and uses {@code loader-watch.c} (a test resource beside this class): an {@code LD_PRELOAD} library that
 * reports, on a child process's stderr, each moment two threads are inside the dynamic loader at once and each load
 * or unload made outside {@link NativeLoading}'s lock once the process has taken it. A child run with
 * {@link #environment(Path)} and then read with {@link #findings(String)} shows whether Isochron kept every native
 * load on one thread at a time: the findings are exact, not timing-dependent, for loads outside the lock.
 * Test code only.
 */
public final class LoaderWatch
{
    /** Every line the library prints starts with this. */
    public static final String PREFIX = "loader-watch: ";
    /** What to install where gcc is missing. */
    public static final String INSTALL_HINT = NativeTestTool.INSTALL_HINT;

    private static final String SOURCE = "loader-watch.c";

    private final Path library;

    private LoaderWatch(final Path library)
    {
        this.library = library;
    }

    /** @return whether gcc is on the PATH. */
    public static boolean compilerAvailable()
    {
        return NativeTestTool.compilerAvailable();
    }

    /**
     * Compiles the library into {@code directory} with gcc.
     *
     * @throws IllegalStateException naming the compiler's output when it fails.
     */
    public static LoaderWatch build(final Path directory) throws IOException, InterruptedException
    {
        return new LoaderWatch(NativeTestTool.build(LoaderWatch.class, SOURCE, directory, "libloader-watch.so",
            List.of("-O2", "-Wall", "-shared", "-fPIC"), List.of("-ldl")));
    }

    /**
     * @param holderFile a file of the child's own (created by the child's NativeLoading) where the lock's holder is
     *                   written; one per child process.
     * @return the environment variables that make a child process watched.
     */
    public Map<String, String> environment(final Path holderFile)
    {
        return Map.of(
            "LD_PRELOAD", library.toString(),
            NativeLoading.WATCH_ENVIRONMENT, holderFile.toString());
    }

    /** @return the library's lines in {@code output}, in order; none when every load stayed under the lock. */
    public static List<String> findings(final String output)
    {
        final List<String> found = new ArrayList<>();
        for (final String line : output.split("\\R"))
        {
            if (line.startsWith(PREFIX))
            {
                found.add(line);
            }
        }
        return found;
    }
}
