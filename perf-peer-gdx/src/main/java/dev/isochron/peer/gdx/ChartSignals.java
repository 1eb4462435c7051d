package dev.isochron.peer.gdx;

/**
 * The demo's four chart signals ({@code dev.isochron.demo.chart.Signals}) as pure functions of the sample index, one
 * sample per millisecond: the same values the engine's chart shows. Allocation-free, any thread.
 */
final class ChartSignals
{
    static final int SERIES = 4;
    static final int SAMPLE_RATE_HZ = 1000;

    private ChartSignals()
    {
    }

    static float value(final int series, final long n)
    {
        final double t = n / (double)SAMPLE_RATE_HZ;
        switch (series)
        {
            case 0:
                return (float)(Math.sin(t * 0.8) * 1.2 + 0.15 * noise(n, 1));
            case 1:
                return (float)(0.6 * Math.sin(t * 7.0) + 0.35 * noise(n, 2) + 0.5);
            case 2:
                final double saw = (t * 0.25) - Math.floor(t * 0.25);
                return (float)(saw * 1.6 - 1.3 + 0.05 * noise(n, 3));
            default:
                final boolean high = ((n / 1500) & 1) == 0;
                final double spike = (n % 9973) < 4 ? 1.2 : 0.0;
                return (float)((high ? 0.9 : -0.2) + 0.1 * noise(n, 4) + spike);
        }
    }

    static double noise(final long n, final int stream)
    {
        long z = n * 0x9E3779B97F4A7C15L + stream * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 40) * 0x1.0p-24 - 0.5;
    }
}
