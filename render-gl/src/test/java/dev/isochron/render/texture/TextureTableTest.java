package dev.isochron.render.texture;

import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureLoader;
import dev.isochron.render.gl.TextureWrap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run-time texture table with the null renderer (no GL): the loader thread decodes declared files when asked,
 * each frame's step makes them ready, failures land on their handle with the file named, and the thread ends with
 * the table. The GL upload is proven by the runtime's pixel test ({@code RuntimeTexturesTest}).
 */
class TextureTableTest
{
    private static final long WAIT_NS = TimeUnit.SECONDS.toNanos(20);
    private static final int KEY = 3;

    private final TextureTable table = new TextureTable(null, 8, TextureTable.DEFAULT_UPLOAD_BYTES_PER_FRAME,
        TextureLoader.Limits.DEFAULT);

    static Path sprites()
    {
        try
        {
            return Path.of(TextureTableTest.class.getResource("/dev/isochron/render/atlas/sprites.png").toURI());
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @AfterEach
    void close()
    {
        table.close();
    }

    private TextureHandle declare(final Path path)
    {
        return table.declare(path, TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE, KEY, 0, 0);
    }

    /** Runs frames (the table's per-frame step) until {@code done}, for at most 20 s; @return the frames run. */
    private int framesUntil(final BooleanSupplier done)
    {
        final long deadline = System.nanoTime() + WAIT_NS;
        int frames = 0;
        while (!done.getAsBoolean())
        {
            assertTrue(System.nanoTime() < deadline, "not done within 20 s");
            table.beginFrame();
            frames++;
            Thread.onSpinWait();
        }
        return frames;
    }

    static boolean loaderAlive()
    {
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.isAlive() && TextureTable.Constants.THREAD_NAME.equals(thread.getName()))
            {
                return true;
            }
        }
        return false;
    }

    @Test
    void shouldBecomeReadyWithTheImagesSizeAfterALoad()
    {
        final TextureHandle handle = declare(sprites());

        handle.load();
        framesUntil(handle::isReady);

        assertEquals(TextureState.READY, handle.state());
        assertEquals(16, handle.width());
        assertEquals(8, handle.height());
        assertEquals(KEY, handle.textureKey());
    }

    @Test
    void shouldStayUnloadedUntilALoadIsAsked() throws InterruptedException
    {
        final TextureHandle handle = declare(sprites());

        Thread.sleep(50);
        table.beginFrame();

        assertEquals(TextureState.UNLOADED, handle.state());
        assertEquals(0, handle.width());
    }

    @Test
    void shouldFailAMissingFileWithAMessageNamingIt(@TempDir final Path directory)
    {
        final Path missing = directory.resolve("absent.png");
        final TextureHandle handle = declare(missing);

        handle.load();
        framesUntil(handle::failed);

        assertEquals("texture file " + missing.toAbsolutePath() + " not found", handle.failure());
        assertEquals(TextureState.FAILED, handle.state());
    }

    @Test
    void shouldFailACorruptImageWithStbImagesReasonNamingIt(@TempDir final Path directory) throws IOException
    {
        final Path corrupt = Files.write(directory.resolve("corrupt.png"), new byte[]{(byte)0x89, 'P', 'N', 'G', 1, 2});
        final TextureHandle handle = declare(corrupt);

        handle.load();
        framesUntil(handle::failed);

        assertTrue(handle.failure().startsWith("texture " + corrupt.toAbsolutePath() + " cannot be decoded: "),
            handle.failure());
    }

    @Test
    void shouldFailAnAtlasPageOfAnotherSizeThanItsAtlasSays()
    {
        final TextureHandle handle = table.declare(sprites(), TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE, KEY,
            32, 8);

        handle.load();
        framesUntil(handle::failed);

        assertEquals("texture " + sprites().toAbsolutePath() + " is 16x8 pixels, but its atlas says 32x8: the " +
            "atlas's regions would sample the wrong pixels; pack the atlas and its page images again together",
            handle.failure());
    }

    @Test
    void shouldLoadAFailedFileAgainWhenAskedAgain(@TempDir final Path directory) throws IOException
    {
        final Path late = directory.resolve("late.png");
        final TextureHandle handle = declare(late);
        handle.load();
        framesUntil(handle::failed);
        Files.copy(sprites(), late);

        handle.load();
        framesUntil(handle::isReady);

        assertNull(handle.failure());
        assertEquals(16, handle.width());
    }

    @Test
    void shouldUnloadAReadyTexture()
    {
        final TextureHandle handle = declare(sprites());
        handle.load();
        framesUntil(handle::isReady);

        handle.unload();
        framesUntil(() -> TextureState.UNLOADED == handle.state());

        assertEquals(0, handle.width());
        assertFalse(handle.isReady());
    }

    @Test
    void shouldEndTheLoaderThreadWhenClosed()
    {
        declare(sprites()).load();
        assertTrue(loaderAlive(), "the first declaration starts the loader thread");

        table.close();

        assertFalse(loaderAlive());
    }

    @Test
    void shouldRefuseADeclarationOffTheThreadThatMadeTheTable() throws Exception
    {
        final Throwable[] failure = new Throwable[1];
        final Thread other = new Thread(() ->
        {
            try
            {
                declare(sprites());
            }
            catch (final IllegalStateException ex)
            {
                failure[0] = ex;
            }
        }, "not-the-render-thread");
        other.start();
        other.join();

        assertEquals("texture " + sprites() + " declared on thread not-the-render-thread: declare textures in " +
            "Application.init, on the render thread (" + Thread.currentThread().getName() + ")",
            failure[0].getMessage());
    }

    @Test
    void shouldStartNoThreadWithoutDeclarations()
    {
        table.beginFrame();

        assertFalse(loaderAlive());
    }
}
