package dev.isochron.render.batch;

import static org.lwjgl.system.MemoryUtil.memPutFloat;
import static org.lwjgl.system.MemoryUtil.memPutInt;

/**
 * Records textured quads (sprites, glyphs) for one frame into preallocated struct-of-arrays
 * storage, sorts them by (layer, texture) with a stable radix sort, and generates their vertices
 * in disjoint slices straight into off-heap memory.
 * <p>
 * <b>Order.</b> Draws are sorted by layer first, then by texture key, and keep submission order
 * among equal (layer, texture) pairs. So within a layer, sprites of different textures may be
 * reordered to make one draw call per texture; put what must appear on top (a HUD, text) on a
 * higher {@link #layer(int) layer}. With {@link #sortByTexture(boolean) sortByTexture(false)} the
 * submission order is kept exactly and a run ends at every texture change.
 * <p>
 * <b>Capacity.</b> Fixed at construction ({@code capacity} quads per frame). Exceeding it throws
 * {@link IllegalStateException} naming the capacity: the frame's vertex memory is sized from it,
 * so a silent flush mid-frame is not possible when the vertices are written later by workers.
 * Size it for the worst frame.
 * <p>
 * <b>Threads and allocation.</b> Recording, {@link #prepare()} and {@link #clear()} run on one
 * thread; {@link #generate(int, int, long)} may run concurrently for distinct slices after
 * {@code prepare()}. All of them are allocation-free.
 */
public final class SpriteBatch implements QuadSource
{
    /** Largest texture key: keys are 16 bits wide in the sort key. */
    public static final int MAX_TEXTURE_KEY = 0xFFFF;
    /** Largest layer: layers are 15 bits wide in the sort key. */
    public static final int MAX_LAYER = 0x7FFF;

    private final int capacity;
    private final int[] sortKey;
    private final float[] x;
    private final float[] y;
    private final float[] width;
    private final float[] height;
    private final float[] originX;
    private final float[] originY;
    private final float[] rotation;
    private final float[] u0;
    private final float[] v0;
    private final float[] u1;
    private final float[] v1;
    private final int[] rgba;
    private final int[] order;
    private final RadixSort sort;

    private final int[] runKey;
    private final int[] runFirst;
    private final int[] runCount;

    private int count;
    private int runs;
    private int layerBits;
    private boolean sortByTexture = true;
    private boolean prepared;

    /**
     * @param capacity most quads per frame, in [1, 2^24].
     */
    public SpriteBatch(final int capacity)
    {
        if (capacity < 1 || capacity > (1 << 24))
        {
            throw new IllegalArgumentException("capacity must be in [1, 16777216], was " + capacity);
        }
        this.capacity = capacity;
        sortKey = new int[capacity];
        x = new float[capacity];
        y = new float[capacity];
        width = new float[capacity];
        height = new float[capacity];
        originX = new float[capacity];
        originY = new float[capacity];
        rotation = new float[capacity];
        u0 = new float[capacity];
        v0 = new float[capacity];
        u1 = new float[capacity];
        v1 = new float[capacity];
        rgba = new int[capacity];
        order = new int[capacity];
        sort = new RadixSort(capacity);
        runKey = new int[capacity];
        runFirst = new int[capacity];
        runCount = new int[capacity];
    }

    /** @return most quads per frame. */
    public int capacity()
    {
        return capacity;
    }

    /** @return quads recorded since the last {@link #clear()}. */
    public int size()
    {
        return count;
    }

    /**
     * Starts a new frame: forgets the recorded quads and resets the layer to 0. Allocation-free.
     */
    public void clear()
    {
        count = 0;
        runs = 0;
        layerBits = 0;
        prepared = false;
    }

    /**
     * Sets the layer of the quads recorded from now on; higher layers draw later (on top).
     *
     * @param layer in [0, {@link #MAX_LAYER}].
     * @return this.
     */
    public SpriteBatch layer(final int layer)
    {
        if (layer < 0 || layer > MAX_LAYER)
        {
            throw new IllegalArgumentException("layer must be in [0, " + MAX_LAYER + "], was " + layer);
        }
        layerBits = layer << 16;
        return this;
    }

    /**
     * Chooses whether {@link #prepare()} groups quads by texture within a layer (default true) or
     * keeps the exact submission order.
     *
     * @return this.
     */
    public SpriteBatch sortByTexture(final boolean sortByTexture)
    {
        this.sortByTexture = sortByTexture;
        return this;
    }

    /**
     * Records a sprite showing {@code region}, {@code w x h} world units large, rotated by
     * {@code rotationRad} about its origin. {@code (x, y)} is where the origin lands in the world;
     * the origin is given relative to the sprite's top-left corner (0, 0 = top-left, w/2, h/2 =
     * centre). Allocation-free.
     *
     * @throws IllegalStateException when the batch already holds {@link #capacity()} quads.
     */
    public void draw(
        final AtlasRegion region,
        final float x,
        final float y,
        final float w,
        final float h,
        final float originX,
        final float originY,
        final float rotationRad,
        final int rgba)
    {
        draw(region.textureKey(), region.u0(), region.v0(), region.u1(), region.v1(),
            x, y, w, h, originX, originY, rotationRad, rgba);
    }

    /**
     * Records an axis-aligned sprite with its top-left corner at {@code (x, y)}. Allocation-free.
     *
     * @throws IllegalStateException when the batch is full.
     */
    public void draw(final AtlasRegion region, final float x, final float y, final float w, final float h, final int rgba)
    {
        draw(region.textureKey(), region.u0(), region.v0(), region.u1(), region.v1(), x, y, w, h, 0f, 0f, 0f, rgba);
    }

    /**
     * Records a sprite between two simulation ticks: position and angle are blended from the
     * previous tick's to the current tick's by {@code alpha} in [0, 1] (the fixed-step loop's
     * interpolation factor), the angle along the shorter arc ({@link Interpolation#lerpAngle}).
     * Allocation-free.
     *
     * @throws IllegalStateException when the batch is full.
     */
    public void drawInterpolated(
        final AtlasRegion region,
        final float previousX,
        final float previousY,
        final float previousRotationRad,
        final float currentX,
        final float currentY,
        final float currentRotationRad,
        final float alpha,
        final float w,
        final float h,
        final float originX,
        final float originY,
        final int rgba)
    {
        draw(region.textureKey(), region.u0(), region.v0(), region.u1(), region.v1(),
            Interpolation.lerp(previousX, currentX, alpha),
            Interpolation.lerp(previousY, currentY, alpha),
            w, h, originX, originY,
            Interpolation.lerpAngle(previousRotationRad, currentRotationRad, alpha),
            rgba);
    }

    /**
     * Records a quad of texture {@code textureKey} showing texture coordinates
     * {@code (u0, v0)-(u1, v1)}; otherwise as {@link #draw(AtlasRegion, float, float, float, float,
     * float, float, float, int)}. Allocation-free.
     *
     * @throws IllegalStateException when the batch is full.
     */
    public void draw(
        final int textureKey,
        final float u0,
        final float v0,
        final float u1,
        final float v1,
        final float x,
        final float y,
        final float w,
        final float h,
        final float originX,
        final float originY,
        final float rotationRad,
        final int rgba)
    {
        final int i = count;
        if (i == capacity)
        {
            throw full();
        }
        if ((textureKey & ~MAX_TEXTURE_KEY) != 0)
        {
            checkTextureKey(textureKey);
        }
        prepared = false;
        sortKey[i] = layerBits | textureKey;
        this.x[i] = x;
        this.y[i] = y;
        width[i] = w;
        height[i] = h;
        this.originX[i] = originX;
        this.originY[i] = originY;
        rotation[i] = rotationRad;
        this.u0[i] = u0;
        this.v0[i] = v0;
        this.u1[i] = u1;
        this.v1[i] = v1;
        this.rgba[i] = rgba;
        count = i + 1;
    }

    /** {@inheritDoc} Sorts by (layer, texture) unless sorting is off, then finds the runs. */
    public void prepare()
    {
        final int n = count;
        if (sortByTexture)
        {
            sort.sortIndices(sortKey, n, order);
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }
        }
        int r = -1;
        int previous = -1;
        for (int i = 0; i < n; i++)
        {
            final int texture = sortKey[order[i]] & MAX_TEXTURE_KEY;
            if (texture != previous)
            {
                r++;
                runKey[r] = texture;
                runFirst[r] = i;
                runCount[r] = 0;
                previous = texture;
            }
            runCount[r]++;
        }
        runs = r + 1;
        prepared = true;
    }

    public int quadCount()
    {
        return count;
    }

    public int runCount()
    {
        checkPrepared();
        return runs;
    }

    public int runTextureKey(final int run)
    {
        return runKey[run];
    }

    public int runFirstQuad(final int run)
    {
        return runFirst[run];
    }

    public int runQuadCount(final int run)
    {
        return runCount[run];
    }

    /**
     * @return the index (in submission order) of the quad drawn at position {@code drawIndex};
     * valid after {@link #prepare()}.
     */
    public int drawnQuad(final int drawIndex)
    {
        return order[drawIndex];
    }

    public int generate(final int sliceIndex, final int sliceCount, final long baseAddress)
    {
        checkPrepared();
        final int n = count;
        final int start = QuadSource.sliceStart(n, sliceIndex, sliceCount);
        final int stop = QuadSource.sliceEnd(n, sliceIndex, sliceCount);
        long at = baseAddress + (long)start * QuadVertexLayout.BYTES_PER_QUAD;
        for (int d = start; d < stop; d++)
        {
            final int i = order[d];
            final float px = x[i];
            final float py = y[i];
            final float lx0 = -originX[i];
            final float ly0 = -originY[i];
            final float lx1 = lx0 + width[i];
            final float ly1 = ly0 + height[i];
            final float a = rotation[i];
            final float ta = u0[i];
            final float tb = v0[i];
            final float tc = u1[i];
            final float td = v1[i];
            final int c = rgba[i];
            if (a == 0f)
            {
                vertex(at, px + lx0, py + ly0, ta, tb, c);
                vertex(at + 20, px + lx1, py + ly0, tc, tb, c);
                vertex(at + 40, px + lx1, py + ly1, tc, td, c);
                vertex(at + 60, px + lx0, py + ly1, ta, td, c);
            }
            else
            {
                final float cos = (float)Math.cos(a);
                final float sin = (float)Math.sin(a);
                vertex(at, px + cos * lx0 - sin * ly0, py + sin * lx0 + cos * ly0, ta, tb, c);
                vertex(at + 20, px + cos * lx1 - sin * ly0, py + sin * lx1 + cos * ly0, tc, tb, c);
                vertex(at + 40, px + cos * lx1 - sin * ly1, py + sin * lx1 + cos * ly1, tc, td, c);
                vertex(at + 60, px + cos * lx0 - sin * ly1, py + sin * lx0 + cos * ly1, ta, td, c);
            }
            at += QuadVertexLayout.BYTES_PER_QUAD;
        }
        return stop - start;
    }

    static void vertex(final long at, final float x, final float y, final float u, final float v, final int rgba)
    {
        memPutFloat(at, x);
        memPutFloat(at + 4, y);
        memPutFloat(at + 8, u);
        memPutFloat(at + 12, v);
        memPutInt(at + 16, rgba);
    }

    static void checkTextureKey(final int textureKey)
    {
        if (textureKey < 0 || textureKey > MAX_TEXTURE_KEY)
        {
            throw new IllegalArgumentException(
                "textureKey must be in [0, " + MAX_TEXTURE_KEY + "], was " + textureKey);
        }
    }

    private void checkPrepared()
    {
        if (!prepared)
        {
            throw new IllegalStateException("SpriteBatch.prepare() must run after the last draw and before " +
                "generate() or the runs are read (" + count + " quads recorded)");
        }
    }

    private IllegalStateException full()
    {
        return new IllegalStateException("SpriteBatch capacity of " + capacity +
            " quads per frame exceeded: construct the batch with a larger capacity");
    }
}
