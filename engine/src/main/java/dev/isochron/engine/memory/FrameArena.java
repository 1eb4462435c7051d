package dev.isochron.engine.memory;

import dev.isochron.engine.checked.CheckedMode;
import dev.isochron.engine.checked.GuardBand;
import dev.isochron.engine.checked.GuardedRegion;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * A bump allocator over one block of preallocated, off-heap memory, for data that lives for one frame or
 * one tick (vertex scratch, per-frame text, temporary arrays of structs).
 * <p>
 * {@link #allocate(int, int)} moves a cursor forward and returns the offset of the block inside
 * {@link #buffer()}; {@link #reset()} moves the cursor back to zero, making every earlier block invalid at
 * once. The memory is a direct buffer aligned to {@link #MAX_ALIGNMENT} bytes, so an offset aligned to
 * {@code n} is also an address aligned to {@code n} ({@link #address(int)}), which is what native APIs
 * (LWJGL {@code n...} calls) want. Overflow is a bug in the arena's sizing, never an expected outcome, so it
 * throws, naming the arena and the sizes; {@link #highWaterMarkBytes()} tells how large the arena must be.
 * <p>
 * Threading: one owner thread. Allocation: {@code allocate}, {@code reset} and the typed helpers are
 * allocation-free. Lifetime: the memory is held until {@link #close()}, which frees it deterministically; after it
 * {@link #buffer()}, {@link #address(int)} and the {@code allocate} calls throw {@link IllegalStateException} ("used
 * after close()"). Its messages live in a nested class, so that the first C2 compile of a per-frame method resolves
 * no String literal on the owner thread.
 * <p>
 * Checking mode ({@link CheckedMode}, or the constructor's flag): a {@link GuardBand} lies on each side of the
 * arena's memory and is verified at every {@link #reset()} and at {@link #close()}, so a write through
 * {@link #address(int)} that ran past the arena's end (or before its start) fails naming the arena, the offset and
 * the bytes found. Writes through {@link #buffer()} are bounds-checked by Agrona either way. A block that overflows
 * into the next block of the same arena is not found.
 */
public final class FrameArena implements AutoCloseable
{
    /** The largest capacity one arena may have (1 GiB). */
    public static final int MAX_CAPACITY_BYTES = 1 << 30;

    /** The largest alignment {@link #allocate(int, int)} accepts, and the alignment of the memory itself. */
    public static final int MAX_ALIGNMENT = 4096;

    /** The alignment of {@link #allocate(int)}: enough for any Java primitive. */
    public static final int DEFAULT_ALIGNMENT = 8;

    private final String name;
    private final int capacityBytes;
    private final UnsafeBuffer buffer;
    private final GuardedRegion guards;
    private ByteBuffer byteBuffer;
    private int position;
    private int highWaterMarkBytes;
    private long resetCount;

    /**
     * Reserves the arena's memory now (start-up), not in the frame.
     *
     * @param name          names the arena in error messages and reports.
     * @param capacityBytes size of the arena, in [1, {@link #MAX_CAPACITY_BYTES}].
     * @throws IllegalArgumentException naming {@code capacityBytes} and its range when out of range.
     */
    public FrameArena(final String name, final int capacityBytes)
    {
        this(name, capacityBytes, CheckedMode.ENABLED);
    }

    /**
     * As {@link #FrameArena(String, int)}; {@code checked} puts guard bands around the memory (see the class comment),
     * whatever {@link CheckedMode#ENABLED} says.
     */
    public FrameArena(final String name, final int capacityBytes, final boolean checked)
    {
        if (null == name || name.isEmpty())
        {
            throw Messages.badName(name);
        }
        if (capacityBytes < 1 || capacityBytes > MAX_CAPACITY_BYTES)
        {
            throw Messages.badCapacity(name, capacityBytes);
        }
        this.name = name;
        this.capacityBytes = capacityBytes;
        // Over-allocate by one alignment unit and start at the first aligned address; keep the original
        // buffer (not a slice), because only it can be freed deterministically in close().
        // checked: room for a guard band on each side of the aligned memory
        final int bands = checked ? 2 * GuardBand.BYTES : 0;
        this.byteBuffer = ByteBuffer.allocateDirect(capacityBytes + MAX_ALIGNMENT + bands);
        final long baseAddress = BufferUtil.address(byteBuffer) + bands / 2;
        final long alignedAddress = (baseAddress + MAX_ALIGNMENT - 1) & -MAX_ALIGNMENT;
        this.buffer = new UnsafeBuffer(alignedAddress, capacityBytes);
        this.guards = checked ?
            new GuardedRegion(Messages.memoryName(name), alignedAddress - GuardBand.BYTES, capacityBytes) : null;
    }

    /** @return the arena's name. */
    public String name()
    {
        return name;
    }

    /** @return the arena's size in bytes. */
    public int capacityBytes()
    {
        return capacityBytes;
    }

    /**
     * The arena's memory; blocks from {@link #allocate(int, int)} are offsets into it. Valid until {@link #close()}.
     *
     * @return the buffer over the whole arena.
     * @throws IllegalStateException after {@link #close()}.
     */
    public UnsafeBuffer buffer()
    {
        if (null == byteBuffer)
        {
            throw Messages.usedAfterClose(name);
        }
        return buffer;
    }

    /**
     * Carves {@code bytes} out of the arena, aligned to {@code alignment}; allocation-free.
     *
     * @param bytes     size of the block, {@code >= 0}.
     * @param alignment a power of two in [1, {@link #MAX_ALIGNMENT}].
     * @return the block's offset in {@link #buffer()}, a multiple of {@code alignment}.
     * @throws IllegalStateException    when the arena cannot hold the block (names the arena, the bytes
     *                                  requested and the bytes remaining), or is closed.
     * @throws IllegalArgumentException when {@code bytes} is negative or {@code alignment} is not a power of two
     *                                  in range.
     */
    public int allocate(final int bytes, final int alignment)
    {
        if (null == byteBuffer)
        {
            throw Messages.usedAfterClose(name);
        }
        if (bytes < 0)
        {
            throw Messages.negativeBytes(name, bytes);
        }
        if (alignment < 1 || alignment > MAX_ALIGNMENT || (alignment & (alignment - 1)) != 0)
        {
            throw Messages.badAlignment(name, alignment);
        }
        final long offset = ((long)position + alignment - 1) & -alignment;
        final long end = offset + bytes;
        if (end > capacityBytes)
        {
            throw Messages.overflow(name, bytes, alignment, remainingBytes(), capacityBytes, highWaterMarkBytes);
        }
        position = (int)end;
        if (position > highWaterMarkBytes)
        {
            highWaterMarkBytes = position;
        }
        return (int)offset;
    }

    /**
     * Carves {@code bytes} out of the arena aligned to {@link #DEFAULT_ALIGNMENT}; allocation-free.
     *
     * @param bytes size of the block, {@code >= 0}.
     * @return the block's offset in {@link #buffer()}.
     * @see #allocate(int, int)
     */
    public int allocate(final int bytes)
    {
        return allocate(bytes, DEFAULT_ALIGNMENT);
    }

    /**
     * Room for {@code count} floats (4-byte aligned); write them with {@code buffer().putFloat(offset + 4 * i, v)}.
     *
     * @param count number of floats, {@code >= 0}.
     * @return the block's offset in {@link #buffer()}.
     */
    public int allocateFloats(final int count)
    {
        return allocate(checkedBytes(count, Float.BYTES), Float.BYTES);
    }

    /**
     * Room for {@code count} ints (4-byte aligned).
     *
     * @param count number of ints, {@code >= 0}.
     * @return the block's offset in {@link #buffer()}.
     */
    public int allocateInts(final int count)
    {
        return allocate(checkedBytes(count, Integer.BYTES), Integer.BYTES);
    }

    /**
     * Room for {@code count} longs (8-byte aligned).
     *
     * @param count number of longs, {@code >= 0}.
     * @return the block's offset in {@link #buffer()}.
     */
    public int allocateLongs(final int count)
    {
        return allocate(checkedBytes(count, Long.BYTES), Long.BYTES);
    }

    /**
     * The native address of an offset in the arena, for LWJGL's {@code n...} calls and {@code MemoryUtil}.
     *
     * @param offset an offset returned by an {@code allocate} call since the last {@link #reset()}.
     * @return {@code buffer().addressOffset() + offset}.
     */
    public long address(final int offset)
    {
        if (null == byteBuffer)
        {
            throw Messages.usedAfterClose(name);
        }
        return buffer.addressOffset() + offset;
    }

    /**
     * Frees every block at once; the next frame starts from offset zero. Allocation-free. In checking mode it first
     * verifies the guard bands.
     *
     * @throws dev.isochron.engine.checked.GuardBandException in checking mode, when something wrote outside the arena.
     */
    public void reset()
    {
        if (null != guards)
        {
            guards.verify();
        }
        position = 0;
        resetCount++;
    }

    /** @return bytes handed out since the last reset, alignment padding included. */
    public int usedBytes()
    {
        return position;
    }

    /** @return bytes still available (before the alignment of the next request). */
    public int remainingBytes()
    {
        return capacityBytes - position;
    }

    /** @return the most bytes in use at once since construction: size the arena from it. */
    public int highWaterMarkBytes()
    {
        return highWaterMarkBytes;
    }

    /** @return how many times {@link #reset()} was called (frames, when reset once a frame). */
    public long resetCount()
    {
        return resetCount;
    }

    /** @return whether {@link #close()} has freed the memory. */
    public boolean isClosed()
    {
        return null == byteBuffer;
    }

    /** @return whether guard bands surround the memory (checking mode). */
    public boolean isChecked()
    {
        return null != guards;
    }

    /**
     * Verifies the guard bands now; nothing without checking mode. Allocation-free.
     *
     * @throws dev.isochron.engine.checked.GuardBandException when something wrote outside the arena.
     */
    public void verifyGuards()
    {
        if (null != guards && null != byteBuffer)
        {
            guards.verify();
        }
    }

    /**
     * Frees the memory now. The arena and every offset it gave out are unusable afterwards. Idempotent. In checking
     * mode the guard bands are verified first; the memory is freed even when they are found overwritten.
     *
     * @throws dev.isochron.engine.checked.GuardBandException in checking mode, when something wrote outside the arena.
     */
    public void close()
    {
        if (null != byteBuffer)
        {
            try
            {
                verifyGuards();
            }
            finally
            {
                release();
            }
        }
    }

    private void release()
    {
        buffer.wrap(new byte[0]);
        BufferUtil.free(byteBuffer);
        byteBuffer = null;
        position = 0;
    }

    /** For humans; not for the frame path. */
    public String toString()
    {
        return Messages.describe(name, capacityBytes, position, highWaterMarkBytes);
    }

    private int checkedBytes(final int count, final int elementBytes)
    {
        if (count < 0)
        {
            throw Messages.negativeCount(name, count);
        }
        final long bytes = (long)count * elementBytes;
        return bytes > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int)bytes;
    }

    /**
     * The messages and the description, in a class of their own so that FrameArena holds no String constant: the
     * first C2 compile of {@link #allocate(int, int)}, called every frame, would otherwise resolve them on the owner
     * thread mid-run (see {@code ClassConstants} in the test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badName(final String name)
        {
            return new IllegalArgumentException("arena name must be a non-empty string, was " +
                (null == name ? "null" : "\"\""));
        }

        static IllegalArgumentException badCapacity(final String name, final int capacityBytes)
        {
            return new IllegalArgumentException("frame arena '" + name + "': capacityBytes must be in [1, " +
                MAX_CAPACITY_BYTES + "], was " + capacityBytes);
        }

        static IllegalArgumentException negativeBytes(final String name, final int bytes)
        {
            return new IllegalArgumentException("frame arena '" + name + "': bytes must be >= 0, was " + bytes);
        }

        static IllegalArgumentException badAlignment(final String name, final int alignment)
        {
            return new IllegalArgumentException("frame arena '" + name + "': alignment must be a power of two in " +
                "[1, " + MAX_ALIGNMENT + "], was " + alignment);
        }

        static IllegalStateException overflow(final String name, final int bytes, final int alignment,
            final int remainingBytes, final int capacityBytes, final int highWaterMarkBytes)
        {
            return new IllegalStateException("frame arena '" + name + "' overflow: requested " + bytes +
                " bytes (alignment " + alignment + "), remaining " + remainingBytes + " of " + capacityBytes +
                " bytes; make the arena larger (high-water mark so far " + highWaterMarkBytes + " bytes)");
        }

        static IllegalArgumentException negativeCount(final String name, final int count)
        {
            return new IllegalArgumentException("frame arena '" + name + "': count must be >= 0, was " + count);
        }

        static String memoryName(final String name)
        {
            return "FrameArena '" + name + "'";
        }

        static IllegalStateException usedAfterClose(final String name)
        {
            return new IllegalStateException("FrameArena '" + name + "' used after close(): its memory was freed");
        }

        static String describe(final String name, final int capacityBytes, final int usedBytes,
            final int highWaterMarkBytes)
        {
            return "FrameArena{name='" + name + "', capacityBytes=" + capacityBytes + ", usedBytes=" + usedBytes +
                ", highWaterMarkBytes=" + highWaterMarkBytes + '}';
        }
    }
}
