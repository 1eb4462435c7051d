package dev.isochron.demo;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import dev.isochron.demo.chart.SeriesHistory;
import dev.isochron.demo.effects.EffectsScene;

/**
 * The demo's command line read against one table of options ({@link Option}): which options were given and their
 * values, converted to their types, before the launcher checks ranges and combinations ({@link DemoLauncher}).
 * <p>
 * Syntax (as the picocli launcher before it accepted): {@code --name value} and {@code --name=value}; a flag takes no
 * value (or {@code =true} / {@code =false}); at most one {@code <scene>} argument, anywhere; each option at most once;
 * {@code --} ends the options (what follows is the scene). A bad command line is an {@link IllegalArgumentException}
 * with one line naming the option, the value and what to give instead; the launcher prints it with exit status 2.
 * <p>
 * Why by hand: picocli built its model by reflection over annotations and loaded ~170 classes of its own (plus the
 * JDK's reflection, annotation and {@code java.time} classes it touches) on the main thread before the scene was built,
 * ~160 ms of the demo's time to first frame. This class, its two enums and a few {@code String} calls are all a parse
 * costs now.
 * <p>
 * Thread: the main thread, at start-up; not for the frame path (it builds strings freely).
 */
final class DemoArguments
{
    /** Program name, first word of every error line and of the usage. */
    static final String PROGRAM = "isochron-demo";
    /** What {@code --version} prints. */
    static final String VERSION = "Isochron demo 0.1.0";
    /** The positional argument's label in the usage and in messages. */
    static final String SCENE_LABEL = "<scene>";

    private static final int HELP_WIDTH = 80;
    private static final int HELP_DESCRIPTION_COLUMN = 29;
    private static final String END_OF_OPTIONS = "--";

    /** How an option's value is read. */
    enum Kind
    {
        /** No value: present or not. */
        FLAG(""),
        /** A 32-bit whole number. */
        INT("a whole number"),
        /** A 64-bit whole number. */
        LONG("a whole number"),
        /** A decimal number ({@link Double#parseDouble}: also NaN and Infinity, which the launcher's ranges reject). */
        NUMBER("a number"),
        /** A word the launcher checks against its allowed values. */
        WORD("a word"),
        /** A file path. */
        FILE("a file path");

        final String expected;

        Kind(final String expected)
        {
            this.expected = expected;
        }
    }

    /** Every option the demo takes, in the order the usage lists them. */
    enum Option
    {
        WINDOW("--window", null, Kind.FLAG, null,
            "Open a window (default when a display is available)."),
        HEADLESS("--headless", null, Kind.FLAG, null,
            "Render off-screen (EGL), no window (default without a display)."),
        FRAMES("--frames", null, Kind.LONG, "N",
            "Stop after N measured frames, 1.." + DemoLauncher.MAX_FRAMES + "."),
        SECONDS("--seconds", null, Kind.NUMBER, "S",
            "Stop after S seconds (> 0). Headless default: " + DemoSettings.DEFAULT_HEADLESS_SECONDS + "."),
        WARMUP("--warmup", null, Kind.INT, "N",
            "Frames before the measured window, 0.." + DemoLauncher.MAX_WARMUP_FRAMES +
                " (default 300 with --frames, else 5)."),
        WIDTH("--width", null, Kind.INT, "W",
            "Framebuffer width in pixels, 16..16384 (default 1280)."),
        HEIGHT("--height", null, Kind.INT, "H",
            "Framebuffer height in pixels, 16..16384 (default 720)."),
        COUNT("--count", null, Kind.INT, "N",
            "Scene size: sprites, 1.." + DemoRun.MAX_SPRITES + " (default 100000); points of history per chart " +
                "series, 1.." + SeriesHistory.MAX_CAPACITY + " (1000000); list rows, >= 1 (100000); effects particles, " +
                "1.." + EffectsScene.MAX_PARTICLES + " (2000)."),
        TICK_RATE("--tick-rate", null, Kind.NUMBER, "HZ",
            "Fixed simulation rate, (0, 10000] Hz (default 120)."),
        TARGET_FPS("--target-fps", null, Kind.NUMBER, "N",
            "Frame-rate cap, 0 = uncapped, up to 1000 (default 60)."),
        VSYNC("--vsync", null, Kind.FLAG, null,
            "Pace frames by the display's vertical sync (windowed)."),
        WINDOW_API("--window-api", null, Kind.WORD, "auto|native|egl",
            "The window's GL API: auto (default: native, GLX on X11, else EGL), native or egl."),
        THREADING("--threading", null, Kind.WORD, "single|multi",
            "single: one thread for ticks and frames; multi (default): simulation and render threads."),
        WORKERS("--workers", null, Kind.INT, "K",
            "Render workers filling vertex slices, 0..64 (default 1)."),
        RENDERER("--renderer", null, Kind.WORD, "gl|null",
            "gl (default) or null (no GL, no draws)."),
        INPUT_RATE("--input-rate", null, Kind.NUMBER, "EVENTS_PER_S",
            "Synthetic input events per second, 0..1000000 (storm default 10000, else 0)."),
        SCENE("--scene", null, Kind.WORD, "SCENE",
            "For storm: the scene under the storm (default list)."),
        NAIVE("--naive", null, Kind.FLAG, null,
            "Naive mode: the same picture, written the way the stalls arise."),
        TRIM_NATIVE_HEAP("--trim-native-heap", null, Kind.FLAG, null,
            "Give memory the C heap frees back to the kernel at once (glibc's default; the runtime keeps it)."),
        STALL_STACKS("--stall-stacks", null, Kind.FLAG, null,
            "Print each watchdog stall's whole stack (default: one line: thread, work, duration, top frame)."),
        CHECKED("--checked", null, Kind.FLAG, null,
            "Checking mode: guard bytes, bounds and thread checks, LWJGL's debug allocator (slower; see reliability.md)."),
        VERTEX_STREAMING("--vertex-streaming", null, Kind.WORD, "auto|ring|staging",
            "auto (default: a persistent-mapped ring, staging memory on llvmpipe), ring or staging."),
        SPRITE_PATH("--sprite-path", null, Kind.WORD, "auto|instanced|vertices",
            "auto (default: 32-byte instance records, CPU-made vertices on Mesa's CPU rasterisers), instanced or vertices."),
        SCREENSHOT("--screenshot", null, Kind.FILE, "FILE.png",
            "Write the last frame as PNG."),
        REPORT("--report", null, Kind.FILE, "FILE.json",
            "Write the run report (docs/report.md JSON)."),
        FRAME_CSV("--frame-csv", null, Kind.FILE, "FILE.csv",
            "Write per-frame times as CSV."),
        RECORD("--record", null, Kind.FILE, "FILE",
            "Record the input the ticks consume."),
        REPLAY("--replay", null, Kind.FILE, "FILE",
            "Replay recorded input instead of live input."),
        HELP("--help", "-h", Kind.FLAG, null,
            "Show this help message and exit."),
        VERSION("--version", "-V", Kind.FLAG, null,
            "Print version information and exit.");

        final String longName;
        final String shortName;
        final Kind kind;
        final String valueLabel;
        final String description;

        Option(
            final String longName,
            final String shortName,
            final Kind kind,
            final String valueLabel,
            final String description)
        {
            this.longName = longName;
            this.shortName = shortName;
            this.kind = kind;
            this.valueLabel = valueLabel;
            this.description = description;
        }

        /** @return the option called {@code name} (long or short), or null when there is none. */
        static Option named(final String name)
        {
            final Option[] options = values();
            for (int i = 0; i < options.length; i++)
            {
                if (options[i].longName.equals(name) || name.equals(options[i].shortName))
                {
                    return options[i];
                }
            }
            return null;
        }

        /** @return how the option is written with a value, for messages and the usage: {@code --frames=N}. */
        String synopsis()
        {
            return kind == Kind.FLAG ? longName : longName + "=" + valueLabel;
        }
    }

    private static final Option[] OPTIONS = Option.values();

    private final String[] texts = new String[OPTIONS.length];
    private final long[] wholes = new long[OPTIONS.length];
    private final double[] numbers = new double[OPTIONS.length];
    private final Path[] files = new Path[OPTIONS.length];
    private String scene;

    private DemoArguments()
    {
    }

    /**
     * Reads a command line: option names, values and their types. Ranges and combinations are the launcher's.
     *
     * @param args the command line, as {@code main} received it.
     * @return what was given.
     * @throws IllegalArgumentException with one line naming the option or argument, the value and the fix.
     */
    static DemoArguments parse(final String... args)
    {
        final DemoArguments parsed = new DemoArguments();
        boolean optionsEnded = false;
        int i = 0;
        while (i < args.length)
        {
            final String arg = args[i++];
            if (optionsEnded || !isOptionLike(arg))
            {
                parsed.addScene(arg);
                continue;
            }
            if (END_OF_OPTIONS.equals(arg))
            {
                optionsEnded = true;
                continue;
            }
            final int equals = arg.indexOf('=');
            final String name = equals < 0 ? arg : arg.substring(0, equals);
            final Option option = Option.named(name);
            if (null == option)
            {
                throw new IllegalArgumentException("Unknown option: '" + name + "'" + suggestion(name));
            }
            final String value;
            if (equals >= 0)
            {
                value = arg.substring(equals + 1);
            }
            else if (option.kind == Kind.FLAG)
            {
                value = null;
            }
            else if (i < args.length && !namesAnOption(args[i]))
            {
                value = args[i++];
            }
            else
            {
                throw new IllegalArgumentException("Missing value for option '" + option.longName + "' (" +
                    option.valueLabel + ")" + (i < args.length ? ", found option '" + args[i] + "' instead" : "") +
                    ": give " + option.longName + " " + option.valueLabel + " or " + option.synopsis());
            }
            parsed.set(option, value);
        }
        return parsed;
    }

    /** @return the {@code <scene>} argument, or null when none was given. */
    String scene()
    {
        return scene;
    }

    /** @return true when {@code option} is on the command line (a flag also when given as {@code =false}). */
    boolean given(final Option option)
    {
        return null != texts[option.ordinal()];
    }

    /** @return whether the flag {@code option} is set: given alone or as {@code =true}. */
    boolean flag(final Option option)
    {
        check(option, Kind.FLAG);
        return "true".equals(texts[option.ordinal()]);
    }

    /** @return the value of the {@link Kind#INT} option, or null when it was not given. */
    Integer intValue(final Option option)
    {
        check(option, Kind.INT);
        return given(option) ? Integer.valueOf((int)wholes[option.ordinal()]) : null;
    }

    /** @return the value of the {@link Kind#LONG} option, or null when it was not given. */
    Long longValue(final Option option)
    {
        check(option, Kind.LONG);
        return given(option) ? Long.valueOf(wholes[option.ordinal()]) : null;
    }

    /** @return the value of the {@link Kind#NUMBER} option, or null when it was not given. */
    Double number(final Option option)
    {
        check(option, Kind.NUMBER);
        return given(option) ? Double.valueOf(numbers[option.ordinal()]) : null;
    }

    /** @return the value of the {@link Kind#WORD} option, or null when it was not given. */
    String word(final Option option)
    {
        check(option, Kind.WORD);
        return texts[option.ordinal()];
    }

    /** @return the value of the {@link Kind#FILE} option, or null when it was not given. */
    Path file(final Option option)
    {
        check(option, Kind.FILE);
        return files[option.ordinal()];
    }

    /**
     * @return the text {@code --help} prints: usage, description, every option of {@link Option} with its
     * description (wrapped to 80 columns), exit statuses and examples.
     */
    static String usage()
    {
        final StringBuilder help = new StringBuilder(4096);
        help.append("Usage: ").append(PROGRAM).append(" [").append(SCENE_LABEL).append("] [options]\n");
        wrap(help, "Runs an Isochron demo scene, windowed or headless, in engine mode (no garbage and no thread hops " +
            "on the frame path) or in --naive mode (the same picture, written the way the stalls arise).", 0);
        wrap(help, "Scenes: sprites (default), chart, list, effects (render passes), storm (a synthetic input storm " +
            "over --scene).", 0);
        help.append("\nArguments and options (--name value and --name=value are the same):\n");
        entry(help, "  " + SCENE_LABEL, "sprites (default), chart, list, effects or storm.");
        for (int i = 0; i < OPTIONS.length; i++)
        {
            final Option option = OPTIONS[i];
            entry(help, (null == option.shortName ? "      " : "  " + option.shortName + ", ") + option.synopsis(),
                option.description);
        }
        help.append('\n');
        wrap(help, "Exit status: 0 run ended normally; 1 the run failed (message names the cause); 2 bad option.", 0);
        help.append("Examples:\n")
            .append("  java -jar demo/target/isochron-demo.jar\n")
            .append("  java -jar demo/target/isochron-demo.jar chart --window --naive\n")
            .append("  java -jar demo/target/isochron-demo.jar storm --scene list --input-rate 20000 --frames 2000 ")
            .append("--report r.json\n");
        return help.toString();
    }

    private void addScene(final String arg)
    {
        if (null != scene)
        {
            throw new IllegalArgumentException("Unmatched argument '" + arg + "': only one " + SCENE_LABEL +
                " may be given and it was '" + scene + "' (options start with --)");
        }
        scene = arg;
    }

    private void set(final Option option, final String value)
    {
        final int index = option.ordinal();
        final String text = option.kind == Kind.FLAG ? flagText(option, value) : value;
        if (null != texts[index])
        {
            throw new IllegalArgumentException("Option '" + option.longName + "' was given twice ('" +
                texts[index] + "' and '" + text + "'): give it once");
        }
        switch (option.kind)
        {
            case FLAG:
            case WORD:
                break;
            case INT:
                wholes[index] = parseInt(option, text);
                break;
            case LONG:
                wholes[index] = parseLong(option, text);
                break;
            case NUMBER:
                numbers[index] = parseNumber(option, text);
                break;
            case FILE:
                files[index] = parsePath(option, text);
                break;
            default:
                throw new IllegalStateException("option kind " + option.kind + " has no parser");
        }
        texts[index] = text;
    }

    private static String flagText(final Option option, final String value)
    {
        if (null == value || "true".equals(value))
        {
            return "true";
        }
        if ("false".equals(value))
        {
            return "false";
        }
        throw new IllegalArgumentException("Option '" + option.longName + "' takes no value, was given '" + value +
            "': give " + option.longName + " alone (or " + option.longName + "=true / " + option.longName + "=false)");
    }

    private static int parseInt(final Option option, final String text)
    {
        final long value = parseLong(option, text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)
        {
            throw invalid(option, text, "out of range");
        }
        return (int)value;
    }

    private static long parseLong(final Option option, final String text)
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw invalid(option, text, "not " + option.kind.expected);
        }
    }

    private static double parseNumber(final Option option, final String text)
    {
        try
        {
            return Double.parseDouble(text);
        }
        catch (final NumberFormatException ex)
        {
            throw invalid(option, text, "not " + option.kind.expected);
        }
    }

    private static Path parsePath(final Option option, final String text)
    {
        try
        {
            return Path.of(text);
        }
        catch (final InvalidPathException ex)
        {
            throw invalid(option, text, "not a file path (" + ex.getReason() + ")");
        }
    }

    private static IllegalArgumentException invalid(final Option option, final String text, final String what)
    {
        return new IllegalArgumentException("Invalid value for option '" + option.longName + "': '" + text +
            "' is " + what + "; allowed: " + option.description);
    }

    private static void check(final Option option, final Kind kind)
    {
        if (option.kind != kind)
        {
            throw new IllegalStateException("option " + option.longName + " is read as " + option.kind +
                ", not as " + kind);
        }
    }

    /** An argument is an option (or {@code --}) when it starts with '-' and is not '-' alone (standard input). */
    private static boolean isOptionLike(final String arg)
    {
        return arg.length() > 1 && arg.charAt(0) == '-';
    }

    /** @return true when {@code arg}, following an option that needs a value, is an option instead of the value. */
    private static boolean namesAnOption(final String arg)
    {
        if (END_OF_OPTIONS.equals(arg))
        {
            return true;
        }
        final int equals = arg.indexOf('=');
        return isOptionLike(arg) && null != Option.named(equals < 0 ? arg : arg.substring(0, equals));
    }

    /** @return {@code "; did you mean --a or --b?"} for the options that {@code name} is a prefix of, or "". */
    private static String suggestion(final String name)
    {
        final StringBuilder options = new StringBuilder();
        int found = 0;
        for (int i = 0; i < OPTIONS.length; i++)
        {
            final String candidate = OPTIONS[i].longName;
            if (name.length() > 2 && (candidate.startsWith(name) || name.startsWith(candidate)))
            {
                options.append(found > 0 ? " or " : "").append(candidate);
                found++;
            }
        }
        return found > 0 ? "; did you mean " + options + "?" : "";
    }

    private static void entry(final StringBuilder help, final String synopsis, final String description)
    {
        help.append(synopsis);
        if (synopsis.length() + 1 >= HELP_DESCRIPTION_COLUMN)
        {
            help.append('\n');
            pad(help, HELP_DESCRIPTION_COLUMN);
        }
        else
        {
            pad(help, HELP_DESCRIPTION_COLUMN - synopsis.length());
        }
        wrap(help, description, HELP_DESCRIPTION_COLUMN);
    }

    /**
     * Appends {@code text} and a line break, breaking lines at spaces before column 80; continuation lines start at
     * {@code indent}, and the first continues the line the caller started at {@code indent}.
     */
    private static void wrap(final StringBuilder help, final String text, final int indent)
    {
        int column = indent;
        int start = 0;
        while (start < text.length())
        {
            int end = text.indexOf(' ', start);
            if (end < 0)
            {
                end = text.length();
            }
            final int length = end - start;
            if (column > indent && column + 1 + length > HELP_WIDTH)
            {
                help.append('\n');
                pad(help, indent);
                column = indent;
            }
            else if (column > indent)
            {
                help.append(' ');
                column++;
            }
            help.append(text, start, end);
            column += length;
            start = end + 1;
        }
        help.append('\n');
    }

    private static void pad(final StringBuilder help, final int spaces)
    {
        for (int i = 0; i < spaces; i++)
        {
            help.append(' ');
        }
    }
}
