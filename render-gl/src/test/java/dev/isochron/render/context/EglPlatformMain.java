package dev.isochron.render.context;

import org.lwjgl.system.MemoryStack;

import java.nio.ByteBuffer;

import static org.lwjgl.opengl.GL11C.*;

/**
 * Child-JVM program for {@link EglPlatformTest}: makes a 16x16 headless context under whatever
 * {@code -Disochron.egl.platform} the JVM was given, clears it to a known colour, reads one pixel back and prints
 * {@code PLATFORM <platform> PIXEL <rrggbbaa> RENDERER <renderer>}; a {@link GlContextException} prints
 * {@code REFUSED <message>} and exits 3. A child, because the headless display is the process's.
 */
public final class EglPlatformMain
{
    private EglPlatformMain()
    {
    }

    public static void main(final String[] args)
    {
        final EglHeadlessContext context;
        try
        {
            context = new EglHeadlessContext(16, 16);
        }
        catch (final GlContextException ex)
        {
            System.out.println("REFUSED " + ex.getMessage());
            System.exit(3);
            return;
        }
        try
        {
            context.makeCurrent();
            context.bindDrawTarget();
            glClearColor(1f, 0.5f, 0f, 1f);
            glClear(GL_COLOR_BUFFER_BIT);
            try (MemoryStack stack = MemoryStack.stackPush())
            {
                final ByteBuffer pixel = stack.malloc(4);
                glReadPixels(3, 3, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);
                System.out.printf("PLATFORM %s PIXEL %02x%02x%02x%02x RENDERER %s%n", context.eglPlatform(),
                    pixel.get(0) & 0xFF, pixel.get(1) & 0xFF, pixel.get(2) & 0xFF, pixel.get(3) & 0xFF,
                    context.glRenderer());
            }
        }
        finally
        {
            context.disposeAndRelease();
        }
    }
}
