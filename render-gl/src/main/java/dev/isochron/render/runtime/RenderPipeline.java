package dev.isochron.render.runtime;

import dev.isochron.engine.loop.StateRenderer;
import dev.isochron.engine.metrics.GcPauseMonitor;
import dev.isochron.engine.metrics.LatencyHistogram;
import dev.isochron.engine.metrics.RunReport;
import dev.isochron.engine.thread.WorkerGroup;
import dev.isochron.engine.watchdog.Heartbeat;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.render.batch.BatchRenderer;
import dev.isochron.render.batch.DrawBackend;
import dev.isochron.render.batch.GlDrawBackend;
import dev.isochron.render.batch.NullDrawBackend;
import dev.isochron.render.batch.QuadSliceWork;
import dev.isochron.render.batch.QuadVertexLayout;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.QuadSource;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.batch.SpriteInstances;
import dev.isochron.render.camera.Camera2D;
import dev.isochron.render.context.GlContext;
import dev.isochron.render.context.GlContextException;
import dev.isochron.render.gl.DriverWorkarounds;
import dev.isochron.render.gl.GlErrors;
import dev.isochron.render.gl.GlException;
import dev.isochron.render.hud.HudOverlay;
import dev.isochron.render.screenshot.Screenshot;
import dev.isochron.render.text.BitmapFont;
import dev.isochron.render.text.Font;
import org.agrona.concurrent.NanoClock;
import org.joml.Matrix4f;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.lwjgl.opengl.GL11C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL11C.GL_NO_ERROR;
import static org.lwjgl.opengl.GL11C.glGetError;
import static org.lwjgl.opengl.GL11C.glClear;
import static org.lwjgl.opengl.GL11C.glClearColor;

/**
 * The render thread's side of an application: owns the draw backend (GL or null), the four batches of a
 * {@link Frame}, the world camera, the render workers' slice work, and the registered resources. Each frame it
 * calls {@link Application#render}, then reserves vertex memory for the batches, has the workers fill it (or fills it
 * itself when there are none, or when the frame has fewer than {@link RuntimeConfig#forkMinQuads} quads), records the
 * draws (world projection, then the pixel-space HUD projection), ends the backend's frame
 * and presents.
 * <p>
 * After each presented frame it asks the driver whether the context was lost ({@link ResetStatusSource}) and whether
 * a GL error was raised during the frame ({@code glGetError}); either stops the run with a
 * {@link GlContextException} ({@link Phase#RUNTIME}) or a {@link GlException} ({@link Phase#RENDER}). With
 * {@link RuntimeConfig#debugGl(boolean)} the KHR_debug output is also checked right after
 * {@link Application#render}, so the failure names the GL call the application made (Mesa's message names it).
 * <p>
 * Each frame is a unit of work for the stall watchdog's render heartbeat, less the time the render thread waits for
 * the workers: each slice is a unit of its own, on the thread that runs it.
 * <p>
 * Threading: the render thread (the caller's thread in single-threaded mode) for everything but the constructor,
 * which runs on the caller's thread at start-up. Allocation: {@link #render(Object, double, long)} is
 * allocation-free; set-up and tear-down are not.
 *
 * @param <S> the render state type.
 */
final class RenderPipeline<S> implements StateRenderer<S>
{
    private static final int SOURCES_PER_FRAME = 4;
    private static final int INPUT_STATS_PERIOD_FRAMES = 32;
    /** Names the call in a debug-mode GL error found right after the application's render. */
    static final String RENDER_CALL = Constants.RENDER_CALL;
    /** Names the check in a debug-mode GL error found at the end of the frame. */
    static final String END_OF_FRAME_CALL = Constants.END_OF_FRAME_CALL;
    /** The render workers' name; worker k's thread is {@code isochron-render-worker-k}. */
    static final String WORKER_NAME = Constants.WORKER_NAME;

    private final Application<S> app;
    private final RuntimeConfig config;
    private final MeasurementConfig measurement;
    private final GlContext context;
    private final ExitSignal exit;
    private final FailureRecorder failures;
    private final PhaseTracker phase;
    private final RuntimeStats stats;
    private final RunReport report;
    private final FramePhaseTimes phaseTimes;
    private final GcPauseMonitor gcPauses;
    private final InputQueue inputQueue;
    private final LatencyHistogram inputLatency;
    private final NanoClock clock;
    private final com.sun.management.ThreadMXBean threadBean;
    private final Heartbeat heartbeat;
    private final boolean debugGl;

    private final SpriteBatch sprites;
    private SpriteInstances spriteInstances;
    private QuadSource spriteSource;
    private final ShapeBatch shapes;
    private final SpriteBatch hudSprites;
    private final ShapeBatch hudShapes;
    private final Camera2D camera;
    private final Frame frame;
    private final Matrix4f worldProjection = new Matrix4f();
    private final Matrix4f hudProjection = new Matrix4f();
    private final Font font;
    private final HudOverlay hud;
    private final QuadSliceWork sliceWork;
    private final WorkerGroup workers;
    private final FramePathLiterals literals;
    private final int forkMinQuads;
    private final FaultInjection.VertexFault vertexFault;
    private long vertexBytes;
    private long workerFrames;
    private final float clearRed;
    private final float clearGreen;
    private final float clearBlue;
    private final float clearAlpha;

    private volatile String glRenderer = Constants.NONE;
    private volatile String glVersion = Constants.NONE;
    private volatile String contextApi = Constants.NONE;
    private ResetStatusSource resetStatus = ResetStatusSource.NONE;
    private DrawBackend backend;
    private BatchRenderer renderer;
    private RuntimeResources resources;
    private boolean initialised;
    /** Set by {@link #tearDown()} on the thread that ran the frames; read by the caller's thread after it ended. */
    private boolean tornDown;
    private long frames;
    private long firstFrameStartNs;
    private long lastFrameStartNs;
    private int width;
    private int height;
    private boolean captureRequested;
    private boolean captured;
    private long renderBytesAtStart;
    private long renderBytesAtLastFrame;
    private final GcPauseMonitor.PauseSummary gcSummary = new GcPauseMonitor.PauseSummary();
    /** GC pauses since the first measured frame (the report's window), for the HUD once the warm-up is over. */
    private final GcPauseMonitor.PauseSummary measuredGcSummary = new GcPauseMonitor.PauseSummary();
    /** What the HUD shows: {@link #gcSummary} during the warm-up, {@link #measuredGcSummary} after it. */
    private GcPauseMonitor.PauseSummary hudGcSummary = gcSummary;
    private final int warmupFrames;
    private long measuredStartNs;
    private long skippedFrames;
    private long hudFramesRecorded;
    private Throwable firstSkippedFailure;

    RenderPipeline(
        final Application<S> app,
        final RuntimeConfig config,
        final GlContext context,
        final ExitSignal exit,
        final FailureRecorder failures,
        final PhaseTracker phase,
        final RuntimeStats stats,
        final RunReport report,
        final GcPauseMonitor gcPauses,
        final InputQueue inputQueue,
        final LatencyHistogram inputLatency,
        final RuntimeWatchdog watchdog,
        final Heartbeat heartbeat,
        final FramePathLiterals literals)
    {
        this.heartbeat = heartbeat;
        this.literals = literals;
        this.debugGl = config.debugGl() && null != context;
        this.app = app;
        this.config = config;
        this.measurement = config.measurement();
        this.context = context;
        this.exit = exit;
        this.failures = failures;
        this.phase = phase;
        this.stats = stats;
        this.report = report;
        this.phaseTimes = new FramePhaseTimes(measurement.warmupFrames());
        this.gcPauses = gcPauses;
        this.inputQueue = inputQueue;
        this.inputLatency = inputLatency;
        this.clock = config.clock();
        this.threadBean = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        this.sliceWork = new QuadSliceWork(SOURCES_PER_FRAME, config.checked());
        this.sprites = new SpriteBatch(config.spriteCapacity(), config.checked());
        this.spriteSource = sprites;
        this.shapes = new ShapeBatch(config.shapeCapacity());
        this.hudSprites = new SpriteBatch(config.hudCapacity(), config.checked());
        this.hudShapes = new ShapeBatch(config.hudCapacity());
        this.width = null == context ? config.width() : context.framebufferWidth();
        this.height = null == context ? config.height() : context.framebufferHeight();
        this.camera = new Camera2D(width, height);
        hudProjection.setOrtho2D(0f, width, height, 0f);
        this.font = BitmapFont.create();
        this.hud = new HudOverlay(font, HudOverlay.DEFAULT_HISTORY_FRAMES, targetFrameNs(config), stats.stallThresholdNs())
            .warmupFrames(measurement.warmupFrames())
            .visible(config.hudVisible());
        this.warmupFrames = measurement.warmupFrames();
        this.frame = new Frame(exit, sprites, shapes, hudSprites, hudShapes, camera, stats, hud);
        this.workers = config.workers() > 0 ? newWorkers(config, watchdog, heartbeat) : null;
        this.forkMinQuads = config.forkMinQuads();
        this.vertexFault = config.faults().vertexFault();
        final int clear = config.clearColor();
        clearRed = Rgba.red(clear) / 255f;
        clearGreen = Rgba.green(clear) / 255f;
        clearBlue = Rgba.blue(clear) / 255f;
        clearAlpha = Rgba.alpha(clear) / 255f;
    }

    private WorkerGroup newWorkers(final RuntimeConfig config, final RuntimeWatchdog watchdog, final Heartbeat heartbeat)
    {
        final int count = config.workers();
        Heartbeat[] heartbeats = null;
        if (null != watchdog)
        {
            heartbeats = new Heartbeat[count + 1];
            heartbeats[0] = heartbeat;
            for (int i = 0; i < count; i++)
            {
                heartbeats[i + 1] = watchdog.register(Constants.workerName(i), null);
            }
        }
        return new WorkerGroup(WORKER_NAME, count, true,
            new RenderSliceWork(sliceWork, heartbeats, config.faults().sliceFault()));
    }

    /** @return frames whose vertices the workers filled (the others were too small to hand over). */
    long workerFrames()
    {
        return workerFrames;
    }

    /** @return the render thread's time per frame by phase ({@link FramePhaseTimes}); read after the render thread ended. */
    FramePhaseTimes phaseTimes()
    {
        return phaseTimes;
    }

    /** The render workers, or null when vertices are filled on the render thread. Caller's thread. */
    WorkerGroup workers()
    {
        return workers;
    }

    /**
     * Makes the context current on this thread and creates the draw backend and resources. Render thread.
     */
    void setUp()
    {
        phase.leave();
        final int quads = config.spriteCapacity() + config.shapeCapacity() + 2 * config.hudCapacity();
        vertexBytes = (long)quads * QuadVertexLayout.BYTES_PER_QUAD;
        if (null != context)
        {
            context.makeCurrent();
            glRenderer = context.glRenderer();
            glVersion = context.glVersion();
            contextApi = context.api().reportName();
            final ResetStatusSource injected = config.faults().resetStatus();
            resetStatus = null != injected ? injected : ResetStatusSource.forCurrentContext();
            backend = new GlDrawBackend(quads, stageVertices(config.vertexStreaming(), glRenderer));
        }
        else
        {
            backend = new NullDrawBackend(quads, config.checked());
        }
        renderer = new BatchRenderer(backend);
        if (instanceSprites(config.spritePath(), backend.drawsInstances(), glRenderer))
        {
            // before anything is recorded: from here on the batch packs each sprite's record as it records it
            spriteInstances = new SpriteInstances(sprites);
            spriteSource = spriteInstances;
        }
        resources = new RuntimeResources(context, backend instanceof GlDrawBackend ? (GlDrawBackend)backend : null,
            stats, width, height, font);
        renderBytesAtStart = threadBean.getCurrentThreadAllocatedBytes();
        renderBytesAtLastFrame = renderBytesAtStart;
    }

    /** Calls {@link Application#init(Init)}. Render thread. */
    void init()
    {
        phase.enter(Phase.INIT);
        app.init(new Init(resources));
        phase.leave();
        initialised = true;
    }

    /**
     * Draws one frame. Allocation-free.
     *
     * @param state        the newest state.
     * @param alpha        interpolation fraction.
     * @param frameStartNs clock time at the frame's start.
     */
    public void render(final S state, final double alpha, final long frameStartNs)
    {
        final Heartbeat heartbeat = this.heartbeat;
        RuntimeWatchdog.begin(heartbeat);
        try
        {
            renderFrame(state, alpha, frameStartNs, heartbeat);
        }
        finally
        {
            RuntimeWatchdog.end(heartbeat);
        }
    }

    private void renderFrame(final S state, final double alpha, final long frameStartNs, final Heartbeat heartbeat)
    {
        if (0 == frames)
        {
            firstFrameStartNs = frameStartNs;
        }
        if (warmupFrames == frames)
        {
            // the report's measured window opens with this frame (FrameMetrics gets the same start time)
            measuredStartNs = frameStartNs;
        }
        lastFrameStartNs = frameStartNs;
        if (null != context)
        {
            final int w = context.framebufferWidth();
            final int h = context.framebufferHeight();
            if (w != width || h != height)
            {
                resize(w, h);
            }
        }
        final long index = frames++;
        final FramePhaseTimes phaseTimes = this.phaseTimes;
        phaseTimes.beginFrame(index, System.nanoTime());
        frame.begin(index, frameStartNs, alpha, width, height);
        resources.textures().beginFrame();
        if (!renderApplication(state))
        {
            return;
        }
        drawHud();
        phaseTimes.endPhase(FramePhaseTimes.RECORD, System.nanoTime());

        camera.projection(worldProjection);
        if (null != context)
        {
            context.bindDrawTarget();
            glClearColor(clearRed, clearGreen, clearBlue, clearAlpha);
            glClear(GL_COLOR_BUFFER_BIT);
        }
        final BatchRenderer renderer = this.renderer;
        renderer.beginFrame(worldProjection);
        final long shapesAddress = renderer.reserve(shapes);
        final long spritesAddress = renderer.reserve(spriteSource);
        final long hudShapesAddress = renderer.reserve(hudShapes);
        final long hudSpritesAddress = renderer.reserve(hudSprites);
        final int quads = shapes.quadCount() + sprites.quadCount() + hudShapes.quadCount() + hudSprites.quadCount();
        sliceWork.clear();
        sliceWork.add(shapes, shapesAddress);
        sliceWork.add(spriteSource, spritesAddress);
        sliceWork.add(hudShapes, hudShapesAddress);
        sliceWork.add(hudSprites, hudSpritesAddress);
        if (null != workers && quads >= forkMinQuads)
        {
            workerFrames++;
            // waiting for the workers is not the render thread's own work: each slice is a unit of its own
            RuntimeWatchdog.end(heartbeat);
            workers.runFrame(index);
            RuntimeWatchdog.begin(heartbeat);
        }
        else
        {
            sliceWork.run(0, 1, index);
        }
        if (null != vertexFault)
        {
            // the first reservation of the frame is the start of its vertex memory
            vertexFault.afterVertices(shapesAddress, vertexBytes, index);
        }
        phaseTimes.endPhase(FramePhaseTimes.FILL, System.nanoTime());
        renderer.draw(shapes, shapesAddress);
        renderer.draw(spriteSource, spritesAddress);
        renderer.projection(hudProjection);
        renderer.draw(hudShapes, hudShapesAddress);
        renderer.draw(hudSprites, hudSpritesAddress);
        renderer.endFrame();
        phaseTimes.endPhase(FramePhaseTimes.SUBMIT, System.nanoTime());

        if (null != context)
        {
            if (isCaptureFrame(index))
            {
                capture();
            }
            context.swapBuffers();
            checkContextAfterFrame(index);
        }
        phaseTimes.endPhase(FramePhaseTimes.PRESENT, System.nanoTime());
        phaseTimes.endFrame();
        if (0 == index)
        {
            report.markFirstFrameEnded();
            literals.firstFrameEnded();
        }
        publishStats(index);
    }

    /**
     * After the frame was presented: a lost context stops the run ({@link GlContextException}); so does a GL error
     * raised during the frame ({@link GlException}), which only debug mode can attribute to its call. Allocation-free
     * while neither happened.
     */
    private void checkContextAfterFrame(final long index)
    {
        final int reset = resetStatus.graphicsResetStatus();
        if (GL_NO_ERROR != reset)
        {
            phase.leave();
            throw Constants.contextLost(index, reset);
        }
        if (debugGl)
        {
            phase.enter(Phase.RENDER);
            GlErrors.check(END_OF_FRAME_CALL);
            phase.leave();
            return;
        }
        final int error = glGetError();
        if (GL_NO_ERROR != error)
        {
            phase.enter(Phase.RENDER);
            throw Constants.glError(error, index);
        }
    }

    private void renderAndCheck(final S state)
    {
        app.render(state, frame);
        if (debugGl)
        {
            GlErrors.check(RENDER_CALL);
        }
    }

    private boolean renderApplication(final S state)
    {
        if (FailurePolicy.SKIP_FRAME != config.failurePolicy())
        {
            phase.enter(Phase.RENDER);
            renderAndCheck(state);
            phase.leave();
            return true;
        }
        try
        {
            phase.enter(Phase.RENDER);
            renderAndCheck(state);
            phase.leave();
            return true;
        }
        catch (final RuntimeException ex)
        {
            phase.leave();
            if (null == firstSkippedFailure)
            {
                firstSkippedFailure = ex;
            }
            skippedFrames++;
            stats.onSkippedFrame();
            sprites.clear();
            shapes.clear();
            hudSprites.clear();
            hudShapes.clear();
            return false;
        }
    }

    private void drawHud()
    {
        final HudOverlay hud = this.hud;
        final long timed = stats.frames();
        if (timed > hudFramesRecorded)
        {
            hudFramesRecorded = timed;
            hud.recordFrame(stats.lastFrameTimeNs());
        }
        hud.gc(hudGcSummary.count(), hudGcSummary.maxNs());
        hud.allocatedBytesPerFrame(stats.renderBytesLastFrame());
        hud.input(stats.inputLatencyP99Ns(), stats.inputDrops());
        hud.draw(hudShapes, hudSprites);
    }

    private static long targetFrameNs(final RuntimeConfig config)
    {
        final double targetFps = config.loop().reportTargetFps();
        return targetFps > 0 ? Math.round(1e9 / targetFps) : Math.round(1e9 / 60.0);
    }

    /** @return the HUD (any thread may toggle it). */
    HudOverlay hud()
    {
        return hud;
    }

    private boolean isCaptureFrame(final long index)
    {
        if (null == measurement.screenshotPath() || captured)
        {
            return false;
        }
        if (captureRequested)
        {
            return true;
        }
        if (context.isHeadless())
        {
            // the FBO keeps the last frame: captureAfterLoop reads it once the measured window has ended,
            // so the read-back and PNG encoding are not counted as the last frame's allocation
            return false;
        }
        final long limit = measurement.frames();
        return (limit > 0 && index + 1 >= limit) || (exit.isSet() && !exit.isFailed());
    }

    private void capture()
    {
        final Path path = measurement.screenshotPath();
        Screenshot.write(context, path);
        captured = true;
    }

    private void publishStats(final long index)
    {
        final long bytes = threadBean.getCurrentThreadAllocatedBytes();
        stats.renderBytes(bytes - renderBytesAtStart, bytes - renderBytesAtLastFrame);
        renderBytesAtLastFrame = bytes;
        if (null != gcPauses)
        {
            final long nowNs = clock.nanoTime();
            gcPauses.summarise(firstFrameStartNs, nowNs, gcSummary);
            stats.gc(gcSummary.count(), gcSummary.totalNs());
            if (warmupFrames > 0 && index >= warmupFrames)
            {
                // the HUD's GC line counts the report's window once the warm-up is over, as its stall line does
                hudGcSummary = gcPauses.summarise(measuredStartNs, nowNs, measuredGcSummary);
            }
        }
        if (null != inputQueue && 0 == (index % INPUT_STATS_PERIOD_FRAMES))
        {
            final long p99 = null == inputLatency ? 0L : inputLatency.snapshot().getValueAtPercentile(99.0);
            stats.input(inputQueue.events(), inputQueue.drops(), p99);
        }
    }

    private void resize(final int w, final int h)
    {
        width = Math.max(1, w);
        height = Math.max(1, h);
        camera.resize(width, height);
        hudProjection.setOrtho2D(0f, width, height, 0f);
    }

    /** @return {@code GL_RENDERER}, or {@code "null"} without a context (or before set-up). */
    String glRenderer()
    {
        return glRenderer;
    }

    /** @return {@code GL_VERSION}, or {@code "null"} without a context (or before set-up). */
    String glVersion()
    {
        return glVersion;
    }

    /** @return the context's API as the report names it, once the render thread has made the context current. */
    String contextApi()
    {
        return contextApi;
    }

    /**
     * @return whether the GL backend uploads from staging memory: asked for, or AUTO on a renderer whose per-frame fences
     *         corrupt the C heap ({@link DriverWorkarounds#fenceRace}); RING there is warned about once.
     */
    static boolean stageVertices(final VertexStreaming streaming, final String glRenderer)
    {
        if (VertexStreaming.RING == streaming && DriverWorkarounds.fenceRace(glRenderer))
        {
            Constants.warnRingOnFenceRace(glRenderer);
        }
        return VertexStreaming.STAGING == streaming ||
            (VertexStreaming.AUTO == streaming && DriverWorkarounds.fenceRace(glRenderer));
    }

    /**
     * @return whether the GL renderer writes its vertices into a persistent-mapped ring (false: it uploads them from
     *         staging memory, {@link RuntimeConfig#vertexStreaming}, or there is no GL renderer).
     */
    boolean persistentVertexRing()
    {
        return backend instanceof GlDrawBackend && ((GlDrawBackend)backend).isPersistent();
    }

    /**
     * @return whether the world sprites are drawn as instance records: the backend can draw instances, and
     *         {@link SpritePath#INSTANCED} was asked for, or {@link SpritePath#AUTO} on a renderer that does not run
     *         instanced draws once per instance ({@link DriverWorkarounds#perInstanceDraws}; the null renderer has
     *         no GL renderer and draws instanced).
     */
    static boolean instanceSprites(final SpritePath path, final boolean backendDrawsInstances, final String glRenderer)
    {
        return backendDrawsInstances && (SpritePath.INSTANCED == path ||
            (SpritePath.AUTO == path && !DriverWorkarounds.perInstanceDraws(glRenderer)));
    }

    /** @return whether the world sprite batch is drawn instanced ({@link RuntimeConfig#spritePath}). */
    boolean instancedSprites()
    {
        return null != spriteInstances && spriteSource == spriteInstances;
    }

    /** @return frames whose world sprites were drawn as vertices although instancing was on (a sprite did not fit). */
    long instancedSpriteFallbackFrames()
    {
        return null == spriteInstances ? 0 : spriteInstances.vertexFallbackFrames();
    }

    /** @return frames rendered so far (skipped frames included). */
    long frames()
    {
        return frames;
    }

    /** @return clock time the first frame started, 0 before it. */
    long firstFrameStartNs()
    {
        return firstFrameStartNs;
    }

    /** @return clock time the latest frame started. */
    long lastFrameStartNs()
    {
        return lastFrameStartNs;
    }

    /** @return whether a screenshot is configured and not yet written. */
    boolean needsScreenshot()
    {
        return null != measurement.screenshotPath() && null != context && !captured;
    }

    /**
     * After the loop: writes the screenshot of a headless context's last frame (its FBO keeps it); a window's back
     * buffer is undefined after the swap, so it asks for the next frame to be captured and returns false.
     *
     * @return whether the screenshot was written.
     */
    boolean captureAfterLoop()
    {
        if (context.isHeadless() && frames > 0)
        {
            capture();
            return true;
        }
        captureRequested = true;
        return false;
    }

    long skippedFrames()
    {
        return skippedFrames;
    }

    Throwable firstSkippedFailure()
    {
        return firstSkippedFailure;
    }

    /**
     * Calls {@link Application#dispose()} (when {@code init} returned), then releases the workers, resources,
     * backend, context and the default font's atlas pixels, recording each failure and going on with the rest. Render thread.
     */
    void tearDown()
    {
        tornDown = true;
        if (initialised)
        {
            initialised = false;
            try
            {
                phase.enter(Phase.DISPOSE);
                app.dispose();
            }
            catch (final Throwable ex)
            {
                failures.record(Phase.DISPOSE, ex);
            }
            finally
            {
                phase.leave();
            }
        }
        if (null != workers)
        {
            try
            {
                workers.close();
            }
            catch (final Throwable ex)
            {
                failures.record(Phase.RUNTIME, ex);
            }
        }
        if (null != resources)
        {
            try
            {
                resources.close();
            }
            catch (final Throwable ex)
            {
                failures.record(Phase.RUNTIME, ex);
            }
        }
        if (null != backend)
        {
            try
            {
                backend.close();
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
                context.disposeAndRelease();
            }
            catch (final Throwable ex)
            {
                failures.record(Phase.RUNTIME, ex);
            }
        }
        closeFont();
    }

    /**
     * Frees the default font's off-heap atlas pixels (its glyph metrics stay usable); idempotent, any thread once no
     * frame runs. {@link #tearDown()} calls it.
     */
    void closeFont()
    {
        font.close();
    }

    /**
     * Releases what the constructor made (the render workers, the default font's atlas pixels) when no thread ran
     * {@link #tearDown()}: the render thread never started, or the run failed before its frames. Caller's thread,
     * once every thread that could run frames has ended; nothing when the pipeline was torn down.
     */
    void closeIfNeverTornDown()
    {
        if (tornDown)
        {
            return;
        }
        try
        {
            if (null != workers && !workers.isClosed())
            {
                workers.close();
            }
        }
        finally
        {
            closeFont();
        }
    }

    /**
     * The call names, the workers' name and the error messages, in a class of their own so that RenderPipeline holds
     * no String constant: the first C2 compile of a per-frame method would otherwise resolve them on the render
     * thread mid-run (see {@code ClassConstants} in the engine test-jar). The names are assigned in the static
     * initialiser, not the declarations, so that javac does not copy them into RenderPipeline as constants.
     */
    private static final class Constants
    {
        static final String RENDER_CALL;
        static final String END_OF_FRAME_CALL;
        static final String WORKER_NAME;
        static final String NONE;

        static
        {
            RENDER_CALL = "Application.render";
            END_OF_FRAME_CALL = "the frame's GL calls (end-of-frame check)";
            WORKER_NAME = "isochron-render-worker";
            NONE = "null";
        }

        private Constants()
        {
        }

        static String workerName(final int index)
        {
            return WORKER_NAME + "-" + index;
        }

        static void warnRingOnFenceRace(final String glRenderer)
        {
            System.err.println("[isochron] vertex streaming RING on " + glRenderer + ": its per-frame fences can make " +
                "llvmpipe free a fence its rasterizer thread is still signalling, which corrupts the C heap (a crash " +
                "in malloc within hours); AUTO uploads from staging memory here (docs/reliability.md)");
        }

        static GlContextException contextLost(final long index, final int reset)
        {
            return new GlContextException("GL context lost during frame " + index + " (" +
                ResetStatusSource.statusName(reset) + "); the device was reset and every GL object of this run is " +
                "gone; end this run and start a new one (Isochron.run) to recreate the context and resources");
        }

        static GlException glError(final int error, final long index)
        {
            return new GlException("GL error " + GlErrors.errorName(error) + " was raised during frame " + index +
                " (found by the runtime's end-of-frame glGetError check, which cannot name the call); run with " +
                "RuntimeConfig.debugGl(true) to have the failing call named");
        }
    }
}
