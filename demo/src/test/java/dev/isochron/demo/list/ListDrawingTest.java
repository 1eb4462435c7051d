package dev.isochron.demo.list;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.text.BitmapFont;
import dev.isochron.render.text.Font;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The list scene's draw code on the CPU (no GL): both modes record as much; engine mode allocates nothing. */
class ListDrawingTest
{
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;

    @Test
    void shouldRecordTheSameRowsInEngineAndNaiveMode()
    {
        final Font font = BitmapFont.create().textureKey(2);
        final ListState state = state();
        final ShapeBatch engineShapes = new ShapeBatch(4096);
        final SpriteBatch engineSprites = new SpriteBatch(16_384);
        final ShapeBatch naiveShapes = new ShapeBatch(4096);
        final SpriteBatch naiveSprites = new SpriteBatch(16_384);

        final int first = scene(false, font).drawRows(state, 12_345.0, engineShapes, engineSprites, WIDTH, HEIGHT);
        scene(true, font).drawRows(state, 12_345.0, naiveShapes, naiveSprites, WIDTH, HEIGHT);

        assertEquals(685, first);
        assertEquals(engineShapes.size(), naiveShapes.size());
        assertEquals(engineSprites.size(), naiveSprites.size());
    }

    @Test
    void shouldDrawRowsWithoutAllocatingInEngineMode() throws Exception
    {
        final Font font = BitmapFont.create().textureKey(2);
        final ListState state = state();
        final ListScene scene = scene(false, font);
        final ShapeBatch shapes = new ShapeBatch(4096);
        final SpriteBatch sprites = new SpriteBatch(16_384);

        AllocationGate.assertSteadyZero("list rows draw", 10_000, 2_000, iteration ->
        {
            shapes.clear();
            sprites.clear();
            scene.drawRows(state, iteration * 7.5, shapes, sprites, WIDTH, HEIGHT);
        });
    }

    private static ListScene scene(final boolean naive, final Font font)
    {
        final ListScene scene = new ListScene(100_000, HEIGHT, naive);
        scene.useResources(1, font);
        return scene;
    }

    private static ListState state()
    {
        final ListState state = new ListState();
        state.rows = 100_000;
        state.hoverRow = 690;
        state.selectedRow = 688;
        return state;
    }
}
