package dev.isochron.input.replay;

import dev.isochron.engine.testing.SpecialFiles;
import dev.isochron.input.event.InputRecordLayout;
import org.agrona.concurrent.UnsafeBuffer;
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

/**
 * The recorder: its writes into its block (direct memory of {@code BLOCK_BYTES}) — a record that would cross the
 * block's end writes the block first, and a record whose length is not its type's is refused before it is copied —
 * and its file, which appears whole at close or not at all; paths that cannot hold a recording are refused.
 */
class InputRecorderTest
{
    private static final double TICK_RATE_HZ = 120;
    private static final long SEED = 7;

    @TempDir
    Path dir;

    @Test
    void shouldStartANewBlockWhenARecordWouldCrossTheBlockEnd() throws Exception
    {
        final Path file = dir.resolve("blocks.rec");
        final int length = InputRecordLayout.GAMEPAD_LENGTH;
        final int perBlock = InputRecorder.BLOCK_BYTES / (ReplayFormat.ENTRY_HEADER_LENGTH + length);
        final int records = 2 * perBlock + 1;
        final UnsafeBuffer record = new UnsafeBuffer(new byte[length]);
        try (InputRecorder recorder = new InputRecorder(file, TICK_RATE_HZ, SEED))
        {
            for (int i = 0; i < records; i++)
            {
                recorder.beginTick(i);
                record.putLong(InputRecordLayout.CAPTURE_NS_OFFSET, i);
                recorder.onRecord(InputRecordLayout.GAMEPAD, record, 0, length);
                recorder.endTick();
            }
        }

        assertEquals(records, InputReplay.open(file).recordCount());
    }

    @Test
    void shouldRefuseARecordLongerThanItsType() throws Exception
    {
        final UnsafeBuffer record = new UnsafeBuffer(new byte[InputRecordLayout.MAX_LENGTH + 8]);
        try (InputRecorder recorder = new InputRecorder(dir.resolve("long.rec"), TICK_RATE_HZ, SEED))
        {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> recorder.onRecord(InputRecordLayout.KEY, record, 0, InputRecordLayout.MAX_LENGTH + 8));
            assertEquals("record of type 1 has length 68, expected 24", ex.getMessage());
        }
    }

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
