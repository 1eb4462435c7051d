package dev.isochron.render.camera;

import dev.isochron.engine.testing.AllocationGate;
import org.joml.Matrix4f;
import org.joml.Vector2f;
import org.joml.Vector4f;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four strategies on wider, taller and equal-aspect framebuffers (a 320x180 world, 16:9), the camera a viewport
 * drives, and mouse positions mapped through bars, zoom, pan and a high-DPI pixel ratio.
 */
class ViewportTest
{
    private static final float EPSILON = 1e-3f;
    private static final float WORLD_WIDTH = 320f;
    private static final float WORLD_HEIGHT = 180f;

    private final Camera2D camera = new Camera2D(1, 1);
    private final Vector2f point = new Vector2f();
    private final Matrix4f projection = new Matrix4f();
    private final Vector4f clip = new Vector4f();

    /** kind, framebuffer, expected rectangle (GL origin) and world size. */
    @ParameterizedTest(name = "{0} on {1}x{2}")
    @CsvSource({
        // wider than 16:9: pillarbox for FIT, more world across for EXTEND
        "FIT,     1000, 400,  144, 0,  711, 400,  320, 180",
        "EXTEND,  1000, 400,    0, 0, 1000, 400,  450, 180",
        "STRETCH, 1000, 400,    0, 0, 1000, 400,  320, 180",
        "SCREEN,  1000, 400,    0, 0, 1000, 400, 1000, 400",
        // taller than 16:9: letterbox for FIT, more world down for EXTEND
        "FIT,      640, 480,    0, 60, 640, 360,  320, 180",
        "EXTEND,   640, 480,    0,  0, 640, 480,  320, 240",
        "STRETCH,  640, 480,    0,  0, 640, 480,  320, 180",
        "SCREEN,   640, 480,    0,  0, 640, 480,  640, 480",
        // the world's own aspect: every strategy fills the framebuffer
        "FIT,     1280, 720,    0,  0, 1280, 720,  320, 180",
        "EXTEND,  1280, 720,    0,  0, 1280, 720,  320, 180",
        "STRETCH, 1280, 720,    0,  0, 1280, 720,  320, 180",
        "SCREEN,  1280, 720,    0,  0, 1280, 720, 1280, 720",
    })
    void shouldComputeTheRectangleAndTheWorldSize(
        final ViewportKind kind, final int fbWidth, final int fbHeight, final int x, final int y, final int width,
        final int height, final float worldWidth, final float worldHeight)
    {
        final Viewport viewport = of(kind).update(fbWidth, fbHeight);

        assertEquals(kind, viewport.kind());
        assertEquals(x, viewport.screenX(), "screenX");
        assertEquals(y, viewport.screenY(), "screenY");
        assertEquals(width, viewport.screenWidth(), "screenWidth");
        assertEquals(height, viewport.screenHeight(), "screenHeight");
        assertEquals(worldWidth, viewport.worldWidth(), EPSILON, "worldWidth");
        assertEquals(worldHeight, viewport.worldHeight(), EPSILON, "worldHeight");
    }

    /** Each strategy's world corners land on its rectangle's corners, in the window's top-left coordinates. */
    @ParameterizedTest(name = "{0} on {1}x{2}")
    @CsvSource({
        "FIT, 1000, 400", "FIT, 640, 480", "FIT, 1280, 720",
        "EXTEND, 1000, 400", "EXTEND, 640, 480",
        "STRETCH, 1000, 400", "STRETCH, 640, 480",
        "SCREEN, 1000, 400",
    })
    void shouldMapTheWorldCornersOntoTheRectangleCorners(
        final ViewportKind kind, final int fbWidth, final int fbHeight)
    {
        final Viewport viewport = of(kind).update(fbWidth, fbHeight);
        viewport.apply(camera.reset());
        final float left = viewport.screenX();
        final float top = viewport.screenTop();

        camera.project(0f, 0f, point);
        assertEquals(left, point.x, EPSILON);
        assertEquals(top, point.y, EPSILON);
        camera.project(viewport.worldWidth(), viewport.worldHeight(), point);
        assertEquals(left + viewport.screenWidth(), point.x, EPSILON);
        assertEquals(top + viewport.screenHeight(), point.y, EPSILON);
    }

    @Test
    void shouldPutTheWorldCornersAtTheProjectionsClipCorners()
    {
        Viewport.fit(WORLD_WIDTH, WORLD_HEIGHT).update(640, 480).apply(camera.reset()).projection(projection);

        projection.transform(clip.set(0f, 0f, 0f, 1f));
        assertEquals(-1f, clip.x, EPSILON);
        assertEquals(1f, clip.y, EPSILON);
        projection.transform(clip.set(WORLD_WIDTH, WORLD_HEIGHT, 0f, 1f));
        assertEquals(1f, clip.x, EPSILON);
        assertEquals(-1f, clip.y, EPSILON);
    }

    @Test
    void shouldStretchEachAxisByItsOwnScale()
    {
        Viewport.stretch(WORLD_WIDTH, WORLD_HEIGHT).update(640, 540).apply(camera);

        assertEquals(2f, camera.unitScaleX(), EPSILON);
        assertEquals(3f, camera.unitScaleY(), EPSILON);
    }

    @Test
    void shouldScaleTheScreenViewportByItsUnitsPerPixel()
    {
        final Viewport viewport = Viewport.screen(0.5f).update(640, 480);
        viewport.apply(camera.reset());

        assertEquals(320f, viewport.worldWidth(), EPSILON);
        assertEquals(240f, viewport.worldHeight(), EPSILON);
        camera.unproject(100f, 50f, point);
        assertEquals(50f, point.x, EPSILON);
        assertEquals(25f, point.y, EPSILON);
    }

    @Test
    void shouldStopExtendingAtTheMaximumAndBarTheRest()
    {
        final Viewport viewport = Viewport.extend(WORLD_WIDTH, WORLD_HEIGHT, 400f, 200f).update(1000, 400);

        assertEquals(400f, viewport.worldWidth(), EPSILON);
        assertEquals(180f, viewport.worldHeight(), EPSILON);
        assertEquals(889, viewport.screenWidth());
        assertEquals(55, viewport.screenX());
        assertEquals(400, viewport.screenHeight());
    }

    @Test
    void shouldExtendDownToTheMaximumOnATallFramebuffer()
    {
        final Viewport viewport = Viewport.extend(WORLD_WIDTH, WORLD_HEIGHT, 400f, 200f).update(640, 480);

        assertEquals(320f, viewport.worldWidth(), EPSILON);
        assertEquals(200f, viewport.worldHeight(), EPSILON);
        assertEquals(400, viewport.screenHeight());
        assertEquals(40, viewport.screenY());
    }

    @Test
    void shouldShowTheMinimumWorldInTheMiddleOfAnExtendedView()
    {
        final Viewport viewport = Viewport.extend(WORLD_WIDTH, WORLD_HEIGHT).update(1000, 400);
        viewport.centreCamera(viewport.apply(camera.reset()));

        camera.unproject(500f, 200f, point);
        assertEquals(WORLD_WIDTH / 2f, point.x, EPSILON);
        assertEquals(WORLD_HEIGHT / 2f, point.y, EPSILON);
        camera.unproject(0f, 0f, point);
        assertEquals(-65f, point.x, EPSILON);
        assertEquals(0f, point.y, EPSILON);
    }

    @Test
    void shouldPutTheWorldOriginAtTheTopLeftWhenCentringAScreenViewport()
    {
        final Viewport viewport = Viewport.screen().update(640, 480);
        viewport.centreCamera(viewport.apply(camera.pan(37f, 11f)));

        camera.unproject(0f, 0f, point);
        assertEquals(0f, point.x, EPSILON);
        assertEquals(0f, point.y, EPSILON);
    }

    @Test
    void shouldUnprojectAPointInTheLetterboxBarsBeyondTheWorldsEdge()
    {
        final Viewport viewport = Viewport.fit(WORLD_WIDTH, WORLD_HEIGHT).update(640, 480);
        viewport.apply(camera.reset());

        camera.unproject(320f, 30f, point);
        assertEquals(160f, point.x, EPSILON);
        assertEquals(-15f, point.y, EPSILON);
        assertFalse(viewport.contains(320f, 30f));
        camera.unproject(320f, 450f, point);
        assertEquals(195f, point.y, EPSILON);
        assertFalse(viewport.contains(320f, 450f));
    }

    @Test
    void shouldUnprojectAPointInThePillarboxBarsBeyondTheWorldsEdge()
    {
        final Viewport viewport = Viewport.fit(WORLD_WIDTH, WORLD_HEIGHT).update(1000, 400);
        viewport.apply(camera.reset());

        camera.unproject(100f, 200f, point);
        assertTrue(point.x < 0f, () -> "x " + point.x);
        assertFalse(viewport.contains(100f, 200f));
        camera.unproject(900f, 200f, point);
        assertTrue(point.x > WORLD_WIDTH, () -> "x " + point.x);
        assertFalse(viewport.contains(900f, 200f));
    }

    @Test
    void shouldContainThePointsOfTheRectangleOnly()
    {
        final Viewport viewport = Viewport.fit(WORLD_WIDTH, WORLD_HEIGHT).update(640, 480);

        assertTrue(viewport.contains(0f, 60f), "top-left pixel of the rectangle");
        assertTrue(viewport.contains(639.5f, 419.5f), "bottom-right pixel of the rectangle");
        assertFalse(viewport.contains(0f, 59.5f), "last row of the top bar");
        assertFalse(viewport.contains(0f, 420f), "first row of the bottom bar");
        assertFalse(viewport.contains(-1f, 200f), "left of the window");
        assertFalse(viewport.contains(640f, 200f), "right of the window");
    }

    @Test
    void shouldRoundTripProjectAndUnprojectUnderZoomAndPan()
    {
        final Viewport viewport = Viewport.fit(WORLD_WIDTH, WORLD_HEIGHT).update(1000, 400);
        viewport.centreCamera(viewport.apply(camera.reset())).zoomAt(300f, 100f, 2.5f).pan(-12f, 7f);

        for (final float[] world : new float[][] {{0f, 0f}, {160f, 90f}, {-40f, 500f}, {319f, 1f}})
        {
            camera.project(world[0], world[1], point);
            camera.unproject(point.x, point.y, point);
            assertEquals(world[0], point.x, EPSILON);
            assertEquals(world[1], point.y, EPSILON);
        }
    }

    @Test
    void shouldKeepTheWorldPointUnderTheCursorWhenZoomingInAViewport()
    {
        final Viewport viewport = Viewport.fit(WORLD_WIDTH, WORLD_HEIGHT).update(640, 480);
        viewport.apply(camera.reset());
        camera.unproject(200f, 300f, point);
        final float worldX = point.x;
        final float worldY = point.y;

        camera.zoomAt(200f - camera.screenOriginX(), 300f - camera.screenOriginY(), 3f);

        camera.unproject(200f, 300f, point);
        assertEquals(worldX, point.x, EPSILON);
        assertEquals(worldY, point.y, EPSILON);
    }

    @Test
    void shouldMapHighDpiMousePositionsThroughThePixelRatio()
    {
        final Viewport viewport = Viewport.fit(WORLD_WIDTH, WORLD_HEIGHT).update(1280, 960, 640, 480);
        viewport.apply(camera.reset());

        assertEquals(2f, camera.pixelRatioX(), EPSILON);
        camera.unproject(320f, 240f, point);
        assertEquals(160f, point.x, EPSILON);
        assertEquals(90f, point.y, EPSILON);
        camera.unproject(0f, 60f, point);
        assertEquals(0f, point.x, EPSILON);
        assertEquals(0f, point.y, EPSILON);
        assertTrue(viewport.contains(0f, 60f));
        assertFalse(viewport.contains(0f, 59f));
        camera.project(WORLD_WIDTH, WORLD_HEIGHT, point);
        assertEquals(640f, point.x, EPSILON);
        assertEquals(420f, point.y, EPSILON);
    }

    @Test
    void shouldKeepTheCameraCornerAndZoomWhenTheFramebufferChanges()
    {
        final Viewport viewport = Viewport.fit(WORLD_WIDTH, WORLD_HEIGHT).update(640, 480);
        viewport.apply(camera.reset()).pan(10f, 20f).zoom(2f);
        final float left = camera.left();
        final float top = camera.top();

        viewport.update(1000, 400).apply(camera);

        assertEquals(left, camera.left(), EPSILON);
        assertEquals(top, camera.top(), EPSILON);
        assertEquals(2f, camera.zoom(), EPSILON);
        assertEquals(WORLD_WIDTH / 2f, camera.viewWidth(), EPSILON);
    }

    @Test
    void shouldTakeAMinimisedFramebufferAsOnePixel()
    {
        final Viewport viewport = Viewport.fit(WORLD_WIDTH, WORLD_HEIGHT).update(0, 0, 0, 0);
        viewport.apply(camera);

        assertEquals(1, viewport.screenWidth());
        assertEquals(1, viewport.screenHeight());
        assertEquals(1, camera.width());
    }

    @Test
    void shouldRejectAnEmptyWorld()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> Viewport.fit(0f, WORLD_HEIGHT));
        assertEquals("world size must be finite and > 0 units on each axis, was 0.0 x 180.0", ex.getMessage());
    }

    @Test
    void shouldRejectAMaximumBelowTheMinimum()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> Viewport.extend(WORLD_WIDTH, WORLD_HEIGHT, 0f, 100f));
        assertEquals("maxWorldHeight must be 0 (no maximum) or finite and >= the minimum 180.0, was 100.0",
            ex.getMessage());
    }

    @Test
    void shouldRejectANonPositiveUnitsPerPixel()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Viewport.screen(-1f));
        assertEquals("unitsPerPixel must be finite and > 0, was -1.0", ex.getMessage());
    }

    @Test
    void shouldUpdateApplyAndUnprojectWithoutAllocating() throws Exception
    {
        final Viewport fit = Viewport.fit(WORLD_WIDTH, WORLD_HEIGHT);
        final Viewport extend = Viewport.extend(WORLD_WIDTH, WORLD_HEIGHT, 400f, 0f);
        final AllocationGate.Body frame = i ->
        {
            final Viewport viewport = (i & 1) == 0 ? fit : extend;
            viewport.update(600 + (i & 255), 400 + (i & 127), 300 + (i & 127), 200 + (i & 63), camera);
            viewport.centreCamera(camera).projection(projection);
            camera.unproject(i & 511, i & 255, point);
            camera.project(point.x, point.y, point);
            viewport.contains(point.x, point.y);
        };
        AllocationGate.assertSteadyZero("Viewport frame", 20_000, 5_000, frame);
    }

    private static Viewport of(final ViewportKind kind)
    {
        switch (kind)
        {
            case FIT:
                return Viewport.fit(WORLD_WIDTH, WORLD_HEIGHT);
            case EXTEND:
                return Viewport.extend(WORLD_WIDTH, WORLD_HEIGHT);
            case STRETCH:
                return Viewport.stretch(WORLD_WIDTH, WORLD_HEIGHT);
            default:
                return Viewport.screen();
        }
    }
}
