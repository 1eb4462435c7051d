package dev.isochron.render.runtime;

import dev.isochron.engine.checked.CheckedMode;
import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.watchdog.StallReporter;
import dev.isochron.input.queue.InputQueueConfig;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.context.ContextKind;
import dev.isochron.render.context.WindowApi;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What an embedder sets for {@link dev.isochron.render.Isochron#run} besides the application: the window or headless
 * context (size, title, window API), the loop and its pacing, the threading model and render workers, the input
 * sources, the native heap and checking mode. Each group of options that is one idea of its own is a fluent context
 * of its own, reached from here and replaceable whole: the window's icon and fullscreen ({@link #window()}), the
 * batches' capacities and drawing ({@link #batches()}), the stall watchdog ({@link #watchdog()}) and what a
 * measurement sets ({@link #measurement()}: frame and time limits, warm-up, the report and its files, record and
 * replay, synthetic input, literal resolution). The setters here that name a group's option are shorthands for it.
 * A fluent context whose setters check each value as it is given and whose {@link #conclude()} checks the
 * combination, the groups' included, both throwing {@link IllegalArgumentException} naming the option, its allowed
 * range and the value given.
 * <p>
 * Defaults suit a first program: a 1280x720 window when a display exists (headless otherwise), the
 * {@link LoopConfig} defaults (120 Hz ticks, uncapped frames), the multi-threaded model, no render workers, the GL
 * renderer, the {@link BatchConfig}, {@link WatchdogConfig} and {@link MeasurementConfig} defaults (the watchdog on at
 * {@value #DEFAULT_STALL_THRESHOLD_MS} ms, reporting one line per stall to System.err; no frame or time limit, 300
 * warm-up frames before the report's measured window), the {@link FailurePolicy#STOP} policy.
 * <p>
 * Threading: build on one thread, then hand to {@code Isochron.run}, which reads it once at start-up.
 * <p>
 * Why this file is longer than the project's 500 lines: it is the one flat surface that embedders, the demo and the
 * perf runs call, about thirty options each with a documented setter and getter, kept whole for source compatibility
 * (the groups' shorthands included). What could leave has: the groups' state, checks and full documentation are in
 * their own classes, and the checks that span them in {@code ConfigChecks}.
 */
public final class RuntimeConfig
{
    /** Default draw target size. */
    public static final int DEFAULT_WIDTH = 1280;
    /** Default draw target size. */
    public static final int DEFAULT_HEIGHT = 720;
    /** Largest draw target side accepted. */
    public static final int MAX_SIZE = 16384;
    /** Most render workers accepted. */
    public static final int MAX_WORKERS = 64;
    /**
     * The fewest quads in a frame that the render thread hands to its workers by default: about what one core fills in
     * the time it takes to wake a parked worker and join it on a loaded machine (tens of microseconds).
     */
    public static final int DEFAULT_FORK_MIN_QUADS = 4_096;
    /** The largest {@link #forkMinQuads}. */
    public static final int MAX_FORK_MIN_QUADS = 1 << 30;
    /** {@link BatchConfig#DEFAULT_SPRITE_CAPACITY}. */
    public static final int DEFAULT_SPRITE_CAPACITY = BatchConfig.DEFAULT_SPRITE_CAPACITY;
    /** {@link BatchConfig#DEFAULT_SHAPE_CAPACITY}. */
    public static final int DEFAULT_SHAPE_CAPACITY = BatchConfig.DEFAULT_SHAPE_CAPACITY;
    /** {@link BatchConfig#DEFAULT_HUD_CAPACITY}. */
    public static final int DEFAULT_HUD_CAPACITY = BatchConfig.DEFAULT_HUD_CAPACITY;
    /** {@link BatchConfig#MAX_BATCH_CAPACITY}. */
    public static final int MAX_BATCH_CAPACITY = BatchConfig.MAX_BATCH_CAPACITY;
    /** {@link BatchConfig#MAX_TOTAL_QUADS}. */
    public static final int MAX_TOTAL_QUADS = BatchConfig.MAX_TOTAL_QUADS;
    /** {@link WatchdogConfig#DEFAULT_THRESHOLD_MS}. */
    public static final long DEFAULT_STALL_THRESHOLD_MS = WatchdogConfig.DEFAULT_THRESHOLD_MS;
    /** {@link WatchdogConfig#MIN_THRESHOLD}. */
    public static final Duration MIN_STALL_THRESHOLD = WatchdogConfig.MIN_THRESHOLD;
    /** {@link WatchdogConfig#MAX_THRESHOLD}. */
    public static final Duration MAX_STALL_THRESHOLD = WatchdogConfig.MAX_THRESHOLD;
    /** {@link WatchdogConfig#DEFAULT_START_UP_UNITS}. */
    public static final int DEFAULT_STALL_START_UP_UNITS = WatchdogConfig.DEFAULT_START_UP_UNITS;
    /** {@link WatchdogConfig#DEFAULT_START_UP_BUDGET_MS}. */
    public static final long DEFAULT_STALL_START_UP_BUDGET_MS = WatchdogConfig.DEFAULT_START_UP_BUDGET_MS;
    /** {@link WatchdogConfig#MAX_START_UP_UNITS}. */
    public static final int MAX_STALL_START_UP_UNITS = WatchdogConfig.MAX_START_UP_UNITS;

    private ContextKind context = ContextKind.AUTO;
    private WindowApi windowApi = WindowApi.AUTO;
    private boolean nativeHeapRetention = true;
    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;
    private String title = "Isochron";
    private LoopConfig loop = new LoopConfig();
    private Threading threading = Threading.MULTI;
    private int workers;
    private int forkMinQuads = DEFAULT_FORK_MIN_QUADS;
    private RendererKind renderer = RendererKind.GL;
    private InputQueueConfig inputQueue;
    private final List<InputAgentFactory> inputSources = new ArrayList<>();
    private FailurePolicy failurePolicy = FailurePolicy.STOP;
    private boolean jfr;
    private boolean debugGl;
    private boolean checked = CheckedMode.ENABLED;
    private boolean failOnLeak = true;
    private NanoClock clock = new SystemNanoClock();
    private PlatformHook platformHook;
    private int clearColor = Rgba.BLACK;
    private boolean hudVisible;
    private MeasurementConfig measurement = new MeasurementConfig();
    private WindowConfig window = new WindowConfig();
    private BatchConfig batches = new BatchConfig();
    private WatchdogConfig watchdog = new WatchdogConfig();
    private final FaultInjection faults = new FaultInjection();

    /**
     * @param context AUTO (a window when a display exists, else headless), WINDOW or HEADLESS; ignored by the
     *                null renderer, which never makes a context.
     * @return this.
     */
    public RuntimeConfig context(final ContextKind context)
    {
        this.context = ConfigChecks.requireNonNull(context, "context", "AUTO, WINDOW, HEADLESS");
        return this;
    }

    /**
     * @param windowApi the API a window's GL context is created through: {@link WindowApi#AUTO} (default: the
     *                  platform's native API, GLX on X11, which presents faster than EGL there; EGL on Wayland or
     *                  when the native API fails), {@link WindowApi#NATIVE} or {@link WindowApi#EGL}. Headless runs
     *                  use EGL whatever this says. The run report says which API the context got
     *                  ({@code contextApi}).
     * @return this.
     */
    public RuntimeConfig windowApi(final WindowApi windowApi)
    {
        this.windowApi = ConfigChecks.requireNonNull(windowApi, "windowApi", "AUTO, NATIVE, EGL");
        return this;
    }

    /**
     * @param width  window width in screen coordinates (pixels, unless a high-DPI display scales them), or the headless
     *               framebuffer's width in pixels, in [1, 16384].
     * @param height the height, in the same unit, in [1, 16384].
     * @return this.
     */
    public RuntimeConfig size(final int width, final int height)
    {
        this.width = ConfigChecks.requireInRange("width", width, 1, MAX_SIZE);
        this.height = ConfigChecks.requireInRange("height", height, 1, MAX_SIZE);
        return this;
    }

    /**
     * @param title the window title; not null.
     * @return this.
     */
    public RuntimeConfig title(final String title)
    {
        this.title = ConfigChecks.requireNonNull(title, "title", "any string");
        return this;
    }

    /**
     * @param loop tick rate, catch-up bound, time scale, pacing (uncapped, target FPS, vsync); read at start-up.
     * @return this.
     */
    public RuntimeConfig loop(final LoopConfig loop)
    {
        this.loop = ConfigChecks.requireNonNull(loop, "loop", "a LoopConfig");
        return this;
    }

    /**
     * @param threading MULTI (simulation and render threads, the default) or SINGLE (all on the caller's thread).
     * @return this.
     */
    public RuntimeConfig threading(final Threading threading)
    {
        this.threading = ConfigChecks.requireNonNull(threading, "threading", "SINGLE, MULTI");
        return this;
    }

    /**
     * @param workers render worker threads that fill vertex slices besides the render thread, in [0, 64];
     *                0 fills them on the render thread.
     * @return this.
     */
    public RuntimeConfig workers(final int workers)
    {
        this.workers = ConfigChecks.requireInRange("workers", workers, 0, MAX_WORKERS);
        return this;
    }

    /**
     * @param forkMinQuads the fewest quads a frame must have for the render thread to hand vertex filling to the
     *                     {@link #workers}, in [0, {@value #MAX_FORK_MIN_QUADS}] (default
     *                     {@value #DEFAULT_FORK_MIN_QUADS}); a smaller frame fills its vertices on the render thread.
     *                     0 always hands them over. Why: for a small frame, waking the workers and joining them is
     *                     most of the frame (the list scene on the null renderer: frame p99 0.16-0.27 ms with a
     *                     worker, 0.08-0.13 ms filled on the render thread, on 2 cores).
     * @return this.
     */
    public RuntimeConfig forkMinQuads(final int forkMinQuads)
    {
        this.forkMinQuads = ConfigChecks.requireInRange("forkMinQuads", forkMinQuads, 0, MAX_FORK_MIN_QUADS);
        return this;
    }

    /**
     * @param renderer GL, or NULL (same pipeline, no GL context, no draws: measures the engine's CPU cost).
     * @return this.
     */
    public RuntimeConfig renderer(final RendererKind renderer)
    {
        this.renderer = ConfigChecks.requireNonNull(renderer, "renderer", "GL, NULL");
        return this;
    }

    /**
     * @param inputQueue capacity, producers and coalescing of the runtime's input queue, or null for the
     *                   defaults; its clock and latency sink are replaced by the runtime's.
     * @return this.
     */
    public RuntimeConfig inputQueue(final InputQueueConfig inputQueue)
    {
        this.inputQueue = inputQueue;
        return this;
    }

    /**
     * Adds an input producer run on a thread of its own (see {@link InputAgentFactory}).
     *
     * @param source makes the agent from a producer of the runtime's queue; not null.
     * @return this.
     */
    public RuntimeConfig addInputSource(final InputAgentFactory source)
    {
        inputSources.add(ConfigChecks.requireNonNull(source, "inputSource", "an InputAgentFactory"));
        return this;
    }

    /**
     * @param failurePolicy STOP (default) or SKIP_FRAME (for {@code render} only).
     * @return this.
     */
    public RuntimeConfig failurePolicy(final FailurePolicy failurePolicy)
    {
        this.failurePolicy = ConfigChecks.requireNonNull(failurePolicy, "failurePolicy", "STOP, SKIP_FRAME");
        return this;
    }

    /**
     * @param jfr whether frames, ticks and dropped ticks also go to JFR events.
     * @return this.
     */
    public RuntimeConfig jfr(final boolean jfr)
    {
        this.jfr = jfr;
        return this;
    }

    /**
     * @param debugGl whether GL errors are checked after each GL call of the runtime's resources (slow).
     * @return this.
     */
    public RuntimeConfig debugGl(final boolean debugGl)
    {
        this.debugGl = debugGl;
        return this;
    }

    /**
     * @param checked checking mode for this run (default {@link CheckedMode#ENABLED}, i.e. {@code -Disochron.checked=true}):
     *                guard bands around the off-heap memory the frame path writes (vertex staging or the persistent
     *                ring, the batches' entry streams, uniform and read-back memory, the input ring), verified at the
     *                end of each frame and at close; bounds assertions on every vertex reservation and slice; the
     *                frame path's GL entry points refuse a thread that does not own the context; and a refusal to
     *                start when Agrona's bounds checks are off. A failed check stops the run naming the memory, the
     *                offset and the bytes found (or the threads). Costs time and memory; allocates nothing per frame.
     *                LWJGL's debug allocator (leaks reported at exit) and debug mode are process-wide: they come with
     *                {@code -Disochron.checked=true} (or the demo's {@code --checked}), not with this setter alone.
     *                See docs/reliability.md.
     * @return this.
     */
    public RuntimeConfig checked(final boolean checked)
    {
        this.checked = checked;
        return this;
    }

    /**
     * @param failOnLeak whether GL objects still registered at the end fail the run (default true) or are
     *                   printed to standard error.
     * @return this.
     */
    public RuntimeConfig failOnLeak(final boolean failOnLeak)
    {
        this.failOnLeak = failOnLeak;
        return this;
    }

    /**
     * @param clock the engine's clock for ticks, frames, pacing and input time stamps; not null.
     * @return this.
     */
    public RuntimeConfig clock(final NanoClock clock)
    {
        this.clock = ConfigChecks.requireNonNull(clock, "clock", "a NanoClock");
        return this;
    }

    /**
     * @param platformHook runs on the platform thread after each event poll of a windowed run, or null.
     * @return this.
     */
    public RuntimeConfig platformHook(final PlatformHook platformHook)
    {
        this.platformHook = platformHook;
        return this;
    }

    /**
     * @param clearColor the colour each frame starts from, packed by {@link Rgba} (red in the lowest byte);
     *                   default {@link Rgba#BLACK}.
     * @return this.
     */
    public RuntimeConfig clearColor(final int clearColor)
    {
        this.clearColor = clearColor;
        return this;
    }

    /**
     * @param hudVisible whether the performance HUD ({@link dev.isochron.render.hud.HudOverlay}) shows from the
     *                   first frame; either way F3 toggles it (default hidden).
     * @return this.
     */
    public RuntimeConfig hudVisible(final boolean hudVisible)
    {
        this.hudVisible = hudVisible;
        return this;
    }

    /**
     * @param nativeHeapRetention whether the run keeps memory the C heap frees instead of returning it to the kernel at
     *                            once (default true; glibc only, for the whole process, set at start-up:
     *                            {@link dev.isochron.render.natives.NativeHeap}). Mesa's llvmpipe frees and reallocates
     *                            its per-draw scratch every frame, and with glibc's defaults each frame's regrowth
     *                            page-faulted: 4–5 ms of a 2,000-sprite frame's draw submission, under 1.2 ms kept.
     * @return this.
     */
    public RuntimeConfig nativeHeapRetention(final boolean nativeHeapRetention)
    {
        this.nativeHeapRetention = nativeHeapRetention;
        return this;
    }

    /** @return whether the run keeps memory the C heap frees ({@link #nativeHeapRetention(boolean)}). */
    public boolean nativeHeapRetention()
    {
        return nativeHeapRetention;
    }

    /**
     * Replaces the run's measurement settings: its frame or time limit, warm-up, report labels and files, input
     * recording or replay, synthetic input, literal resolution and heap measurement.
     *
     * @param measurement the measurement's settings; not null.
     * @return this.
     */
    public RuntimeConfig measurement(final MeasurementConfig measurement)
    {
        this.measurement = ConfigChecks.requireNonNull(measurement, "measurement", "a MeasurementConfig");
        return this;
    }

    /**
     * @return the run's measurement settings (the same object until {@link #measurement(MeasurementConfig)} replaces
     *         it, so {@code config.measurement().frames(600)} sets this run's frame limit).
     */
    public MeasurementConfig measurement()
    {
        return measurement;
    }

    /**
     * Replaces the window's features (icon, fullscreen at start).
     *
     * @param window the window's settings; not null.
     * @return this.
     */
    public RuntimeConfig window(final WindowConfig window)
    {
        this.window = ConfigChecks.requireNonNull(window, "window", "a WindowConfig");
        return this;
    }

    /** @return the window's features (the same object until {@link #window(WindowConfig)} replaces it). */
    public WindowConfig window()
    {
        return window;
    }

    /** Shorthand for {@code batches().spriteCapacity(spriteCapacity)}: {@link BatchConfig#spriteCapacity(int)}. */
    public RuntimeConfig spriteCapacity(final int spriteCapacity)
    {
        batches.spriteCapacity(spriteCapacity);
        return this;
    }

    /** Shorthand for {@code batches().shapeCapacity(shapeCapacity)}: {@link BatchConfig#shapeCapacity(int)}. */
    public RuntimeConfig shapeCapacity(final int shapeCapacity)
    {
        batches.shapeCapacity(shapeCapacity);
        return this;
    }

    /** Shorthand for {@code batches().hudCapacity(hudCapacity)}: {@link BatchConfig#hudCapacity(int)}. */
    public RuntimeConfig hudCapacity(final int hudCapacity)
    {
        batches.hudCapacity(hudCapacity);
        return this;
    }

    /** Shorthand for {@code batches().vertexStreaming(vertexStreaming)}: {@link BatchConfig#vertexStreaming}. */
    public RuntimeConfig vertexStreaming(final VertexStreaming vertexStreaming)
    {
        batches.vertexStreaming(vertexStreaming);
        return this;
    }

    /** Shorthand for {@code batches().spritePath(spritePath)}: {@link BatchConfig#spritePath(SpritePath)}. */
    public RuntimeConfig spritePath(final SpritePath spritePath)
    {
        batches.spritePath(spritePath);
        return this;
    }

    /**
     * Replaces the batches' settings: their capacities, how vertices are streamed and how sprites are drawn.
     *
     * @param batches the batches' settings; not null.
     * @return this.
     */
    public RuntimeConfig batches(final BatchConfig batches)
    {
        this.batches = ConfigChecks.requireNonNull(batches, "batches", "a BatchConfig");
        return this;
    }

    /** @return the batches' settings (the same object until {@link #batches(BatchConfig)} replaces it). */
    public BatchConfig batches()
    {
        return batches;
    }

    /** Shorthand for {@code watchdog().threshold(threshold)}: {@link WatchdogConfig#threshold(Duration)}. */
    public RuntimeConfig stallWatchdog(final Duration threshold)
    {
        watchdog.threshold(threshold);
        return this;
    }

    /** Shorthand for {@code watchdog().startUp(units, budget)}: {@link WatchdogConfig#startUp(int, Duration)}. */
    public RuntimeConfig stallWatchdogStartUp(final int units, final Duration budget)
    {
        watchdog.startUp(units, budget);
        return this;
    }

    /** Shorthand for {@code watchdog().stacks(stallStacks)}: {@link WatchdogConfig#stacks(boolean)}. */
    public RuntimeConfig stallStacks(final boolean stallStacks)
    {
        watchdog.stacks(stallStacks);
        return this;
    }

    /** Shorthand for {@code watchdog().reporter(stallReporter)}: {@link WatchdogConfig#reporter(StallReporter)}. */
    public RuntimeConfig stallReporter(final StallReporter stallReporter)
    {
        watchdog.reporter(stallReporter);
        return this;
    }

    /**
     * Replaces the stall watchdog's settings: its threshold, start-up allowance and reporter.
     *
     * @param watchdog the watchdog's settings; not null.
     * @return this.
     */
    public RuntimeConfig watchdog(final WatchdogConfig watchdog)
    {
        this.watchdog = ConfigChecks.requireNonNull(watchdog, "watchdog", "a WatchdogConfig");
        return this;
    }

    /** @return the stall watchdog's settings (the same object until {@link #watchdog(WatchdogConfig)} replaces it). */
    public WatchdogConfig watchdog()
    {
        return watchdog;
    }

    /**
     * Checks every option and their combination, the groups' ({@link #measurement()}, {@link #batches()},
     * {@link #window()}) included; {@code Isochron.run} calls it.
     *
     * @return this.
     * @throws IllegalArgumentException naming the first option that is out of range or conflicts.
     */
    public RuntimeConfig conclude()
    {
        ConfigChecks.concludeAll(this);
        return this;
    }

    /** @return the context kind. */
    public ContextKind context()
    {
        return context;
    }

    /** @return the API a window's GL context is created through. */
    public WindowApi windowApi()
    {
        return windowApi;
    }

    /** @return the draw target width. */
    public int width()
    {
        return width;
    }

    /** @return the draw target height. */
    public int height()
    {
        return height;
    }

    /** @return the window title. */
    public String title()
    {
        return title;
    }

    /** @return the loop configuration. */
    public LoopConfig loop()
    {
        return loop;
    }

    /** @return the threading model. */
    public Threading threading()
    {
        return threading;
    }

    /** @return the render worker count. */
    public int workers()
    {
        return workers;
    }

    /** @return the fewest quads a frame must have for its vertices to be filled by the workers. */
    public int forkMinQuads()
    {
        return forkMinQuads;
    }

    /** @return the renderer. */
    public RendererKind renderer()
    {
        return renderer;
    }

    /** @return the input queue configuration, or null for the defaults. */
    public InputQueueConfig inputQueue()
    {
        return inputQueue;
    }

    /** @return the extra input sources, in the order added (a copy). */
    public List<InputAgentFactory> inputSources()
    {
        return new ArrayList<>(inputSources);
    }

    /** @return the failure policy. */
    public FailurePolicy failurePolicy()
    {
        return failurePolicy;
    }

    /** @return whether JFR events are emitted. */
    public boolean jfr()
    {
        return jfr;
    }

    /** @return whether GL errors are checked. */
    public boolean debugGl()
    {
        return debugGl;
    }

    /** @return whether the run is in checking mode. */
    public boolean checked()
    {
        return checked;
    }

    /** @return whether leaked GL objects fail the run. */
    public boolean failOnLeak()
    {
        return failOnLeak;
    }

    /** @return the engine's clock. */
    public NanoClock clock()
    {
        return clock;
    }

    /** @return the platform hook, or null. */
    public PlatformHook platformHook()
    {
        return platformHook;
    }

    /** @return whether the HUD shows from the first frame. */
    public boolean hudVisible()
    {
        return hudVisible;
    }

    /** @return {@code batches().spriteCapacity()}: the world sprite batch capacity. */
    public int spriteCapacity()
    {
        return batches.spriteCapacity();
    }

    /** @return {@code batches().shapeCapacity()}: the world shape batch capacity. */
    public int shapeCapacity()
    {
        return batches.shapeCapacity();
    }

    /** @return {@code batches().hudCapacity()}: each HUD batch's capacity. */
    public int hudCapacity()
    {
        return batches.hudCapacity();
    }

    /** @return {@code batches().vertexStreaming()}: how the GL renderer streams its vertices. */
    public VertexStreaming vertexStreaming()
    {
        return batches.vertexStreaming();
    }

    /** @return {@code batches().spritePath()}: how the world sprite batch is drawn. */
    public SpritePath spritePath()
    {
        return batches.spritePath();
    }

    /** @return {@code watchdog().threshold()}: the stall threshold; {@link Duration#ZERO} when it is off. */
    public Duration stallWatchdog()
    {
        return watchdog.threshold();
    }

    /** @return {@code watchdog().startUpUnits()}: how many first units of work get the start-up budget. */
    public int stallWatchdogStartUpUnits()
    {
        return watchdog.startUpUnits();
    }

    /** @return {@code watchdog().startUpBudget()}: the start-up budget of one unit of work. */
    public Duration stallWatchdogStartUpBudget()
    {
        return watchdog.startUpBudget();
    }

    /** @return {@code watchdog().stacks()}: whether the default stall reporter prints whole stacks. */
    public boolean stallStacks()
    {
        return watchdog.stacks();
    }

    /** @return {@code watchdog().reporter()}: the stall reporter, or null for the default (System.err). */
    public StallReporter stallReporter()
    {
        return watchdog.reporter();
    }

    /** @return the test seam of injected faults (none set in production). */
    FaultInjection faults()
    {
        return faults;
    }

    /** @return the clear colour, packed by {@link Rgba}. */
    public int clearColor()
    {
        return clearColor;
    }
}
