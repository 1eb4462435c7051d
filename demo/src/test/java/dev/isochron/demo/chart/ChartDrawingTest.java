package dev.isochron.demo.chart;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.render.batch.QuadVertexLayout;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.text.BitmapFont;
import dev.isochron.render.text.Font;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart's draw code on the CPU (no GL): labels are the same text either way; engine mode allocates nothing. */
class ChartDrawingTest
{
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;

    @Test
    void shouldRecordTheSameQuadsInEngineAndNaiveMode()
    {
        final Font font = BitmapFont.create().textureKey(1);
        final ChartPicture picture = picture();
        final ShapeBatch engineShapes = new ShapeBatch(8192);
        final SpriteBatch engineSprites = new SpriteBatch(8192);
        final ShapeBatch naiveShapes = new ShapeBatch(8192);
        final SpriteBatch naiveSprites = new SpriteBatch(8192);

        new ChartDrawing(false).draw(picture, engineShapes, engineSprites, font, WIDTH, HEIGHT);
        new ChartDrawing(true).draw(picture, naiveShapes, naiveSprites, font, WIDTH, HEIGHT);

        assertTrue(engineShapes.size() > Signals.SERIES * picture.columns());
        assertEquals(engineShapes.size(), naiveShapes.size());
        assertEquals(engineSprites.size(), naiveSprites.size());
    }

    @Test
    void shouldChooseOneTwoOrFiveTimesAPowerOfTen()
    {
        assertEquals(0.5, ChartDrawing.niceStep(0.41), 1e-12);
        assertEquals(2.0, ChartDrawing.niceStep(2.2), 1e-12);
        assertEquals(10.0, ChartDrawing.niceStep(8.0), 1e-12);
        assertEquals(1, ChartDrawing.decimals(0.5));
        assertEquals(0, ChartDrawing.decimals(5.0));
    }

    @Test
    void shouldDrawWithoutAllocatingInEngineMode() throws Exception
    {
        final Font font = BitmapFont.create().textureKey(1);
        final ChartPicture picture = picture();
        final ChartDrawing drawing = new ChartDrawing(false);
        final ShapeBatch shapes = new ShapeBatch(8192);
        final SpriteBatch sprites = new SpriteBatch(8192);

        AllocationGate.assertSteadyZero("chart draw", 5_000, 1_000, iteration ->
        {
            shapes.clear();
            sprites.clear();
            drawing.draw(picture, shapes, sprites, font, WIDTH, HEIGHT);
        });
    }

    @Test
    void shouldStretchAPictureOfFewerColumnsAcrossAWiderPlot()
    {
        final Font font = BitmapFont.create().textureKey(1);
        final ShapeBatch shapes = new ShapeBatch(8192);
        final int widerWidth = 2 * WIDTH;

        new ChartDrawing(false).draw(picture(), shapes, new SpriteBatch(8192), font, widerWidth, HEIGHT);

        final float envelopeRight = rightmostX(shapes, ChartDrawing.COLOURS[0]);
        assertEquals(ChartDrawing.LEFT + ChartDrawing.plotColumns(widerWidth), envelopeRight, 1e-3f,
            "the first series' envelope must reach the right edge of a plot wider than the picture");
    }

    /** @return the largest vertex x among the quads of colour {@code rgba}, read from generated vertices. */
    private static float rightmostX(final ShapeBatch shapes, final int rgba)
    {
        final ShapeBatch probe = new ShapeBatch(1);
        probe.rect(0, 0, 1, 1, rgba);
        probe.prepare();
        final ByteBuffer probeVertices = MemoryUtil.memAlloc(QuadVertexLayout.BYTES_PER_QUAD);
        final ByteBuffer vertices = MemoryUtil.memAlloc(shapes.size() * QuadVertexLayout.BYTES_PER_QUAD);
        try
        {
            probe.generate(0, 1, MemoryUtil.memAddress(probeVertices));
            final int packed = MemoryUtil.memGetInt(MemoryUtil.memAddress(probeVertices) + QuadVertexLayout.COLOUR_OFFSET);
            shapes.prepare();
            final int quads = shapes.generate(0, 1, MemoryUtil.memAddress(vertices));
            float right = Float.NEGATIVE_INFINITY;
            for (int v = 0; v < quads * QuadVertexLayout.VERTICES_PER_QUAD; v++)
            {
                final long vertex = MemoryUtil.memAddress(vertices) + (long)v * QuadVertexLayout.BYTES_PER_VERTEX;
                if (MemoryUtil.memGetInt(vertex + QuadVertexLayout.COLOUR_OFFSET) == packed)
                {
                    right = Math.max(right, MemoryUtil.memGetFloat(vertex + QuadVertexLayout.POSITION_OFFSET));
                }
            }
            return right;
        }
        finally
        {
            MemoryUtil.memFree(vertices);
            MemoryUtil.memFree(probeVertices);
        }
    }

    private static ChartPicture picture()
    {
        final SeriesHistory[] histories = new SeriesHistory[Signals.SERIES];
        for (int s = 0; s < Signals.SERIES; s++)
        {
            histories[s] = new SeriesHistory(50_000);
            for (int n = 0; n < 50_000; n++)
            {
                histories[s].append(Signals.value(s, n));
            }
        }
        final int columns = ChartDrawing.plotColumns(WIDTH);
        final ChartPicture picture = new ChartPicture(columns);
        picture.decimate(histories, columns, 30_000, 20_000, new float[2]);
        return picture;
    }
}
