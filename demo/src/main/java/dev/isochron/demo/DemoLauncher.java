package dev.isochron.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;

import dev.isochron.demo.DemoArguments.Option;
import dev.isochron.render.context.WindowApi;
import dev.isochron.engine.checked.CheckedMode;
import dev.isochron.engine.io.AtomicFileWriter;
import dev.isochron.engine.io.FileKind;
import dev.isochron.engine.metrics.FrameMetrics;
import dev.isochron.render.natives.NativeChecks;
import dev.isochron.render.runtime.ApplicationFailure;
import dev.isochron.render.runtime.Phase;
import dev.isochron.render.runtime.SpritePath;
import dev.isochron.render.runtime.VertexStreaming;

/**
 * Starts a demo scene: {@code java -jar demo/target/isochron-demo.jar [<scene>] [options]} ({@code --help} lists
 * the options, from {@link DemoArguments}'s table).
 * <p>
 * With no display and no options it runs the sprites scene headless for a few seconds, writes a
 * screenshot (its file name is printed) and prints a short frame report. Bad options end the
 * program with one line naming the option and the allowed values, and exit status 2 (an option out of its range,
 * or a value whose derived sizes exceed the runtime's limits, or an output path that cannot be written whole: a
 * directory, a device such as {@code /dev/full}, a FIFO); a failing run (a corrupt replay file, a full disk, the
 * heap or native memory running out) with one line and exit status 1. No stack trace is printed unless
 * {@code -Disochron.demo.stackTraces=true}.
 * <p>
 * Thread: the JVM's main thread, which becomes the runtime's platform thread.
 */
public final class DemoLauncher
{
    /** Exit status of a run that failed. */
    public static final int EXIT_FAILED = 1;
    /** Exit status of a bad command line. */
    public static final int EXIT_USAGE = 2;

    private static final int MAX_SIZE_PX = 16384;
    private static final int MAX_WORKERS = 64;
    private static final double MAX_INPUT_RATE = 1_000_000;
    /** The most measured frames: the report's window holds them all (it is preallocated, 40 bytes a frame). */
    static final long MAX_FRAMES = FrameMetrics.Context.MAX_WINDOW_CAPACITY_FRAMES;
    /** The most warm-up frames the report's metrics accept. */
    static final int MAX_WARMUP_FRAMES = FrameMetrics.Context.MAX_WARMUP_FRAMES;

    private DemoLauncher()
    {
    }

    /**
     * Runs the launcher and exits the JVM with its status.
     *
     * @param args the command line.
     */
    public static void main(final String[] args)
    {
        if (checkedAsked(args))
        {
            // before the warm-up touches LWJGL: its debug allocator and debug mode are read once, at initialisation
            NativeChecks.enable();
        }
        // class loading and the EGL display for the first frame overlap with parsing and building the scene
        final Thread warmup = StartupWarmup.start(headlessLikely(args));
        final int status = execute(args);
        // a short run (--help, a bad option) must not exit while the warm-up is inside the native GL driver's set-up
        StartupWarmup.awaitEnd(warmup);
        System.exit(status);
    }

    /** @return true when {@code args} ask for --checked (before the end of the options). */
    static boolean checkedAsked(final String[] args)
    {
        for (final String arg : args)
        {
            if ("--".equals(arg))
            {
                return false;
            }
            if ("--checked".equals(arg))
            {
                return true;
            }
        }
        return false;
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
     * Runs the launcher without exiting the JVM, writing to {@code System.out} and {@code System.err}.
     *
     * @return the exit status: 0, {@link #EXIT_FAILED} or {@link #EXIT_USAGE}.
     */
    public static int execute(final String... args)
    {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs the launcher without exiting the JVM: {@code --help} and {@code --version} print to {@code out} and
     * return 0 (after the command line's syntax is checked, before its values are); a bad command line prints one
     * line to {@code err} and returns {@link #EXIT_USAGE}; a run that throws prints one line to {@code err} and
     * returns {@link #EXIT_FAILED}.
     *
     * @return the exit status: 0, {@link #EXIT_FAILED} or {@link #EXIT_USAGE}.
     */
    static int execute(final PrintWriter out, final PrintWriter err, final String... args)
    {
        final DemoSettings settings;
        try
        {
            final DemoArguments arguments = DemoArguments.parse(args);
            if (arguments.flag(Option.HELP))
            {
                out.print(DemoArguments.usage());
                out.flush();
                return 0;
            }
            if (arguments.flag(Option.VERSION))
            {
                out.println(DemoArguments.VERSION);
                out.flush();
                return 0;
            }
            settings = settings(arguments);
        }
        catch (final IllegalArgumentException ex)
        {
            return onBadCommandLine(ex, err);
        }
        try
        {
            return DemoRun.run(settings, out, err);
        }
        catch (final Exception ex)
        {
            final OutOfMemoryError outOfMemory = OutOfMemoryAdvice.find(ex);
            return null == outOfMemory ? onRunFailure(ex, err) : onOutOfMemory(outOfMemory, ex, settings, err);
        }
        catch (final OutOfMemoryError ex)
        {
            return onOutOfMemory(ex, ex, settings, err);
        }
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
        return settings(DemoArguments.parse(args));
    }

    /**
     * Validates the options' values and combinations and fills in defaults.
     *
     * @throws IllegalArgumentException naming the option and its allowed values.
     */
    static DemoSettings settings(final DemoArguments arguments)
    {
        final String sceneName = arguments.scene();
        final String innerScene = arguments.word(Option.SCENE);
        final boolean window = arguments.flag(Option.WINDOW);
        final boolean headless = arguments.flag(Option.HEADLESS);
        final Long frames = arguments.longValue(Option.FRAMES);
        final Double seconds = arguments.number(Option.SECONDS);
        final Integer warmup = arguments.intValue(Option.WARMUP);
        final Integer width = arguments.intValue(Option.WIDTH);
        final Integer height = arguments.intValue(Option.HEIGHT);
        final Integer count = arguments.intValue(Option.COUNT);
        final Double tickRate = arguments.number(Option.TICK_RATE);
        final Double targetFps = arguments.number(Option.TARGET_FPS);
        final boolean vsync = arguments.flag(Option.VSYNC);
        final String threading = arguments.word(Option.THREADING);
        final String windowApi = arguments.word(Option.WINDOW_API);
        final Integer workers = arguments.intValue(Option.WORKERS);
        final String renderer = arguments.word(Option.RENDERER);
        final Double inputRate = arguments.number(Option.INPUT_RATE);
        final boolean naive = arguments.flag(Option.NAIVE);
        final boolean stallStacks = arguments.flag(Option.STALL_STACKS);
        final boolean trimNativeHeap = arguments.flag(Option.TRIM_NATIVE_HEAP);
        final String spritePath = arguments.word(Option.SPRITE_PATH);
        final String vertexStreaming = arguments.word(Option.VERTEX_STREAMING);
        final boolean checked = arguments.flag(Option.CHECKED);
        final Path screenshot = arguments.file(Option.SCREENSHOT);
        final Path report = arguments.file(Option.REPORT);
        final Path frameCsv = arguments.file(Option.FRAME_CSV);
        final Path record = arguments.file(Option.RECORD);
        final Path replay = arguments.file(Option.REPLAY);

        final DemoSettings settings = new DemoSettings();
        if (null != sceneName)
        {
            settings.scene = scene(DemoArguments.SCENE_LABEL, sceneName, true);
        }
        if (null != innerScene)
        {
            if (settings.scene != SceneName.STORM)
            {
                throw new IllegalArgumentException("--scene applies to the storm scene only " +
                    "(e.g. storm --scene list), the scene is " + settings.scene.cliName());
            }
            settings.innerScene = scene("--scene", innerScene, false);
        }
        if (window && headless)
        {
            throw new IllegalArgumentException("--window and --headless are mutually exclusive: give one of them");
        }
        settings.headless = headless || (!window && !displayAvailable());
        if (null != frames && null != seconds)
        {
            throw new IllegalArgumentException("--frames and --seconds are mutually exclusive: give one of them");
        }
        if (null != frames)
        {
            if (frames < 1 || frames > MAX_FRAMES)
            {
                throw new IllegalArgumentException("--frames must be in [1, " + MAX_FRAMES + "], was " + frames +
                    (frames > MAX_FRAMES ? "; for longer runs give --seconds" : ""));
            }
            settings.frames = frames;
        }
        if (null != seconds)
        {
            if (!(seconds > 0) || Double.isInfinite(seconds))
            {
                throw new IllegalArgumentException("--seconds must be a finite number > 0, was " + seconds);
            }
            settings.seconds = seconds;
        }
        if (settings.headless && null == frames && null == seconds)
        {
            settings.seconds = DemoSettings.DEFAULT_HEADLESS_SECONDS;
        }
        if (null != warmup)
        {
            if (warmup < 0 || warmup > MAX_WARMUP_FRAMES)
            {
                throw new IllegalArgumentException("--warmup must be in [0, " + MAX_WARMUP_FRAMES + "], was " + warmup);
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
            final SceneName drawn = settings.drawnScene();
            if (count < 1 || count > drawn.maxCount())
            {
                throw new IllegalArgumentException("--count must be in [1, " + drawn.maxCount() + "] for the " +
                    drawn.cliName() + " scene (" + drawn.countUnit() + "), was " + count);
            }
            settings.count = count;
        }
        if (null != tickRate)
        {
            if (!(tickRate > 0 && tickRate <= 10_000))
            {
                throw new IllegalArgumentException("--tick-rate must be in (0, 10000] Hz, was " + tickRate);
            }
            settings.tickRateHz = tickRate;
        }
        if (vsync && null != targetFps)
        {
            throw new IllegalArgumentException("--target-fps and --vsync are mutually exclusive: give one of them");
        }
        if (null != targetFps)
        {
            if (!(targetFps >= 0 && targetFps <= 1000))
            {
                throw new IllegalArgumentException(
                    "--target-fps must be 0 (uncapped) or in (0, 1000], was " + targetFps);
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
            throw new IllegalArgumentException("--vsync needs a window (headless runs have no display to sync to): " +
                "drop --vsync or use --window");
        }
        if (null != windowApi)
        {
            settings.windowApi = windowApi(windowApi, settings.headless);
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
                throw new IllegalArgumentException(
                    "--threading must be one of [single, multi], was '" + threading + "'");
            }
        }
        if (null != workers)
        {
            if (workers < 0 || workers > MAX_WORKERS)
            {
                throw new IllegalArgumentException("--workers must be in [0, " + MAX_WORKERS + "], was " + workers);
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
                throw new IllegalArgumentException("--renderer must be one of [gl, null], was '" + renderer + "'");
            }
        }
        if (null != inputRate)
        {
            if (!(inputRate >= 0 && inputRate <= MAX_INPUT_RATE))
            {
                throw new IllegalArgumentException("--input-rate must be in [0, 1000000] events/s, was " + inputRate);
            }
            settings.inputRate = inputRate;
        }
        else if (settings.scene == SceneName.STORM)
        {
            settings.inputRate = 10_000;
        }
        settings.naive = naive;
        settings.stallStacks = stallStacks;
        settings.trimNativeHeap = trimNativeHeap;
        if (null != spritePath)
        {
            settings.spritePath = choice(SpritePath.values(), Option.SPRITE_PATH, spritePath);
        }
        if (null != vertexStreaming)
        {
            settings.vertexStreaming = choice(VertexStreaming.values(), Option.VERTEX_STREAMING, vertexStreaming);
        }
        settings.checked = checked || CheckedMode.ENABLED;
        if (null != record && null != replay)
        {
            throw new IllegalArgumentException("--record and --replay are mutually exclusive: give one of them");
        }
        if (null != replay)
        {
            final String kind = FileKind.of(replay);
            if (null == kind)
            {
                throw new IllegalArgumentException("--replay " + replay + " does not exist; give a file made with " +
                    "--record");
            }
            if (!FileKind.REGULAR_FILE.equals(kind))
            {
                throw new IllegalArgumentException("--replay " + replay + " is " + kind + ", not a regular file; " +
                    "give a file made with --record");
            }
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
            throw new IllegalArgumentException("--screenshot needs --renderer gl (the null renderer draws no pixels)");
        }
        return settings;
    }

    private static SceneName scene(final String option, final String name, final boolean stormAllowed)
    {
        final SceneName scene = SceneName.byCliName(name);
        if (null == scene || (!stormAllowed && scene == SceneName.STORM))
        {
            throw new IllegalArgumentException(option + " must be one of [" +
                (stormAllowed ? SceneName.cliNames() : "sprites, chart, list, effects") + "], was '" + name + "'");
        }
        return scene;
    }

    private static WindowApi windowApi(final String value, final boolean headless)
    {
        if (headless)
        {
            throw new IllegalArgumentException("--window-api needs a window (headless runs use EGL): drop " +
                "--window-api or use --window");
        }
        switch (value)
        {
            case "auto":
                return WindowApi.AUTO;
            case "native":
                return WindowApi.NATIVE;
            case "egl":
                return WindowApi.EGL;
            default:
                throw new IllegalArgumentException("--window-api must be one of [auto, native, egl], was '" + value +
                    "'");
        }
    }

    private static int size(final String option, final int value)
    {
        if (value < 16 || value > MAX_SIZE_PX)
        {
            throw new IllegalArgumentException(option + " must be in [16, " + MAX_SIZE_PX + "] pixels, was " + value);
        }
        return value;
    }

    /**
     * Refuses an output path the run could not write whole at its end ({@link AtomicFileWriter}): a missing or
     * unwritable directory, a directory, a device such as {@code /dev/full}, a FIFO. Checked before the run, so a bad
     * path costs no run.
     */
    private static Path outputFile(final String option, final Path path)
    {
        if (null == path)
        {
            return null;
        }
        final String reason = AtomicFileWriter.unwritableReason(path);
        if (null != reason)
        {
            throw new IllegalArgumentException(option + " " + path + ": " + reason);
        }
        return path;
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

    /**
     * Prints a bad command line's one line, {@code isochron-demo: <message> (see --help)}, to {@code err}.
     *
     * @return {@link #EXIT_USAGE}.
     */
    static int onBadCommandLine(final IllegalArgumentException ex, final PrintWriter err)
    {
        err.println(DemoArguments.PROGRAM + ": " + oneLine(ex.getMessage()) + " (see --help)");
        err.flush();
        return EXIT_USAGE;
    }

    /**
     * Prints what ran out and how to size it ({@link OutOfMemoryAdvice}), one line, instead of the error's stack.
     *
     * @return {@link #EXIT_FAILED}.
     */
    static int onOutOfMemory(
        final OutOfMemoryError error, final Throwable thrown, final DemoSettings settings, final PrintWriter err)
    {
        err.println(DemoArguments.PROGRAM + ": " +
            OutOfMemoryAdvice.line(error, settings, Runtime.getRuntime().maxMemory()));
        if (Boolean.getBoolean("isochron.demo.stackTraces"))
        {
            thrown.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILED;
    }

    private static int onRunFailure(final Exception ex, final PrintWriter err)
    {
        err.println(DemoArguments.PROGRAM + ": " + describe(fileFailure(ex)));
        if (Boolean.getBoolean("isochron.demo.stackTraces"))
        {
            ex.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILED;
    }

    /**
     * @return the file error behind a runtime failure, or {@code failure} itself. The runtime reports a file it could
     * not write at the end of the run (the screenshot, the recording) as an {@link ApplicationFailure} of
     * {@link Phase#RUNTIME}; the file error's message already names the output, the path and the reason
     * ({@code cannot write screenshot /data/shot.png: No space left on device}), which is the one line to show.
     * Failures of the application's own code keep their phase and thread.
     */
    static Throwable fileFailure(final Throwable failure)
    {
        if (failure instanceof ApplicationFailure && Phase.RUNTIME == ((ApplicationFailure)failure).phase())
        {
            final Throwable cause = failure.getCause();
            if (cause instanceof IOException || cause instanceof UncheckedIOException)
            {
                return cause;
            }
        }
        return failure;
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

    /**
     * @return the constant of {@code values} whose lower-case name is {@code word}, for an option that names an enum.
     * @throws IllegalArgumentException naming the option, its words in declaration order and the word given.
     */
    private static <E extends Enum<E>> E choice(final E[] values, final Option option, final String word)
    {
        final StringJoiner words = new StringJoiner(", ", "[", "]");
        for (final E value : values)
        {
            final String name = value.name().toLowerCase(Locale.ROOT);
            if (name.equals(word))
            {
                return value;
            }
            words.add(name);
        }
        throw new IllegalArgumentException(option.longName + " must be one of " + words + ", was '" + word + "'");
    }
}
