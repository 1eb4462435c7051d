package dev.isochron.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Files that are not regular files, made for tests of hostile paths: a real FIFO (a {@code Files.createFile} would
 * not be one). Published in the engine's test-jar so every module refuses the same kinds of path the same way.
 */
public final class SpecialFiles
{
    private static final long MKFIFO_TIMEOUT_SECONDS = 10;

    private SpecialFiles()
    {
    }

    /**
     * Makes a FIFO with {@code mkfifo(1)}; skips the calling test (a JUnit assumption) where there is no mkfifo.
     *
     * @return {@code fifo}.
     * @throws AssertionError when mkfifo runs but fails or hangs.
     */
    public static Path mkfifo(final Path fifo) throws IOException, InterruptedException
    {
        final Process process;
        try
        {
            process = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        }
        catch (final IOException ex)
        {
            assumeTrue(false, "mkfifo is not available: " + ex.getMessage());
            throw ex;
        }
        if (!process.waitFor(MKFIFO_TIMEOUT_SECONDS, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("mkfifo " + fifo + " did not end within " + MKFIFO_TIMEOUT_SECONDS + " s");
        }
        if (0 != process.exitValue())
        {
            throw new AssertionError("mkfifo " + fifo + " failed with exit status " + process.exitValue() + ": " +
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return fifo;
    }
}
