package dev.isochron.demo;

import java.io.IOException;
import java.io.PrintWriter;

import dev.isochron.demo.chart.ChartDrawing;
import dev.isochron.demo.chart.ChartFeed;
import dev.isochron.demo.chart.ChartScene;
import dev.isochron.demo.chart.FeedRing;
import dev.isochron.demo.chart.SeriesHistory;
import dev.isochron.demo.effects.EffectsScene;
import dev.isochron.demo.list.ListRows;
import dev.isochron.demo.list.ListScene;
import dev.isochron.demo.scene.HudLine;
import dev.isochron.demo.sprites.ParticleSystem;
import dev.isochron.demo.sprites.SpriteField;
import dev.isochron.demo.sprites.SpritesScene;
import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.engine.metrics.RunReport;
import dev.isochron.input.replay.InputReplay;
import dev.isochron.input.synthetic.SyntheticInputConfig;
import dev.isochron.render.Isochron;
import dev.isochron.render.context.ContextKind;
import dev.isochron.render.runtime.Application;
import dev.isochron.render.runtime.MeasurementConfig;
import dev.isochron.render.runtime.RendererKind;
import dev.isochron.render.runtime.RunResult;
import dev.isochron.render.runtime.RuntimeConfig;
import dev.isochron.render.runtime.Threading;

/**
 * Turns validated {@link DemoSettings} into a scene and a {@link RuntimeConfig}, runs it with
 * {@link Isochron#run}, and prints the outcome.
 * <p>
 * Thread: the main thread (the runtime's platform thread). Not on the frame path.
 */
public final class DemoRun
{
    /** Seed of every scene's random layout, so runs are comparable. */
    public static final long SEED = 20_260_101L;
    /** Warm-up frames of a run limited by time (or unlimited) when --warmup is not given: a slow
     * renderer must still leave measured frames in a few seconds. */
    static final int TIMED_RUN_WARMUP_FRAMES = 5;
    /** Quads for the HUD batches. */
    static final int HUD_CAPACITY = 16_384;
    /**
     * The sprites the sprites scene draws by default when GL turns out to be a CPU rasteriser (no GPU): its 100,000
     * ran at about 9 FPS with many stalls on 2 cores with llvmpipe, where this many stay smooth; it says so, and
     * {@code --count} asks for any number.
     */
    static final int SOFTWARE_SPRITES = 5_000;

    /**
     * The most sprites the sprites scene runs with: the world sprite batch holds them and the scene's particles
     * ({@link SpritesScene#spriteCapacity}), within both the batch capacity and the frame's quad limit (what the world
     * shapes and the two HUD batches leave). A constant expression, so the launcher's checks load no class for it.
     */
    static final int MAX_SPRITES = (RuntimeConfig.MAX_BATCH_CAPACITY <
        RuntimeConfig.MAX_TOTAL_QUADS - RuntimeConfig.DEFAULT_SHAPE_CAPACITY - 2 * HUD_CAPACITY ?
        RuntimeConfig.MAX_BATCH_CAPACITY :
        RuntimeConfig.MAX_TOTAL_QUADS - RuntimeConfig.DEFAULT_SHAPE_CAPACITY - 2 * HUD_CAPACITY) -
        SpritesScene.EXTRA_QUADS;

    private DemoRun()
    {
    }

    /**
     * Runs the scene.
     *
     * @return the exit status (0).
     * @throws IOException when the replay cannot be read or a report cannot be written.
     */
    public static int run(final DemoSettings settings, final PrintWriter out, final PrintWriter err) throws IOException
    {
        if (null != settings.replay())
        {
            // fail fast, before any thread or context: a corrupt file is named with its offset and reason
            InputReplay.open(settings.replay());
        }
        final RuntimeConfig config = config(settings);
        final RunResult result = runScene(settings, config);
        final RunReport report = result.report();
        if (null != settings.frameCsv())
        {
            report.writeFrameCsv(settings.frameCsv());
        }
        out.println(report.toSummary());
        if (null != settings.screenshot())
        {
            out.println("screenshot: " + settings.screenshot().toAbsolutePath());
        }
        if (null != settings.report())
        {
            out.println("report: " + settings.report().toAbsolutePath());
        }
        out.flush();
        return 0;
    }

    /** @return the runtime configuration for {@code settings}, before the scene's capacities ({@link #application}). */
    public static RuntimeConfig config(final DemoSettings settings)
    {
        final LoopConfig loop = new LoopConfig().tickRateHz(settings.tickRateHz());
        if (settings.vsync())
        {
            loop.pacing(PacingMode.VSYNC);
        }
        else if (settings.targetFps() == 0)
        {
            loop.pacing(PacingMode.UNCAPPED);
        }
        else
        {
            loop.pacing(PacingMode.TARGET_FPS).targetFps(settings.targetFps());
        }
        final RuntimeConfig config = new RuntimeConfig()
            .context(settings.headless() ? ContextKind.HEADLESS : ContextKind.WINDOW)
            .windowApi(settings.windowApi())
            .size(settings.width(), settings.height())
            .title("Isochron demo: " + settings.scene().cliName() + (settings.naive() ? " (naive)" : ""))
            .loop(loop)
            .threading(settings.multiThreaded() ? Threading.MULTI : Threading.SINGLE)
            .workers(settings.workers())
            .renderer(settings.nullRenderer() ? RendererKind.NULL : RendererKind.GL)
            .stallStacks(settings.stallStacks())
            .nativeHeapRetention(!settings.trimNativeHeap())
            .spritePath(settings.spritePath())
            .vertexStreaming(settings.vertexStreaming())
            .checked(settings.checked())
            .hudCapacity(HUD_CAPACITY)
            .measurement(measurement(settings));
        return config;
    }

    /** @return what {@code settings} measure: limits, warm-up, the report, files, synthetic input. */
    static MeasurementConfig measurement(final DemoSettings settings)
    {
        final MeasurementConfig measurement = new MeasurementConfig()
            .scene(settings.scene().cliName())
            .mode(settings.modeName())
            .reportPath(settings.report())
            // the report's heapUsedAfterMb (the perf harness compares it) takes a System.gc() at the end of the run
            .measureHeapAfterRun(null != settings.report())
            .screenshotPath(settings.screenshot())
            .recordPath(settings.record())
            .replayPath(settings.replay());
        final int warmup = settings.warmupFrames() >= 0 ? settings.warmupFrames() :
            settings.frames() > 0 ? MeasurementConfig.DEFAULT_WARMUP_FRAMES : TIMED_RUN_WARMUP_FRAMES;
        measurement.warmupFrames(warmup);
        if (settings.frames() > 0)
        {
            // a frame is timed from its start to the next frame's start: one more frame closes the last interval
            measurement.frames(warmup + settings.frames() + 1);
            // the report's window holds every measured frame asked for (40 bytes each), not only the default 100,000
            measurement.reportCapacityFrames(
                (int)Math.max(MeasurementConfig.DEFAULT_REPORT_CAPACITY_FRAMES, settings.frames()));
        }
        if (settings.seconds() > 0)
        {
            measurement.seconds(settings.seconds());
        }
        if (settings.inputRate() > 0)
        {
            measurement.syntheticInput(synthetic(settings));
        }
        return measurement;
    }

    /**
     * The synthetic source for {@code --input-rate}: mostly a mouse drag over the framebuffer, with a
     * scroll storm and key presses (70 / 25 / 5 percent of the rate).
     */
    static SyntheticInputConfig synthetic(final DemoSettings settings)
    {
        final double rate = settings.inputRate();
        return new SyntheticInputConfig()
            .seed(SEED)
            .mouseDragHz(rate * 0.70)
            .scrollStormHz(rate * 0.25)
            .keyMashHz(rate * 0.05)
            .path(settings.width() * 0.5, settings.height() * 0.5, Math.min(settings.width(), settings.height()) * 0.4);
    }

    /** Makes the scene, fits the batch capacities to it, and runs it. */
    private static RunResult runScene(final DemoSettings settings, final RuntimeConfig config)
    {
        return run(application(settings, config), config);
    }

    private static <S> RunResult run(final Application<S> app, final RuntimeConfig config)
    {
        return Isochron.run(app, config);
    }

    /**
     * Makes the scene {@code settings} name and fits {@code config} to it: batch capacities, the chart's feed
     * producer as an input source, and the scene's frame-path classes ({@link MeasurementConfig#frameClasses}), whose
     * String literals the runtime resolves before the first frame.
     *
     * @return the scene, ready for {@link Isochron#run(Application, RuntimeConfig)} with {@code config}.
     */
    public static Application<?> application(final DemoSettings settings, final RuntimeConfig config)
    {
        final int count = settings.count();
        final boolean naive = settings.naive();
        switch (settings.drawnScene())
        {
            case SPRITES:
            {
                config.spriteCapacity(SpritesScene.spriteCapacity(count));
                config.measurement()
                    .frameClasses(SpritesScene.class, SpriteField.class, ParticleSystem.class, HudLine.class);
                return new SpritesScene(count, settings.countGiven() ? -1 : SOFTWARE_SPRITES, settings.width(),
                    settings.height(), naive, SEED);
            }
            case CHART:
            {
                final ChartScene scene = new ChartScene(count, settings.width(), naive);
                config.hudCapacity(Math.max(HUD_CAPACITY, ChartScene.hudShapeCapacity(settings.width())));
                config.addInputSource(producer -> scene.feed());
                config.measurement().frameClasses(ChartScene.class, ChartDrawing.class, ChartFeed.class, FeedRing.class,
                    SeriesHistory.class, HudLine.class);
                return scene;
            }
            case LIST:
                config.measurement().frameClasses(ListScene.class, ListRows.class, HudLine.class);
                return new ListScene(count, settings.height(), naive);
            case EFFECTS:
                // the world pass draws two lines; the particles go to the scene's own passes
                config.spriteCapacity(16).shapeCapacity(16);
                config.measurement().frameClasses(EffectsScene.class);
                return new EffectsScene(count, settings.width(), settings.height());
            default:
                throw new IllegalArgumentException("scene " + settings.drawnScene().cliName() +
                    " cannot be drawn by itself; storm runs sprites, chart, list or effects under --scene");
        }
    }
}
