package dev.isochron.input.synthetic;

import dev.isochron.engine.loop.ManualClock;
import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.input.event.EventListener;
import dev.isochron.input.queue.InputProducer;
import dev.isochron.input.queue.InputQueue;
import dev.isochron.input.queue.InputQueueConfig;
import dev.isochron.input.state.InputState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SyntheticInputSourceTest
{
    private final ManualClock clock = new ManualClock(0);
    private final InputQueue queue = new InputQueue(new InputQueueConfig().clock(clock));
    private final InputProducer producer = queue.newProducer();
    private final InputState state = new InputState();

    @Test
    void shouldEmitAtTheConfiguredRates()
    {
        final SyntheticInputSource source = new SyntheticInputSource(producer, new SyntheticInputConfig()
            .mouseDragHz(1000).keyMashHz(100).textHz(10).scrollStormHz(50));
        source.produceUntil(clock.nanoTime());
        for (int ms = 1; ms <= 1000; ms++)
        {
            source.produceUntil(clock.advanceMillis(1));
        }
        // Each stream emits at time 0 and every period up to and including 1 s.
        assertEquals(1001 + 101 + 11 + 51, source.emitted());
        assertEquals(source.emitted(), queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), EventListener.NONE));
    }

    @Test
    void shouldTypeTheConfiguredText()
    {
        final SyntheticInputSource source = new SyntheticInputSource(producer, new SyntheticInputConfig()
            .mouseDragHz(0).textHz(1000).text("hé!"));
        source.produceUntil(0);
        source.produceUntil(clock.advanceMillis(3));
        queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), EventListener.NONE);
        assertEquals(4, state.textLength());
        assertEquals('h', state.textCodePoint(0));
        assertEquals('é', state.textCodePoint(1));
        assertEquals('!', state.textCodePoint(2));
        assertEquals('h', state.textCodePoint(3));
    }

    @Test
    void shouldSkipAndCountWhenFarBehind()
    {
        final SyntheticInputSource source = new SyntheticInputSource(producer, new SyntheticInputConfig()
            .mouseDragHz(1000).maxEventsPerWork(10));
        source.produceUntil(0);
        source.produceUntil(clock.advanceMillis(100));
        assertEquals(11, source.emitted());
        assertEquals(90, source.skipped());
    }

    @Test
    void shouldAllocateNothingPerDutyCycle() throws Exception
    {
        final SyntheticInputSource source = new SyntheticInputSource(producer, new SyntheticInputConfig()
            .mouseDragHz(20_000).scrollStormHz(5_000).keyMashHz(2_000).textHz(1_000));
        final AllocationGate.Body body = i ->
        {
            source.produceUntil(clock.advanceNs(100_000));
            queue.drainInto(state, clock.nanoTime(), clock.nanoTime(), EventListener.NONE);
        };
        AllocationGate.assertSteadyZero("synthetic source", 20_000, 100_000, body);
    }

    @Test
    void shouldRejectNegativeRate()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new SyntheticInputConfig().keyMashHz(-1));
        assertEquals("keyMashHz must be in [0, 1000000.0], was -1.0", ex.getMessage());
    }
}
