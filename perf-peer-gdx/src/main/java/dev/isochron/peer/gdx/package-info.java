/**
 * The perf harness's peer column: Isochron's demo scenes (sprites, the storm of input events over the list, the live
 * chart) written as idiomatic libGDX 1.13 programs on its lwjgl3 backend, each measured the way Isochron's run report
 * measures (frame start to frame start with {@link java.lang.System#nanoTime()} into preallocated arrays, the render
 * thread's allocated bytes, GC pauses from the collectors' notifications) and reported as a JSON object with the same
 * keys, so the harness aggregates and plots it beside the engine and the naive mode unchanged.
 * <p>
 * Threads: libGDX runs the window, the input, the update and the drawing on the main thread (its render thread);
 * the storm's input producer and the chart's feed are threads of their own. Depends on no Isochron module.
 */
package dev.isochron.peer.gdx;
