package dev.isochron.engine.loop;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoopConfigTest
{
    private static void assertRejected(final String expectedMessage, final Runnable configure)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, configure::run);
        assertEquals(expectedMessage, ex.getMessage());
    }

    @Test
    void shouldDefaultToRightValuesForMostPrograms()
    {
        final LoopConfig config = new LoopConfig().conclude();

        assertEquals(120.0, config.tickRateHz());
        assertEquals(8, config.maxTicksPerFrame());
        assertEquals(1.0, config.timeScale());
        assertEquals(PacingMode.UNCAPPED, config.pacing());
        assertEquals(60.0, config.targetFps());
        assertEquals(1_000_000L, config.spinMarginNs());
    }

    @Test
    void shouldRoundTickPeriodToNearestNanosecond()
    {
        assertEquals(8_333_333L, new LoopConfig().tickRateHz(120).tickPeriodNs());
        assertEquals(10_000_000L, new LoopConfig().tickRateHz(100).tickPeriodNs());
    }

    @Test
    void shouldAcceptLargestTickRate()
    {
        assertEquals(100_000L, new LoopConfig().tickRateHz(10_000).conclude().tickPeriodNs());
    }

    @Test
    void shouldRejectNaNTickRate()
    {
        assertRejected("tickRateHz must be in (0, 10000], was NaN", () -> new LoopConfig().tickRateHz(Double.NaN));
    }

    @Test
    void shouldRejectZeroTickRate()
    {
        assertRejected("tickRateHz must be in (0, 10000], was 0.0", () -> new LoopConfig().tickRateHz(0));
    }

    @Test
    void shouldRejectNegativeTickRate()
    {
        assertRejected("tickRateHz must be in (0, 10000], was -60.0", () -> new LoopConfig().tickRateHz(-60));
    }

    @Test
    void shouldRejectTickRateAboveLimit()
    {
        assertRejected("tickRateHz must be in (0, 10000], was 10000.5", () -> new LoopConfig().tickRateHz(10000.5));
    }

    @Test
    void shouldRejectInfiniteTickRate()
    {
        assertRejected(
            "tickRateHz must be in (0, 10000], was Infinity",
            () -> new LoopConfig().tickRateHz(Double.POSITIVE_INFINITY));
    }

    @Test
    void shouldRejectZeroMaxTicksPerFrame()
    {
        assertRejected("maxTicksPerFrame must be >= 1, was 0", () -> new LoopConfig().maxTicksPerFrame(0));
    }

    @Test
    void shouldRejectNegativeTimeScale()
    {
        assertRejected("timeScale must be finite and >= 0, was -1.0", () -> new LoopConfig().timeScale(-1));
    }

    @Test
    void shouldRejectNaNTimeScale()
    {
        assertRejected("timeScale must be finite and >= 0, was NaN", () -> new LoopConfig().timeScale(Double.NaN));
    }

    @Test
    void shouldRejectInfiniteTimeScale()
    {
        assertRejected(
            "timeScale must be finite and >= 0, was Infinity",
            () -> new LoopConfig().timeScale(Double.POSITIVE_INFINITY));
    }

    @Test
    void shouldAcceptZeroTimeScale()
    {
        assertEquals(0.0, new LoopConfig().timeScale(0).conclude().timeScale());
    }

    @Test
    void shouldRejectNullPacing()
    {
        assertRejected(
            "pacing must be one of UNCAPPED, TARGET_FPS, VSYNC, was null", () -> new LoopConfig().pacing(null));
    }

    @Test
    void shouldRejectZeroTargetFps()
    {
        assertRejected("targetFps must be in (0, 1000], was 0.0", () -> new LoopConfig().targetFps(0));
    }

    @Test
    void shouldRejectTargetFpsAboveLimit()
    {
        assertRejected("targetFps must be in (0, 1000], was 1001.0", () -> new LoopConfig().targetFps(1001));
    }

    @Test
    void shouldRejectNaNTargetFps()
    {
        assertRejected("targetFps must be in (0, 1000], was NaN", () -> new LoopConfig().targetFps(Double.NaN));
    }

    @Test
    void shouldRejectNegativeSpinMargin()
    {
        assertRejected("spinMarginNs must be in [0, 1000000000], was -1", () -> new LoopConfig().spinMarginNs(-1));
    }

    @Test
    void shouldRejectSpinMarginAboveOneSecond()
    {
        assertRejected(
            "spinMarginNs must be in [0, 1000000000], was 1000000001",
            () -> new LoopConfig().spinMarginNs(1_000_000_001L));
    }

    @Test
    void shouldGiveTargetFramePeriodForTargetFps()
    {
        final LoopConfig config = new LoopConfig().pacing(PacingMode.TARGET_FPS).targetFps(250).conclude();

        assertEquals(4_000_000L, config.targetFramePeriodNs());
    }

    @Test
    void shouldReportTargetFpsAsRunReportEncodesIt()
    {
        assertEquals(0.0, new LoopConfig().pacing(PacingMode.UNCAPPED).reportTargetFps());
        assertEquals(-1.0, new LoopConfig().pacing(PacingMode.VSYNC).reportTargetFps());
        assertEquals(144.0, new LoopConfig().pacing(PacingMode.TARGET_FPS).targetFps(144).reportTargetFps());
    }
}
