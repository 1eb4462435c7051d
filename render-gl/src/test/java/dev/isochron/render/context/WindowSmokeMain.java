package dev.isochron.render.context;

import dev.isochron.render.screenshot.Screenshot;
import org.lwjgl.system.MemoryStack;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.lwjgl.opengl.GL30C.*;

/**
 * Child-JVM program for {@link GlfwWindowContextTest}, run under xvfb-run: the main thread opens a window
 * through {@link ContextFactory} with the {@link WindowApi} given as second argument (AUTO when absent) and polls
 * events; a render thread makes the context current, clears, reads a pixel of the back buffer, writes a screenshot,
 * swaps and releases; while the window's context is current, a headless EGL context in the same process clears and
 * reads back on another thread, so each context's GL functions must come from its own API. The main thread then
 * closes the window. Prints one result line and exits 0 on success, 1 on failure.
 */
public final class WindowSmokeMain
{
    private WindowSmokeMain()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Path screenshot = Path.of(args[0]);
        final WindowApi api = args.length > 1 ? WindowApi.valueOf(args[1]) : WindowApi.AUTO;
        final GlContext context = ContextFactory.create(new ContextOptions().kind(ContextKind.AUTO)
            .title("smoke").size(64, 48).failOnLeak(true).windowApi(api));
        if (!(context instanceof GlfwWindowContext))
        {
            System.out.println("FAIL not a window: " + context);
            System.exit(1);
        }
        final GlfwWindowContext window = (GlfwWindowContext)context;
        final AtomicReference<String> result = new AtomicReference<>();
        final Thread render = new Thread(() ->
        {
            try
            {
                window.makeCurrent();
                window.bindDrawTarget();
                glClearColor(0f, 1f, 0f, 1f);
                glClear(GL_COLOR_BUFFER_BIT);
                final int pixel;
                try (MemoryStack stack = MemoryStack.stackPush())
                {
                    final ByteBuffer rgba = stack.malloc(4);
                    glReadBuffer(GL_BACK);
                    glReadPixels(10, 10, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
                    pixel = ((rgba.get(0) & 0xFF) << 24) | ((rgba.get(1) & 0xFF) << 16) | ((rgba.get(2) & 0xFF) << 8) |
                        (rgba.get(3) & 0xFF);
                }
                Screenshot.write(window, screenshot);
                window.swapBuffers();
                final int headlessPixel = clearAndReadHeadless();
                window.bindDrawTarget();
                glClear(GL_COLOR_BUFFER_BIT);
                window.swapBuffers();
                result.set(String.format("OK pixel=#%08X size=%dx%d headless=%b api=%s headlessPixel=#%08X " +
                    "renderer=%s version=%s", pixel, window.framebufferWidth(), window.framebufferHeight(),
                    window.isHeadless(), window.api().reportName(), headlessPixel, window.glRenderer(),
                    window.glVersion()));
                window.disposeAndRelease();
            }
            catch (final Throwable ex)
            {
                result.set("FAIL " + ex);
                ex.printStackTrace();
            }
        }, "render");
        render.start();
        while (render.isAlive())
        {
            window.pollEvents();
            render.join(10);
        }
        window.close();
        System.out.println(result.get());
        System.out.flush();
        System.exit(result.get().startsWith("OK") ? 0 : 1);
    }

    /**
     * Clears a headless EGL context to blue and reads a pixel back, on a thread of its own while the window's
     * context stays current on the calling one.
     */
    private static int clearAndReadHeadless() throws InterruptedException
    {
        final AtomicReference<Object> pixel = new AtomicReference<>();
        final Thread headless = new Thread(() ->
        {
            try (EglHeadlessContext context = new EglHeadlessContext(new ContextOptions().kind(ContextKind.HEADLESS)
                .size(8, 8).failOnLeak(true)))
            {
                context.makeCurrent();
                glClearColor(0f, 0f, 1f, 1f);
                glClear(GL_COLOR_BUFFER_BIT);
                try (MemoryStack stack = MemoryStack.stackPush())
                {
                    final ByteBuffer rgba = stack.malloc(4);
                    glReadPixels(1, 1, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
                    pixel.set(((rgba.get(0) & 0xFF) << 24) | ((rgba.get(1) & 0xFF) << 16) |
                        ((rgba.get(2) & 0xFF) << 8) | (rgba.get(3) & 0xFF));
                }
                context.disposeAndRelease();
            }
            catch (final Throwable ex)
            {
                pixel.set(ex);
            }
        }, "headless");
        headless.start();
        headless.join();
        if (pixel.get() instanceof Throwable)
        {
            throw new IllegalStateException("headless context beside the window failed", (Throwable)pixel.get());
        }
        return (Integer)pixel.get();
    }
}
