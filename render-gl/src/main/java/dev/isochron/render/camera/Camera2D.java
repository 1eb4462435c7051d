package dev.isochron.render.camera;

import org.joml.Matrix4f;
import org.joml.Vector2f;

/**
 * An orthographic 2D camera over a viewport of {@code width x height} pixels, y pointing down
 * (screen convention). A new camera is pixel-space: one world unit is one pixel, world (0, 0) is
 * the viewport's top-left pixel corner and world (w, h) its bottom-right.
 * <p>
 * The camera is defined by the world point at the viewport's top-left corner, the zoom and the
 * unit scale: a world unit spans {@code zoom * unitScaleX} pixels across and
 * {@code zoom * unitScaleY} down. The unit scale is 1 unless a {@link Viewport} sets it (to show a
 * fixed world size whatever the framebuffer's); the zoom is the application's magnification on
 * top of it. {@link #resize(int, int)} keeps the corner, the zoom and the unit scale, so a
 * pixel-space scene stays pixel-space after a framebuffer resize and nothing on screen jumps.
 * {@link #zoomAt(float, float, float)} keeps the world point under the cursor still.
 * <p>
 * Two pixel spaces: {@link #screenToWorld}/{@link #worldToScreen} take the camera's own viewport
 * pixels (origin at its top-left corner); {@link #unproject}/{@link #project} take window
 * coordinates as mouse input gives them (origin at the window's top-left, in screen coordinates,
 * which differ from framebuffer pixels on a high-DPI display), through the viewport's place in the
 * framebuffer ({@link #screenOrigin(int, int)}) and the framebuffer's pixels per window coordinate
 * ({@link #pixelRatio(float, float)}), both of which a {@link Viewport} sets.
 * <p>
 * Not thread-safe; every method is allocation-free.
 */
public final class Camera2D
{
    /** Smallest zoom accepted. */
    public static final float MIN_ZOOM = 1e-4f;
    /** Largest zoom accepted. */
    public static final float MAX_ZOOM = 1e4f;

    private int width;
    private int height;
    private float left;
    private float top;
    private float zoom = 1f;
    private float unitScaleX = 1f;
    private float unitScaleY = 1f;
    private int screenOriginX;
    private int screenOriginY;
    private float pixelRatioX = 1f;
    private float pixelRatioY = 1f;

    /**
     * @param width  viewport width in pixels, >= 1.
     * @param height viewport height in pixels, >= 1.
     */
    public Camera2D(final int width, final int height)
    {
        resize(width, height);
    }

    /**
     * Adopts a new framebuffer size, keeping the top-left world point and the zoom.
     *
     * @return this.
     */
    public Camera2D resize(final int width, final int height)
    {
        if (width < 1 || height < 1)
        {
            throw Messages.badViewport(width, height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    /** @return viewport width in pixels. */
    public int width()
    {
        return width;
    }

    /** @return viewport height in pixels. */
    public int height()
    {
        return height;
    }

    /** @return the magnification over the unit scale: pixels per world unit when the unit scale is 1. */
    public float zoom()
    {
        return zoom;
    }

    /** @return world x at the viewport's left edge. */
    public float left()
    {
        return left;
    }

    /** @return world y at the viewport's top edge. */
    public float top()
    {
        return top;
    }

    /** @return world units visible across the viewport. */
    public float viewWidth()
    {
        return width / (zoom * unitScaleX);
    }

    /** @return world units visible down the viewport. */
    public float viewHeight()
    {
        return height / (zoom * unitScaleY);
    }

    /** @return pixels per world unit across, at zoom 1 (1 unless a {@link Viewport} set it). */
    public float unitScaleX()
    {
        return unitScaleX;
    }

    /** @return pixels per world unit down, at zoom 1. */
    public float unitScaleY()
    {
        return unitScaleY;
    }

    /**
     * Sets how many pixels a world unit spans at zoom 1, per axis (unequal for a stretched viewport), keeping the
     * top-left world point and the zoom. {@link Viewport#apply(Camera2D)} calls it.
     *
     * @param pixelsPerUnitX finite, > 0.
     * @param pixelsPerUnitY finite, > 0.
     * @return this.
     */
    public Camera2D unitScale(final float pixelsPerUnitX, final float pixelsPerUnitY)
    {
        if (!(pixelsPerUnitX > 0f && pixelsPerUnitX < Float.POSITIVE_INFINITY &&
            pixelsPerUnitY > 0f && pixelsPerUnitY < Float.POSITIVE_INFINITY))
        {
            throw Messages.badUnitScale(pixelsPerUnitX, pixelsPerUnitY);
        }
        unitScaleX = pixelsPerUnitX;
        unitScaleY = pixelsPerUnitY;
        return this;
    }

    /** @return the viewport's left edge in the framebuffer, pixels from its left (0 unless a viewport set it). */
    public int screenOriginX()
    {
        return screenOriginX;
    }

    /** @return the viewport's top edge in the framebuffer, pixels from its top (y down, as the camera's). */
    public int screenOriginY()
    {
        return screenOriginY;
    }

    /**
     * Places the camera's viewport in the framebuffer, for {@link #unproject}/{@link #project}: its top-left corner,
     * in framebuffer pixels from the framebuffer's top-left (y down; a letterboxed viewport starts below the bar).
     * Drawing is unchanged: where the viewport is drawn is the draw target's viewport rectangle.
     *
     * @return this.
     */
    public Camera2D screenOrigin(final int x, final int y)
    {
        screenOriginX = x;
        screenOriginY = y;
        return this;
    }

    /** @return framebuffer pixels per window coordinate across (1 unless set: 2 on a typical Retina display). */
    public float pixelRatioX()
    {
        return pixelRatioX;
    }

    /** @return framebuffer pixels per window coordinate down. */
    public float pixelRatioY()
    {
        return pixelRatioY;
    }

    /**
     * Sets the framebuffer pixels per window coordinate (framebuffer size / window size), for
     * {@link #unproject}/{@link #project}: mouse positions come in window coordinates, which are framebuffer pixels
     * only where the two sizes agree (not on macOS Retina displays or scaled Wayland outputs).
     *
     * @param x finite, > 0.
     * @param y finite, > 0.
     * @return this.
     */
    public Camera2D pixelRatio(final float x, final float y)
    {
        if (!(x > 0f && x < Float.POSITIVE_INFINITY && y > 0f && y < Float.POSITIVE_INFINITY))
        {
            throw Messages.badPixelRatio(x, y);
        }
        pixelRatioX = x;
        pixelRatioY = y;
        return this;
    }

    /**
     * Moves the view by a distance in world units.
     *
     * @return this.
     */
    public Camera2D pan(final float dxWorld, final float dyWorld)
    {
        left += dxWorld;
        top += dyWorld;
        return this;
    }

    /**
     * Moves the view by a distance in pixels (a mouse drag), content following the pointer.
     *
     * @return this.
     */
    public Camera2D panPixels(final float dxPixels, final float dyPixels)
    {
        left -= dxPixels / (zoom * unitScaleX);
        top -= dyPixels / (zoom * unitScaleY);
        return this;
    }

    /**
     * Puts the world point {@code (x, y)} at the viewport's centre.
     *
     * @return this.
     */
    public Camera2D lookAt(final float x, final float y)
    {
        left = x - 0.5f * viewWidth();
        top = y - 0.5f * viewHeight();
        return this;
    }

    /**
     * Sets the zoom about the viewport's centre.
     *
     * @param zoom the magnification (pixels per world unit at unit scale 1), in [{@link #MIN_ZOOM},
     *             {@link #MAX_ZOOM}].
     * @return this.
     */
    public Camera2D zoom(final float zoom)
    {
        return zoomAt(0.5f * width, 0.5f * height, zoom / this.zoom);
    }

    /**
     * Multiplies the zoom by {@code factor}, keeping the world point under screen pixel
     * {@code (screenX, screenY)} where it is. The result must stay in
     * [{@link #MIN_ZOOM}, {@link #MAX_ZOOM}].
     *
     * @return this.
     */
    public Camera2D zoomAt(final float screenX, final float screenY, final float factor)
    {
        final float next = zoom * factor;
        if (!(next >= MIN_ZOOM && next <= MAX_ZOOM))
        {
            throw Messages.badZoom(next, factor);
        }
        final float wx = left + screenX / (zoom * unitScaleX);
        final float wy = top + screenY / (zoom * unitScaleY);
        zoom = next;
        left = wx - screenX / (next * unitScaleX);
        top = wy - screenY / (next * unitScaleY);
        return this;
    }

    /**
     * Resets the view: top-left at world (0, 0), zoom 1 (pixel space unless a viewport set the unit scale, which
     * stays, as do the screen origin and pixel ratio).
     *
     * @return this.
     */
    public Camera2D reset()
    {
        left = 0f;
        top = 0f;
        zoom = 1f;
        return this;
    }

    /**
     * Writes the world-to-clip projection (orthographic, y down, z in [-1, 1]) into {@code dest}.
     *
     * @return dest.
     */
    public Matrix4f projection(final Matrix4f dest)
    {
        return dest.setOrtho2D(left, left + viewWidth(), top + viewHeight(), top);
    }

    /**
     * Converts a position in the camera's viewport pixels (origin at the viewport's top-left, y down) to world
     * coordinates. For a mouse position use {@link #unproject}.
     *
     * @return dest.
     */
    public Vector2f screenToWorld(final float screenX, final float screenY, final Vector2f dest)
    {
        return dest.set(left + screenX / (zoom * unitScaleX), top + screenY / (zoom * unitScaleY));
    }

    /**
     * Converts a world position to the camera's viewport pixels (origin at the viewport's top-left, y down).
     *
     * @return dest.
     */
    public Vector2f worldToScreen(final float worldX, final float worldY, final Vector2f dest)
    {
        return dest.set((worldX - left) * zoom * unitScaleX, (worldY - top) * zoom * unitScaleY);
    }

    /**
     * Converts a window position, as mouse input gives it (window coordinates, origin at the window's top-left,
     * y down), to world coordinates, through the {@link #pixelRatio} and the {@link #screenOrigin}. A point in a
     * viewport's bars maps to the world beyond the viewport's edge (see {@link Viewport#contains}).
     *
     * @return dest.
     */
    public Vector2f unproject(final float windowX, final float windowY, final Vector2f dest)
    {
        return screenToWorld(windowX * pixelRatioX - screenOriginX, windowY * pixelRatioY - screenOriginY, dest);
    }

    /**
     * Converts a world position to window coordinates (origin at the window's top-left, y down): the inverse of
     * {@link #unproject}, e.g. to place an OS cursor or a native widget over a world point.
     *
     * @return dest.
     */
    public Vector2f project(final float worldX, final float worldY, final Vector2f dest)
    {
        worldToScreen(worldX, worldY, dest);
        return dest.set((dest.x + screenOriginX) / pixelRatioX, (dest.y + screenOriginY) / pixelRatioY);
    }

    /**
     * The error messages, in a class of their own so that Camera2D holds no String constant: the first C2 compile
     * of a per-frame method would otherwise resolve them on the engine thread that calls it, mid-run (see
     * {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException badViewport(final int width, final int height)
        {
            return new IllegalArgumentException("viewport must be at least 1x1 pixels, was " + width + "x" + height);
        }

        static IllegalArgumentException badUnitScale(final float x, final float y)
        {
            return new IllegalArgumentException("unit scale must be finite and > 0 pixels per world unit on each " +
                "axis, was " + x + " x " + y);
        }

        static IllegalArgumentException badPixelRatio(final float x, final float y)
        {
            return new IllegalArgumentException("pixel ratio must be finite and > 0 framebuffer pixels per window " +
                "coordinate on each axis, was " + x + " x " + y + "; pass framebuffer size / window size");
        }

        static IllegalArgumentException badZoom(final float next, final float factor)
        {
            return new IllegalArgumentException(
                "zoom must be in [" + MIN_ZOOM + ", " + MAX_ZOOM + "], was " + next + " (factor " + factor + ")");
        }
    }
}
