package dev.isochron.render.runtime;

import dev.isochron.engine.loop.StateRenderer;
import dev.isochron.engine.metrics.GcPauseMonitor;
import dev.isochron.engine.metrics.LatencyHistogram;
import dev.isochron.engine.metrics.RunReport;
import dev.isochron.engine.thread.WorkerGroup;
import dev.isochron.engine.watchdog.Heartbeat;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.camera.Camera2D;
import dev.isochron.render.context.GlContext;
import dev.isochron.render.gl.GlErrors;
import dev.isochron.render.hud.HudOverlay;
import dev.isochron.render.text.BitmapFont;
import dev.isochron.render.text.Font;
import org.joml.Matrix4f;



/**
 * The render thread's side of an application: owns the four batches of a {@link Frame}, the world camera, the HUD and
 * the registered resources; {@link FrameSubmission} owns the draw backend (GL or null), the passes and the render
 * workers' slice work. Each frame it calls {@link Application#render}, has the submission reserve, fill and record
 * every pass (the world pass, the HUD pass and those the application registered) and end the backend's frame, then
 * presents.
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
    /** Names the call in a debug-mode GL error found right after the application's render. */
    static final String RENDER_CALL = Constants.RENDER_CALL;
    /** Names the check in a debug-mode GL error found at the end of the frame. */
    static final String END_OF_FRAME_CALL = Constants.END_OF_FRAME_CALL;
    /** The render workers' name; worker k's thread is {@code isochron-render-worker-k}. */
    static final String WORKER_NAME = Constants.WORKER_NAME;

    private final Application<S> app;
    private final RuntimeConfig config;
    private final GlContext context;
    private final ExitSignal exit;
    private final FailureRecorder failures;
    private final PhaseTracker phase;
    private final RuntimeStats stats;
    private final RunReport report;
    private final FramePhaseTimes phaseTimes;
    private final Heartbeat heartbeat;
    private final boolean debugGl;

    private final SpriteBatch hudSprites;
    private final ShapeBatch hudShapes;
    private final Camera2D camera;
    private final Frame frame;
    private final Matrix4f worldProjection = new Matrix4f();
    private final Font font;
    private final HudOverlay hud;
    private final FrameSubmission submission;
    private final FrameCapture capture;
    private final FramePathLiterals literals;

    private volatile String glRenderer = Constants.NONE;
    private volatile String glVersion = Constants.NONE;
    private volatile String contextApi = Constants.NONE;
    private FrameChecks checks;
    private RuntimeResources resources;
    private boolean initialised;
    /** Set by {@link #tearDown()} on the thread that ran the frames; read by the caller's thread after it ended. */
    private boolean tornDown;
    private long frames;
    private long firstFrameStartNs;
    private long lastFrameStartNs;
    private int width;
    private int height;
    private final FrameStatsPublisher statsPublisher;
    private final int warmupFrames;
    private long measuredStartNs;
    private long skippedFrames;
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
        final MeasurementConfig measurement = config.measurement();
        this.context = context;
        this.exit = exit;
        this.failures = failures;
        this.phase = phase;
        this.stats = stats;
        this.report = report;
        this.phaseTimes = new FramePhaseTimes(measurement.warmupFrames());
        this.statsPublisher = new FrameStatsPublisher(stats, gcPauses, inputQueue, inputLatency,
            config.clock(), measurement.warmupFrames());
        final SpriteBatch sprites = new SpriteBatch(config.spriteCapacity(), config.checked());
        final ShapeBatch shapes = new ShapeBatch(config.shapeCapacity());
        this.hudSprites = new SpriteBatch(config.hudCapacity(), config.checked());
        this.hudShapes = new ShapeBatch(config.hudCapacity());
        this.width = null == context ? config.width() : context.framebufferWidth();
        this.height = null == context ? config.height() : context.framebufferHeight();
        this.camera = new Camera2D(width, height);
        this.font = BitmapFont.create();
        this.hud = new HudOverlay(font, HudOverlay.DEFAULT_HISTORY_FRAMES, FrameStatsPublisher.targetFrameNs(config), stats.stallThresholdNs())
            .warmupFrames(measurement.warmupFrames())
            .visible(config.hudVisible());
        this.warmupFrames = measurement.warmupFrames();
        this.frame = new Frame(exit, sprites, shapes, hudSprites, hudShapes, camera, stats, hud);
        this.capture = new FrameCapture(measurement, context, exit);
        this.submission = new FrameSubmission(config, sprites, shapes, hudSprites, hudShapes, watchdog, heartbeat);
    }

    /** @return frames whose vertices the workers filled (the others were too small to hand over). */
    long workerFrames()
    {
        return submission.workerFrames();
    }

    /** @return the render thread's time per frame by phase ({@link FramePhaseTimes}); read after the render thread ended. */
    FramePhaseTimes phaseTimes()
    {
        return phaseTimes;
    }

    /** The render workers, or null when vertices are filled on the render thread. Caller's thread. */
    WorkerGroup workers()
    {
        return submission.workers();
    }

    /**
     * Makes the context current on this thread and creates the GL backend (its vertex memory follows {@code init}) and
     * the resources. Render thread.
     */
    void setUp()
    {
        phase.leave();
        if (null != context)
        {
            context.makeCurrent();
            glRenderer = context.glRenderer();
            glVersion = context.glVersion();
            contextApi = context.api().reportName();
            final ResetStatusSource injected = config.faults().resetStatus();
            checks = new FrameChecks(null != injected ? injected : ResetStatusSource.forCurrentContext(), debugGl,
                phase);
        }
        resources = new RuntimeResources(context, null == context ? null : submission.createGlBackend(glRenderer),
            stats, width, height, font);
        statsPublisher.start();
    }

    /**
     * Calls {@link Application#init(Init)}, then completes the draw backend for the passes the application registered.
     * Render thread.
     */
    void init()
    {
        phase.enter(Phase.INIT);
        final Init init = new Init(resources, submission);
        try
        {
            app.init(init);
        }
        finally
        {
            init.close();
        }
        phase.leave();
        initialised = true;
        submission.completeBackend(glRenderer);
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
        submission.clear();
        frame.begin(index, frameStartNs, alpha, width, height);
        resources.textures().beginFrame();
        if (!renderApplication(state))
        {
            return;
        }
        statsPublisher.drawHud(hud, hudShapes, hudSprites);
        phaseTimes.endPhase(FramePhaseTimes.RECORD, System.nanoTime());

        camera.projection(worldProjection);
        submission.submit(index, width, height, null == context ? 0 : context.drawFramebufferName(), worldProjection,
            phaseTimes, heartbeat);
        phaseTimes.endPhase(FramePhaseTimes.SUBMIT, System.nanoTime());

        if (null != context)
        {
            if (capture.isCaptureFrame(index))
            {
                capture.capture();
            }
            context.swapBuffers();
            checks.afterFrame(index);
        }
        phaseTimes.endPhase(FramePhaseTimes.PRESENT, System.nanoTime());
        phaseTimes.endFrame();
        if (0 == index)
        {
            report.markFirstFrameEnded();
            literals.firstFrameEnded();
        }
        statsPublisher.publish(index, firstFrameStartNs, measuredStartNs);
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
            submission.clear();
            return false;
        }
    }

    /** @return the HUD (any thread may toggle it). */
    HudOverlay hud()
    {
        return hud;
    }

    private void resize(final int w, final int h)
    {
        width = Math.max(1, w);
        height = Math.max(1, h);
        camera.resize(width, height);
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
     * @return whether the GL renderer writes its vertices into a persistent-mapped ring (false: it uploads them from
     *         staging memory, {@link RuntimeConfig#vertexStreaming}, or there is no GL renderer).
     */
    boolean persistentVertexRing()
    {
        return submission.persistentVertexRing();
    }

    /** @return whether the world sprite batch is drawn instanced ({@link RuntimeConfig#spritePath}). */
    boolean instancedSprites()
    {
        return submission.instancedSprites();
    }

    /** @return frames whose world sprites were drawn as vertices although instancing was on (a sprite did not fit). */
    long instancedSpriteFallbackFrames()
    {
        return submission.instancedSpriteFallbackFrames();
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
        return capture.needsScreenshot();
    }

    /** After the loop: see {@link FrameCapture#captureAfterLoop(long)}. */
    boolean captureAfterLoop()
    {
        return capture.captureAfterLoop(frames);
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
        RenderTearDown.release(failures, submission.workers(), resources, submission.backend(), context);
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
        final WorkerGroup workers = submission.workers();
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

    }
}
