package dev.isochron.render.hud;

import dev.isochron.render.batch.BatchRenderer;
import dev.isochron.render.batch.GlDrawBackend;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.camera.Camera2D;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.testing.HeadlessGl;
import dev.isochron.render.text.BitmapFont;
import dev.isochron.render.text.Font;
import org.joml.Matrix4f;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HUD drawn by GL over a cleared background on HeadlessGl (Mesa llvmpipe): the panel, bars,
 * target line and text land on the pixels the layout says, and nothing is drawn when hidden.
 */
class HudOverlayGlTest
{
    private static final int WIDTH = 192;
    private static final int HEIGHT = 128;
    private static final int FONT_KEY = 1;
    private static final int HISTORY = 20;
    private static final long TARGET_NS = 16_666_667L;
    private static final long STALL_NS = 25_000_000L;
    private static final int TOLERANCE = 3;
    /** Opaque blue background; under the 180/255 black panel its blue becomes 255 * 75 / 255. */
    private static final int BACKGROUND = HeadlessGl.rgba(0, 0, 255, 255);
    private static final int UNDER_PANEL = HeadlessGl.rgba(0, 0, 75, 255);

    private static HeadlessGl gl;
    private static GlDrawBackend backend;
    private static BatchRenderer renderer;
    private static Font font;
    private static Texture fontTexture;

    private final Matrix4f projection = new Camera2D(WIDTH, HEIGHT).projection(new Matrix4f());
    private HudOverlay hud;
    private ShapeBatch shapes;
    private SpriteBatch text;

    @BeforeAll
    static void openContext()
    {
        gl = HeadlessGl.open(WIDTH, HEIGHT);
        backend = new GlDrawBackend(4096);
        renderer = new BatchRenderer(backend);
        font = BitmapFont.create().textureKey(FONT_KEY);
        fontTexture = font.uploadAtlas("bitmap font atlas");
        backend.bindTexture(FONT_KEY, fontTexture.textureName());
    }

    @AfterAll
    static void closeContext()
    {
        if (gl != null)
        {
            fontTexture.close();
            backend.close();
            font.close();
            gl.close();
        }
    }

    @BeforeEach
    void createHud()
    {
        hud = new HudOverlay(font, HISTORY, TARGET_NS, STALL_NS).position(8f, 8f);
        shapes = new ShapeBatch(hud.shapeQuadsNeeded());
        text = new SpriteBatch(hud.spriteQuadsNeeded());
    }

    private void drawFrame()
    {
        gl.clear(0f, 0f, 1f, 1f);
        shapes.clear();
        text.clear();
        hud.draw(shapes, text);
        renderer.beginFrame(projection);
        renderer.render(shapes);
        renderer.render(text);
        renderer.endFrame();
        gl.readBack();
    }

    private int gx(final int column)
    {
        return (int)hud.graphX() + column;
    }

    private int graphBottom()
    {
        return (int)(hud.graphY() + hud.graphHeight());
    }

    @Test
    void shouldDrawTheSemiTransparentPanelOverTheBackground()
    {
        drawFrame();

        // top-left of the graph area, no bar there yet and above the target line
        gl.assertPixel(gx(2), (int)hud.graphY() + 2, UNDER_PANEL, TOLERANCE);
        gl.assertPixel((int)hud.panelX(), (int)hud.panelY(), UNDER_PANEL, TOLERANCE);
        final int right = (int)(hud.panelX() + hud.panelWidth());
        final int bottom = (int)(hud.panelY() + hud.panelHeight());
        gl.assertPixel(right - 1, bottom - 1, UNDER_PANEL, TOLERANCE);
        // just outside the panel on each side
        gl.assertPixel(right, bottom - 1, BACKGROUND, TOLERANCE);
        gl.assertPixel(right - 1, bottom, BACKGROUND, TOLERANCE);
        gl.assertPixel((int)hud.panelX() - 1, (int)hud.panelY(), BACKGROUND, TOLERANCE);
        gl.assertPixel((int)hud.panelX(), (int)hud.panelY() - 1, BACKGROUND, TOLERANCE);
    }

    @Test
    void shouldDrawTheNewestFramesAsBarsFromTheRightAndTheTargetLineAtHalfHeight()
    {
        for (int i = 0; i < HISTORY / 2; i++)
        {
            // half the target: a quarter of the graph's 40 pixels
            hud.recordFrame(TARGET_NS / 2);
        }
        drawFrame();

        final int bottom = graphBottom();
        final int barOk = HudOverlay.BAR_OK_RGBA;
        final int green = HeadlessGl.rgba(Rgba.red(barOk), Rgba.green(barOk), Rgba.blue(barOk), 255);
        for (int column = HISTORY / 2; column < HISTORY; column++)
        {
            gl.assertPixel(gx(column), bottom - 1, green, TOLERANCE);
            gl.assertPixel(gx(column), bottom - 10, green, TOLERANCE);
            gl.assertPixel(gx(column), bottom - 11, UNDER_PANEL, TOLERANCE);
        }
        // older columns have no frame yet
        gl.assertPixel(gx(HISTORY / 2 - 1), bottom - 1, UNDER_PANEL, TOLERANCE);
        // the target line: one white row at half height across the graph
        final int white = HeadlessGl.rgba(255, 255, 255, 255);
        gl.assertPixel(gx(0), bottom - 20, white, TOLERANCE);
        gl.assertPixel(gx(HISTORY - 1), bottom - 20, white, TOLERANCE);
        gl.assertPixel(gx(0), bottom - 21, UNDER_PANEL, TOLERANCE);
    }

    @Test
    void shouldColourSlowFramesAndStallsApart()
    {
        hud.recordFrame(20_000_000L);
        hud.recordFrame(40_000_000L);
        drawFrame();

        final int slow = HudOverlay.BAR_SLOW_RGBA;
        final int stall = HudOverlay.BAR_STALL_RGBA;
        final int bottom = graphBottom();
        gl.assertPixel(gx(HISTORY - 2), bottom - 1,
            HeadlessGl.rgba(Rgba.red(slow), Rgba.green(slow), Rgba.blue(slow), 255), TOLERANCE);
        // a stall beyond twice the target fills the graph's height
        gl.assertPixel(gx(HISTORY - 1), (int)hud.graphY(),
            HeadlessGl.rgba(Rgba.red(stall), Rgba.green(stall), Rgba.blue(stall), 255), TOLERANCE);
    }

    @Test
    void shouldDrawWhiteTextInTheTextAreaOnly()
    {
        drawFrame();

        final int white = HeadlessGl.rgba(255, 255, 255, 255);
        final int textTop = (int)hud.textY();
        final int textRows = (int)(hud.panelY() + hud.panelHeight()) - textTop;
        final int inked = gl.countMatching((int)hud.graphX(), textTop, (int)hud.panelWidth(), textRows, white, TOLERANCE);
        assertTrue(inked > 6 * 40, "white text pixels in the text area: " + inked);
        // the first line starts with 'F': its 5-pixel top bar at the glyph's top row
        final float[] box = new float[4];
        font.glyphBox('F', box);
        final int fTop = textTop + (int)box[1];
        for (int dx = 0; dx < 5; dx++)
        {
            gl.assertPixel(gx((int)box[0] + dx), fTop, white, TOLERANCE);
        }
        // no text above the text area
        assertEquals(0, gl.countMatching(0, 0, WIDTH, (int)hud.graphY(), white, TOLERANCE));
    }

    @Test
    void shouldDrawNothingWhenHidden()
    {
        hud.recordFrame(TARGET_NS);
        hud.visible(false);
        drawFrame();

        assertEquals(0, shapes.size());
        assertEquals(0, text.size());
        assertEquals(WIDTH * HEIGHT, gl.countMatching(BACKGROUND, TOLERANCE));
    }

    @Test
    void shouldDrawAgainAfterToggledBackOn()
    {
        hud.visible(false);
        assertFalse(hud.draw(shapes, text));
        assertTrue(hud.handleKey(HudOverlay.DEFAULT_TOGGLE_KEY));
        drawFrame();

        gl.assertPixel((int)hud.panelX(), (int)hud.panelY(), UNDER_PANEL, TOLERANCE);
    }
}
