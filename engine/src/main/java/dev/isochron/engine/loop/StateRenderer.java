package dev.isochron.engine.loop;

/**
 * Draws one frame from a published simulation state in the two-thread model ({@link RenderFrameDriver}).
 * <p>
 * Threading: called on the render thread. The state is the front slot of a
 * {@link dev.isochron.engine.handoff.TripleBuffer}: read it during the call only, never write it, never keep it.
 * Implementations must be allocation-free in the steady state.
 *
 * @param <T> the render state type.
 */
@FunctionalInterface
public interface StateRenderer<T>
{
    /**
     * Draws the frame.
     *
     * @param state        the newest published state.
     * @param alpha        in [0, 1): the time since the state was published, in ticks of scaled time, so that
     *                     rendering can extrapolate or interpolate from the state's previous to its latest tick.
     * @param frameStartNs clock time at the start of the frame.
     */
    void render(T state, double alpha, long frameStartNs);
}
