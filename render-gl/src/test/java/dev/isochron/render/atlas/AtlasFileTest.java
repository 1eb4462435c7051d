package dev.isochron.render.atlas;

import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The libGDX text atlas reader: both layouts TexturePacker writes (before libGDX 1.10, and from it on) read into the
 * same pages and regions, and each kind of malformed line refused with the file and line named.
 */
class AtlasFileTest
{
    private static final String NAME = "test.atlas";

    static Path resource(final String name)
    {
        try
        {
            return Path.of(AtlasFileTest.class.getResource(name).toURI());
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static AtlasFile parse(final String text)
    {
        return AtlasFile.parse(NAME, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String failure(final String text)
    {
        return assertThrows(AtlasFormatException.class, () -> parse(text)).getMessage();
    }

    /** The page and four regions both test atlases describe. */
    private static void assertSpritesAtlas(final AtlasFile atlas)
    {
        assertEquals(1, atlas.pages().size());
        final AtlasPage page = atlas.pages().get(0);
        assertEquals("sprites.png", page.fileName());
        assertEquals(16, page.width());
        assertEquals(8, page.height());
        assertEquals(TextureFilter.NEAREST, page.filter());
        assertEquals(TextureWrap.CLAMP_TO_EDGE, page.wrap());
        assertEquals(4, atlas.entries().size());
        final AtlasEntry walk1 = atlas.entries().get(0);
        assertEquals("walk", walk1.name());
        assertEquals(1, walk1.index());
        assertEquals(4, walk1.x());
        assertEquals(0, walk1.y());
        assertEquals(4, walk1.width());
        assertEquals(4, walk1.height());
        final AtlasEntry gem = atlas.entries().get(2);
        assertEquals("gem", gem.name());
        assertEquals(-1, gem.index());
        assertEquals(1, gem.offsetX());
        assertEquals(1, gem.offsetY());
        assertEquals(1, gem.offsetTop());
        assertEquals(6, gem.originalWidth());
        assertEquals(6, gem.originalHeight());
        assertArrayEquals(new int[]{1, 1, 1, 1}, gem.splits());
        assertArrayEquals(new int[]{0, 0, 0, 0}, gem.pads());
        final AtlasEntry floor = atlas.entries().get(3);
        assertEquals(16, floor.originalWidth(), "orig defaults to the size");
        assertEquals(4, floor.y());
    }

    @Test
    void shouldReadTheLayoutBeforeLibGdx110()
    {
        final AtlasFile atlas = AtlasFile.read(resource("legacy.atlas"));

        assertSpritesAtlas(atlas);
        assertEquals(resource("sprites.png"), atlas.pagePath(0));
    }

    @Test
    void shouldReadTheLayoutOfLibGdx110()
    {
        final AtlasFile atlas = AtlasFile.read(resource("modern.atlas"));

        assertSpritesAtlas(atlas);
        assertEquals(resource("sprites.png"), atlas.pagePath(0));
    }

    @Test
    void shouldMapMipMapFiltersAndRepeatToIsochronsSampling()
    {
        final AtlasPage page = parse("p.png\nsize: 4, 4\nfilter: MipMapLinearLinear, Linear\nrepeat: xy\n")
            .pages().get(0);

        assertEquals(TextureFilter.LINEAR_MIPMAP, page.filter());
        assertEquals(TextureWrap.REPEAT, page.wrap());
    }

    @Test
    void shouldReadSeveralPagesSeparatedByBlankLines()
    {
        final AtlasFile atlas = parse("a.png\nsize: 4, 4\nr\n  bounds: 0, 0, 4, 4\n\nb.png\nsize: 8, 8\ns\n  " +
            "bounds: 4, 4, 4, 4\n");

        assertEquals(2, atlas.pages().size());
        assertEquals(1, atlas.entries().get(1).page());
        assertEquals("b.png", atlas.pages().get(1).fileName());
    }

    @Test
    void shouldNameFileAndLineOfAnUnknownField()
    {
        assertEquals("atlas test.atlas:4: unknown region field 'colour'; a region has bounds, xy, size, offsets, " +
            "offset, orig, rotate, index, split, pad", failure("p.png\nsize: 4, 4\nr\n  colour: 1, 2\n"));
    }

    @Test
    void shouldNameFileAndLineOfANumberThatIsNotAnInteger()
    {
        assertEquals("atlas test.atlas:3: 'bounds' width must be an integer in [1, 16384], was 'four'",
            failure("p.png\nr\n  bounds: 0, 0, four, 4\n"));
    }

    @Test
    void shouldNameFileAndLineOfANumberOutOfRange()
    {
        assertEquals("atlas test.atlas:2: 'size' width must be an integer in [1, 16384], was '99999999999'",
            failure("p.png\nsize: 99999999999, 4\n"));
    }

    @Test
    void shouldNameFileAndLineOfAFieldWithTooFewValues()
    {
        assertEquals("atlas test.atlas:4: 'bounds' takes 4 values (x, y, width, height), got 2",
            failure("p.png\nsize: 4, 4\nr\n  bounds: 0, 0\n"));
    }

    @Test
    void shouldNameFileAndLineOfARepeatedField()
    {
        assertEquals("atlas test.atlas:5: field 'xy' repeats a field given above in the same block (bounds " +
            "replaces xy and size, offsets replaces offset and orig)",
            failure("p.png\nsize: 4, 4\nr\n  bounds: 0, 0, 1, 1\n  xy: 1, 1\n"));
    }

    @Test
    void shouldNameFileAndLineOfARegionOutsideItsPage()
    {
        assertEquals("atlas test.atlas:3: region 'r' at 2,0 (4x4 on the page) reaches outside its page 'p.png' " +
            "of 4x4", failure("p.png\nsize: 4, 4\nr\n  bounds: 2, 0, 4, 4\n"));
    }

    @Test
    void shouldNameFileAndLineOfARegionWithoutPosition()
    {
        assertEquals("atlas test.atlas:3: region 'r' has no position: give 'bounds: x, y, width, height' (or " +
            "'xy: x, y' and 'size: width, height')", failure("p.png\nsize: 4, 4\nr\n  size: 1, 1\n"));
    }

    @Test
    void shouldNameFileAndLineOfAnUnknownFilter()
    {
        assertEquals("atlas test.atlas:2: minification filter must be one of Nearest, Linear, MipMap, " +
            "MipMapNearestNearest, MipMapLinearNearest, MipMapNearestLinear, MipMapLinearLinear, was 'Bicubic'",
            failure("p.png\nfilter: Bicubic, Linear\n"));
    }

    @Test
    void shouldNameFileAndLineOfAPageOutsideTheAtlasDirectory()
    {
        assertEquals("atlas test.atlas:4: page image '../secret.png' must be a relative path inside the atlas's " +
            "directory ('/' separators, no '..', no drive or absolute path)",
            failure("a.png\nsize: 4, 4\n\n../secret.png\nsize: 4, 4\n"));
    }

    @Test
    void shouldNameFileAndLineOfATooLongLine()
    {
        assertEquals("atlas test.atlas:2: is longer than 4096 bytes (AtlasFile.MAX_LINE_BYTES)",
            failure("p.png\n" + "x".repeat(5000) + "\n"));
    }

    @Test
    void shouldNameFileAndLineOfAControlCharacter()
    {
        assertEquals("atlas test.atlas:2: holds the control character 0x0 at column 2: an atlas is text",
            failure("p.png\nr\0\n"));
    }

    @Test
    void shouldNameFileAndLineOfBytesThatAreNotUtf8()
    {
        final byte[] text = "p.png\nr\n".getBytes(StandardCharsets.US_ASCII);
        text[6] = (byte)0xC3;

        final String message = assertThrows(AtlasFormatException.class, () -> AtlasFile.parse(NAME, text))
            .getMessage();

        assertEquals("atlas test.atlas:2: is not UTF-8 text (Input length = 1)", message);
    }

    @Test
    void shouldRefuseATextWithoutPage()
    {
        assertEquals("atlas test.atlas: names no page: an atlas starts with its page image's file name, then the " +
            "page's fields (size, format, filter, repeat)", failure("\n\nsize: 4, 4\n"));
    }

    @Test
    void shouldNameTheFileThatIsMissing(@TempDir final Path directory)
    {
        final Path missing = directory.resolve("absent.atlas");

        final UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> AtlasFile.read(missing));

        assertEquals("atlas file " + missing.toAbsolutePath() + " not found", failure.getCause().getMessage());
    }
}
