package dev.isochron.render.batch;

import java.nio.ByteBuffer;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.engine.thread.WorkerGroup;
import dev.isochron.render.camera.Camera2D;
import dev.isochron.render.context.EglHeadlessContext;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;
import dev.isochron.render.testing.HeadlessGl;
import dev.isochron.render.text.BitmapFont;
import dev.isochron.render.text.Font;
import dev.isochron.render.text.TextBuffer;
import dev.isochron.render.text.TrueTypeFont;
import org.joml.Matrix4f;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL11.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL11.glClear;
import static org.lwjgl.opengl.GL11.glClearColor;

/**
 * The batch pipeline drawn by GL into a small headless framebuffer (Mesa llvmpipe), checked by
 * reading pixels back; and the whole frame, GL calls included, checked for zero allocation.
 */
class GlBatchRendererTest
{
    private static final int SIZE = 64;
    private static final int CHECKER_KEY = 1;
    private static final int FONT_KEY = 2;
    private static final int RED = Rgba.pack(255, 0, 0, 255);
    private static final int GREEN = Rgba.pack(0, 255, 0, 255);
    private static final int BLUE = Rgba.pack(0, 0, 255, 255);
    private static final int YELLOW = Rgba.pack(255, 255, 0, 255);

    private static HeadlessGl gl;
    private static EglHeadlessContext context;
    private static GlDrawBackend backend;
    private static BatchRenderer renderer;
    private static Font font;
    private static Texture checker;
    private static Texture fontTexture;

    private final Camera2D camera = new Camera2D(SIZE, SIZE);
    private final Matrix4f projection = new Matrix4f();
    private final SpriteBatch sprites = new SpriteBatch(16_384);
    private final ShapeBatch shapes = new ShapeBatch(2048);

    @BeforeAll
    static void createContext()
    {
        gl = HeadlessGl.open(SIZE, SIZE);
        context = gl.context();
        backend = new GlDrawBackend(20_000);
        renderer = new BatchRenderer(backend);
        checker = upload("checker", new int[]{RED, GREEN, BLUE, YELLOW}, 2, 2);
        backend.bindTexture(CHECKER_KEY, checker.textureName());
        font = BitmapFont.create().textureKey(FONT_KEY);
        fontTexture = font.uploadAtlas("bitmap font atlas");
        backend.bindTexture(FONT_KEY, fontTexture.textureName());
    }

    @AfterAll
    static void closeContext()
    {
        if (gl != null)
        {
            checker.close();
            fontTexture.close();
            backend.close();
            font.close();
            // fails listing any GL object the backend left registered
            gl.close();
        }
    }

    @BeforeEach
    void clear()
    {
        context.bindDrawTarget();
        glClearColor(0f, 0f, 0f, 1f);
        glClear(GL_COLOR_BUFFER_BIT);
    }

    private void drawFrame()
    {
        renderer.beginFrame(camera.projection(projection));
        renderer.render(sprites);
        renderer.render(shapes);
        renderer.endFrame();
        context.framebuffer().readPixels();
    }

    @Test
    void shouldDrawATexturedSpriteAtItsPosition()
    {
        sprites.draw(AtlasRegion.whole(CHECKER_KEY, 2, 2), 16f, 16f, 32f, 32f, Rgba.WHITE);
        drawFrame();

        assertPixel(24, 24, RED);
        assertPixel(40, 24, GREEN);
        assertPixel(24, 40, BLUE);
        assertPixel(40, 40, YELLOW);
        assertPixel(12, 12, Rgba.BLACK);
        assertPixel(52, 52, Rgba.BLACK);
    }

    @Test
    void shouldWriteVerticesIntoPersistentMappedMemoryOnThisDriver()
    {
        assertTrue(backend.isPersistent(), "Mesa 4.5 core has ARB_buffer_storage");
    }

    @Test
    void shouldDrawTheSameThroughTheStagingUploadPath()
    {
        try (GlDrawBackend staged = new GlDrawBackend(16, true))
        {
            staged.bindTexture(CHECKER_KEY, checker.textureName());
            final BatchRenderer stagedRenderer = new BatchRenderer(staged);
            sprites.draw(AtlasRegion.whole(CHECKER_KEY, 2, 2), 16f, 16f, 32f, 32f, Rgba.WHITE);
            shapes.line(0f, 60f, 64f, 60f, 2f, GREEN);
            stagedRenderer.beginFrame(camera.projection(projection));
            stagedRenderer.render(sprites);
            stagedRenderer.render(shapes);
            stagedRenderer.endFrame();
            context.framebuffer().readPixels();

            assertTrue(!staged.isPersistent());
            assertPixel(24, 24, RED);
            assertPixel(40, 40, YELLOW);
            assertPixel(30, 59, GREEN);
        }
    }

    @Test
    void shouldDrawVerticesThatRenderWorkersWroteIntoTheMappedSegment()
    {
        final QuadSliceWork work = new QuadSliceWork(2);
        try (WorkerGroup workers = new WorkerGroup("gl-vertex-worker", 2, true, work))
        {
            // 4 x 4 grid of 8 px checker sprites covering the framebuffer, generated in 3 slices on 3 threads
            for (int i = 0; i < 16; i++)
            {
                sprites.draw(AtlasRegion.ofPixels(CHECKER_KEY, 2, 2, i % 2, (i / 4) % 2, 1, 1),
                    (i % 4) * 16f, (i / 4) * 16f, 16f, 16f, Rgba.WHITE);
            }
            shapes.rect(0f, 62f, 64f, 2f, GREEN);
            renderer.beginFrame(camera.projection(projection));
            work.clear();
            final long spriteVertices = renderer.reserve(sprites);
            final long shapeVertices = renderer.reserve(shapes);
            work.add(sprites, spriteVertices);
            work.add(shapes, shapeVertices);
            workers.runFrame(0);
            renderer.draw(sprites, spriteVertices);
            renderer.draw(shapes, shapeVertices);
            renderer.endFrame();
            context.framebuffer().readPixels();
        }

        assertPixel(8, 8, RED);
        assertPixel(24, 8, GREEN);
        assertPixel(8, 24, BLUE);
        assertPixel(24, 24, YELLOW);
        assertPixel(56, 40, GREEN);
        assertPixel(30, 63, GREEN);
    }

    @Test
    void shouldTintASpriteByItsColour()
    {
        sprites.draw(AtlasRegion.whole(CHECKER_KEY, 2, 2), 0f, 0f, 64f, 64f, Rgba.pack(255, 255, 255, 128));
        drawFrame();

        final int red = pixel(16, 16);
        assertEquals(128f, Rgba.red(red), 2f);
        assertEquals(0, Rgba.green(red));
    }

    @Test
    void shouldDrawAQuadRotatedAboutItsCentre()
    {
        // 40 x 10 white bar centred at (32, 32), turned a quarter: now 10 wide and 40 tall
        sprites.draw(ShapeBatch.WHITE_TEXTURE_KEY, 0f, 0f, 1f, 1f, 32f, 32f, 40f, 10f, 20f, 5f,
            (float)(Math.PI / 2), Rgba.WHITE);
        drawFrame();

        assertPixel(32, 15, Rgba.WHITE);
        assertPixel(32, 48, Rgba.WHITE);
        assertPixel(15, 32, Rgba.BLACK);
        assertPixel(48, 32, Rgba.BLACK);
    }

    @Test
    void shouldDrawTheHudInPixelSpaceOverAZoomedWorld()
    {
        final SpriteBatch hud = new SpriteBatch(4);
        final Matrix4f pixels = new Camera2D(SIZE, SIZE).projection(new Matrix4f());
        camera.zoom(2f).lookAt(16f, 16f);
        // the world point (16, 16) at the centre, 2 pixels per unit: a 4x4 sprite at (16, 16) covers pixels 32..40
        sprites.draw(ShapeBatch.WHITE_TEXTURE_KEY, 0f, 0f, 1f, 1f, 16f, 16f, 4f, 4f, 0f, 0f, 0f, RED);
        hud.draw(ShapeBatch.WHITE_TEXTURE_KEY, 0f, 0f, 1f, 1f, 4f, 4f, 4f, 4f, 0f, 0f, 0f, GREEN);

        renderer.beginFrame(camera.projection(projection));
        renderer.render(sprites);
        renderer.projection(pixels);
        renderer.render(hud);
        renderer.endFrame();
        context.framebuffer().readPixels();

        assertPixel(33, 33, RED);
        assertPixel(39, 39, RED);
        assertPixel(41, 41, Rgba.BLACK);
        assertPixel(5, 5, GREEN);
        assertPixel(9, 9, Rgba.BLACK);
    }

    @Test
    void shouldDrawLinesWithTheirWidth()
    {
        shapes.line(4f, 10f, 60f, 10f, 2f, GREEN);
        shapes.line(50f, 20f, 50f, 60f, 4f, RED);
        drawFrame();

        assertPixel(30, 9, GREEN);
        assertPixel(30, 10, GREEN);
        assertPixel(30, 12, Rgba.BLACK);
        assertPixel(30, 7, Rgba.BLACK);
        assertPixel(48, 40, RED);
        assertPixel(51, 40, RED);
        assertPixel(53, 40, Rgba.BLACK);
        assertPixel(50, 18, Rgba.BLACK);
    }

    @Test
    void shouldCoverExactlyTheBitmapGlyphsPixels()
    {
        sprites.layer(1);
        font.draw(sprites, "H4g", 8f, 8f, 2f, Rgba.WHITE);
        drawFrame();

        final String text = "H4g";
        for (int c = 0; c < text.length(); c++)
        {
            final char ch = text.charAt(c);
            final int left = 8 + c * BitmapFont.ADVANCE * 2;
            final int top = 8 + BitmapFont.TOP_PADDING * 2;
            for (int gy = 0; gy < BitmapFont.GLYPH_HEIGHT; gy++)
            {
                for (int gx = 0; gx < BitmapFont.GLYPH_WIDTH; gx++)
                {
                    final int expected = BitmapFont.inked(ch, gx, gy) ? Rgba.WHITE : Rgba.BLACK;
                    for (int sy = 0; sy < 2; sy++)
                    {
                        for (int sx = 0; sx < 2; sx++)
                        {
                            assertPixel(left + 2 * gx + sx, top + 2 * gy + sy, expected);
                        }
                    }
                }
            }
        }
    }

    @Test
    void shouldDrawTrueTypeGlyphsWithCoverageInsideTheirBoxes()
    {
        final int key = 3;
        try (Font dejaVu = TrueTypeFont.bake(TrueTypeFont.DEJAVU_SANS_MONO, 20f).textureKey(key))
        {
            try (Texture texture = Texture.fromRgba("DejaVu atlas", dejaVu.atlasWidth(), dejaVu.atlasHeight(),
                dejaVu.atlasRgba(), TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE))
            {
                backend.bindTexture(key, texture.textureName());
                dejaVu.draw(sprites, "A", 10f, 10f, 1f, Rgba.WHITE);
                drawFrame();
                final float[] box = new float[4];
                dejaVu.glyphBox('A', box);
                int inside = 0;
                int outside = 0;
                for (int y = 0; y < SIZE; y++)
                {
                    for (int x = 0; x < SIZE; x++)
                    {
                        final boolean in = x >= 10 + box[0] && x < 10 + box[0] + box[2] &&
                            y >= 10 + box[1] && y < 10 + box[1] + box[3];
                        final int red = Rgba.red(pixel(x, y));
                        if (in)
                        {
                            inside += red;
                        }
                        else
                        {
                            outside += red;
                        }
                    }
                }
                assertTrue(inside > 255 * 20, "coverage inside the box of 'A': " + inside);
                assertEquals(0, outside, "coverage outside the box of 'A'");
            }
        }
    }

    /** Closed mid-frame: the reservation would have pointed into the unmapped vertex memory. */
    @Test
    void shouldRefuseReserveQuadsAfterClose()
    {
        final GlDrawBackend closed = new GlDrawBackend(16);
        closed.beginFrame(camera.projection(projection));
        closed.close();

        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> closed.reserveQuads(1));
        assertEquals("GlDrawBackend used after close(): its program, buffers and vertex memory are released",
            ex.getMessage());
    }

    @Test
    void shouldCloseTheBackendTwiceWithoutError()
    {
        final GlDrawBackend closed = new GlDrawBackend(16);
        closed.close();
        closed.close();

        assertEquals(0, closed.drawCalls());
    }

    @Test
    void shouldRefuseToDrawAnUnboundTextureKey()
    {
        sprites.draw(77, 0f, 0f, 1f, 1f, 0f, 0f, 4f, 4f, 0f, 0f, 0f, Rgba.WHITE);
        final IllegalStateException ex = assertThrows(IllegalStateException.class, this::drawFrame);
        renderer.endFrame();
        assertEquals("no texture is bound to key 77: call GlDrawBackend.bindTexture(77, glTextureName) after " +
            "uploading it", ex.getMessage());
    }

    @Test
    void shouldDrawAFrameOfTenThousandSpritesTextAndLinesThroughGlWithoutAllocating() throws Exception
    {
        final AtlasRegion region = AtlasRegion.ofPixels(CHECKER_KEY, 2, 2, 0, 0, 1, 1);
        final TextBuffer hud = new TextBuffer(64);
        final float[] chart = new float[2 * 64];
        final AllocationGate.Body frame = i ->
        {
            sprites.clear();
            shapes.clear();
            for (int s = 0; s < 10_000; s++)
            {
                sprites.draw(region, (s % 100) * 0.6f, (s / 100) * 0.6f, 1f, 1f, 0.5f, 0.5f, s * 0.001f + i * 0.01f,
                    Rgba.WHITE);
            }
            sprites.layer(1);
            hud.clear().append("f ").append(i).append(' ').appendFixed(i * 0.01, 2);
            font.draw(sprites, hud, 1f, 1f, 1f, Rgba.WHITE);
            for (int p = 0; p < 64; p++)
            {
                chart[2 * p] = p;
                chart[2 * p + 1] = 40f + (p + i) % 7;
            }
            shapes.polyline(chart, 0, 64, 1f, GREEN);
            shapes.line(0f, 60f, 64f, 60f, 1f, RED);
            renderer.beginFrame(camera.projection(projection));
            final long vertices = renderer.reserve(sprites);
            sprites.generate(1, 2, vertices);
            sprites.generate(0, 2, vertices);
            renderer.draw(sprites, vertices);
            renderer.render(shapes);
            renderer.endFrame();
            context.swapBuffers();
        };
        // five frames per gate iteration keep the gate's own loop out of the JIT's way; windows of 2,000 frames
        final AllocationGate.Body fiveFrames = i ->
        {
            for (int f = 0; f < 5; f++)
            {
                frame.run(i * 5 + f);
            }
        };
        AllocationGate.assertSteadyZero(
            "GL frames of 10,000 sprites + text + lines", 600, 400, fiveFrames);
        // sprites (checker), text (font) and shapes (white texel): one draw per texture
        assertEquals(3, renderer.frameDrawCalls());
    }

    private int pixel(final int x, final int y)
    {
        final ByteBuffer pixels = context.framebuffer().pixels();
        final int at = ((SIZE - 1 - y) * SIZE + x) * 4;
        return Rgba.pack(pixels.get(at) & 0xFF, pixels.get(at + 1) & 0xFF, pixels.get(at + 2) & 0xFF,
            pixels.get(at + 3) & 0xFF);
    }

    private void assertPixel(final int x, final int y, final int expected)
    {
        final int actual = pixel(x, y);
        for (int shift = 0; shift < 32; shift += 8)
        {
            final int e = (expected >>> shift) & 0xFF;
            final int a = (actual >>> shift) & 0xFF;
            if (Math.abs(e - a) > 2)
            {
                assertEquals(Integer.toHexString(Integer.reverseBytes(expected)),
                    Integer.toHexString(Integer.reverseBytes(actual)), "RGBA of pixel " + x + "," + y);
            }
        }
    }

    private static Texture upload(final String label, final int[] rgba, final int width, final int height)
    {
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final ByteBuffer pixels = stack.malloc(rgba.length * 4);
            for (int i = 0; i < rgba.length; i++)
            {
                pixels.put(i * 4, (byte)Rgba.red(rgba[i])).put(i * 4 + 1, (byte)Rgba.green(rgba[i]))
                    .put(i * 4 + 2, (byte)Rgba.blue(rgba[i])).put(i * 4 + 3, (byte)Rgba.alpha(rgba[i]));
            }
            return Texture.fromRgba(label, width, height, pixels, TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE);
        }
    }
}
