/**
 * GL resources: framebuffers, shader programs, textures, the streaming vertex ring, the registry
 * that tracks every GL object they create, and GL error checks for debug mode.
 * <p>
 * Threads: everything here runs on the render thread, the one thread on which a
 * {@link dev.isochron.render.context.GlContext} is current. Objects are created and disposed on
 * that thread; creation and disposal may allocate, per-frame methods (bind, uniform setters,
 * {@code beginFrame}/{@code endFrame}, read-back into owned memory) are allocation-free and say so.
 * The exceptions make no GL call: {@link dev.isochron.render.gl.TextureLoader#decodeFile} and
 * {@link dev.isochron.render.gl.DecodedImage} read and decode an image on any thread once stb_image is loaded.
 */
package dev.isochron.render.gl;
