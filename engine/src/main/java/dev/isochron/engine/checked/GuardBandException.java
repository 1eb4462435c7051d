package dev.isochron.engine.checked;

import org.agrona.UnsafeApi;

/**
 * A guard band was found overwritten: something wrote past the end (or before the start) of a block of off-heap
 * memory. The message names the memory, the block's address and length, the offset of the first overwritten byte
 * from the block's start (negative before it) and up to {@link GuardBand#QUOTED_BYTES} bytes found from there.
 */
public final class GuardBandException extends IllegalStateException
{
    private static final long serialVersionUID = 1L;

    private final String memoryName;
    private final long offset;
    private final byte[] found;

    private GuardBandException(final String message, final String memoryName, final long offset, final byte[] found)
    {
        super(message);
        this.memoryName = memoryName;
        this.offset = offset;
        this.found = found;
    }

    /** @return the name of the overwritten block. */
    public String memoryName()
    {
        return memoryName;
    }

    /** @return the first overwritten byte's offset from the block's start: >= its length after it, < 0 before it. */
    public long offset()
    {
        return offset;
    }

    /** @return a copy of the bytes found from the first overwritten one (to the band's end, at most 16). */
    public byte[] found()
    {
        return found.clone();
    }

    static GuardBandException overwritten(
        final String memoryName, final long blockAddress, final long blockBytes, final long bandAddress,
        final int bandBytes, final int wrongIndex)
    {
        final long at = bandAddress + wrongIndex;
        final int quoted = Math.min(GuardBand.QUOTED_BYTES, bandBytes - wrongIndex);
        final byte[] found = new byte[quoted];
        for (int i = 0; i < quoted; i++)
        {
            found[i] = UnsafeApi.getByte(at + i);
        }
        final long offset = at - blockAddress;
        final String where = offset >= blockBytes ?
            (offset - blockBytes) + " bytes past its end" : (-offset) + " bytes before its start";
        final String message = "checked mode: the guard band of " + memoryName + " (" + blockBytes + " bytes at 0x" +
            Long.toHexString(blockAddress) + ") was overwritten: offset " + offset + " (" + where + ") holds " +
            hex(found) + "; every guard byte should be fd. Something wrote outside this memory: the last writer " +
            "before this check is the suspect";
        return new GuardBandException(message, memoryName, offset, found);
    }

    static String hex(final byte[] bytes)
    {
        final StringBuilder text = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++)
        {
            if (i > 0)
            {
                text.append(' ');
            }
            text.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
        }
        return text.toString();
    }
}
