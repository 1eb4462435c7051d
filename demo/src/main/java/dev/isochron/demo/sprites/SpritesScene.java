package dev.isochron.demo.sprites;

import java.util.ArrayList;
import java.util.List;

import dev.isochron.demo.scene.HudLine;
import dev.isochron.demo.scene.NaiveInputHandoff;
import dev.isochron.demo.scene.ProceduralAtlas;
import dev.isochron.input.state.InputState;
import dev.isochron.render.batch.AtlasRegion;
import dev.isochron.render.batch.Interpolation;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;
import dev.isochron.render.runtime.Application;
import dev.isochron.render.runtime.Frame;
import dev.isochron.render.runtime.Init;
import dev.isochron.render.runtime.Tick;
import dev.isochron.render.text.Font;

/**
 * The sprites scene: {@code count} small sprites from a procedural atlas bouncing and rotating,
 * interpolated between ticks, and a fountain of sparks (spawned and retired through an object
 * pool) that follows the mouse while it is inside the window, else a Lissajous path.
 * <p>
 * Engine mode allocates nothing per tick or frame. Naive mode draws the same picture the way the
 * stalls arise: per input event a new object and a lambda on an executor, per frame a new list of
 * boxed interpolated points and a {@code String.format} HUD line.
 * <p>
 * Threads: see {@link Application}.
 */
public final class SpritesScene implements Application<SpritesState>
{
    /** Most sparks alive at once. */
    public static final int PARTICLE_CAPACITY = 4096;
    /** Sparks spawned per tick at the default 120 Hz (720 per second, whatever the tick rate). */
    public static final int SPARKS_PER_TICK = 6;
    /** Sparks spawned per second of simulated time. */
    public static final float SPARKS_PER_SECOND = 720f;
    /** Quads the scene needs in the world sprite batch besides the sprites (sparks, text). */
    public static final int EXTRA_QUADS = PARTICLE_CAPACITY + 1024;
    private static final int HUD_PANEL = Rgba.pack(0, 0, 0, 200);

    private final int count;
    private final int softwareCount;
    private final boolean naive;
    private final float worldWidth;
    private final float worldHeight;
    private final SpriteField field;
    private final ParticleSystem particles;
    private final HudLine hud = new HudLine();
    private final NaiveInputHandoff naiveInput;

    private ProceduralAtlas atlas;
    private Texture texture;
    private AtlasRegion[] regions;
    private AtlasRegion spark;
    private Font font;
    private double timeSeconds;
    private long tickIndex;
    private float emitterX;
    private float emitterY;
    private float sparkBudget;

    /**
     * @param count       sprites, >= 0.
     * @param worldWidth  width of the box the sprites bounce in, pixels (the framebuffer's).
     * @param worldHeight its height.
     * @param naive       true for the naive mode.
     * @param seed        seeds positions, velocities and colours.
     */
    public SpritesScene(final int count, final float worldWidth, final float worldHeight, final boolean naive, final long seed)
    {
        this(count, -1, worldWidth, worldHeight, naive, seed);
    }

    /**
     * @param count         sprites, >= 0.
     * @param softwareCount the sprites drawn instead when GL turns out to be a CPU rasteriser
     *                      ({@link Init#isSoftwareRenderer()}), said once on standard output; negative for none.
     * @param worldWidth    width of the box the sprites bounce in, pixels (the framebuffer's).
     * @param worldHeight   its height.
     * @param naive         true for the naive mode.
     * @param seed          seeds positions, velocities and colours.
     */
    public SpritesScene(final int count, final int softwareCount, final float worldWidth, final float worldHeight,
        final boolean naive, final long seed)
    {
        this.count = count;
        this.softwareCount = softwareCount;
        this.naive = naive;
        this.worldWidth = worldWidth;
        this.worldHeight = worldHeight;
        field = new SpriteField(count, worldWidth, worldHeight, seed);
        particles = new ParticleSystem(PARTICLE_CAPACITY, seed + 1);
        naiveInput = naive ? new NaiveInputHandoff() : null;
        emitterX = worldWidth * 0.5f;
        emitterY = worldHeight * 0.5f;
    }

    /** @return quads the world sprite batch needs for {@code count} sprites. */
    public static int spriteCapacity(final int count)
    {
        return count + EXTRA_QUADS;
    }

    // ---- initialisation -------------------------------------------------------------------------------------------

    /** {@inheritDoc} */
    public SpritesState newRenderState()
    {
        return new SpritesState(count, PARTICLE_CAPACITY);
    }

    /** {@inheritDoc} Draws the atlas procedurally and registers it. */
    public void init(final Init init)
    {
        atlas = new ProceduralAtlas();
        if (init.hasGl())
        {
            texture = Texture.fromRgba("sprites-atlas", ProceduralAtlas.WIDTH, ProceduralAtlas.HEIGHT, atlas.rgba(),
                TextureFilter.LINEAR, TextureWrap.CLAMP_TO_EDGE);
        }
        useAtlas(init.registerTexture(texture));
        font = init.defaultFont();
        if (softwareCount >= 0 && softwareCount < count && init.isSoftwareRenderer())
        {
            field.activate(softwareCount);
            System.out.printf("sprites: %s draws on the CPU: %,d of %,d sprites so that the scene stays smooth; " +
                "give --count %d to draw them all%n", init.glRenderer(), softwareCount, count, count);
        }
    }

    /** Names the atlas regions under {@code textureKey} (init; tests without GL). */
    void useAtlas(final int textureKey)
    {
        regions = ProceduralAtlas.regions(textureKey);
        spark = regions[0];
    }

    // ---- update ---------------------------------------------------------------------------------------------------

    /** {@inheritDoc} Allocation-free in engine mode. */
    public void update(final Tick tick, final InputState input)
    {
        final float dt = (float)tick.dtSeconds();
        timeSeconds += dt;
        tickIndex = tick.index();
        double mouseX = input.mouseX();
        double mouseY = input.mouseY();
        boolean pointerKnown = input.isCursorInside() || input.eventsThisTick() > 0;
        if (naive)
        {
            naiveInput.submit(input, tick.index());
            naiveInput.applyPosted();
            mouseX = naiveInput.mouseX();
            mouseY = naiveInput.mouseY();
            pointerKnown = !Double.isNaN(mouseX);
        }
        if (pointerKnown && mouseX >= 0 && mouseY >= 0 && mouseX <= worldWidth && mouseY <= worldHeight)
        {
            emitterX = (float)mouseX;
            emitterY = (float)mouseY;
        }
        else
        {
            emitterX = worldWidth * (0.5f + 0.35f * (float)Math.sin(timeSeconds * 0.9));
            emitterY = worldHeight * (0.5f + 0.3f * (float)Math.sin(timeSeconds * 1.3));
        }
        field.step(dt, worldWidth, worldHeight);
        particles.step(dt);
        sparkBudget += SPARKS_PER_SECOND * dt;
        final int sparks = (int)sparkBudget;
        sparkBudget -= sparks;
        particles.spawn(sparks, emitterX, emitterY);
    }

    /** {@inheritDoc} Allocation-free. */
    public void writeRenderState(final SpritesState dest)
    {
        field.copyTo(dest);
        particles.copyTo(dest);
        dest.tick = tickIndex;
        dest.spawned = particles.spawned();
        dest.retired = particles.retired();
    }

    // ---- draw -----------------------------------------------------------------------------------------------------

    /** {@inheritDoc} Allocation-free in engine mode. */
    public void render(final SpritesState state, final Frame frame)
    {
        drawWorld(state, (float)frame.alpha(), frame.sprites());
        drawHud(state, frame);
    }

    /** Draws the sprites and sparks interpolated by {@code alpha}. Allocation-free in engine mode. */
    void drawWorld(final SpritesState state, final float alpha, final SpriteBatch batch)
    {
        if (naive)
        {
            drawNaive(state, alpha, batch);
        }
        else
        {
            for (int i = 0, n = state.spriteCount; i < n; i++)
            {
                drawSprite(batch, state, i,
                    Interpolation.lerp(state.previousX[i], state.x[i], alpha),
                    Interpolation.lerp(state.previousY[i], state.y[i], alpha),
                    Interpolation.lerpAngle(state.previousAngle[i], state.angle[i], alpha));
            }
        }
        drawSparks(state, alpha, batch);
    }

    private void drawSprite(
        final SpriteBatch batch, final SpritesState state, final int i, final float x, final float y, final float angle)
    {
        final float size = state.size[i];
        final float half = size * 0.5f;
        batch.draw(regions[state.shape[i]], x, y, size, size, half, half, angle, state.rgba[i]);
    }

    private void drawSparks(final SpritesState state, final float alpha, final SpriteBatch batch)
    {
        for (int i = 0, n = state.particleCount; i < n; i++)
        {
            final float life = state.particleLife[i];
            final float size = 2f + 3f * life;
            final int rgba = state.particleRgba[i];
            final int faded = (rgba & 0x00FF_FFFF) | (Math.round(255f * life) << 24);
            batch.draw(spark,
                Interpolation.lerp(state.particlePreviousX[i], state.particleX[i], alpha) - size * 0.5f,
                Interpolation.lerp(state.particlePreviousY[i], state.particleY[i], alpha) - size * 0.5f,
                size, size, faded);
        }
    }

    private void drawHud(final SpritesState state, final Frame frame)
    {
        final float scale = frame.framebufferWidth() >= 800 ? 2f : 1f;
        frame.hudShapes().rect(0f, 0f, frame.framebufferWidth(), 8f + 10f * scale, HUD_PANEL);
        if (naive)
        {
            final String line = HudLine.naive(String.format("sprites %d  sparks %d  tick %d  [naive]",
                state.spriteCount, state.particleCount, state.tick), frame.stats());
            frame.hudText(font, line, 8f, 4f, scale, Rgba.WHITE);
        }
        else
        {
            hud.begin().append("sprites ").append(state.spriteCount)
                .append("  sparks ").append(state.particleCount)
                .append("  tick ").append(state.tick);
            frame.hudText(font, hud.engine(frame.stats()), 8f, 4f, scale, Rgba.WHITE);
        }
    }

    /** The naive draw: a new list of boxed interpolated points every frame, then drawn from the list. */
    private void drawNaive(final SpritesState state, final float alpha, final SpriteBatch batch)
    {
        final int n = state.spriteCount;
        final List<Float> points = new ArrayList<>();
        for (int i = 0; i < n; i++)
        {
            points.add(Interpolation.lerp(state.previousX[i], state.x[i], alpha));
            points.add(Interpolation.lerp(state.previousY[i], state.y[i], alpha));
            points.add(Interpolation.lerpAngle(state.previousAngle[i], state.angle[i], alpha));
        }
        for (int i = 0; i < n; i++)
        {
            drawSprite(batch, state, i, points.get(3 * i), points.get(3 * i + 1), points.get(3 * i + 2));
        }
    }

    // ---- de-initialisation ----------------------------------------------------------------------------------------

    /** {@inheritDoc} */
    public void dispose()
    {
        if (null != texture)
        {
            texture.close();
            texture = null;
        }
        if (null != naiveInput)
        {
            naiveInput.close();
        }
    }

    /** @return the sparks, for tests. */
    ParticleSystem particles()
    {
        return particles;
    }
}
