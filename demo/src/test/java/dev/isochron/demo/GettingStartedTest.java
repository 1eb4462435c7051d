package dev.isochron.demo;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;

import javax.imageio.ImageIO;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.testing.ChildProcess;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.render.Isochron;
import dev.isochron.render.context.ContextKind;
import dev.isochron.render.runtime.ExitCause;
import dev.isochron.render.runtime.MeasurementConfig;
import dev.isochron.render.runtime.RunResult;
import dev.isochron.render.runtime.RuntimeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps docs/getting-started.md honest: its code block is {@link GettingStartedApp}, character for character; the app
 * stays under 30 lines of ordinary formatting; the JVM flags come before the first line of code (there and in the
 * README); its {@code main} ends on its own headless and prints its report, run in a child JVM with the page's flags
 * as a user would run it; and it draws its square.
 */
class GettingStartedTest
{
    private static final Path APP_SOURCE = Path.of("src/test/java/dev/isochron/demo/GettingStartedApp.java");
    private static final Path GUIDE = Path.of("../docs/getting-started.md");
    private static final Path README = Path.of("../README.md");
    private static final String FENCE = "```";
    private static final String CODE_START = FENCE + "java\npackage dev.isochron.demo;\n";
    private static final List<String> FLAGS = List.of(
        "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
        "--add-exports", "java.base/jdk.internal.access=ALL-UNNAMED",
        "--add-exports", "java.base/jdk.internal.reflect=ALL-UNNAMED");
    private static final long MAIN_TIMEOUT_SECONDS = 90;

    @TempDir
    Path dir;

    /** @return the guide's code block that starts with the app's package line, without its fences. */
    private static String quotedApp() throws Exception
    {
        final String guide = Files.readString(GUIDE);
        final int start = guide.indexOf(CODE_START);
        assertTrue(start >= 0, "docs/getting-started.md has no ```java block starting with the app's package line");
        final int codeStart = start + FENCE.length() + "java\n".length();
        final int end = guide.indexOf("\n" + FENCE, codeStart);
        return guide.substring(codeStart, end + 1);
    }

    @Test
    void shouldQuoteTheAppsSourceFileAsItsCodeBlock() throws Exception
    {
        assertEquals(Files.readString(APP_SOURCE), quotedApp(),
            "docs/getting-started.md's code block must be " + APP_SOURCE + ", character for character");
    }

    @Test
    void shouldKeepTheFirstAppUnderThirtyLinesOfOrdinaryFormatting() throws Exception
    {
        final List<String> lines = Files.readAllLines(APP_SOURCE);

        assertTrue(lines.size() < 30, "the first app must stay under 30 lines, has " + lines.size());
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i);
            final String where = "line " + (i + 1) + ": " + line;
            assertTrue(line.length() <= 100, "no line over 100 characters, " + where);
            assertTrue(line.indexOf(';') == line.lastIndexOf(';'), "one statement a line, " + where);
            assertFalse(line.matches(".*\\{.*;.*}.*") && !line.contains("= {"), "no body on its method's line, " + where);
            assertFalse(line.contains("//"), "no comments crammed beside the code, " + where);
        }
    }

    @Test
    void shouldShowTheJvmFlagsBeforeTheFirstLineOfCode() throws Exception
    {
        final String flags = String.join(" ", FLAGS);
        for (final Path page : List.of(GUIDE, README))
        {
            final String text = Files.readString(page);
            final int flagsAt = text.indexOf(flags);
            final int firstJava = text.indexOf(FENCE + "java");

            assertTrue(flagsAt >= 0, page + " must show the JVM flags: " + flags);
            assertTrue(firstJava < 0 || flagsAt < firstJava, page + " must show the JVM flags before its first Java code");
        }
    }

    @Test
    void shouldEndOnItsOwnHeadlessAndPrintItsReport() throws Exception
    {
        final ChildProcess.Result child = ChildProcess.javaMain(GettingStartedApp.class)
            .jvmFlags("-Xmx512m").jvmFlags(FLAGS)
            .removeEnvironment("DISPLAY").removeEnvironment("WAYLAND_DISPLAY").llvmpipeThreads(1)
            .limit(Duration.ofSeconds(MAIN_TIMEOUT_SECONDS))
            .output(dir.resolve("main.log"))
            .run()
            .requireFinished();
        final String output = child.output();

        assertEquals(0, child.exitCode(), output);
        // a stall the watchdog reports on a loaded machine may come first: the summary is the report's own line
        assertTrue(output.contains("\napp/engine/multi: ") || output.startsWith("app/engine/multi: "),
            "the report's summary:\n" + output);
        assertTrue(output.contains(" frames after 300 warm-up, "), output);
        assertTrue(output.contains("alloc bytes/frame: platform 0.0 sim 0.0 render 0.0 workers 0.0 producers 0.0"),
            output);
        assertFalse(output.contains("NO MEASURED FRAMES"), output);
        assertFalse(output.contains("isochron: "), "the page's flags are all the runtime asks for:\n" + output);
    }

    @Test
    void shouldDrawTheSquareWhereItStarts() throws Exception
    {
        final Path screenshot = dir.resolve("first-app.png");
        final RuntimeConfig config = new RuntimeConfig()
            .context(ContextKind.HEADLESS)
            .size(320, 240)
            .loop(new LoopConfig().pacing(PacingMode.UNCAPPED))
            .measurement(new MeasurementConfig().warmupFrames(0).frames(2).screenshotPath(screenshot));

        final RunResult result = Isochron.run(new GettingStartedApp(), config);

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        final BufferedImage image = ImageIO.read(screenshot.toFile());
        assertEquals(0xFF8800, image.getRGB(116, 116) & 0xFFFFFF, "the square's centre is orange");
        assertEquals(0xFF8800, image.getRGB(101, 101) & 0xFFFFFF, "its top-left corner is at (100, 100)");
        assertEquals(0x000000, image.getRGB(98, 98) & 0xFFFFFF, "and nothing outside it");
        assertEquals(0x000000, image.getRGB(134, 134) & 0xFFFFFF, "and nothing outside it");
    }
}
