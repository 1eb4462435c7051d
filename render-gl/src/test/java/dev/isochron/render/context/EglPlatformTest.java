package dev.isochron.render.context;

import dev.isochron.engine.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The headless platform choice ({@code -Disochron.egl.platform}): Mesa's surfaceless platform by default, an
 * enumerated EGL device when asked (the path a GPU driver's EGL without Mesa, such as NVIDIA's on a server, takes;
 * Mesa offers a software device too, so CI runs it), and a clear refusal of a word that names no platform. Each in a
 * child JVM ({@link EglPlatformMain}): the display is the process's.
 */
class EglPlatformTest
{
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void shouldUseMesasSurfacelessPlatformByDefault() throws Exception
    {
        final String output = child(null, 0);

        assertTrue(output.contains("PLATFORM surfaceless PIXEL ff8000ff") ||
            output.contains("PLATFORM surfaceless PIXEL ff7f00ff"), output);
    }

    @Test
    void shouldDrawThroughAnEnumeratedEglDeviceWhenAskedFor() throws Exception
    {
        final String output = child("device", 0);

        assertTrue(output.matches("(?s).*PLATFORM device 0 of \\d+ PIXEL ff(80|7f)00ff RENDERER .*"), output);
    }

    @Test
    void shouldRefuseAPlatformItDoesNotKnowNamingTheChoices() throws Exception
    {
        final String output = child("wayland", 3);

        assertTrue(output.contains("REFUSED headless EGL: -Disochron.egl.platform=wayland is not a platform; " +
            "use auto, surfaceless or device"), output);
    }

    private String child(final String platform, final int exitCode) throws Exception
    {
        final ChildProcess builder = ChildProcess.javaMain(EglPlatformMain.class)
            .jvmFlags(ChildProcess.AGRONA_JVM_FLAGS).llvmpipeThreads(1).limit(LIMIT)
            .output(directory.resolve("child.log"));
        if (null != platform)
        {
            builder.jvmFlags("-D" + EglDisplay.PLATFORM_PROPERTY + "=" + platform);
        }
        final ChildProcess.Result child = builder.run().requireFinished();
        assertEquals(exitCode, child.exitCode(), child.output());
        return child.output();
    }
}
