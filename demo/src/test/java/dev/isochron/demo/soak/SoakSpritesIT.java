package dev.isochron.demo.soak;

/**
 * The bounded soak (see {@link SceneSoak}) of the sprites scene (2,000 sprites and their sparks) under 10,000
 * synthetic events per second.
 */
class SoakSpritesIT extends SceneSoak
{
    SoakSpritesIT()
    {
        super(SoakScene.SPRITES);
    }
}
