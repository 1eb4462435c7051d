package dev.isochron.engine.jfr;

import dev.isochron.engine.testing.AllocationGate;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JfrLoopObserverTest
{
    private static final long MS = 1_000_000L;
    private static final int WARMUP = 200_000;
    private static final int MEASURED = 100_000;
    private static final long[] SLEEPS_MS = {1, 50, 100};

    private static void frame(final JfrLoopObserver observer, final long i)
    {
        final long start = i * 16 * MS;
        observer.onFrameStart(start, 3 * MS);
        observer.onTick(i, start, start + 2 * MS);
        observer.onFrameEnd(start + 5 * MS);
    }

    private static Recording startRecording()
    {
        final Recording recording = new Recording();
        recording.enable(FrameEvent.NAME).withoutThreshold();
        recording.enable(TickEvent.NAME).withoutThreshold();
        recording.enable(DroppedTicksEvent.NAME).withoutThreshold();
        recording.start();
        return recording;
    }

    @Test
    void shouldNotAllocateWhenNoRecordingRuns() throws Exception
    {
        final JfrLoopObserver observer = new JfrLoopObserver();
        assertFalse(new FrameEvent().isEnabled(), "a recording is running in this JVM; the test needs none");
        AllocationGate.assertSteadyZero("JFR observer, JFR off", WARMUP, MEASURED, i -> frame(observer, i));
    }

    @Test
    void shouldNotAllocatePerFrameWhileRecording() throws Exception
    {
        final JfrLoopObserver observer = new JfrLoopObserver();
        try (Recording recording = startRecording())
        {
            assertTrue(new FrameEvent().isEnabled());
            AllocationGate.assertSteadyZero("JFR observer, JFR on", WARMUP, MEASURED, i ->
            {
                frame(observer, i);
                if (i % 100 == 0)
                {
                    observer.onDroppedTicks(1);
                }
            });
            recording.stop();
        }
    }

    @Test
    void shouldWriteFrameAndTickEventsWithEngineClockFields(@TempDir final Path dir) throws Exception
    {
        final JfrLoopObserver observer = new JfrLoopObserver();
        final Path file = dir.resolve("frames.jfr");
        try (Recording recording = startRecording())
        {
            for (int i = 0; i < 10; i++)
            {
                frame(observer, i);
            }
            observer.onDroppedTicks(4);
            recording.stop();
            recording.dump(file);
        }
        final List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        int frames = 0;
        int ticks = 0;
        int dropped = 0;
        final int[] frameSeen = new int[10];
        final int[] tickSeen = new int[10];
        for (final RecordedEvent event : events)
        {
            final String name = event.getEventType().getName();
            if (FrameEvent.NAME.equals(name))
            {
                final long index = event.getLong("frameIndex");
                assertEquals(index * 16 * MS, event.getLong("frameStartNs"));
                frameSeen[(int)index]++;
                assertEquals(5 * MS, event.getLong("workNs"));
                assertEquals(3 * MS, event.getLong("stateAgeNs"));
                assertEquals(Thread.currentThread().getName(), event.getThread().getJavaName());
                frames++;
            }
            else if (TickEvent.NAME.equals(name))
            {
                final long index = event.getLong("tickIndex");
                assertEquals(index * 16 * MS, event.getLong("tickStartNs"));
                assertEquals(2 * MS, event.getLong("tickNs"));
                tickSeen[(int)index]++;
                ticks++;
            }
            else if (DroppedTicksEvent.NAME.equals(name))
            {
                assertEquals(4L, event.getLong("droppedTicks"));
                dropped++;
            }
        }
        assertEquals(10, frames);
        assertEquals(10, ticks);
        for (int i = 0; i < 10; i++)
        {
            assertEquals(1, frameSeen[i], "frame " + i);
            assertEquals(1, tickSeen[i], "tick " + i);
        }
        assertEquals(1, dropped);
    }

    @Test
    void shouldGiveEachReusedFrameEventItsOwnJfrDuration(@TempDir final Path dir) throws Exception
    {
        final JfrLoopObserver observer = new JfrLoopObserver();
        final Path file = dir.resolve("durations.jfr");
        try (Recording recording = startRecording())
        {
            for (int i = 0; i < SLEEPS_MS.length; i++)
            {
                observer.onFrameStart(0, 0);
                Thread.sleep(SLEEPS_MS[i]);
                observer.onFrameEnd(0);
            }
            recording.stop();
            recording.dump(file);
        }
        int frames = 0;
        for (final RecordedEvent event : RecordingFile.readAllEvents(file))
        {
            if (FrameEvent.NAME.equals(event.getEventType().getName()))
            {
                final int frame = (int)event.getLong("frameIndex");
                // A sleep lasts at least as long as asked, so each duration has a lower bound; a reused event
                // with a stale duration would repeat the first (about 1 ms) and fall below the later bounds.
                final long durationNs = event.getDuration().toNanos();
                assertTrue(durationNs >= SLEEPS_MS[frame] * MS,
                    "frame " + frame + " has JFR duration " + durationNs + " ns, slept " + SLEEPS_MS[frame] + " ms");
                frames++;
            }
        }
        assertEquals(SLEEPS_MS.length, frames);
    }
}
