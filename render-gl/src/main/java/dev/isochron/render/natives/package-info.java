/**
 * Native-library loading, one thread at a time.
 * <p>
 * glibc's dynamic loader can deadlock when one thread walks the loaded objects with a {@code dlopen} inside the walk
 * (LWJGL's library-path lookup does exactly that each time it loads a system library such as {@code libEGL.so.1}:
 * LWJGL issue 1148, fixed only in unreleased 3.5.0 builds) while another thread loads or unloads an object
 * ({@code glfwInit} opening the X11 libraries, Mesa opening its driver, the JDK loading {@code libmanagement}).
 * Neither thread can be attached to or dumped afterwards; only {@code SIGKILL} ends the process.
 * <p>
 * {@link dev.isochron.render.natives.NativeLoading} is the one lock every such call in Isochron takes, and the one
 * phase that loads, up front, every library a run needs, so that nothing loads later outside it.
 * Threads: any; start-up and teardown only, never the frame path.
 */
package dev.isochron.render.natives;
