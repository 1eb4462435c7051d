package dev.isochron.render.runtime;

import dev.isochron.engine.loop.StateRenderer;
import dev.isochron.engine.metrics.GcPauseMonitor;
import dev.isochron.engine.metrics.LatencyHistogram;
import dev.isochron.engine.metrics.RunReport;
import dev.isochron.engine.thread.WorkerGroup;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.render.batch.BatchRenderer;
import dev.isochron.render.batch.DrawBackend;
import dev.isochron.render.batch.GlDrawBackend;
import dev.isochron.render.batch.NullDrawBackend;
import dev.isochron.render.batch.QuadSliceWork;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.camera.Camera2D;
import dev.isochron.render.context.GlContext;
import dev.isochron.render.hud.HudOverlay;
import dev.isochron.render.screenshot.Screenshot;
import dev.isochron.render.text.BitmapFont;
import dev.isochron.render.text.Font;
import org.agrona.concurrent.NanoClock;
import org.joml.Matrix4f;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.lwjgl.opengl.GL11C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL11C.glClear;
import static org.lwjgl.opengl.GL11C.glClearColor;

/**
 * The render thread's side of an application: owns the draw backend (GL or null), the four batches of a
 * {@link Frame}, the world camera, the render workers' slice work, and the registered resources. Each frame it
 * calls {@link Application#render}, then reserves vertex memory for the batches, has the workers (or this thread)
 * fill it, records the draws (world projection, then the pixel-space HUD projection), ends the backend's frame
 * and presents.
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

    private final Application<S> app;
    private final RuntimeConfig config;
    private final GlContext context;
    private final ExitSignal exit;
    private final FailureRecorder failures;
    private final PhaseTracker phase;
    private final RuntimeStats stats;
    private final RunReport report;
    private final GcPauseMonitor gcPauses;
    private final InputQueue inputQueue;
    private final LatencyHistogram inputLatency;
    private final NanoClock clock;
    private final com.sun.management.ThreadMXBean threadBean;

    private final SpriteBatch sprites;
    private final ShapeBatch shapes;
    private final SpriteBatch hudSprites;
    private final ShapeBatch hudShapes;
    private final Camera2D camera;
    private final Frame frame;
    private final Matrix4f worldProjection = new Matrix4f();
    private final Matrix4f hudProjection = new Matrix4f();
    private final Font font;
    private final HudOverlay hud;
    private final QuadSliceWork sliceWork = new QuadSliceWork(SOURCES_PER_FRAME);
    private final WorkerGroup workers;
    private final float clearRed;
    private final float clearGreen;
    private final float clearBlue;
    private final float clearAlpha;

    private volatile String glRenderer = "null";
    private volatile String glVersion = "null";
    private DrawBackend backend;
    private BatchRenderer renderer;
    private RuntimeResources resources;
    private boolean initialised;
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
        final LatencyHistogram inputLatency)
    {
        this.app = app;
        this.config = config;
        this.context = context;
        this.exit = exit;
        this.failures = failures;
        this.phase = phase;
        this.stats = stats;
        this.report = report;
        this.gcPauses = gcPauses;
        this.inputQueue = inputQueue;
        this.inputLatency = inputLatency;
        this.clock = config.clock();
        this.threadBean = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        this.sprites = new SpriteBatch(config.spriteCapacity());
        this.shapes = new ShapeBatch(config.shapeCapacity());
        this.hudSprites = new SpriteBatch(config.hudCapacity());
        this.hudShapes = new ShapeBatch(config.hudCapacity());
        this.width = null == context ? config.width() : context.framebufferWidth();
        this.height = null == context ? config.height() : context.framebufferHeight();
        this.camera = new Camera2D(width, height);
        hudProjection.setOrtho2D(0f, width, height, 0f);
        this.font = BitmapFont.create();
        this.hud = new HudOverlay(font, HudOverlay.DEFAULT_HISTORY_FRAMES, targetFrameNs(config), stats.stallThresholdNs())
            .visible(config.hudVisible());
        this.frame = new Frame(exit, sprites, shapes, hudSprites, hudShapes, camera, stats, hud);
        this.workers = config.workers() > 0 ?
            new WorkerGroup("isochron-render-worker", config.workers(), true, sliceWork) : null;
        final int clear = config.clearColor();
        clearRed = Rgba.red(clear) / 255f;
        clearGreen = Rgba.green(clear) / 255f;
        clearBlue = Rgba.blue(clear) / 255f;
        clearAlpha = Rgba.alpha(clear) / 255f;
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
        if (null != context)
        {
            context.makeCurrent();
            glRenderer = context.glRenderer();
            glVersion = context.glVersion();
            backend = new GlDrawBackend(quads);
        }
        else
        {
            backend = new NullDrawBackend(quads);
        }
        renderer = new BatchRenderer(backend);
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
        if (0 == frames)
        {
            firstFrameStartNs = frameStartNs;
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
        frame.begin(index, frameStartNs, alpha, width, height);
        if (!renderApplication(state))
        {
            return;
        }
        drawHud();

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
        final long spritesAddress = renderer.reserve(sprites);
        final long hudShapesAddress = renderer.reserve(hudShapes);
        final long hudSpritesAddress = renderer.reserve(hudSprites);
        if (null != workers)
        {
            sliceWork.clear();
            sliceWork.add(shapes, shapesAddress);
            sliceWork.add(sprites, spritesAddress);
            sliceWork.add(hudShapes, hudShapesAddress);
            sliceWork.add(hudSprites, hudSpritesAddress);
            workers.runFrame(index);
        }
        else
        {
            shapes.generate(0, 1, shapesAddress);
            sprites.generate(0, 1, spritesAddress);
            hudShapes.generate(0, 1, hudShapesAddress);
            hudSprites.generate(0, 1, hudSpritesAddress);
        }
        renderer.draw(shapes, shapesAddress);
        renderer.draw(sprites, spritesAddress);
        renderer.projection(hudProjection);
        renderer.draw(hudShapes, hudShapesAddress);
        renderer.draw(hudSprites, hudSpritesAddress);
        renderer.endFrame();

        if (null != context)
        {
            if (isCaptureFrame(index))
            {
                capture();
            }
            context.swapBuffers();
        }
        if (0 == index)
        {
            report.markFirstFrameEnded();
        }
        publishStats(index);
    }

    private boolean renderApplication(final S state)
    {
        if (FailurePolicy.SKIP_FRAME != config.failurePolicy())
        {
            phase.enter(Phase.RENDER);
            app.render(state, frame);
            phase.leave();
            return true;
        }
        try
        {
            phase.enter(Phase.RENDER);
            app.render(state, frame);
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
        hud.gc(stats.gcCount(), gcSummary.maxNs());
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
        if (null == config.screenshotPath() || captured)
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
        final long limit = config.frames();
        return (limit > 0 && index + 1 >= limit) || (exit.isSet() && !exit.isFailed());
    }

    private void capture()
    {
        final Path path = config.screenshotPath();
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
            gcPauses.summarise(firstFrameStartNs, clock.nanoTime(), gcSummary);
            stats.gc(gcSummary.count(), gcSummary.totalNs());
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
        return null != config.screenshotPath() && null != context && !captured;
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
     * backend and context, recording each failure and going on with the rest. Render thread.
     */
    void tearDown()
    {
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
    }
}
