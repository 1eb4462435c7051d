package dev.isochron.render.camera;

import org.joml.Matrix4f;
import org.joml.Vector2f;

/**
 * An orthographic 2D camera over a viewport of {@code width x height} pixels, y pointing down
 * (screen convention). At zoom 1 one world unit is one pixel; a new camera is pixel-space: world
 * (0, 0) is the viewport's top-left pixel corner and world (w, h) its bottom-right.
 * <p>
 * The camera is defined by the world point at the viewport's top-left corner and the zoom
 * (pixels per world unit). {@link #resize(int, int)} keeps that corner and the zoom, so a
 * pixel-space scene stays pixel-space after a framebuffer resize and nothing on screen jumps.
 * {@link #zoomAt(float, float, float)} keeps the world point under the cursor still.
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

    /** @return pixels per world unit. */
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
        return width / zoom;
    }

    /** @return world units visible down the viewport. */
    public float viewHeight()
    {
        return height / zoom;
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
        left -= dxPixels / zoom;
        top -= dyPixels / zoom;
        return this;
    }

    /**
     * Puts the world point {@code (x, y)} at the viewport's centre.
     *
     * @return this.
     */
    public Camera2D lookAt(final float x, final float y)
    {
        left = x - 0.5f * width / zoom;
        top = y - 0.5f * height / zoom;
        return this;
    }

    /**
     * Sets the zoom about the viewport's centre.
     *
     * @param zoom pixels per world unit, in [{@link #MIN_ZOOM}, {@link #MAX_ZOOM}].
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
        final float wx = left + screenX / zoom;
        final float wy = top + screenY / zoom;
        zoom = next;
        left = wx - screenX / next;
        top = wy - screenY / next;
        return this;
    }

    /**
     * Resets to pixel space: top-left at world (0, 0), zoom 1.
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
        return dest.setOrtho2D(left, left + width / zoom, top + height / zoom, top);
    }

    /**
     * Converts a screen position in pixels (origin top-left, y down) to world coordinates.
     *
     * @return dest.
     */
    public Vector2f screenToWorld(final float screenX, final float screenY, final Vector2f dest)
    {
        return dest.set(left + screenX / zoom, top + screenY / zoom);
    }

    /**
     * Converts a world position to screen pixels (origin top-left, y down).
     *
     * @return dest.
     */
    public Vector2f worldToScreen(final float worldX, final float worldY, final Vector2f dest)
    {
        return dest.set((worldX - left) * zoom, (worldY - top) * zoom);
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

        static IllegalArgumentException badZoom(final float next, final float factor)
        {
            return new IllegalArgumentException(
                "zoom must be in [" + MIN_ZOOM + ", " + MAX_ZOOM + "], was " + next + " (factor " + factor + ")");
        }
    }
}
