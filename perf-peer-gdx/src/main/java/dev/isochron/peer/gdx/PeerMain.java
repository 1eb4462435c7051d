package dev.isochron.peer.gdx;

import com.badlogic.gdx.backends.lwjgl3.Lwjgl3Application;
import com.badlogic.gdx.backends.lwjgl3.Lwjgl3ApplicationConfiguration;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code java -jar isochron-peer-gdx.jar <sprites|storm|chart> --frames N --warmup W --width W --height H --count N
 * --report FILE --frame-csv FILE}: runs one of the demo's scenes as a libGDX program in a window (lwjgl3 backend, vsync
 * off, foreground FPS 0 = uncapped unless {@code --target-fps}), measures it, and writes the run report.
 * <p>
 * Exit status: 0 the run finished and its report was written; 1 it failed (no display, GL or libGDX error, report not
 * written), with one line naming why; 2 a bad command line. Thread: the main thread, which libGDX's lwjgl3 backend
 * also uses as its render thread.
 */
public final class PeerMain
{
    /** Exit status of a finished run. */
    public static final int EXIT_OK = 0;
    /** Exit status of a failed run. */
    public static final int EXIT_FAILED = 1;
    /** Exit status of a bad command line. */
    public static final int EXIT_USAGE = 2;
    /** The program's name in messages. */
    static final String PROGRAM = "isochron-peer-gdx";

    private PeerMain()
    {
    }

    /** Runs and exits with the run's status. */
    public static void main(final String[] args)
    {
        final int status = run(System.out, System.err, args);
        System.out.flush();
        System.err.flush();
        // libGDX leaves non-daemon threads behind on some platforms; the status is decided, so end here
        System.exit(status);
    }

    /** @return the exit status for {@code args}, without exiting. */
    static int run(final PrintStream out, final PrintStream err, final String... args)
    {
        final PeerArguments parsed;
        try
        {
            parsed = PeerArguments.parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            err.println(PROGRAM + ": " + ex.getMessage());
            return EXIT_USAGE;
        }
        if (parsed.help)
        {
            out.print(PeerArguments.usage());
            return EXIT_OK;
        }
        if (parsed.headless)
        {
            err.println(PROGRAM + ": --headless is not possible: libGDX's lwjgl3 backend always opens a GLFW window and " +
                "needs a display (run it under xvfb-run -a), and its headless backend has no GL to draw with");
            return EXIT_USAGE;
        }
        final String display = System.getenv("DISPLAY");
        final String wayland = System.getenv("WAYLAND_DISPLAY");
        if ((null == display || display.isEmpty()) && (null == wayland || wayland.isEmpty()))
        {
            err.println(PROGRAM + ": no display (DISPLAY and WAYLAND_DISPLAY are unset): libGDX's lwjgl3 backend needs " +
                "one for its window; run it under xvfb-run -a -s \"-screen 0 1280x720x24\"");
            return EXIT_FAILED;
        }
        try
        {
            return measure(parsed, out, err);
        }
        catch (final RuntimeException | Error ex)
        {
            err.println(PROGRAM + ": " + parsed.scene + " failed: " + ex);
            ex.printStackTrace(err);
            return EXIT_FAILED;
        }
    }

    private static int measure(final PeerArguments args, final PrintStream out, final PrintStream err)
    {
        if (args.frames > Integer.MAX_VALUE - 1)
        {
            throw new IllegalArgumentException("--frames must fit the frame arrays, was " + args.frames);
        }
        final PeerScene scene = scene(args);
        final FrameRecorder recorder = new FrameRecorder(args.warmupFrames, (int)args.frames, Thread.currentThread());
        final PeerReport report = new PeerReport();
        try (GcPauses gc = new GcPauses())
        {
            final PeerApplication app = new PeerApplication(scene, args, recorder, gc);
            final Lwjgl3ApplicationConfiguration config = new Lwjgl3ApplicationConfiguration();
            config.setTitle("Isochron peer: libGDX " + args.scene);
            config.setWindowedMode(args.width, args.height);
            config.setResizable(false);
            config.useVsync(false);
            config.setForegroundFPS((int)args.targetFps);
            config.setIdleFPS((int)Math.max(60, args.targetFps));
            config.disableAudio(true);
            new Lwjgl3Application(app, config);
            if (null != app.disposeFailure())
            {
                throw new IllegalStateException("the scene's dispose failed: " + app.disposeFailure(), app.disposeFailure());
            }
            if (!recorder.complete())
            {
                err.println(PROGRAM + ": the window closed after " + recorder.framesStarted() + " frames, before the " +
                    (args.warmupFrames + args.frames + 1) + " a complete window needs; the report holds the " +
                    recorder.frames() + " measured");
            }
            report.scene = args.scene;
            report.warmupFrames = args.warmupFrames;
            report.tickRateHz = args.tickRateHz;
            report.targetFps = args.targetFps;
            report.glRenderer = app.glRenderer();
            report.glVersion = app.glVersion();
            report.gcName = gc.gcName();
            report.timeToFirstFrameMs = app.timeToFirstFrameMs();
            report.extra("peer", PeerVersion.describe());
            report.extra("totalFrames", recorder.framesStarted());
            report.extra("totalTicks", app.totalTicks());
            scene.report(report);
            report.measureHeapAndRss();
            final String json = report.toJson(recorder, gc);
            if (null != args.report)
            {
                PeerReport.writeWhole("run report", args.report, json);
            }
            if (null != args.frameCsv && recorder.frames() > 0)
            {
                PeerReport.writeWhole("frame CSV", args.frameCsv, PeerReport.frameCsv(recorder, gc, args.targetFps));
            }
            out.println(summary(args, recorder));
            if (null != args.report)
            {
                out.println("report: " + args.report.toAbsolutePath());
            }
            return recorder.complete() ? EXIT_OK : EXIT_FAILED;
        }
        catch (final IOException ex)
        {
            err.println(PROGRAM + ": " + ex.getMessage());
            return EXIT_FAILED;
        }
    }

    private static PeerScene scene(final PeerArguments args)
    {
        switch (args.scene)
        {
            case "sprites":
                return new SpritesPeer(args.count(), args.width, args.height);
            case "storm":
                return new StormPeer(args.count(), args.inputRate());
            case "chart":
                return new ChartPeer(args.count());
            default:
                throw new IllegalArgumentException("scene must be one of " + PeerArguments.SCENES + ", was " + args.scene);
        }
    }

    private static String summary(final PeerArguments args, final FrameRecorder recorder)
    {
        final int n = recorder.frames();
        long sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += recorder.frameNs(i);
        }
        return String.format(Locale.ROOT, "%s/peer (%s): %d frames after %d warm-up, %.1f FPS mean, frame %.3f ms mean",
            args.scene, PeerVersion.describe(), n, args.warmupFrames, n == 0 ? 0.0 : n * 1e9 / sum,
            n == 0 ? 0.0 : sum / 1e6 / n);
    }
}
