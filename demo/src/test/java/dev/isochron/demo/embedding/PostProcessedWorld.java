package dev.isochron.demo.embedding;

import dev.isochron.input.state.InputState;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.pass.*;
import dev.isochron.render.runtime.*;

/** The world drawn into a target, then to the screen through a shader; additive sparks; a clipped HUD panel. */
public final class PostProcessedWorld implements Application<long[]> {
    static final String FRAGMENT = """
        #version 330 core
        in vec2 v_uv;
        uniform sampler2D u_texture;
        uniform float u_pulse;
        out vec4 o_colour;
        void main() { o_colour = vec4(texture(u_texture, v_uv).rgb * u_pulse, 1.0); }
        """;

    private RenderTarget scene;
    private RenderPass post;
    private RenderPass sparks;
    private RenderPass hud;
    private int pulse;

    public long[] newRenderState() {
        return new long[1];
    }

    public void init(Init init) {
        scene = init.createTarget("scene", init.framebufferWidth(), init.framebufferHeight());
        init.worldPass().target(scene).clearEachFrame(Rgba.BLACK);
        PassShader shader = init.createShader("pulse", FRAGMENT);
        post = init.addPass("post", PassOrder.AFTER_WORLD, 1, 1).shader(shader).blend(BlendMode.OPAQUE);
        pulse = post.uniform("u_pulse");
        sparks = init.addPass("sparks", PassOrder.AFTER_WORLD, 1, 64).blend(BlendMode.ADDITIVE);
        hud = init.hudPass();
    }

    public void update(Tick tick, InputState input) {
    }

    public void writeRenderState(long[] state) {
    }

    public void render(long[] state, Frame frame) {
        frame.shapes().rect(16, 16, 64, 32, Rgba.fromHex(0x3060FFFF));
        post.setFloat(pulse, pulse(frame.index()));
        post.sprites().draw(scene.region(), 0, 0, frame.framebufferWidth(), frame.framebufferHeight(), Rgba.WHITE);
        for (int i = 0; i < 4; i++) {
            sparks.shapes().circle(96 + 6 * i, 40, 4, 12, Rgba.fromHex(0xFF800080));
        }
        hud.pushClip(100, 4, 20, 8);
        frame.hudShapes().rect(90, 0, 38, 16, Rgba.WHITE);
        hud.popClip();
    }

    static float pulse(long frameIndex) {
        return 0.75f + 0.25f * (float) Math.sin(frameIndex * 0.1);
    }
}
