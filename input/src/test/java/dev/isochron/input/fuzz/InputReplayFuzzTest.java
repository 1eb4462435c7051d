package dev.isochron.input.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.InputRecordLayout;
import dev.isochron.input.replay.InputReplay;
import dev.isochron.input.replay.ReplayFormat;
import dev.isochron.input.replay.ReplayFormatException;
import dev.isochron.input.state.InputState;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the replay reader, {@link InputReplay#parse(Path, byte[])}: whatever the bytes, it either refuses them
 * with a {@link ReplayFormatException} or returns a replay that drains every record it counted, and nothing else
 * escapes (any other exception, or a failed assertion, is a finding).
 * <p>
 * Two targets: raw file bytes (the CRCs make most mutations fail early, which is what a corrupt file looks like),
 * and a structure-aware one that writes valid header and block CRCs around fuzzed fields and entries, so the
 * fuzzer reaches the entry checks and the drain. Without {@code JAZZER_FUZZ} both run their committed seeds
 * (src/test/resources/dev/isochron/input/fuzz/InputReplayFuzzTestInputs/&lt;method&gt;/) as regression tests.
 */
class InputReplayFuzzTest
{
    private static final Path PATH = Paths.get("fuzzed.isoinput");

    @FuzzTest(maxDuration = "20s")
    void fuzzParseRawBytes(final byte[] file)
    {
        parseAndDrain(file);
    }

    @FuzzTest(maxDuration = "20s")
    void fuzzParseWithValidChecksums(final FuzzedDataProvider data)
    {
        parseAndDrain(fileWithValidChecksums(data));
    }

    private static void parseAndDrain(final byte[] file)
    {
        final InputReplay replay;
        try
        {
            replay = InputReplay.parse(PATH, file);
        }
        catch (final ReplayFormatException ex)
        {
            assertTrue(ex.getMessage().contains(PATH.toString()), "the message names the file: " + ex.getMessage());
            return;
        }
        assertTrue(replay.tickRateHz() > 0 && replay.tickRateHz() <= ReplayFormat.MAX_TICK_RATE_HZ,
            "tick rate " + replay.tickRateHz());
        final InputState state = new InputState();
        long tick = 0;
        while (!replay.isFinished() && tick <= replay.lastTickIndex())
        {
            replay.drainInto(tick, state, 0, 0, EventListener.NONE);
            tick = tick == Long.MAX_VALUE ? tick : tick + 1;
            if (tick > 64)
            {
                // sparse ticks: jump to the last one rather than looping up to a huge index
                replay.drainInto(replay.lastTickIndex(), state, 0, 0, EventListener.NONE);
                break;
            }
        }
        assertTrue(replay.isFinished(), "every record drained by the last tick");
        assertEquals(replay.recordCount(), replay.recordsReplayed(), "records drained");
    }

    /** Header and blocks framed correctly (magic, version, lengths, CRC-32C); fields and entries fuzzed. */
    private static byte[] fileWithValidChecksums(final FuzzedDataProvider data)
    {
        final ByteBuffer file = ByteBuffer.allocate(ReplayFormat.HEADER_LENGTH + 4096).order(ByteOrder.LITTLE_ENDIAN);
        file.put(ReplayFormat.MAGIC);
        file.putInt(ReplayFormat.VERSION_OFFSET, data.consumeBoolean() ? ReplayFormat.VERSION : data.consumeInt());
        file.putInt(ReplayFormat.HEADER_LENGTH_OFFSET, ReplayFormat.HEADER_LENGTH);
        file.putDouble(ReplayFormat.TICK_RATE_OFFSET, data.consumeBoolean() ? 60.0 : data.consumeDouble());
        file.putLong(ReplayFormat.SEED_OFFSET, data.consumeLong());
        final CRC32C crc = new CRC32C();
        crc.update(file.array(), 0, ReplayFormat.HEADER_CRC_OFFSET);
        file.putInt(ReplayFormat.HEADER_CRC_OFFSET, (int)crc.getValue());
        int position = ReplayFormat.HEADER_LENGTH;
        final int blocks = data.consumeInt(0, 3);
        for (int b = 0; b < blocks && position + ReplayFormat.BLOCK_HEADER_LENGTH < file.capacity(); b++)
        {
            final int payload = position + ReplayFormat.BLOCK_HEADER_LENGTH;
            int at = payload;
            long tick = data.consumeLong(-1, 8);
            final int entries = data.consumeInt(0, 16);
            for (int e = 0; e < entries; e++)
            {
                final int typeId = data.consumeBoolean() ? data.consumeInt(1, InputRecordLayout.TYPE_COUNT) :
                    data.consumeInt();
                final int expected = InputRecordLayout.lengthOf(typeId);
                final int length = data.consumeBoolean() && expected >= 0 ? expected : data.consumeInt(0, 96);
                if (at + ReplayFormat.ENTRY_HEADER_LENGTH + length > file.capacity())
                {
                    break;
                }
                tick += data.consumeInt(-1, 3);
                file.putLong(at, tick);
                file.putInt(at + 8, typeId);
                file.putInt(at + 12, length);
                final byte[] record = data.consumeBytes(length);
                for (int i = 0; i < record.length; i++)
                {
                    file.put(at + ReplayFormat.ENTRY_HEADER_LENGTH + i, record[i]);
                }
                at += ReplayFormat.ENTRY_HEADER_LENGTH + length;
            }
            final int trailing = Math.min(data.consumeInt(0, 20), file.capacity() - at);
            at += trailing;
            final int blockLength = at - payload;
            file.putInt(position, data.consumeBoolean() ? blockLength : data.consumeInt());
            crc.reset();
            crc.update(file.array(), payload, blockLength);
            file.putInt(position + 4, (int)crc.getValue());
            position = at;
        }
        final int cut = data.consumeBoolean() ? data.consumeInt(0, position) : position;
        final byte[] bytes = new byte[cut];
        System.arraycopy(file.array(), 0, bytes, 0, cut);
        return bytes;
    }
}
