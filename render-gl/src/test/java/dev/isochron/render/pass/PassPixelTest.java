package dev.isochron.render.pass;

import dev.isochron.render.batch.BatchRenderer;
import dev.isochron.render.batch.DrawCommands;
import dev.isochron.render.batch.GlDrawBackend;
import dev.isochron.render.batch.QuadSliceWork;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.gl.Framebuffer;
import dev.isochron.render.gl.ShaderProgram;
import dev.isochron.render.testing.HeadlessGl;
import org.joml.Matrix4f;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each pass feature does to pixels, headless on llvmpipe: blend modes over a known background, scissor clips
 * (nested ones intersect), a shader's uniform set between frames, a render target drawn by a later pass (cleared or
 * kept), a viewport, and the order of passes.
 */
class PassPixelTest
{
    static final int SIZE = 64;
    static final int BACKGROUND = Rgba.pack(100, 150, 200, 255);
    static final int TOLERANCE = 2;
    static final String VERTEX = "#version 330 core\n" +
        "layout(location = 0) in vec2 a_position;\n" +
        "layout(location = 1) in vec2 a_uv;\n" +
        "layout(location = 2) in vec4 a_colour;\n" +
        "uniform mat4 u_projection;\n" +
        "void main() { gl_Position = u_projection * vec4(a_position, 0.0, 1.0); }\n";
    static final String FRAGMENT = "#version 330 core\n" +
        "uniform vec4 u_tint;\n" +
        "uniform float u_level;\n" +
        "out vec4 o_colour;\n" +
        "void main() { o_colour = vec4(u_tint.rgb * u_level, 1.0); }\n";

    private static HeadlessGl gl;
    private GlDrawBackend backend;
    private BatchRenderer renderer;
    private final PassRecorder passes = new PassRecorder();
    private final QuadSliceWork work = new QuadSliceWork(2 * PassRecorder.MAX_PASSES);
    private final Matrix4f world = new Matrix4f().setOrtho2D(0f, SIZE, SIZE, 0f);

    @BeforeAll
    static void openContext()
    {
        gl = HeadlessGl.open(SIZE, SIZE);
    }

    @AfterAll
    static void closeContext()
    {
        gl.close();
    }

    @BeforeEach
    void createBackend()
    {
        backend = new GlDrawBackend(4096);
        renderer = new BatchRenderer(backend);
    }

    @AfterEach
    void closeBackend()
    {
        backend.close();
    }

    /** One frame: clear the default target to {@link #BACKGROUND}, every pass, read back. */
    void frame()
    {
        backend.defaultTarget(gl.context().drawFramebufferName(), SIZE, SIZE);
        renderer.beginFrame(world);
        passes.frame(SIZE, SIZE, world);
        work.clear();
        passes.reserve(renderer, work);
        work.run(0, 1, 0);
        final DrawCommands commands = backend.commands();
        commands.target(0);
        commands.clear(BACKGROUND);
        passes.draw(renderer);
        renderer.endFrame();
        gl.readBack();
    }

    RenderPass pass(final String name, final PassOrder order)
    {
        final RenderPass pass = new RenderPass(name, order, 64, 64);
        passes.add(pass);
        return pass;
    }

    static int channel(final double value)
    {
        return (int)Math.round(Math.max(0, Math.min(255, value)));
    }

    @Test
    void shouldBlendEachModeOverTheBackground()
    {
        final BlendMode[] modes = BlendMode.values();
        final RenderPass[] byMode = new RenderPass[modes.length];
        for (int m = 0; m < modes.length; m++)
        {
            byMode[m] = pass(modes[m].name(), PassOrder.AFTER_WORLD).blend(modes[m]);
        }
        passes.install(backend);
        final int colour = Rgba.pack(200, 100, 50, 128);
        for (int m = 0; m < modes.length; m++)
        {
            byMode[m].shapes().rect(m * 12f, 0f, 12f, SIZE, colour);
        }

        frame();

        final double a = 128 / 255.0;
        final int[] src = {200, 100, 50};
        final int[] dst = {100, 150, 200};
        for (int m = 0; m < modes.length; m++)
        {
            final int[] rgb = new int[3];
            for (int c = 0; c < 3; c++)
            {
                switch (modes[m])
                {
                    case ALPHA: rgb[c] = channel(src[c] * a + dst[c] * (1 - a)); break;
                    case PREMULTIPLIED: rgb[c] = channel(src[c] + dst[c] * (1 - a)); break;
                    case ADDITIVE: rgb[c] = channel(dst[c] + src[c] * a); break;
                    case MULTIPLY: rgb[c] = channel(src[c] * dst[c] / 255.0); break;
                    default: rgb[c] = src[c]; break;
                }
            }
            final int alpha = BlendMode.OPAQUE == modes[m] ? 128 : 255;
            gl.assertPixel(m * 12 + 6, 32, HeadlessGl.rgba(rgb[0], rgb[1], rgb[2], alpha), TOLERANCE);
        }
    }

    @Test
    void shouldDrawInsideTheClipAndNothingOutside()
    {
        final RenderPass pass = pass("clipped", PassOrder.AFTER_WORLD);
        passes.install(backend);
        pass.pushClip(10, 10, 20, 20);
        pass.shapes().rect(0f, 0f, SIZE, SIZE, Rgba.WHITE);
        pass.popClip();

        frame();

        gl.assertPixel(15, 15, HeadlessGl.rgba(255, 255, 255, 255), 0);
        gl.assertPixel(29, 29, HeadlessGl.rgba(255, 255, 255, 255), 0);
        gl.assertPixel(5, 15, rgba(BACKGROUND), 0);
        gl.assertPixel(30, 30, rgba(BACKGROUND), 0);
        assertTrue(400 == gl.countMatching(HeadlessGl.rgba(255, 255, 255, 255), 0), "exactly the 20x20 clip is drawn");
    }

    @Test
    void shouldIntersectANestedClipWithTheOneInForce()
    {
        final RenderPass pass = pass("nested", PassOrder.AFTER_WORLD);
        passes.install(backend);
        pass.pushClip(0, 0, 40, 40);
        pass.pushClip(20, 20, 40, 40);
        pass.shapes().rect(0f, 0f, SIZE, SIZE, Rgba.WHITE);
        pass.popClip();
        pass.popClip();

        frame();

        gl.assertPixel(30, 30, HeadlessGl.rgba(255, 255, 255, 255), 0);
        gl.assertPixel(10, 10, rgba(BACKGROUND), 0);
        gl.assertPixel(50, 50, rgba(BACKGROUND), 0);
        assertTrue(400 == gl.countMatching(HeadlessGl.rgba(255, 255, 255, 255), 0), "20x20 where both clips overlap");
    }

    @Test
    void shouldClipEachSpriteByTheClipInForceWhenItWasRecorded()
    {
        final RenderPass pass = pass("sprites", PassOrder.AFTER_WORLD).scissor(0, 0, SIZE, 32);
        passes.install(backend);
        // one texture, so one run: the renderer splits it where the clip changes
        pass.sprites().draw(ShapeBatch.WHITE_TEXTURE_KEY, 0f, 0f, 1f, 1f, 0f, 0f, 32f, SIZE, 0f, 0f, 0f, Rgba.WHITE);
        pass.pushClip(32, 0, 8, 8);
        pass.sprites().draw(ShapeBatch.WHITE_TEXTURE_KEY, 0f, 0f, 1f, 1f, 32f, 0f, 32f, SIZE, 0f, 0f, 0f, Rgba.WHITE);
        pass.popClip();

        frame();

        final int white = HeadlessGl.rgba(255, 255, 255, 255);
        gl.assertPixel(10, 10, white, 0);
        gl.assertPixel(10, 40, rgba(BACKGROUND), 0);
        gl.assertPixel(35, 5, white, 0);
        gl.assertPixel(45, 5, rgba(BACKGROUND), 0);
        gl.assertPixel(35, 20, rgba(BACKGROUND), 0);
    }

    @Test
    void shouldDrawWithTheUniformValuesSetForEachFrame()
    {
        final ShaderProgram program = ShaderProgram.fromSources("tint", VERTEX, FRAGMENT);
        try
        {
            final RenderPass pass = pass("tinted", PassOrder.AFTER_WORLD).shader(new PassShader("tint", program));
            final int tint = pass.uniform("u_tint");
            final int level = pass.uniform("u_level");
            passes.install(backend);
            pass.setVec4(tint, 1f, 0f, 0f, 1f);
            pass.setFloat(level, 0.25f);
            pass.shapes().rect(0f, 0f, SIZE, SIZE, Rgba.WHITE);

            frame();
            gl.assertPixel(32, 32, HeadlessGl.rgba(64, 0, 0, 255), TOLERANCE);

            passes.clear();
            pass.setVec4(tint, 0f, 1f, 0f, 1f);
            pass.setFloat(level, 0.75f);
            pass.shapes().rect(0f, 0f, SIZE, SIZE, Rgba.WHITE);
            frame();
            gl.assertPixel(32, 32, HeadlessGl.rgba(0, 191, 0, 255), TOLERANCE);
        }
        finally
        {
            program.close();
        }
    }

    @Test
    void shouldRefuseAUniformTheShaderDoesNotHave()
    {
        final ShaderProgram program = ShaderProgram.fromSources("tint", VERTEX, FRAGMENT);
        try
        {
            final RenderPass pass = pass("tinted", PassOrder.AFTER_WORLD).shader(new PassShader("tint", program));

            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> pass.uniform("u_tnit"));
            assertTrue(ex.getMessage().contains("'u_tnit'") && ex.getMessage().contains("'tint'"), ex.getMessage());
        }
        finally
        {
            program.close();
        }
    }

    @Test
    void shouldDrawWhatAnEarlierPassDrewIntoATarget()
    {
        try (Framebuffer framebuffer = new Framebuffer("layer", 16, 16, false))
        {
            final RenderTarget layer = new RenderTarget("layer", framebuffer, 7);
            final RenderPass into = pass("into", PassOrder.BEFORE_WORLD).target(layer)
                .clearEachFrame(Rgba.pack(0, 0, 255, 255));
            final RenderPass from = pass("from", PassOrder.AFTER_WORLD);
            passes.install(backend);
            into.shapes().rect(0f, 0f, 8f, 8f, Rgba.pack(255, 0, 0, 255));
            from.sprites().draw(layer.region(), 0f, 0f, SIZE, SIZE, Rgba.WHITE);

            frame();

            gl.assertPixel(8, 8, HeadlessGl.rgba(255, 0, 0, 255), 0);
            gl.assertPixel(48, 48, HeadlessGl.rgba(0, 0, 255, 255), 0);
            gl.assertPixel(48, 8, HeadlessGl.rgba(0, 0, 255, 255), 0);
        }
    }

    @Test
    void shouldKeepATargetsContentsAcrossFramesWhenNotCleared()
    {
        try (Framebuffer framebuffer = new Framebuffer("cache", 16, 16, false))
        {
            final RenderTarget cache = new RenderTarget("cache", framebuffer, 7);
            final RenderPass into = pass("into", PassOrder.BEFORE_WORLD).target(cache).blend(BlendMode.OPAQUE);
            final RenderPass from = pass("from", PassOrder.AFTER_WORLD);
            passes.install(backend);
            into.shapes().rect(0f, 0f, 16f, 16f, Rgba.pack(0, 0, 0, 255));
            into.shapes().rect(0f, 0f, 8f, 16f, Rgba.pack(255, 0, 0, 255));
            frame();

            passes.clear();
            into.shapes().rect(8f, 0f, 8f, 16f, Rgba.pack(0, 255, 0, 255));
            from.sprites().draw(cache.region(), 0f, 0f, SIZE, SIZE, Rgba.WHITE);
            frame();

            gl.assertPixel(8, 32, HeadlessGl.rgba(255, 0, 0, 255), 0);
            gl.assertPixel(56, 32, HeadlessGl.rgba(0, 255, 0, 255), 0);
        }
    }

    @Test
    void shouldRefuseToDrawATargetsTextureIntoItself()
    {
        try (Framebuffer framebuffer = new Framebuffer("loop", 16, 16, false))
        {
            final RenderTarget loop = new RenderTarget("loop", framebuffer, 7);
            final RenderPass pass = pass("feedback", PassOrder.AFTER_WORLD).target(loop);
            passes.install(backend);
            pass.sprites().draw(loop.region(), 0f, 0f, 16f, 16f, Rgba.WHITE);

            final IllegalStateException ex = assertThrows(IllegalStateException.class, this::frame);
            assertTrue(ex.getMessage().contains("'loop'") && ex.getMessage().contains("later pass"), ex.getMessage());
        }
    }

    @Test
    void shouldDrawAPassIntoItsViewportWithPixelsSpanningIt()
    {
        final RenderPass pass = pass("corner", PassOrder.AFTER_WORLD).viewport(32, 0, 32, 32);
        passes.install(backend);
        pass.shapes().rect(0f, 0f, 32f, 32f, Rgba.WHITE);

        frame();

        gl.assertPixel(48, 16, HeadlessGl.rgba(255, 255, 255, 255), 0);
        gl.assertPixel(16, 16, rgba(BACKGROUND), 0);
        gl.assertPixel(48, 48, rgba(BACKGROUND), 0);
    }

    @Test
    void shouldDrawPassesByOrderThenByRegistration()
    {
        final RenderPass top = pass("top", PassOrder.AFTER_HUD);
        final RenderPass bottom = pass("bottom", PassOrder.BEFORE_WORLD);
        final RenderPass middle = pass("middle", PassOrder.AFTER_WORLD);
        final RenderPass middleLater = pass("middle, later", PassOrder.AFTER_WORLD);
        passes.install(backend);
        bottom.shapes().rect(0f, 0f, SIZE, SIZE, Rgba.pack(255, 0, 0, 255));
        middle.shapes().rect(8f, 8f, 48f, 48f, Rgba.pack(0, 255, 0, 255));
        middleLater.shapes().rect(16f, 16f, 32f, 32f, Rgba.pack(0, 0, 255, 255));
        top.shapes().rect(24f, 24f, 16f, 16f, Rgba.WHITE);

        frame();

        gl.assertPixel(2, 2, HeadlessGl.rgba(255, 0, 0, 255), 0);
        gl.assertPixel(10, 10, HeadlessGl.rgba(0, 255, 0, 255), 0);
        gl.assertPixel(18, 18, HeadlessGl.rgba(0, 0, 255, 255), 0);
        gl.assertPixel(32, 32, HeadlessGl.rgba(255, 255, 255, 255), 0);
    }

    static int rgba(final int packed)
    {
        return HeadlessGl.rgba(Rgba.red(packed), Rgba.green(packed), Rgba.blue(packed), Rgba.alpha(packed));
    }
}
