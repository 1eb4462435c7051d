package dev.isochron.render.runtime;

import dev.isochron.engine.jfr.JfrLoopObserver;
import dev.isochron.engine.loop.FixedStepLoop;
import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.LoopObserver;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.engine.metrics.FanOutLoopObserver;
import dev.isochron.engine.metrics.FrameMetrics;
import dev.isochron.engine.metrics.GcPauseMonitor;
import dev.isochron.engine.metrics.LatencyHistogram;
import dev.isochron.engine.metrics.RunReport;
import dev.isochron.engine.metrics.ThreadAllocationMeter;
import dev.isochron.engine.metrics.ThreadRole;
import dev.isochron.engine.thread.WorkerGroup;
import dev.isochron.engine.watchdog.Heartbeat;
import dev.isochron.input.glfw.GlfwInputAdapter;
import dev.isochron.input.queue.FileDropInbox;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.input.queue.InputQueueConfig;
import dev.isochron.input.queue.InputSource;
import dev.isochron.input.replay.InputRecorder;
import dev.isochron.input.replay.InputReplay;
import dev.isochron.input.synthetic.SyntheticInputSource;
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
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.glfw.GLFWFramebufferSizeCallback;
import org.lwjgl.glfw.GLFWFramebufferSizeCallbackI;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's objects, in the manner of Aeron's {@code MediaDriver.Context}: {@link #conclude()} creates them once, in
 * start-up order (native checks and loading, metrics, the GL context and window, the input queue with its recorder
 * or replay, the GLFW adapter and producers, the watchdog, the simulation step, the loop, the literal resolver and the
 * render pipeline); {@link #close()} closes what it created, last created first, each failure going to the run's one
 * {@link #errorHandler()}. The threads are not here: a runner per threading mode ({@link MultiThreadedRunner},
 * {@link SingleThreadedRunner}) makes, starts and joins them, and is closed before this context.
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
    private final List<Agent> producerAgents = new ArrayList<>();
    private final PhaseTracker simulationPhase = new PhaseTracker();
    private final PhaseTracker renderPhase;

    private RuntimeStats stats;
    private GcPauseMonitor gcPauses;
    private ThreadAllocationMeter allocation;
    private RunReport report;
    private FrameMetrics frameMetrics;
    private GlContext context;
    private GlContextException contextFailure;
    private GlfwWindowContext window;
    private LatencyHistogram inputLatency;
    private InputQueue queue;
    private InputReplay replay;
    private InputRecorder recorder;
    private GlfwInputAdapter adapter;
    private GLFWFramebufferSizeCallback sizeChain;
    private SyntheticInputSource synthetic;
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
        concludeMetrics();
        if (RendererKind.GL == config.renderer())
        {
            concludeContext();
        }
        final InputSource source = concludeInput();
        Heartbeat simulationHeartbeat = null;
        Heartbeat renderHeartbeat = null;
        if (!config.stallWatchdog().isZero())
        {
            watchdog = RuntimeWatchdog.of(config);
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
        simulation = new SimulationStep<>(app, source, exit, simulationPhase, stats, simulationHeartbeat);
        observer = config.jfr() ?
            new FanOutLoopObserver(frameMetrics, new StatsObserver(stats), new JfrLoopObserver()) :
            new FanOutLoopObserver(frameMetrics, new StatsObserver(stats));
        loop = new FixedStepLoop(loopConfig, simulation, clock, observer);
        literals = FramePathLiterals.start(measurement, app);
        final boolean live = null == replay;
        pipeline = new RenderPipeline<>(app, config, context, exit, failures, renderPhase, stats, report, gcPauses,
            live ? queue : null, live ? inputLatency : null, watchdog, renderHeartbeat, literals);
        if (null != watchdog)
        {
            watchdog.start();
        }
        simulation.hud(pipeline.hud());
        return this;
    }

    private void concludeMetrics()
    {
        stats = new RuntimeStats(stallThresholdNs());
        gcPauses = new GcPauseMonitor(clock);
        allocation = new ThreadAllocationMeter();
        report = new RunReport().scene(measurement.scene()).mode(measurement.mode());
        frameMetrics = new FrameMetrics(new FrameMetrics.Context()
            .threading(Threading.SINGLE == config.threading() ? FrameMetrics.Threading.SINGLE :
                FrameMetrics.Threading.MULTI)
            .warmupFrames(measurement.warmupFrames())
            .windowCapacityFrames(measurement.reportCapacityFrames())
            .tickRateHz(loopConfig.tickRateHz())
            .targetFps(loopConfig.reportTargetFps())
            .allocationMeter(allocation));
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

    /** @return where the ticks read their input: the live queue, or the replay. */
    private InputSource concludeInput()
    {
        inputLatency = new LatencyHistogram();
        int producers = (null != window ? 1 : 0) + (null != measurement.syntheticInput() ? 1 : 0) +
            config.inputSources().size();
        final InputQueueConfig given = config.inputQueue();
        final InputQueueConfig queueConfig = new InputQueueConfig()
            .checked(config.checked())
            .clock(clock)
            .latencySink(inputLatency);
        if (null != given)
        {
            queueConfig.capacityBytes(given.capacityBytes())
                .coalesceMouseMoves(given.coalesceMouseMoves());
            producers = Math.max(producers, given.maxProducers());
        }
        queueConfig.maxProducers(Math.max(1, producers));
        queue = new InputQueue(queueConfig);
        InputSource source = queue;
        if (null != measurement.replayPath())
        {
            try
            {
                replay = InputReplay.open(measurement.replayPath());
            }
            catch (final IOException ex)
            {
                throw RuntimeMessages.cannotReadReplay(measurement.replayPath(), ex);
            }
            source = replay;
        }
        else if (null != measurement.recordPath())
        {
            try
            {
                recorder = new InputRecorder(measurement.recordPath(), loopConfig.tickRateHz(), 0L);
            }
            catch (final IOException ex)
            {
                throw RuntimeMessages.cannotRecord(measurement.recordPath(), ex);
            }
            queue.recordTo(recorder);
        }

        if (null != window)
        {
            adapter = new GlfwInputAdapter(queue.newProducer(), new FileDropInbox(), config.checked());
            installInput();
        }
        if (null != measurement.syntheticInput())
        {
            synthetic = new SyntheticInputSource(queue.newProducer(), measurement.syntheticInput());
            producerAgents.add(synthetic);
        }
        final List<InputAgentFactory> sources = config.inputSources();
        for (int i = 0; i < sources.size(); i++)
        {
            final Agent agent = sources.get(i).newAgent(queue.newProducer());
            if (null == agent)
            {
                throw RuntimeMessages.nullAgent(i);
            }
            producerAgents.add(agent);
        }
        return source;
    }

    /** Chains the context's framebuffer-size callback behind the input adapter's, which replaces it. */
    private void installInput()
    {
        final long handle = window.windowHandle();
        final long previous = GLFW.nglfwSetFramebufferSizeCallback(handle, 0L);
        final GLFWFramebufferSizeCallbackI contextCallback = 0L == previous ? null :
            GLFWFramebufferSizeCallback.create(previous);
        adapter.install(handle);
        final GLFWFramebufferSizeCallbackI adapterCallback = adapter.framebufferSizeCallback();
        sizeChain = GLFWFramebufferSizeCallback.create((w, width, height) ->
        {
            adapterCallback.invoke(w, width, height);
            if (null != contextCallback)
            {
                contextCallback.invoke(w, width, height);
            }
        });
        GLFW.nglfwSetFramebufferSizeCallback(handle, sizeChain.address());
    }

    private long stallThresholdNs()
    {
        final double targetFps = loopConfig.reportTargetFps();
        final double ms;
        if (targetFps > 0)
        {
            ms = 1.5 * 1000.0 / targetFps;
        }
        else if (targetFps < 0)
        {
            ms = 1.5 * 1000.0 / FrameMetrics.Context.DEFAULT_DISPLAY_REFRESH_HZ;
        }
        else
        {
            ms = FrameMetrics.Context.UNCAPPED_STALL_THRESHOLD_MS;
        }
        return Math.round(ms * 1e6);
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

    /** Registers the render workers' threads with the allocation meter, when there are workers. */
    void registerWorkers()
    {
        final WorkerGroup workers = pipeline.workers();
        if (null != workers)
        {
            for (int i = 0; i < workers.workerCount(); i++)
            {
                allocation.register(ThreadRole.WORKERS, workers.workerThread(i));
            }
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
        final InputQueue queue = this.queue;
        final GlfwInputAdapter adapter = this.adapter;
        final FramePathLiterals literals = this.literals;
        Closing.closeAll(errorHandler,
            null == literals ? null : literals::close,
            null == pipeline ? null : pipeline::closeIfNeverTornDown,
            null == queue ? null : () -> queue.recordTo(null),
            recorder,
            null == adapter ? null : () -> adapter.uninstall(window.windowHandle()),
            adapter,
            context,
            sizeChain,
            watchdog,
            gcPauses);
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

    /** @return the input producers besides the window's, in start order; the runner starts their threads. */
    List<Agent> producerAgents()
    {
        return producerAgents;
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

    RuntimeStats stats()
    {
        return stats;
    }

    GcPauseMonitor gcPauses()
    {
        return gcPauses;
    }

    ThreadAllocationMeter allocation()
    {
        return allocation;
    }

    RunReport report()
    {
        return report;
    }

    FrameMetrics frameMetrics()
    {
        return frameMetrics;
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

    LatencyHistogram inputLatency()
    {
        return inputLatency;
    }

    InputQueue queue()
    {
        return queue;
    }

    /** @return the replay the ticks read, or null for live input. */
    InputReplay replay()
    {
        return replay;
    }

    /** @return the window's input adapter, or null without a window. */
    GlfwInputAdapter adapter()
    {
        return adapter;
    }

    /** @return the synthetic input source, or null. */
    SyntheticInputSource synthetic()
    {
        return synthetic;
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
