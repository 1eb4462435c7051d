package dev.isochron.engine.metrics;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.engine.handoff.TripleBuffer;
import dev.isochron.engine.loop.FixedStepLoop;
import dev.isochron.engine.loop.FramePacer;
import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.engine.loop.RenderFrameDriver;
import dev.isochron.engine.loop.SimulationAgent;
import dev.isochron.engine.thread.AgentThread;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The two-thread engine (simulation agent and render driver on their own agent threads, real clock, paced)
 * observed by FrameMetrics, with the ThreadAllocationMeter reading both threads: allocBytesPerFrame must read
 * 0 for sim and render. The JVM makes rare one-off allocations of its own (see SteadyStateAllocation), so up to
 * three windows are measured and one must read 0 on both threads.
 */
class EngineThreadsAllocationTest
{
    private static final int WARMUP_FRAMES = 3_000;
    private static final int WINDOW_FRAMES = 1_000;
    private static final long GIVE_UP_NS = TimeUnit.SECONDS.toNanos(120);

    static final class State
    {
        long lastTickIndex;
        double simulatedSeconds;
    }

    @Test
    void shouldAllocateNothingOnSimulationAndRenderThreads() throws Exception
    {
        final SystemNanoClock clock = SystemNanoClock.INSTANCE;
        final LoopConfig config = new LoopConfig().tickRateHz(240).pacing(PacingMode.TARGET_FPS).targetFps(1000);
        final FrameMetrics metrics = new FrameMetrics(new FrameMetrics.Context()
            .threading(FrameMetrics.Threading.MULTI).warmupFrames(0).windowCapacityFrames(1_000_000).tickRateHz(240));
        final State simulation = new State();
        final FixedStepLoop loop = new FixedStepLoop(config,
            (tickIndex, tickTimeNs, tickStartNs, dtSeconds) -> simulation.simulatedSeconds += dtSeconds, clock, metrics);
        final TripleBuffer<State> buffer = new TripleBuffer<>(State::new);
        final SimulationAgent<State> sim = new SimulationAgent<>(loop, buffer,
            (state, lastTickIndex, lastTickTimeNs) -> state.lastTickIndex = lastTickIndex, clock);
        final AtomicLong rendered = new AtomicLong();
        final long[] checksum = new long[1];
        final RenderFrameDriver<State> render = new RenderFrameDriver<>(buffer,
            (state, alpha, frameStartNs) ->
            {
                checksum[0] += state.lastTickIndex;
                rendered.lazySet(rendered.get() + 1);
            },
            new FramePacer(config, clock), loop, clock, metrics);

        final AgentThread simThread = AgentThread.start("isochron-sim", sim);
        final AgentThread renderThread = AgentThread.start("isochron-render", render);
        final ThreadAllocationMeter meter = new ThreadAllocationMeter()
            .register(ThreadRole.SIM, simThread.thread())
            .register(ThreadRole.RENDER, renderThread.thread());
        final StringBuilder windows = new StringBuilder();
        boolean zero = false;
        try
        {
            final long deadline = System.nanoTime() + GIVE_UP_NS;
            awaitFrames(rendered, WARMUP_FRAMES, deadline);
            for (int w = 0; w < AllocationGate.STEADY_WINDOWS && !zero; w++)
            {
                meter.startWindow();
                awaitFrames(rendered, rendered.get() + WINDOW_FRAMES, deadline);
                meter.endWindow();
                final long simBytes = meter.bytes(ThreadRole.SIM);
                final long renderBytes = meter.bytes(ThreadRole.RENDER);
                zero = simBytes == 0 && renderBytes == 0;
                windows.append(" [sim ").append(simBytes).append(", render ").append(renderBytes).append(']');
            }
        }
        finally
        {
            renderThread.close();
            simThread.close();
        }
        assertTrue(zero, "engine threads allocated in every window of " + WINDOW_FRAMES + " frames:" + windows);
        assertTrue(metrics.frames() > WARMUP_FRAMES && metrics.ticks() > 0);
    }

    private static void awaitFrames(final AtomicLong rendered, final long frames, final long deadlineNs)
        throws InterruptedException
    {
        while (rendered.get() < frames)
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                fail("the render thread ran only " + rendered.get() + " frames of " + frames + " before giving up");
            }
            Thread.sleep(5);
        }
    }
}
