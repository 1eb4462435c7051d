package dev.isochron.render.runtime;

/**
 * Thrown by {@link dev.isochron.render.Isochron#run} when application code (or the runtime) failed: names the
 * {@link Phase} and the thread it failed on, with the original exception as the cause. By the time it is thrown
 * the run has ended cleanly: every runtime thread joined, GL resources released, the window destroyed.
 * <p>
 * Later failures during shutdown (e.g. {@code dispose} throwing after {@code render} threw) are attached as
 * suppressed exceptions; nothing is swallowed.
 */
public final class ApplicationFailure extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final Phase phase;
    private final String threadName;

    /**
     * @param phase      the callback that failed.
     * @param threadName the thread it failed on.
     * @param cause      what it threw.
     */
    public ApplicationFailure(final Phase phase, final String threadName, final Throwable cause)
    {
        super("application failed in " + phase + " on thread " + threadName + ": " + cause, cause);
        this.phase = phase;
        this.threadName = threadName;
    }

    /** @return the callback that failed. */
    public Phase phase()
    {
        return phase;
    }

    /** @return the name of the thread it failed on. */
    public String threadName()
    {
        return threadName;
    }
}
