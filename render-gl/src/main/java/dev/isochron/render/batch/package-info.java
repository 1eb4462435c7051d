/**
 * Sprite and shape batches: draw calls recorded into preallocated primitive arrays, sorted by
 * texture without allocation, and turned into quad vertices in disjoint slices written straight
 * into off-heap memory.
 * <p>
 * Threads: a batch is recorded by one thread (the render thread, or the simulation thread that
 * builds the frame's render state). {@code prepare()} runs once on the render thread; then
 * {@code generate(slice, sliceCount, address)} may run concurrently on render workers, one
 * distinct slice each; then {@link dev.isochron.render.batch.BatchRenderer} issues the draws on
 * the render thread, which owns the GL context. Every per-frame method is allocation-free.
 */
package dev.isochron.render.batch;
