package dev.isochron.render.runtime;

import dev.isochron.engine.jfr.JfrLoopObserver;
import dev.isochron.engine.loop.FixedStepLoop;
import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.LoopObserver;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.engine.metrics.FanOutLoopObserver;
import dev.isochron.engine.watchdog.Heartbeat;
import dev.isochron.input.queue.InputSource;
import dev.isochron.render.context.ContextFactory;
import dev.isochron.render.context.ContextOptions;
import dev.isochron.render.context.GlContext;
import dev.isochron.render.context.GlContextException;
import dev.isochron.render.context.GlPlatform;
import dev.isochron.render.context.GlfwWindowContext;
import dev.isochron.render.natives.NativeChecks;
import dev.isochron.render.natives.NativeHeap;
import dev.isochron.render.natives.NativeLibrary;
import dev.isochron.render.natives.NativeLoading;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.NanoClock;

/**
 * One run's objects, in the manner of Aeron's {@code MediaDriver.Context}: {@link #conclude()} creates them once, in
 * start-up order (native checks and loading, the {@link RunMetrics}, the GL context and window, the {@link RunInput}
 * with its queue, recorder or replay, GLFW adapter and producers, the watchdog, the simulation step, the loop, the
 * literal resolver and the render pipeline); {@link #close()} closes what it created, last created first, each failure
 * going to the run's one {@link #errorHandler()}. The threads are not here: a runner per threading mode
 * ({@link MultiThreadedRunner}, {@link SingleThreadedRunner}) makes, starts and joins them, and is closed before this
 * context.
 * <p>
 * Threading: created, concluded and closed on the caller's thread (the platform thread); the objects it holds say
 * which thread uses them. A context is concluded once.
 *
 * @param <S> the render state type.
 */
final class RunContext<S> implements AutoCloseable
{
    private final Application<S> app;
    private final RuntimeConfig config;
    private final MeasurementConfig measurement;
    private final LoopConfig loopConfig;
    private final NanoClock clock;
    private final ExitSignal exit = new ExitSignal();
    private final FailureRecorder failures = new FailureRecorder(exit);
    private final ErrorHandler errorHandler = this::onCloseError;
    private final PhaseTracker simulationPhase = new PhaseTracker();
    private final PhaseTracker renderPhase;

    private RunMetrics metrics;
    private GlContext context;
    private GlContextException contextFailure;
    private GlfwWindowContext window;
    private RunInput input;
    private RuntimeWatchdog watchdog;
    private SimulationStep<S> simulation;
    private LoopObserver observer;
    private FixedStepLoop loop;
    private FramePathLiterals literals;
    private RenderPipeline<S> pipeline;

    /**
     * @param app    the application.
     * @param config the runtime configuration, concluded.
     */
    RunContext(final Application<S> app, final RuntimeConfig config)
    {
        this.app = app;
        this.config = config;
        this.measurement = config.measurement();
        this.loopConfig = config.loop();
        this.clock = config.clock();
        this.renderPhase = Threading.SINGLE == config.threading() ? simulationPhase : new PhaseTracker();
    }

    /**
     * Creates the run's objects in start-up order. On a failure the objects made so far stay for {@link #close()}.
     *
     * @return this.
     * @throws GlContextException when no GL context could be made (also kept as {@link #contextFailure()}).
     */
    RunContext<S> conclude()
    {
        // process-wide, so only for -Disochron.checked=true: before LWJGL initialises (the native loads below),
        // since its debug allocator and debug mode are read once
        NativeChecks.enableWhenChecked();
        if (config.checked() && !DirectBuffer.SHOULD_BOUNDS_CHECK)
        {
            throw RuntimeMessages.agronaUnchecked();
        }
        // the native-loading phase, before any thread of the run exists: later loads find these libraries loaded
        NativeLoading.preload(NativeLibrary.JDK, NativeLibrary.LWJGL, NativeLibrary.STB);
        if (config.nativeHeapRetention())
        {
            NativeHeap.retain();
        }
        FramePathInitialisers.initialise();
        metrics = new RunMetrics(config);
        if (RendererKind.GL == config.renderer())
        {
            concludeContext();
        }
        input = new RunInput(config);
        final InputSource source = input.open(window, clock);
        Heartbeat simulationHeartbeat = null;
        Heartbeat renderHeartbeat = null;
        if (!config.watchdog().threshold().isZero())
        {
            watchdog = RuntimeWatchdog.of(config.watchdog());
            if (Threading.SINGLE == config.threading())
            {
                simulationHeartbeat = watchdog.register(Thread.currentThread().getName(), Thread.currentThread());
                renderHeartbeat = simulationHeartbeat;
            }
            else
            {
                simulationHeartbeat = watchdog.register(RuntimeMessages.SIMULATION_THREAD, null);
                renderHeartbeat = watchdog.register(RuntimeMessages.RENDER_THREAD, null);
            }
        }
        final RuntimeStats stats = metrics.stats();
        simulation = new SimulationStep<>(app, source, exit, simulationPhase, stats, simulationHeartbeat);
        observer = config.jfr() ?
            new FanOutLoopObserver(metrics.frameMetrics(), new StatsObserver(stats), new JfrLoopObserver()) :
            new FanOutLoopObserver(metrics.frameMetrics(), new StatsObserver(stats));
        loop = new FixedStepLoop(loopConfig, simulation, clock, observer);
        literals = FramePathLiterals.start(measurement, app);
        final boolean live = null == input.replay();
        pipeline = new RenderPipeline<>(app, config, context, exit, failures, renderPhase, stats, metrics.report(),
            metrics.gcPauses(), live ? input.queue() : null, live ? input.inputLatency() : null, watchdog,
            renderHeartbeat, literals);
        if (null != watchdog)
        {
            watchdog.start();
        }
        simulation.hud(pipeline.hud());
        return this;
    }

    private void concludeContext()
    {
        try
        {
            GlPlatform.configureOnce();
            context = ContextFactory.create(new ContextOptions()
                .kind(config.context())
                .windowApi(config.windowApi())
                .size(config.width(), config.height())
                .title(config.title())
                .icons(config.window().icons())
                .fullscreen(config.window().fullscreen())
                .swapInterval(PacingMode.VSYNC == loopConfig.pacing() ? 1 : 0)
                .debug(config.debugGl())
                .checked(config.checked())
                .failOnLeak(config.failOnLeak()));
        }
        catch (final GlContextException ex)
        {
            contextFailure = ex;
            throw ex;
        }
        if (context instanceof GlfwWindowContext)
        {
            window = (GlfwWindowContext)context;
        }
    }

    /**
     * Makes a render state through {@link Application#newRenderState()}: a null state or an exception from it is the
     * run's {@link Phase#INIT} failure. Start-up, on the thread that asks.
     */
    S newRenderState()
    {
        try
        {
            final S state = app.newRenderState();
            if (null == state)
            {
                throw RuntimeMessages.nullRenderState();
            }
            return state;
        }
        catch (final ApplicationFailure ex)
        {
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            throw new ApplicationFailure(Phase.INIT, Thread.currentThread().getName(), ex);
        }
    }

    /**
     * Closes what {@link #conclude()} created, last created first, after the runner has joined every engine thread:
     * the literal resolver, what the render pipeline made but no render thread tore down, the recorder, the input
     * callbacks, the GL context (destroying the window, checking for leaked GL objects), the size callback chain, the
     * watchdog and the GC monitor. Each failure goes to {@link #errorHandler()}; the rest are closed all the same.
     */
    public void close()
    {
        final RenderPipeline<S> pipeline = this.pipeline;
        final RunInput input = this.input;
        final FramePathLiterals literals = this.literals;
        final RunMetrics metrics = this.metrics;
        Closing.closeAll(errorHandler,
            null == literals ? null : literals::close,
            null == pipeline ? null : pipeline::closeIfNeverTornDown,
            null == input ? null : () -> input.detach(errorHandler),
            context,
            null == input ? null : input::freeCallbacks,
            watchdog,
            null == metrics ? null : metrics.gcPauses());
    }

    private void onCloseError(final Throwable error)
    {
        failures.record(Phase.RUNTIME, error);
    }

    /** @return the one handler of the run's shutdown failures: each becomes a {@link Phase#RUNTIME} failure. */
    ErrorHandler errorHandler()
    {
        return errorHandler;
    }

    Application<S> app()
    {
        return app;
    }

    RuntimeConfig config()
    {
        return config;
    }

    MeasurementConfig measurement()
    {
        return measurement;
    }

    LoopConfig loopConfig()
    {
        return loopConfig;
    }

    NanoClock clock()
    {
        return clock;
    }

    ExitSignal exit()
    {
        return exit;
    }

    FailureRecorder failures()
    {
        return failures;
    }

    /** @return the simulation's phase (also the render phase in single-threaded mode). */
    PhaseTracker simulationPhase()
    {
        return simulationPhase;
    }

    /** @return the render thread's phase (the simulation's in single-threaded mode). */
    PhaseTracker renderPhase()
    {
        return renderPhase;
    }

    /** @return the context that could not be made, or null: thrown as itself after the shutdown. */
    GlContextException contextFailure()
    {
        return contextFailure;
    }

    /** @return the window, or null for a headless context or the null renderer. */
    GlfwWindowContext window()
    {
        return window;
    }

    /** @return what the run measures; null before {@link #conclude()}. */
    RunMetrics metrics()
    {
        return metrics;
    }

    /** @return the run's input: its queue, recorder or replay, window adapter and producers. */
    RunInput input()
    {
        return input;
    }

    /** @return the stall watchdog, or null when it is off. */
    RuntimeWatchdog watchdog()
    {
        return watchdog;
    }

    SimulationStep<S> simulation()
    {
        return simulation;
    }

    LoopObserver observer()
    {
        return observer;
    }

    FixedStepLoop loop()
    {
        return loop;
    }

    FramePathLiterals literals()
    {
        return literals;
    }

    RenderPipeline<S> pipeline()
    {
        return pipeline;
    }
}
