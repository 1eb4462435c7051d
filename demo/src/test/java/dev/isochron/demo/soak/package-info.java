/**
 * The bounded soak of every demo scene (issue 7): each scene runs headless in a child JVM under the synthetic input
 * storm ({@link dev.isochron.demo.soak.SoakMain}) while a controller thread alternates memory snapshots taken after
 * {@code System.gc()} with measured windows ({@link dev.isochron.demo.soak.SoakController}); the ITs
 * ({@code Soak*IT}, see {@link dev.isochron.demo.soak.SceneSoak}) then require no growth of the heap, of LWJGL's
 * native allocations, of the direct buffer pool or of the live GL objects, no collection inside any window and no
 * allocation on any engine thread inside any window.
 * <p>
 * Threading: the ITs run on the test thread and wait for the child; in the child, the main thread is the runtime's
 * platform thread, {@link dev.isochron.demo.soak.SoakApplication}'s frame methods run on the engine's simulation and
 * render threads (allocation-free), and the controller on its own thread, which allocates only between windows.
 */
package dev.isochron.demo.soak;
