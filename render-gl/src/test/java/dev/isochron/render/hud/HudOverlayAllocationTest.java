package dev.isochron.render.hud;

import dev.isochron.engine.metrics.FrameMetrics;
import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.render.batch.BatchRenderer;
import dev.isochron.render.batch.NullDrawBackend;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.camera.Camera2D;
import dev.isochron.render.text.BitmapFont;
import dev.isochron.render.text.Font;
import org.joml.Matrix4f;
import org.junit.jupiter.api.Test;

/**
 * The HUD's whole per-frame path — frame metrics observed, frame time recorded, figures set,
 * text formatted, run p99 read from the histogram, panel, graph and text recorded and rendered
 * through the null backend, toggled now and then — allocates nothing in its steady state.
 */
class HudOverlayAllocationTest
{
    private static final long MS = 1_000_000L;

    @Test
    void shouldAllocateNothingPerFrameOverThousandsOfFrames() throws Exception
    {
        final FrameMetrics metrics = new FrameMetrics(new FrameMetrics.Context()
            .warmupFrames(0).windowCapacityFrames(1_000_000).targetFps(60));
        try (Font font = BitmapFont.create().textureKey(1);
            NullDrawBackend backend = new NullDrawBackend(4096))
        {
            final HudOverlay hud = HudOverlay.forMetrics(font, metrics, HudOverlay.DEFAULT_HISTORY_FRAMES)
                .position(8f, 8f).scale(2);
            final ShapeBatch shapes = new ShapeBatch(hud.shapeQuadsNeeded());
            final SpriteBatch text = new SpriteBatch(hud.spriteQuadsNeeded());
            final BatchRenderer renderer = new BatchRenderer(backend);
            final Matrix4f projection = new Camera2D(1280, 720).projection(new Matrix4f());
            final long[] now = {0};

            final AllocationGate.Body frame = i ->
            {
                final long frameNs = (16 + i % 13) * MS + i % 1000;
                metrics.onFrameStart(now[0], 0);
                hud.recordFrame(frameNs);
                hud.gc(i / 500, i % 7 * MS);
                hud.allocatedBytesPerFrame(i % 3);
                hud.input(i % 900 * 1000L, i / 1000);
                if (i % 1000 == 0 || i % 1000 == 1)
                {
                    hud.handleKey(HudOverlay.DEFAULT_TOGGLE_KEY);
                }
                shapes.clear();
                text.clear();
                hud.draw(shapes, text);
                renderer.beginFrame(projection);
                renderer.render(shapes);
                renderer.render(text);
                renderer.endFrame();
                metrics.onFrameEnd(now[0] + MS);
                now[0] += frameNs;
            };
            AllocationGate.assertSteadyZero("HUD frame", 20_000, 2_000, frame);
        }
    }
}
