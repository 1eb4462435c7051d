package dev.isochron.peer.gdx;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerArgumentsTest
{
    @Test
    void shouldTakeTheDemosMeasurementOptions()
    {
        final PeerArguments args = PeerArguments.parse("sprites", "--frames", "500", "--warmup=200", "--width", "640",
            "--height", "360", "--count", "10000", "--target-fps", "0", "--report", "r.json", "--frame-csv", "f.csv");
        assertEquals("sprites", args.scene);
        assertEquals(500, args.frames);
        assertEquals(200, args.warmupFrames);
        assertEquals(640, args.width);
        assertEquals(360, args.height);
        assertEquals(10_000, args.count());
        assertEquals(0.0, args.targetFps);
        assertEquals(Path.of("r.json"), args.report);
        assertEquals(Path.of("f.csv"), args.frameCsv);
    }

    @Test
    void shouldDefaultToTheDemosSceneSizesAndStormRate()
    {
        assertEquals(100_000, PeerArguments.parse("sprites").count());
        assertEquals(1_000_000, PeerArguments.parse("chart").count());
        assertEquals(10_000.0, PeerArguments.parse("storm").inputRate());
        assertEquals(0.0, PeerArguments.parse("sprites").inputRate());
    }

    @Test
    void shouldNameTheOptionAndValueWhenOutOfRange()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> PeerArguments.parse("sprites", "--frames", "0"));
        assertEquals("--frames must be in [1, 10000000], was 0", ex.getMessage());
    }

    @Test
    void shouldRefuseAnUnknownScene()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> PeerArguments.parse("list"));
        assertEquals("scene must be one of sprites, storm, chart, was 'list'", ex.getMessage());
    }

    @Test
    void shouldRefuseHeadlessWithTheReasonAndExitStatus2()
    {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = PeerMain.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), "sprites", "--headless");
        assertEquals(PeerMain.EXIT_USAGE, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("libGDX's lwjgl3 backend always opens a GLFW window"),
            err.toString(StandardCharsets.UTF_8));
    }
}
