package dev.isochron.demo.effects;

import dev.isochron.input.state.InputState;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.pass.BlendMode;
import dev.isochron.render.pass.PassOrder;
import dev.isochron.render.pass.RenderPass;
import dev.isochron.render.pass.RenderTarget;
import dev.isochron.render.runtime.Application;
import dev.isochron.render.runtime.Frame;
import dev.isochron.render.runtime.Init;
import dev.isochron.render.runtime.Tick;
import dev.isochron.render.text.Font;
import dev.isochron.render.text.TextBuffer;

/**
 * The pass pipeline's demo: particles orbit the centre; their heads are drawn into a half-size trail layer that keeps
 * its contents and fades a little each frame (a render target fed back into a later sprite pass), that layer is drawn
 * over the world through a shader whose {@code u_time} uniform sweeps a colour wave across it, the heads themselves
 * are added on top with additive blending, and a panel on the right scrolls lines of text inside a clip rectangle.
 * <p>
 * Positions are a function of the simulated time, so the simulation is one double and a frame is reproducible.
 * Allocation-free per frame. It has no naive twin: {@code --naive} draws it the same way.
 */
public final class EffectsScene implements Application<double[]>
{
    /** The most particles: two passes take a quad per particle each, within the frame's quad limit. */
    public static final int MAX_PARTICLES = 1_000_000;
    /** Width and height of the panel, in pixels. */
    public static final int PANEL_WIDTH = 96;
    public static final int PANEL_HEIGHT = 64;
    /** The inset of the panel's clip rectangle from its edges. */
    public static final int PANEL_INSET = 6;
    /** The panel's background colour. */
    public static final int PANEL_RGBA = Rgba.pack(24, 32, 64, 255);
    static final String VERTEX = "#version 330 core\n" +
        "layout(location = 0) in vec2 a_position;\n" +
        "layout(location = 1) in vec2 a_uv;\n" +
        "layout(location = 2) in vec4 a_colour;\n" +
        "uniform mat4 u_projection;\n" +
        "out vec2 v_uv;\n" +
        "void main() { v_uv = a_uv; gl_Position = u_projection * vec4(a_position, 0.0, 1.0); }\n";
    static final String FRAGMENT = "#version 330 core\n" +
        "in vec2 v_uv;\n" +
        "uniform sampler2D u_texture;\n" +
        "uniform float u_time;\n" +
        "out vec4 o_colour;\n" +
        "void main()\n" +
        "{\n" +
        "    vec3 trail = texture(u_texture, v_uv).rgb;\n" +
        "    vec3 wave = 0.6 + 0.4 * cos(u_time + v_uv.x * 6.0 + vec3(0.0, 2.1, 4.2));\n" +
        "    o_colour = vec4(trail * wave, 1.0);\n" +
        "}\n";
    private static final int LINES = 12;
    private static final int LINE_HEIGHT = 10;

    private final int count;
    private final int width;
    private final int height;
    private final TextBuffer text = new TextBuffer(32);
    private double time;
    private double previousTime;
    private RenderTarget trails;
    private RenderPass trailPass;
    private RenderPass glowPass;
    private RenderPass sparkPass;
    private RenderPass panelPass;
    private int timeUniform;
    private Font font;

    /**
     * @param count  particles.
     * @param width  the window's width at start-up, in pixels.
     * @param height its height.
     */
    public EffectsScene(final int count, final int width, final int height)
    {
        this.count = count;
        this.width = width;
        this.height = height;
    }

    /** @return the shape quads a pass needs for {@code count} particles. */
    public static int shapeCapacity(final int count)
    {
        return count + 16;
    }

    public double[] newRenderState()
    {
        return new double[2];
    }

    public void init(final Init init)
    {
        font = init.defaultFont();
        trails = init.createTarget("effects trails", Math.max(1, width / 2), Math.max(1, height / 2));
        trailPass = init.addPass("trails", PassOrder.BEFORE_WORLD, 1, shapeCapacity(count)).target(trails);
        glowPass = init.addPass("glow", PassOrder.AFTER_WORLD, 1, 1)
            .shader(init.createShader("effects glow", VERTEX, FRAGMENT))
            .blend(BlendMode.ADDITIVE);
        timeUniform = glowPass.uniform("u_time");
        sparkPass = init.addPass("sparks", PassOrder.AFTER_WORLD, 1, shapeCapacity(count)).blend(BlendMode.ADDITIVE);
        panelPass = init.addPass("panel", PassOrder.AFTER_HUD, 64 * LINES, 4);
    }

    public void update(final Tick tick, final InputState input)
    {
        previousTime = time;
        time += tick.dtSeconds();
    }

    public void writeRenderState(final double[] state)
    {
        state[0] = previousTime;
        state[1] = time;
    }

    public void render(final double[] state, final Frame frame)
    {
        final double t = state[0] + (state[1] - state[0]) * frame.alpha();
        final int w = frame.framebufferWidth();
        final int h = frame.framebufferHeight();
        drawParticles(t, w, h);
        frame.shapes().rect(w * 0.5f - 1, 0, 2, h, Rgba.pack(40, 40, 48, 255));
        frame.shapes().rect(0, h * 0.5f - 1, w, 2, Rgba.pack(40, 40, 48, 255));
        glowPass.setFloat(timeUniform, (float)t);
        glowPass.sprites().draw(trails.region(), 0, 0, w, h, Rgba.WHITE);
        drawPanel(t, w);
    }

    /** Heads into the trail layer (after a fading veil over what it kept) and, additively, onto the screen. */
    private void drawParticles(final double t, final int w, final int h)
    {
        final float tw = trails.width();
        final float th = trails.height();
        trailPass.shapes().rect(0, 0, tw, th, Rgba.pack(0, 0, 0, 24));
        for (int i = 0; i < count; i++)
        {
            final double phase = i * 2.399963;
            final double speed = 0.3 + (i % 7) * 0.1;
            final double radius = 0.15 + 0.3 * ((i * 37) % 101) / 101.0 + 0.03 * Math.sin(t * 2 + i);
            final double angle = phase + t * speed;
            final float x = (float)(0.5 + radius * Math.cos(angle));
            final float y = (float)(0.5 + radius * Math.sin(angle));
            final int rgba = Rgba.pack(255, 80 + (i * 13) % 176, 40 + (i * 29) % 216, 255);
            trailPass.shapes().rect(x * tw - 0.5f, y * th - 0.5f, 1, 1, rgba);
            sparkPass.shapes().rect(x * w - 1, y * h - 1, 2, 2, Rgba.pack(255, 200, 120, 160));
        }
    }

    /** The panel: a background, and lines scrolling upwards inside its clip. */
    private void drawPanel(final double t, final int w)
    {
        final int x = w - PANEL_WIDTH - 4;
        final int y = 4;
        panelPass.shapes().rect(x, y, PANEL_WIDTH, PANEL_HEIGHT, PANEL_RGBA);
        panelPass.pushClip(x + PANEL_INSET, y + PANEL_INSET, PANEL_WIDTH - 2 * PANEL_INSET,
            PANEL_HEIGHT - 2 * PANEL_INSET);
        final int scroll = (int)(t * 12) % (LINES * LINE_HEIGHT);
        for (int line = 0; line < LINES; line++)
        {
            final float lineY = y + line * LINE_HEIGHT - scroll + (line * LINE_HEIGHT < scroll ? LINES * LINE_HEIGHT : 0);
            text.clear().append("particle ").append(line * 97 % count).append(" ok");
            font.draw(panelPass.sprites(), text, x + PANEL_INSET + 1, lineY, 1, Rgba.pack(200, 255, 200, 255));
        }
        panelPass.popClip();
    }
}
