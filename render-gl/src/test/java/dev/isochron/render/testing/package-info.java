/**
 * GL test fixtures, published in the render-gl test-jar: {@link dev.isochron.render.testing.HeadlessGl}, a small
 * headless context current on the test thread with pixel read-back helpers, and
 * {@link dev.isochron.engine.testing.AllocationGate#assertSteadyZero} for zero-allocation assertions over GL calls.
 * <p>
 * Threads: the test thread, which owns the context from open to close.
 */
package dev.isochron.render.testing;
