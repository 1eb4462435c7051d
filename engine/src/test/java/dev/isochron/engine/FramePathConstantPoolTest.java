package dev.isochron.engine;

import dev.isochron.engine.checked.CheckedMode;
import dev.isochron.engine.checked.GuardBand;
import dev.isochron.engine.checked.GuardedRegion;
import dev.isochron.engine.handoff.TripleBuffer;
import dev.isochron.engine.loop.FixedStepLoop;
import dev.isochron.engine.loop.FramePacer;
import dev.isochron.engine.loop.RenderFrameDriver;
import dev.isochron.engine.loop.SimulationAgent;
import dev.isochron.engine.metrics.FanOutLoopObserver;
import dev.isochron.engine.metrics.FrameMetrics;
import dev.isochron.engine.metrics.GcPauseMonitor;
import dev.isochron.engine.metrics.LatencyHistogram;
import dev.isochron.engine.metrics.NearestRank;
import dev.isochron.engine.memory.FrameArena;
import dev.isochron.engine.memory.ObjectPool;
import dev.isochron.engine.testing.ClassConstants;
import dev.isochron.engine.thread.AgentThread;
import dev.isochron.engine.thread.WorkerGroup;
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
        AgentThread.class,
        CheckedMode.class,
        FanOutLoopObserver.class,
        FixedStepLoop.class,
        FrameMetrics.class,
        FrameArena.class,
        FramePacer.class,
        GcPauseMonitor.class,
        GuardBand.class,
        GuardedRegion.class,
        Heartbeat.class,
        LatencyHistogram.class,
        NearestRank.class,
        ObjectPool.class,
        RenderFrameDriver.class,
        SimulationAgent.class,
        TripleBuffer.class,
        WorkerGroup.class,
    })
    void shouldHoldNoStringConstant(final Class<?> type) throws IOException
    {
        ClassConstants.assertNoStringConstants(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dev.isochron.engine.loop.FrameDriver",
        "dev.isochron.engine.thread.AgentThread$NamedAgent",
        "dev.isochron.engine.thread.WorkerGroup$Worker",
    })
    void shouldHoldNoStringConstantInPackagePrivateOrNestedClass(final String className)
        throws IOException, ClassNotFoundException
    {
        ClassConstants.assertNoStringConstants(Class.forName(className));
    }
}
