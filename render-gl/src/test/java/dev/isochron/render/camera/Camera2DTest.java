package dev.isochron.render.camera;

import dev.isochron.engine.testing.AllocationGate;
import org.joml.Matrix4f;
import org.joml.Vector2f;
import org.joml.Vector4f;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Camera2DTest
{
    private static final float EPSILON = 1e-4f;
    private static final int WIDTH = 320;
    private static final int HEIGHT = 200;

    private final Matrix4f projection = new Matrix4f();
    private final Vector4f clip = new Vector4f();
    private final Vector2f point = new Vector2f();

    @Test
    void shouldMapPixelSpaceCornersToClipCornersWithYDown()
    {
        final Camera2D camera = new Camera2D(WIDTH, HEIGHT);
        camera.projection(projection);

        projection.transform(clip.set(0f, 0f, 0f, 1f));
        assertEquals(-1f, clip.x, EPSILON);
        assertEquals(1f, clip.y, EPSILON);
        projection.transform(clip.set(WIDTH, HEIGHT, 0f, 1f));
        assertEquals(1f, clip.x, EPSILON);
        assertEquals(-1f, clip.y, EPSILON);
    }

    @Test
    void shouldKeepTheWorldPointUnderTheCursorWhenZooming()
    {
        final Camera2D camera = new Camera2D(WIDTH, HEIGHT).pan(13f, -7f);
        camera.screenToWorld(50f, 60f, point);
        final float wx = point.x;
        final float wy = point.y;

        camera.zoomAt(50f, 60f, 3f);

        camera.worldToScreen(wx, wy, point);
        assertEquals(50f, point.x, EPSILON);
        assertEquals(60f, point.y, EPSILON);
        assertEquals(3f, camera.zoom(), EPSILON);
    }

    @Test
    void shouldRoundTripScreenAndWorld()
    {
        final Camera2D camera = new Camera2D(WIDTH, HEIGHT).zoomAt(0f, 0f, 0.5f).lookAt(1000f, -500f);
        camera.worldToScreen(1000f, -500f, point);
        assertEquals(WIDTH / 2f, point.x, EPSILON);
        assertEquals(HEIGHT / 2f, point.y, EPSILON);
        camera.screenToWorld(point.x, point.y, point);
        assertEquals(1000f, point.x, EPSILON);
        assertEquals(-500f, point.y, EPSILON);
    }

    @Test
    void shouldStayPixelSpaceAfterAResize()
    {
        final Camera2D camera = new Camera2D(WIDTH, HEIGHT);
        camera.resize(640, 480).projection(projection);

        projection.transform(clip.set(640f, 480f, 0f, 1f));
        assertEquals(1f, clip.x, EPSILON);
        assertEquals(-1f, clip.y, EPSILON);
        camera.screenToWorld(100f, 100f, point);
        assertEquals(100f, point.x, EPSILON);
    }

    @Test
    void shouldFollowThePointerWhenPanningByPixels()
    {
        final Camera2D camera = new Camera2D(WIDTH, HEIGHT).zoom(2f);
        camera.screenToWorld(10f, 10f, point);
        final float wx = point.x;
        camera.panPixels(30f, 0f);
        camera.worldToScreen(wx, point.y, point);
        assertEquals(40f, point.x, EPSILON);
    }

    @Test
    void shouldRejectAZoomOutOfRange()
    {
        final Camera2D camera = new Camera2D(WIDTH, HEIGHT);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> camera.zoom(0f));
        assertEquals("zoom must be in [1.0E-4, 10000.0], was 0.0 (factor 0.0)", ex.getMessage());
    }

    @Test
    void shouldRejectAnEmptyViewport()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new Camera2D(0, 10));
        assertEquals("viewport must be at least 1x1 pixels, was 0x10", ex.getMessage());
    }

    @Test
    void shouldShowTheViewSizeTheUnitScaleGivesAndKeepTheCorner()
    {
        final Camera2D camera = new Camera2D(WIDTH, HEIGHT).pan(5f, 6f).unitScale(2f, 4f);

        assertEquals(WIDTH / 2f, camera.viewWidth(), EPSILON);
        assertEquals(HEIGHT / 4f, camera.viewHeight(), EPSILON);
        assertEquals(5f, camera.left(), EPSILON);
        camera.screenToWorld(WIDTH, HEIGHT, point);
        assertEquals(5f + WIDTH / 2f, point.x, EPSILON);
        assertEquals(6f + HEIGHT / 4f, point.y, EPSILON);
    }

    @Test
    void shouldUnprojectWindowCoordinatesThroughTheScreenOriginAndPixelRatio()
    {
        final Camera2D camera = new Camera2D(WIDTH, HEIGHT).screenOrigin(40, 30).pixelRatio(2f, 2f);

        camera.unproject(20f, 15f, point);
        assertEquals(0f, point.x, EPSILON);
        assertEquals(0f, point.y, EPSILON);
        camera.project(100f, 50f, point);
        assertEquals(70f, point.x, EPSILON);
        assertEquals(40f, point.y, EPSILON);
    }

    @Test
    void shouldMatchScreenToWorldWhenNoViewportPlacedTheCamera()
    {
        final Camera2D camera = new Camera2D(WIDTH, HEIGHT).zoom(3f).pan(-8f, 2f);
        final Vector2f expected = camera.screenToWorld(17f, 29f, new Vector2f());

        camera.unproject(17f, 29f, point);

        assertEquals(expected.x, point.x, EPSILON);
        assertEquals(expected.y, point.y, EPSILON);
    }

    @Test
    void shouldRejectANonPositiveUnitScale()
    {
        final Camera2D camera = new Camera2D(WIDTH, HEIGHT);
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> camera.unitScale(1f, Float.NaN));
        assertEquals("unit scale must be finite and > 0 pixels per world unit on each axis, was 1.0 x NaN",
            ex.getMessage());
    }

    @Test
    void shouldRejectANonPositivePixelRatio()
    {
        final Camera2D camera = new Camera2D(WIDTH, HEIGHT);
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> camera.pixelRatio(0f, 1f));
        assertEquals("pixel ratio must be finite and > 0 framebuffer pixels per window coordinate on each axis, " +
            "was 0.0 x 1.0; pass framebuffer size / window size", ex.getMessage());
    }

    @Test
    void shouldPanZoomAndProjectWithoutAllocating() throws Exception
    {
        final Camera2D camera = new Camera2D(WIDTH, HEIGHT);
        final AllocationGate.Body frame = i ->
        {
            camera.panPixels(1f, -1f).zoomAt(i % WIDTH, 5f, (i & 1) == 0 ? 1.01f : 1f / 1.01f);
            camera.resize(WIDTH + (i & 7), HEIGHT).projection(projection);
            camera.screenToWorld(3f, 4f, point);
        };
        AllocationGate.assertSteadyZero("Camera2D frame", 20_000, 5_000, frame);
    }
}
