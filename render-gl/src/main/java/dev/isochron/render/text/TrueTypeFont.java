package dev.isochron.render.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.lwjgl.stb.STBTTBakedChar;
import org.lwjgl.stb.STBTTFontinfo;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import static org.lwjgl.stb.STBTruetype.stbtt_BakeFontBitmap;
import static org.lwjgl.stb.STBTruetype.stbtt_FindGlyphIndex;
import static org.lwjgl.stb.STBTruetype.stbtt_GetFontVMetrics;
import static org.lwjgl.stb.STBTruetype.stbtt_GetGlyphBitmapBox;
import static org.lwjgl.stb.STBTruetype.stbtt_InitFont;
import static org.lwjgl.stb.STBTruetype.stbtt_ScaleForPixelHeight;

/**
 * Bakes a TrueType font file into a {@link Font} with stb_truetype, after
 * {@link FontFileValidator} has checked the file (stb_truetype is not safe on malformed fonts).
 * The atlas is the smallest square power of two from 128 to {@link #MAX_ATLAS_SIZE} that holds
 * characters 32..126 at the requested pixel height. Start-up only: reads the file and allocates.
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
            STBTTFontinfo info = STBTTFontinfo.malloc();
            STBTTBakedChar.Buffer baked = STBTTBakedChar.malloc(Font.GLYPH_COUNT))
        {
            MemoryUtil.memCopy(MemoryUtil.memAddress0(data), MemoryUtil.memAddress(padded), size);
            padded.limit(size);
            if (!stbtt_InitFont(info, padded))
            {
                throw new FontFormatException(name, 0, "stb_truetype could not initialise the font");
            }
            for (int c = Font.FIRST_CHAR; c <= Font.LAST_CHAR; c++)
            {
                final int glyph = stbtt_FindGlyphIndex(info, c);
                if (glyph < 0 || glyph >= numGlyphs)
                {
                    throw new FontFormatException(name, -1, "cmap maps character " + c + " to glyph " + glyph +
                        ", beyond maxp.numGlyphs " + numGlyphs);
                }
                FontFileValidator.validateGlyph(name, data, glyph);
            }
            final float glyphScale = stbtt_ScaleForPixelHeight(info, pixelHeight);
            final IntBuffer x0 = stack.mallocInt(1);
            final IntBuffer y0 = stack.mallocInt(1);
            final IntBuffer x1 = stack.mallocInt(1);
            final IntBuffer y1 = stack.mallocInt(1);
            for (int c = Font.FIRST_CHAR; c <= Font.LAST_CHAR; c++)
            {
                stbtt_GetGlyphBitmapBox(info, stbtt_FindGlyphIndex(info, c), glyphScale, glyphScale, x0, y0, x1, y1);
                final long w = (long)x1.get(0) - x0.get(0);
                final long h = (long)y1.get(0) - y0.get(0);
                if (w < 0 || h < 0 || w > MAX_ATLAS_SIZE / 4 || h > MAX_ATLAS_SIZE / 4)
                {
                    throw new FontFormatException(name, -1, "character " + c + " would be " + w + "x" + h +
                        " pixels at " + pixelHeight + " px (at most " + (MAX_ATLAS_SIZE / 4) + " accepted)");
                }
            }
            final IntBuffer ascent = stack.mallocInt(1);
            final IntBuffer descent = stack.mallocInt(1);
            final IntBuffer lineGap = stack.mallocInt(1);
            stbtt_GetFontVMetrics(info, ascent, descent, lineGap);
            final float scale = stbtt_ScaleForPixelHeight(info, pixelHeight);
            final float ascentPx = ascent.get(0) * scale;
            final float lineHeight = (ascent.get(0) - descent.get(0) + lineGap.get(0)) * scale;

            int atlas = 128;
            ByteBuffer alpha = null;
            while (alpha == null)
            {
                final ByteBuffer candidate = MemoryUtil.memCalloc(atlas * atlas);
                final int result = stbtt_BakeFontBitmap(padded, pixelHeight, candidate, atlas, atlas, Font.FIRST_CHAR, baked);
                if (result > 0)
                {
                    alpha = candidate;
                }
                else
                {
                    MemoryUtil.memFree(candidate);
                    if (atlas == MAX_ATLAS_SIZE)
                    {
                        throw new FontFormatException(name, -1, "glyphs 32..126 at " + pixelHeight +
                            " px do not fit a " + MAX_ATLAS_SIZE + "x" + MAX_ATLAS_SIZE + " atlas");
                    }
                    atlas *= 2;
                }
            }
            return toFont(name, baked, alpha, atlas, lineHeight, ascentPx);
        }
        finally
        {
            MemoryUtil.memFree(padded);
        }
    }

    private static Font toFont(
        final String name,
        final STBTTBakedChar.Buffer baked,
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
        for (int g = 0; g < Font.GLYPH_COUNT; g++)
        {
            final STBTTBakedChar c = baked.get(g);
            final int x0 = c.x0();
            final int y0 = c.y0();
            final int x1 = c.x1();
            final int y1 = c.y1();
            glyphs.glyph(g, c.xadvance(), c.xoff(), ascentPx + c.yoff(), x1 - x0, y1 - y0, x0, y0, x1, y1);
        }
        return glyphs.toFont(name, lineHeight, ascentPx, rgba);
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
