package dev.isochron.render.context;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.render.gl.Framebuffer;
import dev.isochron.render.gl.GlObjectType;
import dev.isochron.render.testing.HeadlessGl;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static dev.isochron.render.testing.HeadlessGl.rgba;
import static org.junit.jupiter.api.Assertions.*;
import static org.lwjgl.egl.EGL12.eglQueryAPI;
import static org.lwjgl.egl.EGL12.EGL_OPENGL_ES_API;
import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL30C.GL_MAJOR_VERSION;
import static org.lwjgl.opengl.GL30C.GL_MINOR_VERSION;
import static org.lwjgl.opengl.GL30C.GL_VERTEX_ARRAY_BINDING;
import static org.lwjgl.opengl.GL32C.GL_CONTEXT_CORE_PROFILE_BIT;
import static org.lwjgl.opengl.GL32C.GL_CONTEXT_PROFILE_MASK;
import static org.lwjgl.opengl.GL45C.GL_LOSE_CONTEXT_ON_RESET;
import static org.lwjgl.opengl.GL45C.GL_RESET_NOTIFICATION_STRATEGY;

@SuppressWarnings("try") // a HeadlessGl resource keeps its context current for the block, unreferenced
class EglHeadlessContextTest
{
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;

    @Test
    void shouldCreateCoreProfileContextOfAtLeast33()
    {
        try (HeadlessGl gl = HeadlessGl.open(WIDTH, HEIGHT))
        {
            final int version = glGetInteger(GL_MAJOR_VERSION) * 10 + glGetInteger(GL_MINOR_VERSION);
            assertTrue(version >= 33, "GL version " + version);
            assertEquals(GL_CONTEXT_CORE_PROFILE_BIT, glGetInteger(GL_CONTEXT_PROFILE_MASK) & GL_CONTEXT_CORE_PROFILE_BIT);
            assertTrue(gl.context().isHeadless());
            assertFalse(gl.context().glRenderer().isEmpty());
            assertTrue(gl.context().glVersion().startsWith(glGetInteger(GL_MAJOR_VERSION) + "."),
                gl.context().glVersion());
        }
    }

    @Test
    void shouldAskForLoseContextOnResetSoThatAResetIsReported()
    {
        try (HeadlessGl gl = HeadlessGl.open(WIDTH, HEIGHT))
        {
            assertEquals(GL_LOSE_CONTEXT_ON_RESET, glGetInteger(GL_RESET_NOTIFICATION_STRATEGY),
                "Mesa's surfaceless EGL offers reset notification; without it the runtime's per-frame reset check " +
                "could never see a reset");
            assertEquals(GL_NO_ERROR, glGetError());
        }
    }

    @Test
    void shouldBindVertexArrayWhenMadeCurrent()
    {
        try (HeadlessGl gl = HeadlessGl.open(WIDTH, HEIGHT))
        {
            assertNotEquals(0, glGetInteger(GL_VERTEX_ARRAY_BINDING));
            assertEquals(1, gl.context().objects().liveCount(GlObjectType.VERTEX_ARRAY));
        }
    }

    @Test
    void shouldReadBackClearColour()
    {
        try (HeadlessGl gl = HeadlessGl.open(WIDTH, HEIGHT))
        {
            gl.clear(1f, 0.5f, 0f, 1f);
            gl.readBack();
            gl.assertPixel(0, 0, rgba(255, 128, 0, 255), 1);
            gl.assertPixel(WIDTH - 1, HEIGHT - 1, rgba(255, 128, 0, 255), 1);
            assertEquals(WIDTH * HEIGHT, gl.countMatching(rgba(255, 128, 0, 255), 1));
        }
    }

    @Test
    void shouldReadTopRowAsImageRowZero()
    {
        try (HeadlessGl gl = HeadlessGl.open(WIDTH, HEIGHT))
        {
            gl.clear(0f, 0f, 1f, 1f);
            glEnable(GL_SCISSOR_TEST);
            glScissor(0, HEIGHT - 8, WIDTH, 8); // GL rows from the bottom: the top 8 rows
            glClearColor(0f, 1f, 0f, 1f);
            glClear(GL_COLOR_BUFFER_BIT);
            glDisable(GL_SCISSOR_TEST);
            gl.readBack();
            assertEquals(WIDTH * 8, gl.countMatching(0, 0, WIDTH, 8, rgba(0, 255, 0, 255), 0));
            gl.assertPixel(5, 8, rgba(0, 0, 255, 255), 0);
            gl.assertPixel(5, HEIGHT - 1, rgba(0, 0, 255, 255), 0);
        }
    }

    @Test
    void shouldResizeDrawTarget()
    {
        try (HeadlessGl gl = HeadlessGl.open(WIDTH, HEIGHT))
        {
            gl.context().resize(20, 10);
            assertEquals(20, gl.context().framebufferWidth());
            assertEquals(10, gl.framebuffer().height());
            gl.clear(0f, 1f, 1f, 1f);
            gl.readBack();
            assertEquals(200, gl.countMatching(rgba(0, 255, 255, 255), 0));
            assertEquals(20 * 10 * 4, gl.framebuffer().pixels().capacity());
        }
    }

    @Test
    void shouldRenderOnDedicatedRenderThread() throws Exception
    {
        final EglHeadlessContext context = new EglHeadlessContext(new ContextOptions().size(16, 16).failOnLeak(true));
        final AtomicReference<Object> result = new AtomicReference<>();
        final Thread render = new Thread(() ->
        {
            try
            {
                context.makeCurrent();
                glClearColor(0f, 0f, 1f, 1f);
                glClear(GL_COLOR_BUFFER_BIT);
                final java.nio.ByteBuffer pixels = context.framebuffer().readPixels();
                result.set(pixels.get(2) & 0xFF);
                context.close();
            }
            catch (final Throwable ex)
            {
                result.set(ex);
            }
        }, "render");
        render.start();
        render.join();
        assertEquals(255, result.get());
    }

    @Test
    void shouldRefuseMakeCurrentWhileCurrentOnAnotherThread() throws Exception
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final Thread other = new Thread(() ->
            {
                try
                {
                    gl.context().makeCurrent();
                }
                catch (final Throwable ex)
                {
                    failure.set(ex);
                }
            }, "intruder");
            other.start();
            other.join();
            assertInstanceOf(IllegalStateException.class, failure.get());
            assertEquals("EGL headless context 'HeadlessGl' 8x8 is current on thread '" +
                Thread.currentThread().getName() + "'; release it there before making it current on 'intruder'",
                failure.get().getMessage());
        }
    }

    @Test
    void shouldReleaseTheThreadsEglStateWhenReleasingTheContext()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            gl.context().releaseCurrent();
            // eglReleaseThread returns the thread's bound API to the default; the context had bound desktop GL
            assertEquals(EGL_OPENGL_ES_API, eglQueryAPI(),
                "the render thread's EGL state must go while the display lives (NVIDIA crashed freeing it at exit)");
            gl.context().makeCurrent();
        }
    }

    @Test
    void shouldMakeCurrentAgainAfterRelease()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            gl.context().releaseCurrent();
            assertFalse(gl.context().isCurrent());
            gl.context().makeCurrent();
            assertTrue(gl.context().isCurrent());
            gl.clear(1f, 1f, 1f, 1f);
            gl.readBack();
            gl.assertPixel(3, 3, rgba(255, 255, 255, 255), 0);
        }
    }

    @Test
    void shouldFailCloseListingLeakedObjects()
    {
        final HeadlessGl gl = HeadlessGl.open(8, 8);
        final Framebuffer leaked = new Framebuffer("offscreen", 4, 4, false);
        final IllegalStateException failure = assertThrows(IllegalStateException.class, gl::close);
        assertEquals("2 GL object(s) leaked in EGL headless context 'HeadlessGl' 8x8 (not disposed before the " +
            "context closed):\n  FRAMEBUFFER " + leaked.framebufferName() + " 'offscreen'\n  TEXTURE " +
            leaked.colorTexture() + " 'offscreen colour'", failure.getMessage());
    }

    @Test
    void shouldRejectCreatingObjectsWithoutCurrentContext() throws Exception
    {
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread bare = new Thread(() ->
        {
            try
            {
                new Framebuffer("orphan", 4, 4, false);
            }
            catch (final Throwable ex)
            {
                failure.set(ex);
            }
        }, "bare");
        bare.start();
        bare.join();
        assertEquals("no GL context is current on thread 'bare': call GlContext.makeCurrent() on the render thread " +
            "before creating GL objects", failure.get().getMessage());
    }

    @Test
    void shouldReadBackFramesWithoutAllocating() throws Exception
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            AllocationGate.assertSteadyZero("clear + read-back", 10_000, 3000, (i) ->
            {
                gl.context().bindDrawTarget();
                glClearColor((i & 1), 0f, 0f, 1f);
                glClear(GL_COLOR_BUFFER_BIT);
                gl.context().swapBuffers();
                gl.readBack();
                if (gl.pixelAt(0, 0) != rgba((i & 1) * 255, 0, 0, 255))
                {
                    throw new AssertionError("frame " + i);
                }
            });
        }
    }

    @Test
    void shouldRefuseSwapBuffersAfterClose()
    {
        final EglHeadlessContext context =
            new EglHeadlessContext(new ContextOptions().title("closed").size(16, 16).failOnLeak(true));
        context.makeCurrent();
        context.close();

        final IllegalStateException failure = assertThrows(IllegalStateException.class, context::swapBuffers);
        assertEquals("EGL headless context 'closed' 16x16 used after close(): the context is destroyed",
            failure.getMessage());
    }

    @Test
    void shouldCloseTwiceWithoutError()
    {
        final EglHeadlessContext context =
            new EglHeadlessContext(new ContextOptions().title("twice").size(16, 16).failOnLeak(true));
        context.makeCurrent();
        context.close();
        context.close();

        assertFalse(context.isCurrent());
    }
}
