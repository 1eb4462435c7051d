package dev.isochron.perf.engine;

import java.util.concurrent.TimeUnit;

import dev.isochron.engine.loop.FixedStepLoop;
import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.LoopObserver;
import dev.isochron.engine.loop.ManualClock;
import dev.isochron.engine.loop.SingleThreadedDriver;
import dev.isochron.engine.loop.TickHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The fixed-step loop's own cost per tick, with an empty {@link TickHandler} and a {@link ManualClock} moved by
 * exactly the time the ticks need: one tick per frame ({@code oneTickPerFrame}), eight catch-up ticks per frame
 * reported per tick ({@code catchUpTickOfEight}), and a whole single-threaded frame with one tick, an empty renderer
 * and uncapped pacing ({@code singleThreadedFrame}). Run with {@code -prof gc}: {@code gc.alloc.rate.norm} must be
 * 0 B/op.
 */
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LoopTickBenchmark
{
    private static final int CATCH_UP_TICKS = 8;
    private static final TickHandler EMPTY_TICK = (tickIndex, tickTimeNs, tickStartNs, dtSeconds) -> {};

    private ManualClock clock;
    private FixedStepLoop loop;
    private SingleThreadedDriver driver;
    private long tickPeriodNs;

    @Setup
    public void setup()
    {
        clock = new ManualClock();
        final LoopConfig config = new LoopConfig().tickRateHz(120).maxTicksPerFrame(CATCH_UP_TICKS);
        loop = new FixedStepLoop(config, EMPTY_TICK, clock, LoopObserver.NONE);
        driver = new SingleThreadedDriver(config, EMPTY_TICK, (alpha, frameStartNs) -> {}, clock, LoopObserver.NONE);
        tickPeriodNs = loop.tickPeriodNs();
        loop.advance(clock.nanoTime());
        driver.runFrame();
    }

    /**
     * A frame that runs exactly one tick.
     *
     * @return the ticks run (1).
     */
    @Benchmark
    public int oneTickPerFrame()
    {
        return loop.advance(clock.advanceNs(tickPeriodNs));
    }

    /**
     * A frame that runs the most catch-up ticks allowed; the time is per tick.
     *
     * @return the ticks run (8).
     */
    @Benchmark
    @OperationsPerInvocation(CATCH_UP_TICKS)
    public int catchUpTickOfEight()
    {
        return loop.advance(clock.advanceNs(CATCH_UP_TICKS * tickPeriodNs));
    }

    /**
     * A whole single-threaded frame: clock read, observer, one tick, render, observer, pacer.
     *
     * @return the ticks run (1).
     */
    @Benchmark
    public int singleThreadedFrame()
    {
        clock.advanceNs(tickPeriodNs);
        return driver.runFrame();
    }
}
