package dev.isochron.input.replay;

import dev.isochron.input.event.InputRecordLayout;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The recorder's writes into its block (direct memory of {@code BLOCK_BYTES}): a record that would cross the block's
 * end writes the block first, and a record whose length is not its type's is refused before it is copied.
 */
class InputRecorderTest
{
    private static final double TICK_RATE_HZ = 120;
    private static final long SEED = 3L;

    @TempDir
    Path directory;

    @Test
    void shouldStartANewBlockWhenARecordWouldCrossTheBlockEnd() throws Exception
    {
        final Path file = directory.resolve("blocks.rec");
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
        try (InputRecorder recorder = new InputRecorder(directory.resolve("long.rec"), TICK_RATE_HZ, SEED))
        {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> recorder.onRecord(InputRecordLayout.KEY, record, 0, InputRecordLayout.MAX_LENGTH + 8));
            assertEquals("record of type 1 has length 68, expected 24", ex.getMessage());
        }
    }
}
