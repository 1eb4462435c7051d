package dev.isochron.engine.watchdog;

import java.io.PrintStream;

/**
 * Receives each stall the {@link StallWatchdog} detects, once per stall, on the watchdog's monitor thread.
 * <p>
 * Implementations may allocate (this is off the frame path) but should return promptly: while one runs, the
 * other monitored threads are not checked. An exception thrown here is recorded by the monitor thread's
 * {@code ErrorRecorder} and rethrown by {@link StallWatchdog#close()}; it is never swallowed.
 */
@FunctionalInterface
public interface StallReporter
{
    /**
     * Called once when a monitored thread has been inside one unit of work longer than the threshold.
     *
     * @param threadName  the monitored heartbeat's name (and the thread's, when they differ, in the stack report).
     * @param thread      the monitored thread, or null if it never called {@code beginWork} bound to a thread.
     * @param stalledNs   how long the thread had been inside the unit of work when the stall was seen.
     * @param stack       the thread's stack taken on the monitor thread at that moment (empty if the thread ended).
     * @param stallCount  stalls of this heartbeat so far, this one included.
     */
    void onStall(String threadName, Thread thread, long stalledNs, StackTraceElement[] stack, long stallCount);

    /**
     * A reporter that prints each stall to {@code out}: thread name, how long, stall count, then the stack.
     *
     * @param out where to print.
     * @return the reporter.
     */
    static StallReporter printingTo(final PrintStream out)
    {
        if (null == out)
        {
            throw new IllegalArgumentException("out must not be null; use System.err for the default reporter");
        }
        return (threadName, thread, stalledNs, stack, stallCount) ->
        {
            final StringBuilder text = new StringBuilder(256 + 64 * stack.length);
            text.append("[isochron watchdog] thread '").append(threadName).append("' has been in one unit of work for ")
                .append(stalledNs / 1_000_000L).append(" ms (stall #").append(stallCount).append(")");
            if (null != thread && !threadName.equals(thread.getName()))
            {
                text.append(" on thread '").append(thread.getName()).append('\'');
            }
            text.append(System.lineSeparator());
            for (final StackTraceElement frame : stack)
            {
                text.append("\tat ").append(frame).append(System.lineSeparator());
            }
            out.print(text);
            out.flush();
        };
    }
}
