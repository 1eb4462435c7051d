package dev.isochron.render.runtime;

import dev.isochron.engine.checked.GuardBand;
import dev.isochron.engine.checked.GuardBandException;
import dev.isochron.render.Isochron;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole headless runs in checking mode ({@link RuntimeConfig#checked}): a clean run ends as usual and says it was
 * checked; a deliberate write one byte past the frame's vertex memory (a test fault on the render thread, after the
 * vertices are written) stops the run at the end of that frame naming the memory, the offset and the byte, on the
 * persistent ring, on the staging path and on the null renderer.
 */
class CheckedRunTest
{
    private static final int FRAMES = 20;
    private static final int FAULT_FRAME = 5;
    private static final byte OVERWRITE = 0x2a;

    @AfterEach
    void noRuntimeThreadIsLeft()
    {
        assertEquals(List.of(), ApplicationRunnerTest.liveRuntimeThreads(), "runtime threads still alive after the run");
    }

    private static RuntimeConfig checked()
    {
        return ApplicationRunnerTest.headless(Threading.MULTI).workers(1).forkMinQuads(0)
            .measurement(ApplicationRunnerTest.measured().frames(FRAMES)).checked(true);
    }

    @Test
    void shouldRunACheckedRunToItsEndAndSaySo()
    {
        final RunResult result = Isochron.run(new TestScene(100), checked().hudVisible(true));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        assertEquals(1.0, result.report().extraValue("checked"));
        assertEquals(0.0, Isochron.run(new TestScene(10), checked().checked(false)).report().extraValue("checked"));
    }

    @Test
    void shouldStopAtTheEndOfTheFrameWhoseVertexMemoryWasOverrunOnThePersistentRing()
    {
        final GuardBandException found = overrun(checked().vertexStreaming(VertexStreaming.RING));

        assertEquals("StreamingVertexBuffer 'batch quad vertices' persistent-mapped segment " + (FAULT_FRAME % 3),
            found.memoryName());
    }

    @Test
    void shouldStopAtTheEndOfTheFrameWhoseVertexMemoryWasOverrunOnTheStagingPath()
    {
        final GuardBandException found = overrun(checked().vertexStreaming(VertexStreaming.STAGING));

        assertEquals("StreamingVertexBuffer 'batch quad vertices' staging memory", found.memoryName());
    }

    @Test
    void shouldStopAtTheEndOfTheFrameWhoseVertexMemoryWasOverrunOnTheNullRenderer()
    {
        final GuardBandException found = overrun(checked().renderer(RendererKind.NULL));

        assertEquals("NullDrawBackend staging memory", found.memoryName());
    }

    /** Runs with one byte written just past the vertex memory in {@link #FAULT_FRAME}; @return what stopped it. */
    private static GuardBandException overrun(final RuntimeConfig config)
    {
        final long[] vertexBytes = new long[1];
        final TestScene scene = new TestScene(100);
        config.faults().vertexFault((memory, bytes, frame) ->
        {
            if (FAULT_FRAME == frame)
            {
                vertexBytes[0] = bytes;
                MemoryUtil.memPutByte(memory + bytes, OVERWRITE);
            }
            else if (FAULT_FRAME + 1 == frame)
            {
                throw new AssertionError("the frame after the overrun ran");
            }
        });

        final ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> Isochron.run(scene, config));

        final GuardBandException found = assertInstanceOf(GuardBandException.class, failure.getCause(),
            () -> "cause: " + failure.getCause());
        assertEquals("isochron-render", failure.threadName());
        assertEquals(vertexBytes[0], found.offset(), "one byte past the end");
        assertEquals(OVERWRITE, found.found()[0]);
        assertEquals(GuardBand.PATTERN_BYTE, found.found()[1]);
        assertTrue(found.getMessage().startsWith("checked mode: the guard band of " + found.memoryName()),
            found.getMessage());
        assertTrue(scene.disposed, "dispose ran");
        assertFalse(failure.getMessage().isEmpty());
        return found;
    }
}
