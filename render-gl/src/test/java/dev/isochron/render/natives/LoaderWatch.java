package dev.isochron.render.natives;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
    public static final String INSTALL_HINT = "apt-get install gcc libc6-dev";

    private static final String SOURCE = "loader-watch.c";

    private final Path library;

    private LoaderWatch(final Path library)
    {
        this.library = library;
    }

    /** @return whether gcc is on the PATH. */
    public static boolean compilerAvailable()
    {
        final String path = System.getenv("PATH");
        if (null == path)
        {
            return false;
        }
        for (final String directory : path.split(java.io.File.pathSeparator))
        {
            if (Files.isExecutable(Path.of(directory, "gcc")))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Compiles the library into {@code directory} with gcc.
     *
     * @throws IllegalStateException naming the compiler's output when it fails.
     */
    public static LoaderWatch build(final Path directory) throws IOException, InterruptedException
    {
        final Path source = directory.resolve(SOURCE);
        try (InputStream in = LoaderWatch.class.getResourceAsStream(SOURCE))
        {
            if (null == in)
            {
                throw new IllegalStateException(SOURCE + " is not on the test class path beside " +
                    LoaderWatch.class.getName());
            }
            Files.copy(in, source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        final Path library = directory.resolve("libloader-watch.so");
        final Path log = directory.resolve("loader-watch-gcc.log");
        final Process gcc = new ProcessBuilder("gcc", "-O2", "-Wall", "-shared", "-fPIC", "-o", library.toString(),
            source.toString(), "-ldl").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!gcc.waitFor(60, TimeUnit.SECONDS))
        {
            gcc.destroyForcibly();
            throw new IllegalStateException("gcc did not compile " + source + " within 60 s");
        }
        if (0 != gcc.exitValue() || !Files.isRegularFile(library))
        {
            throw new IllegalStateException("gcc failed to compile " + source + " (exit " + gcc.exitValue() + "): " +
                Files.readString(log, StandardCharsets.UTF_8) + "; " + INSTALL_HINT);
        }
        return new LoaderWatch(library);
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
