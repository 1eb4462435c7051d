package dev.isochron.engine.testing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Reading the stage from a JDK 17 thread dump and from gdb's native stacks (fixtures cut from real ones). */
class StuckStageTest
{
    private static final String JAVA_DUMP = """
        READY
        2026-12-04 04:18:36
        Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing):

        "main" #1 prio=5 os_prio=0 cpu=514.88ms elapsed=4.62s tid=0x00007f1204018040 nid=0x5d75 runnable  [0x00007f120b9fe000]
           java.lang.Thread.State: RUNNABLE
        \tat org.lwjgl.glfw.GLFW.glfwInit(GLFW.java:1046)
        \tat dev.isochron.render.context.GlfwWindowContext.initialiseGlfw(GlfwWindowContext.java:120)
        \tat dev.isochron.render.context.GlfwWindowContext.open(GlfwWindowContext.java:80)

        "Reference Handler" #2 daemon prio=10 os_prio=0 cpu=0.52ms elapsed=4.45s tid=0x00007f12040f6c20 nid=0x5d81 waiting on condition  [0x00007f120857a000]
           java.lang.Thread.State: RUNNABLE
        \tat java.lang.ref.Reference.waitForReferencePendingList(java.base@17.0.15/Native Method)

        "isochron-render" #14 prio=5 os_prio=0 cpu=3.10ms elapsed=4.20s tid=0x00007f1204146ec0 nid=0x5d90 waiting on condition  [0x00007f11e109e000]
           java.lang.Thread.State: WAITING (parking)
        \tat jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
        \t- parking to wait for  <0x00000000fe2c1a40> (a java.util.concurrent.CountDownLatch$Sync)
        \tat java.util.concurrent.locks.LockSupport.park(java.base@17.0.15/LockSupport.java:211)
        \tat dev.isochron.render.runtime.RenderThread.awaitContext(RenderThread.java:55)

        "isochron-watchdog" #15 daemon prio=5 os_prio=0 cpu=0.10ms elapsed=4.20s tid=0x00007f1204147ec0 nid=0x5d91 runnable
           java.lang.Thread.State: RUNNABLE
        \tat dev.isochron.engine.watchdog.Watchdog.run(Watchdog.java:40)

        "VM Thread" os_prio=0 cpu=1.90ms elapsed=4.46s tid=0x00007f12040f2d20 nid=0x5d80 runnable

        JNI global refs: 7, weak refs: 0

        "not a thread" after the dump
        """;

    private static final String NATIVE_STACKS = """
        [New LWP 23925]
        Thread 3 (Thread 0x7f11e109f6c0 (LWP 23990) "isochron-render"):
        #0  __futex_abstimed_wait_common64 (private=0, cancel=true, abstime=0x0, op=393, expected=0, futex_word=0x7f12) at ./nptl/futex-internal.c:57
        #1  0x00007f120c637008 in os::PlatformEvent::park() () from /usr/lib/jvm/java-17-openjdk-amd64/lib/server/libjvm.so
        #2  0x00007f11f49455da in ?? ()

        Thread 2 (Thread 0x7f120b9ff6c0 (LWP 23925) "java"):
        #0  __lll_lock_wait (futex=futex@entry=0x7f120d1a1a08 <_rtld_global+2568>, private=0) at ./nptl/lowlevellock.c:49
        #1  0x00007f120cfcfee2 in lll_mutex_lock_optimized (mutex=0x7f120d1a1a08 <_rtld_global+2568>) at ./nptl/pthread_mutex_lock.c:48
        #2  ___pthread_mutex_lock (mutex=0x7f120d1a1a08 <_rtld_global+2568>) at ./nptl/pthread_mutex_lock.c:93
        #3  0x00007f120d17c1a1 in _dl_open (file=0x7f11e0012345 "libGLX_mesa.so.0", mode=-2147483646) at ./elf/dl-open.c:827
        #4  0x00007f120cfcb7a4 in dlopen_doit (a=a@entry=0x7f120b9fd7e0) at ./dlfcn/dlopen.c:56
        #5  0x00007f11e04a1b2c in _glfwPlatformLoadModule () from /tmp/lwjgl/libglfw.so
        #6  0x00007f11e04a0f11 in glfwInit () from /tmp/lwjgl/libglfw.so
        #7  0x00007f11f49455da in ?? ()

        Thread 1 (Thread 0x7f120cf44b80 (LWP 23922) "java"):
        #0  __futex_abstimed_wait_common64 (private=128, cancel=true, abstime=0x0, op=265, expected=23925, futex_word=0x7f120b9ff990) at ./nptl/futex-internal.c:57
        #4  0x00007f120d13067a in CallJavaMainInNewThread () from /usr/lib/jvm/java-17-openjdk-amd64/bin/../lib/libjli.so

        Thread 4 (Thread 0x7f12083246c0 (LWP 23939) "Signal Dispatch"):
        #0  __futex_abstimed_wait_common64 (private=<optimized out>, cancel=true, abstime=0x0, op=393, expected=0, futex_word=0x7f12040038a0) at ./nptl/futex-internal.c:57
        [Inferior 1 (process 23922) detached]
        """;

    @Test
    void shouldNameTheTopAndFirstIsochronFrameOfMainAndEachIsochronThread()
    {
        assertEquals("main: org.lwjgl.glfw.GLFW.glfwInit via dev.isochron.render.context.GlfwWindowContext.initialiseGlfw; " +
            "isochron-render: jdk.internal.misc.Unsafe.park via dev.isochron.render.runtime.RenderThread.awaitContext; " +
            "isochron-watchdog: dev.isochron.engine.watchdog.Watchdog.run", StuckStage.fromJavaDump(JAVA_DUMP));
    }

    @Test
    void shouldFallBackToTheFirstFrameOutsideTheJdkWhereNoIsochronFrameIsOnTheStack()
    {
        final String dump = """
            Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing):

            "main" #1 prio=5 os_prio=0 cpu=1.00ms elapsed=20.00s tid=0x00007f1204018040 nid=0x5d75 in Object.wait()
               java.lang.Thread.State: WAITING (on object monitor)
            \tat java.lang.Object.wait(java.base@17.0.15/Native Method)
            \tat java.lang.Object.wait(java.base@17.0.15/Object.java:338)
            \tat org.openjdk.jcstress.infra.runners.TestExecutor.awaitAll(TestExecutor.java:90)
            \tat org.openjdk.jcstress.JCStress.run(JCStress.java:60)

            JNI global refs: 7, weak refs: 0
            """;

        assertEquals("main: java.lang.Object.wait via org.openjdk.jcstress.infra.runners.TestExecutor.awaitAll",
            StuckStage.fromJavaDump(dump));
    }

    @Test
    void shouldFindNoStageWhereThereIsNoThreadDump()
    {
        assertNull(StuckStage.fromJavaDump("READY\nsome output\n"));
    }

    @Test
    void shouldNameTheJavaMainThreadAndIsochronThreadsFromNativeStacks()
    {
        assertEquals("isochron-render (native): __futex_abstimed_wait_common64 via os::PlatformEvent::park(); " +
            "main (native): __lll_lock_wait via _glfwPlatformLoadModule", StuckStage.fromNativeStacks(NATIVE_STACKS, 23922));
    }
}
