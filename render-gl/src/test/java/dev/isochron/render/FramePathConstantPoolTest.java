package dev.isochron.render;

import dev.isochron.engine.testing.ClassConstants;
import dev.isochron.render.atlas.TextureAtlas;
import dev.isochron.render.batch.AtlasRegion;
import dev.isochron.render.batch.BatchRenderer;
import dev.isochron.render.batch.DrawCommands;
import dev.isochron.render.batch.GlDrawBackend;
import dev.isochron.render.batch.NullDrawBackend;
import dev.isochron.render.batch.QuadSliceWork;
import dev.isochron.render.batch.QuadSource;
import dev.isochron.render.batch.QuadVertexLayout;
import dev.isochron.render.batch.RadixSort;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.batch.SpriteInstanceLayout;
import dev.isochron.render.batch.SpriteInstances;
import dev.isochron.render.camera.Camera2D;
import dev.isochron.render.camera.Viewport;
import dev.isochron.render.context.EglHeadlessContext;
import dev.isochron.render.context.GlfwWindowContext;
import dev.isochron.render.context.WindowControl;
import dev.isochron.render.gl.DecodedImage;
import dev.isochron.render.gl.Framebuffer;
import dev.isochron.render.gl.GlErrors;
import dev.isochron.render.gl.GlObjectRegistry;
import dev.isochron.render.gl.NativeBlock;
import dev.isochron.render.gl.ShaderProgram;
import dev.isochron.render.gl.StreamingVertexBuffer;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.hud.HudOverlay;
import dev.isochron.render.pass.PassRecorder;
import dev.isochron.render.pass.PassShader;
import dev.isochron.render.pass.RenderPass;
import dev.isochron.render.pass.RenderTarget;
import dev.isochron.render.pass.ScissorStack;
import dev.isochron.render.runtime.ApplicationRunner;
import dev.isochron.render.text.Font;
import dev.isochron.render.text.TextBuffer;
import dev.isochron.render.text.TextLayout;
import dev.isochron.render.texture.TextureHandle;
import dev.isochron.render.texture.TextureTable;
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
        ApplicationRunner.class,
        BatchRenderer.class,
        DrawCommands.class,
        Camera2D.class,
        DecodedImage.class,
        EglHeadlessContext.class,
        Font.class,
        Framebuffer.class,
        GlDrawBackend.class,
        GlErrors.class,
        GlfwWindowContext.class,
        GlObjectRegistry.class,
        HudOverlay.class,
        NativeBlock.class,
        NullDrawBackend.class,
        PassRecorder.class,
        PassShader.class,
        QuadSliceWork.class,
        QuadSource.class,
        QuadVertexLayout.class,
        RadixSort.class,
        RenderPass.class,
        RenderTarget.class,
        ScissorStack.class,
        AtlasRegion.class,
        ShaderProgram.class,
        ShapeBatch.class,
        SpriteBatch.class,
        SpriteInstanceLayout.class,
        SpriteInstances.class,
        StreamingVertexBuffer.class,
        TextBuffer.class,
        TextLayout.class,
        Texture.class,
        Viewport.class,
        WindowControl.class,
        TextureAtlas.class,
        TextureHandle.class,
        TextureTable.class,
    })
    void shouldHoldNoStringConstant(final Class<?> type) throws IOException
    {
        ClassConstants.assertNoStringConstants(type);
    }

    /** The package-private classes of the runtime, by name. */
    @ParameterizedTest
    @ValueSource(strings = {
        "dev.isochron.render.batch.GlCommandIssuer",
        "dev.isochron.render.batch.GlInstancedSprites",
        "dev.isochron.render.batch.InstanceRecordStream",
        "dev.isochron.render.batch.PackedLongs",
        "dev.isochron.render.batch.SpriteDrawOrder",
        "dev.isochron.render.batch.SpriteEntries",
        "dev.isochron.render.context.GlSession",
        "dev.isochron.render.context.WindowPlacement",
        "dev.isochron.render.gl.PersistentVertexRing",
        "dev.isochron.render.gl.StagingVertexUpload",
        "dev.isochron.render.pass.ScissorStack$SpriteClips",
        "dev.isochron.render.pass.ScissorStack$ShapeClips",
        "dev.isochron.render.runtime.FrameChecks",
        "dev.isochron.render.runtime.FrameStatsPublisher",
        "dev.isochron.render.runtime.FrameSubmission",
        "dev.isochron.render.runtime.FrameLoopEnd",
        "dev.isochron.render.runtime.MultiThreadedRunner",
        "dev.isochron.render.runtime.PlatformPoll",
        "dev.isochron.render.runtime.ProducerThreads",
        "dev.isochron.render.runtime.RunContext",
        "dev.isochron.render.runtime.RunInput",
        "dev.isochron.render.runtime.RunMetrics",
        "dev.isochron.render.runtime.SingleThreadedRunner",
        "dev.isochron.render.runtime.FramePhaseTimes",
        "dev.isochron.render.runtime.RenderPipeline",
        "dev.isochron.render.runtime.RuntimeWatchdog",
        "dev.isochron.render.runtime.SimulationStep",
        "dev.isochron.render.runtime.ApplicationEvents",
        "dev.isochron.render.hud.FrameTimeGraph",
        "dev.isochron.render.hud.FrameTimeHistory",
        "dev.isochron.render.hud.HudFigures",
        "dev.isochron.render.hud.HudLines",
        "dev.isochron.render.text.GlyphIndex",
        "dev.isochron.render.text.LineBreaker",
        "dev.isochron.render.texture.TextureUploader",
    })
    void shouldHoldNoStringConstantInPackagePrivateClass(final String className)
        throws IOException, ClassNotFoundException
    {
        ClassConstants.assertNoStringConstants(Class.forName(className));
    }
}
