package dev.isochron.input.state;

import dev.isochron.engine.testing.ClassConstants;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** InputState is queried every tick on the simulation thread: see {@link ClassConstants} for why it holds no String constant. */
class InputStateConstantPoolTest
{
    @Test
    void shouldKeepStringConstantsOutOfTheClassQueriedEveryTick() throws IOException
    {
        assertEquals(List.of(), ClassConstants.stringConstants(InputState.class),
            "move these literals to InputState.Messages: their resolution at the first C2 compile of a per-tick " +
            "query allocates on the simulation thread");
    }
}
