package dev.isochron.demo.list;

/**
 * The list's render state: the scroll offset at the previous and the latest tick (to interpolate),
 * the hovered and selected rows, and the row count.
 * <p>
 * Thread: written on the simulation thread, read on the render thread after the handoff.
 */
public final class ListState
{
    double previousScroll;
    double scroll;
    int hoverRow = -1;
    int selectedRow = -1;
    int rows;
    double velocity;
    long clicks;
}
