package dev.isochron.perf.render;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.isochron.render.batch.BatchRenderer;
import dev.isochron.render.batch.NullDrawBackend;
import dev.isochron.render.batch.QuadSource;
import dev.isochron.render.batch.QuadVertexLayout;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.batch.SpriteInstances;
import org.joml.Matrix4f;
import org.lwjgl.system.MemoryUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU cost of the sprite path, per sprite (scores are sprites per millisecond): vertex
 * generation alone (one slice, into off-heap memory), recording plus the radix sort, and the
 * whole null-backend frame (record, sort, generate, walk runs; no GL). With {@code instanced} the
 * batch is wrapped in a {@link SpriteInstances}: recording also packs each sprite's instance record
 * (corners to half floats, UVs to normalised shorts), generation writes 32-byte records instead of
 * 80 bytes of vertices, and the null frame reserves and draws records.
 * <p>
 * Run: {@code java -jar perf/target/isochron-benchmarks.jar SpriteVertexBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@OperationsPerInvocation(SpriteVertexBenchmark.SPRITES)
public class SpriteVertexBenchmark
{
    static final int SPRITES = 10_000;
    private static final int TEXTURES = 8;

    /** Whether sprites are rotated (a sin and cos per sprite) or axis-aligned. */
    @Param({"true", "false"})
    public boolean rotated;

    /** Whether the batch is drawn instanced ({@link SpriteInstances}) or as vertices. */
    @Param({"false", "true"})
    public boolean instanced;

    private final float[] x = new float[SPRITES];
    private final float[] y = new float[SPRITES];
    private final float[] angle = new float[SPRITES];
    private final int[] texture = new int[SPRITES];
    private final Matrix4f projection = new Matrix4f().setOrtho2D(0f, 1280f, 720f, 0f);
    private SpriteBatch batch;
    private QuadSource source;
    private NullDrawBackend backend;
    private BatchRenderer renderer;
    private long vertices;

    @Setup(Level.Trial)
    public void setUp()
    {
        final Random random = new Random(1);
        for (int i = 0; i < SPRITES; i++)
        {
            x[i] = random.nextFloat() * 1280f;
            y[i] = random.nextFloat() * 720f;
            angle[i] = rotated ? random.nextFloat() * 6.28f : 0f;
            texture[i] = 1 + random.nextInt(TEXTURES);
        }
        batch = new SpriteBatch(SPRITES);
        source = instanced ? new SpriteInstances(batch) : batch;
        backend = new NullDrawBackend(SPRITES);
        renderer = new BatchRenderer(backend);
        vertices = MemoryUtil.nmemAlignedAlloc(64, (long)SPRITES * QuadVertexLayout.BYTES_PER_QUAD);
        record();
        batch.prepare();
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        MemoryUtil.nmemAlignedFree(vertices);
        backend.close();
    }

    private void record()
    {
        batch.clear();
        for (int i = 0; i < SPRITES; i++)
        {
            batch.draw(texture[i], 0f, 0f, 1f, 1f, x[i], y[i], 16f, 16f, 8f, 8f, angle[i], Rgba.WHITE);
        }
    }

    /** Generation only: 4 vertices (80 bytes) per sprite, or one 32-byte record, into off-heap memory. */
    @Benchmark
    public int generate()
    {
        return source.generate(0, 1, vertices);
    }

    /** Recording 10,000 draws and the stable radix sort by (layer, texture) with run detection. */
    @Benchmark
    public int recordAndSort()
    {
        record();
        source.prepare();
        return source.runCount();
    }

    /** A whole frame through the null backend: record, sort, generate, walk the runs. */
    @Benchmark
    public long nullFrame()
    {
        record();
        renderer.beginFrame(projection);
        renderer.render(source);
        renderer.endFrame();
        return renderer.frameQuads();
    }
}
