package dev.isochron.render.runtime;

import dev.isochron.input.state.InputState;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.pass.BlendMode;
import dev.isochron.render.pass.PassOrder;
import dev.isochron.render.pass.PassShader;
import dev.isochron.render.pass.RenderPass;
import dev.isochron.render.pass.RenderTarget;

/**
 * A test application using every pass feature each frame: an offscreen layer cleared and drawn before the world, a
 * pass with its own shader whose uniform changes every frame drawing that layer additively, a scissored panel over the
 * HUD with nested clips, and the world and HUD passes as usual. Its picture (64x48): the layer's red square shows at
 * the top-left, lit by the shader; the panel's white is clipped to (40, 8)-(56, 24).
 */
class PassScene implements Application<long[]>
{
    static final String FRAGMENT = "#version 330 core\n" +
        "in vec2 v_uv;\n" +
        "uniform sampler2D u_texture;\n" +
        "uniform float u_level;\n" +
        "out vec4 o_colour;\n" +
        "void main() { o_colour = vec4(texture(u_texture, v_uv).rgb * u_level, 1.0); }\n";

    private RenderTarget layer;
    private RenderPass layerPass;
    private RenderPass lit;
    private RenderPass panel;
    private int level;
    volatile boolean lateRegistrationRefused;
    private Init init;

    public long[] newRenderState()
    {
        return new long[1];
    }

    public void init(final Init init)
    {
        this.init = init;
        layer = init.createTarget("layer", 16, 16);
        layerPass = init.addPass("layer", PassOrder.BEFORE_WORLD, 8, 8).target(layer)
            .clearEachFrame(Rgba.pack(0, 0, 0, 255));
        final PassShader shader = init.createShader("lit", FRAGMENT);
        lit = init.addPass("lit", PassOrder.AFTER_WORLD, 8, 8).shader(shader).blend(BlendMode.ADDITIVE);
        level = lit.uniform("u_level");
        panel = init.addPass("panel", PassOrder.AFTER_HUD, 8, 8).scissor(32, 0, 32, 32);
    }

    public void update(final Tick tick, final InputState input)
    {
    }

    public void writeRenderState(final long[] dest)
    {
    }

    public void render(final long[] state, final Frame frame)
    {
        layerPass.shapes().rect(0f, 0f, 8f, 8f, Rgba.pack(255, 0, 0, 255));
        // 1.0 on even frames and 0.5 on odd ones: the last frame of an odd-length run draws full red
        lit.setFloat(level, 0 == (frame.index() & 1) ? 1f : 0.5f);
        lit.sprites().draw(layer.region(), 0f, 0f, 16f, 16f, Rgba.WHITE);
        frame.shapes().rect(0f, 40f, 8f, 8f, Rgba.pack(0, 255, 0, 255));
        panel.pushClip(40, 0, 64, 64);
        panel.pushClip(0, 8, 56, 16);
        panel.shapes().rect(0f, 0f, 64f, 48f, Rgba.WHITE);
        panel.popClip();
        panel.popClip();
        if (frame.index() == 1 && null != init)
        {
            try
            {
                init.addPass("late", PassOrder.AFTER_HUD, 1, 1);
            }
            catch (final IllegalStateException expected)
            {
                lateRegistrationRefused = true;
            }
            init = null;
        }
    }
}
