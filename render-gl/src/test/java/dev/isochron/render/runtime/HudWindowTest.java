package dev.isochron.render.runtime;

import dev.isochron.input.state.InputState;
import dev.isochron.render.Isochron;
import dev.isochron.render.hud.HudOverlay;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime's HUD counts the run report's window: a stall in the warm-up shows on the HUD while it lasts
 * ("in warm-up") and is left out after it, as the report leaves it out; at the end the HUD's stalls are the report's.
 */
class HudWindowTest
{
    private static final int WARMUP_FRAMES = 5;
    private static final int FRAMES = 40;
    private static final int STALL_FRAME = 2;

    /** Stalls in a warm-up frame; reads the HUD's stall line in a warm-up frame, and at the end. */
    static final class App implements Application<long[]>
    {
        private HudOverlay hud;
        volatile String warmupLine;
        volatile String endLine;
        volatile long endStalls = -1;

        public long[] newRenderState()
        {
            return new long[1];
        }

        public void update(final Tick tick, final InputState input)
        {
        }

        public void writeRenderState(final long[] dest)
        {
            dest[0]++;
        }

        public void render(final long[] state, final Frame frame)
        {
            hud = frame.hud();
            if (STALL_FRAME == frame.index())
            {
                TestScene.sleep(60);
            }
            if (WARMUP_FRAMES - 1 == frame.index())
            {
                hud.update();
                warmupLine = hud.line(2).toString();
            }
        }

        public void dispose()
        {
            hud.update();
            endLine = hud.line(2).toString();
            endStalls = hud.stalls();
        }
    }

    @Test
    void shouldCountTheWarmUpApartAndTheReportsWindowAfterIt()
    {
        final App app = new App();

        final RunResult result = Isochron.run(app, ApplicationRunnerTest.headless(Threading.MULTI)
            .renderer(RendererKind.NULL)
            .measurement(ApplicationRunnerTest.measured().warmupFrames(WARMUP_FRAMES).frames(FRAMES)));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        assertTrue(app.warmupLine.startsWith("stalls 1 in warm-up (>"), app.warmupLine);
        assertEquals(result.report().stallCount(), app.endStalls, "the HUD's stalls are the report's");
        assertEquals("stalls " + result.report().stallCount() + " after warm-up (>25.0 ms)", app.endLine);
    }
}
