/**
 * The sprites scene: bouncing, rotating sprites from a procedural atlas, interpolated between ticks,
 * and pooled sparks.
 * <p>
 * Threading: {@link dev.isochron.demo.sprites.SpriteField} and {@link dev.isochron.demo.sprites.ParticleSystem}
 * run on the simulation thread; {@link dev.isochron.demo.sprites.SpritesState} is written there and read on the
 * render thread after the triple-buffer handoff; the scene's {@code render} runs on the render thread.
 */
package dev.isochron.demo.sprites;
