package dev.isochron.engine.loop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.isochron.engine.handoff.TripleBuffer;
import dev.isochron.engine.testing.AllocationGate;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SimulationAgent} and {@link RenderFrameDriver}: their semantics under the manual clock on one thread, their
 * allocation, and a short correctness run on two real threads.
 */
class TwoThreadDriversTest
{
    private static final long MS = 1_000_000L;
    private static final long PERIOD_NS = 10 * MS;
    private static final int VALUES = 64;
    private static final int FRAMES_PER_GATE_ITERATION = 100;
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    /** The render state: the latest tick's index and time, and values all equal to the tick index. */
    static final class State
    {
        long tickIndex = -1;
        long tickTimeNs;
        final long[] values = new long[VALUES];

        State()
        {
            Arrays.fill(values, -1L);
        }
    }

    /** The simulation: counts ticks; its state is the latest tick index. */
    static final class Simulation implements TickHandler, StateWriter<State>
    {
        private final ManualClock clock;
        private final long tickCostNs;
        long latestTick = -1;

        Simulation(final ManualClock clock, final long tickCostNs)
        {
            this.clock = clock;
            this.tickCostNs = tickCostNs;
        }

        public void tick(final long tickIndex, final long tickTimeNs, final long tickStartNs, final double dtSeconds)
        {
            latestTick = tickIndex;
            if (null != clock)
            {
                clock.advanceNs(tickCostNs);
            }
        }

        public void write(final State state, final long lastTickIndex, final long lastTickTimeNs)
        {
            state.tickIndex = lastTickIndex;
            state.tickTimeNs = lastTickTimeNs;
            final long[] values = state.values;
            for (int i = 0; i < VALUES; i++)
            {
                values[i] = latestTick;
            }
        }
    }

    private final ManualClock clock = new ManualClock(1_000 * MS);
    private final RecordingObserver observer = new RecordingObserver();
    private final TripleBuffer<State> buffer = new TripleBuffer<>(State::new);

    private FixedStepLoop newLoop(final TickHandler handler)
    {
        return new FixedStepLoop(new LoopConfig().tickRateHz(100), handler, clock, observer);
    }

    @Test
    void shouldReturnTicksRunAsWorkCount()
    {
        final Simulation simulation = new Simulation(null, 0);
        final SimulationAgent<State> agent =
            new SimulationAgent<>(newLoop(simulation), buffer, simulation, clock);

        assertEquals(0, agent.doWork());
        clock.advanceNs(3 * PERIOD_NS);
        assertEquals(3, agent.doWork());
        assertEquals(0, agent.doWork());
    }

    @Test
    void shouldNotPublishWhenNoTickRan()
    {
        final Simulation simulation = new Simulation(null, 0);
        final SimulationAgent<State> agent =
            new SimulationAgent<>(newLoop(simulation), buffer, simulation, clock);
        agent.doWork();
        clock.advanceNs(PERIOD_NS - 1);
        agent.doWork();

        assertEquals(0L, buffer.writerSequence());
    }

    @Test
    void shouldPublishLatestTickStateStampedWithLastTickEnd()
    {
        final Simulation simulation = new Simulation(clock, MS);
        final SimulationAgent<State> agent =
            new SimulationAgent<>(newLoop(simulation), buffer, simulation, clock);
        agent.doWork();
        final long frameNs = clock.advanceNs(2 * PERIOD_NS);
        agent.doWork();

        final State state = buffer.acquireNewest();
        assertEquals(1L, buffer.frontSequence());
        assertEquals(1L, state.tickIndex);
        assertEquals(frameNs, state.tickTimeNs);
        assertEquals(1L, state.values[VALUES - 1]);
        assertEquals(frameNs + 2 * MS, buffer.frontPublishNs());
    }

    @Test
    void shouldReportStateAgeFromPublishTime()
    {
        final RenderFrameDriver<State> render = newRenderDriverAfterOnePublication();
        clock.advanceNs(4 * MS);
        render.runFrame();

        assertEquals(List.of(4 * MS), observer.stateAgesNs);
        assertEquals(4 * MS, render.lastStateAgeNs());
    }

    @Test
    void shouldReportStateAgeZeroBeforeFirstPublication()
    {
        final RenderFrameDriver<State> render =
            newRenderDriver(newLoop(new Simulation(null, 0)), (state, alpha, frameStartNs) -> {});
        clock.advanceNs(500 * MS);
        render.runFrame();

        assertEquals(List.of(0L), observer.stateAgesNs);
        assertEquals(0.0, render.lastAlpha());
    }

    @Test
    void shouldRenderNewestStateWithAlphaFromItsAge()
    {
        final Simulation simulation = new Simulation(null, 0);
        final FixedStepLoop loop = newLoop(simulation);
        final SimulationAgent<State> agent = new SimulationAgent<>(loop, buffer, simulation, clock);
        final List<Object> rendered = new ArrayList<>();
        final RenderFrameDriver<State> render = newRenderDriver(loop, (state, alpha, frameStartNs) ->
        {
            rendered.add(state.tickIndex);
            rendered.add(alpha);
        });
        agent.doWork();
        clock.advanceNs(3 * PERIOD_NS);
        agent.doWork();
        clock.advanceNs(PERIOD_NS / 4);
        render.runFrame();

        assertEquals(List.of(2L, 0.25), rendered);
    }

    @Test
    void shouldScaleAlphaByTimeScale()
    {
        assertEquals(0.5, RenderFrameDriver.alpha(PERIOD_NS / 4, 2.0, PERIOD_NS));
    }

    @Test
    void shouldClampAlphaBelowOneForStaleState()
    {
        final double alpha = RenderFrameDriver.alpha(5 * PERIOD_NS, 1.0, PERIOD_NS);

        assertTrue(alpha < 1.0);
        assertEquals(Math.nextDown(1.0), alpha);
    }

    @Test
    void shouldClampNegativeAgeToAlphaZero()
    {
        assertEquals(0.0, RenderFrameDriver.alpha(-MS, 1.0, PERIOD_NS));
    }

    @Test
    void shouldCountFramesThatDrewNewState()
    {
        final RenderFrameDriver<State> render = newRenderDriverAfterOnePublication();

        assertTrue(render.runFrame());
        assertFalse(render.runFrame());
        assertEquals(2L, render.frames());
        assertEquals(1L, render.framesWithNewState());
    }

    @Test
    void shouldRunBothWithAgentInvokersOnCallerThread()
    {
        final Simulation simulation = new Simulation(null, 0);
        final FixedStepLoop loop = newLoop(simulation);
        final List<Long> rendered = new ArrayList<>();
        final AgentInvoker simInvoker = new AgentInvoker(
            Throwable::printStackTrace, null, new SimulationAgent<>(loop, buffer, simulation, clock));
        final AgentInvoker renderInvoker = new AgentInvoker(Throwable::printStackTrace, null,
            newRenderDriver(loop, (state, alpha, frameStartNs) -> rendered.add(state.tickIndex)));
        simInvoker.start();
        renderInvoker.start();
        for (int i = 0; i < 5; i++)
        {
            clock.advanceNs(PERIOD_NS);
            simInvoker.invoke();
            renderInvoker.invoke();
        }
        simInvoker.close();
        renderInvoker.close();

        assertEquals(List.of(-1L, 0L, 1L, 2L, 3L), rendered);
    }

    @Test
    void shouldAllocateNothingPerSimulationDutyCycleOrRenderFrame() throws Exception
    {
        final Simulation simulation = new Simulation(null, 0);
        final FixedStepLoop loop =
            new FixedStepLoop(new LoopConfig().tickRateHz(100), simulation, clock, LoopObserver.NONE);
        final SimulationAgent<State> agent = new SimulationAgent<>(loop, buffer, simulation, clock);
        final double[] checksum = new double[1];
        final RenderFrameDriver<State> render = new RenderFrameDriver<>(
            buffer,
            (state, alpha, frameStartNs) -> checksum[0] += state.values[VALUES - 1] + alpha,
            new FramePacer(new LoopConfig(), clock),
            loop,
            clock,
            LoopObserver.NONE);
        final AllocationGate.Body frames = (iteration) ->
        {
            for (int i = 0; i < FRAMES_PER_GATE_ITERATION; i++)
            {
                clock.advanceNs(PERIOD_NS * 3 / 4);
                agent.doWork();
                render.runFrame();
            }
        };

        // Many frames per gate iteration keep the gate's own loop out of the JIT's way; the long warm-up and a first
        // pass let C2 compile everything first: a C2 compile request resolves the string constants of the method's
        // class on the requesting thread (a one-off String + byte[] per class, e.g. exception messages), which
        // the gate would otherwise count if it came in the window.
        AllocationGate.bytesAllocated(500, 200, frames);
        AllocationGate.assertZeroAllocation("100 simulation duty cycles + render frames", 500, 200, frames);
    }

    @Test
    void shouldPublishTicksAndRenderFramesOnTwoRealThreads()
    {
        final SystemNanoClock systemClock = SystemNanoClock.INSTANCE;
        final LoopConfig config = new LoopConfig().tickRateHz(500).pacing(PacingMode.TARGET_FPS).targetFps(250);
        final Simulation simulation = new Simulation(null, 0);
        final FixedStepLoop loop = new FixedStepLoop(config, simulation, systemClock, LoopObserver.NONE);
        final SimulationAgent<State> simAgent = new SimulationAgent<>(loop, buffer, simulation, systemClock);
        final AtomicReference<String> renderFailure = new AtomicReference<>();
        final AtomicLong lastRenderedTick = new AtomicLong(-1);
        final RenderFrameDriver<State> renderDriver = new RenderFrameDriver<>(
            buffer,
            (state, alpha, frameStartNs) ->
            {
                final long tick = state.tickIndex;
                for (int i = 0; i < VALUES; i++)
                {
                    if (state.values[i] != tick)
                    {
                        renderFailure.compareAndSet(null, "torn state at tick " + tick);
                    }
                }
                if (tick < lastRenderedTick.get())
                {
                    renderFailure.compareAndSet(null, "tick " + tick + " after " + lastRenderedTick.get());
                }
                if (!(alpha >= 0.0 && alpha < 1.0))
                {
                    renderFailure.compareAndSet(null, "alpha " + alpha);
                }
                lastRenderedTick.set(tick);
            },
            new FramePacer(config, systemClock),
            loop,
            systemClock,
            LoopObserver.NONE);
        final AtomicReference<Throwable> agentError = new AtomicReference<>();
        final AtomicCounter noCounter = null;
        final AgentRunner simRunner = new AgentRunner(
            new SleepingIdleStrategy(100_000L), (ex) -> agentError.compareAndSet(null, ex), noCounter, simAgent);
        final AgentRunner renderRunner = new AgentRunner(
            NoOpIdleStrategy.INSTANCE, (ex) -> agentError.compareAndSet(null, ex), noCounter, renderDriver);

        assertTimeoutPreemptively(HANG_GUARD, () ->
        {
            AgentRunner.startOnThread(simRunner);
            AgentRunner.startOnThread(renderRunner);
            while (lastRenderedTick.get() < 50 && null == agentError.get() && null == renderFailure.get())
            {
                Thread.sleep(5);
            }
            renderRunner.close();
            simRunner.close();
        });

        assertNull(agentError.get());
        assertNull(renderFailure.get());
        assertTrue(buffer.writerSequence() >= 1);
        assertTrue(renderDriver.framesWithNewState() >= 1);
        assertSame(buffer, simAgent.buffer());
    }

    /** A render driver over a loop whose simulation agent ran its first frame and, one tick later, published. */
    private RenderFrameDriver<State> newRenderDriverAfterOnePublication()
    {
        final Simulation simulation = new Simulation(null, 0);
        final FixedStepLoop loop = newLoop(simulation);
        final SimulationAgent<State> agent = new SimulationAgent<>(loop, buffer, simulation, clock);
        final RenderFrameDriver<State> render = newRenderDriver(loop, (state, alpha, frameStartNs) -> {});
        agent.doWork();
        clock.advanceNs(PERIOD_NS);
        agent.doWork();
        return render;
    }

    private RenderFrameDriver<State> newRenderDriver(final FixedStepLoop loop, final StateRenderer<State> renderer)
    {
        return new RenderFrameDriver<>(buffer, renderer, new FramePacer(new LoopConfig(), clock), loop, clock, observer);
    }
}
