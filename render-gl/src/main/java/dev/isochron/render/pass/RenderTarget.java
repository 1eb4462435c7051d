package dev.isochron.render.pass;

import dev.isochron.render.batch.AtlasRegion;
import dev.isochron.render.gl.Framebuffer;

/**
 * An offscreen render target: a framebuffer whose colour texture is also a texture key, so that what one pass draws
 * into it a later pass can draw as a sprite (post-processing, minimaps, cached layers). A pass that targets it either
 * clears it when the pass starts ({@link RenderPass#clearEachFrame(int)}) or keeps what earlier frames drew (a cached
 * layer, feedback effects).
 * <p>
 * GL's texture origin is the bottom-left, so the picture a pass drew upright lies upside down in texture
 * coordinates: draw it with {@link #region()}, whose v runs from 1 at the top to 0 at the bottom.
 * <p>
 * Made by {@code Init.createTarget} (the runtime owns and closes the framebuffer) or, for a caller driving a backend
 * itself, by the constructor. A pass may not draw a target's own texture while that target is bound: the draw throws,
 * naming the target.
 */
public final class RenderTarget
{
    private final String label;
    private final Framebuffer framebuffer;
    private final int width;
    private final int height;
    private final int textureKey;
    private final AtlasRegion region;
    int id = -1;

    /**
     * @param label       names it in errors.
     * @param framebuffer the framebuffer, or null without GL (the null renderer).
     * @param textureKey  the key its colour texture is drawn by, unused by any other texture.
     */
    public RenderTarget(final String label, final Framebuffer framebuffer, final int textureKey)
    {
        this(label, framebuffer, null == framebuffer ? 1 : framebuffer.width(),
            null == framebuffer ? 1 : framebuffer.height(), textureKey);
    }

    /**
     * @param width  in pixels; must be the framebuffer's when there is one.
     * @param height in pixels.
     */
    public RenderTarget(final String label, final Framebuffer framebuffer, final int width, final int height,
        final int textureKey)
    {
        if (null == label)
        {
            throw Messages.noLabel();
        }
        if (width < 1 || height < 1 ||
            (null != framebuffer && (framebuffer.width() != width || framebuffer.height() != height)))
        {
            throw Messages.badSize(label, width, height);
        }
        this.label = label;
        this.framebuffer = framebuffer;
        this.width = width;
        this.height = height;
        this.textureKey = textureKey;
        this.region = new AtlasRegion(textureKey, 0f, 1f, 1f, 0f, width, height);
    }

    /** @return the label. */
    public String label()
    {
        return label;
    }

    /** @return the framebuffer, or null without GL. */
    public Framebuffer framebuffer()
    {
        return framebuffer;
    }

    /** @return the width in pixels. */
    public int width()
    {
        return width;
    }

    /** @return the height in pixels. */
    public int height()
    {
        return height;
    }

    /** @return the texture key of its colour texture. */
    public int textureKey()
    {
        return textureKey;
    }

    /** @return the whole target as a region that draws the picture upright (v flipped, see the class comment). */
    public AtlasRegion region()
    {
        return region;
    }

    public String toString()
    {
        return Messages.describe(label, width, height, textureKey);
    }

    /** The messages, in a class of their own so that RenderTarget holds no String constant (frame path). */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException noLabel()
        {
            return new IllegalArgumentException("a render target needs a label");
        }

        static IllegalArgumentException badSize(final String label, final int width, final int height)
        {
            return new IllegalArgumentException("render target '" + label + "': size " + width + "x" + height +
                " must be at least 1x1 and the framebuffer's");
        }

        static String describe(final String label, final int width, final int height, final int textureKey)
        {
            return "RenderTarget[" + label + ", " + width + "x" + height + ", key " + textureKey + "]";
        }
    }
}
