package dev.isochron.render.runtime;

import dev.isochron.engine.handoff.TripleBuffer;
import dev.isochron.engine.loop.FixedStepLoop;
import org.agrona.concurrent.NanoClock;

import java.util.concurrent.locks.LockSupport;

/**
 * The runtime's rule that {@link Application#render} never sees a render state no tick has written: the first frame
 * starts only once the first tick has run and {@link Application#writeRenderState} has filled the state it draws.
 * <p>
 * Multi-threaded, the render thread waits for the simulation's first publication once, before its first frame
 * ({@link #awaitFirstState}); from then on it takes the newest state without ever waiting (the triple buffer's
 * guarantee). Single-threaded, the caller's thread advances the loop until its first tick has run and writes the state
 * ({@link #runFirstTick}), then starts the frames. Either way the wait is start-up time, at most about one tick period
 * (the loop's first advance sets its time origin, its first tick runs one period later), and ends early when the run
 * ends (a failure, a closed window).
 * <p>
 * Threading: as each method says. Allocation: none.
 */
final class FirstTick
{
    private static final long MIN_IDLE_NS = 50_000L;
    private static final long MAX_IDLE_NS = 1_000_000L;

    private FirstTick()
    {
    }

    /**
     * Render thread, multi-threaded, before the first frame: waits until the simulation has published a state or the
     * run ends.
     *
     * @param buffer       the triple buffer the render thread reads.
     * @param exit         the run's exit signal.
     * @param tickPeriodNs the loop's tick period, which sets how often it looks.
     * @return whether a state was published (false: the run ended first).
     */
    static boolean awaitFirstState(final TripleBuffer<?> buffer, final ExitSignal exit, final long tickPeriodNs)
    {
        final long idleNs = idleNs(tickPeriodNs);
        while (!buffer.hasPublished())
        {
            if (exit.isSet())
            {
                return false;
            }
            LockSupport.parkNanos(idleNs);
        }
        return true;
    }

    /**
     * Caller's thread, single-threaded, before the first frame: advances {@code loop} until the application's first
     * tick has run, polling the window's events meanwhile, then has the application write {@code state}.
     *
     * @param loop       the run's loop.
     * @param simulation the run's simulation step (the loop's tick handler).
     * @param state      the one render state of a single-threaded run.
     * @param clock      the run's clock.
     * @param exit       the run's exit signal.
     * @param poll       polls the window's events (a no-op when headless).
     * @param <S>        the render state type.
     * @return whether the state was written (false: the run ended first).
     */
    static <S> boolean runFirstTick(
        final FixedStepLoop loop,
        final SimulationStep<S> simulation,
        final S state,
        final NanoClock clock,
        final ExitSignal exit,
        final Runnable poll)
    {
        final long idleNs = idleNs(loop.tickPeriodNs());
        while (0 == simulation.ticks())
        {
            if (exit.isSet())
            {
                return false;
            }
            poll.run();
            if (loop.advance(clock.nanoTime()) == 0)
            {
                LockSupport.parkNanos(idleNs);
            }
        }
        simulation.write(state, loop.lastTickIndex(), loop.lastTickTimeNs());
        simulation.publishStats(loop.droppedTicks());
        return true;
    }

    private static long idleNs(final long tickPeriodNs)
    {
        return Math.max(MIN_IDLE_NS, Math.min(MAX_IDLE_NS, tickPeriodNs / 16));
    }
}
