package dev.isochron.render.batch;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.render.camera.Camera2D;
import dev.isochron.render.text.BitmapFont;
import dev.isochron.render.text.Font;
import dev.isochron.render.text.TextBuffer;
import org.joml.Matrix4f;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A whole frame of 10,000 sprites, HUD text and chart lines through the batch pipeline with the
 * null backend: collect, sort, generate vertices (in several slices), walk runs; zero bytes.
 */
class NullFrameAllocationTest
{
    private static final int SPRITES = 10_000;
    private static final int WARMUP_FRAMES = 3_000;
    private static final int MEASURED_FRAMES = 2_000;
    private static final int TEXTURES = 8;
    private static final int FONT_KEY = 100;
    private static final int CHART_POINTS = 256;

    private final Camera2D camera = new Camera2D(1280, 720);
    private final Matrix4f projection = new Matrix4f();
    private final SpriteBatch sprites = new SpriteBatch(SPRITES + 512);
    private final ShapeBatch shapes = new ShapeBatch(1024);
    private final Font font = BitmapFont.create().textureKey(FONT_KEY);
    private final TextBuffer hud = new TextBuffer(128);
    private final float[] chart = new float[2 * CHART_POINTS];
    private final AtlasRegion[] regions = new AtlasRegion[TEXTURES];
    private final NullDrawBackend backend = new NullDrawBackend(SPRITES + 2048);
    private final BatchRenderer renderer = new BatchRenderer(backend);

    NullFrameAllocationTest()
    {
        for (int t = 0; t < TEXTURES; t++)
        {
            regions[t] = AtlasRegion.ofPixels(1 + t, 64, 64, 8 * t, 0, 8, 8);
        }
    }

    @AfterEach
    void close()
    {
        backend.close();
        font.close();
    }

    private void frame(final int frame)
    {
        final float alpha = (frame % 8) / 8f;
        sprites.clear();
        shapes.clear();
        for (int i = 0; i < SPRITES; i++)
        {
            final float x = Interpolation.lerp(i % 128 * 10f, i % 128 * 10f + 1f, alpha);
            final float angle = Interpolation.lerpAngle(i * 0.01f, i * 0.01f + 0.05f, alpha);
            sprites.draw(regions[i % TEXTURES], x, (i / 128) * 9f, 8f, 8f, 4f, 4f, angle, Rgba.WHITE);
        }
        hud.clear().append("frame ").append(frame).append("  ms ").appendFixed(16.667 + frame * 1e-3, 2)
            .append("  sprites ").append(SPRITES);
        sprites.layer(1);
        font.draw(sprites, hud, 4f, 4f, 2f, Rgba.WHITE);
        for (int p = 0; p < CHART_POINTS; p++)
        {
            chart[2 * p] = 10f + p * 4f;
            chart[2 * p + 1] = 600f + (float)Math.sin((p + frame) * 0.1) * 40f;
        }
        shapes.polyline(chart, 0, CHART_POINTS, 2f, Rgba.pack(0, 255, 0, 255));
        shapes.line(0f, 700f, 1280f, 700f, 1f, Rgba.WHITE);
        shapes.rectOutline(2f, 2f, 300f, 24f, 1f, Rgba.WHITE);
        shapes.circle(1200f, 80f, 30f, 32, Rgba.pack(255, 0, 0, 128));

        renderer.beginFrame(camera.projection(projection));
        final long spriteVertices = renderer.reserve(sprites);
        for (int s = 0; s < 4; s++)
        {
            sprites.generate(s, 4, spriteVertices);
        }
        renderer.draw(sprites, spriteVertices);
        renderer.render(shapes);
        renderer.endFrame();
    }

    @Test
    void shouldDrawAFrameOfTenThousandSpritesTextAndLinesWithoutAllocating() throws Exception
    {
        AllocationGate.assertSteadyZero(
            "null-backend frame", WARMUP_FRAMES, MEASURED_FRAMES, this::frame);
    }

    @Test
    void shouldIssueOneDrawPerTextureRun()
    {
        frame(0);
        // 8 sprite textures + the font on layer 1 + one shape run
        assertEquals(TEXTURES + 2, renderer.frameDrawCalls());
        assertEquals(sprites.quadCount() + shapes.quadCount(), renderer.frameQuads());
    }

    @Test
    void shouldSplitRunsLongerThanOneDrawCanIndex()
    {
        final SpriteBatch many = new SpriteBatch(QuadVertexLayout.MAX_QUADS_PER_DRAW + 10);
        try (NullDrawBackend big = new NullDrawBackend(many.capacity()))
        {
            for (int i = 0; i < many.capacity(); i++)
            {
                many.draw(regions[0], 0f, 0f, 1f, 1f, Rgba.WHITE);
            }
            final BatchRenderer split = new BatchRenderer(big);
            split.beginFrame(projection);
            split.render(many);
            split.endFrame();
            assertEquals(2, split.frameDrawCalls());
            assertEquals(many.capacity(), big.quadsDrawn());
        }
    }
}
