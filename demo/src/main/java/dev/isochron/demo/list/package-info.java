/**
 * The list scene: 100,000 rows with icons and text, kinetic drag scrolling, wheel, hover and selection.
 * <p>
 * Threading: {@link dev.isochron.demo.list.ListScene#update} on the simulation thread, which writes
 * {@link dev.isochron.demo.list.ListState}; {@code render} on the render thread. Row content
 * ({@link dev.isochron.demo.list.ListRows}) is computed from the row index on any thread.
 */
package dev.isochron.demo.list;
