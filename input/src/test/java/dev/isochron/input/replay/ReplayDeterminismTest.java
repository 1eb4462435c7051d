package dev.isochron.input.replay;

import dev.isochron.engine.loop.ManualClock;
import dev.isochron.input.queue.InputProducer;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.input.queue.InputQueueConfig;
import dev.isochron.input.state.InputState;
import dev.isochron.input.synthetic.SyntheticInputConfig;
import dev.isochron.input.synthetic.SyntheticInputSource;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayDeterminismTest
{
    private static final double TICK_RATE_HZ = 120;
    private static final long SEED = 42;
    private static final int TICKS = 150;

    @TempDir
    Path dir;

    private static SyntheticInputConfig streams()
    {
        return new SyntheticInputConfig().seed(SEED).mouseDragHz(20_000).strokeMoves(50).scrollStormHz(3_000)
            .keyMashHz(2_000).textHz(1_000);
    }

    @Test
    void shouldGiveTheLiveRunsHashWhenReplayingASyntheticRecording() throws Exception
    {
        final Path file = dir.resolve("live.isoinput");
        final InputQueue queue = new InputQueue(new InputQueueConfig().clock(SystemNanoClock.INSTANCE));
        final SyntheticInputSource source = new SyntheticInputSource(queue.newProducer(), streams());
        final SimulationHash live = new SimulationHash();
        final InputState state = new InputState();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        try (InputRecorder recorder = new InputRecorder(file, TICK_RATE_HZ, SEED))
        {
            queue.recordTo(recorder);
            try (AgentRunner runner = new AgentRunner(new BackoffIdleStrategy(), failure::set, null, source))
            {
                AgentRunner.startOnThread(runner);
                for (int tick = 0; tick < TICKS; tick++)
                {
                    final long now = SystemNanoClock.INSTANCE.nanoTime();
                    queue.drainInto(tick, state, now, now, live);
                    live.afterTick(tick, state);
                    Thread.sleep(1);
                }
            }
            queue.recordTo(null);
        }
        assertNull(failure.get());
        assertTrue(live.events > 1_000, "the live run should have consumed a realistic stream, was " + live.events);

        final InputReplay replay = InputReplay.open(file);
        final SimulationHash replayed = replay(replay);

        assertEquals(queue.events(), replay.recordCount());
        assertEquals(live.events, replayed.events);
        assertEquals(live.hash, replayed.hash);
        assertEquals(TICK_RATE_HZ, replay.tickRateHz());
        assertEquals(SEED, replay.seed());
        assertTrue(replay.isFinished());
    }

    @Test
    void shouldGiveTheSameHashWhenReplayingARecordingTwice() throws Exception
    {
        final Path file = dir.resolve("manual.isoinput");
        recordUnderManualClock(file);

        final InputReplay replay = InputReplay.open(file);
        final SimulationHash first = replay(replay);
        replay.rewind();
        final SimulationHash second = replay(replay);
        final SimulationHash reopened = replay(InputReplay.open(file));

        assertTrue(first.events > 0);
        assertEquals(first.hash, second.hash);
        assertEquals(first.hash, reopened.hash);
    }

    @Test
    void shouldRunDeterministicallyUnderTheManualClock() throws Exception
    {
        assertEquals(recordUnderManualClock(dir.resolve("a.isoinput")), recordUnderManualClock(dir.resolve("b.isoinput")));
    }

    private static SimulationHash replay(final InputReplay replay)
    {
        final SimulationHash hash = new SimulationHash();
        final InputState state = new InputState();
        for (int tick = 0; tick < TICKS; tick++)
        {
            replay.drainInto(tick, state, 0, 0, hash);
            hash.afterTick(tick, state);
        }
        return hash;
    }

    /** A live run driven entirely by a manual clock: the synthetic source is stepped between ticks. */
    static long recordUnderManualClock(final Path file) throws Exception
    {
        final ManualClock clock = new ManualClock(1_000_000);
        final InputQueue queue = new InputQueue(new InputQueueConfig().clock(clock).capacityBytes(16 * 1024));
        final InputProducer producer = queue.newProducer();
        final SyntheticInputSource source = new SyntheticInputSource(producer, streams());
        final SimulationHash live = new SimulationHash();
        final InputState state = new InputState();
        final long tickNs = (long)(1e9 / TICK_RATE_HZ);
        try (InputRecorder recorder = new InputRecorder(file, TICK_RATE_HZ, SEED))
        {
            queue.recordTo(recorder);
            for (int tick = 0; tick < TICKS; tick++)
            {
                // Input arrives in three bursts per tick; the tick's time is the middle one, so the last
                // burst waits in the ring for the next tick.
                source.produceUntil(clock.advanceNs(tickNs / 3));
                source.produceUntil(clock.advanceNs(tickNs / 3));
                final long tickTime = clock.nanoTime();
                source.produceUntil(clock.advanceNs(tickNs / 3));
                queue.drainInto(tick, state, tickTime, clock.nanoTime(), live);
                live.afterTick(tick, state);
            }
        }
        return live.hash;
    }
}
