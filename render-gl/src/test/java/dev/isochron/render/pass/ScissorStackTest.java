package dev.isochron.render.pass;

import dev.isochron.render.batch.BatchRenderer;
import dev.isochron.render.batch.NullDrawBackend;
import dev.isochron.render.batch.Rgba;
import org.joml.Matrix4f;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clip stack's limits and the passes' start-up rules, errors that name the pass and the fix; no GL. */
class ScissorStackTest
{
    private final RenderPass pass = new RenderPass("panel", PassOrder.AFTER_HUD, 8, 8);

    @Test
    void shouldRefuseAPushBeyondTheMaximumDepth()
    {
        for (int i = 0; i < ScissorStack.MAX_DEPTH; i++)
        {
            pass.pushClip(0, 0, 10, 10);
        }

        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> pass.pushClip(0, 0, 1, 1));
        assertTrue(ex.getMessage().contains("'panel'") && ex.getMessage().contains("pop before pushing"),
            ex.getMessage());
    }

    @Test
    void shouldRefuseAPopWithNothingPushed()
    {
        final IllegalStateException ex = assertThrows(IllegalStateException.class, pass::popClip);
        assertTrue(ex.getMessage().contains("'panel'") && ex.getMessage().contains("pop once per push"),
            ex.getMessage());
    }

    @Test
    void shouldRefuseAFrameThatLeavesAClipPushed()
    {
        final PassRecorder passes = new PassRecorder();
        passes.add(pass);
        try (NullDrawBackend backend = new NullDrawBackend(64))
        {
            passes.install(backend);
            final BatchRenderer renderer = new BatchRenderer(backend);
            pass.pushClip(0, 0, 4, 4);
            renderer.beginFrame(new Matrix4f());

            final IllegalStateException ex = assertThrows(IllegalStateException.class,
                () -> passes.reserve(renderer, null));
            assertTrue(ex.getMessage().contains("1 clip rectangle(s) pushed and not popped"), ex.getMessage());
        }
    }

    @Test
    void shouldRefuseAPassAddedAfterInstall()
    {
        final PassRecorder passes = new PassRecorder();
        try (NullDrawBackend backend = new NullDrawBackend(64))
        {
            passes.install(backend);

            final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> passes.add(pass));
            assertTrue(ex.getMessage().contains("Application.init"), ex.getMessage());
        }
    }

    @Test
    void shouldRefuseConfigurationOnceInstalled()
    {
        final PassRecorder passes = new PassRecorder();
        passes.add(pass);
        try (NullDrawBackend backend = new NullDrawBackend(64))
        {
            passes.install(backend);

            final IllegalStateException ex = assertThrows(IllegalStateException.class,
                () -> pass.blend(BlendMode.ADDITIVE));
            assertTrue(ex.getMessage().contains("'panel'") && ex.getMessage().contains("Application.init"),
                ex.getMessage());
        }
    }

    @Test
    void shouldRecordTheSameStateCommandsWithTheNullBackend()
    {
        final PassRecorder passes = new PassRecorder();
        passes.add(pass);
        try (NullDrawBackend backend = new NullDrawBackend(64))
        {
            passes.install(backend);
            final BatchRenderer renderer = new BatchRenderer(backend);
            pass.pushClip(0, 0, 4, 4);
            pass.shapes().rect(0f, 0f, 8f, 8f, Rgba.WHITE);
            pass.popClip();
            pass.shapes().rect(0f, 0f, 8f, 8f, Rgba.WHITE);
            renderer.beginFrame(new Matrix4f());
            passes.frame(64, 64, new Matrix4f());
            passes.reserve(renderer, null);
            passes.draw(renderer);
            renderer.endFrame();

            // target, viewport, blend, program, the base's no-scissor, then the clip's scissor and the base's again
            assertEquals(7, backend.stateCommands());
            assertEquals(2, backend.drawCalls(), "the run is split where the clip changes");
        }
    }
}
