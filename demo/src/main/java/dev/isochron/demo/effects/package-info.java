/**
 * The effects scene: the render pipeline's passes at work (a render target kept and fed back into a sprite pass, a
 * pass shader with a per-frame uniform, additive blending, a clipped panel).
 */
package dev.isochron.demo.effects;
