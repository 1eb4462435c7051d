package dev.isochron.render.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.isochron.render.atlas.AtlasEntry;
import dev.isochron.render.atlas.AtlasFile;
import dev.isochron.render.atlas.AtlasFormatException;
import dev.isochron.render.atlas.AtlasPage;
import dev.isochron.render.atlas.TextureAtlas;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the atlas reader, {@link AtlasFile#parse}, and the check {@link TextureAtlas} makes before declaring pages:
 * whatever the bytes, they are accepted or refused with an {@link AtlasFormatException} naming the atlas; any other
 * exception (an index out of bounds, a number format error, an overflow) is a finding. What is accepted keeps the
 * reader's promises: at least one page, every page name relative, every region inside its page when the page states
 * its size, and every size within a texture's.
 * <p>
 * Seeded with the two layouts of the test atlas (src/test/resources/.../fuzz/AtlasFileFuzzTestInputs).
 */
class AtlasFileFuzzTest
{
    private static final String NAME = "fuzzed.atlas";

    @FuzzTest(maxDuration = "20s")
    void fuzzParseRawBytes(final byte[] text)
    {
        final AtlasFile atlas;
        try
        {
            atlas = AtlasFile.parse(NAME, text);
        }
        catch (final AtlasFormatException ex)
        {
            assertTrue(ex.getMessage().startsWith("atlas " + NAME), ex.getMessage());
            return;
        }
        assertTrue(atlas.pages().size() >= 1 && atlas.pages().size() <= AtlasFile.MAX_PAGES, "pages");
        assertTrue(atlas.entries().size() <= AtlasFile.MAX_REGIONS, "regions");
        for (final AtlasPage page : atlas.pages())
        {
            // "p../x" is a legal name (seed page-name-with-dots-inside-a-segment, found by this target); ".." is not
            assertTrue(!page.fileName().startsWith("/") && !List.of(page.fileName().split("/")).contains(".."),
                page.fileName());
        }
        for (final AtlasEntry entry : atlas.entries())
        {
            final AtlasPage page = atlas.pages().get(entry.page());
            assertTrue(entry.width() >= 1 && entry.height() >= 1, "size");
            if (page.width() > 0 && (0 == entry.degrees() || 90 == entry.degrees()))
            {
                final int w = 90 == entry.degrees() ? entry.height() : entry.width();
                final int h = 90 == entry.degrees() ? entry.width() : entry.height();
                assertTrue(entry.x() + w <= page.width() && entry.y() + h <= page.height(),
                    "region " + entry.name() + " inside its page");
            }
        }
        try
        {
            TextureAtlas.checkDrawable(atlas);
        }
        catch (final AtlasFormatException ex)
        {
            assertTrue(ex.getMessage().startsWith("atlas " + NAME + ":"), ex.getMessage());
        }
    }
}
