package dev.isochron.render.batch;

import java.nio.ByteBuffer;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.engine.thread.WorkerGroup;
import dev.isochron.render.camera.Camera2D;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;
import dev.isochron.render.testing.HeadlessGl;
import org.joml.Matrix4f;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Same pixels: one frame of sprites (rotated, scaled, tinted and translucent, origins off-centre, flipped and
 * sub-rectangle UVs, four textures with nearest and linear filtering, several layers, between a shape batch and a HUD
 * batch drawn with another projection) rendered headless on llvmpipe through the vertex path and through the instanced
 * path, and the two images compared pixel by pixel: with base instance, the plain GL 3.3 path (attributes re-pointed per
 * run), the staging upload and render workers.
 */
class InstancedSpritePixelTest
{
    private static final int SIZE = 128;
    private static final int CHECKER_KEY = 1;
    private static final int GRADIENT_KEY = 2;
    private static final int GLASS_KEY = 3;
    /** Per-channel difference under which two pixels are the same. */
    private static final int TOLERANCE = 3;
    /**
     * Pixels allowed to differ by more (of 16,384; on Mesa 22.3 llvmpipe one pixel differs at all, by one level): a
     * pixel centre within a hair of a rotated sprite's edge or texel boundary may fall either side when llvmpipe's
     * sin/cos differ from the JDK's in the last bits, or a corner moves by the record's half-float rounding. Ties of
     * axis-aligned sprites (the first sprite's texel boundaries lie on pixel centres) fall the same way on both paths:
     * the records are drawn with the quads' own index pattern.
     */
    private static final int MAX_DIFFERING_PIXELS = 8;

    private static HeadlessGl gl;
    private static Texture checker;
    private static Texture gradient;
    private static Texture glass;

    private final Camera2D camera = new Camera2D(SIZE, SIZE);
    private final Matrix4f projection = new Matrix4f();
    private final Matrix4f hudProjection = new Camera2D(SIZE, SIZE).projection(new Matrix4f());
    private final SpriteBatch sprites = new SpriteBatch(256);
    private final SpriteInstances instances = new SpriteInstances(sprites);
    private final ShapeBatch shapes = new ShapeBatch(64);
    private final SpriteBatch hud = new SpriteBatch(16);

    @BeforeAll
    static void createContext()
    {
        gl = HeadlessGl.open(SIZE, SIZE);
        final int[] sixteen = new int[16];
        for (int i = 0; i < 16; i++)
        {
            sixteen[i] = Rgba.pack(40 + (i % 4) * 60, 40 + (i / 4) * 60, 255 - i * 15, 255);
        }
        checker = upload("checker 4x4", sixteen, 4, 4, TextureFilter.NEAREST);
        final int[] ramp = new int[64];
        for (int i = 0; i < 64; i++)
        {
            ramp[i] = Rgba.pack((i % 8) * 32, (i / 8) * 32, 128, 255);
        }
        gradient = upload("gradient 8x8", ramp, 8, 8, TextureFilter.LINEAR);
        glass = upload("glass 2x2", new int[]{Rgba.pack(255, 255, 255, 96), Rgba.pack(255, 0, 0, 200),
            Rgba.pack(0, 255, 0, 160), Rgba.pack(0, 0, 255, 255)}, 2, 2, TextureFilter.NEAREST);
    }

    @AfterAll
    static void closeContext()
    {
        if (gl != null)
        {
            checker.close();
            gradient.close();
            glass.close();
            gl.close();
        }
    }

    @Test
    void shouldDrawTheSamePixelsInstancedAsThroughVerticesWithBaseInstance()
    {
        try (GlDrawBackend backend = backend(false, false))
        {
            assertTrue(backend.drawsInstances());
            assertTrue(backend.usesBaseInstance(), "llvmpipe's GL 4.5 has glDrawArraysInstancedBaseInstance");
            assertSamePixels(backend, false);
        }
    }

    @Test
    void shouldDrawTheSamePixelsOnThePlainGl33Path()
    {
        try (GlDrawBackend backend = backend(false, true))
        {
            assertFalse(backend.usesBaseInstance());
            assertSamePixels(backend, false);
        }
    }

    @Test
    void shouldDrawTheSamePixelsThroughTheStagingUpload()
    {
        try (GlDrawBackend backend = backend(true, false))
        {
            assertFalse(backend.isPersistent());
            assertSamePixels(backend, false);
        }
    }

    @Test
    void shouldDrawTheSamePixelsWhenRenderWorkersWriteTheRecords()
    {
        try (GlDrawBackend backend = backend(false, false))
        {
            assertSamePixels(backend, true);
        }
    }

    @Test
    void shouldDrawAFrameWhoseSpritesRepeatATextureThroughVertices()
    {
        try (GlDrawBackend backend = backend(false, false))
        {
            final BatchRenderer renderer = new BatchRenderer(backend);
            recordScene();
            // a repeating region: UVs up to 3 do not fit a record, so this frame is drawn as vertices
            sprites.draw(CHECKER_KEY, 0f, 0f, 3f, 1f, 4f, 100f, 60f, 20f, 0f, 0f, 0f, Rgba.WHITE);
            final int[] viaVertices = render(renderer, sprites, false);
            final int[] viaInstances = render(renderer, instances, false);

            assertFalse(instances.instanced());
            assertEquals(0, differing(viaVertices, viaInstances), "the fallback draws the very same vertices");
        }
    }

    @Test
    void shouldDrawInstancedFramesWithoutAllocating() throws Exception
    {
        try (GlDrawBackend backend = backend(false, true))
        {
            final BatchRenderer renderer = new BatchRenderer(backend);
            final AllocationGate.Body frame = i ->
            {
                sprites.clear();
                shapes.clear();
                hud.clear();
                for (int s = 0; s < 200; s++)
                {
                    sprites.draw(1 + s % 3, 0f, 0f, 1f, 1f, (s % 20) * 6f, (s / 20) * 12f, 5f, 9f, 2.5f, 4.5f,
                        s * 0.01f + i * 0.001f, Rgba.WHITE);
                }
                shapes.rect(0f, 0f, 8f, 8f, Rgba.WHITE);
                hud.draw(ShapeBatch.WHITE_TEXTURE_KEY, 0f, 0f, 1f, 1f, 2f, 2f, 4f, 4f, 0f, 0f, 0f, Rgba.WHITE);
                renderer.beginFrame(camera.projection(projection));
                renderer.render(shapes);
                renderer.render(instances);
                renderer.projection(hudProjection);
                renderer.render(hud);
                renderer.endFrame();
                gl.context().swapBuffers();
            };
            AllocationGate.assertSteadyZero("instanced GL frames of 200 sprites", 4_000, 1_000, frame);
            assertTrue(instances.instanced());
        }
    }

    private void assertSamePixels(final GlDrawBackend backend, final boolean workers)
    {
        final BatchRenderer renderer = new BatchRenderer(backend);
        recordScene();
        final int[] viaVertices = render(renderer, sprites, workers);
        final long vertexDraws = renderer.frameDrawCalls();
        final int[] viaInstances = render(renderer, instances, workers);

        assertTrue(instances.instanced(), "every sprite of the scene fits a record");
        assertEquals(vertexDraws, renderer.frameDrawCalls(), "one draw per texture run either way");
        final int covered = differingFrom(viaVertices, HeadlessGl.rgba(0, 0, 0, 255));
        assertTrue(covered > SIZE * SIZE / 3, "the scene covers a third of the image: " + covered + " pixels");
        final int differing = differing(viaVertices, viaInstances);
        assertTrue(differing <= MAX_DIFFERING_PIXELS, differing + " of " + covered + " drawn pixels differ by more " +
            "than " + TOLERANCE + " per channel; first: " + firstDifference(viaVertices, viaInstances));
    }

    /** The scene: every sprite feature the record carries, between shapes (vertices) and a HUD (vertices). */
    private void recordScene()
    {
        sprites.clear();
        shapes.clear();
        hud.clear();
        camera.lookAt(SIZE / 2f - 3.25f, SIZE / 2f + 1.5f);
        shapes.rect(0f, 0f, SIZE, 12f, Rgba.pack(60, 60, 60, 255));
        shapes.line(0f, 120f, SIZE, 96f, 3f, Rgba.pack(200, 200, 0, 255));
        final AtlasRegion whole = AtlasRegion.whole(CHECKER_KEY, 4, 4);
        final AtlasRegion corner = AtlasRegion.ofPixels(CHECKER_KEY, 4, 4, 1, 1, 2, 3);
        // axis-aligned, scaled from 4 texels up, at fractional positions
        sprites.draw(whole, 2.25f, 14f, 24f, 24f, Rgba.WHITE);
        sprites.draw(corner, 30f, 14.5f, 13.3f, 20f, Rgba.WHITE);
        // rotated about an off-centre origin, tinted, flipped horizontally and vertically
        sprites.draw(CHECKER_KEY, 1f, 0f, 0f, 1f, 70f, 30f, 32f, 20f, 8f, 15f, 0.6f, Rgba.pack(255, 200, 120, 255));
        sprites.draw(CHECKER_KEY, 0f, 1f, 1f, 0f, 100f, 40f, 20f, 28f, 20f, 0f, -1.1f, Rgba.WHITE);
        sprites.draw(corner, 30.3f, 70.2f, 26f, 18f, 3f, 16f, (float)Math.PI, Rgba.pack(180, 255, 255, 255));
        // linear filtering across a gradient, rotated and scaled unevenly
        sprites.draw(GRADIENT_KEY, 0.0625f, 0.0625f, 0.9375f, 0.9375f, 64f, 80f, 40f, 30f, 20f, 15f, 2.3f,
            Rgba.WHITE);
        sprites.draw(AtlasRegion.ofPixels(GRADIENT_KEY, 8, 8, 2, 1, 5, 6), 8f, 90f, 22f, 30f, 11f, 15f, 0.25f,
            Rgba.pack(255, 255, 255, 255));
        // translucent texels and a translucent tint over the others, on a higher layer
        sprites.layer(1);
        sprites.draw(AtlasRegion.whole(GLASS_KEY, 2, 2), 50f, 50f, 36f, 36f, 18f, 18f, 0.8f,
            Rgba.pack(255, 255, 255, 180));
        sprites.draw(ShapeBatch.WHITE_TEXTURE_KEY, 0f, 0f, 1f, 1f, 90f, 90f, 30f, 6f, 0f, 3f, -0.35f,
            Rgba.pack(255, 64, 64, 128));
        // a tiny sprite and a large one partly off screen
        sprites.draw(whole, 120f, 20f, 3f, 3f, 1.5f, 1.5f, 0.1f, Rgba.WHITE);
        sprites.layer(0);
        sprites.draw(AtlasRegion.whole(GLASS_KEY, 2, 2), -40f, 100f, 80f, 60f, 0f, 0f, 0f, Rgba.WHITE);
        for (int i = 0; i < 12; i++)
        {
            sprites.draw(1 + i % 3, 0f, 0f, 1f, 1f, 8f + i * 9.5f, 58f, 7f, 11f, 3.5f, 5.5f, i * 0.45f,
                Rgba.pack(255, 255 - i * 15, 120 + i * 10, 255));
        }
        hud.draw(ShapeBatch.WHITE_TEXTURE_KEY, 0f, 0f, 1f, 1f, 110f, 110f, 12f, 12f, 0f, 0f, 0f, Rgba.WHITE);
    }

    /** One frame: shapes, then {@code world} (the batch or its instances), then the HUD in pixel space. */
    private int[] render(final BatchRenderer renderer, final QuadSource world, final boolean workers)
    {
        gl.clear(0f, 0f, 0f, 1f);
        renderer.beginFrame(camera.projection(projection));
        if (workers)
        {
            final QuadSliceWork work = new QuadSliceWork(2);
            try (WorkerGroup group = new WorkerGroup("instanced-record-worker", 2, true, work))
            {
                final long shapeAddress = renderer.reserve(shapes);
                final long worldAddress = renderer.reserve(world);
                work.add(shapes, shapeAddress);
                work.add(world, worldAddress);
                group.runFrame(0);
                renderer.draw(shapes, shapeAddress);
                renderer.draw(world, worldAddress);
            }
        }
        else
        {
            renderer.render(shapes);
            renderer.render(world);
        }
        renderer.projection(hudProjection);
        renderer.render(hud);
        renderer.endFrame();
        gl.readBack();
        final int[] image = new int[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++)
        {
            for (int x = 0; x < SIZE; x++)
            {
                image[y * SIZE + x] = gl.pixelAt(x, y);
            }
        }
        return image;
    }

    private static int differing(final int[] a, final int[] b)
    {
        int count = 0;
        for (int i = 0; i < a.length; i++)
        {
            if (!HeadlessGl.withinTolerance(a[i], b[i], TOLERANCE))
            {
                count++;
            }
        }
        return count;
    }

    private static int differingFrom(final int[] image, final int background)
    {
        int count = 0;
        for (int i = 0; i < image.length; i++)
        {
            if (image[i] != background)
            {
                count++;
            }
        }
        return count;
    }

    private static String firstDifference(final int[] a, final int[] b)
    {
        for (int i = 0; i < a.length; i++)
        {
            if (!HeadlessGl.withinTolerance(a[i], b[i], TOLERANCE))
            {
                return "(" + i % SIZE + ", " + i / SIZE + ") " + HeadlessGl.describe(a[i]) + " vs " +
                    HeadlessGl.describe(b[i]);
            }
        }
        return "none";
    }

    private static GlDrawBackend backend(final boolean staging, final boolean withoutBaseInstance)
    {
        final GlDrawBackend backend = new GlDrawBackend(1_000, staging, withoutBaseInstance);
        backend.bindTexture(CHECKER_KEY, checker.textureName());
        backend.bindTexture(GRADIENT_KEY, gradient.textureName());
        backend.bindTexture(GLASS_KEY, glass.textureName());
        return backend;
    }

    private static Texture upload(final String label, final int[] rgba, final int width, final int height,
        final TextureFilter filter)
    {
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final ByteBuffer pixels = stack.malloc(rgba.length * 4);
            for (int i = 0; i < rgba.length; i++)
            {
                pixels.put(i * 4, (byte)Rgba.red(rgba[i])).put(i * 4 + 1, (byte)Rgba.green(rgba[i]))
                    .put(i * 4 + 2, (byte)Rgba.blue(rgba[i])).put(i * 4 + 3, (byte)Rgba.alpha(rgba[i]));
            }
            return Texture.fromRgba(label, width, height, pixels, filter, TextureWrap.CLAMP_TO_EDGE);
        }
    }
}
