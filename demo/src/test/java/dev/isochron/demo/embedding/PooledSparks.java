package dev.isochron.demo.embedding;

import dev.isochron.engine.memory.ExhaustionPolicy;
import dev.isochron.engine.memory.ObjectPool;
import dev.isochron.engine.memory.Poolable;
import dev.isochron.input.state.InputState;
import dev.isochron.render.Isochron;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.runtime.*;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Short-lived objects from a pool instead of {@code new} (libGDX's Pools), and the pool's own figure in the run report.
 */
public final class PooledSparks implements Application<float[]> {
    static final class Spark implements Poolable {
        float x;
        int ticksLeft;

        public void reset() {
            x = 0;
            ticksLeft = 0;
        }
    }

    final ObjectPool<Spark> pool = new ObjectPool<>("sparks", 64, Spark::new, ExhaustionPolicy.GROW);
    private final Spark[] live = new Spark[256];
    private int liveCount;

    public static RunResult run(RuntimeConfig config, Path report) throws IOException {
        PooledSparks app = new PooledSparks();
        config.measurement().frameClasses(Spark.class);
        RunResult result = Isochron.run(app, config);
        result.report().extra("sparkPoolGrowth", app.pool.growthCount()).writeJson(report);
        return result;
    }

    public float[] newRenderState() {
        return new float[256];
    }

    public void update(Tick tick, InputState input) {
        if (liveCount < live.length) {
            Spark spark = pool.acquire();
            spark.ticksLeft = 60;
            live[liveCount++] = spark;
        }
        for (int i = liveCount - 1; i >= 0; i--) {
            Spark spark = live[i];
            spark.x += 1;
            if (--spark.ticksLeft == 0) {
                live[i] = live[--liveCount];
                pool.release(spark);
            }
        }
    }

    public void writeRenderState(float[] state) {
        for (int i = 0; i < state.length; i++) {
            state[i] = i < liveCount ? live[i].x : -1;
        }
    }

    public void render(float[] state, Frame frame) {
        for (int i = 0; i < state.length && state[i] >= 0; i++) {
            frame.shapes().rect(state[i], i % 64, 2, 2, Rgba.WHITE);
        }
    }
}
