package dev.isochron.render.runtime;

/**
 * One fixed simulation step, as {@link Application#update} sees it. One instance per run, refilled each tick:
 * read it during the call only.
 * <p>
 * Threading: the simulation thread (the caller's thread in single-threaded mode). Allocation-free.
 */
public final class Tick
{
    private final ExitSignal exit;
    private long index;
    private long timeNs;
    private long startNs;
    private double dtSeconds;

    Tick(final ExitSignal exit)
    {
        this.exit = exit;
    }

    void set(final long index, final long timeNs, final long startNs, final double dtSeconds)
    {
        this.index = index;
        this.timeNs = timeNs;
        this.startNs = startNs;
        this.dtSeconds = dtSeconds;
    }

    /** @return the tick's index since the run started (0-based; dropped ticks take no index). */
    public long index()
    {
        return index;
    }

    /** @return the clock instant this tick's simulated time corresponds to, in ns of the runtime's clock. */
    public long timeNs()
    {
        return timeNs;
    }

    /** @return the clock time the tick started (input latency is measured to it). */
    public long startNs()
    {
        return startNs;
    }

    /** @return the fixed step in simulated seconds, {@code 1 / tickRateHz}. */
    public double dtSeconds()
    {
        return dtSeconds;
    }

    /**
     * Ends the run ({@link ExitCause#EXIT_REQUESTED}): no later tick calls {@code update}; the state of this step is
     * still written and rendered. Allocation-free.
     */
    public void requestExit()
    {
        exit.request(ExitCause.EXIT_REQUESTED);
    }
}
