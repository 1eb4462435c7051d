package dev.isochron.render.gl;

import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;

import static org.lwjgl.opengl.GL30C.*;

/**
 * A 2D RGBA8 texture, made from raw RGBA memory (rows top-down, as images and atlases are stored) or by
 * {@link TextureLoader} from PNG/JPEG.
 * <p>
 * Texel row 0 is the first row of the memory given, at texture coordinate v = 0: with a y-down 2D camera
 * that is the top of the sprite.
 * <p>
 * Threads: render thread. Lifetime: until {@link #close()}; tracked by the context's {@link GlObjectRegistry}.
 * {@link #bind(int)} and {@link #update} are allocation-free. After {@code close()}, {@code bind}, {@code update},
 * {@code setSampling} and {@code textureName} throw {@link IllegalStateException} ("used after close()"): the GL
 * texture is deleted, and its name may already belong to another object.
 */
public final class Texture implements AutoCloseable
{
    /** Largest width or height accepted. */
    public static final int MAX_SIZE = 16384;

    private final String label;
    private final GlObjectRegistry registry;
    private final boolean checked;
    private final String user;
    private final int texture;
    private final int width;
    private final int height;
    private TextureFilter filter;
    private TextureWrap wrap;
    private boolean closed;

    private Texture(final String label, final int width, final int height, final long rgbaAddress,
        final TextureFilter filter, final TextureWrap wrap)
    {
        if (width < 1 || width > MAX_SIZE || height < 1 || height > MAX_SIZE)
        {
            throw Messages.badSize(label, width, height);
        }
        if (filter == null || wrap == null)
        {
            throw Messages.nullSampling(label, filter, wrap);
        }
        this.label = label;
        this.width = width;
        this.height = height;
        this.registry = GlObjectRegistry.current();
        this.checked = registry.checked();
        this.user = Messages.user(label);
        texture = glGenTextures();
        registry.register(GlObjectType.TEXTURE, texture, label);
        final int previous = glGetInteger(GL_TEXTURE_BINDING_2D);
        glBindTexture(GL_TEXTURE_2D, texture);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        nglTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgbaAddress);
        applyParameters(filter, wrap);
        glBindTexture(GL_TEXTURE_2D, previous);
        GlErrors.checkInDebug(Messages.TEX_IMAGE);
    }

    /**
     * Creates a texture from RGBA8 memory, rows top-down.
     *
     * @param rgba at least {@code width * height * 4} bytes from its position.
     */
    public static Texture fromRgba(final String label, final int width, final int height, final ByteBuffer rgba,
        final TextureFilter filter, final TextureWrap wrap)
    {
        final long needed = (long)width * height * 4;
        if (rgba == null || rgba.remaining() < needed)
        {
            throw Messages.tooFewBytes(label, needed, width, height, rgba);
        }
        return new Texture(label, width, height, MemoryUtil.memAddress(rgba), filter, wrap);
    }

    /**
     * Creates a texture from RGBA8 memory at {@code rgbaAddress} ({@code width * height * 4} bytes, rows
     * top-down), or with undefined contents when the address is 0 (fill it with {@link #update}).
     */
    public static Texture fromRgba(final String label, final int width, final int height, final long rgbaAddress,
        final TextureFilter filter, final TextureWrap wrap)
    {
        return new Texture(label, width, height, rgbaAddress, filter, wrap);
    }

    /** Binds it to texture unit {@code unit} (0-based). Allocation-free. */
    public void bind(final int unit)
    {
        checkGlCall();
        glActiveTexture(GL_TEXTURE0 + unit);
        glBindTexture(GL_TEXTURE_2D, texture);
    }

    /**
     * Replaces a rectangle of texels with RGBA8 memory ({@code w * h * 4} bytes, rows top-down). Leaves the
     * texture bound to the active unit. Allocation-free.
     */
    public void update(final int x, final int y, final int w, final int h, final long rgbaAddress)
    {
        checkGlCall();
        if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > width || y + h > height)
        {
            throw Messages.badRectangle(label, x, y, w, h, width, height);
        }
        glBindTexture(GL_TEXTURE_2D, texture);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        nglTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgbaAddress);
        GlErrors.checkInDebug(Messages.TEX_SUB_IMAGE);
        if (filter == TextureFilter.LINEAR_MIPMAP)
        {
            glGenerateMipmap(GL_TEXTURE_2D);
        }
    }

    /** Changes filtering and wrapping. Leaves the texture bound to the active unit. */
    public void setSampling(final TextureFilter filter, final TextureWrap wrap)
    {
        checkGlCall();
        if (filter == null || wrap == null)
        {
            throw Messages.nullSampling(label, filter, wrap);
        }
        glBindTexture(GL_TEXTURE_2D, texture);
        applyParameters(filter, wrap);
    }

    /** @return the GL texture name. */
    public int textureName()
    {
        checkOpen();
        return texture;
    }

    /** @return width in texels. */
    public int width()
    {
        return width;
    }

    /** @return height in texels. */
    public int height()
    {
        return height;
    }

    /** @return the filter in use. */
    public TextureFilter filter()
    {
        return filter;
    }

    /** @return the wrap mode in use. */
    public TextureWrap wrap()
    {
        return wrap;
    }

    /** @return the label given at creation (the path for loaded textures). */
    public String label()
    {
        return label;
    }

    /** Deletes the texture; later calls do nothing. */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        glDeleteTextures(texture);
        registry.remove(GlObjectType.TEXTURE, texture);
    }

    public String toString()
    {
        return Messages.describe(label, width, height, filter, wrap);
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw Messages.usedAfterClose(label);
        }
    }

    /** Closed first; in checking mode (the context's), also the calling thread's ownership of the context. */
    private void checkGlCall()
    {
        checkOpen();
        if (checked)
        {
            registry.checkOwner(user);
        }
    }

    private void applyParameters(final TextureFilter filter, final TextureWrap wrap)
    {
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter.minFilter);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter.magFilter);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, wrap.glWrap);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, wrap.glWrap);
        if (filter == TextureFilter.LINEAR_MIPMAP)
        {
            glGenerateMipmap(GL_TEXTURE_2D);
        }
        this.filter = filter;
        this.wrap = wrap;
    }

    /**
     * The messages and GL call names, in a class of their own so that Texture holds no String constant:
     * {@link #bind(int)} and {@link #update} can run every frame, and the first C2 compile of one would resolve the
     * class's literals on the render thread (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        /** Assigned in the static initialiser, not the declarations, so that javac does not copy them as constants. */
        static final String TEX_IMAGE;
        static final String TEX_SUB_IMAGE;

        static
        {
            TEX_IMAGE = "glTexImage2D";
            TEX_SUB_IMAGE = "glTexSubImage2D";
        }

        private Messages()
        {
        }

        static IllegalArgumentException badSize(final String label, final int width, final int height)
        {
            return new IllegalArgumentException("texture '" + label + "' size must be in [1, " + MAX_SIZE +
                "] on each side, was " + width + "x" + height);
        }

        static IllegalArgumentException nullSampling(final String label, final TextureFilter filter,
            final TextureWrap wrap)
        {
            return new IllegalArgumentException("texture '" + label + "' filter and wrap must not be null, was " +
                filter + ", " + wrap);
        }

        static IllegalArgumentException tooFewBytes(final String label, final long needed, final int width,
            final int height, final ByteBuffer rgba)
        {
            return new IllegalArgumentException("texture '" + label + "' needs " + needed + " bytes of RGBA for " +
                width + "x" + height + ", had " + (rgba == null ? "null" : rgba.remaining()));
        }

        static IllegalArgumentException badRectangle(final String label, final int x, final int y, final int w,
            final int h, final int width, final int height)
        {
            return new IllegalArgumentException("texture '" + label + "' update rectangle (" + x + ", " + y + ", " +
                w + "x" + h + ") must lie inside " + width + "x" + height);
        }

        static String describe(final String label, final int width, final int height, final TextureFilter filter,
            final TextureWrap wrap)
        {
            return "Texture{'" + label + "' " + width + "x" + height + ", " + filter + ", " + wrap + '}';
        }

        static String user(final String label)
        {
            return "Texture '" + label + "'";
        }

        static IllegalStateException usedAfterClose(final String label)
        {
            return new IllegalStateException("Texture '" + label + "' used after close(): the GL texture is deleted");
        }
    }
}
