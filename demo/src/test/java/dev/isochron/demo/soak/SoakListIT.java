package dev.isochron.demo.soak;

/**
 * The bounded soak (see {@link SceneSoak}) of the list scene (100,000 rows) under 10,000 synthetic events per
 * second.
 */
class SoakListIT extends SceneSoak
{
    SoakListIT()
    {
        super(SoakScene.LIST);
    }
}
