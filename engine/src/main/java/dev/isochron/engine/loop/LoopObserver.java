package dev.isochron.engine.loop;

/**
 * Receives the timing of every frame and tick from the loop drivers; the metrics implement it.
 * <p>
 * Threading: {@link #onFrameStart} and {@link #onFrameEnd} are called by the thread that renders
 * (the render thread, or the single thread of the single-threaded driver); {@link #onTick} and
 * {@link #onDroppedTicks} by the thread that runs the simulation (the simulation thread, or the
 * single thread). Each method is called by one thread only, so implementations may keep
 * single-writer state per method group. Implementations must be allocation-free and must not block.
 * All times come from the engine's injectable clock ({@link org.agrona.concurrent.NanoClock}).
 * <p>
 * Order within a frame of the single-threaded driver ({@link SingleThreadedDriver}): {@code onFrameStart},
 * {@code onDroppedTicks} (only when catch-up was clamped), {@code onTick} once per tick, {@code onFrameEnd}, then
 * pacing. In the two-thread model the {@link FixedStepLoop} (simulation thread) reports ticks and drops and the
 * {@link RenderFrameDriver} (render thread) reports frames; give both the same observer.
 */
public interface LoopObserver
{
    /** Observes nothing. */
    LoopObserver NONE = new LoopObserver()
    {
        public void onFrameStart(final long frameStartNs, final long stateAgeNs)
        {
        }

        public void onFrameEnd(final long frameEndNs)
        {
        }

        public void onTick(final long tickIndex, final long tickStartNs, final long tickEndNs)
        {
        }

        public void onDroppedTicks(final long droppedTicks)
        {
        }
    };

    /**
     * A frame begins.
     *
     * @param frameStartNs clock time at the start of the frame.
     * @param stateAgeNs   how old the simulation state this frame draws is: {@code frameStartNs} minus the
     *                     time the simulation published it (two-thread model); 0 in the single-threaded driver.
     */
    void onFrameStart(long frameStartNs, long stateAgeNs);

    /**
     * The frame's work is done (rendered and presented or read back; pacing waits come after this call).
     *
     * @param frameEndNs clock time at the end of the frame's work.
     */
    void onFrameEnd(long frameEndNs);

    /**
     * One update of the fixed-step loop ran.
     *
     * @param tickIndex   index of the tick since the loop started (0-based, never reused).
     * @param tickStartNs clock time when the update began.
     * @param tickEndNs   clock time when the update returned.
     */
    void onTick(long tickIndex, long tickStartNs, long tickEndNs);

    /**
     * Catch-up was clamped in this frame and ticks were skipped.
     *
     * @param droppedTicks the number of ticks skipped now (not a running total).
     */
    void onDroppedTicks(long droppedTicks);
}
