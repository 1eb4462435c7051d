package dev.isochron.render.testing;

import dev.isochron.render.context.ContextKind;
import dev.isochron.render.context.ContextOptions;
import dev.isochron.render.context.EglHeadlessContext;
import dev.isochron.render.gl.Framebuffer;

import java.nio.ByteBuffer;

import static org.lwjgl.opengl.GL11C.*;

/**
 * Test fixture: a small headless GL context (Mesa llvmpipe through surfaceless EGL) current on the test
 * thread, its framebuffer bound, with pixel read-back helpers.
 * <p>
 * Coordinates in the helpers are image coordinates: (0, 0) is the top-left pixel, y grows downwards, as in
 * a screenshot. Colours are packed {@code 0xRRGGBBAA} ints ({@link #rgba(int, int, int, int)}). Read the frame
 * with {@link #readBack()} before inspecting pixels; the read-back memory is owned by the framebuffer, so
 * reading back every frame allocates nothing.
 * <p>
 * Leaks fail the test: {@link #close()} throws listing GL objects still registered. Nothing global is
 * changed except the JVM-wide LWJGL setting that every context in the process shares.
 * <pre>{@code
 * try (HeadlessGl gl = HeadlessGl.open(64, 64))
 * {
 *     gl.clear(1f, 0f, 0f, 1f);
 *     gl.readBack();
 *     gl.assertPixel(10, 10, HeadlessGl.rgba(255, 0, 0, 255), 0);
 * }
 * }</pre>
 */
public final class HeadlessGl implements AutoCloseable
{
    private final EglHeadlessContext context;

    private HeadlessGl(final EglHeadlessContext context)
    {
        this.context = context;
    }

    /** Opens a {@code width x height} headless context with depth/stencil, current on the calling thread. */
    public static HeadlessGl open(final int width, final int height)
    {
        return open(new ContextOptions().title("HeadlessGl").size(width, height));
    }

    /** Opens a headless context with the given options (forced headless, leaks fail), current on the calling thread. */
    public static HeadlessGl open(final ContextOptions options)
    {
        final EglHeadlessContext context = new EglHeadlessContext(options.kind(ContextKind.HEADLESS).failOnLeak(true));
        try
        {
            context.makeCurrent();
        }
        catch (final RuntimeException ex)
        {
            context.close();
            throw ex;
        }
        return new HeadlessGl(context);
    }

    /** @return the context. */
    public EglHeadlessContext context()
    {
        return context;
    }

    /** @return the framebuffer the context draws into. */
    public Framebuffer framebuffer()
    {
        return context.framebuffer();
    }

    /** @return framebuffer width in pixels. */
    public int width()
    {
        return context.framebufferWidth();
    }

    /** @return framebuffer height in pixels. */
    public int height()
    {
        return context.framebufferHeight();
    }

    /** Binds the draw target and clears colour (and depth/stencil) to the given colour. */
    public void clear(final float red, final float green, final float blue, final float alpha)
    {
        context.bindDrawTarget();
        glClearColor(red, green, blue, alpha);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    }

    /** Reads the framebuffer back into its owned memory (waits for rendering). Allocation-free. */
    public HeadlessGl readBack()
    {
        context.framebuffer().readPixels();
        return this;
    }

    /**
     * @return the pixel at image coordinates (x from the left, y from the top) of the last read-back, as
     * {@code 0xRRGGBBAA}.
     */
    public int pixelAt(final int x, final int y)
    {
        checkInside(x, y);
        final ByteBuffer pixels = context.framebuffer().pixels();
        final int glRow = height() - 1 - y;
        final int offset = (glRow * width() + x) * 4;
        return ((pixels.get(offset) & 0xFF) << 24) | ((pixels.get(offset + 1) & 0xFF) << 16) |
            ((pixels.get(offset + 2) & 0xFF) << 8) | (pixels.get(offset + 3) & 0xFF);
    }

    /** @return whether the pixel is within {@code tolerance} of {@code expected} on each channel. */
    public boolean matches(final int x, final int y, final int expected, final int tolerance)
    {
        return withinTolerance(pixelAt(x, y), expected, tolerance);
    }

    /**
     * @return how many pixels of the rectangle (image coordinates, clipped to the framebuffer) are within
     * {@code tolerance} of {@code expected} on each channel.
     */
    public int countMatching(final int x, final int y, final int w, final int h, final int expected, final int tolerance)
    {
        final int x0 = Math.max(0, x);
        final int y0 = Math.max(0, y);
        final int x1 = Math.min(width(), x + w);
        final int y1 = Math.min(height(), y + h);
        int count = 0;
        for (int py = y0; py < y1; py++)
        {
            for (int px = x0; px < x1; px++)
            {
                if (withinTolerance(pixelAt(px, py), expected, tolerance))
                {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * @return how many pixels of the rectangle (image coordinates, clipped) differ from {@code background} by more
     * than {@code tolerance} on some channel: the coverage of whatever was drawn over a cleared background.
     */
    public int countDiffering(final int x, final int y, final int w, final int h, final int background, final int tolerance)
    {
        final int x0 = Math.max(0, x);
        final int y0 = Math.max(0, y);
        final int x1 = Math.min(width(), x + w);
        final int y1 = Math.min(height(), y + h);
        final int area = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
        return area - countMatching(x, y, w, h, background, tolerance);
    }

    /** @return how many pixels of the whole framebuffer are within {@code tolerance} of {@code expected}. */
    public int countMatching(final int expected, final int tolerance)
    {
        return countMatching(0, 0, width(), height(), expected, tolerance);
    }

    /**
     * @throws AssertionError naming the position, the expected and actual colours and the tolerance, when the
     *                        pixel differs by more than {@code tolerance} on any channel.
     */
    public void assertPixel(final int x, final int y, final int expected, final int tolerance)
    {
        final int actual = pixelAt(x, y);
        if (!withinTolerance(actual, expected, tolerance))
        {
            throw new AssertionError("pixel (" + x + ", " + y + ") expected " + describe(expected) + " +/- " + tolerance +
                " per channel, was " + describe(actual));
        }
    }

    /** Closes the context; throws when GL objects leaked (listing them). */
    public void close()
    {
        context.close();
    }

    /** @return {@code 0xRRGGBBAA} from channels in [0, 255]. */
    public static int rgba(final int red, final int green, final int blue, final int alpha)
    {
        return ((red & 0xFF) << 24) | ((green & 0xFF) << 16) | ((blue & 0xFF) << 8) | (alpha & 0xFF);
    }

    /** @return red channel of a packed colour. */
    public static int red(final int rgba)
    {
        return rgba >>> 24;
    }

    /** @return green channel of a packed colour. */
    public static int green(final int rgba)
    {
        return (rgba >>> 16) & 0xFF;
    }

    /** @return blue channel of a packed colour. */
    public static int blue(final int rgba)
    {
        return (rgba >>> 8) & 0xFF;
    }

    /** @return alpha channel of a packed colour. */
    public static int alpha(final int rgba)
    {
        return rgba & 0xFF;
    }

    /** @return whether each channel differs by at most {@code tolerance}. */
    public static boolean withinTolerance(final int actual, final int expected, final int tolerance)
    {
        return Math.abs(red(actual) - red(expected)) <= tolerance &&
            Math.abs(green(actual) - green(expected)) <= tolerance &&
            Math.abs(blue(actual) - blue(expected)) <= tolerance &&
            Math.abs(alpha(actual) - alpha(expected)) <= tolerance;
    }

    /** @return {@code "#RRGGBBAA"}. */
    public static String describe(final int rgba)
    {
        return String.format("#%08X", rgba);
    }

    private void checkInside(final int x, final int y)
    {
        if (x < 0 || x >= width() || y < 0 || y >= height())
        {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") is outside the " + width() + "x" +
                height() + " framebuffer");
        }
    }
}
