package dev.isochron.render.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.lwjgl.stb.STBTTFontinfo;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import static org.lwjgl.stb.STBTruetype.nstbtt_MakeGlyphBitmap;
import static org.lwjgl.stb.STBTruetype.stbtt_FindGlyphIndex;
import static org.lwjgl.stb.STBTruetype.stbtt_GetFontVMetrics;
import static org.lwjgl.stb.STBTruetype.stbtt_GetGlyphBitmapBox;
import static org.lwjgl.stb.STBTruetype.stbtt_GetGlyphHMetrics;
import static org.lwjgl.stb.STBTruetype.stbtt_InitFont;
import static org.lwjgl.stb.STBTruetype.stbtt_ScaleForPixelHeight;

/**
 * Bakes a TrueType font file into a {@link Font} with stb_truetype, after
 * {@link FontFileValidator} has checked the file (stb_truetype is not safe on malformed fonts).
 * The atlas is the smallest square power of two from 128 to {@link #MAX_ATLAS_SIZE} that holds
 * the Latin-1 characters (see {@link Font}) at the requested pixel height. Characters outside them, and those the
 * font does not map, draw as the font's U+FFFD REPLACEMENT CHARACTER when it has one, otherwise as its glyph 0
 * ({@code .notdef}, in most fonts an empty box). Start-up only: reads the file and allocates.
 */
public final class TrueTypeFont
{
    /** Where the default font is looked for. */
    public static final Path DEJAVU_SANS_MONO = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf");
    /** Smallest pixel height accepted. */
    public static final float MIN_PIXEL_HEIGHT = 4f;
    /** Largest pixel height accepted. */
    public static final float MAX_PIXEL_HEIGHT = 256f;
    /** Largest atlas side in texels. */
    public static final int MAX_ATLAS_SIZE = 4096;
    /**
     * Zeroed bytes after the font data given to stb_truetype: its reads at 16-bit offsets
     * (cmap format 4 glyph arrays, glyph outlines) past a table's end land here.
     */
    private static final int PADDING_BYTES = 256 * 1024;
    /** Drawn for characters without a glyph, when the font maps it. */
    private static final int REPLACEMENT_CHARACTER = 0xFFFD;

    private TrueTypeFont()
    {
    }

    /**
     * Loads the font at {@code path} when one is given (a missing, unreadable or invalid file
     * throws: an explicit choice is never silently replaced); with no path, DejaVu Sans Mono when
     * the system has it, otherwise the built-in bitmap font ({@code pixelHeight} is then ignored:
     * the bitmap font is 8 pixels tall, scale it when drawing).
     *
     * @param path a font file, or null for the default.
     * @throws FontFormatException when {@code path} names a file that is missing or not a usable font.
     */
    public static Font loadOrDefault(final Path path, final float pixelHeight)
    {
        if (path != null)
        {
            return bake(path, pixelHeight);
        }
        if (Files.isRegularFile(DEJAVU_SANS_MONO))
        {
            return bake(DEJAVU_SANS_MONO, pixelHeight);
        }
        return BitmapFont.create();
    }

    /**
     * Reads, validates and bakes the font file at {@code path}.
     *
     * @param pixelHeight in [{@link #MIN_PIXEL_HEIGHT}, {@link #MAX_PIXEL_HEIGHT}].
     * @return a new font; the caller owns it and must {@link Font#close()} it.
     * @throws FontFormatException naming the path, offset and reason when the file cannot be
     *                             read, is refused by the validator, or stb_truetype rejects it.
     */
    public static Font bake(final Path path, final float pixelHeight)
    {
        if (!(pixelHeight >= MIN_PIXEL_HEIGHT && pixelHeight <= MAX_PIXEL_HEIGHT))
        {
            throw new IllegalArgumentException("pixelHeight must be in [" + MIN_PIXEL_HEIGHT + ", " +
                MAX_PIXEL_HEIGHT + "], was " + pixelHeight);
        }
        final String name = path.toString();
        final ByteBuffer data = read(path);
        try
        {
            return bake(name, data, pixelHeight);
        }
        finally
        {
            MemoryUtil.memFree(data);
        }
    }

    /**
     * Validates and bakes a font held in memory (from position 0 to the limit); {@code name}
     * names it in errors. The buffer must be direct; it is not retained.
     */
    public static Font bake(final String name, final ByteBuffer data, final float pixelHeight)
    {
        if (!data.isDirect())
        {
            throw new IllegalArgumentException("font data for " + name + " must be a direct ByteBuffer");
        }
        final int numGlyphs = FontFileValidator.validate(name, data);
        final int size = data.limit();
        final ByteBuffer padded = MemoryUtil.memCalloc(size + PADDING_BYTES);
        try (MemoryStack stack = MemoryStack.stackPush();
            STBTTFontinfo info = STBTTFontinfo.malloc())
        {
            MemoryUtil.memCopy(MemoryUtil.memAddress0(data), MemoryUtil.memAddress(padded), size);
            padded.limit(size);
            if (!stbtt_InitFont(info, padded))
            {
                throw new FontFormatException(name, 0, "stb_truetype could not initialise the font");
            }
            final float scale = stbtt_ScaleForPixelHeight(info, pixelHeight);
            final BakedGlyphs glyphs = new BakedGlyphs();
            final int replacement = stbtt_FindGlyphIndex(info, REPLACEMENT_CHARACTER);
            for (int slot = 0; slot < GlyphIndex.COUNT; slot++)
            {
                final int c = slot == GlyphIndex.REPLACEMENT ? REPLACEMENT_CHARACTER : GlyphIndex.character(slot);
                final int glyph = slot == GlyphIndex.REPLACEMENT ? Math.max(0, replacement) : stbtt_FindGlyphIndex(info, c);
                if (glyph < 0 || glyph >= numGlyphs)
                {
                    throw new FontFormatException(name, -1, "cmap maps character " + c + " to glyph " + glyph +
                        ", beyond maxp.numGlyphs " + numGlyphs);
                }
                FontFileValidator.validateGlyph(name, data, glyph);
                glyphs.measure(info, slot, glyph, scale);
                if (glyphs.width[slot] > MAX_ATLAS_SIZE / 4 || glyphs.height[slot] > MAX_ATLAS_SIZE / 4)
                {
                    throw new FontFormatException(name, -1, "character " + c + " would be " + glyphs.width[slot] +
                        "x" + glyphs.height[slot] + " pixels at " + pixelHeight + " px (at most " +
                        (MAX_ATLAS_SIZE / 4) + " accepted)");
                }
            }
            final IntBuffer ascent = stack.mallocInt(1);
            final IntBuffer descent = stack.mallocInt(1);
            final IntBuffer lineGap = stack.mallocInt(1);
            stbtt_GetFontVMetrics(info, ascent, descent, lineGap);
            final float ascentPx = ascent.get(0) * scale;
            final float lineHeight = (ascent.get(0) - descent.get(0) + lineGap.get(0)) * scale;

            int atlas = 128;
            ByteBuffer alpha = null;
            while (alpha == null)
            {
                final ByteBuffer candidate = MemoryUtil.memCalloc(atlas * atlas);
                if (glyphs.pack(info, candidate, atlas, scale))
                {
                    alpha = candidate;
                }
                else
                {
                    MemoryUtil.memFree(candidate);
                    if (atlas == MAX_ATLAS_SIZE)
                    {
                        throw new FontFormatException(name, -1, "the Latin-1 glyphs at " + pixelHeight +
                            " px do not fit a " + MAX_ATLAS_SIZE + "x" + MAX_ATLAS_SIZE + " atlas");
                    }
                    atlas *= 2;
                }
            }
            return toFont(name, glyphs, alpha, atlas, lineHeight, ascentPx);
        }
        finally
        {
            MemoryUtil.memFree(padded);
        }
    }

    private static Font toFont(
        final String name,
        final BakedGlyphs baked,
        final ByteBuffer alpha,
        final int size,
        final float lineHeight,
        final float ascentPx)
    {
        final ByteBuffer rgba;
        try
        {
            rgba = MemoryUtil.memAlloc(size * size * 4);
            for (int i = 0, n = size * size; i < n; i++)
            {
                final int at = i * 4;
                rgba.put(at, (byte)0xFF).put(at + 1, (byte)0xFF).put(at + 2, (byte)0xFF).put(at + 3, alpha.get(i));
            }
        }
        finally
        {
            MemoryUtil.memFree(alpha);
        }
        final GlyphTable glyphs = new GlyphTable(size, size);
        for (int g = 0; g < GlyphIndex.COUNT; g++)
        {
            final int x0 = baked.atlasX[g];
            final int y0 = baked.atlasY[g];
            final int w = baked.width[g];
            final int h = baked.height[g];
            glyphs.glyph(g, baked.advance[g], baked.offsetX[g], ascentPx + baked.offsetY[g], w, h, x0, y0, x0 + w, y0 + h);
        }
        return glyphs.toFont(name, lineHeight, ascentPx, rgba);
    }

    /**
     * The glyphs of every {@link GlyphIndex} slot as stb_truetype measures and renders them: what
     * {@code stbtt_BakeFontBitmap} does for a range of consecutive characters, done here by glyph index so that the
     * two Latin-1 ranges and the replacement glyph share one atlas, and a character the font lacks (glyph 0) shares
     * the replacement's pixels instead of baking its own copy.
     */
    private static final class BakedGlyphs
    {
        final int[] glyph = new int[GlyphIndex.COUNT];
        final float[] advance = new float[GlyphIndex.COUNT];
        final int[] offsetX = new int[GlyphIndex.COUNT];
        final int[] offsetY = new int[GlyphIndex.COUNT];
        final int[] width = new int[GlyphIndex.COUNT];
        final int[] height = new int[GlyphIndex.COUNT];
        final int[] atlasX = new int[GlyphIndex.COUNT];
        final int[] atlasY = new int[GlyphIndex.COUNT];

        void measure(final STBTTFontinfo info, final int slot, final int glyph, final float scale)
        {
            try (MemoryStack stack = MemoryStack.stackPush())
            {
                final IntBuffer x0 = stack.mallocInt(1);
                final IntBuffer y0 = stack.mallocInt(1);
                final IntBuffer x1 = stack.mallocInt(1);
                final IntBuffer y1 = stack.mallocInt(1);
                stbtt_GetGlyphBitmapBox(info, glyph, scale, scale, x0, y0, x1, y1);
                final IntBuffer advanceWidth = stack.mallocInt(1);
                final IntBuffer leftSideBearing = stack.mallocInt(1);
                stbtt_GetGlyphHMetrics(info, glyph, advanceWidth, leftSideBearing);
                this.glyph[slot] = glyph;
                advance[slot] = scale * advanceWidth.get(0);
                offsetX[slot] = x0.get(0);
                offsetY[slot] = y0.get(0);
                // a long keeps a hostile box from wrapping round to a small size
                width[slot] = (int)Math.max(0, Math.min(Integer.MAX_VALUE, (long)x1.get(0) - x0.get(0)));
                height[slot] = (int)Math.max(0, Math.min(Integer.MAX_VALUE, (long)y1.get(0) - y0.get(0)));
            }
        }

        /**
         * Renders every glyph into {@code alpha} ({@code size} square, zeroed) in rows, one clear texel apart, the
         * replacement first; the characters the font lacks take the replacement's place.
         *
         * @return false when they do not all fit.
         */
        boolean pack(final STBTTFontinfo info, final ByteBuffer alpha, final int size, final float scale)
        {
            int x = 1;
            int y = 1;
            int bottom = 1;
            for (int k = 0; k < GlyphIndex.COUNT; k++)
            {
                final int slot = k == 0 ? GlyphIndex.REPLACEMENT : k - 1;
                if (slot != GlyphIndex.REPLACEMENT && glyph[slot] == 0)
                {
                    reuse(slot, GlyphIndex.REPLACEMENT);
                    continue;
                }
                final int w = width[slot];
                final int h = height[slot];
                if (x + w + 1 >= size)
                {
                    x = 1;
                    y = bottom;
                }
                if (x + w + 1 >= size || y + h + 1 >= size)
                {
                    return false;
                }
                if (w > 0 && h > 0)
                {
                    nstbtt_MakeGlyphBitmap(info.address(), MemoryUtil.memAddress(alpha) + x + (long)y * size, w, h,
                        size, scale, scale, glyph[slot]);
                }
                atlasX[slot] = x;
                atlasY[slot] = y;
                x += w + 1;
                bottom = Math.max(bottom, y + h + 1);
            }
            return true;
        }

        private void reuse(final int slot, final int from)
        {
            advance[slot] = advance[from];
            offsetX[slot] = offsetX[from];
            offsetY[slot] = offsetY[from];
            width[slot] = width[from];
            height[slot] = height[from];
            atlasX[slot] = atlasX[from];
            atlasY[slot] = atlasY[from];
        }
    }

    private static ByteBuffer read(final Path path)
    {
        final String name = path.toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            final long size = channel.size();
            if (size > FontFileValidator.MAX_FILE_BYTES)
            {
                throw new FontFormatException(name, -1, "file is " + size + " bytes, more than the " +
                    FontFileValidator.MAX_FILE_BYTES + " accepted");
            }
            if (size < 12)
            {
                throw new FontFormatException(name, 0, "file is " + size + " bytes, too short for a TrueType offset table");
            }
            final ByteBuffer data = MemoryUtil.memAlloc((int)size);
            try
            {
                while (data.hasRemaining())
                {
                    if (channel.read(data) < 0)
                    {
                        throw new FontFormatException(name, data.position(), "file ended early while reading");
                    }
                }
                data.flip();
                return data;
            }
            catch (final IOException | RuntimeException ex)
            {
                MemoryUtil.memFree(data);
                throw ex;
            }
        }
        catch (final IOException ex)
        {
            throw new FontFormatException(name, -1, "cannot be read: " + ex, ex);
        }
    }
}
