package dev.isochron.render.natives;

import dev.isochron.engine.checked.CheckedMode;
import org.lwjgl.system.Checks;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.MemoryUtil;

/**
 * Checking mode's LWJGL part: LWJGL's debug allocator ({@link Configuration#DEBUG_MEMORY_ALLOCATOR}), which tracks every
 * allocation of {@code MemoryUtil} with its stack and, at JVM exit, prints each one never freed ("[LWJGL] N bytes
 * leaked, thread ..., address ..." and the stack), and LWJGL's debug mode ({@link Configuration#DEBUG}: its own extra
 * checks and diagnostics on standard error).
 * <p>
 * Both are read once, when LWJGL's {@code MemoryUtil} and {@code Checks} classes initialise, so {@link #enable()} must
 * run before anything uses LWJGL: {@code Isochron.run} calls it first thing when checking mode is on, and the demo
 * launcher right after parsing {@code --checked}. Called too late it says so once on standard error and checking mode
 * runs without them (pass {@code -Dorg.lwjgl.util.DebugAllocator=true -Dorg.lwjgl.util.Debug=true} to the JVM, as
 * {@code .ci/checked-run} does, to have them whatever runs first).
 * <p>
 * Thread: any, at start-up; never the frame path.
 */
public final class NativeChecks
{
    private static boolean enabled;
    private static boolean debugAllocator;

    private NativeChecks()
    {
    }

    /**
     * Switches LWJGL's debug allocator and debug mode on, once per process; later calls only answer.
     *
     * @return whether LWJGL's debug allocator tracks {@code MemoryUtil}'s allocations (false when {@code MemoryUtil}
     *         had initialised before the first call).
     */
    public static synchronized boolean enable()
    {
        if (enabled)
        {
            return debugAllocator;
        }
        enabled = true;
        Configuration.DEBUG_MEMORY_ALLOCATOR.set(Boolean.TRUE);
        Configuration.DEBUG.set(Boolean.TRUE);
        // MemoryUtil's initialiser loads LWJGL's library: under the native-loading lock
        debugAllocator = NativeLoading.call(() -> MemoryUtil.getAllocator(true) != MemoryUtil.getAllocator(false));
        if (!debugAllocator || !Checks.DEBUG)
        {
            Messages.tooLate(debugAllocator, Checks.DEBUG);
        }
        return debugAllocator;
    }

    /** As {@link #enable()} when {@link CheckedMode#ENABLED}; nothing otherwise. */
    public static void enableWhenChecked()
    {
        if (CheckedMode.ENABLED)
        {
            enable();
        }
    }

    /** @return whether {@link #enable()} put LWJGL's debug allocator in place. */
    public static synchronized boolean debugAllocator()
    {
        return debugAllocator;
    }

    /** The message, in a class of its own (start-up only, but kept with the rest of Isochron's habit). */
    private static final class Messages
    {
        private Messages()
        {
        }

        static void tooLate(final boolean debugAllocator, final boolean debug)
        {
            System.err.println("[isochron checked] LWJGL was initialised before checking mode could switch on " +
                (debugAllocator ? "" : "its debug allocator (no leak report at exit)") +
                (!debugAllocator && !debug ? " and " : "") + (debug ? "" : "its debug mode") +
                ": pass -Dorg.lwjgl.util.DebugAllocator=true -Dorg.lwjgl.util.Debug=true to the JVM");
        }
    }
}
