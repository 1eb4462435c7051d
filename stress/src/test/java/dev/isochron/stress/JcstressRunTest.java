package dev.isochron.stress;

import dev.isochron.engine.testing.ChildProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every jcstress test of this module in a child JVM ({@code org.openjdk.jcstress.Main}, which forks its own
 * VMs per test and JVM configuration) and fails the build when the run fails, times out, or any test's result is
 * missing or not OK (FORBIDDEN or unexpected outcomes, errors, time-outs).
 * <p>
 * Budget: {@code -Disochron.jcstress.mode} (default {@code quick} from the pom), extra options in
 * {@code -Disochron.jcstress.args}, wall-clock limit in {@code -Disochron.jcstress.timeoutSeconds}. Engine code
 * needs Agrona's {@code --add-opens}, given to the forked VMs through {@code -jvmArgsPrepend}.
 */
class JcstressRunTest
{
    /** Every jcstress test in this module: each must report OK. */
    private static final Class<?>[] TESTS =
    {
        TripleBufferReadsStress.class,
        TripleBufferLatestStress.class,
        InputRingBelowCapacityStress.class,
        InputRingOverflowStress.class,
        WorkerGroupForkJoinStress.class,
    };

    private static final Pattern RESULTS = Pattern.compile(
        "\\(Results: (\\d+) planned; (\\d+) passed, (\\d+) failed, (\\d+) soft errs, (\\d+) hard errs\\)");

    @Test
    void shouldPassEveryJcstressTestWithNoForbiddenOrMissingResult() throws Exception
    {
        final String mode = System.getProperty("isochron.jcstress.mode", "quick");
        final String extra = System.getProperty("isochron.jcstress.args", "").trim();
        final long timeoutSeconds = Long.parseLong(System.getProperty("isochron.jcstress.timeoutSeconds", "300"));
        final Path resultDir = Paths.get(System.getProperty("isochron.jcstress.resultDir", "target/jcstress-results"))
            .toAbsolutePath();
        Files.createDirectories(resultDir);
        for (final Class<?> test : TESTS)
        {
            Files.deleteIfExists(resultDir.resolve(test.getName() + ".html"));
        }

        final List<String> args = new ArrayList<>();
        args.add("-m");
        args.add(mode);
        args.add("-t");
        args.add("dev\\.isochron\\.stress\\..*Stress");
        args.add("-jvmArgsPrepend");
        args.add("--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");
        args.add("-r");
        args.add(resultDir.toString());
        if (!extra.isEmpty())
        {
            for (final String arg : extra.split("\\s+"))
            {
                args.add(arg);
            }
        }

        final Path log = resultDir.resolve("console.txt");
        // The working directory is the result directory: jcstress writes its result blob into it.
        final ChildProcess.Result jcstress = ChildProcess.javaMain("org.openjdk.jcstress.Main",
                System.getProperty("java.class.path"))
            .jvmFlags("-Xmx256m").args(args).directory(resultDir)
            .limit(Duration.ofSeconds(timeoutSeconds)).output(log).run();
        if (jcstress.timedOut())
        {
            fail("jcstress (mode " + mode + ") ran past its " + timeoutSeconds + " s budget " +
                "(-Disochron.jcstress.timeoutSeconds): " + jcstress.describe());
        }
        final long seconds = jcstress.elapsed().toSeconds();
        final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        System.out.println("jcstress mode " + mode + " took " + seconds + " s; console in " + log);

        final StringBuilder problems = new StringBuilder();
        if (jcstress.exitCode() != 0)
        {
            problems.append("\n  jcstress exited with ").append(jcstress.exitCode());
        }
        // The last progress line counts every planned test result: all must have passed.
        String results = null;
        for (final String line : lines)
        {
            if (line.startsWith("(Results: "))
            {
                results = line;
            }
        }
        final Matcher counts = null == results ? null : RESULTS.matcher(results);
        if (null == counts || !counts.find())
        {
            problems.append("\n  no results line: jcstress ran no test");
        }
        else
        {
            final int planned = Integer.parseInt(counts.group(1));
            final int passed = Integer.parseInt(counts.group(2));
            if (planned < TESTS.length || passed != planned || !"0".equals(counts.group(3)) ||
                !"0".equals(counts.group(4)) || !"0".equals(counts.group(5)))
            {
                problems.append("\n  ").append(results).append(" (expected every one of at least ")
                    .append(TESTS.length).append(" planned results to pass)");
            }
        }
        requireNoMatches(lines, "Failed tests:", problems);
        requireNoMatches(lines, "Error tests:", problems);
        for (final Class<?> test : TESTS)
        {
            if (!Files.isRegularFile(resultDir.resolve(test.getName() + ".html")))
            {
                problems.append("\n  no result for ").append(test.getName()).append(" in ").append(resultDir);
            }
        }
        if (problems.length() > 0)
        {
            fail("jcstress run (mode " + mode + ", " + seconds + " s) failed:" + problems + "\nconsole tail (" + log +
                "):\n" + tail(log));
        }
    }

    private static void requireNoMatches(final List<String> lines, final String heading, final StringBuilder problems)
    {
        boolean found = false;
        for (final String line : lines)
        {
            final String trimmed = line.trim();
            if (trimmed.startsWith(heading))
            {
                found = true;
                if (!trimmed.endsWith("No matches."))
                {
                    problems.append("\n  ").append(trimmed);
                }
            }
        }
        if (!found)
        {
            problems.append("\n  the report has no '").append(heading).append("' section");
        }
    }

    private static String tail(final Path log) throws IOException
    {
        final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
