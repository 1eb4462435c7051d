package dev.isochron.render.context;

import dev.isochron.engine.testing.AllocationGate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request flag and the published sizes, without a window: what any thread sees of them. */
class WindowControlTest
{
    @Test
    void shouldToggleTheModeLastAskedFor()
    {
        final WindowControl control = WindowControl.ofWindow(64, 48);

        control.toggleFullscreen();
        assertTrue(control.isFullscreenRequested());
        assertTrue(control.fullscreenPending());
        control.toggleFullscreen();
        assertFalse(control.isFullscreenRequested());
        assertFalse(control.fullscreenPending());
    }

    @Test
    void shouldTakeTheOutcomeAsTheRequestWhenTheWindowCouldNotGoFullscreen()
    {
        final WindowControl control = WindowControl.ofWindow(64, 48);
        control.requestFullscreen(true);

        control.settle(true, false);

        assertFalse(control.isFullscreen());
        assertFalse(control.isFullscreenRequested());
        assertFalse(control.fullscreenPending());
    }

    @Test
    void shouldKeepARequestMadeWhileTheLastOneWasApplied()
    {
        final WindowControl control = WindowControl.ofWindow(64, 48);
        control.requestFullscreen(true);
        control.requestFullscreen(false);

        control.settle(true, true);

        assertTrue(control.isFullscreen());
        assertTrue(control.fullscreenPending(), "the later request for the window back is still to apply");
    }

    @Test
    void shouldPublishEachSizeInItsOwnUnit()
    {
        final WindowControl control = WindowControl.ofWindow(64, 48);

        control.publish(640, 360, 1280, 720, 2f, 1.5f);

        assertEquals(640, control.windowWidth());
        assertEquals(360, control.windowHeight());
        assertEquals(1280, control.framebufferWidth());
        assertEquals(720, control.framebufferHeight());
        assertEquals(2f, control.contentScaleX());
        assertEquals(1.5f, control.contentScaleY());
    }

    @Test
    void shouldIgnoreRequestsWithoutAWindow()
    {
        final WindowControl control = WindowControl.none(320, 200);

        control.requestFullscreen(true);

        assertFalse(control.hasWindow());
        assertFalse(control.fullscreenPending());
        assertEquals(320, control.windowWidth());
        assertEquals(200, control.framebufferHeight());
        assertEquals(1f, control.contentScaleX());
    }

    @Test
    void shouldRequestAndReadWithoutAllocating() throws Exception
    {
        final WindowControl control = WindowControl.ofWindow(64, 48);
        final int[] sink = new int[1];
        final AllocationGate.Body frame = i ->
        {
            control.toggleFullscreen();
            control.requestFullscreen((i & 2) == 0);
            sink[0] += control.windowWidth() + control.framebufferHeight() + (control.isFullscreen() ? 1 : 0) +
                (int)control.contentScaleX();
        };
        AllocationGate.assertSteadyZero("WindowControl requests", 20_000, 5_000, frame);
    }
}
