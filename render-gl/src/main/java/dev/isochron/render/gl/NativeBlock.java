package dev.isochron.render.gl;

import dev.isochron.engine.checked.GuardBand;
import dev.isochron.engine.checked.GuardedRegion;
import org.lwjgl.system.MemoryUtil;

/**
 * One block of off-heap memory from LWJGL's allocator ({@code nmemAlloc}/{@code nmemAlignedAlloc}, so LWJGL's debug
 * allocator tracks it), with a {@link GuardBand} on each side in checking mode: the memory Isochron's frame path
 * writes (staging and index memory, uniform scratch, read-back pixels) is made of these, so that a write past a
 * block's end is found by {@link #verify()} at the end of the frame, or by {@link #free()}, naming the block.
 * <p>
 * Threading: the owner's thread. Allocation: {@link #verify()} allocates nothing unless it fails; the block itself
 * is made at start-up (it allocates native memory and, checked, one small object).
 */
public final class NativeBlock
{
    private final long allocation;
    private final long address;
    private final long bytes;
    private final boolean aligned;
    private final GuardedRegion guards;
    private boolean freed;

    private NativeBlock(
        final long allocation, final long address, final long bytes, final boolean aligned, final GuardedRegion guards)
    {
        this.allocation = allocation;
        this.address = address;
        this.bytes = bytes;
        this.aligned = aligned;
        this.guards = guards;
    }

    /**
     * Allocates {@code bytes} bytes (zeroed when asked), aligned to {@code alignment}, with guard bands around them when
     * {@code checked}.
     *
     * @param name      names the block in failures, e.g. {@code "StreamingVertexBuffer 'batch' staging memory"}.
     * @param bytes     at least 1.
     * @param alignment 16 or 64 (a cache line); a guard band keeps the block's alignment.
     * @param zeroed    whether the block starts zeroed.
     * @param checked   whether guard bands surround it.
     * @throws OutOfMemoryError naming the block and its size when the allocator has no memory.
     */
    public static NativeBlock allocate(
        final String name, final long bytes, final int alignment, final boolean zeroed, final boolean checked)
    {
        if (bytes < 1 || (alignment != 16 && alignment != 64))
        {
            throw Messages.badBlock(name, bytes, alignment);
        }
        final long total = checked ? GuardedRegion.allocationBytes(bytes) : bytes;
        final boolean aligned = alignment > 16;
        final long allocation = aligned ? MemoryUtil.nmemAlignedAlloc(alignment, total) : MemoryUtil.nmemAlloc(total);
        if (0L == allocation)
        {
            throw Messages.outOfMemory(name, total);
        }
        final GuardedRegion guards = checked ? new GuardedRegion(name, allocation, bytes) : null;
        final long address = checked ? guards.address() : allocation;
        if (zeroed)
        {
            MemoryUtil.memSet(address, 0, bytes);
        }
        return new NativeBlock(allocation, address, bytes, aligned, guards);
    }

    /** @return where the block starts. */
    public long address()
    {
        return address;
    }

    /** @return the block's length. */
    public long bytes()
    {
        return bytes;
    }

    /** @return whether guard bands surround the block. */
    public boolean isChecked()
    {
        return null != guards;
    }

    /**
     * Verifies the guard bands; nothing when unchecked or freed. Allocation-free.
     *
     * @throws dev.isochron.engine.checked.GuardBandException naming the block, the offset and the bytes found.
     */
    public void verify()
    {
        if (null != guards && !freed)
        {
            guards.verify();
        }
    }

    /**
     * Verifies the guard bands (checking mode), then frees the memory, even when they were found overwritten.
     * Idempotent.
     *
     * @throws dev.isochron.engine.checked.GuardBandException naming the block, the offset and the bytes found.
     */
    public void free()
    {
        if (freed)
        {
            return;
        }
        try
        {
            verify();
        }
        finally
        {
            freed = true;
            if (aligned)
            {
                MemoryUtil.nmemAlignedFree(allocation);
            }
            else
            {
                MemoryUtil.nmemFree(allocation);
            }
        }
    }

    /** For humans; not for the frame path. */
    public String toString()
    {
        return Messages.describe(this);
    }

    /** The messages, in a class of their own so that NativeBlock, verified every frame, holds no String constant. */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badBlock(final String name, final long bytes, final int alignment)
        {
            return new IllegalArgumentException("native block '" + name + "' needs bytes >= 1 and an alignment of " +
                "16 or 64, was " + bytes + " and " + alignment);
        }

        static OutOfMemoryError outOfMemory(final String name, final long bytes)
        {
            return new OutOfMemoryError("cannot allocate " + bytes + " bytes of native memory for " + name);
        }

        static String describe(final NativeBlock block)
        {
            return "NativeBlock{" + block.bytes + " bytes at 0x" + Long.toHexString(block.address) +
                (null != block.guards ? ", guarded" : "") + (block.freed ? ", freed" : "") + '}';
        }
    }
}
