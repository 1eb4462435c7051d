package dev.isochron.render.runtime;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.render.Isochron;
import dev.isochron.render.context.ContextKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Headless runs of the whole runtime: failures per phase, clean ends, thread and GL object hygiene. */
class ApplicationRunnerTest
{
    private static final int FRAMES = 30;

    @AfterEach
    void noRuntimeThreadIsLeft()
    {
        assertEquals(List.of(), liveRuntimeThreads(), "runtime threads still alive after the run");
    }

    static RuntimeConfig headless(final Threading threading)
    {
        return new RuntimeConfig()
            .context(ContextKind.HEADLESS)
            .size(64, 48)
            .threading(threading)
            .warmupFrames(0)
            .loop(new LoopConfig().tickRateHz(240));
    }

    static List<String> liveRuntimeThreads()
    {
        final List<String> names = new ArrayList<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.isAlive() && thread.getName().startsWith("isochron-"))
            {
                names.add(thread.getName());
            }
        }
        return names;
    }

    @Test
    void shouldEndAtTheFrameLimitWithAReport()
    {
        final TestScene scene = new TestScene(100);
        final RunResult result = Isochron.run(scene, headless(Threading.MULTI).frames(FRAMES));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        assertEquals(FRAMES, result.frames());
        assertEquals(3, scene.statesMade);
        assertTrue(scene.disposed);
        assertEquals(FRAMES - 1, result.report().frames(), "frames measured: each but the last, which has no successor");
        assertTrue(result.report().toJson().contains("\"glRenderer\": \"llvmpipe"), result.report().toJson());
    }

    @Test
    void shouldEndWhenRenderRequestsExit()
    {
        final TestScene scene = new TestScene(10);
        scene.exitAtFrame = 5;
        final RunResult result = Isochron.run(scene, headless(Threading.MULTI));

        assertEquals(ExitCause.EXIT_REQUESTED, result.exitCause());
        assertEquals(6, result.frames());
        assertTrue(scene.disposed);
    }

    @Test
    void shouldThrowInitFailureNamingPhaseAndRenderThread()
    {
        final TestScene scene = new TestScene(10);
        scene.throwInInit = true;
        final ApplicationFailure failure =
            assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, headless(Threading.MULTI).frames(FRAMES)));

        assertEquals(Phase.INIT, failure.phase());
        assertEquals("isochron-render", failure.threadName());
        assertEquals("init failed on purpose", failure.getCause().getMessage());
        assertEquals(0, failure.getSuppressed().length, "no later failure (a GL object leak would be one)");
        assertFalse(scene.disposed, "dispose runs only after init returned");
    }

    @Test
    void shouldThrowUpdateFailureNamingPhaseAndSimulationThread()
    {
        final TestScene scene = new TestScene(10);
        scene.throwInUpdateAtTick = 3;
        final ApplicationFailure failure =
            assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, headless(Threading.MULTI)));

        assertEquals(Phase.UPDATE, failure.phase());
        assertEquals("isochron-simulation", failure.threadName());
        assertEquals("update failed on purpose", failure.getCause().getMessage());
        assertEquals(0, failure.getSuppressed().length);
        assertTrue(scene.disposed);
    }

    @Test
    void shouldThrowRenderFailureNamingPhaseAndRenderThread()
    {
        final TestScene scene = new TestScene(10);
        scene.throwInRenderAtFrame = 4;
        final ApplicationFailure failure =
            assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, headless(Threading.MULTI)));

        assertEquals(Phase.RENDER, failure.phase());
        assertEquals("isochron-render", failure.threadName());
        assertEquals("render failed on purpose", failure.getCause().getMessage());
        assertEquals(0, failure.getSuppressed().length);
        assertTrue(scene.disposed);
    }
}
