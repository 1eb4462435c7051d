package dev.isochron.render.testing;

import org.junit.jupiter.api.Test;

import static dev.isochron.render.testing.HeadlessGl.rgba;
import static org.junit.jupiter.api.Assertions.*;
import static org.lwjgl.opengl.GL11C.*;

class HeadlessGlTest
{
    @Test
    void shouldCountCoverageOverBackground()
    {
        try (HeadlessGl gl = HeadlessGl.open(16, 8))
        {
            gl.clear(0f, 0f, 0f, 1f);
            glEnable(GL_SCISSOR_TEST);
            glScissor(2, 8 - 3 - 4, 5, 4); // image rectangle x 2..6, y 3..6
            glClearColor(1f, 1f, 1f, 1f);
            glClear(GL_COLOR_BUFFER_BIT);
            glDisable(GL_SCISSOR_TEST);
            gl.readBack();
            assertEquals(20, gl.countDiffering(0, 0, 16, 8, rgba(0, 0, 0, 255), 8));
            assertEquals(20, gl.countMatching(2, 3, 5, 4, rgba(255, 255, 255, 255), 0));
            assertEquals(0, gl.countDiffering(7, 0, 9, 8, rgba(0, 0, 0, 255), 0));
            assertEquals(6, gl.countDiffering(-4, 3, 8, 3, rgba(0, 0, 0, 255), 0)); // clipped at the left edge
        }
    }

    @Test
    void shouldDescribeMismatchInAssertion()
    {
        try (HeadlessGl gl = HeadlessGl.open(4, 4))
        {
            gl.clear(1f, 0f, 0f, 1f);
            gl.readBack();
            final AssertionError failure = assertThrows(AssertionError.class,
                () -> gl.assertPixel(1, 2, rgba(0, 255, 0, 255), 3));
            assertEquals("pixel (1, 2) expected #00FF00FF +/- 3 per channel, was #FF0000FF", failure.getMessage());
        }
    }

    @Test
    void shouldRejectPixelOutsideFramebuffer()
    {
        try (HeadlessGl gl = HeadlessGl.open(4, 4))
        {
            gl.readBack();
            final IndexOutOfBoundsException failure = assertThrows(IndexOutOfBoundsException.class, () -> gl.pixelAt(4, 0));
            assertEquals("pixel (4, 0) is outside the 4x4 framebuffer", failure.getMessage());
        }
    }
}
