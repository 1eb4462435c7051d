package dev.isochron.engine.thread;

import dev.isochron.engine.testing.AllocationGate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WorkerGroupTest
{
    private static final int FRAMES = 2_000;
    private static final int WORKERS = 2;

    private WorkerGroup group;

    @AfterEach
    void after()
    {
        if (null != group)
        {
            group.close();
        }
    }

    /** Counts each slice of each frame, and flags a slice that sees a frame other than the one forked. */
    static final class RecordingWork implements SliceWork
    {
        final int[][] runs;
        final AtomicInteger overlaps = new AtomicInteger();
        volatile long currentFrame = -1;

        RecordingWork(final int frames, final int slices)
        {
            runs = new int[frames][slices];
        }

        public void run(final int sliceIndex, final int sliceCount, final long frameIndex)
        {
            if (frameIndex != currentFrame)
            {
                overlaps.incrementAndGet();
            }
            runs[(int)frameIndex][sliceIndex]++;
        }
    }

    @Test
    void shouldRunEverySliceExactlyOncePerFrame()
    {
        final RecordingWork work = new RecordingWork(FRAMES, WORKERS + 1);
        group = new WorkerGroup("isochron-worker", WORKERS, true, work);
        for (int frame = 0; frame < FRAMES; frame++)
        {
            work.currentFrame = frame;
            group.runFrame(frame);
        }
        for (int frame = 0; frame < FRAMES; frame++)
        {
            for (int slice = 0; slice < WORKERS + 1; slice++)
            {
                assertEquals(1, work.runs[frame][slice], "frame " + frame + " slice " + slice);
            }
        }
    }

    @Test
    void shouldNeverRunASliceOutsideItsFrame()
    {
        final RecordingWork work = new RecordingWork(FRAMES, WORKERS);
        group = new WorkerGroup("isochron-worker", WORKERS, false, work);
        for (int frame = 0; frame < FRAMES; frame++)
        {
            work.currentFrame = frame;
            group.fork(frame);
            group.join();
            work.currentFrame = -1;
        }
        assertEquals(0, work.overlaps.get());
    }

    @Test
    void shouldGiveAllSlicesToWorkersWhenCoordinatorDoesNotRunOne()
    {
        group = new WorkerGroup("isochron-worker", 3, false, (s, n, f) -> {});
        assertEquals(3, group.sliceCount());
    }

    @Test
    void shouldRethrowWorkerFailureNamingWorkerAndFrame()
    {
        final IllegalStateException boom = new IllegalStateException("bad slice");
        group = new WorkerGroup("isochron-worker", WORKERS, true, (slice, count, frame) ->
        {
            if (frame == 7 && slice == 2)
            {
                throw boom;
            }
        });
        for (int frame = 0; frame < 7; frame++)
        {
            group.runFrame(frame);
        }
        final WorkerFailureException ex = assertThrows(WorkerFailureException.class, () -> group.runFrame(7));
        assertEquals("worker 'isochron-worker-1' failed in frame 7 (slice 2 of 3): " +
            "java.lang.IllegalStateException: bad slice", ex.getMessage());
        assertSame(boom, ex.getCause());
        assertEquals(7L, ex.frameIndex());
    }

    @Test
    void shouldStayUsableAfterAWorkerFailure()
    {
        final AtomicInteger frame8Slices = new AtomicInteger();
        group = new WorkerGroup("isochron-worker", WORKERS, false, (slice, count, frame) ->
        {
            if (frame == 0)
            {
                throw new IllegalStateException("first frame fails");
            }
            frame8Slices.incrementAndGet();
        });
        assertThrows(WorkerFailureException.class, () -> group.runFrame(0));
        group.runFrame(8);
        assertEquals(WORKERS, frame8Slices.get());
    }

    @Test
    void shouldRejectForkBeforeJoin()
    {
        group = new WorkerGroup("isochron-worker", 1, false, (s, n, f) -> {});
        group.fork(1);
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> group.fork(2));
        assertEquals("worker group 'isochron-worker': fork(2) called before join() of frame 1; " +
            "call join() once after each fork()", ex.getMessage());
        group.join();
    }

    @Test
    void shouldRejectWorkerCountBelowOne()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new WorkerGroup("isochron-worker", 0, true, (s, n, f) -> {}));
        assertEquals("worker group 'isochron-worker': workerCount must be in [1, 256], was 0", ex.getMessage());
    }

    @Test
    void shouldJoinAllThreadsOnClose()
    {
        group = new WorkerGroup("isochron-worker", WORKERS, true, (s, n, f) -> {});
        group.runFrame(0);
        group.close();
        for (int i = 0; i < WORKERS; i++)
        {
            assertFalse(group.workerThread(i).isAlive());
        }
    }

    /** Measures each slice's thread from inside the slice: its allocation counter at two given frames. */
    static final class MeasuringWork implements SliceWork
    {
        final long[] fromBytes;
        final long[] toBytes;
        final long[] scratch;
        long fromFrame = -1;
        long toFrame = -1;

        MeasuringWork(final int slices)
        {
            fromBytes = new long[slices];
            toBytes = new long[slices];
            scratch = new long[slices * 16];
        }

        public void run(final int sliceIndex, final int sliceCount, final long frameIndex)
        {
            scratch[sliceIndex * 16] += frameIndex;
            if (frameIndex == fromFrame)
            {
                fromBytes[sliceIndex] = AllocationGate.currentThreadAllocatedBytes();
            }
            else if (frameIndex == toFrame)
            {
                toBytes[sliceIndex] = AllocationGate.currentThreadAllocatedBytes();
            }
        }
    }

    /**
     * Coordinator (slice 0, fork and join) and two workers, each measured over the same frames. The JVM makes
     * rare one-off allocations of its own on any thread (see SteadyStateAllocation), so up to three windows are
     * measured and one must read exactly 0 on all three threads; steady-state allocation fails every window.
     */
    @Test
    void shouldForkAndJoinWithoutAllocationOnCoordinatorAndWorkers() throws Exception
    {
        final int warmupFrames = 50_000;
        final int measuredFrames = 20_000;
        final MeasuringWork work = new MeasuringWork(WORKERS + 1);
        group = new WorkerGroup("isochron-worker", WORKERS, true, work);
        long frame = 0;
        while (frame < warmupFrames)
        {
            group.runFrame(frame++);
        }
        final StringBuilder windows = new StringBuilder();
        for (int window = 0; window < AllocationGate.STEADY_WINDOWS; window++)
        {
            work.fromFrame = frame;
            work.toFrame = frame + measuredFrames;
            final long coordinatorBefore = AllocationGate.currentThreadAllocatedBytes();
            for (int i = 0; i <= measuredFrames; i++)
            {
                group.runFrame(frame++);
            }
            final long coordinator = AllocationGate.currentThreadAllocatedBytes() - coordinatorBefore;
            final long worker0 = work.toBytes[1] - work.fromBytes[1];
            final long worker1 = work.toBytes[2] - work.fromBytes[2];
            final long slice0 = work.toBytes[0] - work.fromBytes[0];
            if (coordinator == 0 && worker0 == 0 && worker1 == 0 && slice0 == 0)
            {
                return;
            }
            windows.append(" [coordinator ").append(coordinator).append(", worker-0 ").append(worker0)
                .append(", worker-1 ").append(worker1).append(']');
        }
        throw new AssertionError("fork/join allocated in every window of " + measuredFrames + " frames:" + windows);
    }
}
