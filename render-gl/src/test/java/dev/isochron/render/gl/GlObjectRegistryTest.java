package dev.isochron.render.gl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class GlObjectRegistryTest
{
    @Test
    void shouldReportNothingWhenEverythingWasRemoved()
    {
        final GlObjectRegistry registry = new GlObjectRegistry("test context");
        registry.register(GlObjectType.BUFFER, 3, "vertices");
        registry.remove(GlObjectType.BUFFER, 3);
        assertEquals("", registry.leakReport());
        assertEquals(0, registry.liveCount());
        assertEquals(1, registry.registeredCount());
        assertEquals(1, registry.removedCount());
    }

    @Test
    void shouldListLeakedObjectsInCreationOrder()
    {
        final GlObjectRegistry registry = new GlObjectRegistry("test context");
        registry.register(GlObjectType.TEXTURE, 7, "atlas.png");
        registry.register(GlObjectType.BUFFER, 7, "vertices");
        registry.register(GlObjectType.PROGRAM, 2, "sprite");
        registry.remove(GlObjectType.BUFFER, 7);
        assertEquals("2 GL object(s) leaked in test context (not disposed before the context closed):\n" +
            "  TEXTURE 7 'atlas.png'\n  PROGRAM 2 'sprite'", registry.leakReport());
        assertEquals(List.of("TEXTURE 7 'atlas.png'", "PROGRAM 2 'sprite'"), registry.liveObjects());
        assertEquals(1, registry.liveCount(GlObjectType.TEXTURE));
    }

    @Test
    void shouldRejectDoubleRemove()
    {
        final GlObjectRegistry registry = new GlObjectRegistry("test context");
        registry.register(GlObjectType.SHADER, 4, "sprite (vertex)");
        registry.remove(GlObjectType.SHADER, 4);
        final IllegalStateException failure = assertThrows(IllegalStateException.class,
            () -> registry.remove(GlObjectType.SHADER, 4));
        assertEquals("GL SHADER 4 is not registered in test context (deleted twice, or created by another context)",
            failure.getMessage());
    }

    @Test
    void shouldRejectNameZero()
    {
        final GlObjectRegistry registry = new GlObjectRegistry("test context");
        final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
            () -> registry.register(GlObjectType.TEXTURE, 0, "atlas"));
        assertEquals("GL TEXTURE 'atlas' has name 0: creation failed", failure.getMessage());
    }
}
