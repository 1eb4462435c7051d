package dev.isochron.render.batch;

/**
 * Records untextured shapes for one frame — lines with width, filled and outlined rectangles,
 * filled and outlined circles, polylines with mitred joins (chart series of many points) — as
 * quads in preallocated arrays, and generates their vertices in disjoint slices into off-heap
 * memory. Every quad samples the renderer's 1x1 white texel ({@link #WHITE_TEXTURE_KEY}), so the
 * vertex colour is the pixel colour; shapes share the {@link QuadVertexLayout} and the shader of
 * sprites and draw as one run.
 * <p>
 * Geometry is computed when a shape is recorded (a few multiplies per quad; circles call
 * {@code Math.sin/cos} per segment); generation only copies. Quads draw in recording order.
 * <p>
 * <b>Capacity.</b> {@code capacity} quads per frame: a line or filled rectangle is 1 quad, an
 * outlined rectangle 4, a filled circle of {@code s} segments {@code (s + 1) / 2}, an outlined
 * circle {@code s}, a polyline of {@code n} points {@code n - 1}. A shape that does not fit
 * throws {@link IllegalStateException} naming the capacity and nothing of it is recorded.
 * <p>
 * <b>Argument order</b>, the same for every shape: the geometry first (points, corner and size, centre and
 * radius), then a circle's {@code segments}, then the stroke's width ({@code width} of a line or polyline,
 * {@code thickness} of an outline) for the shapes that have one, and the colour last. So a filled shape and its
 * outline take the same leading arguments and the outline adds its stroke right before the colour:
 * {@code circle(cx, cy, radius, segments, rgba)} and {@code circleOutline(cx, cy, radius, segments, thickness, rgba)},
 * {@code rect(x, y, w, h, rgba)} and {@code rectOutline(x, y, w, h, thickness, rgba)}, {@code line(x0, y0, x1, y1,
 * width, rgba)}, {@code polyline(xy, firstPoint, pointCount, width, rgba)}.
 * <p>
 * Threads and allocation as for {@link SpriteBatch}: one recording thread; slices may be
 * generated concurrently after {@link #prepare()}; all allocation-free.
 */
public final class ShapeBatch implements QuadSource
{
    /** Texture key the renderer reserves for its 1x1 opaque white texture. */
    public static final int WHITE_TEXTURE_KEY = 0;
    /** Most segments of one circle. */
    public static final int MAX_CIRCLE_SEGMENTS = 4096;
    /** A mitre longer than this many half-widths is clamped, so sharp turns do not spike. */
    public static final float MITER_LIMIT = 4f;

    private static final float WHITE_U = 0.5f;
    private static final float WHITE_V = 0.5f;
    private static final float TWO_PI = (float)(2.0 * Math.PI);

    private final int capacity;
    private final float[] xy;
    private final int[] rgba;
    private int count;
    private boolean prepared;

    /**
     * @param capacity most quads per frame, in [1, 2^24].
     */
    public ShapeBatch(final int capacity)
    {
        if (capacity < 1 || capacity > (1 << 24))
        {
            throw Messages.badCapacity(capacity);
        }
        this.capacity = capacity;
        xy = new float[capacity * 8];
        rgba = new int[capacity];
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

    /** Starts a new frame. Allocation-free. */
    public void clear()
    {
        count = 0;
        prepared = false;
    }

    /**
     * Records a quad with the given corners (in drawing order around the quad). Allocation-free.
     *
     * @throws IllegalStateException when the batch is full.
     */
    public void quad(
        final float x0, final float y0,
        final float x1, final float y1,
        final float x2, final float y2,
        final float x3, final float y3,
        final int rgba)
    {
        reserve(1);
        put(x0, y0, x1, y1, x2, y2, x3, y3, rgba);
    }

    /**
     * Records a line from {@code (x0, y0)} to {@code (x1, y1)}, {@code width} world units wide,
     * with butt ends. A line of zero length draws nothing. Allocation-free.
     *
     * @throws IllegalArgumentException when {@code width} is not positive.
     * @throws IllegalStateException when the batch is full.
     */
    public void line(final float x0, final float y0, final float x1, final float y1, final float width, final int rgba)
    {
        checkWidth(width);
        final float dx = x1 - x0;
        final float dy = y1 - y0;
        final float length = (float)Math.sqrt(dx * dx + dy * dy);
        if (length == 0f)
        {
            return;
        }
        reserve(1);
        final float s = 0.5f * width / length;
        final float nx = -dy * s;
        final float ny = dx * s;
        put(x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny, rgba);
    }

    /**
     * Records a filled axis-aligned rectangle with its top-left corner at {@code (x, y)}.
     * Allocation-free.
     *
     * @throws IllegalStateException when the batch is full.
     */
    public void rect(final float x, final float y, final float w, final float h, final int rgba)
    {
        reserve(1);
        put(x, y, x + w, y, x + w, y + h, x, y + h, rgba);
    }

    /**
     * Records the outline of an axis-aligned rectangle, drawn inside its bounds with
     * {@code thickness}, as four non-overlapping quads (so translucent outlines blend evenly).
     * Allocation-free.
     *
     * @throws IllegalArgumentException when {@code thickness} is not positive.
     * @throws IllegalStateException when the batch cannot take 4 quads.
     */
    public void rectOutline(final float x, final float y, final float w, final float h, final float thickness, final int rgba)
    {
        checkWidth(thickness);
        reserve(4);
        final float t = Math.min(thickness, 0.5f * Math.min(w, h));
        final float r = x + w;
        final float b = y + h;
        put(x, y, r, y, r, y + t, x, y + t, rgba);
        put(x, b - t, r, b - t, r, b, x, b, rgba);
        put(x, y + t, x + t, y + t, x + t, b - t, x, b - t, rgba);
        put(r - t, y + t, r, y + t, r, b - t, r - t, b - t, rgba);
    }

    /**
     * Records a filled circle as a fan of {@code segments} triangles, two per quad.
     * Allocation-free.
     *
     * @param segments in [3, {@link #MAX_CIRCLE_SEGMENTS}].
     * @throws IllegalStateException when the batch cannot take {@code (segments + 1) / 2} quads.
     */
    public void circle(final float cx, final float cy, final float radius, final int segments, final int rgba)
    {
        checkSegments(segments);
        reserve((segments + 1) / 2);
        final float step = TWO_PI / segments;
        for (int k = 0; k < segments; k += 2)
        {
            final float a0 = k * step;
            final float a1 = (k + 1) * step;
            final float a2 = Math.min(k + 2, segments) * step;
            final float x1 = cx + radius * (float)Math.cos(a0);
            final float y1 = cy + radius * (float)Math.sin(a0);
            final float x2 = cx + radius * (float)Math.cos(a1);
            final float y2 = cy + radius * (float)Math.sin(a1);
            if (k + 1 == segments)
            {
                put(cx, cy, x1, y1, x2, y2, x2, y2, rgba);
            }
            else
            {
                put(cx, cy, x1, y1, x2, y2,
                    cx + radius * (float)Math.cos(a2), cy + radius * (float)Math.sin(a2), rgba);
            }
        }
    }

    /**
     * Records the outline of a circle: a ring from {@code radius - thickness} to {@code radius}
     * made of {@code segments} quads. The arguments are {@link #circle}'s with the stroke added before the colour.
     * Allocation-free.
     *
     * @param segments  in [3, {@link #MAX_CIRCLE_SEGMENTS}].
     * @param thickness the ring's width inward from {@code radius}, > 0 (a ring thicker than the radius is a disc).
     * @throws IllegalArgumentException when {@code thickness} is not positive or {@code segments} is out of range.
     * @throws IllegalStateException when the batch cannot take {@code segments} quads.
     */
    public void circleOutline(
        final float cx, final float cy, final float radius, final int segments, final float thickness, final int rgba)
    {
        checkWidth(thickness);
        checkSegments(segments);
        reserve(segments);
        final float inner = Math.max(0f, radius - thickness);
        final float step = TWO_PI / segments;
        float c0 = 1f;
        float s0 = 0f;
        for (int k = 1; k <= segments; k++)
        {
            final float a = k == segments ? 0f : k * step;
            final float c1 = (float)Math.cos(a);
            final float s1 = (float)Math.sin(a);
            put(cx + radius * c0, cy + radius * s0, cx + radius * c1, cy + radius * s1,
                cx + inner * c1, cy + inner * s1, cx + inner * c0, cy + inner * s0, rgba);
            c0 = c1;
            s0 = s1;
        }
    }

    /**
     * Records a polyline through {@code pointCount} points read from {@code xy} as x, y pairs
     * starting at point {@code firstPoint}, {@code width} wide, with mitred joins (clamped at
     * {@link #MITER_LIMIT} half-widths) so that segments meet without gaps or overlaps.
     * Repeated points are skipped over. Fewer than 2 points draw nothing. Allocation-free.
     *
     * @throws IllegalArgumentException when the points do not lie inside {@code xy} or the width is not positive.
     * @throws IllegalStateException when the batch cannot take {@code pointCount - 1} quads.
     */
    public void polyline(final float[] xy, final int firstPoint, final int pointCount, final float width, final int rgba)
    {
        checkWidth(width);
        if (firstPoint < 0 || pointCount < 0 || 2L * (firstPoint + (long)pointCount) > xy.length)
        {
            throw Messages.badPoints(firstPoint, pointCount, xy.length);
        }
        if (pointCount < 2)
        {
            return;
        }
        reserve(pointCount - 1);
        final float hw = 0.5f * width;
        final int end = firstPoint + pointCount;

        // direction of the first segment of non-zero length; none means nothing to draw
        float dx0 = 0f;
        float dy0 = 0f;
        int next = firstPoint + 1;
        final float startX = xy[2 * firstPoint];
        final float startY = xy[2 * firstPoint + 1];
        while (next < end)
        {
            final float ex = xy[2 * next] - startX;
            final float ey = xy[2 * next + 1] - startY;
            final float len = (float)Math.sqrt(ex * ex + ey * ey);
            if (len > 0f)
            {
                dx0 = ex / len;
                dy0 = ey / len;
                break;
            }
            next++;
        }
        if (next == end)
        {
            return;
        }
        float px = startX;
        float py = startY;
        float ox = -dy0 * hw;
        float oy = dx0 * hw;
        int i = next;
        while (i < end)
        {
            final float qx = xy[2 * i];
            final float qy = xy[2 * i + 1];
            // direction of the following non-zero segment, if any, to mitre the join at q
            float dx1 = dx0;
            float dy1 = dy0;
            int j = i + 1;
            while (j < end)
            {
                final float ex = xy[2 * j] - qx;
                final float ey = xy[2 * j + 1] - qy;
                final float len = (float)Math.sqrt(ex * ex + ey * ey);
                if (len > 0f)
                {
                    dx1 = ex / len;
                    dy1 = ey / len;
                    break;
                }
                j++;
            }
            final float qox;
            final float qoy;
            if (j == end)
            {
                qox = -dy0 * hw;
                qoy = dx0 * hw;
            }
            else
            {
                float mx = -dy0 - dy1;
                float my = dx0 + dx1;
                final float mlen = (float)Math.sqrt(mx * mx + my * my);
                if (mlen < 1e-6f)
                {
                    qox = -dy0 * hw;
                    qoy = dx0 * hw;
                }
                else
                {
                    mx /= mlen;
                    my /= mlen;
                    final float cos = mx * -dy0 + my * dx0;
                    final float scale = Math.min(hw / Math.max(cos, 1e-6f), MITER_LIMIT * hw);
                    qox = mx * scale;
                    qoy = my * scale;
                }
            }
            put(px + ox, py + oy, qx + qox, qy + qoy, qx - qox, qy - qoy, px - ox, py - oy, rgba);
            px = qx;
            py = qy;
            ox = qox;
            oy = qoy;
            dx0 = dx1;
            dy0 = dy1;
            i = j;
        }
    }

    public void prepare()
    {
        prepared = true;
    }

    public int quadCount()
    {
        return count;
    }

    public int generate(final int sliceIndex, final int sliceCount, final long baseAddress)
    {
        checkPrepared();
        final int n = count;
        final int start = QuadSource.sliceStart(n, sliceIndex, sliceCount);
        final int stop = QuadSource.sliceEnd(n, sliceIndex, sliceCount);
        final float[] xy = this.xy;
        long at = baseAddress + (long)start * QuadVertexLayout.BYTES_PER_QUAD;
        for (int q = start; q < stop; q++)
        {
            final int f = q * 8;
            final int c = rgba[q];
            SpriteBatch.vertex(at, xy[f], xy[f + 1], WHITE_U, WHITE_V, c);
            SpriteBatch.vertex(at + 20, xy[f + 2], xy[f + 3], WHITE_U, WHITE_V, c);
            SpriteBatch.vertex(at + 40, xy[f + 4], xy[f + 5], WHITE_U, WHITE_V, c);
            SpriteBatch.vertex(at + 60, xy[f + 6], xy[f + 7], WHITE_U, WHITE_V, c);
            at += QuadVertexLayout.BYTES_PER_QUAD;
        }
        return stop - start;
    }

    public int runCount()
    {
        checkPrepared();
        return count == 0 ? 0 : 1;
    }

    public int runTextureKey(final int run)
    {
        return WHITE_TEXTURE_KEY;
    }

    public int runFirstQuad(final int run)
    {
        return 0;
    }

    public int runQuadCount(final int run)
    {
        return count;
    }

    private void put(
        final float x0, final float y0,
        final float x1, final float y1,
        final float x2, final float y2,
        final float x3, final float y3,
        final int rgba)
    {
        final int q = count;
        final int f = q * 8;
        final float[] xy = this.xy;
        xy[f] = x0;
        xy[f + 1] = y0;
        xy[f + 2] = x1;
        xy[f + 3] = y1;
        xy[f + 4] = x2;
        xy[f + 5] = y2;
        xy[f + 6] = x3;
        xy[f + 7] = y3;
        this.rgba[q] = rgba;
        count = q + 1;
    }

    private void reserve(final int quads)
    {
        prepared = false;
        if (quads > capacity - count)
        {
            throw Messages.full(capacity, count, quads);
        }
    }

    private void checkPrepared()
    {
        if (!prepared)
        {
            throw Messages.notPrepared(count);
        }
    }

    private static void checkWidth(final float width)
    {
        if (!(width > 0f))
        {
            throw Messages.badWidth(width);
        }
    }

    private static void checkSegments(final int segments)
    {
        if (segments < 3 || segments > MAX_CIRCLE_SEGMENTS)
        {
            throw Messages.badSegments(segments);
        }
    }

    /**
     * The error messages, in a class of their own so that ShapeBatch holds no String constant: the first C2 compile
     * of a per-frame method would otherwise resolve them on the engine thread that calls it, mid-run (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badCapacity(final int capacity)
        {
            return new IllegalArgumentException("capacity must be in [1, 16777216], was " + capacity);
        }

        static IllegalArgumentException badPoints(final int firstPoint, final int pointCount, final int xyLength)
        {
            return new IllegalArgumentException("points [" + firstPoint + ", " + firstPoint + " + " + pointCount +
                ") must lie inside the xy array of " + (xyLength / 2) + " points");
        }

        static IllegalStateException full(final int capacity, final int count, final int quads)
        {
            return new IllegalStateException("ShapeBatch capacity of " + capacity + " quads per frame exceeded (" +
                count + " recorded, " + quads + " more needed): construct the batch with a larger capacity");
        }

        static IllegalStateException notPrepared(final int count)
        {
            return new IllegalStateException("ShapeBatch.prepare() must run after the last shape and before " +
                "generate() or the runs are read (" + count + " quads recorded)");
        }

        static IllegalArgumentException badWidth(final float width)
        {
            return new IllegalArgumentException("width must be > 0, was " + width);
        }

        static IllegalArgumentException badSegments(final int segments)
        {
            return new IllegalArgumentException(
                "segments must be in [3, " + MAX_CIRCLE_SEGMENTS + "], was " + segments);
        }
    }
}
