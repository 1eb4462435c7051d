package dev.isochron.demo;

import dev.isochron.input.state.InputState;
import dev.isochron.render.Isochron;
import dev.isochron.render.batch.AtlasRegion;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.runtime.*;
import dev.isochron.render.text.Font;
import static org.lwjgl.glfw.GLFW.*;
public final class GettingStartedApp implements Application<float[]> {
    static final AtlasRegion SQUARE = AtlasRegion.whole(0, 1, 1); // texture key 0: the runtime's white texture
    float x = 100, y = 100;
    Font font;
    public static void main(String[] args) { Isochron.run(new GettingStartedApp()); }       // a window, 120 Hz ticks
    public float[] newRenderState() { return new float[2]; }                              // what render() will see
    public void init(Init init) { font = init.defaultFont(); }                           // load textures, fonts
    public void update(Tick tick, InputState input) {                                   // simulation thread
        float step = (float)(200 * tick.dtSeconds());                                   // 200 pixels per second
        if (input.isKeyDown(GLFW_KEY_LEFT)) x -= step;
        if (input.isKeyDown(GLFW_KEY_RIGHT)) x += step;
        if (input.isKeyDown(GLFW_KEY_UP)) y -= step;
        if (input.isKeyDown(GLFW_KEY_DOWN)) y += step;
    }
    public void writeRenderState(float[] state) { state[0] = x; state[1] = y; }          // hand over to render
    public void render(float[] state, Frame frame) {                                    // render thread
        frame.sprites().draw(SQUARE, state[0], state[1], 32, 32, Rgba.fromHex(0xFF8800FF));
        frame.hudText(font, "Arrow keys move the square", 8, 8, 2, Rgba.WHITE);
    }
}
