package dev.isochron.render.runtime;

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
 * {@code Isochron.run} with a real window under Xvfb, in a child JVM ({@link FullscreenRunMain}): fullscreen asked from
 * the render thread and the window asked back from the simulation thread, both applied by the platform thread; the
 * frames' size and the input listener's window events follow; the icon of {@link WindowConfig} reaches the window.
 */
class FullscreenRunTest
{
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    @Test
    void shouldGoFullscreenFromRenderAndBackFromUpdateWithTheConfiguredIcon() throws Exception
    {
        assumeTrue(null != ChildProcess.xvfbRun(),
            "xvfb-run is not installed (" + ChildProcess.XVFB_INSTALL_HINT + "): windowed test skipped");
        final BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xFF102030);
        final Path icon = directory.resolve("icon.png");
        ImageIO.write(image, "png", icon.toFile());

        final ChildProcess.Result child = ChildProcess.javaMain(FullscreenRunMain.class)
            .jvmFlags(ChildProcess.ENGINE_JVM_FLAGS).llvmpipeThreads(1).underXvfb()
            .args(icon.toString())
            .limit(LIMIT).output(directory.resolve("FullscreenRunMain.log")).run().requireFinished();
        final String log = child.output();

        assertEquals(0, child.exitCode(), "child JVM exit code, output:\n" + log);
        assertTrue(log.contains("OK exit=EXIT_REQUESTED fullscreenFrame=true fullscreenEvent=true " +
            "windowedFrame=true windowedEvent=true"), log);
        assertTrue(log.contains(" icon=16x16#ff102030 ") || log.contains(" icon=no-xprop "), log);
    }
}
