package dev.isochron.demo;

import java.util.Locale;

/**
 * The launcher's one line for a run that ran out of memory: which memory ran out (the Java heap, direct buffer
 * memory, native memory that LWJGL and the GL driver allocate, metaspace, threads) and how to size it, instead of
 * an {@link OutOfMemoryError}'s stack trace. Why it matters: the demo's {@code --count} sizes its scenes' arrays
 * (a chart series keeps {@code --count} floats and a pyramid over them) and its frame sizes native buffers, so a
 * large value on a small heap is an ordinary mistake, not a crash.
 * <p>
 * Thread: the main thread, after the run failed. It allocates a little; by then the failed allocation's memory is
 * unreachable again.
 */
final class OutOfMemoryAdvice
{
    private static final int MAX_CAUSES = 8;
    private static final long MIB = 1024L * 1024L;

    private OutOfMemoryAdvice()
    {
    }

    /** @return the {@link OutOfMemoryError} that {@code failure} is or was caused by (a few causes deep), or null. */
    static OutOfMemoryError find(final Throwable failure)
    {
        Throwable t = failure;
        for (int depth = 0; null != t && depth < MAX_CAUSES; depth++)
        {
            if (t instanceof OutOfMemoryError)
            {
                return (OutOfMemoryError)t;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return null;
    }

    /**
     * @param error    what ran out, by its message: HotSpot's {@code "Java heap space"}, {@code "Direct buffer
     *                 memory"}, {@code "Metaspace"}, {@code "unable to create native thread: ..."}; none from
     *                 LWJGL's {@code memAlloc}, which means native memory.
     * @param settings the run's options, named in the advice.
     * @param maxHeapBytes the heap's limit ({@code Runtime.maxMemory()}).
     * @return one line: what ran out, for which scene and size, and what to change.
     */
    static String line(final OutOfMemoryError error, final DemoSettings settings, final long maxHeapBytes)
    {
        final String message = null == error.getMessage() ? "" : error.getMessage();
        final String lower = message.toLowerCase(Locale.ROOT);
        final String run = "the " + settings.drawnScene().cliName() + " scene with --count " + settings.count() +
            " at " + settings.width() + "x" + settings.height();
        if (lower.contains("java heap") || lower.contains("gc overhead") || lower.contains("requested array size"))
        {
            return "out of Java heap memory (" + message + ", the heap's limit is " + maxHeapBytes / MIB +
                " MiB) running " + run + ": give the JVM a larger heap (java -Xmx4g -jar ...) or lower --count";
        }
        if (lower.contains("direct buffer"))
        {
            return "out of direct buffer memory (off-heap, " + message + ") running " + run + ": raise " +
                "-XX:MaxDirectMemorySize (java -XX:MaxDirectMemorySize=2g -jar ...) or lower --count";
        }
        if (lower.contains("metaspace"))
        {
            return "out of metaspace (" + message + ") running " + run + ": raise -XX:MaxMetaspaceSize";
        }
        if (lower.contains("native thread"))
        {
            return "the system refused a new thread (" + message + ") running " + run + ": lower --workers, or " +
                "raise the process limit (ulimit -u, the container's pids limit)";
        }
        return "out of native (off-heap) memory" + (message.isEmpty() ? "" : " (" + message + ")") + " running " +
            run + ": the machine or container has no memory left for vertex buffers and framebuffers; lower " +
            "--count, --width or --height, or free memory (-Xmx does not help: this memory is outside the heap)";
    }
}
