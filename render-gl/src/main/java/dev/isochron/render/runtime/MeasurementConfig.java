package dev.isochron.render.runtime;

import dev.isochron.engine.io.AtomicFileWriter;
import dev.isochron.engine.io.FileKind;
import dev.isochron.engine.metrics.FrameMetrics;
import dev.isochron.input.synthetic.SyntheticInputConfig;
import dev.isochron.input.synthetic.SyntheticInputSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a measurement sets for a run, apart from what an embedder sets ({@link RuntimeConfig}): when the run ends
 * (a frame or time limit), the warm-up before the report's measured window and the window's capacity, the report's
 * labels and the files a run writes (report, screenshot, input recording) or reads (a replay), synthetic input, the
 * resolution of the frame path's String literals and the heap measurement at the end. Reached through
 * {@link RuntimeConfig#measurement()}; a fluent context like it, whose setters check each value as it is given and
 * whose {@link #conclude()} (called by {@link RuntimeConfig#conclude()}) checks the combination, both throwing
 * {@link IllegalArgumentException} naming the option, its allowed range and the value given.
 * <p>
 * Defaults: no frame or time limit, {@value #DEFAULT_WARMUP_FRAMES} warm-up frames, no files, the report's scene
 * {@code app} and mode {@code engine}, literals resolved, no {@code System.gc()} at the end.
 * <p>
 * Threading: build on one thread, then hand to {@code Isochron.run} with its {@link RuntimeConfig}, which reads it
 * once at start-up.
 */
public final class MeasurementConfig
{
    /** Default frames run before the report's measured window starts. */
    public static final int DEFAULT_WARMUP_FRAMES = FrameMetrics.Context.DEFAULT_WARMUP_FRAMES;
    /** Default most frames the report's window holds. */
    public static final int DEFAULT_REPORT_CAPACITY_FRAMES = FrameMetrics.Context.DEFAULT_WINDOW_CAPACITY_FRAMES;
    /** What the JDK's lambda proxies' names hold after the name of the class that declares the lambda. */
    private static final String LAMBDA_PROXY_MARK = "$$Lambda";

    private long frames;
    private double seconds;
    private int warmupFrames = DEFAULT_WARMUP_FRAMES;
    private int reportCapacityFrames = DEFAULT_REPORT_CAPACITY_FRAMES;
    private String scene = "app";
    private String mode = "engine";
    private Path reportPath;
    private Path screenshotPath;
    private Path recordPath;
    private Path replayPath;
    private SyntheticInputConfig syntheticInput;
    private boolean resolveLiterals = true;
    private boolean measureHeapAfterRun;
    private final List<Class<?>> frameClasses = new ArrayList<>();

    /**
     * @param frames end the run after this many frames (warm-up included), >= 0; 0 = no limit. A limit must leave the
     *               report a frame to measure: {@link #conclude()} refuses one below {@code warmupFrames + 2} (the
     *               warm-up frames are not measured, nor is the last frame, which no next frame times).
     * @return this.
     */
    public MeasurementConfig frames(final long frames)
    {
        if (frames < 0)
        {
            throw new IllegalArgumentException("frames must be >= 0 (0 = no limit), was " + frames);
        }
        this.frames = frames;
        return this;
    }

    /**
     * @param seconds end the run after this many seconds from the first frame, finite and >= 0; 0 = no limit.
     * @return this.
     */
    public MeasurementConfig seconds(final double seconds)
    {
        if (!(seconds >= 0.0 && seconds < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException("seconds must be finite and >= 0 (0 = no limit), was " + seconds);
        }
        this.seconds = seconds;
        return this;
    }

    /**
     * @param warmupFrames frames run before the report's measured window (JIT, caches), in [0, 100000000]; with a
     *                     {@link #frames} limit, at most {@code frames - 2} (see {@link #frames(long)}).
     * @return this.
     */
    public MeasurementConfig warmupFrames(final int warmupFrames)
    {
        if (warmupFrames < 0 || warmupFrames > FrameMetrics.Context.MAX_WARMUP_FRAMES)
        {
            throw new IllegalArgumentException("warmupFrames must be in [0, " +
                FrameMetrics.Context.MAX_WARMUP_FRAMES + "], was " + warmupFrames);
        }
        this.warmupFrames = warmupFrames;
        return this;
    }

    /**
     * @param reportCapacityFrames most frames the report's measured window holds (preallocated), in
     *                             [1, 50000000]; the window ends when it is full.
     * @return this.
     */
    public MeasurementConfig reportCapacityFrames(final int reportCapacityFrames)
    {
        if (reportCapacityFrames < 1 || reportCapacityFrames > FrameMetrics.Context.MAX_WINDOW_CAPACITY_FRAMES)
        {
            throw new IllegalArgumentException("reportCapacityFrames must be in [1, " +
                FrameMetrics.Context.MAX_WINDOW_CAPACITY_FRAMES + "], was " + reportCapacityFrames);
        }
        this.reportCapacityFrames = reportCapacityFrames;
        return this;
    }

    /**
     * @param scene the report's {@code scene} key; not null.
     * @return this.
     */
    public MeasurementConfig scene(final String scene)
    {
        this.scene = ConfigChecks.requireNonNull(scene, "scene", "any string");
        return this;
    }

    /**
     * @param mode the report's {@code mode} key ({@code engine} or {@code naive}); not null.
     * @return this.
     */
    public MeasurementConfig mode(final String mode)
    {
        this.mode = ConfigChecks.requireNonNull(mode, "mode", "engine, naive");
        return this;
    }

    /**
     * @param reportPath where to write the run report's JSON at the end, or null for none; written whole or not at
     *                   all, so it must be a regular file or a new name in an existing directory ({@link #conclude()}
     *                   refuses a directory, a device such as {@code /dev/full}, a FIFO, a missing directory).
     * @return this.
     */
    public MeasurementConfig reportPath(final Path reportPath)
    {
        this.reportPath = reportPath;
        return this;
    }

    /**
     * @param screenshotPath where to write a PNG of the last frame, or null for none (GL renderer only:
     *                       {@link RuntimeConfig#conclude()} refuses it with the null renderer); like
     *                       {@link #reportPath}, a regular file or a new name in an existing directory.
     * @return this.
     */
    public MeasurementConfig screenshotPath(final Path screenshotPath)
    {
        this.screenshotPath = screenshotPath;
        return this;
    }

    /**
     * @param recordPath where to record every input record consumed, tick by tick, or null for none; like
     *                   {@link #reportPath}, a regular file or a new name in an existing directory.
     * @return this.
     */
    public MeasurementConfig recordPath(final Path recordPath)
    {
        this.recordPath = recordPath;
        return this;
    }

    /**
     * @param replayPath a recording whose records feed the ticks instead of the live input queue, or null; an existing
     *                   regular file ({@link #conclude()} refuses a missing path, a directory, a device or a FIFO,
     *                   which opening would block on).
     * @return this.
     */
    public MeasurementConfig replayPath(final Path replayPath)
    {
        this.replayPath = replayPath;
        return this;
    }

    /**
     * Attaches a {@link SyntheticInputSource} with this configuration on a producer thread of its own, or none
     * when null.
     *
     * @param syntheticInput the streams and rates.
     * @return this.
     */
    public MeasurementConfig syntheticInput(final SyntheticInputConfig syntheticInput)
    {
        this.syntheticInput = syntheticInput;
        return this;
    }

    /**
     * @param resolveLiterals whether the runtime resolves the String literals of the frame path's classes before the
     *                        first frame (default true): the application's class, the {@link #frameClasses} and the
     *                        third-party classes the runtime's own frame path calls. Why: HotSpot resolves a class's
     *                        literals on the thread that requests its first C2 compile, which for a per-frame method
     *                        is an engine thread thousands of frames in; see {@link dev.isochron.engine.jit}. Needs
     *                        {@value dev.isochron.engine.jit.LiteralResolver#REQUIRED_FLAGS}; without them the run
     *                        says so once on System.err and goes on.
     * @return this.
     */
    public MeasurementConfig resolveLiterals(final boolean resolveLiterals)
    {
        this.resolveLiterals = resolveLiterals;
        return this;
    }

    /**
     * @param types more of the application's classes whose methods run every tick or frame (its scene graph, its
     *              systems), whose String literals the runtime resolves before the first frame along with the
     *              application's own class; each must be non-null. Any class or interface is taken: nested, inner,
     *              local or anonymous, abstract, enum, record, annotation type, from any class loader, and hidden
     *              classes. Refused, because they have no literals of their own to resolve: an array class (pass
     *              its element class), a primitive type, and a lambda proxy (pass the class that declares the
     *              lambda, whose synthetic method holds the lambda's code and literals). Adds to those given before.
     * @return this.
     * @throws IllegalArgumentException naming the index, the class and what to pass instead, for a null or a
     *                                  refused class; none of {@code types} is added then.
     */
    public MeasurementConfig frameClasses(final Class<?>... types)
    {
        for (int i = 0; i < types.length; i++)
        {
            checkFrameClass(i, types[i]);
        }
        for (final Class<?> type : types)
        {
            frameClasses.add(type);
        }
        return this;
    }

    private static void checkFrameClass(final int index, final Class<?> type)
    {
        final String name = "frameClasses[" + index + "]";
        if (null == type)
        {
            throw new IllegalArgumentException(name + " is null: pass the classes themselves");
        }
        if (type.isArray())
        {
            Class<?> element = type.getComponentType();
            while (element.isArray())
            {
                element = element.getComponentType();
            }
            throw new IllegalArgumentException(name + " is the array class " + type.getTypeName() +
                ", which has no constant pool: " + (element.isPrimitive() ?
                "pass the classes whose methods use it instead" :
                "pass its element class " + element.getName() + " instead"));
        }
        if (type.isPrimitive())
        {
            throw new IllegalArgumentException(name + " is the primitive type " + type.getName() +
                ", which has no constant pool: pass the classes whose methods use it instead");
        }
        final int lambda = type.getName().indexOf(LAMBDA_PROXY_MARK);
        if (type.isHidden() && type.isSynthetic() && lambda > 0)
        {
            throw new IllegalArgumentException(name + " is the lambda proxy " + type.getName() +
                ", which holds none of its lambda's literals: pass the class that declares the lambda (" +
                type.getName().substring(0, lambda) + ") instead");
        }
    }

    /**
     * @param measureHeapAfterRun whether the run ends with a {@code System.gc()} to measure the report's
     *                            {@code heapUsedAfterMb} (the heap used after a full collection, once every runtime
     *                            thread has stopped). Default false: a full collection is the host application's to
     *                            call, not a library's, so a run calls none and reports {@code heapUsedAfterMb} as -1
     *                            (not measured). The demo launcher turns it on with {@code --report}, for the perf
     *                            harness's heap figures.
     * @return this.
     */
    public MeasurementConfig measureHeapAfterRun(final boolean measureHeapAfterRun)
    {
        this.measureHeapAfterRun = measureHeapAfterRun;
        return this;
    }

    /**
     * Checks the combination of this measurement's options; {@link RuntimeConfig#conclude()} calls it (with the
     * checks that need both, such as a screenshot with the null renderer, in between).
     *
     * @return this.
     * @throws IllegalArgumentException naming the first option that is out of range or conflicts.
     */
    public MeasurementConfig conclude()
    {
        checkRecordAndReplay();
        checkFilesAndFrames();
        return this;
    }

    /** Refuses recording and replaying in one run. */
    void checkRecordAndReplay()
    {
        if (null != recordPath && null != replayPath)
        {
            throw new IllegalArgumentException("recordPath and replayPath must not both be set, were " +
                recordPath + " and " + replayPath + "; record a live run, or replay a recording");
        }
    }

    /** Refuses a replay, an output or a frame limit the run could not honour, before anything is started. */
    void checkFilesAndFrames()
    {
        checkReplayPath();
        checkOutputPath("reportPath", reportPath);
        checkOutputPath("screenshotPath", screenshotPath);
        checkOutputPath("recordPath", recordPath);
        checkFramesAfterWarmup();
    }

    /**
     * Refuses a frame limit that leaves the report no frame to measure: a run of {@code frames} frames measures frames
     * {@code warmupFrames} to {@code frames - 2} (a frame is timed by the start of the next one), so a limit at or below
     * {@code warmupFrames + 1} would print an empty report (0 frames, 0 B/frame) that reads like a pass.
     */
    private void checkFramesAfterWarmup()
    {
        if (frames > 0 && frames < warmupFrames + 2L)
        {
            final long least = warmupFrames + 2L;
            throw new IllegalArgumentException("frames " + frames + " leaves the report no frame to measure after " +
                "warmupFrames " + warmupFrames + " (a run measures the frames after the warm-up but the last, which " +
                "no next frame times): frames must be 0 (no limit) or at least warmupFrames + 2 = " + least +
                "; raise frames to " + least + (frames >= 2 ? " or lower warmupFrames to " + (frames - 2) : "") +
                " (warmupFrames(0) for a short run)");
        }
    }

    /** Refuses a replay the run could not open, or would block on (a FIFO), before anything is started. */
    private void checkReplayPath()
    {
        if (null == replayPath)
        {
            return;
        }
        final String kind = FileKind.of(replayPath);
        if (null == kind)
        {
            throw new IllegalArgumentException("replayPath " + replayPath + " does not exist; give a recording made " +
                "with recordPath");
        }
        if (!FileKind.REGULAR_FILE.equals(kind))
        {
            throw new IllegalArgumentException("replayPath " + replayPath + " is " + kind + ", not a regular file; " +
                "give a recording made with recordPath");
        }
    }

    /** Refuses an output the run could not write whole at its end (see {@link AtomicFileWriter}), before it starts. */
    private static void checkOutputPath(final String name, final Path path)
    {
        if (null == path)
        {
            return;
        }
        final String reason = AtomicFileWriter.unwritableReason(path);
        if (null != reason)
        {
            throw new IllegalArgumentException(name + " " + path + ": " + reason);
        }
    }

    /** @return the frame limit, 0 for none. */
    public long frames()
    {
        return frames;
    }

    /** @return the time limit in seconds, 0 for none. */
    public double seconds()
    {
        return seconds;
    }

    /** @return the warm-up frames. */
    public int warmupFrames()
    {
        return warmupFrames;
    }

    /** @return the report window's capacity in frames. */
    public int reportCapacityFrames()
    {
        return reportCapacityFrames;
    }

    /** @return the report's scene name. */
    public String scene()
    {
        return scene;
    }

    /** @return the report's mode. */
    public String mode()
    {
        return mode;
    }

    /** @return the report JSON path, or null. */
    public Path reportPath()
    {
        return reportPath;
    }

    /** @return the screenshot path, or null. */
    public Path screenshotPath()
    {
        return screenshotPath;
    }

    /** @return the input recording path, or null. */
    public Path recordPath()
    {
        return recordPath;
    }

    /** @return the input replay path, or null. */
    public Path replayPath()
    {
        return replayPath;
    }

    /** @return the synthetic input configuration, or null. */
    public SyntheticInputConfig syntheticInput()
    {
        return syntheticInput;
    }

    /** @return whether the runtime resolves the frame path's String literals before the first frame. */
    public boolean resolveLiterals()
    {
        return resolveLiterals;
    }

    /** @return the application's extra frame-path classes, in the order given; read-only. */
    public List<Class<?>> frameClasses()
    {
        return List.copyOf(frameClasses);
    }

    /** @return whether the run ends with a {@code System.gc()} to measure the report's heap figure. */
    public boolean measureHeapAfterRun()
    {
        return measureHeapAfterRun;
    }
}
