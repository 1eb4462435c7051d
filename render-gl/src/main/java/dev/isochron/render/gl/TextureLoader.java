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
 */
public final class TextureLoader
{
    private TextureLoader()
    {
    }

    /** Loads a file with {@link TextureFilter#LINEAR} and {@link TextureWrap#CLAMP_TO_EDGE}. */
    public static Texture load(final Path path)
    {
        return load(path, TextureFilter.LINEAR, TextureWrap.CLAMP_TO_EDGE);
    }

    /**
     * Loads a file.
     *
     * @throws UncheckedIOException naming the path with "not found", or the read error.
     * @throws IllegalArgumentException naming the path and stb_image's reason when it cannot be decoded.
     */
    public static Texture load(final Path path, final TextureFilter filter, final TextureWrap wrap)
    {
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(path);
        }
        catch (final NoSuchFileException ex)
        {
            throw new UncheckedIOException(new IOException("texture file " + path.toAbsolutePath() + " not found", ex));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(new IOException("texture file " + path.toAbsolutePath() +
                " cannot be read: " + ex, ex));
        }
        return decode(path.toAbsolutePath().toString(), bytes, filter, wrap);
    }

    /** Loads a classpath resource with {@link TextureFilter#LINEAR} and {@link TextureWrap#CLAMP_TO_EDGE}. */
    public static Texture loadResource(final String resource)
    {
        return loadResource(resource, TextureFilter.LINEAR, TextureWrap.CLAMP_TO_EDGE);
    }

    /**
     * Loads a classpath resource, e.g. {@code "sprites/ship.png"} (leading '/' optional).
     *
     * @throws UncheckedIOException naming the resource with "not found", or the read error.
     * @throws IllegalArgumentException naming the resource and stb_image's reason when it cannot be decoded.
     */
    public static Texture loadResource(final String resource, final TextureFilter filter, final TextureWrap wrap)
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
            bytes = in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(new IOException("texture resource '" + resource + "' cannot be read: " +
                ex, ex));
        }
        return decode("classpath:" + path, bytes, filter, wrap);
    }

    /**
     * Refuses an image whose header announces a size a texture cannot have, before stb_image decodes it: a 29-byte
     * BMP (found by fuzzing) announces 35x655,360 pixels and would make stb_image allocate 92 MB first. stbi_info
     * reports a top-down BMP's height as negative, so the magnitude is checked.
     */
    private static void refuseAnnouncedSizeOutOfRange(
        final String label, final ByteBuffer input, final IntBuffer width, final IntBuffer height, final IntBuffer channels)
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
        }
    }

    /**
     * Decodes an encoded image held in memory.
     *
     * @param label names it in errors and leak reports.
     * @throws IllegalArgumentException naming the label and stb_image's reason when it cannot be decoded.
     */
    public static Texture decode(final String label, final byte[] encoded, final TextureFilter filter,
        final TextureWrap wrap)
    {
        final ByteBuffer input = MemoryUtil.memAlloc(Math.max(1, encoded.length));
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            input.put(encoded).flip();
            final IntBuffer width = stack.mallocInt(1);
            final IntBuffer height = stack.mallocInt(1);
            final IntBuffer channels = stack.mallocInt(1);
            refuseAnnouncedSizeOutOfRange(label, input, width, height, channels);
            final ByteBuffer pixels = stbi_load_from_memory(input, width, height, channels, 4);
            if (pixels == null)
            {
                throw new IllegalArgumentException("texture " + label + " cannot be decoded: " + stbi_failure_reason() +
                    " (" + encoded.length + " bytes; PNG, JPEG, BMP, TGA, GIF, PSD, HDR, PIC and PNM are supported)");
            }
            try
            {
                return Texture.fromRgba(label, width.get(0), height.get(0), pixels, filter, wrap);
            }
            finally
            {
                stbi_image_free(pixels);
            }
        }
        finally
        {
            MemoryUtil.memFree(input);
        }
    }
}
