/**
 * Isochron's checking mode: assertions that cost time and memory, off by default, for hunting memory corruption and
 * threading mistakes in a run that otherwise behaves like production.
 * <p>
 * {@link dev.isochron.engine.checked.CheckedMode} is the switch ({@code -Disochron.checked=true}, read once when the
 * class initialises). {@link dev.isochron.engine.checked.GuardedRegion} and
 * {@link dev.isochron.engine.checked.GuardBand} put guard bytes around off-heap memory and verify them;
 * {@link dev.isochron.engine.checked.GuardBandException} names the memory, the offset and the bytes found.
 * <p>
 * Threading: the switch is read by any thread; a region is verified by the thread that owns its memory (or, between
 * a fork and a join, by the thread that joined). Allocation: verifying allocates nothing unless it fails.
 */
package dev.isochron.engine.checked;
