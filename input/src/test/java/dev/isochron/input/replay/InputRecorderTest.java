package dev.isochron.input.replay;

import dev.isochron.engine.testing.SpecialFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The recording file appears whole at close, or not at all; paths that cannot hold a recording are refused. */
class InputRecorderTest
{
    private static final double TICK_RATE_HZ = 120;
    private static final long SEED = 7;

    @TempDir
    Path dir;

    @Test
    void shouldShowNoRecordingUnderItsNameBeforeClose() throws Exception
    {
        final Path file = dir.resolve("run.isoinput");
        try (InputRecorder recorder = new InputRecorder(file, TICK_RATE_HZ, SEED))
        {
            recorder.flush();

            assertFalse(Files.exists(file));
        }
        assertEquals(List.of("run.isoinput"), names());
        assertEquals(0, InputReplay.open(file).recordCount());
    }

    @Test
    void shouldRefuseDevFullNamingThePath()
    {
        assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full is absent here");

        final IOException ex = assertThrows(IOException.class,
            () -> new InputRecorder(Path.of("/dev/full"), TICK_RATE_HZ, SEED));

        assertEquals("cannot write input recording /dev/full: it is a character device, not a regular file; " +
            "give the path of a regular file", ex.getMessage());
    }

    @Test
    void shouldRefuseAFifoWithoutOpeningIt() throws Exception
    {
        final Path fifo = SpecialFiles.mkfifo(dir.resolve("pipe"));

        final IOException ex = assertThrows(IOException.class, () -> new InputRecorder(fifo, TICK_RATE_HZ, SEED));

        assertEquals("cannot write input recording " + fifo + ": it is a FIFO (named pipe), not a regular file; " +
            "give the path of a regular file", ex.getMessage());
        assertEquals(List.of("pipe"), names());
    }

    private List<String> names() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.map(path -> path.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
