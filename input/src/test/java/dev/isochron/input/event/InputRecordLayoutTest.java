package dev.isochron.input.event;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.isochron.input.event.InputRecordLayout.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bound on the producers' writes into the input ring: each record type's fields, as {@code InputProducer} writes
 * them into the space {@code tryClaim} gave, follow one another from offset 0 and end exactly at the length claimed.
 * A field past the length would overwrite the next record's header inside the ring, where Agrona's bounds checks
 * (which only know the ring's capacity) cannot see it.
 */
class InputRecordLayoutTest
{
    private static final int LONG = Long.BYTES;
    private static final int INT = Integer.BYTES;
    private static final int DOUBLE = Double.BYTES;

    static Stream<Arguments> records()
    {
        return Stream.of(
            Arguments.of(KEY, new int[][]{{CAPTURE_NS_OFFSET, LONG}, {KEY_KEY_OFFSET, INT}, {KEY_SCANCODE_OFFSET, INT},
                {KEY_ACTION_OFFSET, INT}, {KEY_MODS_OFFSET, INT}}),
            Arguments.of(CHAR, new int[][]{{CAPTURE_NS_OFFSET, LONG}, {CHAR_CODE_POINT_OFFSET, INT}}),
            Arguments.of(MOUSE_MOVE, new int[][]{{CAPTURE_NS_OFFSET, LONG}, {MOVE_X_OFFSET, DOUBLE},
                {MOVE_Y_OFFSET, DOUBLE}, {MOVE_DX_OFFSET, DOUBLE}, {MOVE_DY_OFFSET, DOUBLE}}),
            Arguments.of(MOUSE_BUTTON, new int[][]{{CAPTURE_NS_OFFSET, LONG}, {BUTTON_BUTTON_OFFSET, INT},
                {BUTTON_ACTION_OFFSET, INT}, {BUTTON_MODS_OFFSET, INT}}),
            Arguments.of(SCROLL, new int[][]{{CAPTURE_NS_OFFSET, LONG}, {SCROLL_X_OFFSET, DOUBLE},
                {SCROLL_Y_OFFSET, DOUBLE}}),
            Arguments.of(CURSOR_ENTER, new int[][]{{CAPTURE_NS_OFFSET, LONG}, {FLAG_OFFSET, INT}}),
            Arguments.of(WINDOW_RESIZE, new int[][]{{CAPTURE_NS_OFFSET, LONG}, {SIZE_WIDTH_OFFSET, INT},
                {SIZE_HEIGHT_OFFSET, INT}}),
            Arguments.of(FRAMEBUFFER_RESIZE, new int[][]{{CAPTURE_NS_OFFSET, LONG}, {SIZE_WIDTH_OFFSET, INT},
                {SIZE_HEIGHT_OFFSET, INT}}),
            Arguments.of(FOCUS, new int[][]{{CAPTURE_NS_OFFSET, LONG}, {FLAG_OFFSET, INT}}),
            Arguments.of(ICONIFY, new int[][]{{CAPTURE_NS_OFFSET, LONG}, {FLAG_OFFSET, INT}}),
            Arguments.of(CLOSE_REQUEST, new int[][]{{CAPTURE_NS_OFFSET, LONG}}),
            Arguments.of(GAMEPAD, new int[][]{{CAPTURE_NS_OFFSET, LONG}, {GAMEPAD_JID_OFFSET, INT},
                {GAMEPAD_FLAGS_OFFSET, INT}, {GAMEPAD_BUTTONS_OFFSET, LONG}, {GAMEPAD_AXIS_COUNT_OFFSET, INT},
                {GAMEPAD_AXES_OFFSET, MAX_AXES * Float.BYTES}}),
            Arguments.of(FILE_DROP, new int[][]{{CAPTURE_NS_OFFSET, LONG}, {DROP_SEQUENCE_OFFSET, LONG},
                {DROP_COUNT_OFFSET, INT}}));
    }

    @ParameterizedTest(name = "type {0}")
    @MethodSource("records")
    void shouldPackEveryFieldInsideTheLengthItsProducerClaims(final int typeId, final int[][] fields)
    {
        int end = 0;
        for (final int[] field : fields)
        {
            assertEquals(end, field[0], "type " + typeId + ": a field starts where the one before ends");
            end = field[0] + field[1];
        }

        assertEquals(lengthOf(typeId), end, "type " + typeId + ": the fields end at the length claimed");
        assertTrue(end <= MAX_LENGTH, "type " + typeId + " is longer than MAX_LENGTH");
    }
}
