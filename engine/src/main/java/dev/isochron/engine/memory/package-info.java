/**
 * Memory with explicit lifetimes, so the frame path allocates nothing on the heap.
 * <p>
 * Three lifetimes, three mechanisms:
 * <ul>
 *     <li><b>One frame or tick</b>: {@link dev.isochron.engine.memory.FrameArena}, a bump allocator over
 *     preallocated off-heap memory, reset at the start of each frame. Whatever was carved out of it is dead
 *     after the reset: nothing may keep an offset across frames.</li>
 *     <li><b>Short-lived, many</b>: {@link dev.isochron.engine.memory.ObjectPool}, typed objects made at
 *     construction, handed out with {@code acquire()}, given back with {@code release(T)} (which calls
 *     {@link dev.isochron.engine.memory.Poolable#reset()}); what happens when it runs dry is an explicit
 *     {@link dev.isochron.engine.memory.ExhaustionPolicy}.</li>
 *     <li><b>Long-lived</b>: plain objects made once at start-up (textures, shaders, scenes, the pools and
 *     arenas themselves) and kept for the life of the program. They need no mechanism: the rule is only that
 *     they are created before the first frame and never in the frame path.</li>
 * </ul>
 * Threading: neither class is thread-safe. Each arena and each pool belongs to one thread (the one that runs
 * the frame or tick that uses it); give each worker thread its own.
 */
package dev.isochron.engine.memory;
