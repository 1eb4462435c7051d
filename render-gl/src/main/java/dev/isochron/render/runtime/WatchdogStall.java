package dev.isochron.render.runtime;

import java.util.Arrays;
import java.util.List;

/**
 * One stall the runtime's stall watchdog detected: which engine thread had been inside one tick or frame for
 * longer than {@link RuntimeConfig#stallWatchdog(java.time.Duration)} (or, during start-up, longer than
 * {@link RuntimeConfig#stallWatchdogStartUp}'s budget), for how long when it was seen, in which kind of work
 * ({@link #phase()}), and the top of its stack at that moment (taken on the watchdog's monitor thread). Immutable;
 * made on the monitor thread, never on the frame path.
 * <p>
 * {@link #summary()} is the one line the default reporter prints: thread, phase, duration and the top Isochron or
 * application frame ({@link #codeFrame()}), where a person looks first; the whole stack only when asked for
 * ({@link RuntimeConfig#stallStacks(boolean)}).
 */
public final class WatchdogStall
{
    /** The most stack frames kept per stall (the top of the stack: where the thread was stuck). */
    public static final int MAX_TOP_FRAMES = 16;

    /** Frames of these packages are the JDK's or a library's: {@link #codeFrame()} looks past them. */
    private static final String[] LIBRARY_PACKAGES = {
        "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.lwjgl.", "org.agrona.", "org.HdrHistogram.", "org.joml."};

    private final String threadName;
    private final long stalledNs;
    private final long stallCount;
    private final boolean startUp;
    private final String phase;
    private final StackTraceElement codeFrame;
    private final List<StackTraceElement> topFrames;

    WatchdogStall(
        final String threadName, final long stalledNs, final long stallCount, final StackTraceElement[] stack,
        final boolean startUp)
    {
        this.threadName = threadName;
        this.stalledNs = stalledNs;
        this.stallCount = stallCount;
        this.startUp = startUp;
        this.phase = phaseOf(stack);
        this.codeFrame = codeFrameOf(stack);
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

    /**
     * @return whether the thread was still within its first units of work ({@link RuntimeConfig#stallWatchdogStartUp}),
     * so this unit outlasted even the start-up budget.
     */
    public boolean startUp()
    {
        return startUp;
    }

    /**
     * @return the kind of work the thread was in, read from its stack: {@code "tick"} (input and
     * {@code Application.update}), {@code "render-state write"}, {@code "frame"}, {@code "vertex slice"}, or
     * {@code "unit of work"} when the stack does not show it.
     */
    public String phase()
    {
        return phase;
    }

    /**
     * @return the topmost frame that is Isochron's or the application's, not the JDK's or a library's (LWJGL,
     * Agrona): where the thread was stuck, in code a person can change; the top frame when there is none; null for
     * an empty stack.
     */
    public StackTraceElement codeFrame()
    {
        return codeFrame;
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
     * @return one line: {@code [isochron watchdog] thread 'isochron-render' stalled 312 ms in a frame (stall #2) at
     * dev.isochron.render.batch.GlDrawBackend.endFrame(GlDrawBackend.java:303)}; a stall during start-up says
     * {@code in a start-up frame}.
     */
    public String summary()
    {
        final String kind = startUp ? "start-up " + phase : phase;
        return "[isochron watchdog] thread '" + threadName + "' stalled " + stalledNs / 1_000_000L + " ms in a " +
            kind + " (stall #" + stallCount + ") at " +
            (null == codeFrame ? "an unknown place (the thread's stack was empty)" : where(codeFrame));
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "WatchdogStall{thread='" + threadName + "', phase='" + phase + "', startUp=" + startUp +
            ", stalledMs=" + stalledNs / 1_000_000L + ", stallCount=" + stallCount + ", top=" +
            (topFrames.isEmpty() ? "(no stack)" : topFrames.get(0).toString()) + '}';
    }

    /** @return {@link #summary()} and then {@code stack}, one {@code \tat} line per frame, each line ended. */
    String summaryWithStack(final StackTraceElement[] stack)
    {
        final StringBuilder text = new StringBuilder(256 + 64 * stack.length);
        text.append(summary()).append(System.lineSeparator());
        for (final StackTraceElement frame : stack)
        {
            text.append("\tat ").append(frame).append(System.lineSeparator());
        }
        return text.toString();
    }

    /** The innermost runtime unit of work on the stack (a slice runs inside a frame on the render thread). */
    private static String phaseOf(final StackTraceElement[] stack)
    {
        final String simulation = SimulationStep.class.getName();
        final String slice = RenderSliceWork.class.getName();
        final String pipeline = RenderPipeline.class.getName();
        for (final StackTraceElement frame : stack)
        {
            final String type = frame.getClassName();
            final String method = frame.getMethodName();
            if (type.equals(slice))
            {
                return "vertex slice";
            }
            if (type.equals(simulation) && method.equals("tick"))
            {
                return "tick";
            }
            if (type.equals(simulation) && method.equals("write"))
            {
                return "render-state write";
            }
            if (type.equals(pipeline) && method.equals("render"))
            {
                return "frame";
            }
        }
        return "unit of work";
    }

    /** @return {@code class.method(File.java:line)}, without the class loader and module prefixes of toString(). */
    private static String where(final StackTraceElement frame)
    {
        final String file = frame.getFileName();
        final String source = frame.isNativeMethod() ? "Native Method" : null == file ? "Unknown Source" :
            frame.getLineNumber() >= 0 ? file + ":" + frame.getLineNumber() : file;
        return frame.getClassName() + "." + frame.getMethodName() + "(" + source + ")";
    }

    private static StackTraceElement codeFrameOf(final StackTraceElement[] stack)
    {
        for (final StackTraceElement frame : stack)
        {
            if (!isLibrary(frame.getClassName()))
            {
                return frame;
            }
        }
        return stack.length > 0 ? stack[0] : null;
    }

    private static boolean isLibrary(final String className)
    {
        for (final String prefix : LIBRARY_PACKAGES)
        {
            if (className.startsWith(prefix))
            {
                return true;
            }
        }
        return false;
    }
}
