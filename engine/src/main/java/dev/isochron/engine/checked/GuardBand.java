package dev.isochron.engine.checked;

import org.agrona.UnsafeApi;

/**
 * Guard bytes: a band of memory next to a block that nothing may write, filled with {@link #PATTERN_BYTE} and
 * verified later, so that a write that ran past the block's end (or before its start) is found, with the offset and
 * the bytes it left, instead of corrupting whatever lies next to the block.
 * <p>
 * Bands are {@link #BYTES} long unless the owner needs another multiple of 8 (the persistent-mapped vertex ring uses
 * {@code 320}, a whole number of 64-byte lines and of 80-byte quads). A write of exactly the pattern byte is not
 * seen; a float, an index or a pointer practically never is.
 * <p>
 * Threading: the thread that owns the memory. Allocation: {@link #fill} and {@link #verify} allocate nothing unless
 * the band is found overwritten (the exception and its message).
 */
public final class GuardBand
{
    /** Bytes of one band on each side of a block: a cache line, so the block keeps its 64-byte alignment. */
    public static final int BYTES = 64;
    /** The byte every guard byte holds: {@code 0xFD}, as in MSVC's debug heap ("no man's land"). */
    public static final byte PATTERN_BYTE = (byte)0xFD;
    /** Eight pattern bytes, compared a word at a time. */
    public static final long PATTERN = 0xFDFD_FDFD_FDFD_FDFDL;
    /** Most bytes a failure quotes, from the first wrong one. */
    public static final int QUOTED_BYTES = 16;

    private GuardBand()
    {
    }

    /**
     * Fills {@code bytes} bytes at {@code address} with the pattern. Allocation-free.
     *
     * @param bytes a multiple of 8.
     */
    public static void fill(final long address, final int bytes)
    {
        UnsafeApi.setMemory(address, bytes, PATTERN_BYTE);
    }

    /**
     * @return the index of the first byte of the band at {@code address} that is not the pattern, or -1 when the
     *         whole band holds it. Allocation-free.
     */
    public static int firstOverwritten(final long address, final int bytes)
    {
        for (int i = 0; i < bytes; i += 8)
        {
            if (UnsafeApi.getLong(address + i) != PATTERN)
            {
                for (int b = i; b < i + 8; b++)
                {
                    if (UnsafeApi.getByte(address + b) != PATTERN_BYTE)
                    {
                        return b;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * Verifies one band of a block. Allocation-free while the band is intact.
     *
     * @param memoryName   names the block in the failure ("StreamingVertexBuffer 'batch quad vertices' staging
     *                     memory").
     * @param blockAddress where the block the band guards starts.
     * @param blockBytes   the block's length.
     * @param bandAddress  where the band starts (before the block, or at or after its end).
     * @param bandBytes    the band's length, a multiple of 8.
     * @throws GuardBandException naming the memory, the offset of the first overwritten byte from the block's start
     *                            (negative before it) and the bytes found from there.
     */
    public static void verify(
        final String memoryName, final long blockAddress, final long blockBytes, final long bandAddress,
        final int bandBytes)
    {
        final int wrong = firstOverwritten(bandAddress, bandBytes);
        if (wrong >= 0)
        {
            throw GuardBandException.overwritten(memoryName, blockAddress, blockBytes, bandAddress, bandBytes, wrong);
        }
    }
}
