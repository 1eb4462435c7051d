package dev.isochron.demo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headless smoke runs of the chart scene (with its producer thread) from the packaged jar, one JVM per mode. */
class ChartSceneIT
{
    @TempDir
    Path dir;

    @Test
    void shouldDrawTheChartWithoutAllocatingOrCollectingInEngineMode() throws Exception
    {
        SceneSmoke.runEngine(dir, "chart", "--count", "200000");
    }

    @Test
    void shouldDrawTheSameChartInNaiveMode() throws Exception
    {
        SceneSmoke.runNaive(dir, "chart", "--count", "200000");
    }
}
