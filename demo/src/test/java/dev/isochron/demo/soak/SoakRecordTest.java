package dev.isochron.demo.soak;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.isochron.engine.metrics.ThreadRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoakRecordTest
{
    private static final long NOISE = SceneSoak.HEAP_RISE_NOISE_BYTES;

    @TempDir
    Path dir;

    @Test
    void shouldCallAHeapThatRisesInEveryWindowALeak()
    {
        assertTrue(heap(10_000, 10_000 + NOISE + 1, 10_000 + 2 * NOISE + 2, 10_000 + 3 * NOISE + 3)
            .heapRoseInEveryWindow(NOISE));
    }

    @Test
    void shouldNotCallRisesWithinTheNoiseALeak()
    {
        assertFalse(heap(10_000, 10_000 + NOISE, 10_000 + 2 * NOISE, 10_000 + 3 * NOISE).heapRoseInEveryWindow(NOISE));
    }

    @Test
    void shouldNotCallOneRiseThenAFlatHeapALeak()
    {
        final SoakRecord record = heap(10_000, 60_000, 60_000, 60_000);
        assertFalse(record.heapRoseInEveryWindow(NOISE));
        assertEquals(50_000, record.heapGrowthBytes());
    }

    @Test
    void shouldReadBackEveryFigureItStored() throws Exception
    {
        final SoakRecord record = heap(1, 2, 3, 4);
        record.lwjglBytes[2] = 334_480;
        record.directBuffers[3] = 9;
        record.glObjects[1] = 11;
        record.windowFrames[2] = 1_234;
        record.windowGcCount[1] = 1;
        record.windowBytes[2][ThreadRole.RENDER.ordinal()] = 24;
        record.threadsPerRole[ThreadRole.PRODUCERS.ordinal()] = 2;
        record.exitCause = "EXIT_REQUESTED";
        record.failure = "none: a test";
        record.lwjglBytesAfterRun = 26_880;
        final Path file = dir.resolve("soak.properties");
        record.store(file);

        final SoakRecord read = SoakRecord.load(file);

        assertEquals("list", read.scene);
        assertEquals(3, read.windows);
        assertEquals(4, read.heapUsedBytes[3]);
        assertEquals(334_480, read.lwjglBytes[2]);
        assertEquals(9, read.directBuffers[3]);
        assertEquals(11, read.glObjects[1]);
        assertEquals(1_234, read.windowFrames[2]);
        assertEquals(1, read.gcInWindows());
        assertEquals(24, read.bytesInWindows(ThreadRole.RENDER));
        assertEquals(2, read.threadsPerRole[ThreadRole.PRODUCERS.ordinal()]);
        assertEquals("EXIT_REQUESTED", read.exitCause);
        assertEquals("none: a test", read.failure);
        assertEquals(26_880, read.lwjglBytesAfterRun);
        assertTrue(read.complete());
    }

    @Test
    void shouldNameTheMissingFigureOfAnIncompleteRecord() throws Exception
    {
        final Path file = dir.resolve("soak.properties");
        heap(1, 2).store(file);
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^window\\.0\\.frames=.*$", ""));

        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> SoakRecord.load(file));

        assertEquals("soak record " + file + " has no 'window.0.frames'", ex.getMessage());
    }

    @Test
    void shouldMeterTheRuntimesThreadsByTheirNames()
    {
        assertEquals(ThreadRole.PLATFORM, SoakController.roleOf("main"));
        assertEquals(ThreadRole.SIM, SoakController.roleOf("isochron-simulation"));
        assertEquals(ThreadRole.RENDER, SoakController.roleOf("isochron-render"));
        assertEquals(ThreadRole.WORKERS, SoakController.roleOf("isochron-render-worker-0"));
        assertEquals(ThreadRole.PRODUCERS, SoakController.roleOf("isochron-input-synthetic"));
        assertEquals(ThreadRole.PRODUCERS, SoakController.roleOf("isochron-input-0"));
        assertNull(SoakController.roleOf(SoakController.THREAD_NAME));
    }

    /** A complete record of the list scene whose heap snapshots are {@code heapUsedBytes}. */
    private static SoakRecord heap(final long... heapUsedBytes)
    {
        final SoakRecord record = new SoakRecord("list", heapUsedBytes.length - 1);
        for (int i = 0; i < heapUsedBytes.length; i++)
        {
            record.heapUsedBytes[i] = heapUsedBytes[i];
        }
        record.snapshotsTaken = heapUsedBytes.length;
        record.windowsDone = record.windows;
        return record;
    }
}
