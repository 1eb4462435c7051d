package dev.isochron.render.gl;

import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.lwjgl.stb.STBImage.*;

/**
 * Loads PNG and JPEG (and the other formats stb_image reads) into {@link Texture}s, from a file or a
 * classpath resource, decoded to RGBA8.
 * <p>
 * Errors name the path: a missing file or resource gives "... not found", an undecodable one gives
 * stb_image's {@code stbi_failure_reason()}. Nothing is returned empty after a failure. Render thread
 * (it creates GL objects); loading allocates and is not for the frame path.
 * <p>
 * Untrusted files are bounded by {@link Limits}: a file (or resource, or encoded array) longer than
 * {@link Limits#maxFileBytes()} is refused before it is read (and the read itself stops one byte past the limit, so a
 * file that grows or a device file that never ends cannot exhaust memory), and an image whose header announces more
 * than {@link Limits#maxPixelBytes()} of RGBA8 pixels is refused before stb_image decodes it. The methods without a
 * {@code Limits} parameter use {@link Limits#DEFAULT}.
 */
public final class TextureLoader
{
    /**
     * The bounds a load keeps to: the encoded size and the decoded RGBA8 size. Immutable; any thread.
     */
    public static final class Limits
    {
        /** Default longest encoded image accepted: 64 MiB. */
        public static final long DEFAULT_MAX_FILE_BYTES = 64L << 20;
        /** Default largest decoded image accepted: 256 MiB of RGBA8, e.g. 8192 x 8192. */
        public static final long DEFAULT_MAX_PIXEL_BYTES = 256L << 20;
        /** Largest file limit accepted: a Java array's practical maximum. */
        public static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8L;
        /** Largest pixel limit accepted: the largest texture, {@link Texture#MAX_SIZE} squared, in RGBA8. */
        public static final long MAX_PIXEL_BYTES = 4L * Texture.MAX_SIZE * Texture.MAX_SIZE;
        /** 64 MiB encoded, 256 MiB decoded. */
        public static final Limits DEFAULT = new Limits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_PIXEL_BYTES);

        private final long maxFileBytes;
        private final long maxPixelBytes;

        /**
         * @param maxFileBytes  longest encoded image accepted, in [1, {@value #MAX_FILE_BYTES}].
         * @param maxPixelBytes largest decoded image accepted (width x height x 4), in [4, {@value #MAX_PIXEL_BYTES}].
         * @throws IllegalArgumentException naming the limit, its range and the value.
         */
        public Limits(final long maxFileBytes, final long maxPixelBytes)
        {
            if (maxFileBytes < 1 || maxFileBytes > MAX_FILE_BYTES)
            {
                throw new IllegalArgumentException("maxFileBytes must be in [1, " + MAX_FILE_BYTES + "], was " +
                    maxFileBytes);
            }
            if (maxPixelBytes < 4 || maxPixelBytes > MAX_PIXEL_BYTES)
            {
                throw new IllegalArgumentException("maxPixelBytes must be in [4, " + MAX_PIXEL_BYTES + "], was " +
                    maxPixelBytes);
            }
            this.maxFileBytes = maxFileBytes;
            this.maxPixelBytes = maxPixelBytes;
        }

        /** @return the longest encoded image accepted, bytes. */
        public long maxFileBytes()
        {
            return maxFileBytes;
        }

        /** @return the largest decoded image accepted (width x height x 4), bytes. */
        public long maxPixelBytes()
        {
            return maxPixelBytes;
        }

        /**
         * {@inheritDoc}
         */
        public String toString()
        {
            return "Limits{maxFileBytes=" + maxFileBytes + ", maxPixelBytes=" + maxPixelBytes + '}';
        }
    }

    private TextureLoader()
    {
    }

    /** Loads a file with {@link TextureFilter#LINEAR} and {@link TextureWrap#CLAMP_TO_EDGE}. */
    public static Texture load(final Path path)
    {
        return load(path, TextureFilter.LINEAR, TextureWrap.CLAMP_TO_EDGE);
    }

    /**
     * Loads a file within {@link Limits#DEFAULT}.
     *
     * @throws UncheckedIOException naming the path with "not found", or the read error.
     * @throws IllegalArgumentException naming the path and stb_image's reason when it cannot be decoded, or the limit
     *                                  it exceeds.
     */
    public static Texture load(final Path path, final TextureFilter filter, final TextureWrap wrap)
    {
        return load(path, filter, wrap, Limits.DEFAULT);
    }

    /**
     * Loads a file within {@code limits}: a file longer than {@link Limits#maxFileBytes()} is refused before it is
     * read, an image announcing more than {@link Limits#maxPixelBytes()} before it is decoded.
     *
     * @throws UncheckedIOException naming the path with "not found", or the read error.
     * @throws IllegalArgumentException naming the path and stb_image's reason when it cannot be decoded, or the limit
     *                                  it exceeds.
     */
    public static Texture load(final Path path, final TextureFilter filter, final TextureWrap wrap, final Limits limits)
    {
        return decode(path.toAbsolutePath().toString(), readFile(path, limits), filter, wrap, limits);
    }

    /**
     * Reads and decodes a file within {@code limits} without uploading it: no GL, so any thread may call it once
     * stb_image is loaded (the runtime loads it in its native-loading phase). The caller owns the result and frees its
     * pixels with {@link DecodedImage#close()}.
     *
     * @throws UncheckedIOException naming the path with "not found", or the read error.
     * @throws IllegalArgumentException naming the path and stb_image's reason when it cannot be decoded, or the limit
     *                                  it exceeds.
     */
    public static DecodedImage decodeFile(final Path path, final Limits limits)
    {
        return decodePixels(path.toAbsolutePath().toString(), readFile(path, limits), limits);
    }

    /** Reads a whole file within {@code limits}: refused before reading when longer, the read itself bounded. */
    private static byte[] readFile(final Path path, final Limits limits)
    {
        if (null == limits)
        {
            throw nullLimits();
        }
        final String label = path.toAbsolutePath().toString();
        try
        {
            final long size = Files.size(path);
            if (size > limits.maxFileBytes())
            {
                throw fileTooLong("texture file " + label + " is " + size + " bytes", limits);
            }
            try (InputStream in = Files.newInputStream(path))
            {
                return readBounded(in, "file " + label, limits);
            }
        }
        catch (final NoSuchFileException ex)
        {
            throw new UncheckedIOException(new IOException("texture file " + label + " not found", ex));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(new IOException("texture file " + label + " cannot be read: " + ex, ex));
        }
    }

    /** Loads a classpath resource with {@link TextureFilter#LINEAR} and {@link TextureWrap#CLAMP_TO_EDGE}. */
    public static Texture loadResource(final String resource)
    {
        return loadResource(resource, TextureFilter.LINEAR, TextureWrap.CLAMP_TO_EDGE);
    }

    /**
     * Loads a classpath resource within {@link Limits#DEFAULT}, e.g. {@code "sprites/ship.png"} (leading '/'
     * optional).
     *
     * @throws UncheckedIOException naming the resource with "not found", or the read error.
     * @throws IllegalArgumentException naming the resource and stb_image's reason when it cannot be decoded, or the
     *                                  limit it exceeds.
     */
    public static Texture loadResource(final String resource, final TextureFilter filter, final TextureWrap wrap)
    {
        return loadResource(resource, filter, wrap, Limits.DEFAULT);
    }

    /**
     * Loads a classpath resource within {@code limits}; the read stops one byte past {@link Limits#maxFileBytes()}.
     *
     * @throws UncheckedIOException naming the resource with "not found", or the read error.
     * @throws IllegalArgumentException naming the resource and stb_image's reason when it cannot be decoded, or the
     *                                  limit it exceeds.
     */
    public static Texture loadResource(
        final String resource, final TextureFilter filter, final TextureWrap wrap, final Limits limits)
    {
        final String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null)
        {
            loader = TextureLoader.class.getClassLoader();
        }
        final byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(path))
        {
            if (in == null)
            {
                throw new UncheckedIOException(new IOException("texture resource '" + resource +
                    "' not found on the classpath"));
            }
            bytes = readBounded(in, "resource '" + resource + "'", limits);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(new IOException("texture resource '" + resource + "' cannot be read: " +
                ex, ex));
        }
        return decode("classpath:" + path, bytes, filter, wrap, limits);
    }

    /** Reads at most {@code maxFileBytes + 1} bytes: one more than allowed proves the input too long. */
    private static byte[] readBounded(final InputStream in, final String label, final Limits limits) throws IOException
    {
        final long max = limits.maxFileBytes();
        final byte[] bytes = in.readNBytes((int)Math.min(Integer.MAX_VALUE - 8L, max + 1));
        if (bytes.length > max)
        {
            throw fileTooLong("texture " + label + " is more than " + max + " bytes", limits);
        }
        return bytes;
    }

    private static IllegalArgumentException fileTooLong(final String what, final Limits limits)
    {
        return new IllegalArgumentException(what + ", over the limit of " + limits.maxFileBytes() + " bytes " +
            "(TextureLoader.Limits maxFileBytes; refused before reading); pass larger Limits to load it");
    }

    /**
     * Refuses an image whose header announces a size a texture cannot have, before stb_image decodes it: a 29-byte
     * BMP (found by fuzzing) announces 35x655,360 pixels and would make stb_image allocate 92 MB first. stbi_info
     * reports a top-down BMP's height as negative, so the magnitude is checked.
     */
    private static void refuseAnnouncedSizeOutOfRange(
        final String label, final ByteBuffer input, final IntBuffer width, final IntBuffer height, final IntBuffer channels,
        final Limits limits)
    {
        if (stbi_info_from_memory(input, width, height, channels))
        {
            final long w = Math.abs((long)width.get(0));
            final long h = Math.abs((long)height.get(0));
            if (w < 1 || w > Texture.MAX_SIZE || h < 1 || h > Texture.MAX_SIZE)
            {
                throw new IllegalArgumentException("texture " + label + " announces " + w + "x" + h +
                    " pixels; each side must be in [1, " + Texture.MAX_SIZE + "] (refused before decoding)");
            }
            final long pixelBytes = 4L * w * h;
            if (pixelBytes > limits.maxPixelBytes())
            {
                throw new IllegalArgumentException("texture " + label + " announces " + w + "x" + h + " pixels, " +
                    pixelBytes + " bytes of RGBA, over the limit of " + limits.maxPixelBytes() + " bytes " +
                    "(TextureLoader.Limits maxPixelBytes; refused before decoding); pass larger Limits to load it");
            }
        }
    }

    /**
     * Decodes an encoded image held in memory, within {@link Limits#DEFAULT}.
     *
     * @param label names it in errors and leak reports.
     * @throws IllegalArgumentException naming the label and stb_image's reason when it cannot be decoded, or the
     *                                  limit it exceeds.
     */
    public static Texture decode(final String label, final byte[] encoded, final TextureFilter filter,
        final TextureWrap wrap)
    {
        return decode(label, encoded, filter, wrap, Limits.DEFAULT);
    }

    /**
     * Decodes an encoded image held in memory, within {@code limits}.
     *
     * @param label names it in errors and leak reports.
     * @throws IllegalArgumentException naming the label and stb_image's reason when it cannot be decoded, or the
     *                                  limit it exceeds.
     */
    public static Texture decode(final String label, final byte[] encoded, final TextureFilter filter,
        final TextureWrap wrap, final Limits limits)
    {
        try (DecodedImage image = decodePixels(label, encoded, limits))
        {
            return Texture.fromRgba(label, image.width(), image.height(), image.address(), filter, wrap);
        }
    }

    /**
     * Decodes an encoded image held in memory into RGBA8 pixels, within {@code limits}, without uploading it: no GL,
     * so any thread may call it once stb_image is loaded. The caller frees the pixels with {@link DecodedImage#close()}.
     *
     * @param label names it in errors.
     * @throws IllegalArgumentException naming the label and stb_image's reason when it cannot be decoded, the limit it
     *                                  exceeds, or the size a texture cannot have.
     */
    public static DecodedImage decodePixels(final String label, final byte[] encoded, final Limits limits)
    {
        if (null == limits)
        {
            throw nullLimits();
        }
        if (encoded.length > limits.maxFileBytes())
        {
            throw fileTooLong("texture " + label + " is " + encoded.length + " bytes", limits);
        }
        final ByteBuffer input = MemoryUtil.memAlloc(Math.max(1, encoded.length));
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            input.put(encoded).flip();
            final IntBuffer width = stack.mallocInt(1);
            final IntBuffer height = stack.mallocInt(1);
            final IntBuffer channels = stack.mallocInt(1);
            refuseAnnouncedSizeOutOfRange(label, input, width, height, channels, limits);
            final ByteBuffer pixels = stbi_load_from_memory(input, width, height, channels, 4);
            if (pixels == null)
            {
                throw new IllegalArgumentException("texture " + label + " cannot be decoded: " + stbi_failure_reason() +
                    " (" + encoded.length + " bytes; PNG, JPEG, BMP, TGA, GIF, PSD, HDR, PIC and PNM are supported)");
            }
            final int w = width.get(0);
            final int h = height.get(0);
            if (w < 1 || w > Texture.MAX_SIZE || h < 1 || h > Texture.MAX_SIZE)
            {
                // stb_image "decodes" some empty images (a BMP header with height 0 gives 35x0 and 0 bytes)
                stbi_image_free(pixels);
                throw new IllegalArgumentException("texture '" + label + "' size must be in [1, " + Texture.MAX_SIZE +
                    "] on each side, was " + w + "x" + h);
            }
            return new DecodedImage(label, w, h, MemoryUtil.memAddress(pixels));
        }
        finally
        {
            MemoryUtil.memFree(input);
        }
    }

    private static IllegalArgumentException nullLimits()
    {
        return new IllegalArgumentException("limits must not be null; use TextureLoader.Limits.DEFAULT");
    }
}
