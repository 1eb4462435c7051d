package dev.isochron.input.queue;

import dev.isochron.engine.loop.FixedStepLoop;
import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.LoopObserver;
import dev.isochron.engine.loop.ManualClock;
import dev.isochron.engine.loop.TickHandler;
import dev.isochron.engine.memory.ExhaustionPolicy;
import dev.isochron.engine.memory.ObjectPool;
import dev.isochron.engine.memory.Poolable;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.KeyEvent;
import dev.isochron.input.state.InputState;
import org.junit.jupiter.api.Test;
import org.lwjgl.glfw.GLFW;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The input queue driven by the engine's fixed-step loop under the manual clock. */
class InputLoopIntegrationTest
{
    private static final long TICK_NS = 10_000_000;

    private final ManualClock clock = new ManualClock(0);
    private final InputQueue queue = new InputQueue(new InputQueueConfig().clock(clock));
    private final InputProducer producer = queue.newProducer();
    private final InputState state = new InputState();
    private final long[] keysPerTick = new long[16];
    private FixedStepLoop loop;

    private final TickHandler handler = new TickHandler()
    {
        public void tick(final long tickIndex, final long tickTimeNs, final long tickStartNs, final double dtSeconds)
        {
            keysPerTick[(int)tickIndex] = queue.drainInto(tickIndex, state, tickTimeNs, tickStartNs, EventListener.NONE);
        }

        public void paused(final long nowNs)
        {
            queue.drainInto(state, nowNs, nowNs, EventListener.NONE);
            if (state.wasKeyPressed(GLFW.GLFW_KEY_P))
            {
                loop.resume();
            }
        }
    };

    private FixedStepLoop newLoop()
    {
        return new FixedStepLoop(new LoopConfig().tickRateHz(100).maxTicksPerFrame(8), handler, clock, LoopObserver.NONE);
    }

    @Test
    void shouldAssignEventsToTheTickWhoseTimeTheyWereCapturedBy()
    {
        loop = newLoop();
        loop.advance(clock.nanoTime());
        clock.advanceNs(TICK_NS / 2);
        producer.key(GLFW.GLFW_KEY_A, 0, GLFW.GLFW_PRESS, 0);
        clock.advanceNs(TICK_NS);
        producer.key(GLFW.GLFW_KEY_B, 0, GLFW.GLFW_PRESS, 0);
        clock.advanceNs(TICK_NS);
        producer.key(GLFW.GLFW_KEY_C, 0, GLFW.GLFW_PRESS, 0);
        clock.advanceNs(TICK_NS / 4);

        // 2.75 tick periods elapsed: two catch-up ticks in one frame, at times 1 and 2 periods.
        assertEquals(2, loop.advance(clock.nanoTime()));

        assertEquals(1, keysPerTick[0], "tick 0 (time 10 ms) takes A (captured at 5 ms)");
        assertEquals(1, keysPerTick[1], "tick 1 (time 20 ms) takes B (captured at 15 ms)");
        assertFalse(state.isKeyDown(GLFW.GLFW_KEY_C), "C (captured at 25 ms) waits for tick 2");
        assertTrue(queue.sizeBytes() > 0, "C is still in the ring");
    }

    @Test
    void shouldKeepDrainingWhilePausedSoTheUnpauseKeyIsSeen()
    {
        loop = newLoop();
        loop.advance(clock.nanoTime());
        loop.pause();
        for (int frame = 0; frame < 5; frame++)
        {
            assertEquals(0, loop.advance(clock.advanceNs(TICK_NS)));
        }
        producer.key(GLFW.GLFW_KEY_P, 0, GLFW.GLFW_PRESS, 0);
        loop.advance(clock.advanceNs(TICK_NS));

        assertFalse(loop.isPaused(), "the paused loop drained the unpause key");
        assertEquals(0, queue.sizeBytes());
    }

    /** A game-level event that outlives the tick: copied out of the flyweight into a pooled object. */
    static final class KeyCommand implements Poolable
    {
        int key;
        long captureNs;

        public void reset()
        {
            key = 0;
            captureNs = 0;
        }
    }

    @Test
    void shouldKeepPooledCopiesValidAfterTheRingRecordIsReused()
    {
        final ObjectPool<KeyCommand> pool = new ObjectPool<>("key commands", 4, KeyCommand::new, ExhaustionPolicy.THROW);
        final List<KeyCommand> kept = new ArrayList<>();
        final EventListener copier = new EventListener()
        {
            public void onKey(final KeyEvent event)
            {
                final KeyCommand command = pool.acquire();
                command.key = event.key();
                command.captureNs = event.captureNs();
                kept.add(command);
            }
        };
        producer.keyAt(111, GLFW.GLFW_KEY_X, 0, GLFW.GLFW_PRESS, 0);
        queue.drainInto(state, Long.MAX_VALUE, 0, copier);
        for (int i = 0; i < 100_000; i++)
        {
            producer.keyAt(222, GLFW.GLFW_KEY_Y, 0, GLFW.GLFW_PRESS, 0);
            queue.drainInto(state, Long.MAX_VALUE, 0, EventListener.NONE);
        }

        assertEquals(GLFW.GLFW_KEY_X, kept.get(0).key);
        assertEquals(111, kept.get(0).captureNs);
        pool.release(kept.get(0));
        assertEquals(4, pool.available());
        assertTrue(state.isKeyDown(GLFW.GLFW_KEY_Y));
    }
}
