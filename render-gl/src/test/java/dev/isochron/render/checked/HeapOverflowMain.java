package dev.isochron.render.checked;

import org.lwjgl.system.MemoryUtil;

/**
 * A child JVM for {@link CheckedRunScriptTest}: allocates 16 bytes with LWJGL's {@code MemoryUtil} (glibc's
 * {@code malloc} underneath: no jemalloc on the class path), writes the 17th, frees them, and says so. glibc's usual
 * allocator does not notice (a 16-byte request gets 24 usable bytes); under {@code .ci/checked-run} the checking
 * allocator finds its magic byte overwritten at the {@code free} and aborts the process.
 */
public final class HeapOverflowMain
{
    /** What the child prints when it got past the free. */
    static final String SURVIVED = "freed the overflowed block without complaint";
    /** The bytes asked for. */
    static final int BYTES = 16;

    private HeapOverflowMain()
    {
    }

    public static void main(final String[] args)
    {
        final long block = MemoryUtil.nmemAlloc(BYTES);
        for (int i = 0; i <= BYTES; i++)
        {
            MemoryUtil.memPutByte(block + i, (byte)i);
        }
        MemoryUtil.nmemFree(block);
        System.out.println(SURVIVED);
    }
}
