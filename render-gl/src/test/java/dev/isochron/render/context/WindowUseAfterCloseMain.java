package dev.isochron.render.context;

/**
 * Child-JVM program for {@link GlfwWindowContextTest}, run under xvfb-run: opens a window on the main thread,
 * closes it twice, then swaps its buffers and asks whether it should close, which would read the destroyed GLFW
 * window. Prints one line per call ({@code swapBuffers: <message>}) and exits 0 when both refused, 1 otherwise.
 */
public final class WindowUseAfterCloseMain
{
    private WindowUseAfterCloseMain()
    {
    }

    public static void main(final String[] args)
    {
        final GlfwWindowContext window =
            new GlfwWindowContext(new ContextOptions().title("closed").size(64, 48).failOnLeak(true));
        window.close();
        window.close();
        final boolean swapRefused = refused("swapBuffers", window::swapBuffers);
        final boolean shouldCloseRefused = refused("shouldClose", window::shouldClose);
        System.exit(swapRefused && shouldCloseRefused ? 0 : 1);
    }

    private static boolean refused(final String call, final Runnable use)
    {
        try
        {
            use.run();
            System.out.println(call + ": not refused");
            return false;
        }
        catch (final IllegalStateException ex)
        {
            System.out.println(call + ": " + ex.getMessage());
            return true;
        }
    }
}
