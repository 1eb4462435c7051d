package dev.isochron.peer.gdx;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The peer's command line, the demo's options that make sense for it:
 * {@code <scene> --frames N --warmup W --width W --height H --count N --target-fps F --input-rate R --report FILE
 * --frame-csv FILE}. {@code --headless} is accepted only to be refused with the reason (libGDX's lwjgl3 backend needs
 * a display). A bad command line is an {@link IllegalArgumentException} naming the option, the value and what to give.
 * <p>
 * Thread: the main thread, at start-up.
 */
public final class PeerArguments
{
    /** The scenes the peer can draw. */
    public static final String SCENES = "sprites, storm, chart";
    /** Default measured frames. */
    public static final long DEFAULT_FRAMES = 600;
    /** Default warm-up frames, as the demo's with --frames. */
    public static final int DEFAULT_WARMUP = 300;
    /** The most measured frames (the frame arrays hold 40 bytes a frame). */
    public static final long MAX_FRAMES = 10_000_000L;

    String scene;
    long frames = DEFAULT_FRAMES;
    int warmupFrames = DEFAULT_WARMUP;
    int width = 1280;
    int height = 720;
    int count = -1;
    double targetFps;
    double inputRate = Double.NaN;
    double tickRateHz = 120.0;
    Path report;
    Path frameCsv;
    boolean headless;
    boolean help;

    /**
     * @return the parsed arguments.
     * @throws IllegalArgumentException naming the option and value when the command line is wrong.
     */
    public static PeerArguments parse(final String... args)
    {
        final PeerArguments parsed = new PeerArguments();
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            String name = arg;
            String value = null;
            final int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0)
            {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name)
            {
                case "--help":
                case "-h":
                    parsed.help = true;
                    break;
                case "--headless":
                    parsed.headless = true;
                    break;
                case "--window":
                    parsed.headless = false;
                    break;
                case "--frames":
                    parsed.frames = wholeNumber(name, null != value ? value : next(args, ++i, name), 1, MAX_FRAMES);
                    break;
                case "--warmup":
                    parsed.warmupFrames = (int)wholeNumber(name, null != value ? value : next(args, ++i, name), 0, 1_000_000);
                    break;
                case "--width":
                    parsed.width = (int)wholeNumber(name, null != value ? value : next(args, ++i, name), 16, 16384);
                    break;
                case "--height":
                    parsed.height = (int)wholeNumber(name, null != value ? value : next(args, ++i, name), 16, 16384);
                    break;
                case "--count":
                    parsed.count = (int)wholeNumber(name, null != value ? value : next(args, ++i, name), 1, Integer.MAX_VALUE);
                    break;
                case "--target-fps":
                    parsed.targetFps = number(name, null != value ? value : next(args, ++i, name), 0, 1000);
                    break;
                case "--input-rate":
                    parsed.inputRate = number(name, null != value ? value : next(args, ++i, name), 0, 1_000_000);
                    break;
                case "--tick-rate":
                    parsed.tickRateHz = number(name, null != value ? value : next(args, ++i, name), 1, 10_000);
                    break;
                case "--report":
                    parsed.report = Path.of(null != value ? value : next(args, ++i, name));
                    break;
                case "--frame-csv":
                    parsed.frameCsv = Path.of(null != value ? value : next(args, ++i, name));
                    break;
                default:
                    if (arg.startsWith("-"))
                    {
                        throw new IllegalArgumentException("unknown option '" + arg + "'; see --help");
                    }
                    if (null != parsed.scene)
                    {
                        throw new IllegalArgumentException("one scene only, was given '" + parsed.scene + "' and '" + arg + "'");
                    }
                    parsed.scene = arg.toLowerCase(Locale.ROOT);
                    break;
            }
        }
        if (parsed.help)
        {
            return parsed;
        }
        if (null == parsed.scene)
        {
            throw new IllegalArgumentException("name a scene: " + SCENES);
        }
        if (!"sprites".equals(parsed.scene) && !"storm".equals(parsed.scene) && !"chart".equals(parsed.scene))
        {
            throw new IllegalArgumentException("scene must be one of " + SCENES + ", was '" + parsed.scene + "'");
        }
        if (parsed.targetFps != Math.rint(parsed.targetFps))
        {
            throw new IllegalArgumentException("--target-fps must be a whole number for libGDX's foreground FPS, was " +
                parsed.targetFps);
        }
        return parsed;
    }

    /** @return the usage text. */
    public static String usage()
    {
        return "usage: java -jar isochron-peer-gdx.jar <" + SCENES.replace(", ", "|") + "> [--frames N] [--warmup N]\n" +
            "       [--width W] [--height H] [--count N] [--target-fps F (0 = uncapped)] [--input-rate EVENTS_PER_S]\n" +
            "       [--tick-rate HZ] [--report FILE.json] [--frame-csv FILE.csv]\n" +
            "The demo's scenes as libGDX " + PeerVersion.GDX + " programs (lwjgl3 backend, windowed: needs a display,\n" +
            "e.g. xvfb-run). Defaults: --frames " + DEFAULT_FRAMES + " --warmup " + DEFAULT_WARMUP +
            " --width 1280 --height 720, uncapped, vsync off.\n";
    }

    /** @return the scene's size: sprites, points of history per chart series, or list rows. */
    public int count()
    {
        if (count > 0)
        {
            return count;
        }
        return "chart".equals(scene) ? 1_000_000 : 100_000;
    }

    /** @return synthetic input events per second: the storm's 10,000 unless given, else 0. */
    public double inputRate()
    {
        if (!Double.isNaN(inputRate))
        {
            return inputRate;
        }
        return "storm".equals(scene) ? 10_000.0 : 0.0;
    }

    private static String next(final String[] args, final int i, final String name)
    {
        if (i >= args.length)
        {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static long wholeNumber(final String name, final String text, final long min, final long max)
    {
        final long value;
        try
        {
            value = Long.parseLong(text.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(name + " must be a whole number in [" + min + ", " + max + "], was '" + text + "'");
        }
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    private static double number(final String name, final String text, final double min, final double max)
    {
        final double value;
        try
        {
            value = Double.parseDouble(text.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(name + " must be a number in [" + min + ", " + max + "], was '" + text + "'");
        }
        if (!(value >= min && value <= max))
        {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }
}
