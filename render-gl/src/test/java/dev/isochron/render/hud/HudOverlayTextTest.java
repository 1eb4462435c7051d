package dev.isochron.render.hud;

import dev.isochron.engine.metrics.FrameMetrics;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.text.BitmapFont;
import dev.isochron.render.text.Font;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_F1;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_F3;

/**
 * The exact characters the HUD generates for given figures, its frame-time ring, and its toggle.
 */
class HudOverlayTextTest
{
    private static final long TARGET_NS = 16_666_667L;
    private static final long STALL_NS = 25_000_000L;
    private static final long MS = 1_000_000L;

    private final Font font = BitmapFont.create();

    @AfterEach
    void closeFont()
    {
        font.close();
    }

    private HudOverlay hud(final int historyFrames)
    {
        return new HudOverlay(font, historyFrames, TARGET_NS, STALL_NS);
    }

    @Test
    void shouldShowFpsAndFrameTimeOfASteady60HzRun()
    {
        final HudOverlay hud = hud(120);
        for (int i = 0; i < 200; i++)
        {
            hud.recordFrame(TARGET_NS);
        }
        hud.update();

        assertEquals("FPS 60  frame 16.7 ms", hud.line(0).toString());
        assertEquals("p99 16.7 ms  max 16.7 ms", hud.line(1).toString());
        assertEquals("stalls 0 (>25.0 ms)", hud.line(2).toString());
    }

    @Test
    void shouldShowEveryLineForGivenFigures()
    {
        final HudOverlay hud = hud(4);
        hud.recordFrame(10 * MS);
        hud.recordFrame(20 * MS);
        hud.recordFrame(30 * MS);
        hud.recordFrame(20 * MS);
        hud.gc(3, 1_250_000);
        hud.allocatedBytesPerFrame(0);
        hud.input(400_000, 2);
        hud.update();

        assertEquals(6, hud.lineCount());
        assertEquals("FPS 50  frame 20.0 ms", hud.line(0).toString());
        assertEquals("p99 30.0 ms  max 30.0 ms", hud.line(1).toString());
        assertEquals("stalls 1 (>25.0 ms)", hud.line(2).toString());
        assertEquals("GC 3  max pause 1.3 ms", hud.line(3).toString());
        assertEquals("render alloc 0 B last frame", hud.line(4).toString());
        assertEquals("input p99 0.4 ms  drops 2", hud.line(5).toString());
    }

    @Test
    void shouldCountTheWarmUpApartAndSaySo()
    {
        final HudOverlay hud = hud(8).warmupFrames(3);
        hud.recordFrame(10 * MS);
        hud.recordFrame(40 * MS);
        hud.gc(1, 3 * MS);
        hud.update();

        assertTrue(hud.inWarmup());
        assertEquals(1, hud.stalls());
        assertEquals("stalls 1 in warm-up (>25.0 ms)", hud.line(2).toString());
        assertEquals("GC 1 in warm-up  max pause 3.0 ms", hud.line(3).toString());
    }

    @Test
    void shouldCountTheReportsWindowFromTheFirstFrameAfterTheWarmUp()
    {
        final HudOverlay hud = hud(8).warmupFrames(3);
        hud.recordFrame(40 * MS);
        hud.recordFrame(40 * MS);
        hud.recordFrame(40 * MS);
        hud.update();
        assertEquals("stalls 3 in warm-up (>25.0 ms)", hud.line(2).toString(), "the warm-up's last frame");

        hud.recordFrame(10 * MS);
        hud.gc(0, 0);
        hud.update();

        assertFalse(hud.inWarmup());
        assertEquals(0, hud.stalls(), "warm-up stalls are not the report's");
        assertEquals("stalls 0 after warm-up (>25.0 ms)", hud.line(2).toString());
        assertEquals("GC 0 after warm-up  max pause 0.0 ms", hud.line(3).toString());

        hud.recordFrame(30 * MS);
        hud.update();
        assertEquals("stalls 1 after warm-up (>25.0 ms)", hud.line(2).toString());
    }

    @Test
    void shouldTakeTheWarmUpFromFrameMetrics()
    {
        final FrameMetrics metrics = new FrameMetrics(new FrameMetrics.Context().warmupFrames(2).targetFps(60));
        final HudOverlay hud = HudOverlay.forMetrics(font, metrics, 60);
        hud.recordFrame(30 * MS);
        hud.update();

        assertEquals("stalls 1 in warm-up (>25.0 ms)", hud.line(2).toString());
    }

    @Test
    void shouldRejectANegativeWarmUp()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> hud(8).warmupFrames(-1));
        assertEquals("warmupFrames must be in [0, 100000000], was -1", ex.getMessage());
    }

    @Test
    void shouldShowZerosBeforeAnyFrame()
    {
        final HudOverlay hud = hud(8);

        assertEquals("FPS 0  frame 0.0 ms", hud.line(0).toString());
        assertEquals("p99 0.0 ms  max 0.0 ms", hud.line(1).toString());
    }

    @Test
    void shouldTakeTheNearestRank99thPercentileOfTheRing()
    {
        final HudOverlay hud = hud(100);
        // 1..100 ms recorded out of order: the 99th of 100 sorted values is 99 ms
        for (int i = 0; i < 100; i++)
        {
            hud.recordFrame(((i * 37) % 100 + 1) * MS);
        }
        hud.update();

        assertEquals("p99 99.0 ms  max 100.0 ms", hud.line(1).toString());
    }

    @Test
    void shouldForgetFramesOlderThanTheHistory()
    {
        final HudOverlay hud = hud(4);
        hud.recordFrame(100 * MS);
        for (int i = 0; i < 4; i++)
        {
            hud.recordFrame(10 * MS);
        }
        hud.update();

        assertEquals(4, hud.historySize());
        assertEquals("FPS 100  frame 10.0 ms", hud.line(0).toString());
        assertEquals("p99 10.0 ms  max 10.0 ms", hud.line(1).toString());
        assertEquals("stalls 1 (>25.0 ms)", hud.line(2).toString());
    }

    @Test
    void shouldRoundMillisecondsHalfUpToOneDecimal()
    {
        final HudOverlay hud = hud(2);
        hud.recordFrame(16_649_999);
        hud.update();
        assertEquals("FPS 60  frame 16.6 ms", hud.line(0).toString());

        hud.recordFrame(16_650_000);
        hud.update();
        assertEquals("FPS 60  frame 16.7 ms", hud.line(0).toString());
    }

    @Test
    void shouldShowTheRunP99FromFrameMetricsWhenAttached()
    {
        final FrameMetrics metrics = new FrameMetrics(new FrameMetrics.Context().warmupFrames(0).targetFps(60));
        long now = 0;
        for (int i = 0; i <= 10; i++)
        {
            metrics.onFrameStart(now, 0);
            metrics.onFrameEnd(now + MS);
            now += 16 * MS;
        }
        final HudOverlay hud = HudOverlay.forMetrics(font, metrics, 60);
        hud.update();

        assertEquals(7, hud.lineCount());
        assertEquals("run p99 16.0 ms  10 frames", hud.line(6).toString());
        assertEquals("stalls 0 (>25.0 ms)", hud.line(2).toString());
    }

    @Test
    void shouldTakeTheStallThresholdFromFrameMetrics()
    {
        final FrameMetrics metrics = new FrameMetrics(new FrameMetrics.Context().targetFps(30));
        final HudOverlay hud = HudOverlay.forMetrics(font, metrics, 60);
        hud.recordFrame(45 * MS);
        hud.recordFrame(55 * MS);
        hud.update();

        assertEquals("stalls 1 in warm-up (>50.0 ms)", hud.line(2).toString());
        assertEquals("run p99 0.0 ms  0 frames", hud.line(6).toString());
    }

    @Test
    void shouldRecordPanelOneBarPerFrameTargetLineAndOneQuadPerInkedCharacter()
    {
        font.textureKey(1);
        final HudOverlay hud = hud(8);
        final ShapeBatch shapes = new ShapeBatch(hud.shapeQuadsNeeded());
        final SpriteBatch text = new SpriteBatch(hud.spriteQuadsNeeded());
        for (int i = 0; i < 11; i++)
        {
            hud.recordFrame(TARGET_NS);
        }

        assertTrue(hud.draw(shapes, text));

        assertEquals(1 + 8 + 1, shapes.size());
        int inked = 0;
        for (int l = 0; l < hud.lineCount(); l++)
        {
            final CharSequence line = hud.line(l);
            for (int c = 0; c < line.length(); c++)
            {
                inked += line.charAt(c) == ' ' ? 0 : 1;
            }
        }
        assertEquals(inked, text.size());
    }

    @Test
    void shouldToggleOnTheToggleKeyOnly()
    {
        final HudOverlay hud = hud(8);
        assertTrue(hud.isVisible());

        assertFalse(hud.handleKey(GLFW_KEY_F1));
        assertTrue(hud.isVisible());
        assertTrue(hud.handleKey(GLFW_KEY_F3));
        assertFalse(hud.isVisible());
        assertTrue(hud.handleKey(GLFW_KEY_F3));
        assertTrue(hud.isVisible());

        hud.toggleKey(GLFW_KEY_F1);
        assertFalse(hud.handleKey(GLFW_KEY_F3));
        assertTrue(hud.handleKey(GLFW_KEY_F1));
        assertFalse(hud.isVisible());
    }

    @Test
    void shouldRejectAHistoryOutOfRange()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> hud(1));
        assertEquals("historyFrames must be in [2, 4096], was 1", ex.getMessage());
    }

    @Test
    void shouldRejectANonPositiveStallThreshold()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new HudOverlay(font, 8, TARGET_NS, 0));
        assertEquals("stallThresholdNs must be > 0, was 0", ex.getMessage());
    }

    @Test
    void shouldSelectTheKthSmallestLikeASort()
    {
        final java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 200; round++)
        {
            final int n = 1 + random.nextInt(300);
            final long[] values = new long[n];
            for (int i = 0; i < n; i++)
            {
                values[i] = random.nextInt(round % 2 == 0 ? 5 : 1_000_000);
            }
            final long[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            final int k = random.nextInt(n);
            assertEquals(sorted[k], FrameTimeHistory.select(values, n, k), "k " + k + " of " + n);
        }
    }
}
