package dev.isochron.peer.gdx;

import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.graphics.g2d.TextureRegion;

/**
 * The demo's procedural atlas ({@code dev.isochron.demo.scene.ProceduralAtlas}) drawn into a libGDX {@link Pixmap}:
 * the same six white shapes (disc, square, diamond, ring, triangle, star) of 32 texels, the same coverage function
 * and anti-aliased edge, so both programs sample the same texels. One texture, linear filtering, as the demo's.
 * <p>
 * Thread: the render thread, at start-up (the texture needs the GL context).
 */
final class ShapeAtlas
{
    /** Number of shapes. */
    static final int SHAPES = 6;
    /** Texels per shape cell, each way. */
    static final int CELL_PX = 32;
    /** Atlas width in texels. */
    static final int WIDTH = SHAPES * CELL_PX;
    /** Atlas height in texels. */
    static final int HEIGHT = CELL_PX;

    private final Texture texture;
    private final TextureRegion[] regions = new TextureRegion[SHAPES];

    /**
     * Draws the atlas and uploads it.
     *
     * @param yDown whether the camera's y axis points down (the regions are flipped so the shapes stand upright).
     */
    ShapeAtlas(final boolean yDown)
    {
        final Pixmap pixmap = new Pixmap(WIDTH, HEIGHT, Pixmap.Format.RGBA8888);
        pixmap.setBlending(Pixmap.Blending.None);
        for (int shape = 0; shape < SHAPES; shape++)
        {
            for (int y = 0; y < CELL_PX; y++)
            {
                for (int x = 0; x < CELL_PX; x++)
                {
                    final int alpha = Math.round(Math.max(0f, Math.min(1f, coverage(shape, x, y))) * 255f);
                    pixmap.drawPixel(shape * CELL_PX + x, y, 0xFFFFFF00 | alpha);
                }
            }
        }
        texture = new Texture(pixmap);
        texture.setFilter(Texture.TextureFilter.Linear, Texture.TextureFilter.Linear);
        texture.setWrap(Texture.TextureWrap.ClampToEdge, Texture.TextureWrap.ClampToEdge);
        pixmap.dispose();
        for (int shape = 0; shape < SHAPES; shape++)
        {
            regions[shape] = new TextureRegion(texture, shape * CELL_PX, 0, CELL_PX, CELL_PX);
            regions[shape].flip(false, yDown);
        }
    }

    /** @return shape {@code shape}'s region. */
    TextureRegion region(final int shape)
    {
        return regions[shape];
    }

    /** Frees the texture. */
    void dispose()
    {
        texture.dispose();
    }

    /** The demo's coverage in [0, 1] of a texel centre: 1 inside, 0 outside, a one-texel ramp at the edge. */
    static float coverage(final int shape, final int x, final int y)
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
