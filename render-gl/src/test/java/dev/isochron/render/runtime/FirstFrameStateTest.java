package dev.isochron.render.runtime;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.input.state.InputState;
import dev.isochron.render.Isochron;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime's rule that {@link Application#render} never sees a render state no tick has written, in both threading
 * models: the first tick is slow on purpose (before the rule, frames ran on the states {@code newRenderState} made
 * while it slept), and every frame checks that its state was written.
 */
class FirstFrameStateTest
{
    private static final int FRAMES = 20;
    private static final long SLOW_FIRST_TICK_MS = 150;

    /** An application whose render states say whether a tick wrote them; counts the frames that drew one that no tick did. */
    static final class Probe implements Application<Probe.State>
    {
        static final class State
        {
            boolean written;
            long ticksWritten;
        }

        private long ticks;
        volatile long unwrittenFrames;
        volatile long frames;
        volatile long firstFrameTicks = -1;

        public State newRenderState()
        {
            return new State();
        }

        public void update(final Tick tick, final InputState input)
        {
            if (0 == tick.index())
            {
                TestScene.sleep(SLOW_FIRST_TICK_MS);
            }
            ticks++;
        }

        public void writeRenderState(final State dest)
        {
            dest.written = true;
            dest.ticksWritten = ticks;
        }

        public void render(final State state, final Frame frame)
        {
            if (!state.written)
            {
                unwrittenFrames++;
            }
            if (0 == frame.index())
            {
                firstFrameTicks = state.ticksWritten;
            }
            frames++;
        }
    }

    @AfterEach
    void noRuntimeThreadIsLeft()
    {
        assertEquals(List.of(), ApplicationRunnerTest.liveRuntimeThreads(), "runtime threads still alive after the run");
    }

    private static RuntimeConfig config(final Threading threading)
    {
        return new RuntimeConfig()
            .renderer(RendererKind.NULL)
            .threading(threading)
            .measurement(new MeasurementConfig().warmupFrames(0).frames(FRAMES))
            .loop(new LoopConfig().tickRateHz(240));
    }

    @ParameterizedTest
    @EnumSource(Threading.class)
    void shouldRenderNoStateThatNoTickWrote(final Threading threading)
    {
        final Probe probe = new Probe();

        final RunResult result = Isochron.run(probe, config(threading));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        assertEquals(FRAMES, probe.frames);
        assertEquals(0, probe.unwrittenFrames, "frames that drew a state no tick had written");
        assertTrue(probe.firstFrameTicks >= 1, "the first frame drew the state of tick " + probe.firstFrameTicks);
    }

    @ParameterizedTest
    @EnumSource(Threading.class)
    void shouldRenderNoFrameWhenTheFirstTickFails(final Threading threading)
    {
        final TestScene scene = new TestScene(1);
        scene.throwInUpdateAtTick = 0;

        final ApplicationFailure failure =
            assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, config(threading)));

        assertEquals(Phase.UPDATE, failure.phase());
        assertEquals(0, scene.framesRendered, "frames rendered before the first tick");
        assertTrue(scene.disposed, "dispose runs after init even when no frame ran");
    }

    @ParameterizedTest
    @EnumSource(Threading.class)
    void shouldRefuseATimeScaleOfZeroWhichWouldNeverTick(final Threading threading)
    {
        final RuntimeConfig config = config(threading).loop(new LoopConfig().timeScale(0.0));

        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> Isochron.run(new Probe(), config));

        assertEquals("loop timeScale must be > 0 for a run, was 0.0: a run renders its first frame once its first " +
            "tick has written the render state (see Application), and time scale 0 runs no tick; nothing in a run " +
            "changes the time scale later", ex.getMessage());
    }
}
