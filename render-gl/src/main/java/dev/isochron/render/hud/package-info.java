/**
 * The performance HUD: a toggleable overlay of frame-time graph and figures (FPS, p99 frame time,
 * stalls, GC, bytes allocated per frame, input latency) recorded into a
 * {@link dev.isochron.render.batch.ShapeBatch} and a {@link dev.isochron.render.batch.SpriteBatch}
 * that the caller draws with a pixel-space projection after the world.
 * <p>
 * Threads: runs on the render thread, which records the frame times and owns the batches; figures
 * produced on other threads (GC monitor, input thread, allocation meter) come in through setters
 * that any thread may call. Every per-frame method is allocation-free. It depends on no
 * application runtime: whoever drives the frame loop calls it.
 */
package dev.isochron.render.hud;
