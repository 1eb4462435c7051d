package dev.isochron.render.atlas;

import dev.isochron.render.batch.AtlasRegion;
import dev.isochron.render.gl.TextureLoader;
import dev.isochron.render.texture.TextureTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An atlas's regions as the batch draws them: found by name and by index, ordered as libGDX orders an animation's
 * frames, over the key of their page's declared texture; and what the batch cannot draw refused at declaration.
 * The null renderer's table: no GL, nothing loaded.
 */
class TextureAtlasTest
{
    private static final int FIRST_KEY = 7;

    private final TextureTable table = new TextureTable(null, 4, TextureTable.DEFAULT_UPLOAD_BYTES_PER_FRAME,
        TextureLoader.Limits.DEFAULT);
    private int nextKey = FIRST_KEY;

    @AfterEach
    void close()
    {
        table.close();
    }

    private TextureAtlas declare(final String resource)
    {
        return TextureAtlas.declare(AtlasFile.read(AtlasFileTest.resource(resource)), table, () -> nextKey++);
    }

    @Test
    void shouldFindARegionByNameAsTheTexelsOfItsPage()
    {
        final AtlasRegion floor = declare("modern.atlas").region("floor");

        assertEquals(FIRST_KEY, floor.textureKey());
        assertEquals(0f, floor.u0());
        assertEquals(0.5f, floor.v0());
        assertEquals(1f, floor.u1());
        assertEquals(1f, floor.v1());
        assertEquals(16, floor.widthPx());
        assertEquals(4, floor.heightPx());
    }

    @Test
    void shouldFindAnAnimationFrameByNameAndIndex()
    {
        final AtlasRegion second = declare("legacy.atlas").region("walk", 1);

        assertEquals(0.25f, second.u0());
        assertEquals(0.5f, second.u1());
    }

    @Test
    void shouldOrderAnAnimationsFramesByIndexWhateverTheFileOrder()
    {
        final TextureAtlas atlas = declare("legacy.atlas");

        final AtlasRegion[] walk = atlas.regions("walk");

        assertEquals(2, walk.length);
        assertSame(atlas.region("walk", 0), walk[0]);
        assertSame(atlas.region("walk", 1), walk[1]);
        assertSame(walk[0], atlas.region("walk"), "the lowest index comes first");
    }

    @Test
    void shouldDeclareOneTexturePerPageWithThePagesPathAndSampling()
    {
        final TextureAtlas atlas = declare("legacy.atlas");

        assertEquals(1, atlas.pageCount());
        assertEquals(AtlasFileTest.resource("sprites.png"), atlas.page(0).path());
        assertEquals(FIRST_KEY, atlas.page(0).textureKey());
        assertFalse(atlas.isReady(), "nothing is loaded before load()");
    }

    @Test
    void shouldNameTheAtlasWhenARegionIsMissing()
    {
        final TextureAtlas atlas = declare("modern.atlas");

        final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
            () -> atlas.region("walk", 5));

        assertEquals("atlas " + AtlasFileTest.resource("modern.atlas") + " has no region 'walk' with index 5; its " +
            "indices for that name: [0, 1]", failure.getMessage());
    }

    @Test
    void shouldRefuseARotatedRegionNamingFileAndLine()
    {
        final AtlasFile file = AtlasFile.parse("rotated.atlas",
            "p.png\nsize: 8, 8\nr\n  rotate: true\n  bounds: 0, 0, 2, 4\n".getBytes(StandardCharsets.UTF_8));

        final AtlasFormatException failure = assertThrows(AtlasFormatException.class,
            () -> TextureAtlas.declare(file, table, () -> nextKey++));

        assertEquals("atlas rotated.atlas:3: region 'r' is rotated by 90 degrees, and Isochron's SpriteBatch draws " +
            "texture rectangles unrotated: pack the atlas with rotation off (TexturePacker: rotation false)",
            failure.getMessage());
        assertEquals(0, table.declared(), "no page is declared for an atlas that is refused");
    }

    @Test
    void shouldRefusePremultipliedAlphaNamingFileAndLine()
    {
        final AtlasFile file = AtlasFile.parse("pma.atlas",
            "p.png\nsize: 8, 8\npma: true\n".getBytes(StandardCharsets.UTF_8));

        final AtlasFormatException failure = assertThrows(AtlasFormatException.class,
            () -> TextureAtlas.checkDrawable(file));

        assertTrue(failure.getMessage().startsWith("atlas pma.atlas:1: page 'p.png' has premultiplied alpha"),
            failure.getMessage());
    }
}
