/**
 * Jazzer fuzz tests of render-gl's file front-ends: the TrueType validator that guards stb_truetype, and the image
 * decode path of {@link dev.isochron.render.gl.TextureLoader} (stb_image). Test thread only; no GL context.
 */
package dev.isochron.render.fuzz;
