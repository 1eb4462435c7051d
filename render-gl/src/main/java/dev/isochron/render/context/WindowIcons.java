package dev.isochron.render.context;

import dev.isochron.render.natives.NativeLibrary;
import dev.isochron.render.natives.NativeLoading;
import org.lwjgl.glfw.GLFWImage;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.lwjgl.glfw.GLFW.GLFW_PLATFORM_COCOA;
import static org.lwjgl.glfw.GLFW.GLFW_PLATFORM_WAYLAND;
import static org.lwjgl.glfw.GLFW.glfwGetPlatform;
import static org.lwjgl.glfw.GLFW.glfwSetWindowIcon;
import static org.lwjgl.stb.STBImage.stbi_failure_reason;
import static org.lwjgl.stb.STBImage.stbi_image_free;
import static org.lwjgl.stb.STBImage.stbi_info_from_memory;
import static org.lwjgl.stb.STBImage.stbi_load_from_memory;

/**
 * A window icon's images ({@link ContextOptions#icons}), decoded by stb_image into RGBA before the window opens, so
 * that a bad file fails the window's creation before there is a window to clean up; set on the window once it is
 * open, then freed.
 * <p>
 * Bounded like {@code TextureLoader}: a file over {@value #MAX_FILE_BYTES} bytes is refused before it is read, an image
 * announcing a side over {@value #MAX_SIDE} pixels before it is decoded (no platform shows a larger icon).
 * <p>
 * Threading: the platform (main) thread, where the window is made. Start-up only.
 */
final class WindowIcons implements AutoCloseable
{
    /** Largest icon side accepted, in pixels. */
    static final int MAX_SIDE = 1024;
    /** Largest icon file accepted, in bytes. */
    static final long MAX_FILE_BYTES = 16L << 20;

    private final ByteBuffer[] pixels;
    private final int[] widths;
    private final int[] heights;

    private WindowIcons(final int count)
    {
        pixels = new ByteBuffer[count];
        widths = new int[count];
        heights = new int[count];
    }

    /**
     * @param paths the icon's files, possibly none.
     * @return the decoded images, to {@link #close()}.
     * @throws IllegalArgumentException naming the file and why it cannot be an icon (missing, unreadable, too large,
     *                                  not an image stb_image decodes).
     */
    static WindowIcons decode(final List<Path> paths)
    {
        final WindowIcons icons = new WindowIcons(paths.size());
        if (!paths.isEmpty())
        {
            NativeLoading.preload(NativeLibrary.STB);
        }
        try
        {
            for (int i = 0; i < paths.size(); i++)
            {
                icons.decode(i, paths.get(i));
            }
        }
        catch (final RuntimeException ex)
        {
            icons.close();
            throw ex;
        }
        return icons;
    }

    private void decode(final int index, final Path path)
    {
        final byte[] encoded = read(path);
        final ByteBuffer input = MemoryUtil.memAlloc(Math.max(1, encoded.length));
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            input.put(encoded).flip();
            final IntBuffer width = stack.mallocInt(1);
            final IntBuffer height = stack.mallocInt(1);
            final IntBuffer channels = stack.mallocInt(1);
            if (stbi_info_from_memory(input, width, height, channels))
            {
                final long w = Math.abs((long)width.get(0));
                final long h = Math.abs((long)height.get(0));
                if (w < 1 || w > MAX_SIDE || h < 1 || h > MAX_SIDE)
                {
                    throw new IllegalArgumentException("window icon " + path.toAbsolutePath() + " announces " + w +
                        "x" + h + " pixels; each side must be in [1, " + MAX_SIDE + "] (refused before decoding)");
                }
            }
            final ByteBuffer decoded = stbi_load_from_memory(input, width, height, channels, 4);
            if (null == decoded)
            {
                throw new IllegalArgumentException("window icon " + path.toAbsolutePath() + " cannot be decoded: " +
                    stbi_failure_reason() + " (" + encoded.length + " bytes; give a PNG, or another format " +
                    "stb_image reads)");
            }
            pixels[index] = decoded;
            widths[index] = width.get(0);
            heights[index] = height.get(0);
        }
        finally
        {
            MemoryUtil.memFree(input);
        }
    }

    private static byte[] read(final Path path)
    {
        try
        {
            final long size = Files.size(path);
            if (size > MAX_FILE_BYTES)
            {
                throw new IllegalArgumentException("window icon " + path.toAbsolutePath() + " is " + size +
                    " bytes, over the limit of " + MAX_FILE_BYTES + " (refused before reading); give a smaller image");
            }
            return Files.readAllBytes(path);
        }
        catch (final NoSuchFileException ex)
        {
            throw new IllegalArgumentException("window icon " + path.toAbsolutePath() + " does not exist", ex);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("window icon " + path.toAbsolutePath() + " cannot be read: " + ex, ex);
        }
    }

    /** @return whether there are no images (no icon asked for). */
    boolean isEmpty()
    {
        return 0 == pixels.length;
    }

    /**
     * Sets the images as {@code window}'s icon, unless the platform's windows have none.
     *
     * @return whether it was set: false without images, and on Wayland and macOS (GLFW reports it unavailable there;
     * their icons come from the desktop file or the application bundle).
     */
    boolean applyTo(final long window)
    {
        if (isEmpty() || !platformHasIcons())
        {
            return false;
        }
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final GLFWImage.Buffer images = GLFWImage.malloc(pixels.length, stack);
            for (int i = 0; i < pixels.length; i++)
            {
                images.get(i).set(widths[i], heights[i], pixels[i]);
            }
            glfwSetWindowIcon(window, images);
        }
        return true;
    }

    /** @return whether the GLFW platform in use gives windows an icon of their own. */
    static boolean platformHasIcons()
    {
        final int platform = glfwGetPlatform();
        return GLFW_PLATFORM_WAYLAND != platform && GLFW_PLATFORM_COCOA != platform;
    }

    /** Frees the decoded images; later calls do nothing. */
    public void close()
    {
        for (int i = 0; i < pixels.length; i++)
        {
            if (null != pixels[i])
            {
                stbi_image_free(pixels[i]);
                pixels[i] = null;
            }
        }
    }
}
