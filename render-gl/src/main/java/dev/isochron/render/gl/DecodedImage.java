package dev.isochron.render.gl;

import static org.lwjgl.stb.STBImage.nstbi_image_free;

/**
 * An image decoded by stb_image into RGBA8 native memory (rows top-down), not yet uploaded: what
 * {@link TextureLoader#decodeFile} makes off the render thread, so that only the upload is left for the thread that
 * owns the GL context.
 * <p>
 * Lifetime: the pixels live until {@link #close()}, which is allocation-free and may run on any thread (it is
 * {@code stbi_image_free}, i.e. {@code free}); after it {@link #address()} throws. Not thread-safe: hand it from the
 * decoding thread to the uploading one through a volatile write or a lock, as a texture handle does.
 */
public final class DecodedImage implements AutoCloseable
{
    private final String label;
    private final int width;
    private final int height;
    private long address;

    /**
     * @param address pixels stb_image allocated ({@code width * height * 4} bytes); this object frees them.
     */
    DecodedImage(final String label, final int width, final int height, final long address)
    {
        this.label = label;
        this.width = width;
        this.height = height;
        this.address = address;
    }

    /** @return what the image was decoded from (the absolute path of a file). */
    public String label()
    {
        return label;
    }

    /** @return width in pixels, in [1, {@link Texture#MAX_SIZE}]. */
    public int width()
    {
        return width;
    }

    /** @return height in pixels, in [1, {@link Texture#MAX_SIZE}]. */
    public int height()
    {
        return height;
    }

    /** @return the size of the pixels, {@code width * height * 4} bytes. */
    public long byteCount()
    {
        return 4L * width * height;
    }

    /** @return the address of the first pixel's red byte; the rows follow top-down without padding. */
    public long address()
    {
        if (0L == address)
        {
            throw Messages.usedAfterClose(label);
        }
        return address;
    }

    /** Frees the pixels; later calls do nothing. Allocation-free; any thread. */
    public void close()
    {
        final long pixels = address;
        if (0L != pixels)
        {
            address = 0L;
            nstbi_image_free(pixels);
        }
    }

    /** The message, in a class of its own so that DecodedImage holds no String constant (it is freed per frame). */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalStateException usedAfterClose(final String label)
        {
            return new IllegalStateException("decoded image " + label + " used after close(): its pixels are freed");
        }
    }
}
