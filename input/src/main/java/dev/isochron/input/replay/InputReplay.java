package dev.isochron.input.replay;

import dev.isochron.engine.io.FileKind;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.InputRecordLayout;
import dev.isochron.input.queue.InputDispatcher;
import dev.isochron.input.queue.InputSource;
import dev.isochron.input.state.InputState;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Replays a recording made by {@link InputRecorder}: an {@link InputSource} that gives each tick
 * exactly the records the live tick of the same index consumed, in the same order, through the same
 * {@link InputDispatcher}, so a deterministic simulation reproduces its live run bit for bit. Records
 * are selected by tick index, not by timestamp, because a record can reach the ring after the tick its
 * timestamp belongs to.
 * <p>
 * Loading reads and validates the whole file (header, every block's length and CRC-32C, every entry's
 * type, length and tick order) before the first event can be applied; a bad file throws
 * {@link ReplayFormatException} naming the path, offset and reason, an unreadable one an
 * {@link IOException}, and nothing else escapes. A path that is not a regular file (a FIFO, a device, a directory) is
 * refused before it is opened: opening a FIFO for reading would block until some other process wrote to it. Lengths are capped, so no field can ask for memory
 * beyond the (capped) file size.
 * <p>
 * Thread: load on any thread; drain on the simulation thread. Draining is allocation-free.
 */
public final class InputReplay implements InputSource
{
    private final double tickRateHz;
    private final long seed;
    private final UnsafeBuffer entries;
    private final int entriesLength;
    private final int recordCount;
    private final long lastTickIndex;
    private final InputDispatcher dispatcher = new InputDispatcher();
    private int cursor;
    private int recordsReplayed;

    private InputReplay(
        final double tickRateHz, final long seed, final byte[] entries, final int entriesLength, final int recordCount,
        final long lastTickIndex)
    {
        this.tickRateHz = tickRateHz;
        this.seed = seed;
        this.entries = new UnsafeBuffer(entries);
        this.entriesLength = entriesLength;
        this.recordCount = recordCount;
        this.lastTickIndex = lastTickIndex;
    }

    /**
     * Loads and validates a recording of at most {@link ReplayFormat#DEFAULT_MAX_FILE_BYTES}.
     *
     * @throws ReplayFormatException if it is empty, truncated, corrupt, of another version or too large.
     * @throws IOException           if it cannot be read.
     */
    public static InputReplay open(final Path path) throws IOException
    {
        return open(path, ReplayFormat.DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * Loads and validates a recording.
     *
     * @param maxFileBytes the largest file accepted, at most 2^31 - 64 bytes.
     * @throws ReplayFormatException if it is empty, truncated, corrupt, of another version or too large.
     * @throws IOException           if it cannot be read, or is not a regular file (named with what it is).
     */
    public static InputReplay open(final Path path, final long maxFileBytes) throws IOException
    {
        if (maxFileBytes < 1 || maxFileBytes > Integer.MAX_VALUE - 64)
        {
            throw new IllegalArgumentException("maxFileBytes must be in [1, " + (Integer.MAX_VALUE - 64) + "], was " +
                maxFileBytes);
        }
        final String notRegular = notARegularFile(path);
        if (null != notRegular)
        {
            throw new IOException(notRegular);
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            final long size = channel.size();
            if (size > maxFileBytes)
            {
                throw new ReplayFormatException(path, 0, "file is " + size + " bytes, more than the " + maxFileBytes +
                    "-byte limit for a recording");
            }
            final ByteBuffer bytes = ByteBuffer.allocate((int)size);
            while (bytes.hasRemaining())
            {
                if (channel.read(bytes) < 0)
                {
                    throw new ReplayFormatException(path, bytes.position(), "file shrank while being read (" + size +
                        " bytes expected)");
                }
            }
            return parse(path, bytes.array());
        }
    }

    /**
     * Says why {@code path} cannot be replayed without opening it: it exists and is a FIFO, a device, a socket or a
     * directory. For configuration checks ({@code MeasurementConfig.replayPath}) and {@link #open}.
     *
     * @return {@code "input recording <path> is a FIFO (named pipe), not a regular file; ..."}, or null when the path
     * is a regular file or does not exist (opening it then says so).
     */
    public static String notARegularFile(final Path path)
    {
        final String kind = FileKind.of(path);
        if (null == kind || FileKind.REGULAR_FILE.equals(kind))
        {
            return null;
        }
        return "input recording " + path + " is " + kind + ", not a regular file; give the path of a file made by " +
            "InputRecorder (recordPath, --record)";
    }

    /**
     * Validates and loads a recording held in memory (a file's full contents).
     *
     * @param path  named in error messages.
     * @param bytes the file's contents; not kept.
     * @throws ReplayFormatException if it is empty, truncated, corrupt or of another version.
     */
    public static InputReplay parse(final Path path, final byte[] bytes) throws ReplayFormatException
    {
        final ByteBuffer file = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        final int size = bytes.length;
        if (size == 0)
        {
            throw new ReplayFormatException(path, 0, "empty file: expected a " + ReplayFormat.HEADER_LENGTH +
                "-byte header");
        }
        for (int i = 0; i < ReplayFormat.MAGIC.length; i++)
        {
            if (i >= size)
            {
                throw new ReplayFormatException(path, size, "truncated header: file has " + size + " bytes, the header needs " +
                    ReplayFormat.HEADER_LENGTH);
            }
            if (bytes[i] != ReplayFormat.MAGIC[i])
            {
                throw new ReplayFormatException(path, i, "bad magic: not an Isochron input recording (expected ISOINPUT)");
            }
        }
        if (size < ReplayFormat.HEADER_LENGTH)
        {
            throw new ReplayFormatException(path, size, "truncated header: file has " + size + " bytes, the header needs " +
                ReplayFormat.HEADER_LENGTH);
        }
        final int version = file.getInt(ReplayFormat.VERSION_OFFSET);
        if (version != ReplayFormat.VERSION)
        {
            throw new ReplayFormatException(path, ReplayFormat.VERSION_OFFSET, "unsupported format version " + version +
                "; this reader reads version " + ReplayFormat.VERSION);
        }
        final int headerLength = file.getInt(ReplayFormat.HEADER_LENGTH_OFFSET);
        if (headerLength != ReplayFormat.HEADER_LENGTH)
        {
            throw new ReplayFormatException(path, ReplayFormat.HEADER_LENGTH_OFFSET, "header length " + headerLength +
                ", expected " + ReplayFormat.HEADER_LENGTH);
        }
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, ReplayFormat.HEADER_CRC_OFFSET);
        final int storedHeaderCrc = file.getInt(ReplayFormat.HEADER_CRC_OFFSET);
        if ((int)crc.getValue() != storedHeaderCrc)
        {
            throw new ReplayFormatException(path, ReplayFormat.HEADER_CRC_OFFSET, "header CRC mismatch: stored " +
                hex(storedHeaderCrc) + ", computed " + hex((int)crc.getValue()));
        }
        final double tickRateHz = file.getDouble(ReplayFormat.TICK_RATE_OFFSET);
        if (!(tickRateHz > 0 && tickRateHz <= ReplayFormat.MAX_TICK_RATE_HZ))
        {
            throw new ReplayFormatException(path, ReplayFormat.TICK_RATE_OFFSET, "tick rate " + tickRateHz +
                " Hz is outside (0, " + ReplayFormat.MAX_TICK_RATE_HZ + "]");
        }
        final long seed = file.getLong(ReplayFormat.SEED_OFFSET);

        final byte[] entries = new byte[size - ReplayFormat.HEADER_LENGTH];
        int entriesLength = 0;
        int recordCount = 0;
        long lastTick = -1;
        int position = ReplayFormat.HEADER_LENGTH;
        while (position < size)
        {
            final int remaining = size - position;
            if (remaining < ReplayFormat.BLOCK_HEADER_LENGTH)
            {
                throw new ReplayFormatException(path, position, "truncated block header: " + remaining +
                    " bytes left, a block header needs " + ReplayFormat.BLOCK_HEADER_LENGTH);
            }
            final int blockLength = file.getInt(position);
            if (blockLength < 1 || blockLength > ReplayFormat.MAX_BLOCK_LENGTH)
            {
                throw new ReplayFormatException(path, position, "block length " + blockLength + " is outside [1, " +
                    ReplayFormat.MAX_BLOCK_LENGTH + "]");
            }
            final int payload = position + ReplayFormat.BLOCK_HEADER_LENGTH;
            if (blockLength > size - payload)
            {
                throw new ReplayFormatException(path, position, "truncated block: length " + blockLength + " but only " +
                    (size - payload) + " bytes follow");
            }
            crc.reset();
            crc.update(bytes, payload, blockLength);
            final int storedCrc = file.getInt(position + 4);
            if ((int)crc.getValue() != storedCrc)
            {
                throw new ReplayFormatException(path, position, "block CRC mismatch: stored " + hex(storedCrc) +
                    ", computed " + hex((int)crc.getValue()));
            }
            final int blockEnd = payload + blockLength;
            int entry = payload;
            while (entry < blockEnd)
            {
                if (blockEnd - entry < ReplayFormat.ENTRY_HEADER_LENGTH)
                {
                    throw new ReplayFormatException(path, entry, "entry header crosses the block end (" +
                        (blockEnd - entry) + " bytes left, needs " + ReplayFormat.ENTRY_HEADER_LENGTH + ")");
                }
                final long tick = file.getLong(entry);
                final int typeId = file.getInt(entry + 8);
                final int length = file.getInt(entry + 12);
                if (tick < 0)
                {
                    throw new ReplayFormatException(path, entry, "negative tick index " + tick);
                }
                if (tick < lastTick)
                {
                    throw new ReplayFormatException(path, entry, "tick index " + tick + " goes back from " + lastTick);
                }
                final int expectedLength = InputRecordLayout.lengthOf(typeId);
                if (expectedLength < 0)
                {
                    throw new ReplayFormatException(path, entry + 8, "unknown record type " + typeId);
                }
                if (length != expectedLength)
                {
                    throw new ReplayFormatException(path, entry + 12, "record of type " +
                        InputRecordLayout.nameOf(typeId) + " has length " + length + ", expected " + expectedLength);
                }
                if (length > blockEnd - entry - ReplayFormat.ENTRY_HEADER_LENGTH)
                {
                    throw new ReplayFormatException(path, entry, "record crosses the block end");
                }
                final int entryLength = ReplayFormat.ENTRY_HEADER_LENGTH + length;
                System.arraycopy(bytes, entry, entries, entriesLength, entryLength);
                entriesLength += entryLength;
                recordCount++;
                lastTick = tick;
                entry += entryLength;
            }
            position = blockEnd;
        }
        return new InputReplay(tickRateHz, seed, entries, entriesLength, recordCount, lastTick);
    }

    /**
     * Starts a tick on {@code state}, then applies and passes to {@code listener} the records recorded
     * for this tick index, in recorded order (records of earlier indices that were never asked for, if
     * the replaying loop skipped ticks, are applied first). Timestamps are not consulted and no latency
     * is recorded. Allocation-free (given an allocation-free listener).
     *
     * @return the number of events applied.
     */
    public int drainInto(
        final long tickIndex, final InputState state, final long tickTimeNs, final long tickStartNs,
        final EventListener listener)
    {
        state.beginTick();
        int count = 0;
        while (cursor < entriesLength && entries.getLong(cursor) <= tickIndex)
        {
            final int typeId = entries.getInt(cursor + 8);
            final int length = entries.getInt(cursor + 12);
            dispatcher.dispatch(typeId, entries, cursor + ReplayFormat.ENTRY_HEADER_LENGTH, state, listener);
            cursor += ReplayFormat.ENTRY_HEADER_LENGTH + length;
            count++;
        }
        recordsReplayed += count;
        return count;
    }

    /** Goes back to the first record, to replay again. */
    public void rewind()
    {
        cursor = 0;
        recordsReplayed = 0;
    }

    /** @return whether every record has been replayed. */
    public boolean isFinished()
    {
        return cursor >= entriesLength;
    }

    /** @return the tick rate of the recorded run, Hz. */
    public double tickRateHz()
    {
        return tickRateHz;
    }

    /** @return the seed of the recorded run. */
    public long seed()
    {
        return seed;
    }

    /** @return the number of records in the recording. */
    public int recordCount()
    {
        return recordCount;
    }

    /** @return records replayed since loading or {@link #rewind()}. */
    public int recordsReplayed()
    {
        return recordsReplayed;
    }

    /** @return the tick index of the last record, or -1 for a recording without records. */
    public long lastTickIndex()
    {
        return lastTickIndex;
    }

    private static String hex(final int value)
    {
        return "0x" + String.format("%08x", value);
    }
}
