package dev.isochron.render.natives;

import dev.isochron.engine.testing.ChildProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The loader watch used by the start-up checks sees what it must: a library loaded outside the native-loading lock is
 * reported, one loaded under it is not ({@link LoaderWatchProbe} in a child JVM).
 */
class LoaderWatchTest
{
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path directory;

    private static LoaderWatch watch;

    @BeforeAll
    static void buildTheWatch() throws IOException, InterruptedException
    {
        requireCompiler();
        watch = LoaderWatch.build(directory);
    }

    @Test
    void shouldReportALoadOutsideTheLock() throws InterruptedException
    {
        final List<String> findings = probe("outside");

        assertEquals(2, findings.size(), findings::toString);
        assertTrue(findings.get(0).contains("unguarded: thread") && findings.get(0).contains(
            "dlopen(" + LoaderWatchProbe.LIBRARY + ")"), findings::toString);
        assertTrue(findings.get(1).contains("unguarded: thread") && findings.get(1).contains("dlclose("),
            findings::toString);
    }

    @Test
    void shouldReportNothingForALoadUnderTheLock() throws InterruptedException
    {
        assertEquals(List.of(), probe("inside"));
    }

    /**
     * Skips where gcc is missing, except in CI ({@code CI} set), which installs it: there a missing compiler fails.
     */
    static void requireCompiler()
    {
        if (null != System.getenv("CI"))
        {
            assertTrue(LoaderWatch.compilerAvailable(), "gcc is not installed: " + LoaderWatch.INSTALL_HINT);
        }
        assumeTrue(LoaderWatch.compilerAvailable(), "gcc is not installed (" + LoaderWatch.INSTALL_HINT +
            "): loader-watch test skipped");
    }

    private List<String> probe(final String where) throws InterruptedException
    {
        final ChildProcess child = ChildProcess.javaMain(LoaderWatchProbe.class)
            .jvmFlags(ChildProcess.ENGINE_JVM_FLAGS)
            .args(where)
            .limit(LIMIT)
            .output(directory.resolve("probe-" + where + ".log"));
        watch.environment(directory.resolve("holder-" + where)).forEach(child::environment);
        final ChildProcess.Result result = child.run().requireFinished();
        assertEquals(0, result.exitCode(), result::describe);
        return LoaderWatch.findings(result.output());
    }
}
