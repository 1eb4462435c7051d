package dev.isochron.render.context;

import dev.isochron.engine.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A window's icon and its fullscreen round trip, in a child JVM under {@code xvfb-run} ({@link WindowModesMain}): the
 * icon's two images reach the X server (read back with xprop where it is installed); a fullscreen request made on
 * another thread is applied at the next event poll and the window covers the 1280x720 screen; the next request brings
 * it back at its windowed size and position; a second round trip allocates nothing on the main thread; a window
 * opened fullscreen covers the screen, and goes back to its windowed size. Skipped only where xvfb-run is not installed.
 */
class WindowModesTest
{
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void shouldSetTheIconAndGoFullscreenAndBackUnderXvfb() throws Exception
    {
        assumeTrue(null != ChildProcess.xvfbRun(),
            "xvfb-run is not installed (" + ChildProcess.XVFB_INSTALL_HINT + "): windowed test skipped");
        final Path small = icon(16, 0xFF3366CC);
        final Path large = icon(32, 0xFFCC6633);

        final ChildProcess.Result child = ChildProcess.javaMain(WindowModesMain.class)
            .jvmFlags(ChildProcess.ENGINE_JVM_FLAGS).llvmpipeThreads(1).underXvfb()
            .args(small.toString(), large.toString())
            .limit(LIMIT).output(directory.resolve("WindowModesMain.log")).run().requireFinished();
        final String log = child.output();

        assertEquals(0, child.exitCode(), "child JVM exit code, output:\n" + log);
        assertTrue(log.startsWith("OK icon=true xpropIcon="), log);
        assertTrue(log.contains("xpropIcon=16x16#ff3366cc,32x32#ffcc6633 ") || log.contains("xpropIcon=no-xprop "), log);
        assertTrue(log.contains(" fullscreen=true 1280x720 monitor=true windowed=true 64x48 at 100,80"), log);
        assertTrue(log.contains(" roundTripBytes=0"), log);
        assertTrue(log.contains(" openedFullscreen=true thenWindowed=true"), log);
    }

    private Path icon(final int side, final int argb) throws Exception
    {
        final BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < side; y++)
        {
            for (int x = 0; x < side; x++)
            {
                image.setRGB(x, y, argb);
            }
        }
        final Path file = directory.resolve("icon" + side + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
