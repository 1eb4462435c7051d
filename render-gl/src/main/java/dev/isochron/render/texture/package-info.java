/**
 * Textures loaded at run time: files declared at init as {@link dev.isochron.render.texture.TextureHandle}s, loaded
 * and unloaded from any thread after it, decoded on the run's one loader thread and uploaded by the render thread a
 * bounded part per frame ({@link dev.isochron.render.texture.TextureTable}).
 * <p>
 * Threads: declarations and the per-frame upload step run on the render thread, which owns the GL context; decoding
 * runs on the loader thread ({@code isochron-texture-loader}); a handle's requests and queries come from any thread.
 * Requests, queries and the upload step of a frame without a completed decode are allocation-free.
 */
package dev.isochron.render.texture;
