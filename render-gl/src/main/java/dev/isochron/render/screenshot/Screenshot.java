package dev.isochron.render.screenshot;

import dev.isochron.render.context.GlContext;
import dev.isochron.render.gl.Framebuffer;
import org.lwjgl.system.MemoryUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.lwjgl.opengl.GL30C.*;
import static org.lwjgl.stb.STBImageWrite.nstbi_write_png;

/**
 * Writes frames as PNG files. GL stores rows bottom-up; PNG top-down: rows are flipped here, in a copy,
 * without touching stb's global flip flag (which would change every other writer in the process).
 * <p>
 * Errors name the path and the reason: a missing directory, a directory that is not writable, a path that
 * is a directory, or stb_image_write failing to write. Render thread for the reading methods; the
 * {@link #writePng(Path, int, int, ByteBuffer)} method runs on any thread.
 */
public final class Screenshot
{
    private Screenshot()
    {
    }

    /**
     * Reads the frame the context draws into — a window's back buffer (call it before
     * {@link GlContext#swapBuffers()}) or a headless context's framebuffer — and writes it as PNG.
     *
     * @throws UncheckedIOException naming the path and the reason when it cannot be written.
     */
    public static void write(final GlContext context, final Path path)
    {
        final int framebuffer = context.drawFramebufferName();
        capture(framebuffer, framebuffer == 0 ? GL_BACK : GL_COLOR_ATTACHMENT0,
            context.framebufferWidth(), context.framebufferHeight(), path);
    }

    /**
     * Reads {@code framebuffer}'s colour attachment and writes it as PNG.
     *
     * @throws UncheckedIOException naming the path and the reason when it cannot be written.
     */
    public static void write(final Framebuffer framebuffer, final Path path)
    {
        capture(framebuffer.framebufferName(), GL_COLOR_ATTACHMENT0, framebuffer.width(), framebuffer.height(), path);
    }

    /**
     * Writes RGBA8 pixels stored bottom-up (GL order, as {@link Framebuffer#readPixels()} gives them) as a PNG
     * whose first row is the top of the frame.
     *
     * @param rgbaBottomUp at least {@code width * height * 4} bytes from its position.
     * @throws UncheckedIOException naming the path and the reason when it cannot be written.
     */
    public static void writePng(final Path path, final int width, final int height, final ByteBuffer rgbaBottomUp)
    {
        if (width < 1 || height < 1)
        {
            throw new IllegalArgumentException("screenshot size must be at least 1x1, was " + width + "x" + height);
        }
        final int stride = width * 4;
        if (rgbaBottomUp.remaining() < stride * height)
        {
            throw new IllegalArgumentException("screenshot pixels must hold " + stride * height + " bytes for " +
                width + "x" + height + " RGBA, had " + rgbaBottomUp.remaining());
        }
        writeFlipped(path, width, height, MemoryUtil.memAddress(rgbaBottomUp));
    }

    private static void capture(final int framebuffer, final int readBuffer, final int width, final int height,
        final Path path)
    {
        checkWritable(path);
        final ByteBuffer pixels = MemoryUtil.memAlloc(width * height * 4);
        try
        {
            final int previous = glGetInteger(GL_READ_FRAMEBUFFER_BINDING);
            glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
            glReadBuffer(readBuffer);
            glPixelStorei(GL_PACK_ALIGNMENT, 4);
            nglReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, MemoryUtil.memAddress(pixels));
            glBindFramebuffer(GL_READ_FRAMEBUFFER, previous);
            writeFlipped(path, width, height, MemoryUtil.memAddress(pixels));
        }
        finally
        {
            MemoryUtil.memFree(pixels);
        }
    }

    private static void writeFlipped(final Path path, final int width, final int height, final long bottomUp)
    {
        checkWritable(path);
        final int stride = width * 4;
        final ByteBuffer topDown = MemoryUtil.memAlloc(stride * height);
        final ByteBuffer fileName = MemoryUtil.memUTF8(path.toAbsolutePath().toString(), true);
        try
        {
            final long topDownAddress = MemoryUtil.memAddress(topDown);
            for (int row = 0; row < height; row++)
            {
                MemoryUtil.memCopy(bottomUp + (long)(height - 1 - row) * stride, topDownAddress + (long)row * stride, stride);
            }
            if (nstbi_write_png(MemoryUtil.memAddress(fileName), width, height, 4, topDownAddress, stride) == 0)
            {
                throw new UncheckedIOException(new IOException("cannot write screenshot " + path.toAbsolutePath() +
                    ": stb_image_write failed to write the PNG (disk full, or the file cannot be created)"));
            }
        }
        finally
        {
            MemoryUtil.memFree(fileName);
            MemoryUtil.memFree(topDown);
        }
    }

    private static void checkWritable(final Path path)
    {
        final Path absolute = path.toAbsolutePath();
        final Path directory = absolute.getParent();
        final String reason;
        if (directory == null || !Files.isDirectory(directory))
        {
            reason = "directory " + directory + " does not exist (create it first)";
        }
        else if (!Files.isWritable(directory))
        {
            reason = "directory " + directory + " is not writable";
        }
        else if (Files.isDirectory(absolute))
        {
            reason = "the path is a directory, not a file";
        }
        else
        {
            return;
        }
        throw new UncheckedIOException(new IOException("cannot write screenshot " + absolute + ": " + reason));
    }
}
