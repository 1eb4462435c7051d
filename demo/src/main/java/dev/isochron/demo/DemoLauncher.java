package dev.isochron.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Starts a demo scene: {@code java -jar demo/target/isochron-demo.jar [<scene>] [options]}.
 * <p>
 * With no display and no options it runs the sprites scene headless for a few seconds, writes a
 * screenshot (its file name is printed) and prints a short frame report. Bad options end the
 * program with one line naming the option and the allowed values, and exit status 2; a failing
 * run (a corrupt replay file, an unwritable screenshot) with one line and exit status 1. No stack
 * trace is printed unless {@code -Disochron.demo.stackTraces=true}.
 * <p>
 * Thread: the JVM's main thread, which becomes the runtime's platform thread.
 */
@Command(
    name = "isochron-demo",
    mixinStandardHelpOptions = true,
    version = "Isochron demo 0.1.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Runs an Isochron demo scene, windowed or headless, in engine mode (no garbage and no thread hops on the " +
            "frame path) or in --naive mode (the same picture, written the way the stalls arise).",
        "Scenes: sprites (default), chart, list, storm (a synthetic input storm over --scene)."},
    footer = {
        "",
        "Exit status: 0 run ended normally; 1 the run failed (message names the cause); 2 bad option.",
        "Examples:",
        "  java -jar demo/target/isochron-demo.jar",
        "  java -jar demo/target/isochron-demo.jar chart --window --naive",
        "  java -jar demo/target/isochron-demo.jar storm --scene list --input-rate 20000 --frames 2000 --report r.json"})
public final class DemoLauncher implements Callable<Integer>
{
    /** Exit status of a run that failed. */
    public static final int EXIT_FAILED = 1;
    /** Exit status of a bad command line. */
    public static final int EXIT_USAGE = 2;

    private static final int MAX_SIZE_PX = 16384;
    private static final int MAX_WORKERS = 64;
    private static final double MAX_INPUT_RATE = 1_000_000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<scene>",
        description = "sprites (default), chart, list or storm.")
    String sceneName;

    @Option(names = "--window", description = "Open a window (default when a display is available).")
    boolean window;

    @Option(names = "--headless", description = "Render off-screen (EGL), no window (default without a display).")
    boolean headless;

    @Option(names = "--frames", paramLabel = "N", description = "Stop after N measured frames (>= 1).")
    Long frames;

    @Option(names = "--seconds", paramLabel = "S",
        description = "Stop after S seconds (> 0). Headless default: " + DemoSettings.DEFAULT_HEADLESS_SECONDS + ".")
    Double seconds;

    @Option(names = "--warmup", paramLabel = "N",
        description = "Frames before the measured window (>= 0; default 300 with --frames, else 5).")
    Integer warmup;

    @Option(names = "--width", paramLabel = "W", description = "Framebuffer width in pixels, 16..16384 (default 1280).")
    Integer width;

    @Option(names = "--height", paramLabel = "H", description = "Framebuffer height in pixels, 16..16384 (default 720).")
    Integer height;

    @Option(names = "--count", paramLabel = "N",
        description = "Scene size (>= 1): sprites (100000), points of history per chart series (1000000), list rows (100000).")
    Integer count;

    @Option(names = "--tick-rate", paramLabel = "HZ", description = "Fixed simulation rate, (0, 10000] Hz (default 120).")
    Double tickRate;

    @Option(names = "--target-fps", paramLabel = "N", description = "Frame-rate cap, 0 = uncapped, up to 1000 (default 60).")
    Double targetFps;

    @Option(names = "--vsync", description = "Pace frames by the display's vertical sync (windowed).")
    boolean vsync;

    @Option(names = "--threading", paramLabel = "single|multi",
        description = "single: one thread for ticks and frames; multi (default): simulation and render threads.")
    String threading;

    @Option(names = "--workers", paramLabel = "K", description = "Render workers filling vertex slices, 0..64 (default 1).")
    Integer workers;

    @Option(names = "--renderer", paramLabel = "gl|null", description = "gl (default) or null (no GL, no draws).")
    String renderer;

    @Option(names = "--input-rate", paramLabel = "EVENTS_PER_S",
        description = "Synthetic input events per second, 0..1000000 (storm default 10000, else 0).")
    Double inputRate;

    @Option(names = "--scene", paramLabel = "SCENE", description = "For storm: the scene under the storm (default list).")
    String innerScene;

    @Option(names = "--naive", description = "Naive mode: the same picture, written the way the stalls arise.")
    boolean naive;

    @Option(names = "--screenshot", paramLabel = "FILE.png", description = "Write the last frame as PNG.")
    Path screenshot;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the run report (REPORT.md JSON).")
    Path report;

    @Option(names = "--frame-csv", paramLabel = "FILE.csv", description = "Write per-frame times as CSV.")
    Path frameCsv;

    @Option(names = "--record", paramLabel = "FILE", description = "Record the input the ticks consume.")
    Path record;

    @Option(names = "--replay", paramLabel = "FILE", description = "Replay recorded input instead of live input.")
    Path replay;

    /**
     * Runs the launcher and exits the JVM with its status.
     *
     * @param args the command line.
     */
    public static void main(final String[] args)
    {
        // class loading and the EGL display for the first frame overlap with parsing and building the scene
        final Thread warmup = StartupWarmup.start(headlessLikely(args));
        final int status = execute(args);
        // a short run (--help, a bad option) must not exit while the warm-up is inside the native GL driver's set-up
        StartupWarmup.awaitEnd(warmup);
        System.exit(status);
    }

    /** @return true when {@code args} ask for --headless or no display is available (the run's default). */
    static boolean headlessLikely(final String[] args)
    {
        for (final String arg : args)
        {
            if ("--headless".equals(arg))
            {
                return true;
            }
            if ("--window".equals(arg))
            {
                return false;
            }
        }
        return !displayAvailable();
    }

    /**
     * Runs the launcher without exiting the JVM.
     *
     * @return the exit status: 0, {@link #EXIT_FAILED} or {@link #EXIT_USAGE}.
     */
    public static int execute(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new DemoLauncher());
        commandLine.setParameterExceptionHandler(DemoLauncher::onBadCommandLine);
        commandLine.setExecutionExceptionHandler(DemoLauncher::onRunFailure);
        return commandLine.execute(args);
    }

    /**
     * Parses and validates a demo command line without running it, for tools that run a scene the way the launcher
     * does (the soak, embedders): {@code DemoRun.config(settings)} and {@code DemoRun.application(settings, config)}
     * then give the launcher's configuration and scene.
     *
     * @throws IllegalArgumentException with the launcher's one-line message for a bad option.
     */
    public static DemoSettings parse(final String... args)
    {
        final DemoLauncher launcher = new DemoLauncher();
        final CommandLine commandLine = new CommandLine(launcher);
        try
        {
            commandLine.parseArgs(args);
            return launcher.settings();
        }
        catch (final ParameterException ex)
        {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
    }

    /** {@inheritDoc} */
    public Integer call() throws Exception
    {
        final DemoSettings settings = settings();
        return DemoRun.run(settings, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * Validates the options and fills in defaults.
     *
     * @throws ParameterException naming the option and its allowed values.
     */
    DemoSettings settings()
    {
        final DemoSettings settings = new DemoSettings();
        if (null != sceneName)
        {
            settings.scene = scene("<scene>", sceneName, true);
        }
        if (null != innerScene)
        {
            if (settings.scene != SceneName.STORM)
            {
                throw bad("--scene applies to the storm scene only (e.g. storm --scene list), the scene is " +
                    settings.scene.cliName());
            }
            settings.innerScene = scene("--scene", innerScene, false);
        }
        if (window && headless)
        {
            throw bad("--window and --headless are mutually exclusive: give one of them");
        }
        settings.headless = headless || (!window && !displayAvailable());
        if (null != frames && null != seconds)
        {
            throw bad("--frames and --seconds are mutually exclusive: give one of them");
        }
        if (null != frames)
        {
            if (frames < 1)
            {
                throw bad("--frames must be >= 1, was " + frames);
            }
            settings.frames = frames;
        }
        if (null != seconds)
        {
            if (!(seconds > 0) || Double.isInfinite(seconds))
            {
                throw bad("--seconds must be a finite number > 0, was " + seconds);
            }
            settings.seconds = seconds;
        }
        if (settings.headless && null == frames && null == seconds)
        {
            settings.seconds = DemoSettings.DEFAULT_HEADLESS_SECONDS;
        }
        if (null != warmup)
        {
            if (warmup < 0)
            {
                throw bad("--warmup must be >= 0, was " + warmup);
            }
            settings.warmupFrames = warmup;
        }
        if (null != width)
        {
            settings.width = size("--width", width);
        }
        if (null != height)
        {
            settings.height = size("--height", height);
        }
        if (null != count)
        {
            if (count < 1)
            {
                throw bad("--count must be >= 1, was " + count);
            }
            settings.count = count;
        }
        if (null != tickRate)
        {
            if (!(tickRate > 0 && tickRate <= 10_000))
            {
                throw bad("--tick-rate must be in (0, 10000] Hz, was " + tickRate);
            }
            settings.tickRateHz = tickRate;
        }
        if (vsync && null != targetFps)
        {
            throw bad("--target-fps and --vsync are mutually exclusive: give one of them");
        }
        if (null != targetFps)
        {
            if (!(targetFps >= 0 && targetFps <= 1000))
            {
                throw bad("--target-fps must be 0 (uncapped) or in (0, 1000], was " + targetFps);
            }
            settings.targetFps = targetFps;
        }
        else if (settings.headless)
        {
            settings.targetFps = 0;
        }
        settings.vsync = vsync;
        if (vsync && settings.headless)
        {
            throw bad("--vsync needs a window (headless runs have no display to sync to): drop --vsync or use --window");
        }
        if (null != threading)
        {
            if ("single".equals(threading))
            {
                settings.multiThreaded = false;
            }
            else if ("multi".equals(threading))
            {
                settings.multiThreaded = true;
            }
            else
            {
                throw bad("--threading must be one of [single, multi], was '" + threading + "'");
            }
        }
        if (null != workers)
        {
            if (workers < 0 || workers > MAX_WORKERS)
            {
                throw bad("--workers must be in [0, " + MAX_WORKERS + "], was " + workers);
            }
            settings.workers = workers;
        }
        if (null != renderer)
        {
            if ("gl".equals(renderer))
            {
                settings.nullRenderer = false;
            }
            else if ("null".equals(renderer))
            {
                settings.nullRenderer = true;
            }
            else
            {
                throw bad("--renderer must be one of [gl, null], was '" + renderer + "'");
            }
        }
        if (null != inputRate)
        {
            if (!(inputRate >= 0 && inputRate <= MAX_INPUT_RATE))
            {
                throw bad("--input-rate must be in [0, 1000000] events/s, was " + inputRate);
            }
            settings.inputRate = inputRate;
        }
        else if (settings.scene == SceneName.STORM)
        {
            settings.inputRate = 10_000;
        }
        settings.naive = naive;
        if (null != record && null != replay)
        {
            throw bad("--record and --replay are mutually exclusive: give one of them");
        }
        if (null != replay && !Files.isRegularFile(replay))
        {
            throw bad("--replay file " + replay + " does not exist or is not a file");
        }
        settings.replay = replay;
        settings.record = outputFile("--record", record);
        settings.report = outputFile("--report", report);
        settings.frameCsv = outputFile("--frame-csv", frameCsv);
        settings.screenshot = outputFile("--screenshot", screenshot);
        if (null == settings.screenshot && settings.headless && null == frames && null == seconds &&
            !settings.nullRenderer)
        {
            settings.screenshot = Path.of("isochron-" + settings.scene.cliName() + ".png");
            settings.screenshotDefaulted = true;
        }
        if (null != settings.screenshot && settings.nullRenderer)
        {
            throw bad("--screenshot needs --renderer gl (the null renderer draws no pixels)");
        }
        return settings;
    }

    private SceneName scene(final String option, final String name, final boolean stormAllowed)
    {
        final SceneName scene = SceneName.byCliName(name);
        if (null == scene || (!stormAllowed && scene == SceneName.STORM))
        {
            throw bad(option + " must be one of [" +
                (stormAllowed ? SceneName.cliNames() : "sprites, chart, list") + "], was '" + name + "'");
        }
        return scene;
    }

    private int size(final String option, final int value)
    {
        if (value < 16 || value > MAX_SIZE_PX)
        {
            throw bad(option + " must be in [16, " + MAX_SIZE_PX + "] pixels, was " + value);
        }
        return value;
    }

    private Path outputFile(final String option, final Path path)
    {
        if (null == path)
        {
            return null;
        }
        final Path parent = path.toAbsolutePath().getParent();
        if (null != parent && !Files.isDirectory(parent))
        {
            throw bad(option + " " + path + ": directory " + parent + " does not exist (create it first)");
        }
        if (Files.isDirectory(path))
        {
            throw bad(option + " " + path + " is a directory, expected a file name");
        }
        return path;
    }

    private ParameterException bad(final String message)
    {
        return new ParameterException(spec.commandLine(), message);
    }

    static boolean displayAvailable()
    {
        final String display = System.getenv("DISPLAY");
        final String wayland = System.getenv("WAYLAND_DISPLAY");
        final String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac"))
        {
            return true;
        }
        return (null != display && !display.isEmpty()) || (null != wayland && !wayland.isEmpty());
    }

    static int onBadCommandLine(final ParameterException ex, final String[] args)
    {
        final PrintWriter err = ex.getCommandLine().getErr();
        String allowed = "";
        final String message = oneLine(ex.getMessage());
        if (null != ex.getArgSpec() && message.startsWith("Invalid value"))
        {
            final String[] description = ex.getArgSpec().description();
            allowed = description.length > 0 ? "; allowed: " + oneLine(description[0]) : "";
        }
        err.println("isochron-demo: " + message + allowed + " (see --help)");
        err.flush();
        return EXIT_USAGE;
    }

    private static int onRunFailure(
        final Exception ex, final CommandLine commandLine, final CommandLine.ParseResult parseResult)
    {
        final PrintWriter err = commandLine.getErr();
        err.println("isochron-demo: " + describe(ex));
        if (Boolean.getBoolean("isochron.demo.stackTraces"))
        {
            ex.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILED;
    }

    /** One line naming the failure and, through the causes, where it came from. */
    static String describe(final Throwable failure)
    {
        final StringBuilder line = new StringBuilder();
        Throwable t = failure;
        int depth = 0;
        while (null != t && depth < 4)
        {
            final String message = t.getMessage();
            final String part = null == message || message.isEmpty() ? t.getClass().getSimpleName() : message;
            if (depth == 0)
            {
                line.append(part);
            }
            else if (line.indexOf(part) < 0)
            {
                line.append(": ").append(part);
            }
            t = t.getCause() == t ? null : t.getCause();
            depth++;
        }
        return oneLine(line.toString());
    }

    static String oneLine(final String text)
    {
        return null == text ? "" : text.replace('\r', ' ').replace('\n', ' ').trim();
    }
}
