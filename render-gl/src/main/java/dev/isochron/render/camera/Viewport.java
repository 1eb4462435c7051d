package dev.isochron.render.camera;

/**
 * Where in a framebuffer a world is drawn and how much of it shows, whatever the framebuffer's size: one of the four
 * {@link ViewportKind}s (fit with bars, extend, stretch, one unit per pixel), as libGDX's viewports do it.
 * <p>
 * {@link #update(int, int, int, int)} takes the framebuffer's size (and the window's, for high-DPI mouse mapping) and
 * computes the <em>screen rectangle</em> to draw into, {@link #screenX()}, {@link #screenY()},
 * {@link #screenWidth()}, {@link #screenHeight()}, in framebuffer pixels with <strong>GL's origin, the framebuffer's
 * bottom-left corner</strong>, so it passes to {@code glViewport} or {@code glScissor} as it is, and the
 * <em>world size</em> shown at zoom 1, {@link #worldWidth()} x {@link #worldHeight()}. {@link #apply(Camera2D)}
 * makes a camera show that world in that rectangle: its size, unit scale, screen origin and pixel ratio, so that
 * {@link Camera2D#unproject} maps a mouse position to the world and {@link Camera2D#project} back, bars included.
 * Whatever is drawn with the camera lands in the rectangle once the draw target's GL viewport is set to it.
 * <p>
 * A framebuffer side below 1 pixel (a minimised window reports 0) is taken as 1. Rounding: the rectangle's sides are
 * whole pixels and the world maps onto them exactly, so a fitted world's two axes may differ in scale by less than
 * one pixel's worth; an odd number of spare pixels leaves the extra one in the bar at the top (or right).
 * <p>
 * Not thread-safe: update and apply on the thread that owns the camera (a simulation that picks with the mouse keeps
 * its own viewport and camera). {@link #update}, {@link #apply}, {@link #centreCamera} and {@link #contains} are
 * allocation-free.
 */
public final class Viewport
{
    private final ViewportKind kind;
    private final float baseWorldWidth;
    private final float baseWorldHeight;
    private final float maxWorldWidth;
    private final float maxWorldHeight;
    private final float unitsPerPixel;
    private int framebufferWidth = 1;
    private int framebufferHeight = 1;
    private int windowWidth = 1;
    private int windowHeight = 1;
    private int screenX;
    private int screenY;
    private int screenWidth = 1;
    private int screenHeight = 1;
    private float worldWidth;
    private float worldHeight;

    private Viewport(
        final ViewportKind kind,
        final float baseWorldWidth,
        final float baseWorldHeight,
        final float maxWorldWidth,
        final float maxWorldHeight,
        final float unitsPerPixel)
    {
        this.kind = kind;
        this.baseWorldWidth = baseWorldWidth;
        this.baseWorldHeight = baseWorldHeight;
        this.maxWorldWidth = maxWorldWidth;
        this.maxWorldHeight = maxWorldHeight;
        this.unitsPerPixel = unitsPerPixel;
        update(1, 1);
    }

    /**
     * {@link ViewportKind#FIT}: the whole {@code worldWidth x worldHeight} world, aspect kept, bars beside or above
     * and below it.
     *
     * @param worldWidth  world units across; finite, > 0.
     * @param worldHeight world units down; finite, > 0.
     */
    public static Viewport fit(final float worldWidth, final float worldHeight)
    {
        checkWorld(worldWidth, worldHeight);
        return new Viewport(ViewportKind.FIT, worldWidth, worldHeight, 0f, 0f, 0f);
    }

    /**
     * {@link ViewportKind#STRETCH}: the whole {@code worldWidth x worldHeight} world over the whole framebuffer.
     *
     * @param worldWidth  world units across; finite, > 0.
     * @param worldHeight world units down; finite, > 0.
     */
    public static Viewport stretch(final float worldWidth, final float worldHeight)
    {
        checkWorld(worldWidth, worldHeight);
        return new Viewport(ViewportKind.STRETCH, worldWidth, worldHeight, 0f, 0f, 0f);
    }

    /**
     * {@link ViewportKind#EXTEND} without a maximum: at least {@code minWorldWidth x minWorldHeight}, the spare axis
     * showing more world; never bars.
     *
     * @param minWorldWidth  world units across at least; finite, > 0.
     * @param minWorldHeight world units down at least; finite, > 0.
     */
    public static Viewport extend(final float minWorldWidth, final float minWorldHeight)
    {
        return extend(minWorldWidth, minWorldHeight, 0f, 0f);
    }

    /**
     * {@link ViewportKind#EXTEND}: at least {@code minWorldWidth x minWorldHeight}, the spare axis showing more world
     * up to its maximum, then bars.
     *
     * @param minWorldWidth  world units across at least; finite, > 0.
     * @param minWorldHeight world units down at least; finite, > 0.
     * @param maxWorldWidth  world units across at most, >= {@code minWorldWidth}; 0 for no maximum.
     * @param maxWorldHeight world units down at most, >= {@code minWorldHeight}; 0 for no maximum.
     */
    public static Viewport extend(
        final float minWorldWidth, final float minWorldHeight, final float maxWorldWidth, final float maxWorldHeight)
    {
        checkWorld(minWorldWidth, minWorldHeight);
        checkMaximum(maxWorldWidth, minWorldWidth, maxWorldHeight, minWorldHeight);
        return new Viewport(ViewportKind.EXTEND, minWorldWidth, minWorldHeight, maxWorldWidth, maxWorldHeight, 0f);
    }

    /** {@link ViewportKind#SCREEN} at one world unit per framebuffer pixel. */
    public static Viewport screen()
    {
        return screen(1f);
    }

    /**
     * {@link ViewportKind#SCREEN}: the whole framebuffer, {@code unitsPerPixel} world units per framebuffer pixel
     * (0.5 doubles everything in size).
     *
     * @param unitsPerPixel finite, > 0.
     */
    public static Viewport screen(final float unitsPerPixel)
    {
        if (!isPositive(unitsPerPixel))
        {
            throw Messages.badUnitsPerPixel(unitsPerPixel);
        }
        return new Viewport(ViewportKind.SCREEN, 0f, 0f, 0f, 0f, unitsPerPixel);
    }

    /**
     * {@link #update(int, int, int, int)} for a window whose size in screen coordinates equals its framebuffer's
     * (no high-DPI scaling), or a headless target. Allocation-free.
     *
     * @return this.
     */
    public Viewport update(final int framebufferWidth, final int framebufferHeight)
    {
        return update(framebufferWidth, framebufferHeight, framebufferWidth, framebufferHeight);
    }

    /**
     * Computes the screen rectangle and the world size for a framebuffer of this size, and the pixel ratio mouse
     * positions are scaled by. Allocation-free.
     *
     * @param framebufferWidth  the draw target's width in pixels ({@code Frame.framebufferWidth()}).
     * @param framebufferHeight its height in pixels.
     * @param windowWidth       the window's width in screen coordinates, the unit of mouse positions (the
     *                          framebuffer's width where no high-DPI scaling applies).
     * @param windowHeight      the window's height in screen coordinates.
     * @return this.
     */
    public Viewport update(
        final int framebufferWidth, final int framebufferHeight, final int windowWidth, final int windowHeight)
    {
        final int fbWidth = Math.max(1, framebufferWidth);
        final int fbHeight = Math.max(1, framebufferHeight);
        this.framebufferWidth = fbWidth;
        this.framebufferHeight = fbHeight;
        this.windowWidth = Math.max(1, windowWidth);
        this.windowHeight = Math.max(1, windowHeight);
        if (ViewportKind.SCREEN == kind)
        {
            place(fbWidth, fbHeight, fbWidth * unitsPerPixel, fbHeight * unitsPerPixel);
        }
        else if (ViewportKind.STRETCH == kind)
        {
            place(fbWidth, fbHeight, baseWorldWidth, baseWorldHeight);
        }
        else
        {
            final double scaleX = fbWidth / (double)baseWorldWidth;
            final double scaleY = fbHeight / (double)baseWorldHeight;
            final double scale = Math.min(scaleX, scaleY);
            double shownWidth = baseWorldWidth;
            double shownHeight = baseWorldHeight;
            if (ViewportKind.EXTEND == kind)
            {
                if (scaleX > scaleY)
                {
                    shownWidth = fbWidth / scale;
                    shownWidth = maxWorldWidth > 0f ? Math.min(shownWidth, maxWorldWidth) : shownWidth;
                }
                else if (scaleY > scaleX)
                {
                    shownHeight = fbHeight / scale;
                    shownHeight = maxWorldHeight > 0f ? Math.min(shownHeight, maxWorldHeight) : shownHeight;
                }
            }
            place(pixels(shownWidth * scale, fbWidth), pixels(shownHeight * scale, fbHeight),
                (float)shownWidth, (float)shownHeight);
        }
        return this;
    }

    /** Centres a rectangle of {@code width x height} pixels in the framebuffer, showing the given world. */
    private void place(final int width, final int height, final float shownWidth, final float shownHeight)
    {
        screenWidth = width;
        screenHeight = height;
        screenX = (framebufferWidth - width) / 2;
        screenY = (framebufferHeight - height) / 2;
        worldWidth = shownWidth;
        worldHeight = shownHeight;
    }

    /** @return {@code exact} rounded to whole pixels, in [1, {@code limit}]. */
    private static int pixels(final double exact, final int limit)
    {
        return (int)Math.max(1L, Math.min(limit, Math.round(exact)));
    }

    /**
     * Makes {@code camera} show this viewport's world in its screen rectangle: resizes it to the rectangle, sets the
     * unit scale that maps {@link #worldWidth()} x {@link #worldHeight()} onto it at zoom 1, and the screen origin
     * and pixel ratio that {@link Camera2D#unproject} uses. Keeps the camera's top-left world point and zoom, as
     * {@link Camera2D#resize} does; {@link #centreCamera} centres it on the world. Allocation-free.
     *
     * @return camera.
     */
    public Camera2D apply(final Camera2D camera)
    {
        return camera.resize(screenWidth, screenHeight)
            .unitScale(screenWidth / worldWidth, screenHeight / worldHeight)
            .screenOrigin(screenX, screenTop())
            .pixelRatio(framebufferWidth / (float)windowWidth, framebufferHeight / (float)windowHeight);
    }

    /**
     * {@link #update(int, int, int, int)}, then {@link #apply(Camera2D)}. Allocation-free.
     *
     * @return camera.
     */
    public Camera2D update(
        final int framebufferWidth, final int framebufferHeight, final int windowWidth, final int windowHeight,
        final Camera2D camera)
    {
        return update(framebufferWidth, framebufferHeight, windowWidth, windowHeight).apply(camera);
    }

    /**
     * Points {@code camera} at the world's centre: world (0, 0) then sits at the top-left corner of the world
     * {@link #fit}, {@link #stretch} and {@link #screen} show at zoom 1, and of the minimum world {@link #extend}
     * shows (the extra world showing equally on both sides). Allocation-free.
     *
     * @return camera.
     */
    public Camera2D centreCamera(final Camera2D camera)
    {
        return ViewportKind.EXTEND == kind ?
            camera.lookAt(0.5f * baseWorldWidth, 0.5f * baseWorldHeight) :
            camera.lookAt(0.5f * worldWidth, 0.5f * worldHeight);
    }

    /**
     * @param windowX a window position as mouse input gives it (screen coordinates, origin top-left, y down).
     * @param windowY its y.
     * @return whether it lies in the screen rectangle, not in a bar nor outside the window. Allocation-free.
     */
    public boolean contains(final float windowX, final float windowY)
    {
        final float x = windowX * framebufferWidth / windowWidth - screenX;
        final float y = windowY * framebufferHeight / windowHeight - screenTop();
        return x >= 0f && x < screenWidth && y >= 0f && y < screenHeight;
    }

    /** @return the strategy. */
    public ViewportKind kind()
    {
        return kind;
    }

    /** @return the screen rectangle's left edge, framebuffer pixels from the left. */
    public int screenX()
    {
        return screenX;
    }

    /** @return the screen rectangle's bottom edge, framebuffer pixels from the <em>bottom</em> (GL's origin). */
    public int screenY()
    {
        return screenY;
    }

    /** @return the screen rectangle's top edge, framebuffer pixels from the top (y down, as the HUD's pixels). */
    public int screenTop()
    {
        return framebufferHeight - screenY - screenHeight;
    }

    /** @return the screen rectangle's width in framebuffer pixels, >= 1. */
    public int screenWidth()
    {
        return screenWidth;
    }

    /** @return the screen rectangle's height in framebuffer pixels, >= 1. */
    public int screenHeight()
    {
        return screenHeight;
    }

    /** @return world units shown across the rectangle at zoom 1. */
    public float worldWidth()
    {
        return worldWidth;
    }

    /** @return world units shown down the rectangle at zoom 1. */
    public float worldHeight()
    {
        return worldHeight;
    }

    /** @return the framebuffer width of the last update, in pixels. */
    public int framebufferWidth()
    {
        return framebufferWidth;
    }

    /** @return the framebuffer height of the last update, in pixels. */
    public int framebufferHeight()
    {
        return framebufferHeight;
    }

    private static boolean isPositive(final float value)
    {
        return value > 0f && value < Float.POSITIVE_INFINITY;
    }

    private static void checkWorld(final float width, final float height)
    {
        if (!isPositive(width) || !isPositive(height))
        {
            throw Messages.badWorld(width, height);
        }
    }

    private static void checkMaximum(final float maxWidth, final float minWidth, final float maxHeight, final float minHeight)
    {
        if (!(0f == maxWidth || (maxWidth >= minWidth && maxWidth < Float.POSITIVE_INFINITY)))
        {
            throw Messages.badMaximum(0, maxWidth, minWidth);
        }
        if (!(0f == maxHeight || (maxHeight >= minHeight && maxHeight < Float.POSITIVE_INFINITY)))
        {
            throw Messages.badMaximum(1, maxHeight, minHeight);
        }
    }

    /** The error messages, apart, so that Viewport, on the frame path, holds no String constant. */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badWorld(final float width, final float height)
        {
            return new IllegalArgumentException("world size must be finite and > 0 units on each axis, was " + width +
                " x " + height);
        }

        static IllegalArgumentException badMaximum(final int axis, final float max, final float min)
        {
            final String name = 0 == axis ? "maxWorldWidth" : "maxWorldHeight";
            return new IllegalArgumentException(name + " must be 0 (no maximum) or finite and >= the minimum " + min +
                ", was " + max);
        }

        static IllegalArgumentException badUnitsPerPixel(final float unitsPerPixel)
        {
            return new IllegalArgumentException("unitsPerPixel must be finite and > 0, was " + unitsPerPixel);
        }
    }
}
