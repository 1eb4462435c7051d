package dev.isochron.render.runtime;

import dev.isochron.engine.handoff.TripleBuffer;
import dev.isochron.engine.jfr.JfrLoopObserver;
import dev.isochron.engine.loop.FixedStepLoop;
import dev.isochron.engine.loop.FramePacer;
import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.LoopObserver;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.engine.loop.RenderFrameDriver;
import dev.isochron.engine.loop.SimulationAgent;
import dev.isochron.engine.loop.SingleThreadedDriver;
import dev.isochron.engine.metrics.FanOutLoopObserver;
import dev.isochron.engine.metrics.FrameMetrics;
import dev.isochron.engine.metrics.GcPauseMonitor;
import dev.isochron.engine.metrics.LatencyHistogram;
import dev.isochron.engine.metrics.RunReport;
import dev.isochron.engine.metrics.ThreadAllocationMeter;
import dev.isochron.engine.metrics.ThreadRole;
import dev.isochron.engine.thread.AgentThread;
import dev.isochron.engine.thread.WorkerGroup;
import dev.isochron.engine.watchdog.Heartbeat;
import dev.isochron.input.glfw.GlfwInputAdapter;
import dev.isochron.input.queue.FileDropInbox;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.input.queue.InputQueueConfig;
import dev.isochron.input.queue.InputSource;
import dev.isochron.input.replay.InputRecorder;
import dev.isochron.input.replay.InputReplay;
import dev.isochron.input.state.InputState;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.synthetic.SyntheticInputSource;
import dev.isochron.render.context.ContextFactory;
import dev.isochron.render.context.ContextOptions;
import dev.isochron.render.context.GlContext;
import dev.isochron.render.context.GlContextException;
import dev.isochron.render.context.GlPlatform;
import dev.isochron.render.context.GlfwWindowContext;
import dev.isochron.render.natives.NativeHeap;
import dev.isochron.render.natives.NativeChecks;
import dev.isochron.render.natives.NativeLibrary;
import dev.isochron.render.natives.NativeLoading;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.glfw.GLFWFramebufferSizeCallback;
import org.lwjgl.glfw.GLFWFramebufferSizeCallbackI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one {@link Application} to its end; {@link dev.isochron.render.Isochron#run} is the public entry point.
 * Blocks the calling thread, which becomes the platform thread (it must be the process's main thread for a window
 * on macOS).
 * <p>
 * Start-up, on the caller's thread: configuration checked, context created (a window is created here), input queue
 * with the GLFW adapter (window) and the configured producers, the three render states, the loop. Then the render
 * thread makes the context current and runs {@link Application#init}; only when it returned do the simulation and
 * producer threads start, and only when every thread is registered with the allocation meter and the first tick has
 * written a render state ({@link FirstTick}) does the first frame begin. Shutdown mirrors it: the render thread ends
 * the measured window while every thread is alive, disposes the application and releases its GL objects and the
 * context; then the caller's thread stops the producers and the simulation, closes the recorder, uninstalls the input
 * callbacks, destroys the window (checking for leaked GL objects) and builds the report.
 * <p>
 * The stall watchdog ({@link RuntimeConfig#stallWatchdog}) starts with the run's objects and is closed after every
 * engine thread has been joined; a context that cannot be made is thrown as the {@link GlContextException} itself
 * (what was tried, what to install), after the same clean shutdown.
 */
public final class ApplicationRunner
{
    private static final double EVENT_WAIT_SECONDS = 0.005;
    private static final long NS_PER_SECOND = 1_000_000_000L;
    /** The render thread's name (multi-threaded mode). */
    static final String RENDER_THREAD = Constants.RENDER_THREAD;
    /** The simulation thread's name (multi-threaded mode). */
    static final String SIMULATION_THREAD = Constants.SIMULATION_THREAD;

    private ApplicationRunner()
    {
    }

    /**
     * Runs {@code app} as configured by {@code config} until the window closes, an exit is requested, a limit is
     * reached, or application code throws.
     *
     * @param app    the application.
     * @param config the runtime configuration (concluded here).
     * @param <S>    the render state type.
     * @return why the run ended and its report.
     * @throws ApplicationFailure       when application code or the runtime failed (after a clean shutdown).
     * @throws IllegalArgumentException when the configuration is invalid.
     * @throws GlContextException       when no GL context could be made (nothing was started, nothing is left).
     * @throws IllegalStateException    when the JVM lacks the flag Agrona needs (checked first; see {@link JvmFlags}).
     */
    public static <S> RunResult run(final Application<S> app, final RuntimeConfig config)
    {
        JvmFlags.check();
        if (null == app)
        {
            throw Constants.nullApp();
        }
        if (null == config)
        {
            throw Constants.nullConfig();
        }
        config.conclude();
        return new Run<>(app, config).execute();
    }

    /** One run's objects; caller's thread unless a method says otherwise. */
    private static final class Run<S>
    {
        private final Application<S> app;
        private final RuntimeConfig config;
        private final LoopConfig loopConfig;
        private final NanoClock clock;
        private final ExitSignal exit = new ExitSignal();
        private final FailureRecorder failures = new FailureRecorder(exit);
        private final List<AgentThread> producerThreads = new ArrayList<>();
        private final List<Agent> producerAgents = new ArrayList<>();
        private final CountDownLatch initDone = new CountDownLatch(1);
        private final CountDownLatch go = new CountDownLatch(1);

        private GcPauseMonitor gcPauses;
        private ThreadAllocationMeter allocation;
        private LatencyHistogram inputLatency;
        private FrameMetrics frameMetrics;
        private RuntimeStats stats;
        private RunReport report;
        private InputQueue queue;
        private InputReplay replay;
        private InputRecorder recorder;
        private GlContext context;
        private GlfwWindowContext window;
        private GlfwInputAdapter adapter;
        private GLFWFramebufferSizeCallback sizeChain;
        private RenderPipeline<S> pipeline;
        private SimulationStep<S> simulation;
        private FixedStepLoop loop;
        private AgentThread simulationThread;
        private Thread renderThread;
        private volatile boolean renderInitialised;
        private long polls;
        private boolean renderThreadStarted;
        private PhaseTracker[] phases;
        private LoopObserver observer;
        private RuntimeWatchdog watchdog;
        private FramePathLiterals literals;
        private GlContextException contextFailure;
        private SyntheticInputSource synthetic;

        Run(final Application<S> app, final RuntimeConfig config)
        {
            this.app = app;
            this.config = config;
            this.loopConfig = config.loop();
            this.clock = config.clock();
        }

        RunResult execute()
        {
            try
            {
                setUp();
                if (Threading.MULTI == config.threading())
                {
                    runMultiThreaded();
                }
                else
                {
                    runSingleThreaded();
                }
            }
            catch (final ApplicationFailure ex)
            {
                failures.record(ex);
            }
            catch (final Throwable ex)
            {
                if (ex != contextFailure)
                {
                    failures.record(Phase.RUNTIME, ex);
                }
            }
            finally
            {
                tearDown();
            }
            if (null != contextFailure)
            {
                final ApplicationFailure later = failures.failure();
                if (null != later)
                {
                    contextFailure.addSuppressed(later);
                }
                throw contextFailure;
            }
            final ApplicationFailure failure = failures.failure();
            if (null != failure)
            {
                throw failure;
            }
            return finishReport();
        }

        private void setUp()
        {
            // process-wide, so only for -Disochron.checked=true: before LWJGL initialises (the native loads below),
            // since its debug allocator and debug mode are read once
            NativeChecks.enableWhenChecked();
            if (config.checked() && !DirectBuffer.SHOULD_BOUNDS_CHECK)
            {
                throw Constants.agronaUnchecked();
            }
            // the native-loading phase, before any thread of the run exists: later loads find these libraries loaded
            NativeLoading.preload(NativeLibrary.JDK, NativeLibrary.LWJGL, NativeLibrary.STB);
            if (config.nativeHeapRetention())
            {
                NativeHeap.retain();
            }
            FramePathInitialisers.initialise();
            stats = new RuntimeStats(stallThresholdNs());
            gcPauses = new GcPauseMonitor(clock);
            allocation = new ThreadAllocationMeter();
            report = new RunReport().scene(config.measurement().scene()).mode(config.measurement().mode());
            frameMetrics = new FrameMetrics(new FrameMetrics.Context()
                .threading(Threading.SINGLE == config.threading() ? FrameMetrics.Threading.SINGLE :
                    FrameMetrics.Threading.MULTI)
                .warmupFrames(config.measurement().warmupFrames())
                .windowCapacityFrames(config.measurement().reportCapacityFrames())
                .tickRateHz(loopConfig.tickRateHz())
                .targetFps(loopConfig.reportTargetFps())
                .allocationMeter(allocation));

            if (RendererKind.GL == config.renderer())
            {
                try
                {
                    GlPlatform.configureOnce();
                    context = ContextFactory.create(new ContextOptions()
                        .kind(config.context())
                        .windowApi(config.windowApi())
                        .size(config.width(), config.height())
                        .title(config.title())
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

            final boolean live = null == config.measurement().replayPath();
            inputLatency = new LatencyHistogram();
            int producers = (null != window ? 1 : 0) + (null != config.measurement().syntheticInput() ? 1 : 0) +
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
            if (!live)
            {
                try
                {
                    replay = InputReplay.open(config.measurement().replayPath());
                }
                catch (final IOException ex)
                {
                    throw Constants.cannotReadReplay(config.measurement().replayPath(), ex);
                }
                source = replay;
            }
            else if (null != config.measurement().recordPath())
            {
                try
                {
                    recorder = new InputRecorder(config.measurement().recordPath(), loopConfig.tickRateHz(), 0L);
                }
                catch (final IOException ex)
                {
                    throw Constants.cannotRecord(config.measurement().recordPath(), ex);
                }
                queue.recordTo(recorder);
            }

            if (null != window)
            {
                adapter = new GlfwInputAdapter(queue.newProducer(), new FileDropInbox(), config.checked());
                installInput();
            }
            if (null != config.measurement().syntheticInput())
            {
                synthetic = new SyntheticInputSource(queue.newProducer(), config.measurement().syntheticInput());
                producerAgents.add(synthetic);
            }
            final List<InputAgentFactory> sources = config.inputSources();
            for (int i = 0; i < sources.size(); i++)
            {
                final Agent agent = sources.get(i).newAgent(queue.newProducer());
                if (null == agent)
                {
                    throw Constants.nullAgent(i);
                }
                producerAgents.add(agent);
            }

            final PhaseTracker simulationPhase = new PhaseTracker();
            final PhaseTracker renderPhase = Threading.SINGLE == config.threading() ?
                simulationPhase : new PhaseTracker();
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
                    simulationHeartbeat = watchdog.register(SIMULATION_THREAD, null);
                    renderHeartbeat = watchdog.register(RENDER_THREAD, null);
                }
            }
            simulation = new SimulationStep<>(app, source, exit, simulationPhase, stats, simulationHeartbeat);
            final LoopObserver observer = config.jfr() ?
                new FanOutLoopObserver(frameMetrics, new StatsObserver(stats), new JfrLoopObserver()) :
                new FanOutLoopObserver(frameMetrics, new StatsObserver(stats));
            loop = new FixedStepLoop(loopConfig, simulation, clock, observer);
            literals = FramePathLiterals.start(config.measurement(), app);
            pipeline = new RenderPipeline<>(app, config, context, exit, failures, renderPhase, stats, report, gcPauses,
                live ? queue : null, live ? inputLatency : null, watchdog, renderHeartbeat, literals);
            if (null != watchdog)
            {
                watchdog.start();
            }
            simulation.hud(pipeline.hud());
            phases = new PhaseTracker[] {simulationPhase, renderPhase};
            this.observer = observer;
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

        // ------------------------------------------------------------------------------------------------
        // Multi-threaded: platform = this thread, simulation thread, render thread (+ workers, producers).

        private void runMultiThreaded()
        {
            final TripleBuffer<S> buffer = newTripleBuffer();
            final SimulationAgent<S> simulationAgent = new SimulationAgent<>(loop, buffer, simulation, clock);
            final RenderFrameDriver<S> driver = new RenderFrameDriver<>(
                buffer, pipeline, new FramePacer(loopConfig, clock), loop, clock, observer);
            final PhaseTracker renderPhase = phases[1];

            renderThread = new Thread(() -> renderThreadBody(driver, buffer, renderPhase), RENDER_THREAD);
            renderThread.setDaemon(false);
            registerWorkers();
            allocation.register(ThreadRole.RENDER, renderThread);
            renderThread.start();
            renderThreadStarted = true;
            awaitUninterruptibly(initDone);
            try
            {
                if (renderInitialised && !exit.isSet())
                {
                    final PhaseTracker simulationPhase = phases[0];
                    simulationThread = AgentThread.start(SIMULATION_THREAD,
                        new GuardedAgent(simulationAgent, exit, failures, simulationPhase,
                            () -> simulation.publishStats(loop.droppedTicks())));
                    allocation.register(ThreadRole.SIM, simulationThread.thread());
                    startProducers();
                    allocation.register(ThreadRole.PLATFORM, Thread.currentThread());
                }
            }
            finally
            {
                go.countDown();
            }
            if (null != window)
            {
                pumpEvents();
            }
            joinUninterruptibly(renderThread);
        }

        private void renderThreadBody(
            final RenderFrameDriver<S> driver, final TripleBuffer<S> buffer, final PhaseTracker phase)
        {
            try
            {
                pipeline.setUp();
                pipeline.init();
                renderInitialised = true;
            }
            catch (final Throwable ex)
            {
                failures.record(phase.phase(), ex);
            }
            finally
            {
                initDone.countDown();
            }
            try
            {
                if (renderInitialised)
                {
                    awaitUninterruptibly(go);
                    FirstTick.awaitFirstState(buffer, exit, loop.tickPeriodNs());
                    while (!exit.isSet())
                    {
                        driver.runFrame();
                        checkLimits();
                    }
                }
            }
            catch (final Throwable ex)
            {
                failures.record(phase.phase(), ex);
            }
            endOfFrames(phase, driver, null);
            if (null != window)
            {
                GLFW.glfwPostEmptyEvent();
            }
        }

        /** Platform thread of a windowed run: waits for events until the run ends; allocation-free. */
        private void pumpEvents()
        {
            final GlfwWindowContext window = this.window;
            final PlatformHook hook = config.platformHook();
            final Thread renderThread = this.renderThread;
            while (!exit.isSet() && renderThread.isAlive())
            {
                window.waitEvents(EVENT_WAIT_SECONDS);
                pollDuty(window, hook);
            }
        }

        private void pollDuty(final GlfwWindowContext window, final PlatformHook hook)
        {
            adapter.afterPollEvents();
            polls++;
            if (null != hook)
            {
                hook.afterPoll(window.windowHandle(), polls);
            }
            if (window.shouldClose())
            {
                exit.request(ExitCause.WINDOW_CLOSED);
            }
        }

        // ------------------------------------------------------------------------------------------------
        // Single-threaded: everything on this thread.

        private void runSingleThreaded()
        {
            final PhaseTracker phase = phases[0];
            SingleThreadedDriver driver = null;
            try
            {
                registerWorkers();
                allocation.register(ThreadRole.RENDER, Thread.currentThread());
                pipeline.setUp();
                phase.enter(Phase.INIT);
                final S state = newState();
                phase.leave();
                driver = new SingleThreadedDriver(loop,
                    (alpha, frameStartNs) ->
                    {
                        if (loop.lastFrameTicks() > 0)
                        {
                            simulation.write(state, loop.lastTickIndex(), loop.lastTickTimeNs());
                            simulation.publishStats(loop.droppedTicks());
                        }
                        pipeline.render(state, alpha, frameStartNs);
                    },
                    new FramePacer(loopConfig, clock), clock, observer);
                pipeline.init();
                renderInitialised = true;
                startProducers();
                final GlfwWindowContext window = this.window;
                final PlatformHook hook = config.platformHook();
                FirstTick.runFirstTick(loop, simulation, state, clock, exit, null == window ? () -> { } : () ->
                {
                    window.pollEvents();
                    pollDuty(window, hook);
                });
                while (!exit.isSet())
                {
                    if (null != window)
                    {
                        window.pollEvents();
                        pollDuty(window, hook);
                    }
                    driver.runFrame();
                    checkLimits();
                }
            }
            catch (final ApplicationFailure ex)
            {
                failures.record(ex);
            }
            catch (final Throwable ex)
            {
                failures.record(phase.phase(), ex);
            }
            endOfFrames(phase, null, driver);
        }

        // ------------------------------------------------------------------------------------------------
        // Shared.

        private TripleBuffer<S> newTripleBuffer()
        {
            final PhaseTracker phase = phases[0];
            phase.enter(Phase.INIT);
            final TripleBuffer<S> buffer = new TripleBuffer<>(this::newState);
            phase.leave();
            return buffer;
        }

        private S newState()
        {
            try
            {
                final S state = app.newRenderState();
                if (null == state)
                {
                    throw Constants.nullRenderState();
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

        private void registerWorkers()
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

        private void startProducers()
        {
            for (int i = 0; i < producerAgents.size(); i++)
            {
                final Agent agent = producerAgents.get(i);
                final String name = Constants.producerName(agent, i);
                final AgentThread thread = AgentThread.start(name,
                    new GuardedAgent(agent, exit, failures, new PhaseTracker(), null));
                producerThreads.add(thread);
                allocation.register(ThreadRole.PRODUCERS, thread.thread());
            }
        }

        /** Frame and time limits; the thread that runs frames, after each. Allocation-free. */
        private void checkLimits()
        {
            final long frameLimit = config.measurement().frames();
            if (frameLimit > 0 && pipeline.frames() >= frameLimit)
            {
                exit.request(ExitCause.FRAME_LIMIT);
            }
            final double seconds = config.measurement().seconds();
            if (seconds > 0 &&
                pipeline.lastFrameStartNs() - pipeline.firstFrameStartNs() >= (long)(seconds * NS_PER_SECOND))
            {
                exit.request(ExitCause.TIME_LIMIT);
            }
        }

        /**
         * The thread that ran the frames, after the last one: ends the measured window while every thread is
         * alive, writes the screenshot, then disposes the application and releases GL.
         */
        private void endOfFrames(
            final PhaseTracker phase, final RenderFrameDriver<S> multiDriver, final SingleThreadedDriver singleDriver)
        {
            try
            {
                frameMetrics.endWindow();
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
                        if (null != multiDriver)
                        {
                            multiDriver.runFrame();
                        }
                        else
                        {
                            singleDriver.runFrame();
                        }
                    }
                }
                catch (final Throwable ex)
                {
                    failures.record(phase.phase(), ex);
                }
            }
            pipeline.tearDown();
        }

        private void tearDown()
        {
            go.countDown();
            if (null != literals)
            {
                literals.close();
            }
            if (null != renderThread && renderThread.isAlive())
            {
                exit.fail();
                joinUninterruptibly(renderThread);
            }
            for (int i = producerThreads.size() - 1; i >= 0; i--)
            {
                closeAgentThread(producerThreads.get(i));
            }
            if (null != simulationThread)
            {
                closeAgentThread(simulationThread);
            }
            if (null != pipeline && Threading.MULTI == config.threading() && !renderThreadStarted)
            {
                pipeline.closeFont();
            }
            if (null != pipeline && (null == renderThread || !renderThreadStarted) && null != pipeline.workers() &&
                !pipeline.workers().isClosed())
            {
                try
                {
                    pipeline.workers().close();
                }
                catch (final Throwable ex)
                {
                    failures.record(Phase.RUNTIME, ex);
                }
            }
            if (null != queue)
            {
                queue.recordTo(null);
            }
            if (null != recorder)
            {
                try
                {
                    recorder.close();
                }
                catch (final IOException | RuntimeException ex)
                {
                    failures.record(Phase.RUNTIME, ex);
                }
            }
            if (null != adapter)
            {
                try
                {
                    adapter.uninstall(window.windowHandle());
                    adapter.close();
                }
                catch (final Throwable ex)
                {
                    failures.record(Phase.RUNTIME, ex);
                }
            }
            if (null != context)
            {
                try
                {
                    context.close();
                }
                catch (final Throwable ex)
                {
                    failures.record(Phase.RUNTIME, ex);
                }
            }
            if (null != sizeChain)
            {
                sizeChain.free();
            }
            if (null != watchdog)
            {
                try
                {
                    watchdog.close();
                }
                catch (final Throwable ex)
                {
                    failures.record(Phase.RUNTIME, ex);
                }
            }
            if (null != gcPauses)
            {
                gcPauses.close();
            }
        }

        private void closeAgentThread(final AgentThread thread)
        {
            try
            {
                thread.close();
            }
            catch (final Throwable ex)
            {
                failures.record(Phase.RUNTIME, ex);
            }
        }

        private RunResult finishReport()
        {
            frameMetrics.endWindow();
            report.collect(frameMetrics, gcPauses, allocation, null == replay ? inputLatency : null)
                .threading(Constants.threading(config.threading()))
                .workers(config.workers())
                .headless(null == window)
                .glRenderer(pipeline.glRenderer())
                .glVersion(pipeline.glVersion())
                .contextApi(pipeline.contextApi())
                .gcName(gcPauses.gcName())
                .inputEvents(queue.events())
                .inputDrops(queue.drops())
                .inputCoalesced(queue.coalesced())
                .extra(Constants.SKIPPED_FRAMES, pipeline.skippedFrames())
                .extra(Constants.TOTAL_FRAMES, pipeline.frames())
                .extra(Constants.TOTAL_TICKS, simulation.ticks())
                .extra(Constants.WATCHDOG_STALLS, null == watchdog ? 0 : watchdog.stallCount())
                .extra(Constants.WATCHDOG_THRESHOLD_MS, config.stallWatchdog().toNanos() / 1e6)
                .extra(Constants.LITERAL_CLASSES_RESOLVED, null != literals && literals.available() ? literals.classes() : -1)
                .extra(Constants.LITERALS_RESOLVED, null == literals ? 0 : literals.literals())
                .extra(Constants.WORKER_FRAMES, pipeline.workerFrames())
                .extra(Constants.NATIVE_HEAP_RETAINED, NativeHeap.isRetained() ? 1 : 0)
                .extra(Constants.PHASE_RECORD_MS, pipeline.phaseTimes().meanMs(FramePhaseTimes.RECORD))
                .extra(Constants.PHASE_FILL_MS, pipeline.phaseTimes().meanMs(FramePhaseTimes.FILL))
                .extra(Constants.PHASE_SUBMIT_MS, pipeline.phaseTimes().meanMs(FramePhaseTimes.SUBMIT))
                .extra(Constants.PHASE_PRESENT_MS, pipeline.phaseTimes().meanMs(FramePhaseTimes.PRESENT))
                .extra(Constants.PERSISTENT_VERTEX_RING, pipeline.persistentVertexRing() ? 1 : 0)
                .extra(Constants.INSTANCED_SPRITES, pipeline.instancedSprites() ? 1 : 0)
                .extra(Constants.INSTANCED_SPRITE_FALLBACK_FRAMES, pipeline.instancedSpriteFallbackFrames())
                .extra(Constants.CHECKED, config.checked() ? 1 : 0);
            final long consumed = queue.events();
            final long discarded = null == replay ? discardInputLeftInRing() : 0L;
            report.extra(Constants.INPUT_WRITTEN, queue.written())
                .extra(Constants.INPUT_DISCARDED_AT_END, discarded)
                .measureRss();
            if (config.measurement().measureHeapAfterRun())
            {
                report.measureHeapAfterGc();
            }
            if (null != config.measurement().reportPath())
            {
                try
                {
                    report.writeJson(config.measurement().reportPath());
                }
                catch (final IOException ex)
                {
                    throw Constants.cannotWriteReport(config.measurement().reportPath(), ex);
                }
            }
            final ExitCause cause = null == exit.cause() ? ExitCause.EXIT_REQUESTED : exit.cause();
            return new RunResult(cause, report, pipeline.frames(), simulation.ticks(), pipeline.skippedFrames(),
                pipeline.firstSkippedFailure(),
                null == watchdog ? 0L : watchdog.stallCount(), null == watchdog ? List.of() : watchdog.stalls(),
                new RunResult.InputCounts(null == synthetic ? 0L : synthetic.emitted(), queue.written(), queue.drops(),
                    queue.coalesced(), consumed, discarded));
        }

        /**
         * After every producer and the simulation have stopped (caller's thread): drains what the ticks did not
         * consume, so the run's input is accounted for exactly (produced = consumed + discarded + dropped +
         * coalesced). Runs after the report collected the input latency, which these records must not enter.
         */
        private long discardInputLeftInRing()
        {
            final InputState scratch = new InputState();
            long discarded = 0;
            int drained;
            do
            {
                drained = queue.drainInto(Long.MAX_VALUE, scratch, Long.MAX_VALUE, Long.MAX_VALUE, EventListener.NONE);
                discarded += drained;
            }
            while (drained > 0);
            return discarded;
        }

    }

    private static void awaitUninterruptibly(final CountDownLatch latch)
    {
        boolean interrupted = false;
        while (true)
        {
            try
            {
                latch.await();
                break;
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Joins {@code thread}, waiting on through interrupts, and keeps the caller's interrupt status. */
    static void joinUninterruptibly(final Thread thread)
    {
        boolean interrupted = false;
        while (thread.isAlive())
        {
            try
            {
                thread.join();
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The thread names, the report's keys and the error messages, in a class of their own so that neither
     * ApplicationRunner nor {@link Run} holds String constants: the first C2 compile of a per-frame method of
     * {@code Run} ({@code checkLimits}, the frame loops) would otherwise resolve them on the render thread mid-run
     * (see {@code ClassConstants} in the engine test-jar). The names are assigned in the static initialiser, not the
     * declarations, so that javac does not copy them into the classes that read them as constants.
     */
    private static final class Constants
    {
        static final String RENDER_THREAD;
        static final String SIMULATION_THREAD;
        static final String SKIPPED_FRAMES;
        static final String TOTAL_FRAMES;
        static final String TOTAL_TICKS;
        static final String WATCHDOG_STALLS;
        static final String WATCHDOG_THRESHOLD_MS;
        static final String INPUT_WRITTEN;
        static final String INPUT_DISCARDED_AT_END;
        static final String LITERAL_CLASSES_RESOLVED;
        static final String LITERALS_RESOLVED;
        static final String WORKER_FRAMES;
        static final String NATIVE_HEAP_RETAINED;
        static final String PHASE_RECORD_MS;
        static final String PHASE_FILL_MS;
        static final String PHASE_SUBMIT_MS;
        static final String PHASE_PRESENT_MS;
        static final String PERSISTENT_VERTEX_RING;
        static final String INSTANCED_SPRITES;
        static final String INSTANCED_SPRITE_FALLBACK_FRAMES;
        static final String CHECKED;

        static
        {
            RENDER_THREAD = "isochron-render";
            SIMULATION_THREAD = "isochron-simulation";
            SKIPPED_FRAMES = "skippedFrames";
            TOTAL_FRAMES = "totalFrames";
            TOTAL_TICKS = "totalTicks";
            WATCHDOG_STALLS = "watchdogStalls";
            WATCHDOG_THRESHOLD_MS = "watchdogThresholdMs";
            INPUT_WRITTEN = "inputWritten";
            INPUT_DISCARDED_AT_END = "inputDiscardedAtEnd";
            LITERAL_CLASSES_RESOLVED = "literalClassesResolved";
            LITERALS_RESOLVED = "literalsResolved";
            WORKER_FRAMES = "workerFrames";
            NATIVE_HEAP_RETAINED = "nativeHeapRetained";
            PHASE_RECORD_MS = "renderRecordMs";
            PHASE_FILL_MS = "renderFillMs";
            PHASE_SUBMIT_MS = "renderSubmitMs";
            PHASE_PRESENT_MS = "renderPresentMs";
            PERSISTENT_VERTEX_RING = "persistentVertexRing";
            INSTANCED_SPRITES = "instancedSprites";
            INSTANCED_SPRITE_FALLBACK_FRAMES = "instancedSpriteFallbackFrames";
            CHECKED = "checked";
        }

        private Constants()
        {
        }

        static IllegalStateException agronaUnchecked()
        {
            return new IllegalStateException("checking mode needs Agrona's bounds checks, which " +
                DirectBuffer.DISABLE_BOUNDS_CHECKS_PROP_NAME + "=true turned off: the input ring's and the frame " +
                "arenas' writes would go unchecked; drop that property or run without checking mode");
        }

        static String producerName(final Agent agent, final int index)
        {
            return agent instanceof SyntheticInputSource ? "isochron-input-synthetic" : "isochron-input-" + index;
        }

        static String threading(final Threading threading)
        {
            return Threading.SINGLE == threading ? "single" : "multi";
        }

        static IllegalArgumentException nullApp()
        {
            return new IllegalArgumentException("app must not be null");
        }

        static IllegalArgumentException nullConfig()
        {
            return new IllegalArgumentException("config must not be null");
        }

        static UncheckedIOException cannotReadReplay(final Path replayPath, final IOException ex)
        {
            return new UncheckedIOException("cannot read replay " + replayPath + ": " + ex, ex);
        }

        /** {@code ex} names the recording, its path and the reason (AtomicFileWriter): its message is the message. */
        static UncheckedIOException cannotRecord(final Path recordPath, final IOException ex)
        {
            return new UncheckedIOException(ex.getMessage(), ex);
        }

        static IllegalArgumentException nullAgent(final int index)
        {
            return new IllegalArgumentException("input source " + index + " made a null agent");
        }

        static IllegalStateException nullRenderState()
        {
            return new IllegalStateException("Application.newRenderState() returned null");
        }

        /** {@code ex} names the report, its path and the reason (AtomicFileWriter): its message is the message. */
        static UncheckedIOException cannotWriteReport(final Path reportPath, final IOException ex)
        {
            return new UncheckedIOException(ex.getMessage(), ex);
        }
    }
}
