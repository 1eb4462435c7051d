package dev.isochron.demo.soak;

/**
 * The bounded soak (see {@link SceneSoak}) of the chart scene (four series of 100,000 points fed at 1 kHz by its
 * producer thread) under 10,000 synthetic events per second.
 */
class SoakChartIT extends SceneSoak
{
    SoakChartIT()
    {
        super(SoakScene.CHART);
    }
}
