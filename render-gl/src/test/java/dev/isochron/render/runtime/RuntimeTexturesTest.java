package dev.isochron.render.runtime;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.PacingMode;
import dev.isochron.input.state.InputState;
import dev.isochron.render.Isochron;
import dev.isochron.render.atlas.TextureAtlas;
import dev.isochron.render.batch.AtlasRegion;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.gl.DecodedImage;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureLoader;
import dev.isochron.render.gl.TextureWrap;
import dev.isochron.render.texture.TextureHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.system.MemoryUtil;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Textures loaded at run time on headless llvmpipe: asked for from {@code render()}, ready within a bounded number of
 * frames at 60 FPS and then drawn (read back from the screenshot of the last frame); a missing file fails its handle
 * with the file named while the run goes on; an atlas's page loaded the same way draws its regions. No runtime thread
 * is left after a run.
 */
class RuntimeTexturesTest
{
    /** Frames at 60 FPS within which a 16x8 PNG must be decoded and uploaded: 5 s, for a loaded 2-core machine. */
    private static final int READY_WITHIN_FRAMES = 300;
    private static final int REQUEST_FRAME = 3;
    private static final int FRAME_LIMIT = 600;
    private static final int FRAMES_AFTER = 3;

    @TempDir
    Path directory;

    static Path resource(final String name)
    {
        try
        {
            return Path.of(RuntimeTexturesTest.class.getResource("/dev/isochron/render/atlas/" + name).toURI());
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** Declares a texture (or an atlas) at init, asks for it from render at a frame, draws it once ready. */
    static final class Loader implements Application<Object>
    {
        private final Path texture;
        private final Path atlasFile;
        /** Asks from update (the simulation thread) instead of render. */
        boolean requestFromUpdate;
        private TextureHandle handle;
        private TextureAtlas atlas;
        private AtlasRegion floor;
        volatile long readyAt = -1;
        volatile long failedAt = -1;
        volatile String failure;
        volatile long frames;

        Loader(final Path texture, final Path atlasFile)
        {
            this.texture = texture;
            this.atlasFile = atlasFile;
        }

        public Object newRenderState()
        {
            return new Object();
        }

        public void init(final Init init)
        {
            if (null != atlasFile)
            {
                atlas = init.declareAtlas(atlasFile);
                floor = atlas.region("floor");
            }
            else
            {
                handle = init.declareTexture(texture, TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE);
            }
        }

        public void update(final Tick tick, final InputState input)
        {
            if (requestFromUpdate && REQUEST_FRAME == tick.index())
            {
                handle.load();
            }
        }

        public void writeRenderState(final Object dest)
        {
        }

        public void render(final Object state, final Frame frame)
        {
            final long index = frame.index();
            frames = index + 1;
            if (REQUEST_FRAME == index && !requestFromUpdate)
            {
                if (null != atlas)
                {
                    atlas.load();
                }
                else
                {
                    handle.load();
                }
            }
            final boolean ready = null != atlas ? atlas.isReady() : handle.isReady();
            if (ready && readyAt < 0)
            {
                readyAt = index;
            }
            final boolean failed = null != atlas ? atlas.failed() : handle.failed();
            if (failed && failedAt < 0)
            {
                failedAt = index;
                failure = null != atlas ? atlas.failure() : handle.failure();
            }
            // drawn from the first frame: before the texture is ready its key draws nothing
            if (null != atlas)
            {
                frame.sprites().draw(floor, 0f, 0f, frame.framebufferWidth(), frame.framebufferHeight(), Rgba.WHITE);
            }
            else
            {
                frame.sprites().draw(handle.textureKey(), 0f, 0f, 1f, 1f, 0f, 0f, frame.framebufferWidth(),
                    frame.framebufferHeight(), 0f, 0f, 0f, Rgba.WHITE);
            }
            if ((readyAt >= 0 && index >= readyAt + FRAMES_AFTER) || (failedAt >= 0 && index >= failedAt + 30))
            {
                frame.requestExit();
            }
        }
    }

    @AfterEach
    void noRuntimeThreadIsLeft()
    {
        assertEquals(List.of(), ApplicationRunnerTest.liveRuntimeThreads(), "runtime threads still alive after the run");
    }

    private RuntimeConfig config(final Path screenshot)
    {
        return ApplicationRunnerTest.headless(Threading.MULTI)
            .clearColor(Rgba.pack(0, 0, 0, 255))
            .loop(new LoopConfig().tickRateHz(60).pacing(PacingMode.TARGET_FPS).targetFps(60))
            .measurement(ApplicationRunnerTest.measured().frames(FRAME_LIMIT).screenshotPath(screenshot));
    }

    private static int pixel(final DecodedImage image, final int x, final int y)
    {
        return MemoryUtil.memGetInt(image.address() + 4L * (y * image.width() + x));
    }

    private static int rgba(final int r, final int g, final int b)
    {
        // little-endian memory: R in the lowest byte
        return r | (g << 8) | (b << 16) | (0xFF << 24);
    }

    @Test
    void shouldDrawATextureAskedForFromRenderWithinABoundedNumberOfFrames()
    {
        final Path screenshot = directory.resolve("loaded.png");
        final Loader app = new Loader(resource("sprites.png"), null);

        final RunResult result = Isochron.run(app, config(screenshot));

        assertEquals(ExitCause.EXIT_REQUESTED, result.exitCause(), () -> "failure: " + app.failure);
        assertTrue(app.readyAt - REQUEST_FRAME <= READY_WITHIN_FRAMES, "ready at frame " + app.readyAt);
        try (DecodedImage image = TextureLoader.decodeFile(screenshot, TextureLoader.Limits.DEFAULT))
        {
            // sprites.png, 16x8, stretched over 64x48: four 4x4 squares (red, green, blue, white) above a yellow band
            assertEquals(rgba(255, 0, 0), pixel(image, 8, 12));
            assertEquals(rgba(0, 255, 0), pixel(image, 24, 12));
            assertEquals(rgba(0, 0, 255), pixel(image, 40, 12));
            assertEquals(rgba(255, 255, 255), pixel(image, 56, 12));
            assertEquals(rgba(255, 255, 0), pixel(image, 32, 40));
        }
    }

    @Test
    void shouldDrawATextureAskedForFromTheSimulationThread()
    {
        final Path screenshot = directory.resolve("from-update.png");
        final Loader app = new Loader(resource("sprites.png"), null);
        app.requestFromUpdate = true;

        final RunResult result = Isochron.run(app, config(screenshot));

        assertEquals(ExitCause.EXIT_REQUESTED, result.exitCause(), () -> "failure: " + app.failure);
        try (DecodedImage image = TextureLoader.decodeFile(screenshot, TextureLoader.Limits.DEFAULT))
        {
            assertEquals(rgba(255, 0, 0), pixel(image, 8, 12));
        }
    }

    @Test
    void shouldFailAMissingFileOnItsHandleAndGoOnRendering()
    {
        final Path missing = directory.resolve("absent.png");
        final Loader app = new Loader(missing, null);

        final RunResult result = Isochron.run(app, config(directory.resolve("failed.png")));

        assertEquals(ExitCause.EXIT_REQUESTED, result.exitCause());
        assertEquals("texture file " + missing.toAbsolutePath() + " not found", app.failure);
        assertEquals(app.failedAt + 31, app.frames, "frames went on after the failure");
    }

    @Test
    void shouldDrawAnAtlasRegionOnceItsPageIsLoaded()
    {
        final Path screenshot = directory.resolve("atlas.png");
        final Loader app = new Loader(null, resource("modern.atlas"));

        final RunResult result = Isochron.run(app, config(screenshot));

        assertEquals(ExitCause.EXIT_REQUESTED, result.exitCause(), () -> "failure: " + app.failure);
        try (DecodedImage image = TextureLoader.decodeFile(screenshot, TextureLoader.Limits.DEFAULT))
        {
            // the region 'floor' is the page's yellow band
            assertEquals(rgba(255, 255, 0), pixel(image, 4, 4));
            assertEquals(rgba(255, 255, 0), pixel(image, 60, 44));
        }
    }
}
