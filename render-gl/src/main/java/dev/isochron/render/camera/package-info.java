/**
 * The 2D camera: an orthographic view of the world onto a framebuffer, pixel-space by default,
 * with pan, zoom, resize and screen/world conversion; and viewports (fit, extend, stretch, screen),
 * which size and place a camera so that a fixed world fits any framebuffer. Runs on whichever thread owns the camera
 * (usually the render thread); allocation-free (JOML with dest parameters).
 */
package dev.isochron.render.camera;
