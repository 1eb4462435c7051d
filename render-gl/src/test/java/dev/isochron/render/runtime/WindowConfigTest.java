package dev.isochron.render.runtime;

import dev.isochron.render.Isochron;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The window's icon files are checked when the configuration is concluded, before anything starts. */
class WindowConfigTest
{
    @TempDir
    Path dir;

    @Test
    void shouldNameTheOptionAndTheFileWhenAnIconIsMissing()
    {
        final Path missing = dir.resolve("missing.png");
        final RuntimeConfig config = new RuntimeConfig().window(new WindowConfig().icons(missing));

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);
        assertEquals("window icons[0] " + missing.toAbsolutePath() + " does not exist; give the path of a PNG file " +
            "(WindowConfig.icons)", ex.getMessage());
    }

    @Test
    void shouldNameTheIndexAndWhatIsThereWhenAnIconIsADirectory()
    {
        final RuntimeConfig config = new RuntimeConfig();
        config.window().icons(dir.resolve("missing.png"), dir).icons(dir, dir);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);
        assertEquals("window icons[0] " + dir.toAbsolutePath() + " is a directory, not a regular file; give the path " +
            "of a PNG file (WindowConfig.icons)", ex.getMessage());
    }

    @Test
    void shouldNameTheIndexOfANullIcon()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new WindowConfig().icons(dir, null));
        assertEquals("icons[1] must be an image file, was null", ex.getMessage());
    }

    @Test
    void shouldRefuseAMissingIconBeforeTheRunStarts()
    {
        final Path missing = dir.resolve("icon.png");

        assertThrows(IllegalArgumentException.class, () -> Isochron.run(new TestScene(10), new RuntimeConfig()
            .renderer(RendererKind.NULL).window(new WindowConfig().icons(missing))
            .measurement(new MeasurementConfig().warmupFrames(0).frames(3))));
        assertFalse(ApplicationRunnerTest.liveRuntimeThreads().contains(RuntimeMessages.RENDER_THREAD));
    }

    @Test
    void shouldGiveAWindowlessRunAControlThatIgnoresRequests()
    {
        final WindowProbe app = new WindowProbe();

        Isochron.run(app, new RuntimeConfig().renderer(RendererKind.NULL).size(96, 64)
            .measurement(new MeasurementConfig().warmupFrames(0).frames(3)));

        assertEquals("hasWindow=false fullscreen=false window=96x64 framebuffer=96x64", app.seen);
    }

    /** Asks a windowless run for fullscreen in init and records what its control says in the first frame. */
    static final class WindowProbe extends TestScene
    {
        volatile String seen = "";
        private dev.isochron.render.context.WindowControl window;

        WindowProbe()
        {
            super(1);
        }

        @Override
        public void init(final Init init)
        {
            super.init(init);
            window = init.window();
            window.requestFullscreen(true);
        }

        @Override
        public void render(final State state, final Frame frame)
        {
            super.render(state, frame);
            if (seen.isEmpty())
            {
                seen = "hasWindow=" + window.hasWindow() + " fullscreen=" + window.isFullscreen() + " window=" +
                    window.windowWidth() + "x" + window.windowHeight() + " framebuffer=" + window.framebufferWidth() +
                    "x" + window.framebufferHeight();
            }
        }
    }
}
