package dev.isochron.render.runtime;

import dev.isochron.engine.loop.FixedStepLoop;
import dev.isochron.engine.loop.FramePacer;
import dev.isochron.engine.loop.SingleThreadedDriver;
import dev.isochron.engine.metrics.ThreadRole;

/**
 * Runs a concluded {@link RunContext} single-threaded ({@link Threading#SINGLE}): the caller's thread makes the one
 * render state, runs {@code init}, then each frame polls the window's events, reads the clock once, runs the due
 * ticks, writes the render state when a tick ran and renders; the first tick runs before the first frame
 * ({@link FirstTick}). Only the producer threads (synthetic input, input sources) are threads of their own; this
 * runner starts them after {@code init} and joins them in {@link #close()}.
 * <p>
 * Threading: the caller's thread.
 *
 * @param <S> the render state type.
 */
final class SingleThreadedRunner<S> implements AutoCloseable
{
    private static final Runnable NO_FRAME = () -> { };

    private final RunContext<S> run;
    private final FrameLoopEnd<S> frameLoopEnd;
    private final ProducerThreads producers;
    private final PlatformPoll platform;

    SingleThreadedRunner(final RunContext<S> run)
    {
        this.run = run;
        this.frameLoopEnd = new FrameLoopEnd<>(run);
        this.producers = new ProducerThreads(run);
        this.platform = PlatformPoll.of(run);
    }

    /** Runs until the exit signal is set; failures are recorded in the run's recorder. */
    void run()
    {
        final PhaseTracker phase = run.simulationPhase();
        final RenderPipeline<S> pipeline = run.pipeline();
        final ExitSignal exit = run.exit();
        boolean renderInitialised = false;
        // made before the frames, not after the last one: a method reference allocates, and the report's window is
        // still open then
        Runnable oneMoreFrame = NO_FRAME;
        try
        {
            run.metrics().registerWorkers(run.pipeline().workers());
            run.metrics().allocation().register(ThreadRole.RENDER, Thread.currentThread());
            pipeline.setUp();
            phase.enter(Phase.INIT);
            final S state = run.newRenderState();
            phase.leave();
            final FixedStepLoop loop = run.loop();
            final SimulationStep<S> simulation = run.simulation();
            final SingleThreadedDriver driver = new SingleThreadedDriver(loop,
                (alpha, frameStartNs) ->
                {
                    if (loop.lastFrameTicks() > 0)
                    {
                        simulation.write(state, loop.lastTickIndex(), loop.lastTickTimeNs());
                        simulation.publishStats(loop.droppedTicks());
                    }
                    pipeline.render(state, alpha, frameStartNs);
                },
                new FramePacer(run.loopConfig(), run.clock()), run.clock(), run.observer());
            oneMoreFrame = driver::runFrame;
            pipeline.init();
            renderInitialised = true;
            producers.start();
            final PlatformPoll platform = this.platform;
            FirstTick.runFirstTick(loop, simulation, state, run.clock(), exit,
                null == platform ? () -> { } : platform::pollEvents);
            final FrameLoopEnd<S> frameLoopEnd = this.frameLoopEnd;
            while (!exit.isSet())
            {
                if (null != platform)
                {
                    platform.pollEvents();
                }
                driver.runFrame();
                frameLoopEnd.checkLimits();
            }
        }
        catch (final ApplicationFailure ex)
        {
            run.failures().record(ex);
        }
        catch (final Throwable ex)
        {
            run.failures().record(phase.phase(), ex);
        }
        frameLoopEnd.endFrames(phase, renderInitialised, oneMoreFrame);
    }

    /** Stops and joins the producer threads; each failure goes to the run's error handler. */
    public void close()
    {
        producers.close();
    }
}
