package dev.isochron.render.batch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InterpolationTest
{
    private static final float EPSILON = 1e-5f;

    @Test
    void shouldBlendLinearlyBetweenTicks()
    {
        assertEquals(12.5f, Interpolation.lerp(10f, 20f, 0.25f), EPSILON);
    }

    @Test
    void shouldTurnThroughZeroWhenThatIsTheShorterArc()
    {
        final float from = (float)Math.toRadians(350);
        final float to = (float)Math.toRadians(10);
        final float half = Interpolation.lerpAngle(from, to, 0.5f);
        assertEquals(0f, (float)Math.IEEEremainder(half, 2 * Math.PI), 1e-5f);
    }

    @Test
    void shouldWrapTheDifferenceIntoMinusPiToPi()
    {
        assertEquals((float)Math.toRadians(-20), Interpolation.shortestAngle((float)Math.toRadians(10),
            (float)Math.toRadians(710)), 1e-4f);
    }

    @Test
    void shouldReturnThePreviousAngleAtAlphaZero()
    {
        assertEquals(3f, Interpolation.lerpAngle(3f, -3f, 0f), EPSILON);
    }
}
