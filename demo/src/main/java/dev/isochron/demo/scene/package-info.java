/**
 * Pieces the demo scenes share: the procedural sprite atlas, the HUD line and the naive mode's
 * per-event executor handoff.
 * <p>
 * Threading: as each class says; {@link dev.isochron.demo.scene.HudLine} runs on the render thread,
 * {@link dev.isochron.demo.scene.NaiveInputHandoff} on the simulation thread plus its executor.
 */
package dev.isochron.demo.scene;
