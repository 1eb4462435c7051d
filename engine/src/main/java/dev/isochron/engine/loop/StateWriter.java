package dev.isochron.engine.loop;

/**
 * Copies the simulation's state into a preallocated render state, the back slot of a
 * {@link dev.isochron.engine.handoff.TripleBuffer}, after the ticks of a frame ran ({@link SimulationAgent}).
 * <p>
 * The slot holds an older state (two publications old, or as the factory made it), so write every field the
 * renderer reads, typically the previous and the latest tick's values so that it can interpolate.
 * Threading: called on the simulation thread. Implementations must be allocation-free.
 *
 * @param <T> the render state type.
 */
@FunctionalInterface
public interface StateWriter<T>
{
    /**
     * Fills the state.
     *
     * @param state          the back slot to fill; the simulation thread's alone during the call.
     * @param lastTickIndex  index of the latest tick run.
     * @param lastTickTimeNs the clock instant the latest tick corresponds to.
     */
    void write(T state, long lastTickIndex, long lastTickTimeNs);
}
