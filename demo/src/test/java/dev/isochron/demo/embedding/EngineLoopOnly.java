package dev.isochron.demo.embedding;

import dev.isochron.engine.loop.LoopConfig;
import dev.isochron.engine.loop.ManualClock;
import dev.isochron.engine.loop.SingleThreadedDriver;
import dev.isochron.engine.metrics.FrameMetrics;

import java.util.Locale;

/**
 * The engine without the runtime: the fixed-step loop and its metrics inside a program that draws with something
 * else (a libGDX or Swing app, a server), driven here by a manual clock so that every tick is deterministic.
 */
public final class EngineLoopOnly {
    private double position;
    private double drawnPosition;

    public static void main(String[] args) {
        EngineLoopOnly world = new EngineLoopOnly();
        ManualClock clock = new ManualClock();
        FrameMetrics metrics = new FrameMetrics(new FrameMetrics.Context().warmupFrames(0).tickRateHz(60));
        SingleThreadedDriver driver = new SingleThreadedDriver(
            new LoopConfig().tickRateHz(60),
            (tickIndex, tickTimeNs, tickStartNs, dt) -> world.position += 10 * dt,
            (alpha, frameStartNs) -> world.drawnPosition = world.position,
            clock,
            metrics);
        for (int frame = 0; frame < 61; frame++) {
            driver.runFrame();
            clock.advanceSeconds(1.0 / 60);
        }
        metrics.endWindow();
        System.out.printf(Locale.ROOT, "%d ticks, position %.2f, %d frames measured%n",
            driver.loop().ticks(), world.drawnPosition, metrics.frames());
    }
}
