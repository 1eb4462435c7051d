package dev.isochron.engine.thread;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentThreadTest
{
    private static final long WAIT_SECONDS = 30;

    static final class CountingAgent implements Agent
    {
        final AtomicInteger work = new AtomicInteger();
        final AtomicReference<String> threadName = new AtomicReference<>();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        volatile RuntimeException failEveryCall;

        public void onStart()
        {
            threadName.set(Thread.currentThread().getName());
            started.countDown();
        }

        public int doWork()
        {
            work.incrementAndGet();
            final RuntimeException ex = failEveryCall;
            if (null != ex)
            {
                throw ex;
            }
            return 0;
        }

        public void onClose()
        {
            closed.countDown();
        }

        public String roleName()
        {
            return "counter";
        }
    }

    @Test
    void shouldRunAgentOnNamedThread() throws Exception
    {
        final CountingAgent agent = new CountingAgent();
        final AgentThread thread = AgentThread.start("isochron-sim", agent, new SleepingIdleStrategy(100_000));
        try
        {
            assertTrue(agent.started.await(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals("isochron-sim", agent.threadName.get());
            assertEquals("isochron-sim", thread.thread().getName());
        }
        finally
        {
            thread.close();
        }
    }

    @Test
    void shouldJoinThreadAndRunOnCloseWhenClosed() throws Exception
    {
        final CountingAgent agent = new CountingAgent();
        final AgentThread thread = AgentThread.start("isochron-closing", agent);
        assertTrue(agent.started.await(WAIT_SECONDS, TimeUnit.SECONDS));
        thread.close();
        assertEquals(0, agent.closed.getCount());
        assertFalse(thread.thread().isAlive());
        assertTrue(thread.isClosed());
    }

    @Test
    void shouldRecordFirstErrorWithThreadNameAndCountAll() throws Exception
    {
        final CountingAgent agent = new CountingAgent();
        final IllegalStateException boom = new IllegalStateException("boom");
        agent.failEveryCall = boom;
        final AgentThread thread = AgentThread.start("isochron-failing", agent, new SleepingIdleStrategy(100_000));
        while (thread.errors().errorCount() < 3)
        {
            Thread.sleep(1);
        }
        assertSame(boom, thread.errors().firstError().error());
        assertEquals("isochron-failing", thread.errors().firstError().threadName());
        final IllegalStateException ex = assertThrows(IllegalStateException.class, thread::close);
        assertTrue(ex.getMessage().startsWith(
            "agent 'counter' failed on thread 'isochron-failing': java.lang.IllegalStateException: boom ("), ex.getMessage());
        assertSame(boom, ex.getCause());
        assertFalse(thread.thread().isAlive());
    }

    @Test
    void shouldRecordErrorsOfAnAgentRunByAnInvoker()
    {
        final CountingAgent agent = new CountingAgent();
        agent.failEveryCall = new IllegalArgumentException("bad input");
        final ErrorRecorder errors = new ErrorRecorder("agent 'counter'");
        try (AgentInvoker invoker = new AgentInvoker(errors, null, agent))
        {
            invoker.start();
            invoker.invoke();
            invoker.invoke();
        }
        assertEquals(2L, errors.errorCount());
        assertEquals(Thread.currentThread().getName(), errors.firstError().threadName());
        assertThrows(IllegalStateException.class, errors::rethrowIfFailed);
    }

    @Test
    void shouldRejectEmptyThreadName()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> AgentThread.start("", new CountingAgent()));
        assertEquals("threadName must be a non-empty string, was \"\"", ex.getMessage());
    }
}
