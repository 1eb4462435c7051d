package dev.isochron.render.gl;

import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;

import static org.lwjgl.opengl.GL30C.*;

/**
 * A framebuffer object with an RGBA8 colour texture and, optionally, a depth24/stencil8 renderbuffer:
 * the render target of a headless context, and an offscreen target for anything else.
 * <p>
 * It owns off-heap memory for one full-frame RGBA read-back ({@link #readPixels()}), sized
 * {@code width * height * 4} bytes and replaced only by {@link #resize(int, int)}, so reading a frame
 * back every frame allocates nothing. Rows in that memory are in GL order: row 0 is the bottom row.
 * <p>
 * Threads: render thread only, with a context current. Lifetime: until {@link #close()}, which deletes
 * the GL objects and frees the memory; the objects are tracked by the context's {@link GlObjectRegistry}. After
 * it, every method that binds, reads, resizes or hands out a GL name or the memory throws
 * {@link IllegalStateException} ("used after close()"); the size getters, {@link #label()} and
 * {@link #isClosed()} still answer.
 * <p>
 * A read-back writes exactly {@code width * height * 4} bytes whatever pack state the application left: it sets
 * {@code GL_PACK_ALIGNMENT} 4, {@code GL_PACK_ROW_LENGTH}, {@code GL_PACK_SKIP_ROWS} and {@code GL_PACK_SKIP_PIXELS}
 * 0 and unbinds {@code GL_PIXEL_PACK_BUFFER} first (a row length left at twice the width used to make GL write twice
 * the memory). Checking mode (the context's, {@link GlObjectRegistry#checked()}): the GL entry points check that the
 * calling thread owns the context, and the read-back memory has guard bands, verified after each
 * {@link #readPixels()} and when the memory is freed.
 */
public final class Framebuffer implements AutoCloseable
{
    /** Largest width or height accepted, well under every driver's {@code GL_MAX_RENDERBUFFER_SIZE}. */
    public static final int MAX_SIZE = 16384;

    private final String label;
    private final boolean depthStencil;
    private final GlObjectRegistry registry;
    private final boolean checked;
    private final String user;
    private final int framebuffer;
    private final int colorTexture;
    private final int depthStencilBuffer;
    private int width;
    private int height;
    private NativeBlock pixelMemory;
    private ByteBuffer pixels;
    private boolean closed;

    /**
     * Creates the framebuffer on the calling thread's current context and leaves it bound, with the viewport
     * set to its size.
     *
     * @param label        names it in errors and leak reports.
     * @param width        in pixels, in [1, {@link #MAX_SIZE}].
     * @param height       in pixels, in [1, {@link #MAX_SIZE}].
     * @param depthStencil whether to attach a depth24/stencil8 renderbuffer.
     * @throws IllegalStateException when the framebuffer is incomplete, naming the status.
     */
    public Framebuffer(final String label, final int width, final int height, final boolean depthStencil)
    {
        checkSize(label, width, height);
        this.label = label;
        this.depthStencil = depthStencil;
        this.registry = GlObjectRegistry.current();
        this.checked = registry.checked();
        this.user = Messages.user(label);

        framebuffer = glGenFramebuffers();
        registry.register(GlObjectType.FRAMEBUFFER, framebuffer, label);
        colorTexture = glGenTextures();
        registry.register(GlObjectType.TEXTURE, colorTexture, Messages.colourLabel(label));
        if (depthStencil)
        {
            depthStencilBuffer = glGenRenderbuffers();
            registry.register(GlObjectType.RENDERBUFFER, depthStencilBuffer, Messages.depthStencilLabel(label));
        }
        else
        {
            depthStencilBuffer = 0;
        }
        allocate(width, height);
    }

    /**
     * Changes the size, reallocating the attachments and the read-back memory; contents are undefined
     * afterwards and the framebuffer is left bound. Allocates native memory; not for every frame (call it when the size changes).
     */
    public void resize(final int width, final int height)
    {
        checkGlCall();
        checkSize(label, width, height);
        if (width != this.width || height != this.height)
        {
            allocate(width, height);
        }
    }

    /** Binds it as the draw and read framebuffer and sets the viewport to its size. Allocation-free. */
    public void bind()
    {
        checkGlCall();
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glViewport(0, 0, width, height);
    }

    /** Binds the default framebuffer (0) for drawing and reading. Allocation-free. */
    public static void unbind()
    {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
    }

    /**
     * Reads the whole colour attachment as RGBA8 into the owned memory. Leaves this framebuffer bound
     * as the read framebuffer. Waits for rendering to finish (a pipeline stall by nature: for tests,
     * screenshots and captures, not for every frame of a real-time program). Allocation-free.
     *
     * @return the owned memory ({@link #pixels()}), rows bottom-up, 4 bytes per pixel.
     */
    public ByteBuffer readPixels()
    {
        checkGlCall();
        readPixels(pixelMemory.address());
        if (checked)
        {
            pixelMemory.verify();
        }
        return pixels;
    }

    /**
     * Reads the whole colour attachment as RGBA8 into memory at {@code address}, which must hold at least
     * {@code width * height * 4} bytes. Allocation-free.
     */
    public void readPixels(final long address)
    {
        checkGlCall();
        if (address == 0L)
        {
            throw Messages.nullAddress(label);
        }
        glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
        glReadBuffer(GL_COLOR_ATTACHMENT0);
        packTightly();
        nglReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, address);
        Messages.checkReadPixels();
    }

    /**
     * @return the owned read-back memory: {@code width * height * 4} bytes, rows bottom-up, valid until the
     * next {@link #resize(int, int)} or {@link #close()}. Its contents are those of the last read-back.
     */
    public ByteBuffer pixels()
    {
        checkOpen();
        return pixels;
    }

    /** @return whether the read-back memory has guard bands (the context's checking mode). */
    public boolean isChecked()
    {
        return checked;
    }

    /** @return the GL name of the framebuffer object. */
    public int framebufferName()
    {
        checkOpen();
        return framebuffer;
    }

    /** @return the GL name of the colour texture (RGBA8), usable as a sampler source. */
    public int colorTexture()
    {
        checkOpen();
        return colorTexture;
    }

    /** @return whether a depth/stencil renderbuffer is attached. */
    public boolean hasDepthStencil()
    {
        return depthStencil;
    }

    /** @return width in pixels. */
    public int width()
    {
        return width;
    }

    /** @return height in pixels. */
    public int height()
    {
        return height;
    }

    /** @return the label given at creation. */
    public String label()
    {
        return label;
    }

    /** @return whether {@link #close()} has run. */
    public boolean isClosed()
    {
        return closed;
    }

    /** Deletes the GL objects and frees the read-back memory; later calls do nothing. */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        glDeleteFramebuffers(framebuffer);
        registry.remove(GlObjectType.FRAMEBUFFER, framebuffer);
        glDeleteTextures(colorTexture);
        registry.remove(GlObjectType.TEXTURE, colorTexture);
        if (depthStencil)
        {
            glDeleteRenderbuffers(depthStencilBuffer);
            registry.remove(GlObjectType.RENDERBUFFER, depthStencilBuffer);
        }
        pixels = null;
        pixelMemory.free();
    }

    /**
     * Makes GL pack the next {@code glReadPixels} of RGBA8 as {@code height} rows of {@code 4 * width} bytes at the
     * address given: resets the pack state an application may have changed ({@code GL_PACK_ALIGNMENT} 4,
     * {@code GL_PACK_ROW_LENGTH}, {@code GL_PACK_SKIP_ROWS}, {@code GL_PACK_SKIP_PIXELS} 0) and unbinds
     * {@code GL_PIXEL_PACK_BUFFER}, which would turn the address into an offset. Every read-back into memory sized
     * {@code width * height * 4} calls it first. Allocation-free; context current.
     */
    public static void packTightly()
    {
        glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        glPixelStorei(GL_PACK_ROW_LENGTH, 0);
        glPixelStorei(GL_PACK_SKIP_ROWS, 0);
        glPixelStorei(GL_PACK_SKIP_PIXELS, 0);
    }

    public String toString()
    {
        return Messages.describe(label, width, height, framebuffer);
    }

    private void allocate(final int width, final int height)
    {
        final int previousTexture = glGetInteger(GL_TEXTURE_BINDING_2D);
        glBindTexture(GL_TEXTURE_2D, colorTexture);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, (ByteBuffer)null);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glBindTexture(GL_TEXTURE_2D, previousTexture);

        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colorTexture, 0);
        if (depthStencil)
        {
            glBindRenderbuffer(GL_RENDERBUFFER, depthStencilBuffer);
            glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
            glBindRenderbuffer(GL_RENDERBUFFER, 0);
            glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depthStencilBuffer);
        }
        final int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        if (status != GL_FRAMEBUFFER_COMPLETE)
        {
            throw Messages.incomplete(label, width, height, status);
        }
        glViewport(0, 0, width, height);
        Messages.checkAllocation();

        if (pixelMemory != null)
        {
            pixels = null;
            pixelMemory.free();
        }
        pixelMemory = NativeBlock.allocate(Messages.pixelMemoryName(label), (long)width * height * 4, 16, true, checked);
        pixels = MemoryUtil.memByteBuffer(pixelMemory.address(), width * height * 4);
        this.width = width;
        this.height = height;
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw Messages.closed(label);
        }
    }

    /** Closed first; in checking mode, also the calling thread's ownership of the context. Allocation-free. */
    private void checkGlCall()
    {
        checkOpen();
        if (checked)
        {
            registry.checkOwner(user);
        }
    }

    private static void checkSize(final String label, final int width, final int height)
    {
        if (width < 1 || width > MAX_SIZE || height < 1 || height > MAX_SIZE)
        {
            throw Messages.badSize(label, width, height);
        }
    }

    static String statusName(final int status)
    {
        return Messages.statusName(status);
    }

    /**
     * The messages, labels and status names, in a class of their own so that Framebuffer holds no String constant:
     * {@link #bind()} runs every frame, and its first C2 compile would otherwise resolve them on the render thread
     * mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static String user(final String label)
        {
            return "Framebuffer '" + label + "'";
        }

        static String pixelMemoryName(final String label)
        {
            return "Framebuffer '" + label + "' read-back memory";
        }

        static String colourLabel(final String label)
        {
            return label + " colour";
        }

        static String depthStencilLabel(final String label)
        {
            return label + " depth/stencil";
        }

        static IllegalArgumentException nullAddress(final String label)
        {
            return new IllegalArgumentException("address must not be NULL when reading back framebuffer '" + label + "'");
        }

        static void checkReadPixels()
        {
            GlErrors.checkInDebug("glReadPixels");
        }

        static void checkAllocation()
        {
            GlErrors.checkInDebug("Framebuffer allocation (glTexImage2D/glRenderbufferStorage)");
        }

        static String describe(final String label, final int width, final int height, final int framebuffer)
        {
            return "Framebuffer{'" + label + "' " + width + "x" + height + ", fbo=" + framebuffer + '}';
        }

        static IllegalStateException incomplete(final String label, final int width, final int height, final int status)
        {
            return new IllegalStateException("framebuffer '" + label + "' " + width + "x" + height + " is incomplete: " +
                statusName(status) + " (0x" + Integer.toHexString(status) + ")");
        }

        static IllegalStateException closed(final String label)
        {
            return new IllegalStateException("Framebuffer '" + label + "' used after close(): its GL objects are " +
                "deleted and its read-back memory freed");
        }

        static IllegalArgumentException badSize(final String label, final int width, final int height)
        {
            return new IllegalArgumentException("framebuffer '" + label + "' size must be in [1, " + MAX_SIZE +
                "] on each side, was " + width + "x" + height);
        }

        static String statusName(final int status)
        {
            switch (status)
            {
                case GL_FRAMEBUFFER_UNDEFINED:
                    return "GL_FRAMEBUFFER_UNDEFINED";
                case GL_FRAMEBUFFER_INCOMPLETE_ATTACHMENT:
                    return "GL_FRAMEBUFFER_INCOMPLETE_ATTACHMENT";
                case GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT:
                    return "GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT";
                case GL_FRAMEBUFFER_INCOMPLETE_DRAW_BUFFER:
                    return "GL_FRAMEBUFFER_INCOMPLETE_DRAW_BUFFER";
                case GL_FRAMEBUFFER_INCOMPLETE_READ_BUFFER:
                    return "GL_FRAMEBUFFER_INCOMPLETE_READ_BUFFER";
                case GL_FRAMEBUFFER_UNSUPPORTED:
                    return "GL_FRAMEBUFFER_UNSUPPORTED";
                case GL_FRAMEBUFFER_INCOMPLETE_MULTISAMPLE:
                    return "GL_FRAMEBUFFER_INCOMPLETE_MULTISAMPLE";
                default:
                    return "unknown status";
            }
        }
    }
}
