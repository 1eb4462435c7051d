package dev.isochron.engine;

import dev.isochron.engine.handoff.TripleBuffer;
import dev.isochron.engine.loop.FixedStepLoop;
import dev.isochron.engine.testing.ClassConstants;
import dev.isochron.engine.watchdog.Heartbeat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

/**
 * The engine's classes whose methods run on the frame path hold no String constant: HotSpot resolves a class's
 * literals on the thread that requests its first C2 compile, which for a per-frame method is an engine thread
 * thousands of frames into the run (see {@link ClassConstants}).
 */
class FramePathConstantPoolTest
{
    @ParameterizedTest
    @ValueSource(classes = {
        FixedStepLoop.class,
        Heartbeat.class,
        TripleBuffer.class,
    })
    void shouldHoldNoStringConstant(final Class<?> type) throws IOException
    {
        ClassConstants.assertNoStringConstants(type);
    }
}
