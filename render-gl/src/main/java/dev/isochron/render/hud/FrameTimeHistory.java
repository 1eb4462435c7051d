package dev.isochron.render.hud;

import dev.isochron.engine.metrics.NearestRank;

/**
 * The HUD's record of frame times: a ring of the last {@code historyFrames} (for the graph, FPS, p99 and max), the
 * frames recorded since construction, and the stalls counted in the run report's window. With a warm-up of
 * {@code warmupFrames}, stalls count the warm-up until it ends, then start again from 0 with the first measured
 * frame, as the report's {@code stalls.count} does; without one they count every frame.
 * <p>
 * Render thread; every method is allocation-free (construction allocates the ring and the scratch the percentile
 * is selected in).
 */
final class FrameTimeHistory
{
    private final int capacity;
    private final long stallThresholdNs;
    private final long[] frameNs;
    private final long[] scratch;
    private int warmupFrames;
    private int head;
    private int count;
    private long sumNs;
    private long lastNs;
    private long stalls;
    private long framesRecorded;

    FrameTimeHistory(final int capacity, final long stallThresholdNs)
    {
        this.capacity = capacity;
        this.stallThresholdNs = stallThresholdNs;
        this.frameNs = new long[capacity];
        this.scratch = new long[capacity];
    }

    void warmupFrames(final int warmupFrames)
    {
        this.warmupFrames = warmupFrames;
    }

    int warmupFrames()
    {
        return warmupFrames;
    }

    /** @return whether a warm-up is set and every frame recorded so far lies in it. */
    boolean inWarmup()
    {
        return warmupFrames > 0 && framesRecorded <= warmupFrames;
    }

    /** Records the time of the frame that just ended; negative values count as 0. */
    void record(final long frameTimeNs)
    {
        final long ns = Math.max(0, frameTimeNs);
        if (warmupFrames > 0 && framesRecorded == warmupFrames)
        {
            // the report's measured window opens with this frame: its stalls start from 0
            stalls = 0;
        }
        if (count == capacity)
        {
            sumNs -= frameNs[head];
        }
        else
        {
            count++;
        }
        frameNs[head] = ns;
        sumNs += ns;
        head = head + 1 == capacity ? 0 : head + 1;
        lastNs = ns;
        framesRecorded++;
        if (ns > stallThresholdNs)
        {
            stalls++;
        }
    }

    /** @return the ring's size in frames. */
    int capacity()
    {
        return capacity;
    }

    /** @return frame times in the ring. */
    int size()
    {
        return count;
    }

    /** @return the frame time {@code k} places after the oldest in the ring, {@code k} in [0, {@link #size()}). */
    long oldestPlus(final int k)
    {
        final int at = head - count + k;
        return frameNs[at < 0 ? at + capacity : at >= capacity ? at - capacity : at];
    }

    long sumNs()
    {
        return sumNs;
    }

    long lastNs()
    {
        return lastNs;
    }

    long stalls()
    {
        return stalls;
    }

    long stallThresholdNs()
    {
        return stallThresholdNs;
    }

    long framesRecorded()
    {
        return framesRecorded;
    }

    /** @return the longest frame time in the ring, 0 when it is empty. */
    long maxNs()
    {
        long max = 0;
        for (int i = 0; i < count; i++)
        {
            max = Math.max(max, frameNs[i]);
        }
        return max;
    }

    /** @return the ring's nearest-rank {@code percentile}, 0 when it is empty. */
    long percentileNs(final double percentile)
    {
        final int n = count;
        if (n == 0)
        {
            return 0;
        }
        System.arraycopy(frameNs, 0, scratch, 0, n);
        return select(scratch, n, NearestRank.index(n, percentile));
    }

    /** Quickselect: the {@code k}-th smallest of {@code a[0, n)}, reordering {@code a}. Allocation-free. */
    static long select(final long[] a, final int n, final int k)
    {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            // median of three as the pivot, so sorted input (a steady frame rate) is not quadratic
            if (a[mid] < a[lo])
            {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo])
            {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid])
            {
                swap(a, hi, mid);
            }
            final long pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }
                while (a[j] > pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(final long[] a, final int i, final int j)
    {
        final long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
