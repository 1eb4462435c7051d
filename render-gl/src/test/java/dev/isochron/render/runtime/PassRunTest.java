package dev.isochron.render.runtime;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.metrics.RunReport;
import dev.isochron.render.Isochron;
import dev.isochron.render.testing.RunAllocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run with registered passes ({@link PassScene}: an offscreen target, a shader with a per-frame uniform, additive
 * blending, nested clips): its picture, and no engine thread allocating a byte per frame after the warm-up, with the
 * null renderer and with GL (llvmpipe).
 */
class PassRunTest
{
    private static final int WARMUP_FRAMES = 3_000;
    private static final int MEASURED_FRAMES = 1_000;

    @TempDir
    Path dir;

    /** Compiles the pass path with the null renderer first (see RuntimeAllocationTest). */
    @BeforeAll
    static void compileTheFramePath()
    {
        final RuntimeConfig config = config(Threading.MULTI).renderer(RendererKind.NULL);
        config.measurement().warmupFrames(0).frames(12_000);
        Isochron.run(new PassScene(), config);
    }

    private static RuntimeConfig config(final Threading threading)
    {
        return ApplicationRunnerTest.headless(threading)
            .loop(new LoopConfig().tickRateHz(1_000))
            .workers(1)
            .forkMinQuads(0)
            .measurement(new MeasurementConfig()
                .warmupFrames(WARMUP_FRAMES)
                .frames(WARMUP_FRAMES + MEASURED_FRAMES + 1));
    }

    private static void assertZeroPerFrame(final RunReport report)
    {
        RunAllocation.assertZeroPerFrame(report, MEASURED_FRAMES);
    }

    @Test
    void shouldAllocateNothingPerFrameWithTheNullRenderer()
    {
        final RunResult result = Isochron.run(new PassScene(), config(Threading.MULTI).renderer(RendererKind.NULL));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        assertZeroPerFrame(result.report());
    }

    @Test
    void shouldAllocateNothingPerFrameWithGl()
    {
        final RunResult result = Isochron.run(new PassScene(), config(Threading.SINGLE));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        assertZeroPerFrame(result.report());
    }

    @Test
    void shouldDrawEveryPassIntoThePicture() throws Exception
    {
        final Path png = dir.resolve("passes.png");
        final PassScene scene = new PassScene();

        final RunResult result = Isochron.run(scene, ApplicationRunnerTest.headless(Threading.SINGLE)
            .measurement(ApplicationRunnerTest.measured().frames(3).screenshotPath(png)));

        assertEquals(ExitCause.FRAME_LIMIT, result.exitCause());
        assertTrue(scene.lateRegistrationRefused, "Init refuses a pass once init returned");
        final BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(0xFF0000, image.getRGB(4, 4) & 0xFFFFFF, "the layer's red square, lit at level 1 by the shader");
        assertEquals(0x000000, image.getRGB(12, 4) & 0xFFFFFF, "the layer's cleared black");
        assertEquals(0x00FF00, image.getRGB(4, 44) & 0xFFFFFF, "the world pass");
        assertEquals(0xFFFFFF, image.getRGB(45, 10) & 0xFFFFFF, "the panel inside both clips");
        assertEquals(0x000000, image.getRGB(45, 30) & 0xFFFFFF, "the panel outside the inner clip");
        assertEquals(0x000000, image.getRGB(36, 10) & 0xFFFFFF, "the panel outside the outer clip");
    }
}
