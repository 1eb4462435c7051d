package dev.isochron.peer.gdx;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.OrthographicCamera;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.graphics.g2d.TextureRegion;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.NumberUtils;
import com.badlogic.gdx.utils.Pool;

/**
 * The demo's sprites scene in libGDX: {@code count} sprites of 4-10 px from one texture (the demo's atlas), rotating,
 * tinted and bouncing, placed and moved by the demo's {@code SpriteField} logic from the same seed, interpolated
 * between 120 Hz ticks; 720 sparks a second from an emitter on a Lissajous path, taken from and returned to a libGDX
 * {@link Pool}; and the one-line HUD on a dark panel. Drawn the idiomatic way: one {@link SpriteBatch} of the largest
 * size libGDX allows (8191 sprites a flush; the default is 1000), {@code setPackedColor} and
 * {@code draw(region, x, y, originX, originY, w, h, 1, 1, degrees)} per sprite; the panel with a
 * {@link ShapeRenderer}; the text with libGDX's default {@link BitmapFont}.
 * <p>
 * Thread: the render thread (libGDX's main thread) for everything.
 */
final class SpritesPeer implements PeerScene
{
    /** The demo's seed ({@code DemoRun.SEED}). */
    static final long SEED = 20_260_101L;
    /** Smallest sprite edge, px. */
    static final float MIN_SIZE_PX = 4f;
    /** Largest sprite edge, px. */
    static final float MAX_SIZE_PX = 10f;
    /** Most sparks alive at once, as the demo's pool. */
    static final int PARTICLE_CAPACITY = 4096;
    /** Sparks spawned per simulated second. */
    static final float SPARKS_PER_SECOND = 720f;
    /** Gravity on the sparks, px/s^2 (y grows downwards). */
    static final float GRAVITY = 240f;
    /** The largest SpriteBatch libGDX allows (its indices are shorts). */
    static final int BATCH_SIZE = 8191;

    private final int count;
    private final float[] x;
    private final float[] y;
    private final float[] angle;
    private final float[] previousX;
    private final float[] previousY;
    private final float[] previousAngle;
    private final float[] velocityX;
    private final float[] velocityY;
    private final float[] spin;
    private final float[] size;
    private final byte[] shape;
    private final float[] colour;

    private final Array<Spark> sparks = new Array<>(false, PARTICLE_CAPACITY);
    private final Pool<Spark> sparkPool = new Pool<Spark>(PARTICLE_CAPACITY, PARTICLE_CAPACITY)
    {
        @Override
        protected Spark newObject()
        {
            return new Spark();
        }
    };
    private final HudText hudText = new HudText();

    private float width;
    private float height;
    private OrthographicCamera camera;
    private SpriteBatch batch;
    private ShapeRenderer shapes;
    private BitmapFont font;
    private ShapeAtlas atlas;
    private TextureRegion sparkRegion;
    private float hudScale;
    private long sparkRandom = SEED + 1;
    private double timeSeconds;
    private long tick;
    private float sparkBudget;
    private long skippedSpawns;
    private long renderCalls;
    private long drawnFrames;

    /** @param count sprites, >= 1; every array is made here. */
    SpritesPeer(final int count, final int width, final int height)
    {
        this.count = count;
        x = new float[count];
        y = new float[count];
        angle = new float[count];
        previousX = new float[count];
        previousY = new float[count];
        previousAngle = new float[count];
        velocityX = new float[count];
        velocityY = new float[count];
        spin = new float[count];
        size = new float[count];
        shape = new byte[count];
        colour = new float[count];
        long random = SEED;
        for (int i = 0; i < count; i++)
        {
            random = Mixing.next(random);
            x[i] = Mixing.unit(random) * width;
            random = Mixing.next(random);
            y[i] = Mixing.unit(random) * height;
            random = Mixing.next(random);
            final float speed = 20f + Mixing.unit(random) * 140f;
            random = Mixing.next(random);
            final float direction = Mixing.unit(random) * Mixing.TWO_PI;
            velocityX[i] = speed * (float)Math.cos(direction);
            velocityY[i] = speed * (float)Math.sin(direction);
            random = Mixing.next(random);
            spin[i] = (Mixing.unit(random) - 0.5f) * 8f;
            random = Mixing.next(random);
            size[i] = MIN_SIZE_PX + Mixing.unit(random) * (MAX_SIZE_PX - MIN_SIZE_PX);
            random = Mixing.next(random);
            shape[i] = (byte)((random >>> 33) % ShapeAtlas.SHAPES);
            random = Mixing.next(random);
            final int r = 96 + (int)((random >>> 8) & 0x9F);
            final int g = 96 + (int)((random >>> 16) & 0x9F);
            final int b = 96 + (int)((random >>> 24) & 0x9F);
            colour[i] = NumberUtils.intToFloatColor(Mixing.pack(r, g, b, 255));
            previousX[i] = x[i];
            previousY[i] = y[i];
        }
    }

    // ---- initialisation -------------------------------------------------------------------------------------------

    @Override
    public void create(final int width, final int height, final FrameRecorder recorder)
    {
        this.width = width;
        this.height = height;
        camera = new OrthographicCamera();
        camera.setToOrtho(true, width, height);
        batch = new SpriteBatch(BATCH_SIZE);
        batch.setProjectionMatrix(camera.combined);
        shapes = new ShapeRenderer();
        shapes.setProjectionMatrix(camera.combined);
        font = new BitmapFont(true);
        hudScale = width >= 800 ? 2f : 1f;
        font.getData().setScale(hudScale);
        atlas = new ShapeAtlas(true);
        sparkRegion = atlas.region(0);
    }

    // ---- update ---------------------------------------------------------------------------------------------------

    @Override
    public void tick(final float dt, final long tickIndex, final long tickStartNs, final FrameRecorder recorder)
    {
        timeSeconds += dt;
        tick = tickIndex;
        final float emitterX = width * (0.5f + 0.35f * (float)Math.sin(timeSeconds * 0.9));
        final float emitterY = height * (0.5f + 0.3f * (float)Math.sin(timeSeconds * 1.3));
        stepSprites(dt);
        stepSparks(dt);
        sparkBudget += SPARKS_PER_SECOND * dt;
        final int spawn = (int)sparkBudget;
        sparkBudget -= spawn;
        spawnSparks(spawn, emitterX, emitterY);
    }

    private void stepSprites(final float dt)
    {
        System.arraycopy(x, 0, previousX, 0, count);
        System.arraycopy(y, 0, previousY, 0, count);
        System.arraycopy(angle, 0, previousAngle, 0, count);
        for (int i = 0; i < count; i++)
        {
            float px = x[i] + velocityX[i] * dt;
            float py = y[i] + velocityY[i] * dt;
            if (px < 0f)
            {
                px = -px;
                velocityX[i] = -velocityX[i];
            }
            else if (px > width)
            {
                px = Math.max(0f, 2f * width - px);
                velocityX[i] = -velocityX[i];
            }
            if (py < 0f)
            {
                py = -py;
                velocityY[i] = -velocityY[i];
            }
            else if (py > height)
            {
                py = Math.max(0f, 2f * height - py);
                velocityY[i] = -velocityY[i];
            }
            x[i] = px;
            y[i] = py;
            float a = angle[i] + spin[i] * dt;
            if (a > Mixing.TWO_PI)
            {
                a -= Mixing.TWO_PI;
            }
            else if (a < 0f)
            {
                a += Mixing.TWO_PI;
            }
            angle[i] = a;
        }
    }

    private void stepSparks(final float dt)
    {
        for (int i = sparks.size - 1; i >= 0; i--)
        {
            final Spark p = sparks.get(i);
            p.previousX = p.x;
            p.previousY = p.y;
            p.velocityY += GRAVITY * dt;
            p.x += p.velocityX * dt;
            p.y += p.velocityY * dt;
            p.lifeSeconds -= dt;
            if (p.lifeSeconds <= 0f)
            {
                sparks.removeIndex(i);
                sparkPool.free(p);
            }
        }
    }

    private void spawnSparks(final int spawn, final float atX, final float atY)
    {
        for (int i = 0; i < spawn; i++)
        {
            if (sparks.size == PARTICLE_CAPACITY)
            {
                skippedSpawns += spawn - i;
                return;
            }
            final Spark p = sparkPool.obtain();
            sparkRandom = Mixing.next(sparkRandom);
            final float direction = -1.5707964f + (Mixing.unit(sparkRandom) - 0.5f) * 1.6f;
            sparkRandom = Mixing.next(sparkRandom);
            final float speed = 80f + Mixing.unit(sparkRandom) * 160f;
            p.x = atX;
            p.y = atY;
            p.previousX = atX;
            p.previousY = atY;
            p.velocityX = speed * (float)Math.cos(direction);
            p.velocityY = speed * (float)Math.sin(direction);
            sparkRandom = Mixing.next(sparkRandom);
            p.maxLifeSeconds = 0.6f + Mixing.unit(sparkRandom) * 0.8f;
            p.lifeSeconds = p.maxLifeSeconds;
            p.rgba = (sparkRandom & 1) == 0 ? Mixing.pack(255, 200, 64, 255) : Mixing.pack(255, 96, 32, 255);
            sparks.add(p);
        }
    }

    // ---- draw -----------------------------------------------------------------------------------------------------

    @Override
    public void draw(final float alpha, final HudFigures figures)
    {
        Gdx.gl.glClearColor(0f, 0f, 0f, 1f);
        Gdx.gl.glClear(GL20.GL_COLOR_BUFFER_BIT);
        batch.begin();
        for (int i = 0; i < count; i++)
        {
            final float half = size[i] * 0.5f;
            final float cx = Mixing.lerp(previousX[i], x[i], alpha);
            final float cy = Mixing.lerp(previousY[i], y[i], alpha);
            final float degrees = Mixing.lerpAngle(previousAngle[i], angle[i], alpha) * com.badlogic.gdx.math.MathUtils.radiansToDegrees;
            batch.setPackedColor(colour[i]);
            batch.draw(atlas.region(shape[i]), cx - half, cy - half, half, half, size[i], size[i], 1f, 1f, degrees);
        }
        for (int i = 0, n = sparks.size; i < n; i++)
        {
            final Spark p = sparks.get(i);
            final float life = p.lifeSeconds / p.maxLifeSeconds;
            final float edge = 2f + 3f * life;
            final int faded = (p.rgba & 0x00FF_FFFF) | (Math.round(255f * life) << 24);
            batch.setPackedColor(NumberUtils.intToFloatColor(faded));
            batch.draw(sparkRegion, Mixing.lerp(p.previousX, p.x, alpha) - edge * 0.5f,
                Mixing.lerp(p.previousY, p.y, alpha) - edge * 0.5f, edge, edge);
        }
        batch.end();
        renderCalls += batch.renderCalls;

        // HUD: a dark panel and one line of text on top of the world
        Gdx.gl.glEnable(GL20.GL_BLEND);
        Gdx.gl.glBlendFunc(GL20.GL_SRC_ALPHA, GL20.GL_ONE_MINUS_SRC_ALPHA);
        shapes.begin(ShapeRenderer.ShapeType.Filled);
        shapes.setColor(0f, 0f, 0f, 200f / 255f);
        shapes.rect(0f, 0f, width, 8f + 10f * hudScale);
        shapes.end();
        batch.begin();
        batch.setColor(Color.WHITE);
        hudText.begin().append("sprites ").append(count).append("  sparks ").append(sparks.size)
            .append("  tick ").append(tick);
        font.draw(batch, hudText.end(figures), 8f, 4f);
        batch.end();
        renderCalls += batch.renderCalls;
        drawnFrames++;
    }

    @Override
    public void report(final PeerReport report)
    {
        report.extra("spriteBatchSize", BATCH_SIZE);
        report.extra("renderCallsPerFrame", drawnFrames == 0 ? 0.0 : renderCalls / (double)drawnFrames);
        report.extra("sparksAlive", sparks.size);
        report.extra("sparkSpawnsSkipped", skippedSpawns);
    }

    // ---- de-initialisation ----------------------------------------------------------------------------------------

    @Override
    public void dispose()
    {
        if (null != batch)
        {
            batch.dispose();
            shapes.dispose();
            font.dispose();
            atlas.dispose();
        }
    }

    /** One spark, pooled: valid between obtain and free. */
    static final class Spark implements Pool.Poolable
    {
        float x;
        float y;
        float previousX;
        float previousY;
        float velocityX;
        float velocityY;
        float lifeSeconds;
        float maxLifeSeconds;
        int rgba;

        @Override
        public void reset()
        {
            x = 0f;
            y = 0f;
            previousX = 0f;
            previousY = 0f;
            velocityX = 0f;
            velocityY = 0f;
            lifeSeconds = 0f;
            maxLifeSeconds = 0f;
            rgba = 0;
        }
    }
}
