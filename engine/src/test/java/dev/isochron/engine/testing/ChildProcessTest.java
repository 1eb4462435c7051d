package dev.isochron.engine.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher, with small child JVMs of this class path (no GL): exit codes and output, a hung child diagnosed and
 * killed at its limit with its grandchildren, and {@code xvfb-run} children, killed with their JVM and their Xvfb.
 */
class ChildProcessTest
{
    /** Long enough for a child JVM to reach its hang on a loaded 2-core machine. */
    private static final Duration HANG_LIMIT = Duration.ofSeconds(6);
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int EXIT_CODE = 7;
    private static final String READY = "READY";
    private static final String HOLDER_THREAD = "isochron-test-holder";
    private static final String MAIN_STAGE = "main: java.lang.Thread.sleep via " + HangMain.class.getName() + ".holdMain";
    private static final String HOLDER_STAGE = HOLDER_THREAD + ": jdk.internal.misc.Unsafe.park via " +
        HangMain.class.getName() + ".holdWorker";
    private static final Pattern GRANDCHILD = Pattern.compile("GRANDCHILD (\\d+)");
    private static final Pattern HELD_CHILD = Pattern.compile("HELD (\\d+)");

    @TempDir
    Path directory;

    @Test
    void shouldReturnTheExitCodeAndTheInterleavedOutputOfAChildThatEnds() throws Exception
    {
        final ChildProcess.Result child = ChildProcess.javaMain(ExitMain.class)
            .args(Integer.toString(EXIT_CODE)).limit(LIMIT).output(directory.resolve("exit.log")).run();

        assertTrue(child.finished(), child::describe);
        assertEquals(EXIT_CODE, child.exitCode());
        assertEquals("to stdout\nto stderr\n", child.output());
        assertEquals(child.output(), Files.readString(directory.resolve("exit.log")));
    }

    @Test
    void shouldKeepStandardErrorApartWhenGivenItsOwnFile() throws Exception
    {
        final ChildProcess.Result child = ChildProcess.javaMain(ExitMain.class).args("0").limit(LIMIT)
            .output(directory.resolve("out.txt")).errorOutput(directory.resolve("err.txt")).run();

        assertEquals("to stdout\n", child.output());
        assertEquals("to stderr\n", child.errorOutput());
    }

    @Test
    void shouldGiveTheChildItsEnvironmentFlagsAndDirectory() throws Exception
    {
        final ChildProcess.Result child = ChildProcess.javaMain(EnvironmentMain.class)
            .jvmFlags("-Disochron.test.flag=on").llvmpipeThreads(1).environment("ISOCHRON_TEST_SET", "yes")
            .removeEnvironment("PATH").directory(directory).limit(LIMIT).run();

        assertEquals("LP_NUM_THREADS=1 ISOCHRON_TEST_SET=yes PATH=null flag=on dir=" + directory.toRealPath() + "\n",
            child.output(), child::describe);
    }

    @Test
    void shouldRunTheChildThroughItsWrapperWhichKeepsItsPid() throws Exception
    {
        final Path wrapper = directory.resolve("wrap");
        Files.writeString(wrapper, "#!/bin/sh\nexport ISOCHRON_TEST_SET=wrapped\nexec \"$@\"\n");
        assertTrue(wrapper.toFile().setExecutable(true));

        final ChildProcess launcher = ChildProcess.javaMain(EnvironmentMain.class).jvmFlags("-Disochron.test.flag=on")
            .wrapper(wrapper).llvmpipeThreads(1).directory(directory).limit(LIMIT);
        final ChildProcess.Result child = launcher.run();

        assertEquals(wrapper.toString(), launcher.commandLine().get(0));
        assertTrue(launcher.commandLine().get(1).endsWith("java"), launcher.commandLine()::toString);
        assertEquals("LP_NUM_THREADS=1 ISOCHRON_TEST_SET=wrapped PATH=" + System.getenv("PATH") + " flag=on dir=" +
            directory.toRealPath() + "\n", child.output(), child::describe);
    }

    @Test
    void shouldRefuseAWrapperThatIsNotAnExecutableFile()
    {
        final Path missing = directory.resolve("missing");

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> ChildProcess.javaMain(EnvironmentMain.class).wrapper(missing));
        assertEquals("wrapper must be an executable file, was " + missing, ex.getMessage());
    }

    @Test
    void shouldRefuseToRunWithoutALimit()
    {
        final ChildProcess child = ChildProcess.command(List.of("true"));

        final IllegalStateException ex = assertThrows(IllegalStateException.class, child::run);
        assertEquals("no limit set for true: call limit(Duration) so the child cannot outlive its test", ex.getMessage());
    }

    @Test
    void shouldRefuseJvmFlagsForAProgramThatIsNotAJvm()
    {
        final ChildProcess child = ChildProcess.command(List.of("sleep", "1"));

        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> child.jvmFlags("-Xmx1g"));
        assertEquals("jvmFlags applies to a JVM child (javaMain or javaJar); put it in the command of [sleep, 1]",
            ex.getMessage());
    }

    @Test
    void shouldPutTheEngineFlagsOnTheCommandLineBeforeTheClassPath()
    {
        final List<String> command = ChildProcess.javaMain("a.Main", "cp").java(Path.of("/jdk/bin/java"))
            .jvmFlags(ChildProcess.ENGINE_JVM_FLAGS).args("x").commandLine();

        assertEquals(List.of("/jdk/bin/java", "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.base/jdk.internal.access=ALL-UNNAMED",
            "--add-exports", "java.base/jdk.internal.reflect=ALL-UNNAMED", "-cp", "cp", "a.Main", "x"), command);
    }

    @Test
    void shouldQuoteTheWordsOfACommandAShellWouldSplit()
    {
        assertEquals("xvfb-run -s '-screen 0 1280x720x24' 'a$B' 'it'\\''s' ''",
            ChildProcess.shellWords(List.of("xvfb-run", "-s", ChildProcess.XVFB_SCREEN, "a$B", "it's", "")));
    }

    @Test
    void shouldShortenALongWordOfACommandForAMessage()
    {
        final String classPath = "a".repeat(ChildProcess.MAX_WORD_CHARS + 1);

        assertEquals("java -cp " + "a".repeat(ChildProcess.SHORT_WORD_CHARS) + "...(241 chars) Main",
            ChildProcess.shellWords(List.of("java", "-cp", classPath, "Main"), ChildProcess.MAX_WORD_CHARS));
    }

    @Test
    void shouldKillTheGrandchildrenOfAHungChildAtItsLimit() throws Exception
    {
        final ChildProcess.Result child = runUntilHung(GRANDCHILD, limit -> ChildProcess.javaMain(GrandchildMain.class)
            .limit(limit).output(directory.resolve("grandchild.log")));

        final Matcher grandchild = GRANDCHILD.matcher(child.output());
        assertTrue(grandchild.find(), child::describe);
        final long grandchildPid = Long.parseLong(grandchild.group(1));
        assertTrue(child.timedOut(), child::describe);
        assertTrue(child.killedPids().contains(grandchildPid), child::describe);
        assertFalse(alive(child.pid()), "the child is alive after its limit");
        assertFalse(alive(grandchildPid), "the grandchild (sleep 600) is alive after the child's limit");
    }

    @Test
    void shouldKillTheTreeOfAChildStillRunningWhenTheJvmThatStartedItExits() throws Exception
    {
        final ChildProcess.Result parent = ChildProcess.javaMain(ExitingParentMain.class)
            .args(directory.resolve("held.log").toString()).limit(LIMIT).output(directory.resolve("parent.log")).run();

        final Matcher held = HELD_CHILD.matcher(parent.output());
        assertEquals(EXIT_CODE, parent.exitCode(), parent::describe);
        assertTrue(held.find(), parent::describe);
        final long heldPid = Long.parseLong(held.group(1));
        try
        {
            assertFalse(alive(heldPid), "the child held by a JVM that exited is alive");
        }
        finally
        {
            ProcessHandle.of(heldPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void shouldRunUnderXvfbWithAnXDisplayOfItsOwn() throws Exception
    {
        assumeTrue(null != ChildProcess.xvfbRun(), "xvfb-run is not installed (" + ChildProcess.XVFB_INSTALL_HINT +
            "; CI installs it): Xvfb test skipped");

        final ChildProcess.Result child = ChildProcess.javaMain(DisplayMain.class).environment("WAYLAND_DISPLAY", "w-0")
            .underXvfb().limit(LIMIT).output(directory.resolve("display.log")).run();

        assertEquals(0, child.exitCode(), child::describe);
        assertTrue(child.output().matches("DISPLAY=:\\d+ WAYLAND_DISPLAY=null\\n"), child.output());
    }

    @Test
    void shouldKillXvfbRunItsJvmAndItsXvfbWhenAWindowedChildHangs() throws Exception
    {
        assumeTrue(null != ChildProcess.xvfbRun(), "xvfb-run is not installed (" + ChildProcess.XVFB_INSTALL_HINT +
            "; CI installs it): Xvfb test skipped");

        final ChildProcess.Result child = runUntilHung(Pattern.compile(READY), limit ->
            ChildProcess.javaMain(HangMain.class).underXvfb().limit(limit).output(directory.resolve("xvfb-hang.log")));

        assertTrue(child.timedOut(), child::describe);
        assertTrue(child.stage().contains(MAIN_STAGE), child::describe);
        assertTrue(child.killedPids().size() >= 3, () -> "xvfb-run, Xvfb and java: " + child.describe());
        for (final long pid : child.killedPids())
        {
            assertFalse(alive(pid), () -> "pid " + pid + " is alive after the limit: " + child.describe());
        }
    }

    /**
     * Runs a child that hangs on purpose, doubling its limit (three tries at most) until it had reached its hang
     * ({@code reached} in its output) before the limit: on a loaded machine a JVM, and under xvfb-run an X server
     * too, can take longer than {@link #HANG_LIMIT} just to start, and a kill before the hang checks nothing.
     */
    private static ChildProcess.Result runUntilHung(
        final Pattern reached, final java.util.function.Function<Duration, ChildProcess> child) throws Exception
    {
        Duration limit = HANG_LIMIT;
        ChildProcess.Result result = child.apply(limit).run();
        for (int retry = 0; retry < 2 && !reached.matcher(result.output()).find(); retry++)
        {
            limit = limit.multipliedBy(4);
            result = child.apply(limit).run();
        }
        return result;
    }

    /** One hung child, diagnosed and killed at its limit; each test checks one thing about what that left. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WhenAChildHangs
    {
        private ChildProcess.Result child;

        @BeforeAll
        void runAChildThatHangs(@TempDir final Path hangDirectory) throws Exception
        {
            child = runUntilHung(Pattern.compile(READY), limit -> ChildProcess.javaMain(HangMain.class)
                .jvmFlags(ChildProcess.ENGINE_JVM_FLAGS).limit(limit).output(hangDirectory.resolve("hang.log")));
            assertTrue(child.output().contains(READY), () -> "the child did not reach its hang in " + HANG_LIMIT +
                ": " + child.describe());
        }

        @Test
        void shouldKillItAtItsLimit()
        {
            assertTrue(child.timedOut(), child::describe);
            assertEquals(-1, child.exitCode());
            assertTrue(child.survivors().isEmpty(), child::describe);
            assertFalse(alive(child.pid()), "the child is alive after its limit");
        }

        @Test
        void shouldNameTheMethodsItsMainAndIsochronThreadsWereStuckIn()
        {
            assertEquals(MAIN_STAGE + "; " + HOLDER_STAGE, child.stage());
        }

        @Test
        void shouldKeepItsThreadDumpInTheLogAndTheDiagnosis() throws Exception
        {
            final String diagnosis = Files.readString(child.diagnosis(), StandardCharsets.UTF_8);

            assertTrue(child.output().contains("Full thread dump"), child.output());
            assertTrue(diagnosis.startsWith("stage: " + child.stage() + "\n"), diagnosis);
            assertTrue(diagnosis.contains("\"" + HOLDER_THREAD + "\""), diagnosis);
        }

        @Test
        void shouldFailARequireFinishedWithTheCommandStageDiagnosisAndLogTail()
        {
            final AssertionError error = assertThrows(AssertionError.class, child::requireFinished);

            final String message = error.getMessage();
            assertTrue(message.startsWith("child ran past its limit of 6 s and was killed with its 1 process(es) [" +
                child.pid() + "]: " + ChildProcess.shellWords(child.command(), ChildProcess.MAX_WORD_CHARS) +
                "\nstuck in: " + child.stage() +
                "\nthread dumps and native stacks: " + child.diagnosis() + "\nlast 60 lines of " + child.log() + ":\n"),
                message);
            assertTrue(message.endsWith(child.tail(ChildProcess.TAIL_LINES)), message);
        }
    }

    private static boolean alive(final long pid)
    {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Prints a line to each stream, then exits with the code in its argument. */
    public static final class ExitMain
    {
        public static void main(final String[] args)
        {
            System.out.println("to stdout");
            System.out.flush();
            System.err.println("to stderr");
            System.err.flush();
            System.exit(Integer.parseInt(args[0]));
        }
    }

    /** Prints what the launcher set up for it. */
    public static final class EnvironmentMain
    {
        public static void main(final String[] args)
        {
            System.out.println("LP_NUM_THREADS=" + System.getenv("LP_NUM_THREADS") + " ISOCHRON_TEST_SET=" +
                System.getenv("ISOCHRON_TEST_SET") + " PATH=" + System.getenv("PATH") + " flag=" +
                System.getProperty("isochron.test.flag") + " dir=" + Path.of("").toAbsolutePath());
        }
    }

    /** Prints its X and Wayland displays. */
    public static final class DisplayMain
    {
        public static void main(final String[] args)
        {
            System.out.println("DISPLAY=" + System.getenv("DISPLAY") + " WAYLAND_DISPLAY=" + System.getenv("WAYLAND_DISPLAY"));
        }
    }

    /** Holds its main thread in {@link #holdMain} and an {@code isochron} thread in {@link #holdWorker}, forever. */
    public static final class HangMain
    {
        public static void main(final String[] args) throws InterruptedException
        {
            final Thread worker = new Thread(HangMain::holdWorker, HOLDER_THREAD);
            worker.setDaemon(true);
            worker.start();
            System.out.println(READY);
            System.out.flush();
            holdMain();
        }

        static void holdMain() throws InterruptedException
        {
            while (true)
            {
                Thread.sleep(60_000);
            }
        }

        static void holdWorker()
        {
            while (true)
            {
                LockSupport.park();
            }
        }
    }

    /** Starts {@code sleep 600}, prints its pid, then holds like {@link HangMain}. */
    public static final class GrandchildMain
    {
        public static void main(final String[] args) throws Exception
        {
            final Process sleep = new ProcessBuilder("sleep", "600").start();
            System.out.println("GRANDCHILD " + sleep.pid());
            System.out.flush();
            HangMain.holdMain();
        }
    }

    /**
     * Starts {@link HangMain} through the launcher with a long limit, prints its pid once it is up, then exits while
     * the launcher still waits for it, as a test JVM that Surefire ends does.
     */
    public static final class ExitingParentMain
    {
        public static void main(final String[] args) throws Exception
        {
            final Path log = Path.of(args[0]);
            final Thread waiter = new Thread(() ->
            {
                try
                {
                    ChildProcess.javaMain(HangMain.class).limit(Duration.ofMinutes(10)).output(log).run();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }, "launcher-waiter");
            waiter.setDaemon(true);
            waiter.start();
            while (!Files.exists(log) || !Files.readString(log).contains(READY))
            {
                Thread.sleep(50);
            }
            System.out.println("HELD " + ProcessHandle.current().children().findFirst().orElseThrow().pid());
            System.out.flush();
            System.exit(EXIT_CODE);
        }
    }
}
