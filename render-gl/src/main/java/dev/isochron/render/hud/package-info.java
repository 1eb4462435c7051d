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
 * <p>
 * A frame (objects made once at start-up; {@code font} uploaded with its texture key set):
 * <pre>{@code
 * HudOverlay hud = HudOverlay.forMetrics(font, frameMetrics, HudOverlay.DEFAULT_HISTORY_FRAMES).position(8, 8);
 * ShapeBatch hudShapes = new ShapeBatch(hud.shapeQuadsNeeded());
 * SpriteBatch hudText = new SpriteBatch(hud.spriteQuadsNeeded());
 *
 * hud.recordFrame(lastFrameTimeNs);                          // every frame, render thread
 * hud.gc(gcCount, maxGcPauseNs);                             // or from the GC monitor's thread
 * hudShapes.clear();
 * hudText.clear();
 * hud.draw(hudShapes, hudText);                              // records nothing when hidden
 * renderer.projection(pixelCamera.projection(pixelMatrix));  // after the world's sources
 * renderer.render(hudShapes);                                // panel and graph first,
 * renderer.render(hudText);                                  // then the text on top
 * }</pre>
 * A key callback calls {@code hud.handleKey(key)} on presses (F3 toggles by default); it may run on
 * another thread (the GLFW event thread): visibility is volatile.
 */
package dev.isochron.render.hud;
