package dev.isochron.demo;

import dev.isochron.input.state.InputState;
import dev.isochron.render.Isochron;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.runtime.*;
import static dev.isochron.input.keys.Keys.*;

public final class GettingStartedApp implements Application<float[]> {
    final float[] xy = {100, 100};

    public static void main(String[] args) {
        RuntimeConfig config = new RuntimeConfig().measurement(new MeasurementConfig().seconds(5));
        System.out.print(Isochron.run(new GettingStartedApp(), config).report().toSummary());
    }
    public float[] newRenderState() {
        return new float[2];
    }
    public void update(Tick tick, InputState input) {
        xy[0] += input.isKeyDown(RIGHT) ? 2 : input.isKeyDown(LEFT) ? -2 : 0;
        xy[1] += input.isKeyDown(DOWN) ? 2 : input.isKeyDown(UP) ? -2 : 0;
    }
    public void writeRenderState(float[] state) {
        System.arraycopy(xy, 0, state, 0, 2);
    }
    public void render(float[] state, Frame frame) {
        frame.shapes().rect(state[0], state[1], 32, 32, Rgba.fromHex(0xFF8800FF));
    }
}
