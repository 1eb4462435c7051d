package dev.isochron.render.context;

import dev.isochron.render.screenshot.Screenshot;
import org.lwjgl.system.MemoryStack;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.lwjgl.opengl.GL30C.*;

/**
 * Child-JVM program for {@link GlfwWindowContextTest}, run under xvfb-run: the main thread opens a window
 * through {@link ContextFactory} and polls events; a render thread makes the context current, clears, reads a
 * pixel of the back buffer, writes a screenshot, swaps and releases; the main thread then closes the window.
 * Prints one result line and exits 0 on success, 1 on failure.
 */
public final class WindowSmokeMain
{
    private WindowSmokeMain()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Path screenshot = Path.of(args[0]);
        final GlContext context = ContextFactory.create(new ContextOptions().kind(ContextKind.AUTO)
            .title("smoke").size(64, 48).failOnLeak(true));
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
                result.set(String.format("OK pixel=#%08X size=%dx%d headless=%b renderer=%s version=%s", pixel,
                    window.framebufferWidth(), window.framebufferHeight(), window.isHeadless(), window.glRenderer(),
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
        System.exit(result.get().startsWith("OK") ? 0 : 1);
    }
}
