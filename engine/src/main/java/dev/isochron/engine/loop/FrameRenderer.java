package dev.isochron.engine.loop;

/**
 * Draws one frame in the single-threaded model ({@link SingleThreadedDriver}), interpolating between the
 * simulation's last two ticks.
 * <p>
 * Threading: called by the thread that runs the driver. Implementations must be allocation-free in the steady state.
 */
@FunctionalInterface
public interface FrameRenderer
{
    /**
     * Draws the frame.
     *
     * @param alpha        how far the frame lies between the previous tick's state (0) and the latest (towards 1),
     *                     in [0, 1).
     * @param frameStartNs clock time at the start of the frame.
     */
    void render(double alpha, long frameStartNs);
}
