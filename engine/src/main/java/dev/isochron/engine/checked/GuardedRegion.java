package dev.isochron.engine.checked;

/**
 * One block of off-heap memory with a {@link GuardBand} on each side: the owner allocates
 * {@link #allocationBytes(long)} bytes, makes the region over them (which fills both bands) and hands out
 * {@link #address()}; {@link #verify()} then finds any write that left the block, before the memory is freed or at
 * the end of each frame.
 * <p>
 * Layout: {@code [band of GuardBand.BYTES][block of bytes][band of GuardBand.BYTES]}; the block starts 64 bytes into
 * the allocation, so an allocation aligned to 64 gives a block aligned to 64.
 * <p>
 * Threading: the owner's thread. Allocation: {@link #verify()} allocates nothing unless it fails; the region itself
 * is made once, with the memory.
 */
public final class GuardedRegion
{
    private final String memoryName;
    private final long allocation;
    private final long address;
    private final long bytes;

    /**
     * Fills both bands of an allocation of {@link #allocationBytes(long) allocationBytes(bytes)} bytes.
     *
     * @param memoryName names the block in failures.
     * @param allocation the start of the allocation (not of the block).
     * @param bytes      the block's length, >= 0.
     */
    public GuardedRegion(final String memoryName, final long allocation, final long bytes)
    {
        if (0L == allocation || bytes < 0)
        {
            throw Messages.badRegion(memoryName, allocation, bytes);
        }
        this.memoryName = memoryName;
        this.allocation = allocation;
        this.address = allocation + GuardBand.BYTES;
        this.bytes = bytes;
        GuardBand.fill(allocation, GuardBand.BYTES);
        GuardBand.fill(address + bytes, GuardBand.BYTES);
    }

    /** @return bytes to allocate for a block of {@code bytes}: the block and a band on each side. */
    public static long allocationBytes(final long bytes)
    {
        return bytes + 2L * GuardBand.BYTES;
    }

    /** @return where the block starts: hand this out, not the allocation. */
    public long address()
    {
        return address;
    }

    /** @return the start of the allocation: free this. */
    public long allocation()
    {
        return allocation;
    }

    /** @return the block's length. */
    public long bytes()
    {
        return bytes;
    }

    /** @return the name failures give the block. */
    public String memoryName()
    {
        return memoryName;
    }

    /**
     * Verifies both bands. Allocation-free while they are intact.
     *
     * @throws GuardBandException naming the block, the offset of the first overwritten byte and the bytes found.
     */
    public void verify()
    {
        GuardBand.verify(memoryName, address, bytes, allocation, GuardBand.BYTES);
        GuardBand.verify(memoryName, address, bytes, address + bytes, GuardBand.BYTES);
    }

    /** For humans; not for the frame path. */
    public String toString()
    {
        return Messages.describe(memoryName, address, bytes);
    }

    /** The messages, in a class of their own so that GuardedRegion, verified every frame, holds no String. */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badRegion(final String memoryName, final long allocation, final long bytes)
        {
            return new IllegalArgumentException("guarded region '" + memoryName + "' needs an allocation and bytes " +
                ">= 0, was 0x" + Long.toHexString(allocation) + " and " + bytes);
        }

        static String describe(final String memoryName, final long address, final long bytes)
        {
            return "GuardedRegion{" + memoryName + ", " + bytes + " bytes at 0x" + Long.toHexString(address) +
                ", bands of " + GuardBand.BYTES + '}';
        }
    }
}
