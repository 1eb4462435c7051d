package dev.isochron.render.context;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ContextFactoryTest
{
    private static final GlContext WINDOW = new EglHeadlessContextStandIn();
    private static final GlContext HEADLESS = new EglHeadlessContextStandIn();
    private static final ContextFactory.Opener OPENS_WINDOW = (options) -> WINDOW;
    private static final ContextFactory.Opener OPENS_HEADLESS = (options) -> HEADLESS;
    private static final ContextFactory.Opener WINDOW_FAILS = (options) ->
    {
        throw new GlContextException("GLFW could not initialise: X11: Failed to open display :7");
    };
    private static final ContextFactory.Opener HEADLESS_FAILS = (options) ->
    {
        throw new GlContextException("headless EGL: cannot load libEGL.so.1");
    };

    @Test
    void shouldChooseHeadlessWithoutDisplay()
    {
        assertSame(HEADLESS, ContextFactory.create(new ContextOptions(), Map.of(), OPENS_WINDOW, OPENS_HEADLESS));
    }

    @Test
    void shouldChooseWindowWhenDisplayIsSet()
    {
        assertSame(WINDOW, ContextFactory.create(new ContextOptions(), Map.of("DISPLAY", ":0"), OPENS_WINDOW, OPENS_HEADLESS));
        assertSame(WINDOW, ContextFactory.create(
            new ContextOptions(), Map.of("WAYLAND_DISPLAY", "wayland-0"), OPENS_WINDOW, OPENS_HEADLESS));
    }

    @Test
    void shouldFallBackToHeadlessWhenWindowFails()
    {
        assertSame(HEADLESS, ContextFactory.create(new ContextOptions(), Map.of("DISPLAY", ":7"), WINDOW_FAILS, OPENS_HEADLESS));
    }

    @Test
    void shouldHonourForcedHeadlessEvenWithDisplay()
    {
        assertSame(HEADLESS, ContextFactory.create(
            new ContextOptions().kind(ContextKind.HEADLESS), Map.of("DISPLAY", ":0"), OPENS_WINDOW, OPENS_HEADLESS));
    }

    @Test
    void shouldListEveryAttemptAndTheFixWhenNothingWorks()
    {
        final GlContextException failure = assertThrows(GlContextException.class,
            () -> ContextFactory.create(new ContextOptions(), Map.of("DISPLAY", ":7"), WINDOW_FAILS, HEADLESS_FAILS));
        assertEquals("no OpenGL 3.3+ core context could be created (kind AUTO); tried:\n" +
            "  1. GLFW window (DISPLAY=:7): GLFW could not initialise: X11: Failed to open display :7\n" +
            "  2. EGL headless (Mesa surfaceless, or an EGL device): headless EGL: cannot load libEGL.so.1\n" +
            "to fix: apt-get install libegl1 libegl-mesa0 libgl1-mesa-dri for headless rendering; for windows " +
            "without a screen, apt-get install xvfb xauth, then run under xvfb-run -a", failure.getMessage());
    }

    @Test
    void shouldSaySkippedWindowWhenNoDisplayAndHeadlessFails()
    {
        final GlContextException failure = assertThrows(GlContextException.class,
            () -> ContextFactory.create(new ContextOptions(), Map.of(), OPENS_WINDOW, HEADLESS_FAILS));
        assertTrue(failure.getMessage().startsWith("no OpenGL 3.3+ core context could be created (kind AUTO); tried:\n" +
            "  1. GLFW window: skipped, no DISPLAY or WAYLAND_DISPLAY set\n" +
            "  2. EGL headless (Mesa surfaceless, or an EGL device): headless EGL: cannot load libEGL.so.1\n"), failure.getMessage());
    }

    @Test
    void shouldNotFallBackWhenWindowIsForced()
    {
        final GlContextException failure = assertThrows(GlContextException.class, () -> ContextFactory.create(
            new ContextOptions().kind(ContextKind.WINDOW), Map.of(), WINDOW_FAILS, OPENS_HEADLESS));
        assertTrue(failure.getMessage().startsWith("no OpenGL 3.3+ core context could be created (kind WINDOW); tried:\n" +
            "  1. GLFW window (no DISPLAY or WAYLAND_DISPLAY set): GLFW could not initialise: X11: Failed to open " +
            "display :7\nto fix: "), failure.getMessage());
    }

    @Test
    void shouldCreateRealHeadlessContextWhenForced()
    {
        final GlContext context = ContextFactory.create(new ContextOptions().kind(ContextKind.HEADLESS).size(8, 8));
        try
        {
            assertTrue(context.isHeadless());
            context.makeCurrent();
            assertEquals(8, context.framebufferWidth());
        }
        finally
        {
            context.close();
        }
    }

    /** Identity-only stand-in: the factory's choice is asserted by reference, nothing is called on it. */
    private static final class EglHeadlessContextStandIn implements GlContext
    {
        public void makeCurrent()
        {
            throw new UnsupportedOperationException();
        }

        public void releaseCurrent()
        {
            throw new UnsupportedOperationException();
        }

        public boolean isCurrent()
        {
            return false;
        }

        public void bindDrawTarget()
        {
            throw new UnsupportedOperationException();
        }

        public int drawFramebufferName()
        {
            return 0;
        }

        public void swapBuffers()
        {
            throw new UnsupportedOperationException();
        }

        public int framebufferWidth()
        {
            return 0;
        }

        public int framebufferHeight()
        {
            return 0;
        }

        public boolean isHeadless()
        {
            return false;
        }

        public ContextApi api()
        {
            return ContextApi.EGL;
        }

        public String glRenderer()
        {
            return "";
        }

        public String glVersion()
        {
            return "";
        }

        public dev.isochron.render.gl.GlObjectRegistry objects()
        {
            return null;
        }

        public void disposeAndRelease()
        {
        }

        public void close()
        {
        }
    }
}
