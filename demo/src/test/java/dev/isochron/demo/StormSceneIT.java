package dev.isochron.demo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headless smoke runs of the storm scene (the list under 10,000 synthetic input events per second) from the
 * packaged jar, one child JVM per mode: the input producer thread is measured too.
 */
class StormSceneIT
{
    @TempDir
    Path dir;

    @Test
    void shouldTakeTheInputStormWithoutAllocatingOrCollectingInEngineMode() throws Exception
    {
        SceneSmoke.runEngine(dir, "storm", "--scene", "list", "--input-rate", "10000");
    }

    @Test
    void shouldTakeTheInputStormInNaiveMode() throws Exception
    {
        SceneSmoke.runNaive(dir, "storm", "--scene", "list", "--input-rate", "10000");
    }
}
