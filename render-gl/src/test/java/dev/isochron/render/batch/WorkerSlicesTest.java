package dev.isochron.render.batch;

import java.util.Random;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.engine.thread.WorkerGroup;
import org.joml.Matrix4f;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lwjgl.system.MemoryUtil.memGetLong;

/** Render workers of the engine's WorkerGroup filling vertex slices of one frame. */
class WorkerSlicesTest
{
    private static final int SPRITES = 10_000;
    private static final int WORKERS = 2;
    private static final long SEED = 99L;

    private final SpriteBatch sprites = new SpriteBatch(SPRITES);
    private final ShapeBatch shapes = new ShapeBatch(256);
    private final NullDrawBackend backend = new NullDrawBackend(SPRITES + 256);
    private final BatchRenderer renderer = new BatchRenderer(backend);
    private final QuadSliceWork work = new QuadSliceWork(4);
    private final WorkerGroup workers = new WorkerGroup("vertex-worker", WORKERS, true, work);
    private final Matrix4f projection = new Matrix4f();

    WorkerSlicesTest()
    {
        final Random random = new Random(SEED);
        for (int i = 0; i < SPRITES; i++)
        {
            sprites.draw(random.nextInt(6), 0f, 0f, 1f, 1f, random.nextFloat() * 1000f, random.nextFloat() * 700f,
                16f, 16f, 8f, 8f, random.nextFloat() * 6f, random.nextInt());
        }
        for (int i = 0; i < 50; i++)
        {
            shapes.line(i, 0f, i * 3f, 100f, 1.5f, Rgba.WHITE);
        }
    }

    @AfterEach
    void close()
    {
        workers.close();
        backend.close();
    }

    private long frame(final long frameIndex)
    {
        renderer.beginFrame(projection);
        work.clear();
        final long spriteVertices = renderer.reserve(sprites);
        final long shapeVertices = renderer.reserve(shapes);
        work.add(sprites, spriteVertices);
        work.add(shapes, shapeVertices);
        workers.runFrame(frameIndex);
        renderer.draw(sprites, spriteVertices);
        renderer.draw(shapes, shapeVertices);
        renderer.endFrame();
        return spriteVertices;
    }

    @Test
    void shouldWriteTheSameBytesAsOneThread()
    {
        final long base = frame(0);
        final long bytes = (long)(sprites.quadCount() + shapes.quadCount()) * QuadVertexLayout.BYTES_PER_QUAD;
        final long expected = MemoryUtil.nmemAlloc(bytes);
        try
        {
            sprites.generate(0, 1, expected);
            shapes.generate(0, 1, expected + (long)sprites.quadCount() * QuadVertexLayout.BYTES_PER_QUAD);
            for (long b = 0; b < bytes; b += 8)
            {
                assertEquals(memGetLong(expected + b), memGetLong(base + b), "byte " + b);
            }
        }
        finally
        {
            MemoryUtil.nmemFree(expected);
        }
    }

    @Test
    void shouldFillSlicesOnWorkersWithoutAllocatingOnAnyThread() throws Exception
    {
        // ten frames per gate iteration keep the gate's own loop out of the JIT's way; windows of 2,000 frames
        final AllocationGate.Body tenFrames = i ->
        {
            for (int f = 0; f < 10; f++)
            {
                frame(i * 10L + f);
            }
        };
        AllocationGate.bytesAllocated(300, 50, tenFrames);
        final long[] before = new long[WORKERS];
        for (int w = 0; w < WORKERS; w++)
        {
            before[w] = AllocationGate.threadAllocatedBytes(workers.workerThread(w).getId());
        }
        AllocationGate.assertSteadyZero("render thread forking and joining workers", 0, 200,
            tenFrames);
        long workerBytes = 0;
        for (int w = 0; w < WORKERS; w++)
        {
            workerBytes += AllocationGate.threadAllocatedBytes(workers.workerThread(w).getId()) - before[w];
        }
        assertEquals(0L, workerBytes, "bytes allocated by the render workers after settling");
        assertEquals(3, workers.sliceCount());
    }
}
