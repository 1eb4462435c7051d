package dev.isochron.render.batch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import dev.isochron.engine.checked.CheckedMode;
import dev.isochron.engine.checked.GuardBand;
import org.lwjgl.system.MemoryUtil;

import static org.lwjgl.system.MemoryUtil.memGetFloat;
import static org.lwjgl.system.MemoryUtil.memGetLong;
import static org.lwjgl.system.MemoryUtil.memPutFloat;
import static org.lwjgl.system.MemoryUtil.memPutInt;
import static org.lwjgl.system.MemoryUtil.memPutLong;

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

    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    // per quad three 16-byte entries, one in each of three off-heap streams (pairs packed first-in-memory first):
    // geometry: x, y (where the origin lands), -originX, -originY (the top-left corner about the origin);
    // extent: -originX + w, -originY + h (the bottom-right corner), rotation in radians, rgba;
    // texture: u0, v0, u1, v1
    private static final int ENTRY_SHIFT = 4;
    private static final int STREAMS = 3;
    private static final int CACHE_LINE = 64;

    private final int capacity;
    private final boolean checked;
    private final long streamBytes;
    private final String[] streamNames;
    private final int[] sortKey;
    // the three streams of quad entries (see ENTRY_SHIFT) in one direct buffer
    private final ByteBuffer entryMemory;
    private final long geometry;
    private final long extent;
    private final long texture;
    private final int[] order;
    private final RadixSort sort;
    // the fourth stream (SpriteInstances): per quad the record's corners as 4 half floats, then its UVs as 4 unorm16;
    // 0 until a SpriteInstances wraps the batch
    private ByteBuffer instanceMemory;
    private long instance;

    private final int[] runKey;
    private final int[] runFirst;
    private final int[] runCount;

    private int count;
    private int outsideInstanceRange;
    private int runs;
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
            throw Messages.badCapacity(capacity);
        }
        this.capacity = capacity;
        this.checked = checked;
        sortKey = new int[capacity];
        // a direct buffer, freed with the batch by the GC; line-aligned so no 16-byte entry straddles two lines;
        // checked: [band][geometry][band][extent][band][texture][band], the bands a cache line each
        streamBytes = (long)capacity << ENTRY_SHIFT;
        final int band = checked ? GuardBand.BYTES : 0;
        entryMemory = ByteBuffer.allocateDirect((int)(STREAMS * (streamBytes + band) + band + CACHE_LINE - 1));
        geometry = ((MemoryUtil.memAddress(entryMemory) + CACHE_LINE - 1) & -CACHE_LINE) + band;
        extent = geometry + streamBytes + band;
        texture = extent + streamBytes + band;
        streamNames = checked ? Messages.streamNames() : null;
        if (checked)
        {
            GuardBand.fill(geometry - band, band);
            GuardBand.fill(extent - band, band);
            GuardBand.fill(texture - band, band);
            GuardBand.fill(texture + streamBytes, band);
        }
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
        outsideInstanceRange = 0;
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
            throw Messages.badLayer(layer);
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
            throw Messages.full(capacity);
        }
        if ((textureKey & ~MAX_TEXTURE_KEY) != 0)
        {
            checkTextureKey(textureKey);
        }
        prepared = false;
        sortKey[i] = layerBits | textureKey;
        final float lx0 = -originX;
        final float ly0 = -originY;
        final float lx1 = lx0 + w;
        final float ly1 = ly0 + h;
        final long entry = (long)i << ENTRY_SHIFT;
        if (instance != 0L)
        {
            packInstanceEntry(instance + entry, lx0, ly0, lx1, ly1, u0, v0, u1, v1);
        }
        memPutLong(geometry + entry, pack(x, y));
        memPutLong(geometry + entry + 8, pack(lx0, ly0));
        memPutLong(extent + entry, pack(lx1, ly1));
        memPutLong(extent + entry + 8, pack(bits(rotationRad), rgba & 0xFFFF_FFFFL));
        memPutLong(texture + entry, pack(u0, v0));
        memPutLong(texture + entry + 8, pack(u1, v1));
        count = i + 1;
    }

    /**
     * The instance stream's 16 bytes of one quad: the record's corners (offset 8) and UVs (offset 24), converted;
     * counts the quad when they do not fit.
     */
    private void packInstanceEntry(
        final long at,
        final float lx0, final float ly0, final float lx1, final float ly1,
        final float u0, final float v0, final float u1, final float v1)
    {
        if (!fitsInstanceRecord(lx0, ly0, lx1, ly1, u0, v0, u1, v1))
        {
            outsideInstanceRange++;
        }
        memPutLong(at, packShorts(SpriteInstanceLayout.halfBits(lx0), SpriteInstanceLayout.halfBits(ly0),
            SpriteInstanceLayout.halfBits(lx1), SpriteInstanceLayout.halfBits(ly1)));
        memPutLong(at + 8, packShorts(SpriteInstanceLayout.unorm16(u0), SpriteInstanceLayout.unorm16(v0),
            SpriteInstanceLayout.unorm16(u1), SpriteInstanceLayout.unorm16(v1)));
    }

    /**
     * Allocates the instance stream (16 bytes of direct memory per quad of capacity, guarded in checking mode) and
     * makes every later {@code draw} fill it; {@link SpriteInstances}' constructor calls it. Idempotent. Start-up.
     *
     * @throws IllegalStateException when quads are already recorded (they would have no record data).
     */
    void packInstanceRecords()
    {
        if (instance != 0L)
        {
            return;
        }
        if (count != 0)
        {
            throw Messages.recordedBeforeInstances(count);
        }
        final int band = checked ? GuardBand.BYTES : 0;
        instanceMemory = ByteBuffer.allocateDirect((int)(streamBytes + 2L * band + CACHE_LINE - 1));
        instance = ((MemoryUtil.memAddress(instanceMemory) + CACHE_LINE - 1) & -CACHE_LINE) + band;
        if (checked)
        {
            GuardBand.fill(instance - band, band);
            GuardBand.fill(instance + streamBytes, band);
        }
    }

    /** @return whether {@code draw} fills the instance stream (a {@link SpriteInstances} wraps the batch). */
    public boolean packsInstanceRecords()
    {
        return instance != 0L;
    }

    /**
     * Whether a quad's corners and UVs fit a {@link SpriteInstanceLayout} record: corners finite and at most
     * {@link SpriteInstanceLayout#MAX_CORNER} from the origin, UVs in [0, 1] (NaN fits nothing).
     */
    private static boolean fitsInstanceRecord(
        final float lx0, final float ly0, final float lx1, final float ly1,
        final float u0, final float v0, final float u1, final float v1)
    {
        final float max = SpriteInstanceLayout.MAX_CORNER;
        return Math.abs(lx0) <= max & Math.abs(ly0) <= max & Math.abs(lx1) <= max & Math.abs(ly1) <= max &
            u0 >= 0f & u0 <= 1f & v0 >= 0f & v0 <= 1f & u1 >= 0f & u1 <= 1f & v1 >= 0f & v1 <= 1f;
    }

    /**
     * @return quads recorded since the last {@link #clear()} whose corners or UVs a {@link SpriteInstanceLayout}
     * record cannot hold (a UV outside [0, 1], a corner farther than {@link SpriteInstanceLayout#MAX_CORNER} from the
     * origin or not finite); {@link SpriteInstances} draws a frame with any through the vertex path. Counted only
     * while the batch {@link #packsInstanceRecords() packs instance records} (0 otherwise).
     */
    public int quadsOutsideInstanceRange()
    {
        return outsideInstanceRange;
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
        final int band = GuardBand.BYTES;
        GuardBand.verify(streamNames[0], geometry, streamBytes, geometry - band, band);
        GuardBand.verify(streamNames[0], geometry, streamBytes, geometry + streamBytes, band);
        GuardBand.verify(streamNames[1], extent, streamBytes, extent + streamBytes, band);
        GuardBand.verify(streamNames[2], texture, streamBytes, texture + streamBytes, band);
        if (instance != 0L)
        {
            GuardBand.verify(streamNames[3], instance, streamBytes, instance - band, band);
            GuardBand.verify(streamNames[3], instance, streamBytes, instance + streamBytes, band);
        }
    }

    /** For tests of the guard bands: the start of the instance record stream, 0 when there is none. */
    long instanceStreamAddress()
    {
        return instance;
    }

    /** For tests of the guard bands: the start of the geometry entry stream (16 bytes per quad of capacity). */
    long geometryStreamAddress()
    {
        return geometry;
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
        final int[] order = this.order;
        final long geometry = this.geometry;
        final long extent = this.extent;
        final long texture = this.texture;
        long at = baseAddress + (long)start * QuadVertexLayout.BYTES_PER_QUAD;
        // the last angle's cos and sin, reused while quads share an angle (rotated text, a turning group)
        float angle = 0f;
        float cos = 1f;
        float sin = 0f;
        for (int d = start; d < stop; d++)
        {
            final long entry = (long)order[d] << ENTRY_SHIFT;
            final float px = memGetFloat(geometry + entry);
            final float py = memGetFloat(geometry + entry + 4);
            final float lx0 = memGetFloat(geometry + entry + 8);
            final float ly0 = memGetFloat(geometry + entry + 12);
            final float lx1 = memGetFloat(extent + entry);
            final float ly1 = memGetFloat(extent + entry + 4);
            final long angleRgba = memGetLong(extent + entry + 8);
            final float a = Float.intBitsToFloat((int)first(angleRgba));
            final long c = second(angleRgba);
            final long uv0 = memGetLong(texture + entry);
            final long uv1 = memGetLong(texture + entry + 8);
            if (a == 0f)
            {
                final float x0 = px + lx0;
                final float y0 = py + ly0;
                final float x1 = px + lx1;
                final float y1 = py + ly1;
                quad(at, x0, y0, x1, y0, x1, y1, x0, y1, uv0, uv1, c);
            }
            else
            {
                if (a != angle) // NaN never equals: recomputed, as it must be
                {
                    angle = a;
                    cos = (float)Math.cos(a);
                    sin = (float)Math.sin(a);
                }
                quad(at,
                    px + cos * lx0 - sin * ly0, py + sin * lx0 + cos * ly0,
                    px + cos * lx1 - sin * ly0, py + sin * lx1 + cos * ly0,
                    px + cos * lx1 - sin * ly1, py + sin * lx1 + cos * ly1,
                    px + cos * lx0 - sin * ly1, py + sin * lx0 + cos * ly1,
                    uv0, uv1, c);
            }
            at += QuadVertexLayout.BYTES_PER_QUAD;
        }
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
        final long instance = this.instance;
        if (instance == 0L)
        {
            throw Messages.noInstanceRecords();
        }
        final int n = count;
        final int start = QuadSource.sliceStart(n, sliceIndex, sliceCount);
        final int stop = QuadSource.sliceEnd(n, sliceIndex, sliceCount);
        final int[] order = this.order;
        final long geometry = this.geometry;
        final long extent = this.extent;
        long at = baseAddress + (long)start * SpriteInstanceLayout.BYTES_PER_INSTANCE;
        for (int d = start; d < stop; d++)
        {
            final long entry = (long)order[d] << ENTRY_SHIFT;
            final long xy = memGetLong(geometry + entry);
            final long angleRgba = memGetLong(extent + entry + 8);
            final long corners = memGetLong(instance + entry);
            final long uvs = memGetLong(instance + entry + 8);
            memPutLong(at, xy);
            memPutLong(at + 8, corners);
            memPutLong(at + 16, angleRgba);
            memPutLong(at + 24, uvs);
            at += SpriteInstanceLayout.BYTES_PER_INSTANCE;
        }
        return stop - start;
    }

    /** Four 16-bit values as the long whose native-order bytes are {@code a}'s, {@code b}'s, {@code c}'s, {@code d}'s. */
    private static long packShorts(final int a, final int b, final int c, final int d)
    {
        final long first = a & 0xFFFFL;
        final long second = b & 0xFFFFL;
        final long third = c & 0xFFFFL;
        final long fourth = d & 0xFFFFL;
        return LITTLE_ENDIAN ? first | second << 16 | third << 32 | fourth << 48 :
            first << 48 | second << 32 | third << 16 | fourth;
    }

    /**
     * The 80 bytes of one quad as ten 8-byte stores. Vertex k is (xk, yk, u, v, rgba) at
     * {@code at + 20k}; {@code uv0} packs (u0, v0) and {@code uv1} (u1, v1), first-in-memory first;
     * {@code c} is the colour's unsigned 32 bits.
     */
    private static void quad(
        final long at,
        final float x0, final float y0,
        final float x1, final float y1,
        final float x2, final float y2,
        final float x3, final float y3,
        final long uv0, final long uv1, final long c)
    {
        memPutLong(at, pack(x0, y0));
        memPutLong(at + 8, uv0);                                     // u0 v0
        memPutLong(at + 16, pack(c, bits(x1)));                      // rgba | x1
        memPutLong(at + 24, pack(bits(y1), first(uv1)));             // y1 u1
        memPutLong(at + 32, pack(second(uv0), c));                   // v0 rgba
        memPutLong(at + 40, pack(x2, y2));
        memPutLong(at + 48, uv1);                                    // u1 v1
        memPutLong(at + 56, pack(c, bits(x3)));                      // rgba | x3
        memPutLong(at + 64, pack(bits(y3), first(uv0)));             // y3 u0
        memPutLong(at + 72, pack(second(uv1), c));                   // v1 rgba
    }

    /** The unsigned 32 bits of {@code f}. */
    private static long bits(final float f)
    {
        return Float.floatToRawIntBits(f) & 0xFFFF_FFFFL;
    }

    /** Two floats as the long whose native-order bytes are {@code first}'s then {@code second}'s. */
    private static long pack(final float first, final float second)
    {
        return pack(bits(first), bits(second));
    }

    /** Two unsigned 32-bit values as the long whose native-order bytes are {@code first}'s then {@code second}'s. */
    private static long pack(final long first, final long second)
    {
        return LITTLE_ENDIAN ? first | (second << 32) : second | (first << 32);
    }

    /** The unsigned 32 bits stored first in memory of a {@link #pack}ed long. */
    private static long first(final long packed)
    {
        return LITTLE_ENDIAN ? packed & 0xFFFF_FFFFL : packed >>> 32;
    }

    /** The unsigned 32 bits stored second in memory of a {@link #pack}ed long. */
    private static long second(final long packed)
    {
        return LITTLE_ENDIAN ? packed >>> 32 : packed & 0xFFFF_FFFFL;
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
            throw Messages.badTextureKey(textureKey);
        }
    }

    private void checkPrepared()
    {
        if (!prepared)
        {
            throw Messages.notPrepared(count);
        }
    }

    /**
     * The error messages, in a class of their own so that SpriteBatch holds no String constant: the first C2
     * compile of a per-frame method would otherwise resolve them on the engine thread that calls it, mid-run (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static String[] streamNames()
        {
            return new String[] {"SpriteBatch geometry entries", "SpriteBatch extent entries",
                "SpriteBatch texture entries", "SpriteBatch instance record entries"};
        }

        static IllegalArgumentException badCapacity(final int capacity)
        {
            return new IllegalArgumentException("capacity must be in [1, 16777216], was " + capacity);
        }

        static IllegalArgumentException badLayer(final int layer)
        {
            return new IllegalArgumentException("layer must be in [0, " + MAX_LAYER + "], was " + layer);
        }

        static IllegalArgumentException badTextureKey(final int textureKey)
        {
            return new IllegalArgumentException(
                "textureKey must be in [0, " + MAX_TEXTURE_KEY + "], was " + textureKey);
        }

        static IllegalStateException notPrepared(final int count)
        {
            return new IllegalStateException("SpriteBatch.prepare() must run after the last draw and before " +
                "generate() or the runs are read (" + count + " quads recorded)");
        }

        static IllegalStateException recordedBeforeInstances(final int count)
        {
            return new IllegalStateException("wrap a SpriteBatch in SpriteInstances before recording into it: " +
                count + " quads are recorded without instance records");
        }

        static IllegalStateException noInstanceRecords()
        {
            return new IllegalStateException("SpriteBatch.generateInstances needs the instance records draw packs " +
                "once a SpriteInstances wraps the batch: construct new SpriteInstances(batch) before recording");
        }

        static IllegalStateException full(final int capacity)
        {
            return new IllegalStateException("SpriteBatch capacity of " + capacity +
                " quads per frame exceeded: construct the batch with a larger capacity");
        }
    }
}
