package dev.isochron.render.screenshot;

import dev.isochron.render.gl.Framebuffer;
import dev.isochron.render.context.ContextOptions;
import dev.isochron.render.testing.HeadlessGl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.isochron.render.testing.HeadlessGl.rgba;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.stb.STBImage.stbi_image_free;
import static org.lwjgl.stb.STBImage.stbi_load;

@SuppressWarnings("try") // a HeadlessGl resource keeps its context current for the block, unreferenced
class ScreenshotTest
{
    private static final int WIDTH = 32;
    private static final int HEIGHT = 24;
    private static final Path DEV_FULL = Path.of("/dev/full");

    @TempDir
    Path directory;

    @Test
    void shouldWritePngWithTopRowFirst()
    {
        final Path file = directory.resolve("frame.png");
        try (HeadlessGl gl = HeadlessGl.open(WIDTH, HEIGHT))
        {
            gl.clear(0f, 0f, 1f, 1f);
            glEnable(GL_SCISSOR_TEST);
            glScissor(0, HEIGHT - 4, 8, 4); // the top-left 8x4 block, in GL's bottom-up rows
            glClearColor(1f, 0f, 0f, 1f);
            glClear(GL_COLOR_BUFFER_BIT);
            glDisable(GL_SCISSOR_TEST);
            Screenshot.write(gl.context(), file);
        }

        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final IntBuffer w = stack.mallocInt(1);
            final IntBuffer h = stack.mallocInt(1);
            final IntBuffer channels = stack.mallocInt(1);
            final ByteBuffer image = stbi_load(file.toString(), w, h, channels, 4);
            assertNotNull(image, "stb_image could not read the screenshot back");
            try
            {
                assertEquals(WIDTH, w.get(0));
                assertEquals(HEIGHT, h.get(0));
                assertEquals(rgba(255, 0, 0, 255), pixel(image, WIDTH, 0, 0));
                assertEquals(rgba(255, 0, 0, 255), pixel(image, WIDTH, 7, 3));
                assertEquals(rgba(0, 0, 255, 255), pixel(image, WIDTH, 8, 0));
                assertEquals(rgba(0, 0, 255, 255), pixel(image, WIDTH, 0, 4));
                assertEquals(rgba(0, 0, 255, 255), pixel(image, WIDTH, WIDTH - 1, HEIGHT - 1));
            }
            finally
            {
                stbi_image_free(image);
            }
        }
    }

    /** A row length left at twice the width made GL write twice the read-back memory (the guard bands would say). */
    @Test
    void shouldWriteTheFrameWhateverPackStateTheApplicationLeft()
    {
        final Path file = directory.resolve("packed.png");
        try (HeadlessGl gl = HeadlessGl.open(new ContextOptions().title("checked").size(WIDTH, HEIGHT).checked(true)))
        {
            gl.clear(0f, 1f, 0f, 1f);
            glPixelStorei(GL_PACK_ROW_LENGTH, 2 * WIDTH);
            glPixelStorei(GL_PACK_SKIP_PIXELS, 3);
            glPixelStorei(GL_PACK_ALIGNMENT, 8);
            Screenshot.write(gl.context(), file);
        }

        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final IntBuffer w = stack.mallocInt(1);
            final IntBuffer h = stack.mallocInt(1);
            final IntBuffer channels = stack.mallocInt(1);
            final ByteBuffer image = stbi_load(file.toString(), w, h, channels, 4);
            assertNotNull(image, "stb_image could not read the screenshot back");
            try
            {
                assertEquals(rgba(0, 255, 0, 255), pixel(image, WIDTH, 0, 0));
                assertEquals(rgba(0, 255, 0, 255), pixel(image, WIDTH, WIDTH - 1, HEIGHT - 1));
            }
            finally
            {
                stbi_image_free(image);
            }
        }
    }

    @Test
    void shouldWriteRawPixelsFlipped()
    {
        final Path file = directory.resolve("raw.png");
        final ByteBuffer pixels = MemoryUtil.memCalloc(2 * 2 * 4);
        try
        {
            final byte[] bottomUp = {
                0, (byte)255, 0, (byte)255, 0, (byte)255, 0, (byte)255,                 // bottom row: green
                (byte)255, (byte)255, (byte)255, (byte)255, (byte)255, (byte)255, (byte)255, (byte)255}; // top: white
            pixels.put(bottomUp).flip();
            Screenshot.writePng(file, 2, 2, pixels);
        }
        finally
        {
            MemoryUtil.memFree(pixels);
        }
        final int[] w = new int[1];
        final int[] h = new int[1];
        final int[] c = new int[1];
        final ByteBuffer image = stbi_load(file.toString(), w, h, c, 4);
        assertNotNull(image);
        try
        {
            assertEquals(rgba(255, 255, 255, 255), pixel(image, 2, 0, 0));
            assertEquals(rgba(0, 255, 0, 255), pixel(image, 2, 1, 1));
        }
        finally
        {
            stbi_image_free(image);
        }
    }

    @Test
    void shouldNamePathAndReasonWhenDirectoryIsMissing()
    {
        final Path file = directory.resolve("missing").resolve("frame.png");
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> Screenshot.write(gl.context(), file));
            assertEquals("cannot write screenshot " + file + ": directory " + file.getParent() +
                " does not exist (create it first)", failure.getCause().getMessage());
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void shouldNamePathWhenItIsADirectory()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> Screenshot.write(gl.framebuffer(), directory));
            assertEquals("cannot write screenshot " + directory + ": it is a directory; give a file name",
                failure.getCause().getMessage());
        }
    }

    @Test
    void shouldRefuseDevFullInsteadOfReportingAScreenshotWritten()
    {
        assumeTrue(Files.exists(DEV_FULL), "/dev/full is absent here");
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> Screenshot.write(gl.context(), DEV_FULL));
            assertEquals("cannot write screenshot /dev/full: it is a character device, not a regular file; " +
                "give the path of a regular file", failure.getMessage());
        }
    }

    @Test
    void shouldLeaveExactlyOneCompletePngAndNoTemporaryFile() throws Exception
    {
        final Path file = directory.resolve("frame.png");
        try (HeadlessGl gl = HeadlessGl.open(WIDTH, HEIGHT))
        {
            gl.clear(0f, 1f, 0f, 1f);
            Screenshot.write(gl.context(), file);
        }

        try (java.util.stream.Stream<Path> files = Files.list(directory))
        {
            assertEquals(java.util.List.of(file), files.collect(java.util.stream.Collectors.toList()));
        }
        final byte[] bytes = Files.readAllBytes(file);
        final byte[] iend = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte)0xAE, 0x42, 0x60, (byte)0x82};
        assertArrayEquals(iend, java.util.Arrays.copyOfRange(bytes, bytes.length - iend.length, bytes.length),
            "the PNG ends with its IEND chunk");
    }

    private static int pixel(final ByteBuffer image, final int width, final int x, final int y)
    {
        final int offset = (y * width + x) * 4;
        return rgba(image.get(offset) & 0xFF, image.get(offset + 1) & 0xFF, image.get(offset + 2) & 0xFF,
            image.get(offset + 3) & 0xFF);
    }

    /** Reading a deleted framebuffer's name would bind whatever GL gave that name next. */
    @Test
    void shouldRefuseAClosedFramebuffer()
    {
        try (HeadlessGl gl = HeadlessGl.open(WIDTH, HEIGHT))
        {
            final Framebuffer offscreen = new Framebuffer("shot", 4, 4, false);
            offscreen.close();

            final IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> Screenshot.write(offscreen, directory.resolve("never.png")));
            assertEquals("Framebuffer 'shot' used after close(): its GL objects are deleted and its read-back " +
                "memory freed", failure.getMessage());
            assertFalse(Files.exists(directory.resolve("never.png")));
        }
    }

    /** The bound on the flip's reads: the pixels must hold the whole frame. */
    @Test
    void shouldRefusePixelsShorterThanTheSize()
    {
        final ByteBuffer pixels = MemoryUtil.memAlloc(4 * 4 * 4 - 1);
        try
        {
            final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Screenshot.writePng(directory.resolve("short.png"), 4, 4, pixels));
            assertEquals("screenshot pixels must hold 64 bytes for 4x4 RGBA, had 63", failure.getMessage());
        }
        finally
        {
            MemoryUtil.memFree(pixels);
        }
    }
}
