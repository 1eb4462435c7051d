package dev.isochron.demo.chart;

/**
 * The chart's render state: the visible range (set by pan and zoom on the simulation thread) and,
 * in engine mode, the decimated picture of it.
 * <p>
 * Thread: written on the simulation thread, read on the render thread after the triple-buffer
 * handoff. Allocation: the constructor only.
 */
public final class ChartState
{
    final ChartPicture picture;
    long viewStart;
    double span;
    int columns;
    long feedDrops;

    /** @param capacityColumns most pixel columns. */
    public ChartState(final int capacityColumns)
    {
        picture = new ChartPicture(capacityColumns);
    }

    /** @return the engine-mode picture. */
    public ChartPicture picture()
    {
        return picture;
    }
}
