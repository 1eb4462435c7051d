package dev.isochron.render.batch;

import dev.isochron.engine.checked.CheckedMode;
import dev.isochron.engine.checked.GuardBand;

import static org.lwjgl.system.MemoryUtil.memPutFloat;
import static org.lwjgl.system.MemoryUtil.memPutInt;

/**
 * Records textured quads (sprites, glyphs) for one frame into preallocated storage (three 16-byte
 * off-heap entries per quad), sorts them by (layer, texture) with a stable radix sort, and
 * generates their vertices in disjoint slices straight into off-heap memory.
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
 * {@code prepare()} (the hand-off to other threads, e.g. a worker group's fork, must order the
 * recording before them). All of them are allocation-free. The entry memory is a direct buffer
 * owned by the batch and freed with it by the garbage collector.
 * <p>
 * <b>Instanced drawing.</b> Once a {@link SpriteInstances} wraps the batch (before anything is recorded), every
 * {@code draw} also converts the quad's corners to half floats and its UVs to normalised shorts into a fourth
 * 16-byte stream, and counts the quads those cannot hold ({@link #quadsOutsideInstanceRange()}), so that
 * {@link #generateInstances} only copies: the conversion is paid once, on the recording thread, and generation
 * approaches a plain copy. A batch no {@code SpriteInstances} wraps neither converts nor allocates the stream.
 * <p>
 * <b>Checking mode</b> ({@link CheckedMode}, or the constructor's flag): a {@link GuardBand} lies before, between and
 * after the three entry streams (and around the instance stream), and {@link #prepare()} (once per frame, after the
 * recording) verifies them all, so a store that left its stream is reported naming the stream, the offset and the
 * bytes found.
 */
public final class SpriteBatch implements QuadSource
{
    /** Largest texture key: keys are 16 bits wide in the sort key. */
    public static final int MAX_TEXTURE_KEY = 0xFFFF;
    /** Largest layer: layers are 15 bits wide in the sort key. */
    public static final int MAX_LAYER = 0x7FFF;

    private final int capacity;
    private final boolean checked;
    // the parts, one idea each: the three entry streams and the vertices made from them; the sort keys, the draw
    // order and its texture runs; the instance record stream; the error messages in SpriteBatchMessages
    private final SpriteEntries entries;
    private final SpriteDrawOrder drawOrder;
    // null until a SpriteInstances wraps the batch
    private InstanceRecordStream instances;

    private int count;
    private int layerBits;
    private boolean sortByTexture = true;
    private boolean prepared;

    /**
     * Allocates everything up front: about 48 bytes of direct memory (counted against
     * {@code -XX:MaxDirectMemorySize}) and 32 bytes of heap per quad of capacity.
     *
     * @param capacity most quads per frame, in [1, 2^24].
     */
    public SpriteBatch(final int capacity)
    {
        this(capacity, CheckedMode.ENABLED);
    }

    /**
     * As {@link #SpriteBatch(int)}; {@code checked} puts guard bands around the entry streams (see the class comment),
     * whatever {@link CheckedMode#ENABLED} says: {@value GuardBand#BYTES} more bytes per stream and one, verified at
     * every {@link #prepare()}.
     */
    public SpriteBatch(final int capacity, final boolean checked)
    {
        if (capacity < 1 || capacity > (1 << 24))
        {
            throw SpriteBatchMessages.badCapacity(capacity);
        }
        this.capacity = capacity;
        this.checked = checked;
        entries = new SpriteEntries(capacity, checked);
        drawOrder = new SpriteDrawOrder(capacity);
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
        if (instances != null)
        {
            instances.clear();
        }
        drawOrder.clear();
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
            throw SpriteBatchMessages.badLayer(layer);
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
            throw SpriteBatchMessages.full(capacity);
        }
        if ((textureKey & ~MAX_TEXTURE_KEY) != 0)
        {
            checkTextureKey(textureKey);
        }
        prepared = false;
        drawOrder.key(i, layerBits | textureKey);
        final float lx0 = -originX;
        final float ly0 = -originY;
        final float lx1 = lx0 + w;
        final float ly1 = ly0 + h;
        final InstanceRecordStream instances = this.instances;
        if (instances != null)
        {
            instances.put(i, lx0, ly0, lx1, ly1, u0, v0, u1, v1);
        }
        entries.put(i, x, y, lx0, ly0, lx1, ly1, rotationRad, rgba, u0, v0, u1, v1);
        count = i + 1;
    }

    /**
     * Allocates the instance stream (16 bytes of direct memory per quad of capacity, guarded in checking mode) and
     * makes every later {@code draw} fill it; {@link SpriteInstances}' constructor calls it. Idempotent. Start-up.
     *
     * @throws IllegalStateException when quads are already recorded (they would have no record data).
     */
    void packInstanceRecords()
    {
        if (instances != null)
        {
            return;
        }
        if (count != 0)
        {
            throw SpriteBatchMessages.recordedBeforeInstances(count);
        }
        instances = new InstanceRecordStream(capacity, checked);
    }

    /** @return whether {@code draw} fills the instance stream (a {@link SpriteInstances} wraps the batch). */
    public boolean packsInstanceRecords()
    {
        return instances != null;
    }

    /**
     * @return quads recorded since the last {@link #clear()} whose corners or UVs a {@link SpriteInstanceLayout}
     * record cannot hold (a UV outside [0, 1], a corner farther than {@link SpriteInstanceLayout#MAX_CORNER} from the
     * origin or not finite); {@link SpriteInstances} draws a frame with any through the vertex path. Counted only
     * while the batch {@link #packsInstanceRecords() packs instance records} (0 otherwise).
     */
    public int quadsOutsideInstanceRange()
    {
        return instances == null ? 0 : instances.outsideRange();
    }

    /**
     * {@inheritDoc} Sorts by (layer, texture) unless sorting is off, then finds the runs. In checking mode it first
     * verifies the entry streams' guard bands.
     *
     * @throws dev.isochron.engine.checked.GuardBandException in checking mode, when a store left its stream.
     */
    public void prepare()
    {
        if (checked)
        {
            verifyGuards();
        }
        drawOrder.sort(count, sortByTexture);
        prepared = true;
    }

    public int quadCount()
    {
        return count;
    }

    /** @return whether guard bands surround the entry streams (checking mode). */
    public boolean isChecked()
    {
        return checked;
    }

    /**
     * Verifies the guard bands around the three entry streams now; nothing without checking mode. Allocation-free.
     *
     * @throws dev.isochron.engine.checked.GuardBandException naming the stream, the offset and the bytes found.
     */
    public void verifyGuards()
    {
        if (!checked)
        {
            return;
        }
        entries.verifyGuards();
        if (instances != null)
        {
            instances.verifyGuards();
        }
    }

    /** For tests of the guard bands: the start of the instance record stream, 0 when there is none. */
    long instanceStreamAddress()
    {
        return instances == null ? 0L : instances.address();
    }

    /** For tests of the guard bands: the start of the geometry entry stream (16 bytes per quad of capacity). */
    long geometryStreamAddress()
    {
        return entries.geometry();
    }

    public int runCount()
    {
        checkPrepared();
        return drawOrder.runs();
    }

    public int runTextureKey(final int run)
    {
        return drawOrder.runTextureKey(run);
    }

    public int runFirstQuad(final int run)
    {
        return drawOrder.runFirstQuad(run);
    }

    public int runQuadCount(final int run)
    {
        return drawOrder.runQuadCount(run);
    }

    /**
     * @return the index (in submission order) of the quad drawn at position {@code drawIndex};
     * valid after {@link #prepare()}.
     */
    public int drawnQuad(final int drawIndex)
    {
        return drawOrder.drawnQuad(drawIndex);
    }

    /**
     * {@inheritDoc}
     * <p>
     * Per quad it reads three 16-byte entries (position and local corners, angle and colour,
     * texture coordinates, packed at {@code draw} time into three streams that the hardware
     * prefetcher follows in draw order) and writes the 80 bytes of its four vertices as ten
     * 8-byte stores; an angle of exactly 0 skips the sin and cos, and a quad with the same angle
     * as the one before reuses them. The floats are those of
     * {@code px + cos * lx - sin * ly} and {@code py + sin * lx + cos * ly} evaluated in that order,
     * so the bytes do not depend on the path taken or the slicing.
     */
    public int generate(final int sliceIndex, final int sliceCount, final long baseAddress)
    {
        checkPrepared();
        final int n = count;
        final int start = QuadSource.sliceStart(n, sliceIndex, sliceCount);
        final int stop = QuadSource.sliceEnd(n, sliceIndex, sliceCount);
        entries.writeVertices(drawOrder.order(), start, stop, baseAddress + (long)start * QuadVertexLayout.BYTES_PER_QUAD);
        return stop - start;
    }

    /**
     * Writes the {@link SpriteInstanceLayout} records of slice {@code sliceIndex} of {@code sliceCount} at
     * {@code baseAddress + firstQuad * BYTES_PER_INSTANCE}, in draw order, as {@link #generate} does with vertices:
     * slices are disjoint and any slicing produces the same bytes. Per quad it copies 32 bytes as four 8-byte loads
     * and stores: position, corners, angle with colour, UVs, each 8 bytes as {@code draw} stored them (the corners and
     * UVs converted there). No sin or cos: the vertex shader rotates. A quad outside the record's range
     * ({@link #quadsOutsideInstanceRange()}) is written clamped (UVs) or infinite (corners); draw a batch with any
     * through the vertex path ({@link SpriteInstances} does). Allocation-free.
     *
     * @param baseAddress where record 0 goes: at least {@code quadCount() * BYTES_PER_INSTANCE} writable bytes.
     * @return records written by this slice.
     * @throws IllegalStateException when no {@link SpriteInstances} wraps the batch (its draws packed no records).
     */
    public int generateInstances(final int sliceIndex, final int sliceCount, final long baseAddress)
    {
        checkPrepared();
        final InstanceRecordStream instances = this.instances;
        if (instances == null)
        {
            throw SpriteBatchMessages.noInstanceRecords();
        }
        final int n = count;
        final int start = QuadSource.sliceStart(n, sliceIndex, sliceCount);
        final int stop = QuadSource.sliceEnd(n, sliceIndex, sliceCount);
        instances.writeRecords(entries, drawOrder.order(), start, stop,
            baseAddress + (long)start * SpriteInstanceLayout.BYTES_PER_INSTANCE);
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
            throw SpriteBatchMessages.badTextureKey(textureKey);
        }
    }

    private void checkPrepared()
    {
        if (!prepared)
        {
            throw SpriteBatchMessages.notPrepared(count);
        }
    }
}
