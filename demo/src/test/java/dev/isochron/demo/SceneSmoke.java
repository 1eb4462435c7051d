package dev.isochron.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A headless smoke run of one scene in the packaged jar: a small framebuffer, few frames, the GL
 * renderer on llvmpipe; then the screenshot is checked for content by pixel statistics and, in
 * engine mode, the report for no GC and zero bytes per frame on every engine thread (see
 * {@link #runEngine}).
 */
final class SceneSmoke
{
    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    /**
     * Engine runs warm up long and tick at 1 kHz, as the runtime's own allocation test does, so that the frame
     * and tick paths are compiled before the measured window (a compile transition can allocate once).
     */
    static final String ENGINE_WARMUP_FRAMES = "3000";
    static final String ENGINE_TICK_RATE_HZ = "1000";
    static final String NAIVE_WARMUP_FRAMES = "30";
    static final String FRAMES = "200";

    private SceneSmoke()
    {
    }

    /** Engine runs tried before the zero-allocation assertion fails (the project's settle-then-retry policy). */
    static final int ENGINE_ATTEMPTS = 2;

    static void runEngine(final Path dir, final String... sceneArgs) throws IOException, InterruptedException
    {
        // Every engine thread must read exactly 0 bytes per frame. A C2 compile transition can allocate a few hundred
        // bytes once inside a window (see AllocationGate), so a run that allocated is repeated once in a fresh JVM;
        // one of the runs must read exactly 0 on every thread.
        final String[] roles = {"platform", "sim", "render", "workers", "producers"};
        final StringBuilder allocations = new StringBuilder();
        for (int attempt = 1; attempt <= ENGINE_ATTEMPTS; attempt++)
        {
            final Path runDir = Files.createDirectories(dir.resolve("engine-" + attempt));
            final Path report = runDir.resolve("report.json");
            run(runDir, false, report, sceneArgs);
            final String json = Files.readString(report);
            assertEquals(0.0, DemoProcess.number(json, "gc", "count"), () -> "engine mode collected garbage: " + json);
            assertEquals(Double.parseDouble(FRAMES), DemoProcess.number(json, "frames"), json);
            assertTrue(json.contains("\"mode\": \"engine\"") || json.contains("\"mode\":\"engine\""), json);
            final int before = allocations.length();
            for (final String role : roles)
            {
                final double bytes = DemoProcess.number(json, "allocBytesPerFrame", role);
                if (bytes != 0.0)
                {
                    allocations.append(" run ").append(attempt).append(' ').append(role).append('=').append(bytes);
                }
            }
            if (allocations.length() == before)
            {
                return;
            }
        }
        throw new AssertionError("engine mode allocated (bytes per frame) in every one of " + ENGINE_ATTEMPTS +
            " runs:" + allocations);
    }

    static void runNaive(final Path dir, final String... sceneArgs) throws IOException, InterruptedException
    {
        final Path report = dir.resolve("report.json");
        run(dir, true, report, sceneArgs);
        final String json = Files.readString(report);
        assertTrue(json.contains("\"mode\": \"naive\"") || json.contains("\"mode\":\"naive\""), json);
    }

    private static DemoProcess run(final Path dir, final boolean naive, final Path report, final String... sceneArgs)
        throws IOException, InterruptedException
    {
        final Path screenshot = dir.resolve("shot.png");
        final List<String> args = new ArrayList<>(Arrays.asList(sceneArgs));
        args.addAll(List.of("--headless", "--renderer", "gl", "--width", Integer.toString(WIDTH),
            "--height", Integer.toString(HEIGHT), "--frames", FRAMES,
            "--screenshot", screenshot.toString(), "--report", report.toString()));
        if (naive)
        {
            args.addAll(List.of("--naive", "--warmup", NAIVE_WARMUP_FRAMES));
        }
        else
        {
            args.addAll(List.of("--warmup", ENGINE_WARMUP_FRAMES, "--tick-rate", ENGINE_TICK_RATE_HZ));
        }
        final DemoProcess demo = DemoProcess.run(dir, args.toArray(new String[0]));
        assertEquals(0, demo.exitCode, demo::toString);
        assertTrue(Files.isRegularFile(report), demo::toString);
        assertNotBlank(screenshot);
        return demo;
    }

    /** Asserts the image has content: many pixels unlike the top-left corner's, in several colours. */
    static void assertNotBlank(final Path png) throws IOException
    {
        assertTrue(Files.isRegularFile(png), "no screenshot at " + png);
        final BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "unreadable PNG " + png);
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        final int background = image.getRGB(image.getWidth() - 1, image.getHeight() - 1);
        final Set<Integer> colours = new HashSet<>();
        int differing = 0;
        for (int y = 0; y < image.getHeight(); y++)
        {
            for (int x = 0; x < image.getWidth(); x++)
            {
                final int rgb = image.getRGB(x, y);
                if (rgb != background)
                {
                    differing++;
                }
                if (colours.size() < 64)
                {
                    colours.add(rgb);
                }
            }
        }
        final int pixels = image.getWidth() * image.getHeight();
        final int differingPixels = differing;
        assertTrue(differingPixels > pixels / 50,
            () -> "screenshot nearly blank: " + differingPixels + " of " + pixels + " pixels differ from the background");
        assertTrue(colours.size() >= 8, () -> "screenshot has only " + colours.size() + " colours");
    }
}
