package dev.isochron.render.gl;

import dev.isochron.render.context.ContextOptions;
import dev.isochron.render.testing.HeadlessGl;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static dev.isochron.render.testing.HeadlessGl.rgba;
import static org.junit.jupiter.api.Assertions.*;
import static org.lwjgl.opengl.GL11C.*;

@SuppressWarnings("try") // a HeadlessGl resource keeps its context current for the block, unreferenced
class FramebufferTest
{
    @Test
    void shouldRenderOffscreenAndReadBackBottomRowFirst()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8); Framebuffer offscreen = new Framebuffer("offscreen", 4, 2, false))
        {
            offscreen.bind();
            glClearColor(1f, 0f, 0f, 1f);
            glClear(GL_COLOR_BUFFER_BIT);
            glEnable(GL_SCISSOR_TEST);
            glScissor(0, 0, 4, 1);
            glClearColor(0f, 0f, 1f, 1f);
            glClear(GL_COLOR_BUFFER_BIT);
            glDisable(GL_SCISSOR_TEST);
            final ByteBuffer pixels = offscreen.readPixels();
            assertEquals(4 * 2 * 4, pixels.capacity());
            assertEquals(rgba(0, 0, 255, 255), packed(pixels, 0));       // GL row 0: bottom
            assertEquals(rgba(255, 0, 0, 255), packed(pixels, 4 * 4));   // GL row 1: top
        }
    }

    @Test
    void shouldStoreClearedDepthWhenDepthStencilIsAttached()
    {
        try (HeadlessGl gl = HeadlessGl.open(new ContextOptions().title("depth").size(8, 8).depthStencil(true)))
        {
            assertTrue(gl.framebuffer().hasDepthStencil());
            glClearDepth(0.25);
            glClear(GL_DEPTH_BUFFER_BIT);
            final float[] depth = {-1f};
            glReadPixels(3, 3, 1, 1, GL_DEPTH_COMPONENT, GL_FLOAT, depth);
            GlErrors.check("glReadPixels(GL_DEPTH_COMPONENT)");
            assertEquals(0.25f, depth[0], 1e-5f);
        }
    }

    @Test
    void shouldRejectSizeOutsideRange()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> new Framebuffer("shadow", 0, 16, true));
            assertEquals("framebuffer 'shadow' size must be in [1, 16384] on each side, was 0x16", failure.getMessage());
            assertEquals(1, gl.context().objects().liveCount(GlObjectType.FRAMEBUFFER));
        }
    }

    @Test
    void shouldRefuseUseAfterClose()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final Framebuffer offscreen = new Framebuffer("temp", 2, 2, true);
            offscreen.close();
            final IllegalStateException failure = assertThrows(IllegalStateException.class, offscreen::bind);
            assertEquals("Framebuffer 'temp' used after close(): its GL objects are deleted and its read-back " +
                "memory freed", failure.getMessage());
        }
    }

    /** It read the freed memory's address before checking (a NullPointerException). */
    @Test
    void shouldRefuseReadPixelsAfterClose()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final Framebuffer offscreen = new Framebuffer("temp", 2, 2, false);
            offscreen.close();

            final IllegalStateException failure = assertThrows(IllegalStateException.class, offscreen::readPixels);
            assertEquals("Framebuffer 'temp' used after close(): its GL objects are deleted and its read-back " +
                "memory freed", failure.getMessage());
        }
    }

    @Test
    void shouldCloseTwiceWithoutError()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final int before = gl.context().objects().liveCount(GlObjectType.FRAMEBUFFER);
            final Framebuffer offscreen = new Framebuffer("temp", 2, 2, true);
            offscreen.close();
            offscreen.close();

            assertTrue(offscreen.isClosed());
            assertEquals(before, gl.context().objects().liveCount(GlObjectType.FRAMEBUFFER));
        }
    }

    private static int packed(final ByteBuffer pixels, final int offset)
    {
        return rgba(pixels.get(offset) & 0xFF, pixels.get(offset + 1) & 0xFF, pixels.get(offset + 2) & 0xFF,
            pixels.get(offset + 3) & 0xFF);
    }
}
