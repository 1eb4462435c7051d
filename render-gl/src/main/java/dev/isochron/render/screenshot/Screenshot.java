package dev.isochron.render.screenshot;

import dev.isochron.engine.io.AtomicFileWriter;
import dev.isochron.render.context.GlContext;
import dev.isochron.render.gl.Framebuffer;
import dev.isochron.render.gl.GlObjectRegistry;
import dev.isochron.render.gl.NativeBlock;
import org.lwjgl.stb.STBIWriteCallback;
import org.lwjgl.stb.STBIWriteCallbackI;
import org.lwjgl.system.MemoryUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import static org.lwjgl.opengl.GL30C.*;
import static org.lwjgl.stb.STBImageWrite.nstbi_write_png_to_func;

/**
 * Writes frames as PNG files. GL stores rows bottom-up; PNG top-down: rows are flipped here, in a copy,
 * without touching stb's global flip flag (which would change every other writer in the process).
 * <p>
 * The PNG is encoded into memory by stb_image_write ({@code stbi_write_png_to_func}) and written from Java through
 * {@link AtomicFileWriter}: the file appears complete or not at all. Why not {@code stbi_write_png} to the path: it
 * ignores {@code fwrite}'s and {@code fclose}'s errors, so a full disk left a truncated PNG that was reported
 * written, and a device path such as {@code /dev/full} was reported as a screenshot.
 * <p>
 * Errors name the path and the reason: a missing directory, a directory that is not writable, a path that is a
 * directory, a device or a FIFO, a full disk. Render thread for the reading methods; the
 * {@link #writePng(Path, int, int, ByteBuffer)} method runs on any thread.
 */
public final class Screenshot
{
    /** The output's name in messages. */
    private static final String WHAT = "screenshot";
    private static final String PIXELS = "Screenshot read-back memory";

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
        // guard bands in checking mode (the context's): a read-back that wrote more than width * height * 4 is named
        final NativeBlock pixels = NativeBlock.allocate(PIXELS, (long)width * height * 4, 16, false,
            GlObjectRegistry.current().checked());
        try
        {
            final int previous = glGetInteger(GL_READ_FRAMEBUFFER_BINDING);
            glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
            glReadBuffer(readBuffer);
            Framebuffer.packTightly();
            nglReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.address());
            glBindFramebuffer(GL_READ_FRAMEBUFFER, previous);
            pixels.verify();
            writeFlipped(path, width, height, pixels.address());
        }
        finally
        {
            pixels.free();
        }
    }

    private static void writeFlipped(final Path path, final int width, final int height, final long bottomUp)
    {
        final Path target = checkWritable(path);
        final int stride = width * 4;
        final ByteBuffer topDown = MemoryUtil.memAlloc(stride * height);
        final EncodedPng png = new EncodedPng();
        final STBIWriteCallback sink = STBIWriteCallback.create(png);
        try
        {
            final long topDownAddress = MemoryUtil.memAddress(topDown);
            for (int row = 0; row < height; row++)
            {
                MemoryUtil.memCopy(bottomUp + (long)(height - 1 - row) * stride, topDownAddress + (long)row * stride, stride);
            }
            if (nstbi_write_png_to_func(sink.address(), 0L, width, height, 4, topDownAddress, stride) == 0 ||
                png.failed)
            {
                throw failure(new IOException("cannot write " + WHAT + " " + target + ": stb_image_write could not " +
                    "encode the " + width + "x" + height + " PNG in memory (out of native memory)"));
            }
            AtomicFileWriter.writeBytes(WHAT, target, MemoryUtil.memByteBuffer(png.address, (int)png.length));
        }
        catch (final IOException ex)
        {
            throw failure(ex);
        }
        finally
        {
            sink.free();
            png.free();
            MemoryUtil.memFree(topDown);
        }
    }

    /** @return the absolute path, after refusing what {@link AtomicFileWriter} cannot write before any GL work. */
    private static Path checkWritable(final Path path)
    {
        final Path absolute = path.toAbsolutePath();
        final String reason = AtomicFileWriter.unwritableReason(absolute);
        if (null != reason)
        {
            throw failure(new IOException("cannot write " + WHAT + " " + absolute + ": " + reason));
        }
        return absolute;
    }

    /** @return {@code cause} unchecked, with its message (not its {@code toString()}) as the message. */
    private static UncheckedIOException failure(final IOException cause)
    {
        return new UncheckedIOException(cause.getMessage(), cause);
    }

    /**
     * Collects the PNG stb_image_write encodes (it hands the whole file to the callback, once, from memory) in native
     * memory that grows as needed. The callback runs inside native code, so it throws nothing: a failed allocation
     * sets {@link #failed}.
     */
    private static final class EncodedPng implements STBIWriteCallbackI
    {
        long address;
        long length;
        long capacity;
        boolean failed;

        public void invoke(final long context, final long data, final int size)
        {
            if (failed || size <= 0)
            {
                return;
            }
            final long needed = length + size;
            if (needed > capacity)
            {
                final long grown = Math.max(needed, capacity * 2);
                final long moved = MemoryUtil.nmemRealloc(address, grown);
                if (0L == moved)
                {
                    failed = true;
                    return;
                }
                address = moved;
                capacity = grown;
            }
            MemoryUtil.memCopy(data, address + length, size);
            length = needed;
        }

        void free()
        {
            MemoryUtil.nmemFree(address);
            address = 0L;
        }
    }
}
