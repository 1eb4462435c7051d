package dev.isochron.perf.harness;

import dev.isochron.render.batch.Rgba;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.isochron.perf.harness.SyntheticReports.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Draws charts on headless GL (Mesa llvmpipe through EGL) and reads the PNGs back. */
class PlotRendererTest
{
    private static PlotRenderer plots;

    @TempDir
    Path dir;

    @BeforeAll
    static void open()
    {
        plots = new PlotRenderer(600, 300);
    }

    @AfterAll
    static void close()
    {
        if (null != plots)
        {
            plots.close();
        }
    }

    private static int argb(final int rgba)
    {
        return 0xFF00_0000 | Rgba.red(rgba) << 16 | Rgba.green(rgba) << 8 | Rgba.blue(rgba);
    }

    private static int count(final BufferedImage image, final int argb)
    {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++)
        {
            for (int x = 0; x < image.getWidth(); x++)
            {
                if (image.getRGB(x, y) == argb)
                {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void shouldWriteAPngShowingBothSeriesOverAWhiteBackground() throws IOException
    {
        final double[] frames = new double[500];
        final double[] naive = new double[500];
        for (int i = 0; i < frames.length; i++)
        {
            frames[i] = 4.0 + (i % 7) * 0.1;
            naive[i] = i % 100 == 0 ? 40.0 : 6.0;
        }
        final double[][] engineSeries = Chart.frameSeries(frames, 2000);
        final double[][] naiveSeries = Chart.frameSeries(naive, 2000);
        final Chart chart = new Chart("sprites single-g1: frame time", "frame", "frame time (ms)", Chart.XAxis.LINEAR)
            .add("engine", PlotRenderer.ENGINE_RGBA, engineSeries[0], engineSeries[1])
            .add("naive", PlotRenderer.NAIVE_RGBA, naiveSeries[0], naiveSeries[1]);
        final Path png = dir.resolve("frametime.png");

        plots.render(chart, png);

        final BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "not a readable PNG: " + png);
        assertEquals(600, image.getWidth());
        assertEquals(300, image.getHeight());
        final int white = count(image, argb(PlotRenderer.BACKGROUND_RGBA));
        assertTrue(white > 600 * 300 / 2, "background covers " + white + " pixels");
        assertTrue(white < 600 * 300 - 2000, "only " + (600 * 300 - white) + " pixels drawn");
        assertTrue(count(image, argb(PlotRenderer.ENGINE_RGBA)) > 200, "engine line too small");
        assertTrue(count(image, argb(PlotRenderer.NAIVE_RGBA)) > 200, "naive line too small");
    }

    @Test
    void shouldDrawAPercentileCurveFromReportsWithoutCsv() throws IOException
    {
        final Aggregate.Group group = Aggregate.of(List.of(run(1, "list", "engine", 1, 4.0, 0.0),
            run(2, "list", "naive", 1, 20.0, 100.0))).groups().get(0);
        assertNull(Plots.frameTimes(group), "no CSV, no frame-time chart");
        final Chart chart = Plots.percentiles(group);
        assertNotNull(chart);
        final Path png = dir.resolve("percentiles.png");

        plots.render(chart, png);

        assertTrue(Files.size(png) > 0);
        final BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(count(image, argb(PlotRenderer.NAIVE_RGBA)) > 100, "naive curve too small");
        assertTrue(count(image, argb(PlotRenderer.ENGINE_RGBA)) > 100, "engine curve too small");
    }

    @Test
    void shouldRefuseAChartWithoutPoints()
    {
        final Chart empty = new Chart("nothing", "x", "y", Chart.XAxis.LINEAR);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> plots.render(empty, dir.resolve("empty.png")));
        assertEquals("chart 'nothing' has no points to draw", ex.getMessage());
    }
}
