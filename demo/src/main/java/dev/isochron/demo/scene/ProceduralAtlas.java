package dev.isochron.demo.scene;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import dev.isochron.render.batch.AtlasRegion;

/**
 * A small RGBA atlas drawn in code at start-up, so the demos need no image files: a row of
 * {@link #SHAPES} white shapes (disc, square, diamond, ring, triangle, star) of
 * {@link #CELL_PX} texels each, anti-aliased at the edge and tinted per sprite by its colour.
 * <p>
 * Thread: any (pure CPU); made once at start-up. Allocation: the constructor allocates the pixel
 * memory (on the Java heap, direct buffer); nothing afterwards.
 */
public final class ProceduralAtlas
{
    /** Number of shapes in the atlas. */
    public static final int SHAPES = 6;
    /** Width and height of one shape's cell in texels. */
    public static final int CELL_PX = 32;
    /** Atlas width in texels. */
    public static final int WIDTH = SHAPES * CELL_PX;
    /** Atlas height in texels. */
    public static final int HEIGHT = CELL_PX;

    private final ByteBuffer rgba;

    /**
     * Draws the atlas.
     */
    public ProceduralAtlas()
    {
        rgba = ByteBuffer.allocateDirect(WIDTH * HEIGHT * 4).order(ByteOrder.nativeOrder());
        for (int shape = 0; shape < SHAPES; shape++)
        {
            for (int y = 0; y < CELL_PX; y++)
            {
                for (int x = 0; x < CELL_PX; x++)
                {
                    final float coverage = coverage(shape, x, y);
                    final int alpha = Math.round(Math.max(0f, Math.min(1f, coverage)) * 255f);
                    final int offset = (y * WIDTH + shape * CELL_PX + x) * 4;
                    rgba.put(offset, (byte)0xFF);
                    rgba.put(offset + 1, (byte)0xFF);
                    rgba.put(offset + 2, (byte)0xFF);
                    rgba.put(offset + 3, (byte)alpha);
                }
            }
        }
    }

    /** @return the pixels, rows top-down, {@link #WIDTH} x {@link #HEIGHT} x 4 bytes (position 0). */
    public ByteBuffer rgba()
    {
        return rgba;
    }

    /**
     * Names the shapes' regions once the atlas is uploaded.
     *
     * @param textureKey the key the atlas texture was registered under, in [1, 65535].
     * @return one region per shape, indexed by shape.
     */
    public static AtlasRegion[] regions(final int textureKey)
    {
        final AtlasRegion[] regions = new AtlasRegion[SHAPES];
        for (int shape = 0; shape < SHAPES; shape++)
        {
            regions[shape] = AtlasRegion.ofPixels(textureKey, WIDTH, HEIGHT, shape * CELL_PX, 0, CELL_PX, CELL_PX);
        }
        return regions;
    }

    /** @return the alpha of texel {@code (x, y)} of shape {@code shape}, for tests. */
    public int alphaAt(final int shape, final int x, final int y)
    {
        return rgba.get(((y * WIDTH) + shape * CELL_PX + x) * 4 + 3) & 0xFF;
    }

    /** Signed coverage in [0, 1] of a texel centre: 1 inside, 0 outside, a one-texel ramp at the edge. */
    private static float coverage(final int shape, final int x, final int y)
    {
        final float half = CELL_PX * 0.5f;
        final float px = (x + 0.5f - half) / (half - 1f);
        final float py = (y + 0.5f - half) / (half - 1f);
        final float texel = 1f / (half - 1f);
        final float r = (float)Math.sqrt(px * px + py * py);
        final float distanceOutside;
        switch (shape)
        {
            case 0:
                distanceOutside = r - 1f;
                break;
            case 1:
                distanceOutside = Math.max(Math.abs(px), Math.abs(py)) - 0.85f;
                break;
            case 2:
                distanceOutside = (Math.abs(px) + Math.abs(py) - 1f) * 0.7071f;
                break;
            case 3:
                distanceOutside = Math.abs(r - 0.75f) - 0.25f;
                break;
            case 4:
                // upward triangle: inside below the two slanted edges and above the base
                distanceOutside = Math.max(py - 0.8f, Math.max(
                    (1.732f * px - py - 0.9f) * 0.5f,
                    (-1.732f * px - py - 0.9f) * 0.5f));
                break;
            default:
                final double angle = Math.atan2(py, px);
                final float star = 0.6f + 0.35f * (float)Math.cos(5.0 * angle);
                distanceOutside = r - star;
                break;
        }
        return 0.5f - distanceOutside / texel;
    }
}
