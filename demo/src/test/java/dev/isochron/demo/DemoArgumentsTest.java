package dev.isochron.demo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import dev.isochron.demo.DemoArguments.Option;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written command-line parser: syntax, types and the usage text, without running a scene. */
class DemoArgumentsTest
{
    @Test
    void shouldReadAValueGivenAsTheNextArgument()
    {
        final DemoArguments arguments = DemoArguments.parse("--frames", "200", "--report", "out.json");

        assertEquals(200L, arguments.longValue(Option.FRAMES));
        assertEquals(Path.of("out.json"), arguments.file(Option.REPORT));
    }

    @Test
    void shouldReadAValueGivenAfterAnEqualsSign()
    {
        final DemoArguments arguments = DemoArguments.parse("--warmup=0", "--tick-rate=240.5", "--renderer=null");

        assertEquals(0, arguments.intValue(Option.WARMUP));
        assertEquals(240.5, arguments.number(Option.TICK_RATE));
        assertEquals("null", arguments.word(Option.RENDERER));
    }

    @Test
    void shouldKeepEverythingAfterTheFirstEqualsSignAsTheValue()
    {
        final DemoArguments arguments = DemoArguments.parse("--report=a=b.json");

        assertEquals(Path.of("a=b.json"), arguments.file(Option.REPORT));
    }

    @Test
    void shouldReturnNullForAnOptionNotGiven()
    {
        final DemoArguments arguments = DemoArguments.parse();

        assertNull(arguments.scene());
        assertNull(arguments.longValue(Option.FRAMES));
        assertNull(arguments.number(Option.SECONDS));
        assertNull(arguments.word(Option.THREADING));
        assertNull(arguments.file(Option.SCREENSHOT));
        assertFalse(arguments.flag(Option.NAIVE));
    }

    @Test
    void shouldTakeTheSceneAnywhereAmongTheOptions()
    {
        final DemoArguments arguments = DemoArguments.parse("--headless", "chart", "--naive");

        assertEquals("chart", arguments.scene());
        assertTrue(arguments.flag(Option.HEADLESS));
        assertTrue(arguments.flag(Option.NAIVE));
    }

    @Test
    void shouldTreatEverythingAfterADoubleDashAsTheScene()
    {
        final DemoArguments arguments = DemoArguments.parse("--naive", "--", "--list");

        assertEquals("--list", arguments.scene());
    }

    @Test
    void shouldAcceptANegativeNumberAsAValueForTheLauncherToCheck()
    {
        assertEquals(-1, DemoArguments.parse("--warmup", "-1").intValue(Option.WARMUP));
        assertEquals("--warmup must be in [0, 100000000], was -1",
            assertThrows(IllegalArgumentException.class, () -> DemoLauncher.parse("--warmup", "-1")).getMessage());
    }

    @Test
    void shouldAcceptTrueOrFalseAfterAFlag()
    {
        final DemoArguments arguments = DemoArguments.parse("--naive=true", "--vsync=false");

        assertTrue(arguments.flag(Option.NAIVE));
        assertFalse(arguments.flag(Option.VSYNC));
    }

    @Test
    void shouldReadTheShortHelpAndVersionNames()
    {
        assertTrue(DemoArguments.parse("-h").flag(Option.HELP));
        assertTrue(DemoArguments.parse("-V").flag(Option.VERSION));
    }

    @Test
    void shouldRejectAnUnknownOptionNamingIt()
    {
        assertEquals("Unknown option: '--colour'", error("--colour", "red"));
    }

    @Test
    void shouldSuggestTheOptionsAnUnknownNameIsTheStartOf()
    {
        assertEquals("Unknown option: '--frame'; did you mean --frames or --frame-csv?", error("--frame", "5"));
    }

    @Test
    void shouldRejectAMissingValueAtTheEndNamingTheOptionAndItsForms()
    {
        assertEquals("Missing value for option '--frames' (N): give --frames N or --frames=N", error("--frames"));
    }

    @Test
    void shouldRejectAnOptionWhereAValueIsExpected()
    {
        assertEquals("Missing value for option '--report' (FILE.json), found option '--frames' instead: " +
            "give --report FILE.json or --report=FILE.json", error("--report", "--frames", "5"));
    }

    @Test
    void shouldRejectANonNumericWholeNumberNamingTheOptionAndItsAllowedValues()
    {
        assertEquals("Invalid value for option '--frames': 'many' is not a whole number; " +
            "allowed: Stop after N measured frames, 1..50000000.", error("--frames", "many"));
    }

    @Test
    void shouldRejectAFractionWhereAWholeNumberIsExpected()
    {
        assertEquals("Invalid value for option '--width': '640.5' is not a whole number; " +
            "allowed: Framebuffer width in pixels, 16..16384 (default 1280).", error("--width=640.5"));
    }

    @Test
    void shouldRejectAWholeNumberBeyondTheIntRange()
    {
        assertEquals("Invalid value for option '--count': '3000000000' is out of range; allowed: Scene size: " +
            "sprites, 1..3994880 (default 100000); points of history per chart series, 1..268435456 (1000000); " +
            "list rows, >= 1 (100000); effects particles, 1..1000000 (2000).",
            error("--count", "3000000000"));
    }

    @Test
    void shouldRejectANonNumericDecimal()
    {
        assertEquals("Invalid value for option '--tick-rate': 'fast' is not a number; " +
            "allowed: Fixed simulation rate, (0, 10000] Hz (default 120).", error("--tick-rate", "fast"));
    }

    @Test
    void shouldLeaveNaNToTheLaunchersRangeCheck()
    {
        assertEquals("--tick-rate must be in (0, 10000] Hz, was NaN",
            assertThrows(IllegalArgumentException.class, () -> DemoLauncher.parse("--tick-rate", "NaN")).getMessage());
    }

    @Test
    void shouldRejectAnOptionGivenTwiceNamingBothValues()
    {
        assertEquals("Option '--frames' was given twice ('5' and '6'): give it once",
            error("--frames", "5", "--frames=6"));
    }

    @Test
    void shouldRejectAFlagGivenTwice()
    {
        assertEquals("Option '--naive' was given twice ('true' and 'true'): give it once", error("--naive", "--naive"));
    }

    @Test
    void shouldRejectAValueOnAFlag()
    {
        assertEquals("Option '--naive' takes no value, was given 'yes': give --naive alone " +
            "(or --naive=true / --naive=false)", error("--naive=yes"));
    }

    @Test
    void shouldRejectASecondScene()
    {
        assertEquals("Unmatched argument 'list': only one <scene> may be given and it was 'chart' " +
            "(options start with --)", error("chart", "list"));
    }

    @Test
    void shouldRefuseToReadAnOptionAsAnotherKind()
    {
        final DemoArguments arguments = DemoArguments.parse("--frames", "5");

        assertEquals("option --frames is read as LONG, not as INT",
            assertThrows(IllegalStateException.class, () -> arguments.intValue(Option.FRAMES)).getMessage());
    }

    @Test
    void shouldListEveryOptionWithItsValueAndDescriptionInTheUsage()
    {
        final String usage = unwrapped(DemoArguments.usage());

        for (final Option option : Option.values())
        {
            assertTrue(usage.contains(option.synopsis() + " " + option.description),
                () -> option.synopsis() + " missing from:\n" + DemoArguments.usage());
        }
        assertTrue(usage.contains("<scene> sprites (default), chart, list, effects or storm."), usage);
        assertTrue(usage.contains("-h, --help") && usage.contains("-V, --version"), usage);
    }

    @Test
    void shouldKeepTheUsageWithinEightyColumnsExceptTheExampleCommands()
    {
        for (final String line : DemoArguments.usage().split("\n"))
        {
            assertTrue(line.length() <= 80 || line.startsWith("  java -jar "), line);
        }
    }

    @Test
    void shouldPrintTheUsageAndExitZeroForHelpWithoutCheckingTheValues()
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();

        final int exit = DemoLauncher.execute(new PrintWriter(out), new PrintWriter(err), "--tick-rate", "0", "-h");

        assertEquals(0, exit);
        assertEquals(DemoArguments.usage(), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void shouldPrintTheVersionAndExitZero()
    {
        final StringWriter out = new StringWriter();

        final int exit = DemoLauncher.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "--version");

        assertEquals(0, exit);
        assertEquals("Isochron demo 0.1.0", out.toString().strip());
    }

    @Test
    void shouldReportABadCommandLineOnOneLineWithExitTwoBeforeHelp()
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();

        final int exit = DemoLauncher.execute(new PrintWriter(out), new PrintWriter(err), "--frames", "x", "--help");

        assertEquals(DemoLauncher.EXIT_USAGE, exit);
        assertEquals("", out.toString());
        assertEquals("isochron-demo: Invalid value for option '--frames': 'x' is not a whole number; " +
            "allowed: Stop after N measured frames, 1..50000000. (see --help)" + System.lineSeparator(), err.toString());
    }

    private static String error(final String... args)
    {
        return assertThrows(IllegalArgumentException.class, () -> DemoArguments.parse(args)).getMessage();
    }

    /** @return {@code usage} with each line break and the indentation after it made one space. */
    private static String unwrapped(final String usage)
    {
        return usage.replaceAll("\n +", " ").replaceAll(" {2,}", " ");
    }
}
