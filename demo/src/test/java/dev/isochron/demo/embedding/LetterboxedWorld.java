package dev.isochron.demo.embedding;

import dev.isochron.input.keys.Keys;
import dev.isochron.input.state.InputState;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.camera.Camera2D;
import dev.isochron.render.camera.Viewport;
import dev.isochron.render.context.WindowControl;
import dev.isochron.render.pass.RenderPass;
import dev.isochron.render.runtime.*;
import org.joml.Vector2f;

/**
 * A 320x180 world that keeps its shape in any window: a FIT viewport letterboxes it, a dot follows the mouse through
 * the bars, zoom and high-DPI scaling, and F11 toggles fullscreen.
 */
public final class LetterboxedWorld implements Application<float[]> {
    private final Viewport viewport = Viewport.fit(320, 180);
    private final Vector2f pointer = new Vector2f();
    private WindowControl window;
    private RenderPass world;
    private float mouseX;
    private float mouseY;

    public float[] newRenderState() {
        return new float[2];
    }

    public void init(Init init) {
        window = init.window();
        world = init.worldPass();
    }

    public void update(Tick tick, InputState input) {
        mouseX = (float) input.mouseX();
        mouseY = (float) input.mouseY();
        if (input.wasKeyPressed(Keys.F11)) {
            window.toggleFullscreen();
        }
    }

    public void writeRenderState(float[] state) {
        state[0] = mouseX;
        state[1] = mouseY;
    }

    public void render(float[] state, Frame frame) {
        Camera2D camera = frame.camera();
        viewport.update(frame.framebufferWidth(), frame.framebufferHeight(),
            window.windowWidth(), window.windowHeight(), camera);
        viewport.centreCamera(camera);
        world.viewport(viewport.screenX(), viewport.screenTop(), viewport.screenWidth(), viewport.screenHeight());
        frame.shapes().rect(0, 0, 320, 180, Rgba.fromHex(0x203040FF));
        camera.unproject(state[0], state[1], pointer);
        if (viewport.contains(state[0], state[1])) {
            frame.shapes().circle(pointer.x, pointer.y, 4, 16, Rgba.WHITE);
        }
    }
}
