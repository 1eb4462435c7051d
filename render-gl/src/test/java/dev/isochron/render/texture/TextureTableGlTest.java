package dev.isochron.render.texture;

import dev.isochron.render.batch.GlDrawBackend;
import dev.isochron.render.gl.DecodedImage;
import dev.isochron.render.gl.GlObjectRegistry;
import dev.isochron.render.gl.GlObjectType;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureLoader;
import dev.isochron.render.gl.TextureWrap;
import dev.isochron.render.testing.HeadlessGl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL11C.GL_RGBA;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.glBindTexture;
import static org.lwjgl.opengl.GL11C.glGetTexImage;
import static org.lwjgl.opengl.GL11C.glPixelStorei;
import static org.lwjgl.opengl.GL11C.GL_PACK_ALIGNMENT;

/**
 * The render thread's upload on headless llvmpipe: a decoded image goes up a bounded number of bytes per frame, row
 * strips landing where they belong, and an unload deletes the texture.
 */
class TextureTableGlTest
{
    private static final long WAIT_NS = TimeUnit.SECONDS.toNanos(20);
    /** One row of the 16x8 test image per frame. */
    private static final long ROW_BYTES = 16 * 4;
    private static final int KEY = 5;

    private HeadlessGl gl;
    private GlDrawBackend backend;
    private TextureTable table;

    @BeforeEach
    void open()
    {
        gl = HeadlessGl.open(16, 16);
        backend = new GlDrawBackend(64);
        table = new TextureTable(backend, 4, ROW_BYTES, TextureLoader.Limits.DEFAULT);
    }

    @AfterEach
    void close()
    {
        table.close();
        backend.close();
        gl.close();
    }

    private TextureHandle loadedHandleCountingUploadFrames(final int[] uploadFrames)
    {
        final TextureHandle handle = table.declare(TextureTableTest.sprites(), TextureFilter.NEAREST,
            TextureWrap.CLAMP_TO_EDGE, KEY, 0, 0);
        handle.load();
        final long deadline = System.nanoTime() + WAIT_NS;
        while (!handle.isReady())
        {
            assertTrue(System.nanoTime() < deadline, "not ready within 20 s: " + handle.failure());
            final long bytes = table.beginFrame();
            assertTrue(bytes <= ROW_BYTES, "uploaded " + bytes + " bytes in one frame");
            if (bytes > 0)
            {
                uploadFrames[0]++;
            }
        }
        return handle;
    }

    @Test
    void shouldUploadAtMostTheFrameBudgetPerFrame()
    {
        final int[] uploadFrames = new int[1];

        loadedHandleCountingUploadFrames(uploadFrames);

        assertEquals(8, uploadFrames[0], "a 16x8 image at one 64-byte row per frame");
        assertEquals(8 * ROW_BYTES, table.bytesUploaded());
    }

    @Test
    void shouldPutEveryRowStripWhereItBelongs()
    {
        loadedHandleCountingUploadFrames(new int[1]);
        final ByteBuffer texels = MemoryUtil.memAlloc((int)(8 * ROW_BYTES));
        try (DecodedImage expected = TextureLoader.decodeFile(TextureTableTest.sprites(), TextureLoader.Limits.DEFAULT))
        {
            glBindTexture(GL_TEXTURE_2D, table.handle(0).texture().textureName());
            glPixelStorei(GL_PACK_ALIGNMENT, 4);
            glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);

            for (int i = 0; i < 8 * ROW_BYTES; i++)
            {
                assertEquals(MemoryUtil.memGetByte(expected.address() + i), texels.get(i), "byte " + i);
            }
        }
        finally
        {
            MemoryUtil.memFree(texels);
        }
    }

    @Test
    void shouldDeleteTheTextureWhenUnloaded()
    {
        final GlObjectRegistry registry = GlObjectRegistry.current();
        final TextureHandle handle = loadedHandleCountingUploadFrames(new int[1]);
        final int withTexture = registry.liveCount(GlObjectType.TEXTURE);

        handle.unload();
        table.beginFrame();

        assertEquals(TextureState.UNLOADED, handle.state());
        assertEquals(withTexture - 1, registry.liveCount(GlObjectType.TEXTURE));
    }
}
