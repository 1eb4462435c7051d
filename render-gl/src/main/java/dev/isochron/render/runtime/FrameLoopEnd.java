package dev.isochron.render.runtime;

/**
 * What the thread that runs the frames does about the end of the run, in either threading mode: after each frame it
 * checks the frame and time limits ({@link #checkLimits()}); after the last frame it ends the report's measured
 * window while every thread is still alive, renders one more frame when a window's screenshot needs it, and tears the
 * render pipeline down ({@link #endFrames}).
 * <p>
 * Threading: the render thread (the caller's thread in single-threaded mode).
 *
 * @param <S> the render state type.
 */
final class FrameLoopEnd<S>
{
    private static final long NS_PER_SECOND = 1_000_000_000L;

    private final RunContext<S> run;
    private final RenderPipeline<S> pipeline;
    private final ExitSignal exit;
    private final long frameLimit;
    private final boolean timeLimited;
    private final long timeLimitNs;

    FrameLoopEnd(final RunContext<S> run)
    {
        this.run = run;
        this.pipeline = run.pipeline();
        this.exit = run.exit();
        this.frameLimit = run.measurement().frames();
        final double seconds = run.measurement().seconds();
        this.timeLimited = seconds > 0;
        this.timeLimitNs = (long)(seconds * NS_PER_SECOND);
    }

    /** Frame and time limits; the thread that runs frames, after each. Allocation-free. */
    void checkLimits()
    {
        if (frameLimit > 0 && pipeline.frames() >= frameLimit)
        {
            exit.request(ExitCause.FRAME_LIMIT);
        }
        if (timeLimited && pipeline.lastFrameStartNs() - pipeline.firstFrameStartNs() >= timeLimitNs)
        {
            exit.request(ExitCause.TIME_LIMIT);
        }
    }

    /**
     * After the last frame: ends the measured window while every thread is alive, writes the screenshot (rendering
     * one more frame through {@code oneMoreFrame} when a window's back buffer has to be captured), then disposes the
     * application and releases GL ({@link RenderPipeline#tearDown()}). Each failure is recorded.
     *
     * @param phase            the frame thread's phase tracker, which names a screenshot frame's failure.
     * @param renderInitialised whether {@code init} returned, so that frames were rendered.
     * @param oneMoreFrame     runs one more frame of the threading mode's driver.
     */
    void endFrames(final PhaseTracker phase, final boolean renderInitialised, final Runnable oneMoreFrame)
    {
        final FailureRecorder failures = run.failures();
        try
        {
            run.metrics().frameMetrics().endWindow();
        }
        catch (final Throwable ex)
        {
            failures.record(Phase.RUNTIME, ex);
        }
        if (renderInitialised && !failures.hasFailed() && pipeline.needsScreenshot())
        {
            try
            {
                if (!pipeline.captureAfterLoop())
                {
                    oneMoreFrame.run();
                }
            }
            catch (final Throwable ex)
            {
                failures.record(phase.phase(), ex);
            }
        }
        pipeline.tearDown();
    }
}
