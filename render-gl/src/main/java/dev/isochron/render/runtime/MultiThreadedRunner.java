package dev.isochron.render.runtime;

import dev.isochron.engine.handoff.TripleBuffer;
import dev.isochron.engine.loop.FixedStepLoop;
import dev.isochron.engine.loop.FramePacer;
import dev.isochron.engine.loop.RenderFrameDriver;
import dev.isochron.engine.loop.SimulationAgent;
import dev.isochron.engine.metrics.ThreadRole;
import dev.isochron.engine.thread.AgentThread;
import org.lwjgl.glfw.GLFW;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a concluded {@link RunContext} multi-threaded ({@link Threading#MULTI}): the caller's thread is the platform
 * thread (it waits for the window's events, or joins the render thread of a headless run), {@code isochron-render}
 * owns the GL context and runs the frames, {@code isochron-simulation} runs the ticks, and the producer threads feed
 * the input queue.
 * <p>
 * Start-up: the render thread makes the context current and runs {@code init}; only when it returned do the
 * simulation and producer threads start, and only when every thread is registered with the allocation meter and the
 * first tick has written a render state ({@link FirstTick}) does the first frame begin. This runner makes those
 * threads, so it joins them: {@link #close()} stops the render thread if it is still running, then the producers and
 * the simulation, before the context is closed.
 * <p>
 * Threading: constructed, run and closed on the caller's thread; the render thread's body runs on its own thread.
 *
 * @param <S> the render state type.
 */
final class MultiThreadedRunner<S> implements AutoCloseable
{
    private final RunContext<S> run;
    private final FrameLoopEnd<S> frameLoopEnd;
    private final ProducerThreads producers;
    private final PlatformPoll platform;
    private final CountDownLatch initDone = new CountDownLatch(1);
    private final CountDownLatch go = new CountDownLatch(1);
    private AgentThread simulationThread;
    private Thread renderThread;
    private volatile boolean renderInitialised;

    MultiThreadedRunner(final RunContext<S> run)
    {
        this.run = run;
        this.frameLoopEnd = new FrameLoopEnd<>(run);
        this.producers = new ProducerThreads(run);
        this.platform = PlatformPoll.of(run);
    }

    /** Runs until the render thread has ended; the caller's thread. Failures are recorded in the run's recorder. */
    void run()
    {
        final TripleBuffer<S> buffer = newTripleBuffer();
        final FixedStepLoop loop = run.loop();
        final SimulationAgent<S> simulationAgent = new SimulationAgent<>(loop, buffer, run.simulation(), run.clock());
        final RenderFrameDriver<S> driver = new RenderFrameDriver<>(
            buffer, run.pipeline(), new FramePacer(run.loopConfig(), run.clock()), loop, run.clock(), run.observer());

        // made here, not after the last frame: a method reference allocates, and the report's window is still
        // open then
        final Runnable oneMoreFrame = driver::runFrame;
        renderThread = new Thread(() -> renderThreadBody(driver, buffer, oneMoreFrame), RuntimeMessages.RENDER_THREAD);
        renderThread.setDaemon(false);
        run.metrics().registerWorkers(run.pipeline().workers());
        run.metrics().allocation().register(ThreadRole.RENDER, renderThread);
        renderThread.start();
        Uninterruptible.await(initDone);
        try
        {
            if (renderInitialised && !run.exit().isSet())
            {
                final SimulationStep<S> simulation = run.simulation();
                simulationThread = AgentThread.start(RuntimeMessages.SIMULATION_THREAD,
                    new GuardedAgent(simulationAgent, run.exit(), run.failures(), run.simulationPhase(),
                        () -> simulation.publishStats(loop.droppedTicks())));
                run.metrics().allocation().register(ThreadRole.SIM, simulationThread.thread());
                producers.start();
                run.metrics().allocation().register(ThreadRole.PLATFORM, Thread.currentThread());
            }
        }
        finally
        {
            go.countDown();
        }
        if (null != platform)
        {
            platform.pumpUntilExit(renderThread);
        }
        Uninterruptible.join(renderThread);
    }

    private TripleBuffer<S> newTripleBuffer()
    {
        final PhaseTracker phase = run.simulationPhase();
        phase.enter(Phase.INIT);
        final TripleBuffer<S> buffer = new TripleBuffer<>(run::newRenderState);
        phase.leave();
        return buffer;
    }

    /** The render thread: set-up and {@code init}, then the frames until the exit signal, then the end of frames. */
    private void renderThreadBody(
        final RenderFrameDriver<S> driver, final TripleBuffer<S> buffer, final Runnable oneMoreFrame)
    {
        final PhaseTracker phase = run.renderPhase();
        final RenderPipeline<S> pipeline = run.pipeline();
        final ExitSignal exit = run.exit();
        try
        {
            pipeline.setUp();
            pipeline.init();
            renderInitialised = true;
        }
        catch (final Throwable ex)
        {
            run.failures().record(phase.phase(), ex);
        }
        finally
        {
            initDone.countDown();
        }
        try
        {
            if (renderInitialised)
            {
                Uninterruptible.await(go);
                FirstTick.awaitFirstState(buffer, exit, run.loop().tickPeriodNs());
                final FrameLoopEnd<S> frameLoopEnd = this.frameLoopEnd;
                while (!exit.isSet())
                {
                    driver.runFrame();
                    frameLoopEnd.checkLimits();
                }
            }
        }
        catch (final Throwable ex)
        {
            run.failures().record(phase.phase(), ex);
        }
        frameLoopEnd.endFrames(phase, renderInitialised, oneMoreFrame);
        if (null != platform)
        {
            GLFW.glfwPostEmptyEvent();
        }
    }

    /**
     * Lets a render thread still waiting to start go, stops and joins it if it is still running, then stops the
     * producer threads and the simulation thread; each failure goes to the run's error handler. Caller's thread,
     * before the context is closed.
     */
    public void close()
    {
        go.countDown();
        if (null != renderThread && renderThread.isAlive())
        {
            run.exit().fail();
            Uninterruptible.join(renderThread);
        }
        Closing.closeAll(run.errorHandler(), producers, simulationThread);
    }
}
