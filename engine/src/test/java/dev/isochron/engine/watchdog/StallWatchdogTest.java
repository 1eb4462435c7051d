package dev.isochron.engine.watchdog;

import dev.isochron.engine.loop.ManualClock;
import dev.isochron.engine.testing.AllocationGate;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StallWatchdogTest
{
    private static final long THRESHOLD_NS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long STALL_MS = 200;

    static final class Report
    {
        final String name;
        final Thread thread;
        final long stalledNs;
        final StackTraceElement[] stack;
        final long count;

        Report(final String name, final Thread thread, final long stalledNs, final StackTraceElement[] stack,
            final long count)
        {
            this.name = name;
            this.thread = thread;
            this.stalledNs = stalledNs;
            this.stack = stack;
            this.count = count;
        }

        boolean hasFrame(final String className, final String methodName)
        {
            for (final StackTraceElement frame : stack)
            {
                if (frame.getClassName().equals(className) && frame.getMethodName().equals(methodName))
                {
                    return true;
                }
            }
            return false;
        }
    }

    private static StallWatchdogConfig realTimeConfig(final List<Report> reports)
    {
        return new StallWatchdogConfig()
            .stallThresholdNs(THRESHOLD_NS)
            .pollPeriodNs(POLL_NS)
            .threadName("test-watchdog")
            .reporter((name, thread, stalledNs, stack, count) ->
                reports.add(new Report(name, thread, stalledNs, stack, count)));
    }

    /** Sleeps inside one unit of work: the frame the watchdog must find in the stack. */
    static void stallInsideWork(final Heartbeat heartbeat, final long sleepMs) throws InterruptedException
    {
        heartbeat.beginWork(SystemNanoClock.INSTANCE.nanoTime());
        Thread.sleep(sleepMs);
        heartbeat.endWork(SystemNanoClock.INSTANCE.nanoTime());
    }

    private static Thread runOnThread(final String name, final ThrowingRunnable body)
    {
        final Thread thread = new Thread(() ->
        {
            try
            {
                body.run();
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
        }, name);
        thread.start();
        return thread;
    }

    @FunctionalInterface
    interface ThrowingRunnable
    {
        void run() throws Exception;
    }

    @Test
    void shouldReportASleepingThreadOnceWithTheSleepingFrameInItsStack() throws Exception
    {
        final List<Report> reports = new CopyOnWriteArrayList<>();
        try (StallWatchdog watchdog = new StallWatchdog(realTimeConfig(reports)).start())
        {
            final Heartbeat heartbeat = watchdog.register("sim");
            final Thread sim = runOnThread("sim-thread", () -> stallInsideWork(heartbeat, STALL_MS));
            sim.join();
            Thread.sleep(4 * TimeUnit.NANOSECONDS.toMillis(POLL_NS));

            assertEquals(1, reports.size(), "reports");
            final Report report = reports.get(0);
            assertEquals("sim", report.name);
            assertSame(sim, report.thread);
            assertTrue(report.stalledNs > THRESHOLD_NS, "stalled " + report.stalledNs + " ns");
            assertEquals(1, report.count);
            assertTrue(report.hasFrame(StallWatchdogTest.class.getName(), "stallInsideWork"),
                "stack has the sleeping work frame");
            assertTrue(report.hasFrame(Thread.class.getName(), "sleep"), "stack has Thread.sleep");
            assertEquals(1, heartbeat.stalls());
            assertEquals(1, watchdog.stalls());
        }
    }

    @Test
    void shouldReportAgainOnlyAfterTheThreadRecoveredAndStalledAnew() throws Exception
    {
        final List<Report> reports = new CopyOnWriteArrayList<>();
        try (StallWatchdog watchdog = new StallWatchdog(realTimeConfig(reports)).start())
        {
            final Heartbeat heartbeat = watchdog.register("render");
            final Thread render = runOnThread("render-thread", () ->
            {
                stallInsideWork(heartbeat, STALL_MS);
                for (int i = 0; i < 1000; i++)
                {
                    heartbeat.beginWork(SystemNanoClock.INSTANCE.nanoTime());
                    heartbeat.endWork(SystemNanoClock.INSTANCE.nanoTime());
                }
                stallInsideWork(heartbeat, STALL_MS);
            });
            render.join();
            Thread.sleep(4 * TimeUnit.NANOSECONDS.toMillis(POLL_NS));

            assertEquals(2, reports.size(), "reports");
            assertEquals(1, reports.get(0).count);
            assertEquals(2, reports.get(1).count);
            assertTrue(reports.get(1).hasFrame(Thread.class.getName(), "sleep"), "second stack has Thread.sleep");
            assertEquals(2, heartbeat.stalls());
            assertEquals(2, watchdog.stalls());
            assertEquals(1002, heartbeat.unitsCompleted());
        }
    }

    @Test
    void shouldReportOnlyWorkLongerThanTheThresholdAndEachStallOnce()
    {
        final ManualClock clock = new ManualClock(1_000);
        final List<Report> reports = new CopyOnWriteArrayList<>();
        final StallWatchdog watchdog = new StallWatchdog(realTimeConfig(reports).clock(clock));
        final Heartbeat heartbeat = watchdog.register("sim", Thread.currentThread());

        heartbeat.beginWork(clock.nanoTime());
        assertEquals(0, watchdog.poll(1_000 + THRESHOLD_NS), "exactly the threshold is not a stall");
        assertEquals(1, watchdog.poll(1_000 + THRESHOLD_NS + 1));
        assertEquals(0, watchdog.poll(1_000 + 10 * THRESHOLD_NS), "the same stall is reported once");
        heartbeat.endWork(1_000 + 10 * THRESHOLD_NS);
        assertEquals(0, watchdog.poll(1_000 + 20 * THRESHOLD_NS), "an idle thread is not stalled");

        final long secondStart = 1_000 + 30 * THRESHOLD_NS;
        heartbeat.beginWork(secondStart);
        assertEquals(1, watchdog.poll(secondStart + THRESHOLD_NS + 1), "a new stall after recovery is reported");
        assertEquals(2, reports.size());
        assertEquals(THRESHOLD_NS + 1, reports.get(1).stalledNs);
        assertEquals(2, watchdog.stalls());
    }

    @Test
    void shouldCheckEveryHeartbeatAndNameTheStalledOne()
    {
        final List<Report> reports = new CopyOnWriteArrayList<>();
        final StallWatchdog watchdog = new StallWatchdog(realTimeConfig(reports));
        final Heartbeat sim = watchdog.register("sim", Thread.currentThread());
        final Heartbeat render = watchdog.register("render", Thread.currentThread());

        sim.beginWork(0);
        sim.endWork(10);
        render.beginWork(0);
        assertEquals(1, watchdog.poll(THRESHOLD_NS * 2));

        assertEquals("render", reports.get(0).name);
        assertEquals(0, sim.stalls());
        assertEquals(1, render.stalls());
    }

    @Test
    void shouldNotAllocateOnTheMonitoredThreadInBeginAndEndWork() throws Exception
    {
        final List<Report> reports = new CopyOnWriteArrayList<>();
        // a long threshold: the monitor polls throughout, but a preempted test thread is not a stall here
        try (StallWatchdog watchdog = new StallWatchdog(realTimeConfig(reports)
            .stallThresholdNs(TimeUnit.SECONDS.toNanos(30))).start())
        {
            final Heartbeat heartbeat = watchdog.register("sim");
            AllocationGate.assertSteadyZero("Heartbeat.beginWork/endWork", 20_000, 10_000, i ->
            {
                heartbeat.beginWork(SystemNanoClock.INSTANCE.nanoTime());
                heartbeat.endWork(SystemNanoClock.INSTANCE.nanoTime());
            });
            assertEquals(0, reports.size(), "no stall while the work is short");
        }
    }

    @Test
    void shouldRefuseAThresholdThatIsNotPositiveWithAClearMessage()
    {
        final IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
            () -> new StallWatchdogConfig().stallThresholdNs(0));
        assertEquals("stallThresholdNs must be > 0 (a unit of work longer than this is a stall), was 0", zero.getMessage());
        final IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
            () -> new StallWatchdogConfig().stallThresholdNs(-5));
        assertTrue(negative.getMessage().endsWith("was -5"), negative.getMessage());
    }

    @Test
    void shouldRefuseAPollPeriodLongerThanTheThreshold()
    {
        final StallWatchdogConfig config = new StallWatchdogConfig()
            .stallThresholdNs(TimeUnit.MILLISECONDS.toNanos(10))
            .pollPeriodNs(TimeUnit.MILLISECONDS.toNanos(20));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new StallWatchdog(config));
        assertTrue(ex.getMessage().startsWith("pollPeriodNs 20000000 must not exceed stallThresholdNs 10000000"),
            ex.getMessage());
    }

    @Test
    void shouldRefuseADuplicateHeartbeatName()
    {
        final StallWatchdog watchdog = new StallWatchdog(new StallWatchdogConfig());
        watchdog.register("sim");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> watchdog.register("sim"));
        assertTrue(ex.getMessage().contains("'sim' is already registered"), ex.getMessage());
    }

    @Test
    void shouldRethrowAReporterFailureOnClose() throws Exception
    {
        final IllegalStateException boom = new IllegalStateException("reporter failed");
        final StallWatchdog watchdog = new StallWatchdog(new StallWatchdogConfig()
            .stallThresholdNs(THRESHOLD_NS)
            .pollPeriodNs(POLL_NS)
            .reporter((name, thread, stalledNs, stack, count) ->
            {
                throw boom;
            })).start();
        final Heartbeat heartbeat = watchdog.register("sim");
        final Thread sim = runOnThread("sim-thread", () -> stallInsideWork(heartbeat, STALL_MS));
        sim.join();

        final IllegalStateException ex = assertThrows(IllegalStateException.class, watchdog::close);
        assertTrue(hasCause(ex, boom), "close() rethrows the reporter's error: " + ex);
    }

    @Test
    void shouldJudgeEachThreadsFirstUnitsOfWorkAgainstTheStartUpBudget()
    {
        final ManualClock clock = new ManualClock(1_000);
        final List<Report> reports = new CopyOnWriteArrayList<>();
        final StallWatchdog watchdog = new StallWatchdog(realTimeConfig(reports).clock(clock)
            .startUp(2, 4 * THRESHOLD_NS));
        final Heartbeat heartbeat = watchdog.register("render", Thread.currentThread());

        heartbeat.beginWork(1_000);
        assertTrue(watchdog.inStartUp(heartbeat));
        assertEquals(0, watchdog.poll(1_000 + 3 * THRESHOLD_NS), "a slow first frame is start-up time");
        heartbeat.endWork(1_000 + 3 * THRESHOLD_NS);
        final long second = 1_000 + 10 * THRESHOLD_NS;
        heartbeat.beginWork(second);
        assertEquals(1, watchdog.poll(second + 4 * THRESHOLD_NS + 1), "start-up work beyond its budget is a stall");
        heartbeat.endWork(second + 5 * THRESHOLD_NS);
        final long third = 1_000 + 20 * THRESHOLD_NS;
        heartbeat.beginWork(third);

        assertFalse(watchdog.inStartUp(heartbeat));
        assertEquals(1, watchdog.poll(third + THRESHOLD_NS + 1), "after start-up the threshold applies");
        assertEquals(2, reports.size());
    }

    @Test
    void shouldRefuseAStartUpBudgetBelowTheThreshold()
    {
        final StallWatchdogConfig config = new StallWatchdogConfig().stallThresholdNs(THRESHOLD_NS)
            .startUp(10, THRESHOLD_NS - 1);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new StallWatchdog(config));

        assertEquals("start-up threshold 49999999 ns must not be below stallThresholdNs 50000000: start-up work " +
            "gets a longer budget, not a shorter one", ex.getMessage());
    }

    @Test
    void shouldRefuseNegativeStartUpUnits()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new StallWatchdogConfig().startUp(-1, THRESHOLD_NS));

        assertEquals("start-up units must be >= 0 (0: no start-up allowance), was -1", ex.getMessage());
    }

    @Test
    void shouldPrintThreadNameDurationAndStackWithTheDefaultReporter()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final StallReporter reporter = StallReporter.printingTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final StackTraceElement[] stack = {new StackTraceElement("a.B", "tick", "B.java", 42)};

        reporter.onStall("sim", null, TimeUnit.MILLISECONDS.toNanos(321), stack, 3);

        final String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("thread 'sim' has been in one unit of work for 321 ms (stall #3)"), text);
        assertTrue(text.contains("\tat a.B.tick(B.java:42)"), text);
    }

    private static boolean hasCause(final Throwable top, final Throwable wanted)
    {
        for (Throwable t = top; null != t; t = t.getCause())
        {
            if (t == wanted)
            {
                return true;
            }
        }
        return false;
    }
}
