package dev.isochron.perf.harness;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/**
 * What one child run left behind: its report (null when it wrote none), its per-frame times (null when the demo
 * wrote no CSV), how it ended, and where its files are.
 */
public final class RunResult
{
    private final RunSpec spec;
    private final JsonNode report;
    private final double[] frameMs;
    private final int exitCode;
    private final double wallSeconds;
    private final String failure;
    private final Path reportFile;
    private final Path csvFile;
    private final Path logFile;

    /**
     * @param spec        the run.
     * @param report      the parsed report, or null.
     * @param frameMs     per-frame times in ms, or null when there is no CSV.
     * @param exitCode    the child's exit status (-1 when it was killed or never started).
     * @param wallSeconds how long the child ran.
     * @param failure     why the run failed, or null when it succeeded.
     * @param reportFile  where the report was asked for.
     * @param csvFile     where the CSV was asked for, or null when not asked.
     * @param logFile     the child's stdout and stderr.
     */
    public RunResult(
        final RunSpec spec,
        final JsonNode report,
        final double[] frameMs,
        final int exitCode,
        final double wallSeconds,
        final String failure,
        final Path reportFile,
        final Path csvFile,
        final Path logFile)
    {
        this.spec = spec;
        this.report = report;
        this.frameMs = frameMs;
        this.exitCode = exitCode;
        this.wallSeconds = wallSeconds;
        this.failure = failure;
        this.reportFile = reportFile;
        this.csvFile = csvFile;
        this.logFile = logFile;
    }

    /** @return a successful run from a report alone (no files, no CSV): for tests and re-aggregation. */
    public static RunResult of(final RunSpec spec, final JsonNode report, final double[] frameMs)
    {
        return new RunResult(spec, report, frameMs, 0, 0.0, null, null, null, null);
    }

    /** @return the run. */
    public RunSpec spec()
    {
        return spec;
    }

    /** @return the parsed report, or null. */
    public JsonNode report()
    {
        return report;
    }

    /** @return per-frame times in ms, or null. */
    public double[] frameMs()
    {
        return frameMs;
    }

    /** @return the child's exit status. */
    public int exitCode()
    {
        return exitCode;
    }

    /** @return seconds the child ran. */
    public double wallSeconds()
    {
        return wallSeconds;
    }

    /** @return why the run failed, or null. */
    public String failure()
    {
        return failure;
    }

    /** @return whether the child exited 0 and left a report. */
    public boolean ok()
    {
        return null == failure && null != report;
    }

    /** @return the report path, or null. */
    public Path reportFile()
    {
        return reportFile;
    }

    /** @return the CSV path, or null. */
    public Path csvFile()
    {
        return csvFile;
    }

    /** @return the log path, or null. */
    public Path logFile()
    {
        return logFile;
    }
}
