/**
 * Sprite and shape batches: draw calls recorded into preallocated primitive arrays, sorted by
 * texture without allocation, and turned into quad vertices in disjoint slices written straight
 * into off-heap memory.
 * <p>
 * Threads: a batch is recorded by one thread (the render thread, or the simulation thread that
 * builds the frame's render state). {@code prepare()} runs once on the render thread; then
 * {@code generate(slice, sliceCount, address)} may run concurrently on render workers, one
 * distinct slice each ({@link dev.isochron.render.batch.QuadSliceWork} with the engine's
 * {@code WorkerGroup}); then {@link dev.isochron.render.batch.BatchRenderer} issues the draws on
 * the render thread, which owns the GL context. Every per-frame method is allocation-free.
 * <p>
 * Sprites may instead be drawn instanced: {@link dev.isochron.render.batch.SpriteInstances} wraps a
 * {@code SpriteBatch} (recorded as before) and generates one 32-byte
 * {@link dev.isochron.render.batch.SpriteInstanceLayout} record per sprite, which the GL backend draws with
 * one instanced call per texture run, the corners built and rotated by the vertex shader.
 * <p>
 * A frame, single-threaded (all objects made once at start-up):
 * <pre>{@code
 * GlDrawBackend backend = new GlDrawBackend(20_000);        // context current on this thread
 * backend.bindTexture(1, shipTexture);                      // key 1 -> GL texture name
 * BatchRenderer renderer = new BatchRenderer(backend);
 * SpriteBatch sprites = new SpriteBatch(10_000);
 * AtlasRegion ship = AtlasRegion.whole(1, 32, 32);
 *
 * sprites.clear();                                          // every frame
 * sprites.drawInterpolated(ship, prevX, prevY, prevAngle, x, y, angle, alpha, 32, 32, 16, 16, Rgba.WHITE);
 * font.draw(sprites.layer(1), hudText, 8, 8, 1f, Rgba.WHITE);
 * renderer.beginFrame(camera.projection(matrix));
 * renderer.render(sprites);
 * renderer.render(shapes);
 * renderer.endFrame();
 * }</pre>
 */
package dev.isochron.render.batch;
