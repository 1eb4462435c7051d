package dev.isochron.demo.effects;

import dev.isochron.input.event.EventListener;
import dev.isochron.input.event.MouseButtonEvent;
import dev.isochron.input.event.MouseMoveEvent;
import dev.isochron.input.keys.Actions;
import dev.isochron.input.keys.MouseButtons;
import dev.isochron.input.state.InputState;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.camera.Viewport;
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
import org.joml.Vector2f;

/**
 * The pass pipeline's demo: particles orbit the centre; their heads are drawn into a half-size trail layer that keeps
 * its contents and fades a little each frame (a render target fed back into a later sprite pass), that layer is drawn
 * over the world through a shader whose {@code u_time} uniform sweeps a colour wave across it, the heads themselves
 * are added on top with additive blending, and a panel on the right scrolls lines of text inside a clip rectangle.
 * <p>
 * The world is {@value #WORLD_WIDTH} x {@value #WORLD_HEIGHT} units shown through a {@link Viewport#fit} viewport:
 * whatever the window's shape, the world keeps its aspect, with bars beside or above it, and the world passes (the
 * default one, the glow and the sparks) draw into the viewport's rectangle. Dragging with the left button moves the
 * orbit's centre to the pointer: the input listener hears the button and the moves on the simulation thread, the
 * render state carries the pointer's window position, and the camera maps it into the world through the bars.
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
    /** The world's size, in world units: 16:9. */
    public static final int WORLD_WIDTH = 640;
    public static final int WORLD_HEIGHT = 360;
    /** The world's background, drawn inside the viewport so its bars show the kept aspect. */
    public static final int WORLD_RGBA = Rgba.pack(10, 12, 20, 255);
    /** The cross-hair through the orbit's centre. */
    public static final int CROSS_HAIR_RGBA = Rgba.pack(40, 40, 48, 255);
    private static final int LINES = 12;
    private static final int LINE_HEIGHT = 10;

    private final int count;
    private final int width;
    private final int height;
    private final TextBuffer text = new TextBuffer(32);
    private double time;
    private double previousTime;
    private RenderTarget trails;
    private RenderPass worldPass;
    private RenderPass trailPass;
    private RenderPass glowPass;
    private RenderPass sparkPass;
    private RenderPass panelPass;
    private int timeUniform;
    private Font font;
    private final Viewport viewport = Viewport.fit(WORLD_WIDTH, WORLD_HEIGHT);
    private final Vector2f pointer = new Vector2f();
    private float centreX = WORLD_WIDTH * 0.5f;
    private float centreY = WORLD_HEIGHT * 0.5f;
    // the simulation thread's side of the drag, written by the listener before each tick's update
    private boolean dragging;
    private double dragX;
    private double dragY;
    private final EventListener drag = new EventListener()
    {
        public void onMouseButton(final MouseButtonEvent event)
        {
            if (MouseButtons.LEFT == event.button())
            {
                dragging = Actions.PRESS == event.action();
            }
        }

        public void onMouseMove(final MouseMoveEvent event)
        {
            if (dragging)
            {
                dragX = event.x();
                dragY = event.y();
            }
        }
    };

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

    /** The left-button drag that moves the orbit's centre (simulation thread, allocation-free). */
    public EventListener inputListener()
    {
        return drag;
    }

    /** @return previous tick's time, latest tick's time, and the drag's window x and y (negative: none yet). */
    public double[] newRenderState()
    {
        return new double[] {0, 0, -1, -1};
    }

    public void init(final Init init)
    {
        font = init.defaultFont();
        worldPass = init.worldPass();
        trails = init.createTarget("effects trails", Math.max(1, width / 2), Math.max(1, height / 2));
        trailPass = init.addPass("trails", PassOrder.BEFORE_WORLD, 1, shapeCapacity(count)).target(trails);
        glowPass = init.addPass("glow", PassOrder.AFTER_WORLD, 1, 1)
            .shader(init.createShader("effects glow", FRAGMENT))
            .blend(BlendMode.ADDITIVE)
            .worldProjection();
        timeUniform = glowPass.uniform("u_time");
        sparkPass = init.addPass("sparks", PassOrder.AFTER_WORLD, 1, shapeCapacity(count)).blend(BlendMode.ADDITIVE)
            .worldProjection();
        dragX = -1;
        dragY = -1;
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
        state[2] = dragX;
        state[3] = dragY;
    }

    public void render(final double[] state, final Frame frame)
    {
        final double t = state[0] + (state[1] - state[0]) * frame.alpha();
        final int w = frame.framebufferWidth();
        final int h = frame.framebufferHeight();
        viewport.update(w, h).apply(frame.camera());
        placeWorldPass(worldPass);
        placeWorldPass(glowPass);
        placeWorldPass(sparkPass);
        if (state[2] >= 0)
        {
            frame.camera().unproject((float)state[2], (float)state[3], pointer);
            centreX = pointer.x;
            centreY = pointer.y;
        }
        frame.shapes().rect(0, 0, WORLD_WIDTH, WORLD_HEIGHT, WORLD_RGBA);
        drawParticles(t);
        // the cross-hair through the centre, two pixels wide whatever the world's scale on screen
        final float lineX = 2f * WORLD_WIDTH / viewport.screenWidth();
        final float lineY = 2f * WORLD_HEIGHT / viewport.screenHeight();
        frame.shapes().rect(centreX - lineX * 0.5f, 0, lineX, WORLD_HEIGHT, CROSS_HAIR_RGBA);
        frame.shapes().rect(0, centreY - lineY * 0.5f, WORLD_WIDTH, lineY, CROSS_HAIR_RGBA);
        glowPass.setFloat(timeUniform, (float)t);
        glowPass.sprites().draw(trails.region(), 0, 0, WORLD_WIDTH, WORLD_HEIGHT, Rgba.WHITE);
        drawPanel(t, w);
    }

    /** Draws the pass into the viewport's rectangle of the framebuffer (the bars stay the clear colour). */
    private void placeWorldPass(final RenderPass pass)
    {
        pass.viewport(viewport.screenX(), viewport.screenTop(), viewport.screenWidth(), viewport.screenHeight());
    }

    /** Heads into the trail layer (after a fading veil over what it kept) and, additively, onto the screen. */
    private void drawParticles(final double t)
    {
        final float tw = trails.width();
        final float th = trails.height();
        // two pixels on screen, whatever the world's scale
        final float spark = 2f * WORLD_WIDTH / viewport.screenWidth();
        trailPass.shapes().rect(0, 0, tw, th, Rgba.pack(0, 0, 0, 24));
        for (int i = 0; i < count; i++)
        {
            final double phase = i * 2.399963;
            final double speed = 0.3 + (i % 7) * 0.1;
            final double radius = 0.15 + 0.3 * ((i * 37) % 101) / 101.0 + 0.03 * Math.sin(t * 2 + i);
            final double angle = phase + t * speed;
            final float x = centreX + (float)(radius * WORLD_HEIGHT * Math.cos(angle));
            final float y = centreY + (float)(radius * WORLD_HEIGHT * Math.sin(angle));
            final int rgba = Rgba.pack(255, 80 + (i * 13) % 176, 40 + (i * 29) % 216, 255);
            trailPass.shapes().rect(x * tw / WORLD_WIDTH - 0.5f, y * th / WORLD_HEIGHT - 0.5f, 1, 1, rgba);
            sparkPass.shapes().rect(x - spark * 0.5f, y - spark * 0.5f, spark, spark, Rgba.pack(255, 200, 120, 160));
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
