package dev.isochron.render;

import dev.isochron.engine.testing.ClassConstants;
import dev.isochron.render.batch.BatchRenderer;
import dev.isochron.render.batch.QuadSliceWork;
import dev.isochron.render.batch.QuadVertexLayout;
import dev.isochron.render.gl.ShaderProgram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

/**
 * render-gl's classes whose methods run on the frame path hold no String constant: HotSpot resolves a class's
 * literals on the thread that requests its first C2 compile, which for a per-frame method is the render thread
 * or a worker thousands of frames into the run (see {@link ClassConstants}).
 */
class FramePathConstantPoolTest
{
    @ParameterizedTest
    @ValueSource(classes = {
        BatchRenderer.class,
        QuadSliceWork.class,
        QuadVertexLayout.class,
        ShaderProgram.class,
    })
    void shouldHoldNoStringConstant(final Class<?> type) throws IOException
    {
        ClassConstants.assertNoStringConstants(type);
    }
}
