package dev.isochron.demo;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Running out of memory is one line saying which memory ran out and how to size it, not a stack trace. */
class OutOfMemoryAdviceTest
{
    private static final long HEAP_256_MIB = 256L * 1024 * 1024;

    @Test
    void shouldNameTheHeapAndItsLimitAndSayHowToSizeIt()
    {
        final DemoSettings settings = DemoLauncher.parse("chart", "--headless", "--count", "50000000");

        assertEquals("out of Java heap memory (Java heap space, the heap's limit is 256 MiB) running the chart scene " +
            "with --count 50000000 at 1280x720: give the JVM a larger heap (java -Xmx4g -jar ...) or lower --count",
            OutOfMemoryAdvice.line(new OutOfMemoryError("Java heap space"), settings, HEAP_256_MIB));
    }

    @Test
    void shouldNameDirectBufferMemoryAndItsFlag()
    {
        final DemoSettings settings = DemoLauncher.parse("--headless");

        assertEquals("out of direct buffer memory (off-heap, Direct buffer memory) running the sprites scene with " +
            "--count 100000 at 1280x720: raise -XX:MaxDirectMemorySize (java -XX:MaxDirectMemorySize=2g -jar ...) " +
            "or lower --count",
            OutOfMemoryAdvice.line(new OutOfMemoryError("Direct buffer memory"), settings, HEAP_256_MIB));
    }

    @Test
    void shouldNameNativeMemoryWhenLwjglsAllocationFailed()
    {
        final DemoSettings settings = DemoLauncher.parse("--headless", "--width", "16384", "--height", "16384");

        assertEquals("out of native (off-heap) memory running the sprites scene with --count 100000 at 16384x16384: " +
            "the machine or container has no memory left for vertex buffers and framebuffers; lower --count, " +
            "--width or --height, or free memory (-Xmx does not help: this memory is outside the heap)",
            OutOfMemoryAdvice.line(new OutOfMemoryError(), settings, HEAP_256_MIB));
    }

    @Test
    void shouldFindTheErrorBehindTheRuntimesFailure()
    {
        final OutOfMemoryError error = new OutOfMemoryError("Java heap space");
        final RuntimeException failure = new RuntimeException("render failed", error);

        assertSame(error, OutOfMemoryAdvice.find(failure));
        assertNull(OutOfMemoryAdvice.find(new RuntimeException("render failed")));
    }

    @Test
    void shouldPrintOneLineAndExitOne()
    {
        final StringWriter err = new StringWriter();

        final int exit = DemoLauncher.onOutOfMemory(new OutOfMemoryError("Java heap space"),
            new OutOfMemoryError("Java heap space"), DemoLauncher.parse("--headless"), new PrintWriter(err, true));

        assertEquals(DemoLauncher.EXIT_FAILED, exit);
        assertEquals(1, err.toString().strip().split("\\R").length, err.toString());
    }
}
