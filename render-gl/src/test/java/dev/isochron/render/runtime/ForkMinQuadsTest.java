package dev.isochron.render.runtime;

import dev.isochron.render.Isochron;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which frames the render workers fill: those with at least {@link RuntimeConfig#forkMinQuads} quads. */
class ForkMinQuadsTest
{
    private static final int FRAMES = 30;
    private static final int SPRITES = 10;

    @Test
    void shouldFillASmallFrameOnTheRenderThreadByDefault()
    {
        final RunResult result = run(RuntimeConfig.DEFAULT_FORK_MIN_QUADS);

        assertEquals(0, workerFrames(result));
    }

    @Test
    void shouldHandEveryFrameToTheWorkersAtThresholdZero()
    {
        final RunResult result = run(0);

        assertEquals(result.frames(), workerFrames(result));
    }

    @Test
    void shouldNameTheRangeOfANegativeThreshold()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new RuntimeConfig().forkMinQuads(-1));
        assertEquals("forkMinQuads must be in [0, 1073741824], was -1", ex.getMessage());
    }

    /** A scene of a few dozen quads a frame (10 sprites, a grid, a line of text), far below the default. */
    private static RunResult run(final int forkMinQuads)
    {
        final RuntimeConfig config = ApplicationRunnerTest.headless(Threading.MULTI)
            .workers(1)
            .forkMinQuads(forkMinQuads)
            .measurement(ApplicationRunnerTest.measured().frames(FRAMES));
        final RunResult result = Isochron.run(new TestScene(SPRITES), config);
        assertTrue(result.frames() > 0, "no frame ran");
        return result;
    }

    private static long workerFrames(final RunResult result)
    {
        return (long)result.report().extraValue("workerFrames");
    }
}
