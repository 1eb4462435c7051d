package dev.isochron.demo.soak;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.isochron.demo.DemoLauncher;
import dev.isochron.demo.DemoRun;
import dev.isochron.demo.DemoSettings;
import dev.isochron.engine.metrics.RunReport;
import dev.isochron.engine.metrics.ThreadRole;
import dev.isochron.render.Isochron;
import dev.isochron.render.natives.NativeChecks;
import dev.isochron.render.runtime.Application;
import dev.isochron.render.runtime.RunResult;
import dev.isochron.render.runtime.MeasurementConfig;
import dev.isochron.render.runtime.RuntimeConfig;
import dev.isochron.render.runtime.VertexStreaming;

/**
 * The child JVM of one soak: {@code SoakMain <scene> <seconds> <windows> <tickRateHz> <targetFps> <outDir>} runs a demo scene
 * headless (EGL), multi-threaded, in engine mode, with frames capped at {@code targetFps} (0 = uncapped), configured as the demo launcher configures
 * {@code <scene> --headless --width 320 --height 240 --workers 1 --input-rate <rate>}, for about {@code seconds}
 * counted from the JVM's start, while a {@link SoakController} measures {@code windows} windows after the warm-up. On a
 * slow or loaded machine the warm-up may run up to {@link #WARMUP_GRACE_SECONDS} longer, and the measurement keeps its
 * planned length after it: the soak's verdict never depends on how fast the machine started the scene.
 * <p>
 * It writes into {@code outDir}: {@value #RECORD_FILE} (the {@link SoakRecord}) and {@value #REPORT_FILE} (the run
 * report, docs/report.md JSON, written by the runtime through {@link MeasurementConfig#reportPath} and rewritten here with the
 * soak's figures added as extras), and prints the report's summary and the record's table. Exit status 0 when it
 * wrote the record (the test judges it), 1 when the run failed, 2 for bad arguments.
 * <p>
 * Threading: the main thread becomes the runtime's platform thread; the controller runs on a thread of its own.
 */
public final class SoakMain
{
    /** The framebuffer the scene draws into. */
    static final int WIDTH = 320;
    /** The framebuffer the scene draws into. */
    static final int HEIGHT = 240;
    /** The soak's figures, as {@link SoakRecord#store} writes them. */
    static final String RECORD_FILE = "soak.properties";
    /** LWJGL's live allocations at the first and last snapshot, with their stacks. */
    static final String NATIVE_FILE = "lwjgl-allocations.txt";
    /** The run report. */
    static final String REPORT_FILE = "report.json";
    /** The longest warm-up, however long the soak: enough for the JIT to compile the frame and tick paths. */
    static final double MAX_WARMUP_SECONDS = 30.0;
    /** Overrides the warm-up, in seconds from the JVM's start. */
    static final String WARMUP_SECONDS_PROPERTY = "isochron.soak.warmupSeconds";
    /**
     * {@code auto} (default), {@code ring} or {@code staging}: how the GL renderer streams its vertices
     * ({@link RuntimeConfig#vertexStreaming}; an A/B switch, which {@link SoakChild} passes on to the child).
     */
    static final String VERTEX_STREAMING_PROPERTY = "isochron.soak.vertexStreaming";
    /** The share of a short soak spent warming up. */
    static final double WARMUP_SHARE = 0.4;
    /**
     * How long past its planned end the warm-up may take to reach {@link #WARMUP_FRAMES} frames on a slow or loaded
     * machine before the soak calls it stuck; the measurement that follows keeps its full length either way.
     */
    static final double WARMUP_GRACE_SECONDS = 120.0;
    /** Frames the run report's window skips, and the fewest frames before the first window opens. */
    static final int WARMUP_FRAMES = 100;
    /**
     * Time kept after the last snapshot for the last frame, the teardown, the report and JVM
     * exit, so the whole child takes about the seconds asked for.
     */
    static final double END_RESERVE_SECONDS = 1.5;

    private SoakMain()
    {
    }

    /**
     * Runs one soak.
     *
     * @param args scene, seconds, windows, tick rate in Hz, frame cap (0 = uncapped), output directory.
     */
    public static void main(final String[] args) throws Exception
    {
        // checking mode's LWJGL part (debug mode too) before the probe's own tracking initialises LWJGL
        NativeChecks.enableWhenChecked();
        MemoryProbe.enableNativeTracking();
        final long jvmStartNs = System.nanoTime() -
            TimeUnit.MILLISECONDS.toNanos(ManagementFactory.getRuntimeMXBean().getUptime());
        if (args.length != 6)
        {
            System.err.println(
                "usage: SoakMain <sprites|chart|list|storm> <seconds> <windows> <tickRateHz> <targetFps> <outDir>");
            System.exit(2);
        }
        final SoakScene scene = SoakScene.byCliName(args[0]);
        final double seconds = Double.parseDouble(args[1]);
        final int windows = Integer.parseInt(args[2]);
        final double tickRateHz = Double.parseDouble(args[3]);
        final double targetFps = Double.parseDouble(args[4]);
        final Path outDir = Files.createDirectories(Path.of(args[5]));
        if (!(seconds > 0 && seconds < 86_400))
        {
            throw new IllegalArgumentException("soak seconds must be in (0, 86400), was " + seconds);
        }

        final SoakRecord record = new SoakRecord(scene.cliName(), windows);
        final Path reportFile = outDir.resolve(REPORT_FILE);
        final DemoSettings settings = settings(scene, tickRateHz, targetFps);
        final RuntimeConfig config = DemoRun.config(settings);
        final SoakApplication<?> app = wrap(DemoRun.application(settings, config));
        soakOverrides(config, scene, seconds, reportFile);
        final double warmupSeconds = Double.parseDouble(System.getProperty(WARMUP_SECONDS_PROPERTY,
            Double.toString(Math.min(MAX_WARMUP_SECONDS, WARMUP_SHARE * seconds))));
        final long warmupEndNs = jvmStartNs + seconds(warmupSeconds);
        final long warmupDeadlineNs = jvmStartNs + seconds(warmupSeconds + WARMUP_GRACE_SECONDS);
        final long measureNs = seconds(Math.max(0, seconds - warmupSeconds - END_RESERVE_SECONDS));

        final MemoryProbe probe = new MemoryProbe();
        final SoakController controller = new SoakController(
            app, record, probe, jvmStartNs, warmupEndNs, WARMUP_FRAMES, warmupDeadlineNs, measureNs,
            outDir.resolve(NATIVE_FILE));
        Files.deleteIfExists(outDir.resolve(NATIVE_FILE));
        final Thread controllerThread = new Thread(controller, SoakController.THREAD_NAME);
        controllerThread.setDaemon(true);
        controllerThread.start();

        final RunResult result;
        try
        {
            result = Isochron.run(app, config);
        }
        finally
        {
            app.requestStop();
            controllerThread.interrupt();
            controllerThread.join();
        }
        record.exitCause = result.exitCause().name();
        record.runFrames = result.frames();
        record.runTicks = result.ticks();
        probe.nativeAfterRun(record);
        record.store(outDir.resolve(RECORD_FILE));

        final RunReport report = result.report();
        addSoakFigures(report, record);
        report.writeJson(reportFile);
        System.out.print(report.toSummary());
        System.out.print(record.table());
        System.out.println("report: " + reportFile.toAbsolutePath());
        System.out.println(FRAMES_LINE + " steadyFromUptimeMs=" + uptimeMs(app.steadyFromNs(), jvmStartNs) +
            " lastFrameUptimeMs=" + uptimeMs(app.lastFrameNs(), jvmStartNs));
        System.out.flush();
    }

    /**
     * The launcher's settings for {@code <scene> --headless --width 320 --height 240 --workers 1 --threading multi
     * --count <count> --input-rate <rate> --tick-rate <tickRateHz> --target-fps <targetFps>}: with
     * {@link DemoRun#config} and {@link DemoRun#application} the soak runs exactly what the demo runs.
     */
    static DemoSettings settings(final SoakScene scene, final double tickRateHz, final double targetFps)
    {
        return DemoLauncher.parse(scene.cliName(), "--headless",
            "--width", Integer.toString(WIDTH), "--height", Integer.toString(HEIGHT),
            "--workers", "1", "--threading", "multi",
            "--count", Integer.toString(scene.count()), "--input-rate", Double.toString(scene.inputRate()),
            "--tick-rate", Double.toString(tickRateHz), "--target-fps", Double.toString(targetFps));
    }

    /** The soak's own title, report, warm-up, report capacity and time bound, over the launcher's configuration. */
    static RuntimeConfig soakOverrides(
        final RuntimeConfig config, final SoakScene scene, final double seconds, final Path report)
    {
        config.measurement()
            .reportPath(report)
            .warmupFrames(WARMUP_FRAMES)
            .reportCapacityFrames((int)Math.min(2_000_000, Math.max(100_000, seconds * 2_000)))
            // a bound in case the controller cannot end the run; it ends it well before
            .seconds(2 * seconds + WARMUP_GRACE_SECONDS + 30);
        return config.title("Isochron soak: " + scene.cliName())
            .vertexStreaming(VertexStreaming.valueOf(
                System.getProperty(VERTEX_STREAMING_PROPERTY, "auto").trim().toUpperCase(Locale.ROOT)));
    }

    private static <S> SoakApplication<S> wrap(final Application<S> scene)
    {
        return new SoakApplication<>(scene, true);
    }

    /** Adds the soak's own figures to the run report, after the docs/report.md keys. */
    static void addSoakFigures(final RunReport report, final SoakRecord record)
    {
        report.extra("soakWindows", record.windowsDone);
        report.extra("soakWindowFrames", record.framesInWindows());
        report.extra("soakHeapUsedFirstMb", record.heapUsedBytes[0] / (1024.0 * 1024.0));
        if (record.complete())
        {
            final int last = record.windows;
            report.extra("soakHeapGrowthBytes", record.heapGrowthBytes());
            report.extra("soakLwjglGrowthBytes", record.lwjglBytes[last] - record.lwjglBytes[0]);
            report.extra("soakDirectGrowthBytes", record.directBytes[last] - record.directBytes[0]);
            report.extra("soakGlObjectGrowth", record.glObjects[last] - record.glObjects[0]);
        }
        report.extra("soakLwjglBytesAfterRun", record.lwjglBytesAfterRun);
        report.extra("soakGcInWindows", record.gcInWindows());
        final ThreadRole[] roles = ThreadRole.values();
        long engineBytes = 0;
        for (int r = 0; r < roles.length; r++)
        {
            engineBytes += record.bytesInWindows(roles[r]);
        }
        report.extra("soakEngineBytesInWindows", engineBytes);
    }

    /** Starts the line that says when frame {@link SoakApplication#STEADY_FRAME} and the last frame ended. */
    static final String FRAMES_LINE = "soak frames:";

    private static long uptimeMs(final long ns, final long jvmStartNs)
    {
        return 0 == ns ? -1 : TimeUnit.NANOSECONDS.toMillis(ns - jvmStartNs);
    }

    private static long seconds(final double seconds)
    {
        return (long)(seconds * 1e9);
    }
}
