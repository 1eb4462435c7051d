package dev.isochron.demo.sprites;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpriteFieldTest
{
    private static final float WIDTH = 640;
    private static final float HEIGHT = 360;
    private static final long SEED = 11;

    @Test
    void shouldMoveOnlyTheActivatedSprites()
    {
        final SpriteField field = new SpriteField(10, WIDTH, HEIGHT, SEED);
        final float lastX = field.x(9);
        final float firstX = field.x(0);
        field.activate(5);

        field.step(0.1f, WIDTH, HEIGHT);

        assertEquals(5, field.active());
        assertEquals(10, field.count());
        assertNotEquals(firstX, field.x(0));
        assertEquals(lastX, field.x(9));
    }

    @Test
    void shouldRefuseMoreActiveSpritesThanItHolds()
    {
        final SpriteField field = new SpriteField(10, WIDTH, HEIGHT, SEED);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> field.activate(11));

        assertEquals("active sprites must be in [0, 10], was 11", ex.getMessage());
    }
}
