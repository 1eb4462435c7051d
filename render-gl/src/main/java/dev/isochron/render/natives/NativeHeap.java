package dev.isochron.render.natives;

import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.system.Platform;
import org.lwjgl.system.linux.DynamicLinkLoader;

/**
 * Keeps memory the C heap frees instead of returning it to the kernel at once (glibc only).
 * <p>
 * Why: Mesa's llvmpipe allocates and frees its per-draw vertex scratch on the render thread every frame. glibc gives
 * the top of a thread's heap back to the kernel as soon as more than 128 KiB of it is free ({@code M_TRIM_THRESHOLD}),
 * so that thread's heap shrank and grew again each frame and every growth page-faulted: measured on 2 cores under
 * Xvfb, 2,000 sprites, the draws' submission took 4–5 ms a frame, 0.7–1.2 ms with the memory kept (docs/perf.md,
 * "The windowed path"). {@link #retain()} raises the trim threshold and the top pad with {@code mallopt}, for the
 * whole process: freed memory up to {@link #TRIM_THRESHOLD_BYTES} at a heap's top stays resident, and a heap grows by
 * at least {@link #TOP_PAD_BYTES} at a time (reserved, resident only once touched). The cost is resident memory that
 * the process used once and may use again.
 * <p>
 * Threads: any; start-up only (the runtime calls it while it loads its native libraries). Does nothing where the C
 * library is not glibc.
 */
public final class NativeHeap
{
    /** Free memory at a heap's top kept rather than returned to the kernel. */
    public static final int TRIM_THRESHOLD_BYTES = 128 << 20;
    /** The least a heap grows by. */
    public static final int TOP_PAD_BYTES = 16 << 20;

    /** glibc's {@code mallopt} parameters. */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;

    private static boolean retained;

    private NativeHeap()
    {
    }

    /**
     * Sets glibc's trim threshold and top pad, once per process.
     *
     * @return whether the C library took both settings (false where it is not glibc).
     */
    public static boolean retain()
    {
        return NativeLoading.call(NativeHeap::retainLocked);
    }

    /** @return whether {@link #retain()} took effect in this process. */
    public static boolean isRetained()
    {
        return NativeLoading.call(() -> retained);
    }

    private static boolean retainLocked()
    {
        if (retained)
        {
            return true;
        }
        if (Platform.LINUX != Platform.get())
        {
            return false;
        }
        NativeLoading.preload(NativeLibrary.LWJGL);
        // only glibc has gnu_get_libc_version; its mallopt takes the parameters below
        if (0L == globalSymbol("gnu_get_libc_version"))
        {
            return false;
        }
        final long mallopt = globalSymbol("mallopt");
        if (0L == mallopt)
        {
            return false;
        }
        retained = 1 == JNI.invokeI(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES, mallopt) &&
            1 == JNI.invokeI(M_TOP_PAD, TOP_PAD_BYTES, mallopt);
        return retained;
    }

    /** @return {@code name}'s address in the global scope ({@code RTLD_DEFAULT}, 0 on glibc), or 0. */
    private static long globalSymbol(final String name)
    {
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            return DynamicLinkLoader.ndlsym(0L, MemoryUtil.memAddress(stack.ASCII(name)));
        }
    }
}
