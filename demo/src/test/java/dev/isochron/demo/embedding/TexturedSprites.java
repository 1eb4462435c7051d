package dev.isochron.demo.embedding;

import dev.isochron.input.state.InputState;
import dev.isochron.render.batch.AtlasRegion;
import dev.isochron.render.batch.Interpolation;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;
import dev.isochron.render.runtime.*;
import dev.isochron.render.text.Font;
import dev.isochron.render.text.TrueTypeFont;
import org.lwjgl.system.MemoryStack;

import java.nio.ByteBuffer;

/** A texture made from pixels in init, drawn as a still and a spinning sprite, with a line of text. */
public final class TexturedSprites implements Application<float[]> {
    private Texture checker;
    private AtlasRegion region;
    private Font font;
    private float previousAngle;
    private float angle;

    public float[] newRenderState() {
        return new float[2];
    }

    public void init(Init init) {
        if (init.hasGl()) {
            try (MemoryStack stack = MemoryStack.stackPush()) {
                ByteBuffer rgba = stack.malloc(2 * 2 * 4);
                rgba.putInt(Rgba.WHITE).putInt(Rgba.BLACK).putInt(Rgba.BLACK).putInt(Rgba.WHITE).flip();
                checker = Texture.fromRgba("checker", 2, 2, rgba, TextureFilter.NEAREST, TextureWrap.REPEAT);
            }
        }
        region = AtlasRegion.whole(init.registerTexture(checker), 2, 2);
        font = init.registerFont(TrueTypeFont.loadOrDefault(null, 16));
    }

    public void update(Tick tick, InputState input) {
        previousAngle = angle;
        angle += (float) tick.dtSeconds();
    }

    public void writeRenderState(float[] state) {
        state[0] = previousAngle;
        state[1] = angle;
    }

    public void render(float[] state, Frame frame) {
        float spin = Interpolation.lerpAngle(state[0], state[1], (float) frame.alpha());
        frame.sprites().draw(region, 8, 8, 32, 32, Rgba.fromHex(0x40FF40FF));
        frame.sprites().draw(region, 80, 24, 32, 32, 16, 16, spin, Rgba.WHITE);
        frame.text(font, "checker", 8, 48, 1, Rgba.WHITE);
    }

    public void dispose() {
        font.close();
        if (checker != null) {
            checker.close();
        }
    }
}
