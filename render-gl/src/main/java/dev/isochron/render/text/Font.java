package dev.isochron.render.text;

import java.nio.ByteBuffer;

import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;
import org.lwjgl.system.MemoryUtil;

/**
 * A font baked into a glyph atlas: metrics and atlas coordinates for Latin-1's printable characters, U+0020..U+007E
 * and U+00A0..U+00FF ({@code é ü ñ ° µ ß × £ ©} and the rest; not {@code €}, which is not Latin-1), and the atlas image
 * itself (RGBA8, white with the glyph coverage in alpha, so the sprite shader tints it by the vertex colour and no
 * special shader is needed). Every other character draws as the font's replacement glyph, never as nothing and never
 * with an error: the built-in font's hollow box ({@link BitmapFont}), a TrueType font's U+FFFD or {@code .notdef}
 * ({@link TrueTypeFont}). {@code '\n'} starts a new line. Finding a glyph is O(1).
 * <p>
 * Layout: {@link #measure} gives a string's width; {@link #drawWrapped} and {@link #measureWrapped} wrap a block to a
 * width at spaces (breaking words wider than the width), keep its {@code '\n'}s and align each line with a
 * {@link TextAlign}, all over the characters given (a {@link TextBuffer}, a String constant) without building one.
 * <p>
 * Lifetime: made at start-up by {@link BitmapFont#create()} or {@link TrueTypeFont#bake}; its
 * atlas is uploaded once as a texture whose key is given to {@link #textureKey(int)}; its
 * off-heap atlas pixels are freed by {@link #close()} (after the upload, or at shutdown). After it the atlas
 * methods ({@link #atlasRgba()}, {@link #atlasAlpha}, {@link #uploadAtlas}) throw {@link IllegalStateException}
 * ("used after close()"); drawing, measuring and the metrics stay usable, as they read only heap arrays.
 * Drawing and measuring are allocation-free and may run on any one thread at a time.
 */
public final class Font implements AutoCloseable
{
    private final String name;
    private final float lineHeight;
    private final float ascent;
    private final float[] advance;
    private final float[] offsetX;
    private final float[] offsetY;
    private final float[] glyphWidth;
    private final float[] glyphHeight;
    private final float[] u0;
    private final float[] v0;
    private final float[] u1;
    private final float[] v1;
    private final int atlasWidth;
    private final int atlasHeight;
    private final LineBreaker breaker = new LineBreaker(this);
    private ByteBuffer atlasRgba;
    private int textureKey = -1;

    /**
     * Made by the font factories; arrays have a slot per {@link GlyphIndex} and are taken over, not copied.
     * Offsets place a glyph's quad relative to the pen at the top of the line.
     */
    Font(
        final String name,
        final float lineHeight,
        final float ascent,
        final float[] advance,
        final float[] offsetX,
        final float[] offsetY,
        final float[] glyphWidth,
        final float[] glyphHeight,
        final float[] u0,
        final float[] v0,
        final float[] u1,
        final float[] v1,
        final ByteBuffer atlasRgba,
        final int atlasWidth,
        final int atlasHeight)
    {
        this.name = name;
        this.lineHeight = lineHeight;
        this.ascent = ascent;
        this.advance = advance;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
        this.glyphWidth = glyphWidth;
        this.glyphHeight = glyphHeight;
        this.u0 = u0;
        this.v0 = v0;
        this.u1 = u1;
        this.v1 = v1;
        this.atlasRgba = atlasRgba;
        this.atlasWidth = atlasWidth;
        this.atlasHeight = atlasHeight;
    }

    /** @return what the font was made from (the file path, or "built-in 5x8"). */
    public String name()
    {
        return name;
    }

    /** @return the distance from one line's top to the next, in pixels at scale 1. */
    public float lineHeight()
    {
        return lineHeight;
    }

    /** @return the distance from a line's top to its baseline, in pixels at scale 1. */
    public float ascent()
    {
        return ascent;
    }

    /** @return atlas width in texels. */
    public int atlasWidth()
    {
        return atlasWidth;
    }

    /** @return atlas height in texels. */
    public int atlasHeight()
    {
        return atlasHeight;
    }

    /**
     * Uploads the atlas as a texture with nearest filtering and clamped edges, so glyphs stay pixel-exact; the
     * caller owns the texture and binds it under this font's {@link #textureKey()}.
     * <p>
     * Threads: render thread, GL context current. Allocation: the texture (start-up only).
     *
     * @param label names the texture in GL errors and leak reports.
     */
    public Texture uploadAtlas(final String label)
    {
        return Texture.fromRgba(label, atlasWidth(), atlasHeight(), atlasRgba(), TextureFilter.NEAREST,
            TextureWrap.CLAMP_TO_EDGE);
    }

    /**
     * @return the atlas image, {@code atlasWidth * atlasHeight * 4} bytes of RGBA8, rows top
     * first; a view over off-heap memory valid until {@link #close()}.
     * @throws IllegalStateException after {@link #close()}.
     */
    public ByteBuffer atlasRgba()
    {
        if (atlasRgba == null)
        {
            throw Messages.closed(name);
        }
        return atlasRgba;
    }

    /** @return alpha (coverage) of atlas texel {@code (x, y)}, in [0, 255]. */
    public int atlasAlpha(final int x, final int y)
    {
        return atlasRgba().get((y * atlasWidth + x) * 4 + 3) & 0xFF;
    }

    /**
     * Sets the texture key the atlas was uploaded under; call once after the upload.
     *
     * @return this.
     */
    public Font textureKey(final int textureKey)
    {
        if (textureKey < 0 || textureKey > SpriteBatch.MAX_TEXTURE_KEY)
        {
            throw Messages.badTextureKey(textureKey);
        }
        this.textureKey = textureKey;
        return this;
    }

    /** @return the atlas texture's key, or -1 before {@link #textureKey(int)}. */
    public int textureKey()
    {
        return textureKey;
    }

    /**
     * @return whether {@code c} has a glyph of its own: a printable Latin-1 character. The others draw as the
     * replacement glyph. Allocation-free.
     */
    public static boolean hasGlyph(final char c)
    {
        return GlyphIndex.of(c) != GlyphIndex.REPLACEMENT;
    }

    /** @return the pen advance of {@code c} in pixels at scale 1 (the replacement's for characters without a glyph). */
    public float advance(final char c)
    {
        return advance[glyph(c)];
    }

    /**
     * Draws {@code text} with the top-left of its first line at {@code (x, y)}, {@code scale}
     * times the font's pixel size; each glyph's quad is snapped to whole world units (pixels in a
     * pixel-space camera). Allocation-free.
     *
     * @return the pen's x after the last character.
     * @throws IllegalStateException when no texture key was set, or the batch is full.
     */
    public float draw(
        final SpriteBatch batch, final CharSequence text, final float x, final float y, final float scale, final int rgba)
    {
        checkTexture();
        return drawChars(batch, text, null, 0, text.length(), x, y, scale, rgba);
    }

    /**
     * Draws {@code length} characters of {@code chars} from {@code offset}; otherwise as
     * {@link #draw(SpriteBatch, CharSequence, float, float, float, int)}. Allocation-free.
     *
     * @return the pen's x after the last character.
     */
    public float draw(
        final SpriteBatch batch,
        final char[] chars,
        final int offset,
        final int length,
        final float x,
        final float y,
        final float scale,
        final int rgba)
    {
        checkTexture();
        if (offset < 0 || length < 0 || offset + length > chars.length)
        {
            throw Messages.badRange(offset, length, chars.length);
        }
        return drawChars(batch, null, chars, offset, offset + length, x, y, scale, rgba);
    }

    /**
     * @return the width in pixels of the widest line of {@code text} at {@code scale}. Allocation-free.
     */
    public float measure(final CharSequence text, final float scale)
    {
        float widest = 0f;
        float line = 0f;
        for (int i = 0, n = text.length(); i < n; i++)
        {
            final char c = text.charAt(i);
            if (c == '\n')
            {
                widest = Math.max(widest, line);
                line = 0f;
            }
            else
            {
                line += advance[glyph(c)] * scale;
            }
        }
        return Math.max(widest, line);
    }

    /**
     * Draws {@code text} wrapped to {@code width} (see {@link TextLayout} for where lines break: at spaces, hard
     * inside a word wider than the width, at every {@code '\n'}), each line aligned within the width by
     * {@code align}, the first line's top at {@code y}. Allocation-free.
     *
     * @param x     the block's left edge.
     * @param width the width to wrap and align to, > 0, in pixels (not scaled by {@code scale}).
     * @return the height the lines took: their count times the line height at {@code scale} (0 for no text).
     * @throws IllegalArgumentException when the width is not > 0.
     * @throws IllegalStateException    when no texture key was set, or the batch is full.
     */
    public float drawWrapped(
        final SpriteBatch batch,
        final CharSequence text,
        final float x,
        final float y,
        final float width,
        final TextAlign align,
        final float scale,
        final int rgba)
    {
        checkTexture();
        checkWrapWidth(width);
        final int n = text.length();
        float lineY = y;
        for (int at = 0; at <= n && n > 0; at = breaker.nextStart)
        {
            breaker.next(text, at, n, width, scale);
            drawChars(batch, text, null, at, breaker.lineEnd, x + align.offset(width, breaker.lineWidth), lineY, scale,
                rgba);
            lineY += lineHeight * scale;
        }
        return lineY - y;
    }

    /**
     * Lays {@code text} out as {@link #drawWrapped} draws it with the same width and scale, into {@code dest}.
     * Allocation-free.
     *
     * @param wrapWidth the width to wrap to, > 0, in pixels.
     * @return {@code dest}.
     */
    public TextLayout measureWrapped(
        final CharSequence text, final float wrapWidth, final float scale, final TextLayout dest)
    {
        checkWrapWidth(wrapWidth);
        dest.begin(wrapWidth);
        final int n = text.length();
        for (int at = 0; at <= n && n > 0; at = breaker.nextStart)
        {
            breaker.next(text, at, n, wrapWidth, scale);
            dest.add(at, breaker.lineEnd, breaker.lineWidth);
        }
        dest.end(lineHeight * scale);
        return dest;
    }

    /**
     * Writes glyph {@code c}'s quad in pixels at scale 1 relative to the pen at the line's top:
     * {@code dest = {offsetX, offsetY, width, height}}; for tests and layout tools.
     */
    public void glyphBox(final char c, final float[] dest)
    {
        final int g = glyph(c);
        dest[0] = offsetX[g];
        dest[1] = offsetY[g];
        dest[2] = glyphWidth[g];
        dest[3] = glyphHeight[g];
    }

    /** Frees the off-heap atlas pixels; glyph metrics stay usable for drawing. Idempotent. */
    public void close()
    {
        final ByteBuffer pixels = atlasRgba;
        atlasRgba = null;
        if (pixels != null)
        {
            MemoryUtil.memFree(pixels);
        }
    }

    /**
     * The one drawing loop of both {@code draw} forms: characters {@code [start, end)} of {@code text}, or of
     * {@code chars} when {@code text} is null; {@code '\n'} returns the pen to {@code x} on the next line.
     * The caller has checked the texture key. Allocation-free.
     */
    private float drawChars(
        final SpriteBatch batch,
        final CharSequence text,
        final char[] chars,
        final int start,
        final int end,
        final float x,
        final float y,
        final float scale,
        final int rgba)
    {
        float penX = x;
        float penY = y;
        for (int i = start; i < end; i++)
        {
            final char c = null == text ? chars[i] : text.charAt(i);
            if (c == '\n')
            {
                penX = x;
                penY += lineHeight * scale;
            }
            else
            {
                penX = drawGlyph(batch, c, penX, penY, scale, rgba);
            }
        }
        return penX;
    }

    private float drawGlyph(
        final SpriteBatch batch, final char c, final float penX, final float penY, final float scale, final int rgba)
    {
        final int g = glyph(c);
        final float w = glyphWidth[g];
        if (w > 0f)
        {
            // glyphs land on whole pixels (as stb_truetype's baked quads do) so text stays crisp
            batch.draw(textureKey, u0[g], v0[g], u1[g], v1[g],
                (float)Math.floor(penX + offsetX[g] * scale + 0.5f), (float)Math.floor(penY + offsetY[g] * scale + 0.5f),
                w * scale, glyphHeight[g] * scale, 0f, 0f, 0f, rgba);
        }
        return penX + advance[g] * scale;
    }

    private static void checkWrapWidth(final float width)
    {
        if (!(width > 0f))
        {
            throw Messages.badWrapWidth(width);
        }
    }

    private void checkTexture()
    {
        if (textureKey < 0)
        {
            throw Messages.noTextureKey(name);
        }
    }

    private static int glyph(final char c)
    {
        return GlyphIndex.of(c);
    }

    /**
     * The error messages, in a class of their own so that Font holds no String constant: the first C2 compile of
     * a per-frame method ({@code draw}) would otherwise resolve them on the engine thread that calls it, mid-run (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalStateException closed(final String name)
        {
            return new IllegalStateException("Font '" + name + "' used after close(): its atlas pixels were freed " +
                "(drawing and measuring stay usable)");
        }

        static IllegalArgumentException badTextureKey(final int textureKey)
        {
            return new IllegalArgumentException(
                "textureKey must be in [0, " + SpriteBatch.MAX_TEXTURE_KEY + "], was " + textureKey);
        }

        static IllegalArgumentException badRange(final int offset, final int length, final int arrayLength)
        {
            return new IllegalArgumentException("characters [" + offset + ", " + offset + " + " + length +
                ") must lie inside the array of " + arrayLength);
        }

        static IllegalArgumentException badWrapWidth(final float width)
        {
            return new IllegalArgumentException("the width to wrap to must be > 0, was " + width);
        }

        static IllegalStateException noTextureKey(final String name)
        {
            return new IllegalStateException("font " + name + " has no texture key: upload its atlas and call " +
                "textureKey(key) before drawing");
        }
    }
}
