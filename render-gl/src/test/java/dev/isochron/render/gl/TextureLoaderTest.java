package dev.isochron.render.gl;

import dev.isochron.render.testing.HeadlessGl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.system.MemoryUtil;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.isochron.render.testing.HeadlessGl.rgba;
import static org.junit.jupiter.api.Assertions.*;
import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.stb.STBImageWrite.stbi_write_png;

@SuppressWarnings("try") // a HeadlessGl resource keeps its context current for the block, unreferenced
class TextureLoaderTest
{
    private static final String VERTEX =
        "#version 330 core\n" +
        "const vec2 CORNERS[3] = vec2[3](vec2(-1.0, -1.0), vec2(3.0, -1.0), vec2(-1.0, 3.0));\n" +
        "out vec2 v_uv;\n" +
        "void main()\n" +
        "{\n" +
        "    vec2 p = CORNERS[gl_VertexID];\n" +
        "    v_uv = vec2(p.x * 0.5 + 0.5, 0.5 - p.y * 0.5);\n" + // v = 0 at the top of the screen
        "    gl_Position = vec4(p, 0.0, 1.0);\n" +
        "}\n";
    private static final String FRAGMENT =
        "#version 330 core\n" +
        "uniform sampler2D u_texture;\n" +
        "in vec2 v_uv;\n" +
        "out vec4 colour;\n" +
        "void main()\n" +
        "{\n" +
        "    colour = texture(u_texture, v_uv);\n" +
        "}\n";
    private static final int RED = rgba(255, 0, 0, 255);
    private static final int GREEN = rgba(0, 255, 0, 255);
    private static final int BLUE = rgba(0, 0, 255, 255);
    private static final int WHITE = rgba(255, 255, 255, 255);

    @TempDir
    Path directory;

    @Test
    void shouldNamePathWhenFileIsMissing()
    {
        final Path missing = directory.resolve("ship.png");
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> TextureLoader.load(missing));
            assertEquals("texture file " + missing + " not found", failure.getCause().getMessage());
            assertEquals(1, gl.context().objects().liveCount(GlObjectType.TEXTURE)); // the draw target colour only
        }
    }

    @Test
    void shouldNameResourceWhenMissing()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> TextureLoader.loadResource("sprites/absent.png"));
            assertEquals("texture resource 'sprites/absent.png' not found on the classpath",
                failure.getCause().getMessage());
        }
    }

    @Test
    void shouldNamePathAndStbReasonWhenCorrupt() throws Exception
    {
        final Path corrupt = directory.resolve("corrupt.png");
        final byte[] bytes = {(byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
        Files.write(corrupt, bytes);
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> TextureLoader.load(corrupt));
            assertTrue(failure.getMessage().startsWith("texture " + corrupt + " cannot be decoded: "), failure.getMessage());
            final String reason = failure.getMessage().substring(("texture " + corrupt + " cannot be decoded: ").length(),
                failure.getMessage().indexOf(" (19 bytes;"));
            assertFalse(reason.isEmpty());
            assertNotEquals("null", reason);
        }
    }

    @Test
    void shouldLoadPngAndDrawItTopRowAtTop()
    {
        final Path png = directory.resolve("quad.png");
        writePng(png);
        try (HeadlessGl gl = HeadlessGl.open(16, 16);
            ShaderProgram program = ShaderProgram.fromSources("textured", VERTEX, FRAGMENT);
            Texture texture = TextureLoader.load(png, TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE))
        {
            assertEquals(2, texture.width());
            assertEquals(2, texture.height());
            assertEquals(png.toString(), texture.label());
            gl.clear(0f, 0f, 0f, 1f);
            program.use();
            program.setInt(program.uniformLocation("u_texture"), 0);
            texture.bind(0);
            glDrawArrays(GL_TRIANGLES, 0, 3);
            gl.readBack();
            assertEquals(64, gl.countMatching(0, 0, 8, 8, RED, 0));
            assertEquals(64, gl.countMatching(8, 0, 8, 8, GREEN, 0));
            assertEquals(64, gl.countMatching(0, 8, 8, 8, BLUE, 0));
            assertEquals(64, gl.countMatching(8, 8, 8, 8, WHITE, 0));
        }
    }

    @Test
    void shouldUpdateRawRgbaTexture()
    {
        final ByteBuffer texel = MemoryUtil.memAlloc(4);
        try (HeadlessGl gl = HeadlessGl.open(8, 8);
            ShaderProgram program = ShaderProgram.fromSources("textured", VERTEX, FRAGMENT);
            Texture texture = Texture.fromRgba("blank", 1, 1, 0L, TextureFilter.NEAREST, TextureWrap.REPEAT))
        {
            texel.put(0, (byte)0).put(1, (byte)255).put(2, (byte)255).put(3, (byte)255);
            texture.update(0, 0, 1, 1, MemoryUtil.memAddress(texel));
            gl.clear(0f, 0f, 0f, 1f);
            program.use();
            texture.bind(0);
            glDrawArrays(GL_TRIANGLES, 0, 3);
            gl.readBack();
            assertEquals(64, gl.countMatching(rgba(0, 255, 255, 255), 0));
        }
        finally
        {
            MemoryUtil.memFree(texel);
        }
    }

    @Test
    void shouldRejectUpdateOutsideTexture()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8);
            Texture texture = Texture.fromRgba("atlas", 4, 4, 0L, TextureFilter.LINEAR, TextureWrap.CLAMP_TO_EDGE))
        {
            final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> texture.update(2, 2, 4, 1, 0L));
            assertEquals("texture 'atlas' update rectangle (2, 2, 4x1) must lie inside 4x4", failure.getMessage());
        }
    }

    @Test
    void shouldUnregisterOnClose()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final int before = gl.context().objects().liveCount(GlObjectType.TEXTURE);
            final Texture texture = Texture.fromRgba("temp", 2, 2, 0L, TextureFilter.LINEAR, TextureWrap.REPEAT);
            assertEquals(before + 1, gl.context().objects().liveCount(GlObjectType.TEXTURE));
            texture.close();
            texture.close();
            assertEquals(before, gl.context().objects().liveCount(GlObjectType.TEXTURE));
        }
    }

    @Test
    void shouldRefuseBindAfterClose()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final Texture texture = Texture.fromRgba("temp", 2, 2, 0L, TextureFilter.LINEAR, TextureWrap.REPEAT);
            texture.close();

            final IllegalStateException failure = assertThrows(IllegalStateException.class, () -> texture.bind(0));
            assertEquals("Texture 'temp' used after close(): the GL texture is deleted", failure.getMessage());
        }
    }

    private static void writePng(final Path path)
    {
        // rows top-down: red, green / blue, white
        final byte[] texels = {
            (byte)255, 0, 0, (byte)255, 0, (byte)255, 0, (byte)255,
            0, 0, (byte)255, (byte)255, (byte)255, (byte)255, (byte)255, (byte)255};
        final ByteBuffer pixels = MemoryUtil.memAlloc(texels.length);
        try
        {
            pixels.put(texels).flip();
            assertTrue(stbi_write_png(path.toString(), 2, 2, 4, pixels, 8));
        }
        finally
        {
            MemoryUtil.memFree(pixels);
        }
    }

    @Test
    void shouldRefuseAnnouncedSizeBeforeDecoding() throws Exception
    {
        // 29 bytes found by fuzzing: a top-down BMP announcing 35x655,360 pixels (stb_image would allocate 92 MB)
        final byte[] bmp;
        try (java.io.InputStream in = getClass().getResourceAsStream(
            "/dev/isochron/render/fuzz/TextureDecodeFuzzTestInputs/fuzzDecodeLikeTextureLoader/bmp-top-down-negative-height"))
        {
            assertNotNull(in, "seed file");
            bmp = in.readAllBytes();
        }
        final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
            () -> TextureLoader.decode("huge.bmp", bmp, TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE));
        assertEquals("texture huge.bmp announces 35x655360 pixels; each side must be in [1, 16384] (refused before decoding)",
            failure.getMessage());
    }

    @Test
    void shouldRefuseAFileLongerThanTheLimitBeforeReadingIt() throws Exception
    {
        final Path png = directory.resolve("quad.png");
        writePng(png);
        final long size = Files.size(png);
        final TextureLoader.Limits limits = new TextureLoader.Limits(size - 1, TextureLoader.Limits.DEFAULT_MAX_PIXEL_BYTES);

        final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
            () -> TextureLoader.load(png, TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE, limits));

        assertEquals("texture file " + png + " is " + size + " bytes, over the limit of " + (size - 1) + " bytes " +
            "(TextureLoader.Limits maxFileBytes; refused before reading); pass larger Limits to load it",
            failure.getMessage());
    }

    @Test
    void shouldStopReadingOneBytePastTheLimitWhenTheFileNeverEnds()
    {
        // /dev/zero reports a size of 0 and never ends: an unbounded read would exhaust the heap
        final Path endless = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(endless), "no /dev/zero on this system");
        final TextureLoader.Limits limits = new TextureLoader.Limits(1024, TextureLoader.Limits.DEFAULT_MAX_PIXEL_BYTES);

        final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
            () -> TextureLoader.load(endless, TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE, limits));

        assertEquals("texture file /dev/zero is more than 1024 bytes, over the limit of 1024 bytes " +
            "(TextureLoader.Limits maxFileBytes; refused before reading); pass larger Limits to load it",
            failure.getMessage());
    }

    @Test
    void shouldRefuseAnImageOverThePixelBudgetBeforeDecoding()
    {
        final Path png = directory.resolve("quad.png");
        writePng(png);
        final TextureLoader.Limits limits = new TextureLoader.Limits(TextureLoader.Limits.DEFAULT_MAX_FILE_BYTES, 2 * 2 * 4 - 1);

        final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
            () -> TextureLoader.load(png, TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE, limits));

        assertEquals("texture " + png + " announces 2x2 pixels, 16 bytes of RGBA, over the limit of 15 bytes " +
            "(TextureLoader.Limits maxPixelBytes; refused before decoding); pass larger Limits to load it",
            failure.getMessage());
    }

    @Test
    void shouldLoadAnImageExactlyAtBothLimits() throws Exception
    {
        final Path png = directory.resolve("quad.png");
        writePng(png);
        final TextureLoader.Limits limits = new TextureLoader.Limits(Files.size(png), 2 * 2 * 4);
        try (HeadlessGl gl = HeadlessGl.open(8, 8);
            Texture texture = TextureLoader.load(png, TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE, limits))
        {
            assertEquals(2, texture.width());
            assertEquals(2, texture.height());
        }
    }

    @Test
    void shouldRefuseLimitsOutOfRange()
    {
        final IllegalArgumentException file = assertThrows(IllegalArgumentException.class,
            () -> new TextureLoader.Limits(0, TextureLoader.Limits.DEFAULT_MAX_PIXEL_BYTES));
        assertEquals("maxFileBytes must be in [1, 2147483639], was 0", file.getMessage());
        final IllegalArgumentException pixels = assertThrows(IllegalArgumentException.class,
            () -> new TextureLoader.Limits(TextureLoader.Limits.DEFAULT_MAX_FILE_BYTES, 3));
        assertEquals("maxPixelBytes must be in [4, 1073741824], was 3", pixels.getMessage());
    }
}
