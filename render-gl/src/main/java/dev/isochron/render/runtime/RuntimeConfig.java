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
 * context (size, title, window API; icon and fullscreen in the {@link WindowConfig} that {@link #window()} returns), the loop and its pacing, the threading model and render workers, the batch and
 * input capacities, the input sources, the stall watchdog, the native heap and checking mode. What a measurement sets
 * (frame and time limits, warm-up, the report and its files, record and replay, synthetic input, literal resolution)
 * is apart, in the {@link MeasurementConfig} that {@link #measurement()} returns. A fluent context whose setters check
 * each value as it is given and whose {@link #conclude()} checks the combination, the measurement's included, both
 * throwing {@link IllegalArgumentException} naming the option, its allowed range and the value given.
 * <p>
 * Defaults suit a first program: a 1280x720 window when a display exists (headless otherwise), the
 * {@link LoopConfig} defaults (120 Hz ticks, uncapped frames), the multi-threaded model, no render workers, the GL
 * renderer, the {@link MeasurementConfig} defaults (no frame or time limit, 300 warm-up frames before the report's
 * measured window), the {@link FailurePolicy#STOP} policy, the stall watchdog on at {@value #DEFAULT_STALL_THRESHOLD_MS} ms (each thread's
 * first {@value #DEFAULT_STALL_START_UP_UNITS} units of work at {@value #DEFAULT_STALL_START_UP_BUDGET_MS} ms) reporting
 * one line per stall to System.err.
 * <p>
 * Threading: build on one thread, then hand to {@code Isochron.run}, which reads it once at start-up.
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
    /** Default capacity of the world sprite batch, in quads. */
    public static final int DEFAULT_SPRITE_CAPACITY = 16_384;
    /** Default capacity of the world shape batch, in quads. */
    public static final int DEFAULT_SHAPE_CAPACITY = 16_384;
    /** Default capacity of each HUD batch, in quads. */
    public static final int DEFAULT_HUD_CAPACITY = 8_192;
    /**
     * The fewest quads in a frame that the render thread hands to its workers by default: about what one core fills in
     * the time it takes to wake a parked worker and join it on a loaded machine (tens of microseconds).
     */
    public static final int DEFAULT_FORK_MIN_QUADS = 4_096;
    /** The largest {@link #forkMinQuads}. */
    public static final int MAX_FORK_MIN_QUADS = 1 << 30;
    /** Largest batch capacity accepted, in quads. */
    public static final int MAX_BATCH_CAPACITY = 4_000_000;
    /** Most quads one frame may hold over all four batches (the GL backend's vertex memory limit). */
    public static final int MAX_TOTAL_QUADS = 1 << 22;
    /**
     * Default stall watchdog threshold, ms: fifteen 60 Hz frames, a freeze a user sees, yet far above any frame or
     * tick the runtime is meant to produce (and above a young-generation GC pause), so a report is worth a stack walk.
     */
    public static final long DEFAULT_STALL_THRESHOLD_MS = 250;
    /** Shortest stall watchdog threshold accepted (the monitor polls every threshold / 4). */
    public static final Duration MIN_STALL_THRESHOLD = Duration.ofMillis(1);
    /** Longest stall watchdog threshold accepted. */
    public static final Duration MAX_STALL_THRESHOLD = Duration.ofHours(1);
    /**
     * Default number of each engine thread's first units of work (ticks, render-state writes, frames, vertex slices)
     * judged against the start-up budget: about the first 15 frames of a run with one render worker.
     */
    public static final int DEFAULT_STALL_START_UP_UNITS = 30;
    /**
     * Default start-up budget of one unit of work, ms: above what llvmpipe's first frames take on a loaded 2-core
     * machine (shader compiles, first-touch buffers, interpreted code: 0.3-0.7 s seen), far below a deadlock.
     */
    public static final long DEFAULT_STALL_START_UP_BUDGET_MS = 2_000;
    /** Most start-up units of work accepted. */
    public static final int MAX_STALL_START_UP_UNITS = 1_000_000;

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
    private int spriteCapacity = DEFAULT_SPRITE_CAPACITY;
    private int shapeCapacity = DEFAULT_SHAPE_CAPACITY;
    private int hudCapacity = DEFAULT_HUD_CAPACITY;
    private boolean jfr;
    private boolean debugGl;
    private VertexStreaming vertexStreaming = VertexStreaming.AUTO;
    private SpritePath spritePath = SpritePath.AUTO;
    private boolean checked = CheckedMode.ENABLED;
    private boolean failOnLeak = true;
    private NanoClock clock = new SystemNanoClock();
    private PlatformHook platformHook;
    private int clearColor = Rgba.BLACK;
    private boolean hudVisible;
    private Duration stallThreshold = Duration.ofMillis(DEFAULT_STALL_THRESHOLD_MS);
    private int stallStartUpUnits = DEFAULT_STALL_START_UP_UNITS;
    private Duration stallStartUpBudget = Duration.ofMillis(DEFAULT_STALL_START_UP_BUDGET_MS);
    private boolean stallStacks;
    private StallReporter stallReporter;
    private MeasurementConfig measurement = new MeasurementConfig();
    private WindowConfig window = new WindowConfig();
    private final FaultInjection faults = new FaultInjection();

    /**
     * @param context AUTO (a window when a display exists, else headless), WINDOW or HEADLESS; ignored by the
     *                null renderer, which never makes a context.
     * @return this.
     */
    public RuntimeConfig context(final ContextKind context)
    {
        this.context = requireNonNull(context, "context", "AUTO, WINDOW, HEADLESS");
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
        this.windowApi = requireNonNull(windowApi, "windowApi", "AUTO, NATIVE, EGL");
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
        this.width = checkSize("width", width);
        this.height = checkSize("height", height);
        return this;
    }

    /**
     * @param title the window title; not null.
     * @return this.
     */
    public RuntimeConfig title(final String title)
    {
        this.title = requireNonNull(title, "title", "any string");
        return this;
    }

    /**
     * @param loop tick rate, catch-up bound, time scale, pacing (uncapped, target FPS, vsync); read at start-up.
     * @return this.
     */
    public RuntimeConfig loop(final LoopConfig loop)
    {
        this.loop = requireNonNull(loop, "loop", "a LoopConfig");
        return this;
    }

    /**
     * @param threading MULTI (simulation and render threads, the default) or SINGLE (all on the caller's thread).
     * @return this.
     */
    public RuntimeConfig threading(final Threading threading)
    {
        this.threading = requireNonNull(threading, "threading", "SINGLE, MULTI");
        return this;
    }

    /**
     * @param workers render worker threads that fill vertex slices besides the render thread, in [0, 64];
     *                0 fills them on the render thread.
     * @return this.
     */
    public RuntimeConfig workers(final int workers)
    {
        if (workers < 0 || workers > MAX_WORKERS)
        {
            throw new IllegalArgumentException("workers must be in [0, " + MAX_WORKERS + "], was " + workers);
        }
        this.workers = workers;
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
        if (forkMinQuads < 0 || forkMinQuads > MAX_FORK_MIN_QUADS)
        {
            throw new IllegalArgumentException("forkMinQuads must be in [0, " + MAX_FORK_MIN_QUADS + "], was " +
                forkMinQuads);
        }
        this.forkMinQuads = forkMinQuads;
        return this;
    }

    /**
     * @param renderer GL, or NULL (same pipeline, no GL context, no draws: measures the engine's CPU cost).
     * @return this.
     */
    public RuntimeConfig renderer(final RendererKind renderer)
    {
        this.renderer = requireNonNull(renderer, "renderer", "GL, NULL");
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
        inputSources.add(requireNonNull(source, "inputSource", "an InputAgentFactory"));
        return this;
    }

    /**
     * @param failurePolicy STOP (default) or SKIP_FRAME (for {@code render} only).
     * @return this.
     */
    public RuntimeConfig failurePolicy(final FailurePolicy failurePolicy)
    {
        this.failurePolicy = requireNonNull(failurePolicy, "failurePolicy", "STOP, SKIP_FRAME");
        return this;
    }

    /**
     * @param spriteCapacity quads the world sprite batch holds (text included), in [1, 4000000].
     * @return this.
     */
    public RuntimeConfig spriteCapacity(final int spriteCapacity)
    {
        this.spriteCapacity = checkCapacity("spriteCapacity", spriteCapacity);
        return this;
    }

    /**
     * @param shapeCapacity quads the world shape batch holds, in [1, 4000000].
     * @return this.
     */
    public RuntimeConfig shapeCapacity(final int shapeCapacity)
    {
        this.shapeCapacity = checkCapacity("shapeCapacity", shapeCapacity);
        return this;
    }

    /**
     * @param hudCapacity quads each HUD batch holds, in [1, 4000000].
     * @return this.
     */
    public RuntimeConfig hudCapacity(final int hudCapacity)
    {
        this.hudCapacity = checkCapacity("hudCapacity", hudCapacity);
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
     * @param vertexStreaming how the GL renderer streams each frame's vertices: {@link VertexStreaming#AUTO} (default:
     *                        the persistent-mapped ring, which the render workers write directly, except on Mesa's
     *                        llvmpipe, whose fences are unsafe to poll and free every frame, where it uploads from
     *                        staging memory), {@link VertexStreaming#RING} or {@link VertexStreaming#STAGING}. The run
     *                        report says which was used ({@code persistentVertexRing}).
     * @return this.
     */
    public RuntimeConfig vertexStreaming(final VertexStreaming vertexStreaming)
    {
        this.vertexStreaming = requireNonNull(vertexStreaming, "vertexStreaming", "AUTO, RING, STAGING");
        return this;
    }

    /**
     * @param spritePath how the world sprite batch ({@code Frame.sprites()}, text drawn into it included) is drawn:
     *                   {@link SpritePath#AUTO} (default: one 32-byte instance record per sprite, the corners built and
     *                   rotated by the vertex shader, except on Mesa's CPU rasterisers, which run an instanced draw
     *                   once per instance, where it makes vertices), {@link SpritePath#INSTANCED} or
     *                   {@link SpritePath#VERTICES}. Recording is the same either way. The run report's
     *                   {@code instancedSprites} says which path drew.
     * @return this.
     */
    public RuntimeConfig spritePath(final SpritePath spritePath)
    {
        this.spritePath = requireNonNull(spritePath, "spritePath", "AUTO, INSTANCED, VERTICES");
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
        this.clock = requireNonNull(clock, "clock", "a NanoClock");
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
     * Turns the stall watchdog on with this threshold, or off with {@link Duration#ZERO}. When on, the simulation
     * thread (each tick and each render-state write), the render thread (each frame, less the time it waits for the
     * render workers) and each render worker (each vertex slice) publish a heartbeat, allocation-free, and a monitor
     * thread ({@code isochron-watchdog}) reports a thread that has been inside one such unit of work longer than the
     * threshold: once per stall, with its stack, to the {@link #stallReporter(StallReporter)} (by default one line
     * to System.err; see {@link #stallStacks(boolean)}); each thread's first units of work are judged against the
     * longer start-up budget ({@link #stallWatchdogStartUp}). The stalls are counted and described in
     * {@link RunResult#watchdogStalls()} and counted in the report's {@code watchdogStalls}. It observes only: the
     * stalled thread is never interrupted.
     *
     * @param threshold {@link Duration#ZERO} (off) or in [1 ms, 1 h]; default {@value #DEFAULT_STALL_THRESHOLD_MS} ms.
     * @return this.
     */
    public RuntimeConfig stallWatchdog(final Duration threshold)
    {
        if (null == threshold || (!threshold.isZero() &&
            (threshold.compareTo(MIN_STALL_THRESHOLD) < 0 || threshold.compareTo(MAX_STALL_THRESHOLD) > 0)))
        {
            throw new IllegalArgumentException("stallWatchdog threshold must be Duration.ZERO (off) or in [" +
                MIN_STALL_THRESHOLD + ", " + MAX_STALL_THRESHOLD + "], was " + threshold);
        }
        this.stallThreshold = threshold;
        return this;
    }

    /**
     * Gives each engine thread's first units of work a longer budget than the {@link #stallWatchdog} threshold: the
     * first ticks and frames of a run compile shaders in the driver, touch buffers for the first time and run code the
     * JIT has not compiled yet, which on a software renderer (llvmpipe) takes hundreds of milliseconds. That is
     * start-up time, not a stall; a unit that outlasts even this budget (a deadlock at start-up) is still reported,
     * as a start-up stall ({@link WatchdogStall#startUp()}).
     *
     * @param units  how many of each thread's first units of work (ticks, render-state writes, frames, vertex slices,
     *               each counted on its own thread) get the budget, in [0, {@value #MAX_STALL_START_UP_UNITS}];
     *               0 judges every unit against the threshold. Default {@value #DEFAULT_STALL_START_UP_UNITS}.
     * @param budget their budget, in [1 ms, 1 h]; a budget below the threshold counts as the threshold. Default
     *               {@value #DEFAULT_STALL_START_UP_BUDGET_MS} ms.
     * @return this.
     */
    public RuntimeConfig stallWatchdogStartUp(final int units, final Duration budget)
    {
        if (units < 0 || units > MAX_STALL_START_UP_UNITS)
        {
            throw new IllegalArgumentException("stallWatchdogStartUp units must be in [0, " + MAX_STALL_START_UP_UNITS +
                "] (0: no start-up allowance), was " + units);
        }
        if (null == budget || budget.compareTo(MIN_STALL_THRESHOLD) < 0 || budget.compareTo(MAX_STALL_THRESHOLD) > 0)
        {
            throw new IllegalArgumentException("stallWatchdogStartUp budget must be in [" + MIN_STALL_THRESHOLD + ", " +
                MAX_STALL_THRESHOLD + "], was " + budget);
        }
        this.stallStartUpUnits = units;
        this.stallStartUpBudget = budget;
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
     * @param stallStacks whether the default stall reporter prints each stalled thread's whole stack after its one
     *                    line (default false: one line per stall, {@link WatchdogStall#summary()}: thread, kind of
     *                    work, duration and the top Isochron or application frame). The stacks are kept in
     *                    {@link RunResult#watchdogStalls()} either way; a {@link #stallReporter} gets them always.
     * @return this.
     */
    public RuntimeConfig stallStacks(final boolean stallStacks)
    {
        this.stallStacks = stallStacks;
        return this;
    }

    /**
     * @param stallReporter receives each stall on the watchdog's monitor thread (off the frame path; it may
     *                      allocate, and should return promptly), or null for the default, which prints one line to
     *                      System.err (thread, kind of work, duration, the top Isochron or application frame), and
     *                      the stack too with {@link #stallStacks(boolean)}. An exception it throws fails the run at
     *                      shutdown ({@link Phase#RUNTIME}).
     * @return this.
     */
    public RuntimeConfig stallReporter(final StallReporter stallReporter)
    {
        this.stallReporter = stallReporter;
        return this;
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
        this.measurement = requireNonNull(measurement, "measurement", "a MeasurementConfig");
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
        this.window = requireNonNull(window, "window", "a WindowConfig");
        return this;
    }

    /** @return the window's features (the same object until {@link #window(WindowConfig)} replaces it). */
    public WindowConfig window()
    {
        return window;
    }

    /**
     * Checks every option and their combination, the {@link #measurement()}'s included; {@code Isochron.run} calls it.
     *
     * @return this.
     * @throws IllegalArgumentException naming the first option that is out of range or conflicts.
     */
    public RuntimeConfig conclude()
    {
        loop.conclude();
        if (0.0 == loop.timeScale())
        {
            throw new IllegalArgumentException("loop timeScale must be > 0 for a run, was 0.0: a run renders its " +
                "first frame once its first tick has written the render state (see Application), and time scale 0 " +
                "runs no tick; nothing in a run changes the time scale later");
        }
        final long quads = (long)spriteCapacity + shapeCapacity + 2L * hudCapacity;
        if (quads > MAX_TOTAL_QUADS)
        {
            throw new IllegalArgumentException("spriteCapacity + shapeCapacity + 2 x hudCapacity must be <= " +
                MAX_TOTAL_QUADS + " quads per frame, was " + quads + "; lower the batch capacities");
        }
        measurement.checkRecordAndReplay();
        if (RendererKind.NULL == renderer && null != measurement.screenshotPath())
        {
            throw new IllegalArgumentException("screenshotPath needs renderer GL, was renderer NULL with " +
                "screenshotPath " + measurement.screenshotPath());
        }
        if (RendererKind.NULL == renderer && ContextKind.WINDOW == context)
        {
            throw new IllegalArgumentException(
                "context WINDOW needs renderer GL, was renderer NULL; the null renderer never opens a window");
        }
        measurement.checkFilesAndFrames();
        window.conclude();
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

    /** @return the world sprite batch capacity. */
    public int spriteCapacity()
    {
        return spriteCapacity;
    }

    /** @return the world shape batch capacity. */
    public int shapeCapacity()
    {
        return shapeCapacity;
    }

    /** @return each HUD batch's capacity. */
    public int hudCapacity()
    {
        return hudCapacity;
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

    /** @return how the GL renderer streams its vertices. */
    public VertexStreaming vertexStreaming()
    {
        return vertexStreaming;
    }

    /** @return how the world sprite batch is drawn ({@link #spritePath(SpritePath)}). */
    public SpritePath spritePath()
    {
        return spritePath;
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

    /** @return the stall watchdog threshold; {@link Duration#ZERO} when it is off. */
    public Duration stallWatchdog()
    {
        return stallThreshold;
    }

    /** @return how many of each engine thread's first units of work get the start-up budget. */
    public int stallWatchdogStartUpUnits()
    {
        return stallStartUpUnits;
    }

    /** @return the start-up budget of one unit of work (the threshold applies when it is the longer). */
    public Duration stallWatchdogStartUpBudget()
    {
        return stallStartUpBudget;
    }

    /** @return whether the default stall reporter prints whole stacks. */
    public boolean stallStacks()
    {
        return stallStacks;
    }

    /** @return the stall reporter, or null for the default (System.err). */
    public StallReporter stallReporter()
    {
        return stallReporter;
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

    private static int checkSize(final String name, final int value)
    {
        if (value < 1 || value > MAX_SIZE)
        {
            throw new IllegalArgumentException(name + " must be in [1, " + MAX_SIZE + "], was " + value);
        }
        return value;
    }

    private static int checkCapacity(final String name, final int value)
    {
        if (value < 1 || value > MAX_BATCH_CAPACITY)
        {
            throw new IllegalArgumentException(name + " must be in [1, " + MAX_BATCH_CAPACITY + "], was " + value);
        }
        return value;
    }

    static <T> T requireNonNull(final T value, final String name, final String allowed)
    {
        if (null == value)
        {
            throw new IllegalArgumentException(name + " must be " + allowed + ", was null");
        }
        return value;
    }
}
