package dev.isochron.demo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headless smoke runs of the sprites scene from the packaged jar, one child JVM per mode. */
class SpritesSceneIT
{
    @TempDir
    Path dir;

    @Test
    void shouldDrawSpritesWithoutAllocatingOrCollectingInEngineMode() throws Exception
    {
        SceneSmoke.runEngine(dir, "sprites", "--count", "300");
    }

    @Test
    void shouldDrawTheSamePictureInNaiveMode() throws Exception
    {
        SceneSmoke.runNaive(dir, "sprites", "--count", "300");
    }
}
