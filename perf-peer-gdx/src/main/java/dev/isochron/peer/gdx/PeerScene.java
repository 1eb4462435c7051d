package dev.isochron.peer.gdx;

/**
 * One of the demo's scenes written for libGDX, in the demo's four sections: {@link #create} (initialisation, GL
 * current), {@link #tick} (one fixed simulation step), {@link #draw} (one frame, interpolated by {@code alpha}),
 * {@link #dispose} (de-initialisation). {@link PeerApplication} drives it with the demo's fixed-step loop and times it.
 * <p>
 * Thread: libGDX's main thread, its render thread, for every method.
 */
interface PeerScene
{
    /** Makes the scene's GL resources and starts its threads, if any; the frame recorder follows their allocation. */
    void create(int width, int height, FrameRecorder recorder);

    /** Drains input into the scene's state before the frame's ticks (the storm); most scenes do nothing. */
    default void beforeTicks(final FrameRecorder recorder)
    {
    }

    /** Advances the simulation by one fixed step of {@code dtSeconds}; {@code tickStartNs} is when it began. */
    void tick(float dtSeconds, long tickIndex, long tickStartNs, FrameRecorder recorder);

    /** Draws the frame; {@code hud} carries the figures the demo's HUD line shows. */
    void draw(float alpha, HudFigures hud);

    /** Adds the scene's own figures to the report (what libGDX did: render calls, batch sizes, drops). */
    void report(PeerReport report);

    /** Frees GL resources and stops the scene's threads. */
    void dispose();
}
