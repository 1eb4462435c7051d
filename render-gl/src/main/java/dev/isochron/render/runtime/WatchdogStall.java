package dev.isochron.render.runtime;

import java.util.Arrays;
import java.util.List;

/**
 * One stall the runtime's stall watchdog detected: which engine thread had been inside one tick or frame for
 * longer than {@link RuntimeConfig#stallWatchdog(java.time.Duration)}, for how long when it was seen, and the top
 * of its stack at that moment (taken on the watchdog's monitor thread). Immutable; made on the monitor thread,
 * never on the frame path.
 */
public final class WatchdogStall
{
    /** The most stack frames kept per stall (the top of the stack: where the thread was stuck). */
    public static final int MAX_TOP_FRAMES = 16;

    private final String threadName;
    private final long stalledNs;
    private final long stallCount;
    private final List<StackTraceElement> topFrames;

    WatchdogStall(final String threadName, final long stalledNs, final long stallCount, final StackTraceElement[] stack)
    {
        this.threadName = threadName;
        this.stalledNs = stalledNs;
        this.stallCount = stallCount;
        this.topFrames = List.of(Arrays.copyOf(stack, Math.min(stack.length, MAX_TOP_FRAMES)));
    }

    /** @return the stalled thread's name ({@code isochron-simulation}, {@code isochron-render}, ...). */
    public String threadName()
    {
        return threadName;
    }

    /** @return how long the thread had been inside the unit of work when the watchdog saw it, ns. */
    public long stalledNs()
    {
        return stalledNs;
    }

    /** @return stalls of this thread so far, this one included. */
    public long stallCount()
    {
        return stallCount;
    }

    /** @return up to {@value #MAX_TOP_FRAMES} frames from the top of the thread's stack; unmodifiable. */
    public List<StackTraceElement> topFrames()
    {
        return topFrames;
    }

    /** @return whether a frame of the top frames is in {@code className}.{@code methodName}. */
    public boolean stackContains(final String className, final String methodName)
    {
        for (int i = 0; i < topFrames.size(); i++)
        {
            final StackTraceElement frame = topFrames.get(i);
            if (frame.getClassName().equals(className) && frame.getMethodName().equals(methodName))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "WatchdogStall{thread='" + threadName + "', stalledMs=" + stalledNs / 1_000_000L + ", stallCount=" +
            stallCount + ", top=" + (topFrames.isEmpty() ? "(no stack)" : topFrames.get(0).toString()) + '}';
    }
}
