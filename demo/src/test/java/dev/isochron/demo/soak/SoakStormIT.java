package dev.isochron.demo.soak;

/**
 * The bounded soak (see {@link SceneSoak}) of the storm scene: the list (100,000 rows) under 20,000 synthetic
 * events per second.
 */
class SoakStormIT extends SceneSoak
{
    SoakStormIT()
    {
        super(SoakScene.STORM);
    }
}
