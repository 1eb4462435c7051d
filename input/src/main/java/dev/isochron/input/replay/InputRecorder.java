package dev.isochron.input.replay;

import dev.isochron.engine.io.AtomicFileWriter;
import dev.isochron.input.event.InputRecordLayout;
import dev.isochron.input.queue.ConsumedRecordSink;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Records every input record each tick consumed, with the tick's index, to a file in
 * {@link ReplayFormat}: attach it with {@code InputQueue.recordTo(recorder)}.
 * <p>
 * Thread: the simulation thread (it is called during the queue's drain). Records are copied into a
 * preallocated 64 KiB block; a full block is checksummed and written with one {@code FileChannel}
 * write (to the OS page cache, no fsync), so the tick does file I/O once per 64 KiB of input rather
 * than per event. Allocation-free after construction. A write failure is thrown as an
 * {@link UncheckedIOException} naming the file (it stops the loop rather than losing the recording).
 * <p>
 * The file is written through {@link AtomicFileWriter}: the blocks go to a temporary file beside {@code path}, and
 * {@link #close()} forces it and renames it into place, so the path holds a complete recording (every block whole
 * and checksummed) or, after a failure, nothing new. A directory, device or FIFO is refused when the recorder is made.
 */
public final class InputRecorder implements ConsumedRecordSink, AutoCloseable
{
    /** Block payload size the recorder fills before writing. */
    public static final int BLOCK_BYTES = 64 * 1024;

    private final Path path;
    private final AtomicFileWriter file;
    private final FileChannel channel;
    private final ByteBuffer blockBytes = BufferUtil.allocateDirectAligned(
        ReplayFormat.BLOCK_HEADER_LENGTH + BLOCK_BYTES, 64).order(ByteOrder.LITTLE_ENDIAN);
    private final UnsafeBuffer block = new UnsafeBuffer(blockBytes);
    private final CRC32C crc = new CRC32C();
    private int blockLength;
    private long tickIndex;
    private long records;
    private boolean closed;

    /**
     * Creates the temporary file beside {@code path} and writes the header; {@code path} itself is replaced only by
     * {@link #close()}.
     *
     * @param path       where to record: a new file or a regular file to replace.
     * @param tickRateHz the tick rate of the run being recorded, in (0, 10000].
     * @param seed       the seed of the run being recorded (its synthetic source, its simulation).
     * @throws IOException naming the recording, the path and the reason if it is refused (a directory, device or
     *                     FIFO) or the file cannot be created or written.
     */
    public InputRecorder(final Path path, final double tickRateHz, final long seed) throws IOException
    {
        if (!(tickRateHz > 0 && tickRateHz <= ReplayFormat.MAX_TICK_RATE_HZ))
        {
            throw new IllegalArgumentException("tickRateHz must be in (0, " + ReplayFormat.MAX_TICK_RATE_HZ +
                "], was " + tickRateHz);
        }
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN)
        {
            throw new IllegalStateException("input recordings are little-endian and copy records as the ring holds " +
                "them; this platform is big-endian");
        }
        this.path = path;
        file = AtomicFileWriter.open("input recording", path);
        channel = file.channel();
        try
        {
            final ByteBuffer header = ByteBuffer.allocate(ReplayFormat.HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
            header.put(ReplayFormat.MAGIC);
            header.putInt(ReplayFormat.VERSION_OFFSET, ReplayFormat.VERSION);
            header.putInt(ReplayFormat.HEADER_LENGTH_OFFSET, ReplayFormat.HEADER_LENGTH);
            header.putDouble(ReplayFormat.TICK_RATE_OFFSET, tickRateHz);
            header.putLong(ReplayFormat.SEED_OFFSET, seed);
            final CRC32C headerCrc = new CRC32C();
            headerCrc.update(header.array(), 0, ReplayFormat.HEADER_CRC_OFFSET);
            header.putInt(ReplayFormat.HEADER_CRC_OFFSET, (int)headerCrc.getValue());
            header.clear();
            file.write(header);
        }
        catch (final IOException | RuntimeException ex)
        {
            file.close();
            throw ex;
        }
    }

    /** {@inheritDoc} */
    public void beginTick(final long tickIndex)
    {
        this.tickIndex = tickIndex;
    }

    /** Copies the record, with the current tick index, into the block; writes the block first if full. */
    public void onRecord(final int typeId, final DirectBuffer buffer, final int offset, final int length)
    {
        if (closed)
        {
            throw new IllegalStateException("input recorder for " + path + " is closed; detach it from the queue first");
        }
        final int entryLength = ReplayFormat.ENTRY_HEADER_LENGTH + length;
        if (length != InputRecordLayout.lengthOf(typeId))
        {
            throw new IllegalArgumentException("record of type " + typeId + " has length " + length + ", expected " +
                InputRecordLayout.lengthOf(typeId));
        }
        if (blockLength + entryLength > BLOCK_BYTES)
        {
            writeBlock();
        }
        final int at = ReplayFormat.BLOCK_HEADER_LENGTH + blockLength;
        block.putLong(at, tickIndex);
        block.putInt(at + 8, typeId);
        block.putInt(at + 12, length);
        block.putBytes(at + ReplayFormat.ENTRY_HEADER_LENGTH, buffer, offset, length);
        blockLength += entryLength;
        records++;
    }

    /** {@inheritDoc} */
    public void endTick()
    {
    }

    /** @return records recorded so far. */
    public long records()
    {
        return records;
    }

    /** @return the file being written. */
    public Path path()
    {
        return path;
    }

    /**
     * Writes the records held in the current block to the file (not a sync to disk).
     *
     * @throws UncheckedIOException naming the file if the write fails.
     */
    public void flush()
    {
        if (blockLength > 0)
        {
            writeBlock();
        }
    }

    /**
     * Writes what is held, forces the file and moves it into place at {@link #path()}; idempotent. When any of it
     * fails, the temporary file is deleted and nothing new is left at the path.
     *
     * @throws IOException          naming the recording, the path and the reason when the file cannot be completed.
     * @throws UncheckedIOException naming the file when the last block cannot be written.
     */
    public void close() throws IOException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            if (blockLength > 0)
            {
                writeBlock();
            }
            file.commit();
        }
        finally
        {
            file.close();
        }
    }

    private void writeBlock()
    {
        crc.reset();
        blockBytes.limit(ReplayFormat.BLOCK_HEADER_LENGTH + blockLength).position(ReplayFormat.BLOCK_HEADER_LENGTH);
        crc.update(blockBytes);
        block.putInt(0, blockLength);
        block.putInt(4, (int)crc.getValue());
        blockBytes.limit(ReplayFormat.BLOCK_HEADER_LENGTH + blockLength).position(0);
        try
        {
            writeFully(blockBytes);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write input recording " + path + ": " + ex.getMessage(), ex);
        }
        blockBytes.clear();
        blockLength = 0;
    }

    private void writeFully(final ByteBuffer bytes) throws IOException
    {
        while (bytes.hasRemaining())
        {
            channel.write(bytes);
        }
    }
}
