package dev.isochron.render.runtime;

import dev.isochron.engine.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first app started without the JVM flags: {@code Isochron.run} refuses before anything starts, with one message
 * naming each missing flag and the forms that add it ({@link JvmFlagsMain} in a child JVM, since the test JVM has
 * them); without only the recommended flags the run goes on.
 */
class JvmFlagsTest
{
    private static final long TIMEOUT_SECONDS = 60;
    private static final String OPENS = "--add-opens java.base/jdk.internal.misc=ALL-UNNAMED";
    private static final String EXPORTS = "--add-exports java.base/jdk.internal.access=ALL-UNNAMED " +
        "--add-exports java.base/jdk.internal.reflect=ALL-UNNAMED";
    private static final String NL = System.lineSeparator();
    private static final String FORMS =
        "add them where this JVM is started:" + NL +
        "  java:            java --add-opens java.base/jdk.internal.misc=ALL-UNNAMED " +
        "--add-exports java.base/jdk.internal.access=ALL-UNNAMED --add-exports java.base/jdk.internal.reflect=ALL-UNNAMED" +
        " -cp <class path> <main class>" + NL +
        "  java -jar:       in the jar's manifest: Add-Opens: java.base/jdk.internal.misc, " +
        "Add-Exports: java.base/jdk.internal.access java.base/jdk.internal.reflect" + NL +
        "  Maven exec:exec: <arguments><argument>--add-opens</argument>" +
        "<argument>java.base/jdk.internal.misc=ALL-UNNAMED</argument><argument>--add-exports</argument>" +
        "<argument>java.base/jdk.internal.access=ALL-UNNAMED</argument><argument>--add-exports</argument>" +
        "<argument>java.base/jdk.internal.reflect=ALL-UNNAMED</argument><argument>-classpath</argument>" +
        "<classpath/><argument><main class></argument></arguments> " +
        "(exec:java runs in Maven's own JVM: put the flags in .mvn/jvm.config)" + NL +
        "  Maven tests:     <argLine>--add-opens java.base/jdk.internal.misc=ALL-UNNAMED " +
        "--add-exports java.base/jdk.internal.access=ALL-UNNAMED --add-exports java.base/jdk.internal.reflect=ALL-UNNAMED" +
        "</argLine> in the configuration of maven-surefire-plugin (and maven-failsafe-plugin)" + NL +
        "  Gradle:          application { applicationDefaultJvmArgs = ['--add-opens', " +
        "'java.base/jdk.internal.misc=ALL-UNNAMED', '--add-exports', 'java.base/jdk.internal.access=ALL-UNNAMED', " +
        "'--add-exports', 'java.base/jdk.internal.reflect=ALL-UNNAMED'] }" + NL +
        "  Gradle tests:    tasks.withType(Test).configureEach { jvmArgs('--add-opens', " +
        "'java.base/jdk.internal.misc=ALL-UNNAMED', '--add-exports', 'java.base/jdk.internal.access=ALL-UNNAMED', " +
        "'--add-exports', 'java.base/jdk.internal.reflect=ALL-UNNAMED') }";
    private static final String HEAD =
        "this JVM was started without the flag Isochron needs: --add-opens java.base/jdk.internal.misc=ALL-UNNAMED " +
        "(Agrona, which the engine's rings and buffers use, reads jdk.internal.misc and fails with IllegalAccessError " +
        "without it)" + NL +
        "  missing, required:    --add-opens java.base/jdk.internal.misc=ALL-UNNAMED" + NL;

    @TempDir
    Path directory;

    @Test
    void shouldNameEveryMissingFlagAndHowToAddItWhenStartedWithNone() throws Exception
    {
        final String output = runChild(List.of());

        assertEquals(
            "THREW java.lang.IllegalStateException" + NL +
            "MESSAGE " + HEAD +
            "  missing, recommended: --add-exports java.base/jdk.internal.access=ALL-UNNAMED " +
            "--add-exports java.base/jdk.internal.reflect=ALL-UNNAMED (without them the run works, and a C2 compile " +
            "may allocate a few hundred bytes once on an engine thread mid-run)" + NL +
            FORMS + NL +
            "END" + NL,
            output);
    }

    @Test
    void shouldNameOnlyTheRequiredFlagWhenTheRecommendedOnesAreThere() throws Exception
    {
        final String output = runChild(List.of(EXPORTS.split(" ")));

        assertEquals("THREW java.lang.IllegalStateException" + NL + "MESSAGE " + HEAD + FORMS + NL + "END" + NL, output);
    }

    @Test
    void shouldTakeAnExportOfTheMiscPackageAsWellAsTheOpen() throws Exception
    {
        final String output = runChild(List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"));

        assertTrue(output.contains("RAN FRAME_LIMIT"), output);
    }

    @Test
    void shouldRunWithoutTheRecommendedFlagsAndSaySoOnce() throws Exception
    {
        final String output = runChild(List.of(OPENS.split(" ")));

        assertTrue(output.contains("RAN FRAME_LIMIT"), output);
        assertFalse(output.contains("THREW"), output);
        assertEquals(1, output.split("isochron: the JDK's constant pool is not reachable", -1).length - 1, output);
    }

    private String runChild(final List<String> flags) throws Exception
    {
        final ChildProcess.Result child = ChildProcess.javaMain(JvmFlagsMain.class)
            .jvmFlags("-Xmx256m").jvmFlags(flags)
            .limit(Duration.ofSeconds(TIMEOUT_SECONDS))
            .output(Files.createTempFile(directory, "child", ".log"))
            .run()
            .requireFinished();
        assertEquals(0, child.exitCode(), child::describe);
        return child.output();
    }
}
