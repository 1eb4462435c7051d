package dev.isochron.render.atlas;

import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one atlas file's lines into {@link AtlasPage}s and {@link AtlasEntry}s, checking every bound as it goes (see
 * {@link AtlasFile}). A line is {@code key: value[, value...]} when it holds a colon, else a page or region name: the
 * first name after a blank line (or the header) starts a page, the names after it start regions. Single use.
 */
final class AtlasFileParser
{
    private static final int MAX_VALUES = 4;
    private static final String PAGE_KEYS = "size, format, filter, repeat, pma";
    private static final String REGION_KEYS = "bounds, xy, size, offsets, offset, orig, rotate, index, split, pad";
    private static final List<String> FORMATS =
        List.of("Alpha", "Intensity", "LuminanceAlpha", "RGB565", "RGBA4444", "RGB888", "RGBA8888");
    private static final List<String> FILTERS = List.of("Nearest", "Linear", "MipMap", "MipMapNearestNearest",
        "MipMapLinearNearest", "MipMapNearestLinear", "MipMapLinearLinear");

    private final String label;
    private final Path directory;
    private final byte[] content;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final List<AtlasPage> pages = new ArrayList<>();
    private final List<AtlasEntry> entries = new ArrayList<>();
    private final String[] values = new String[MAX_VALUES];
    private int position;
    private int lineNumber;
    private String key;
    private int valueCount;

    AtlasFileParser(final String label, final Path directory, final byte[] content)
    {
        this.label = label;
        this.directory = directory;
        this.content = content;
    }

    AtlasFile parse()
    {
        if (content.length > AtlasFile.MAX_FILE_BYTES)
        {
            throw new AtlasFormatException(label, 0, "longer than " + AtlasFile.MAX_FILE_BYTES + " bytes " +
                "(AtlasFile.MAX_FILE_BYTES); split it into several atlases");
        }
        if (content.length >= 3 && (byte)0xEF == content[0] && (byte)0xBB == content[1] && (byte)0xBF == content[2])
        {
            position = 3; // a UTF-8 byte order mark, as some editors write
        }
        String line = nextLine();
        while (null != line && line.isBlank())
        {
            line = nextLine();
        }
        // header fields before the first page (libGDX skips them too)
        while (null != line && !line.isBlank() && readEntry(line))
        {
            line = nextLine();
        }
        boolean inPage = false;
        while (null != line)
        {
            if (line.isBlank())
            {
                inPage = false;
                line = nextLine();
            }
            else if (!inPage)
            {
                line = readPage(line.trim());
                inPage = true;
            }
            else
            {
                line = readRegion(line.trim());
            }
        }
        if (pages.isEmpty())
        {
            throw new AtlasFormatException(label, 0, "names no page: an atlas starts with its page image's file " +
                "name, then the page's fields (size, format, filter, repeat)");
        }
        return new AtlasFile(label, directory, pages, entries);
    }

    /** Reads a page's fields; @return the first line after them (a region name, a blank line, or null). */
    private String readPage(final String name)
    {
        final int line = lineNumber;
        if (pages.size() == AtlasFile.MAX_PAGES)
        {
            throw error(line, "more than " + AtlasFile.MAX_PAGES + " pages (AtlasFile.MAX_PAGES)");
        }
        checkPageName(name, line);
        int width = 0;
        int height = 0;
        String format = "RGBA8888";
        TextureFilter filter = TextureFilter.NEAREST;
        TextureWrap wrap = TextureWrap.CLAMP_TO_EDGE;
        boolean pma = false;
        int seen = 0;
        String next = nextLine();
        while (null != next && readEntry(next))
        {
            switch (key)
            {
                case "size":
                    seen = once(seen, 0);
                    expectValues(2, "width, height");
                    width = intValue(0, "width", 1, Texture.MAX_SIZE);
                    height = intValue(1, "height", 1, Texture.MAX_SIZE);
                    break;
                case "format":
                    seen = once(seen, 1);
                    expectValues(1, "a pixel format");
                    format = oneOf(0, "format", FORMATS);
                    break;
                case "filter":
                    seen = once(seen, 2);
                    expectValues(2, "minification filter, magnification filter");
                    final String min = oneOf(0, "minification filter", FILTERS);
                    final String mag = oneOf(1, "magnification filter", FILTERS);
                    filter = min.startsWith("MipMap") ? TextureFilter.LINEAR_MIPMAP :
                        "Nearest".equals(min) && "Nearest".equals(mag) ? TextureFilter.NEAREST : TextureFilter.LINEAR;
                    break;
                case "repeat":
                    seen = once(seen, 3);
                    expectValues(1, "none, x, y or xy");
                    wrap = "none".equals(oneOf(0, "repeat", List.of("none", "x", "y", "xy"))) ?
                        TextureWrap.CLAMP_TO_EDGE : TextureWrap.REPEAT;
                    break;
                case "pma":
                    seen = once(seen, 4);
                    expectValues(1, "true or false");
                    pma = "true".equals(oneOf(0, "pma", List.of("true", "false")));
                    break;
                default:
                    throw error(lineNumber, "unknown page field '" + key + "'; a page has " + PAGE_KEYS);
            }
            next = nextLine();
        }
        pages.add(new AtlasPage(name, line, width, height, format, filter, wrap, pma));
        return next;
    }

    /** Reads a region's fields; @return the first line after them. */
    private String readRegion(final String name)
    {
        final int line = lineNumber;
        if (entries.size() == AtlasFile.MAX_REGIONS)
        {
            throw error(line, "more than " + AtlasFile.MAX_REGIONS + " regions (AtlasFile.MAX_REGIONS)");
        }
        final int max = Texture.MAX_SIZE;
        int x = -1;
        int y = -1;
        int width = -1;
        int height = -1;
        int degrees = 0;
        int offsetX = 0;
        int offsetY = 0;
        int originalWidth = -1;
        int originalHeight = -1;
        int index = -1;
        int[] splits = null;
        int[] pads = null;
        int seen = 0;
        String next = nextLine();
        while (null != next && readEntry(next))
        {
            switch (key)
            {
                case "bounds":
                    seen = once(seen, 0, 1, 2);
                    expectValues(4, "x, y, width, height");
                    x = intValue(0, "x", 0, max - 1);
                    y = intValue(1, "y", 0, max - 1);
                    width = intValue(2, "width", 1, max);
                    height = intValue(3, "height", 1, max);
                    break;
                case "xy":
                    seen = once(seen, 1, 0);
                    expectValues(2, "x, y");
                    x = intValue(0, "x", 0, max - 1);
                    y = intValue(1, "y", 0, max - 1);
                    break;
                case "size":
                    seen = once(seen, 2, 0);
                    expectValues(2, "width, height");
                    width = intValue(0, "width", 1, max);
                    height = intValue(1, "height", 1, max);
                    break;
                case "offsets":
                    seen = once(seen, 3, 4, 5);
                    expectValues(4, "offset x, offset y, original width, original height");
                    offsetX = intValue(0, "offset x", 0, max);
                    offsetY = intValue(1, "offset y", 0, max);
                    originalWidth = intValue(2, "original width", 1, max);
                    originalHeight = intValue(3, "original height", 1, max);
                    break;
                case "offset":
                    seen = once(seen, 4, 3);
                    expectValues(2, "offset x, offset y");
                    offsetX = intValue(0, "offset x", 0, max);
                    offsetY = intValue(1, "offset y", 0, max);
                    break;
                case "orig":
                    seen = once(seen, 5, 3);
                    expectValues(2, "original width, original height");
                    originalWidth = intValue(0, "original width", 1, max);
                    originalHeight = intValue(1, "original height", 1, max);
                    break;
                case "rotate":
                    seen = once(seen, 6);
                    expectValues(1, "true, false or degrees");
                    degrees = "true".equals(values[0]) ? 90 : "false".equals(values[0]) ? 0 :
                        intValue(0, "rotate", 0, 359);
                    break;
                case "index":
                    seen = once(seen, 7);
                    expectValues(1, "an integer, -1 for none");
                    index = intValue(0, "index", -1, Integer.MAX_VALUE);
                    break;
                case "split":
                    seen = once(seen, 8);
                    expectValues(4, "left, right, top, bottom");
                    splits = fourValues("split", 0);
                    break;
                case "pad":
                    seen = once(seen, 9);
                    expectValues(4, "left, right, top, bottom");
                    pads = fourValues("pad", -1);
                    break;
                default:
                    throw error(lineNumber, "unknown region field '" + key + "'; a region has " + REGION_KEYS);
            }
            next = nextLine();
        }
        if (x < 0 || width < 0)
        {
            throw error(line, "region '" + name + "' has no " + (x < 0 ? "position" : "size") + ": give " +
                "'bounds: x, y, width, height' (or 'xy: x, y' and 'size: width, height')");
        }
        if (originalWidth < 0)
        {
            originalWidth = width;
            originalHeight = height;
        }
        checkInsidePage(name, line, x, y, 90 == degrees ? height : width, 90 == degrees ? width : height);
        entries.add(new AtlasEntry(name, line, pages.size() - 1, index, x, y, width, height, degrees, offsetX,
            offsetY, originalWidth, originalHeight, splits, pads));
        return next;
    }

    private void checkInsidePage(final String name, final int line, final int x, final int y, final int w, final int h)
    {
        final AtlasPage page = pages.get(pages.size() - 1);
        if (page.width() > 0 && (x + w > page.width() || y + h > page.height()))
        {
            throw error(line, "region '" + name + "' at " + x + "," + y + " (" + w + "x" + h + " on the page) " +
                "reaches outside its page '" + page.fileName() + "' of " + page.width() + "x" + page.height());
        }
    }

    private void checkPageName(final String name, final int line)
    {
        final boolean escapes = name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf(':') >= 0 ||
            name.equals("..") || name.startsWith("../") || name.endsWith("/..") || name.contains("/../");
        if (escapes)
        {
            throw error(line, "page image '" + name + "' must be a relative path inside the atlas's directory " +
                "('/' separators, no '..', no drive or absolute path)");
        }
    }

    /** Marks field {@code bit} seen; @throws AtlasFormatException when it, or a field it conflicts with, was seen. */
    private int once(final int seen, final int bit, final int... conflicting)
    {
        int mask = 1 << bit;
        for (final int other : conflicting)
        {
            mask |= 1 << other;
        }
        if (0 != (seen & mask))
        {
            throw error(lineNumber, "field '" + key + "' repeats a field given above in the same block " +
                "(bounds replaces xy and size, offsets replaces offset and orig)");
        }
        return seen | (1 << bit);
    }

    private void expectValues(final int count, final String what)
    {
        if (valueCount != count)
        {
            throw error(lineNumber, "'" + key + "' takes " + count + (1 == count ? " value" : " values") + " (" +
                what + "), got " + valueCount);
        }
    }

    private int[] fourValues(final String what, final int min)
    {
        final int[] four = new int[MAX_VALUES];
        for (int i = 0; i < MAX_VALUES; i++)
        {
            four[i] = intValue(i, what, min, Texture.MAX_SIZE);
        }
        return four;
    }

    private String oneOf(final int value, final String what, final List<String> allowed)
    {
        final String text = values[value];
        if (!allowed.contains(text))
        {
            throw error(lineNumber, what + " must be one of " + String.join(", ", allowed) + ", was '" + text + "'");
        }
        return text;
    }

    /** Parses value {@code value} as a decimal integer in [min, max] (at most 10 digits, so it cannot overflow). */
    private int intValue(final int value, final String what, final int min, final int max)
    {
        final String text = values[value];
        final int length = text.length();
        final boolean negative = length > 0 && '-' == text.charAt(0);
        final int first = negative ? 1 : 0;
        long number = 0;
        boolean valid = length > first && length - first <= 10;
        for (int i = first; valid && i < length; i++)
        {
            final char c = text.charAt(i);
            valid = c >= '0' && c <= '9';
            number = 10 * number + (c - '0');
        }
        if (negative)
        {
            number = -number;
        }
        if (!valid || number < min || number > max)
        {
            throw error(lineNumber, "'" + key + "' " + what + " must be an integer in [" + min + ", " + max +
                "], was '" + text + "'");
        }
        return (int)number;
    }

    /** Splits {@code key: v1, v2, ...} into {@link #key} and {@link #values}; @return false when it has no colon. */
    private boolean readEntry(final String line)
    {
        final String trimmed = line.trim();
        final int colon = trimmed.indexOf(':');
        if (colon < 0)
        {
            return false;
        }
        key = trimmed.substring(0, colon).trim();
        int count = 0;
        int start = colon + 1;
        while (true)
        {
            final int comma = trimmed.indexOf(',', start);
            if (count == MAX_VALUES)
            {
                throw error(lineNumber, "'" + key + "' has more than " + MAX_VALUES + " values");
            }
            values[count++] = (comma < 0 ? trimmed.substring(start) : trimmed.substring(start, comma)).trim();
            if (comma < 0)
            {
                break;
            }
            start = comma + 1;
        }
        valueCount = count;
        return true;
    }

    /** @return the next line without its end ({@code \n}, {@code \r\n} or a lone {@code \r}), or null at the end. */
    private String nextLine()
    {
        if (position >= content.length)
        {
            return null;
        }
        lineNumber++;
        final int start = position;
        int end = start;
        while (end < content.length && '\n' != content[end] && '\r' != content[end])
        {
            final byte b = content[end];
            if ((b >= 0 && b < 0x20 && '\t' != b) || 0x7f == b)
            {
                throw error(lineNumber, "holds the control character 0x" + Integer.toHexString(b) + " at column " +
                    (end - start + 1) + ": an atlas is text");
            }
            end++;
            if (end - start > AtlasFile.MAX_LINE_BYTES)
            {
                throw error(lineNumber, "is longer than " + AtlasFile.MAX_LINE_BYTES + " bytes " +
                    "(AtlasFile.MAX_LINE_BYTES)");
            }
        }
        position = end;
        if (position < content.length && '\r' == content[position])
        {
            position++;
        }
        if (position < content.length && '\n' == content[position])
        {
            position++;
        }
        try
        {
            return utf8.decode(ByteBuffer.wrap(content, start, end - start)).toString();
        }
        catch (final CharacterCodingException ex)
        {
            throw error(lineNumber, "is not UTF-8 text (" + ex.getMessage() + ")");
        }
    }

    private AtlasFormatException error(final int line, final String problem)
    {
        return new AtlasFormatException(label, line, problem);
    }
}
