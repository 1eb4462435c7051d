package dev.isochron.demo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headless smoke runs of the list scene from the packaged jar, one child JVM per mode. */
class ListSceneIT
{
    @TempDir
    Path dir;

    @Test
    void shouldDrawTheListWithoutAllocatingOrCollectingInEngineMode() throws Exception
    {
        SceneSmoke.runEngine(dir, "list", "--count", "100000");
    }

    @Test
    void shouldDrawTheSameListInNaiveMode() throws Exception
    {
        SceneSmoke.runNaive(dir, "list", "--count", "100000");
    }
}
