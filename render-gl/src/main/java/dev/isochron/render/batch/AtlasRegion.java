package dev.isochron.render.batch;

/**
 * A rectangle of a texture, named by the texture's key: what {@link SpriteBatch} draws.
 * Immutable; made once at load time (not per frame).
 */
public final class AtlasRegion
{
    private final int textureKey;
    private final float u0;
    private final float v0;
    private final float u1;
    private final float v1;
    private final int widthPx;
    private final int heightPx;

    /**
     * @param textureKey the key the renderer binds the texture by, in [0, {@link SpriteBatch#MAX_TEXTURE_KEY}].
     * @param u0 left texture coordinate; {@code v0} top, {@code u1} right, {@code v1} bottom.
     * @param widthPx  the region's size in texels, used as the default drawn size.
     */
    public AtlasRegion(
        final int textureKey,
        final float u0,
        final float v0,
        final float u1,
        final float v1,
        final int widthPx,
        final int heightPx)
    {
        SpriteBatch.checkTextureKey(textureKey);
        this.textureKey = textureKey;
        this.u0 = u0;
        this.v0 = v0;
        this.u1 = u1;
        this.v1 = v1;
        this.widthPx = widthPx;
        this.heightPx = heightPx;
    }

    /** A region in texel coordinates of a texture of {@code textureWidth x textureHeight} texels. */
    public static AtlasRegion ofPixels(
        final int textureKey,
        final int textureWidth,
        final int textureHeight,
        final int x,
        final int y,
        final int width,
        final int height)
    {
        if (textureWidth < 1 || textureHeight < 1 || x < 0 || y < 0 || width < 1 || height < 1 ||
            x + width > textureWidth || y + height > textureHeight)
        {
            throw Messages.outsideTexture(x, y, width, height, textureWidth, textureHeight);
        }
        return new AtlasRegion(
            textureKey,
            (float)x / textureWidth,
            (float)y / textureHeight,
            (float)(x + width) / textureWidth,
            (float)(y + height) / textureHeight,
            width,
            height);
    }

    /** The whole texture of {@code width x height} texels. */
    public static AtlasRegion whole(final int textureKey, final int width, final int height)
    {
        return ofPixels(textureKey, width, height, 0, 0, width, height);
    }

    public int textureKey()
    {
        return textureKey;
    }

    public float u0()
    {
        return u0;
    }

    public float v0()
    {
        return v0;
    }

    public float u1()
    {
        return u1;
    }

    public float v1()
    {
        return v1;
    }

    public int widthPx()
    {
        return widthPx;
    }

    public int heightPx()
    {
        return heightPx;
    }

    /**
     * The error message, in a class of its own so that AtlasRegion holds no String constant: sprites are drawn with
     * regions every frame, and the first C2 compile of one of its accessors would otherwise resolve the message's
     * recipe on the render thread mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException outsideTexture(
            final int x, final int y, final int width, final int height, final int textureWidth, final int textureHeight)
        {
            return new IllegalArgumentException("region " + x + "," + y + " " + width + "x" + height +
                " must lie inside the texture " + textureWidth + "x" + textureHeight);
        }
    }
}
