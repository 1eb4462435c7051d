package dev.isochron.render.pass;

/**
 * Where a registered pass is drawn relative to the runtime's two passes: the world pass ({@code frame.shapes()} then
 * {@code frame.sprites()}, camera projection) and the HUD pass ({@code frame.hudShapes()} then
 * {@code frame.hudSprites()}, pixel projection). Passes of one order draw in registration order; the default target
 * is cleared before all of them.
 */
public enum PassOrder
{
    /** Before the world pass: backgrounds, and offscreen layers the world or later passes sample. */
    BEFORE_WORLD,
    /** After the world pass and before the HUD: post-processing of the world, lights, minimaps. */
    AFTER_WORLD,
    /** After the HUD pass (and the runtime's performance overlay): what must lie on top of everything. */
    AFTER_HUD;

    /**
     * @return the rank of this order among the passes: the world pass ranks 1, the HUD pass 3, so these come at 0, 2
     * and 4.
     */
    int rank()
    {
        return 2 * ordinal();
    }
}
