package dev.isochron.engine.loop;

/**
 * The simulation callback of the fixed-step loop: advances the simulated world by exactly one step.
 * <p>
 * Threading: called only by the thread that runs the loop (the simulation thread in the two-thread model,
 * the single thread otherwise). Implementations must be allocation-free in the steady state and must not block.
 */
@FunctionalInterface
public interface TickHandler
{
    /**
     * Advances the simulation by one fixed step.
     *
     * @param tickIndex   index of the tick since the loop started (0-based, never reused; dropped ticks
     *                    consume no index).
     * @param tickTimeNs  the clock instant this tick's simulated time corresponds to (input drains events
     *                    captured up to it); increases across catch-up ticks of one frame.
     * @param tickStartNs clock time the tick actually starts (input latency is measured to it).
     * @param dtSeconds   the fixed step in simulated seconds ({@code 1 / tickRateHz}; time scale changes how
     *                    often ticks run, not their length).
     */
    void tick(long tickIndex, long tickTimeNs, long tickStartNs, double dtSeconds);

    /**
     * Called once per frame while the loop is paused, so input keeps draining.
     *
     * @param nowNs clock time of the frame.
     */
    default void paused(final long nowNs)
    {
    }
}
