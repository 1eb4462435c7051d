package dev.isochron.engine.loop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import dev.isochron.engine.testing.AllocationGate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleThreadedDriverTest
{
    private static final long MS = 1_000_000L;
    private static final long PERIOD_NS = 10 * MS;
    private static final int ENTITIES = 10_000;
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private final ManualClock clock = new ManualClock(1_000 * MS);
    private final RecordingObserver observer = new RecordingObserver();

    @Test
    void shouldRunFrameStartTicksRenderFrameEndInOrder()
    {
        final List<String> order = observer.events;
        final SingleThreadedDriver driver = new SingleThreadedDriver(
            new LoopConfig().tickRateHz(100),
            (tickIndex, tickTimeNs, tickStartNs, dtSeconds) -> order.add("update" + tickIndex),
            (alpha, frameStartNs) -> order.add("render@" + frameStartNs),
            clock,
            observer);
        driver.runFrame();
        order.clear();
        final long frameNs = clock.advanceNs(2 * PERIOD_NS);
        driver.runFrame();

        assertEquals(List.of(
            "frameStart@" + frameNs, "update0", "tick0", "update1", "tick1", "render@" + frameNs, "frameEnd@" + frameNs),
            order);
    }

    @Test
    void shouldReportStateAgeZero()
    {
        final SingleThreadedDriver driver = newCountingDriver(new ArrayList<>());
        driver.runFrame();
        clock.advanceNs(PERIOD_NS);
        driver.runFrame();

        assertEquals(List.of(0L, 0L), observer.stateAgesNs);
    }

    @Test
    void shouldRenderWithLoopAlpha()
    {
        final List<Double> alphas = new ArrayList<>();
        final SingleThreadedDriver driver = newCountingDriver(alphas);
        driver.runFrame();
        clock.advanceNs(PERIOD_NS + 2_500_000L);
        driver.runFrame();

        assertEquals(List.of(0.0, 0.25), alphas);
    }

    @Test
    void shouldReturnTicksRunByFrame()
    {
        final SingleThreadedDriver driver = newCountingDriver(new ArrayList<>());
        driver.runFrame();
        clock.advanceNs(3 * PERIOD_NS);

        assertEquals(3, driver.runFrame());
        assertEquals(2L, driver.frames());
    }

    @Test
    void shouldRunRequestedNumberOfFrames()
    {
        final List<Double> alphas = new ArrayList<>();
        final SingleThreadedDriver driver = newCountingDriver(alphas);

        assertEquals(5L, driver.run(5));
        assertEquals(5, alphas.size());
        assertEquals(5L, driver.frames());
    }

    @Test
    void shouldStopRunWhenStopIsRequestedFromAnotherThread()
    {
        final CountDownLatch rendering = new CountDownLatch(1);
        final SingleThreadedDriver driver = new SingleThreadedDriver(
            new LoopConfig(),
            (tickIndex, tickTimeNs, tickStartNs, dtSeconds) -> {},
            (alpha, frameStartNs) -> rendering.countDown(),
            clock,
            LoopObserver.NONE);
        final AtomicLong framesRun = new AtomicLong(-1);
        final Thread loopThread = new Thread(() -> framesRun.set(driver.run(Long.MAX_VALUE)), "single-threaded-loop");

        assertTimeoutPreemptively(HANG_GUARD, () ->
        {
            loopThread.start();
            rendering.await();
            driver.requestStop();
            loopThread.join();
        });
        assertTrue(framesRun.get() >= 1);
        assertFalse(driver.isStopRequested());
    }

    @Test
    void shouldPropagateExceptionFromTick()
    {
        final IllegalStateException failure = new IllegalStateException("update failed");
        final SingleThreadedDriver driver = new SingleThreadedDriver(
            new LoopConfig().tickRateHz(100),
            (tickIndex, tickTimeNs, tickStartNs, dtSeconds) ->
            {
                throw failure;
            },
            (alpha, frameStartNs) -> {},
            clock,
            LoopObserver.NONE);
        driver.runFrame();
        clock.advanceNs(PERIOD_NS);

        assertSame(failure, assertThrows(IllegalStateException.class, driver::runFrame));
    }

    @Test
    void shouldDoOneFrameOfWorkAsAgent()
    {
        final List<Double> alphas = new ArrayList<>();
        final SingleThreadedDriver driver = newCountingDriver(alphas);

        assertEquals(1, driver.doWork());
        assertEquals(1, alphas.size());
    }

    @Test
    void shouldIntegrateEntitiesWithZeroAllocationPerTickAndFrame() throws Exception
    {
        final Particles particles = new Particles(ENTITIES);
        final SingleThreadedDriver driver = new SingleThreadedDriver(
            new LoopConfig().tickRateHz(100), particles, particles, clock, LoopObserver.NONE);
        final long stepNs = PERIOD_NS * 3 / 2;
        final int warmupFrames = 5_000;
        final int measuredFrames = 8_000;
        final long[] ticksAtWindowStart = new long[1];
        final AllocationGate.Body frame = (iteration) ->
        {
            if (iteration == 0)
            {
                ticksAtWindowStart[0] = particles.ticks;
            }
            clock.advanceNs(stepNs);
            driver.runFrame();
        };

        // Settle, then up to 3 exact windows (each numbering its frames from 0): a C2 compile request resolves the
        // string constants of the method's class on the requesting thread (a one-off String + byte[] per class,
        // e.g. exception messages), which may land once in a window but never in every one.
        AllocationGate.assertSteadyZero(
            "single-threaded driver, " + ENTITIES + " entities", warmupFrames, measuredFrames, frame);

        final long measuredTicks = particles.ticks - ticksAtWindowStart[0];
        assertTrue(measuredTicks >= 10_000, "measured ticks in the zero window " + measuredTicks);
        assertEquals(driver.frames(), particles.frames);
    }

    private SingleThreadedDriver newCountingDriver(final List<Double> alphas)
    {
        return new SingleThreadedDriver(
            new LoopConfig().tickRateHz(100),
            (tickIndex, tickTimeNs, tickStartNs, dtSeconds) -> {},
            (alpha, frameStartNs) -> alphas.add(alpha),
            clock,
            observer);
    }
}
