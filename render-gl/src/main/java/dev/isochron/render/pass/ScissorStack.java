package dev.isochron.render.pass;

import dev.isochron.render.batch.DrawCommands;
import dev.isochron.render.batch.QuadClips;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;

/**
 * A pass's clip rectangles: {@link #push} intersects a rectangle with the one in force (the pass's own scissor
 * rectangle at the bottom, when it has one) and {@link #pop} returns to the one before. Each quad recorded into the
 * pass's batches is clipped by the rectangle in force when it was recorded, whatever order the sprite batch later draws
 * it in; the renderer splits runs where the clip changes.
 * <p>
 * Rectangles are in the pass target's pixels, origin top-left, y down (the HUD's space on the default target),
 * whatever the pass's projection or viewport.
 * <p>
 * How: each push and pop notes the batches' sizes and the rectangle that applies from there on; drawing looks each
 * quad's recording position up in those notes. Render thread; allocation-free, with a fixed depth ({@link #MAX_DEPTH})
 * and a fixed number of pushes and pops per frame ({@link #MAX_CHANGES_PER_FRAME}); exceeding either, or popping an
 * empty stack, throws naming the pass.
 */
public final class ScissorStack
{
    /** Most rectangles pushed at once. */
    public static final int MAX_DEPTH = 16;
    /** Most pushes and pops per pass and frame. */
    public static final int MAX_CHANGES_PER_FRAME = 512;
    /** The clip of a quad recorded with nothing pushed: the pass's own scissor rectangle, or none. */
    static final int BASE = -1;

    private final String pass;
    private final SpriteBatch sprites;
    private final ShapeBatch shapes;
    private final int[] stack = new int[MAX_DEPTH];
    // the frame's rectangles, one per push (already intersected)
    private final int[] clipX = new int[MAX_CHANGES_PER_FRAME];
    private final int[] clipY = new int[MAX_CHANGES_PER_FRAME];
    private final int[] clipW = new int[MAX_CHANGES_PER_FRAME];
    private final int[] clipH = new int[MAX_CHANGES_PER_FRAME];
    // the frame's notes: from these batch sizes on, this clip applies
    private final int[] markSprites = new int[MAX_CHANGES_PER_FRAME];
    private final int[] markShapes = new int[MAX_CHANGES_PER_FRAME];
    private final int[] markClip = new int[MAX_CHANGES_PER_FRAME];
    private final QuadClips spriteClips = new SpriteClips();
    private final QuadClips shapeClips = new ShapeClips();
    private boolean hasBase;
    private int baseX;
    private int baseY;
    private int baseW;
    private int baseH;
    private int depth;
    private int clips;
    private int marks;

    ScissorStack(final String pass, final SpriteBatch sprites, final ShapeBatch shapes)
    {
        this.pass = pass;
        this.sprites = sprites;
        this.shapes = shapes;
    }

    /** The pass's own scissor rectangle: the bottom of the stack. Start-up. */
    void base(final int x, final int y, final int width, final int height)
    {
        hasBase = true;
        baseX = x;
        baseY = y;
        baseW = width;
        baseH = height;
    }

    /**
     * Clips what the pass records from now on to the rectangle, intersected with the one in force. Allocation-free.
     *
     * @throws IllegalStateException naming the pass when {@link #MAX_DEPTH} rectangles are pushed already, or the
     *                               frame's {@link #MAX_CHANGES_PER_FRAME} pushes and pops are used up.
     */
    public void push(final int x, final int y, final int width, final int height)
    {
        if (depth == MAX_DEPTH)
        {
            throw Messages.tooDeep(pass);
        }
        if (width < 0 || height < 0)
        {
            throw Messages.negative(pass, width, height);
        }
        final int clip = clips;
        if (clip == MAX_CHANGES_PER_FRAME || marks == MAX_CHANGES_PER_FRAME)
        {
            throw Messages.tooManyChanges(pass);
        }
        int x0 = x;
        int y0 = y;
        int x1 = x + width;
        int y1 = y + height;
        final int top = 0 == depth ? BASE : stack[depth - 1];
        if (BASE != top)
        {
            x0 = Math.max(x0, clipX[top]);
            y0 = Math.max(y0, clipY[top]);
            x1 = Math.min(x1, clipX[top] + clipW[top]);
            y1 = Math.min(y1, clipY[top] + clipH[top]);
        }
        else if (hasBase)
        {
            x0 = Math.max(x0, baseX);
            y0 = Math.max(y0, baseY);
            x1 = Math.min(x1, baseX + baseW);
            y1 = Math.min(y1, baseY + baseH);
        }
        clipX[clip] = x0;
        clipY[clip] = y0;
        clipW[clip] = Math.max(0, x1 - x0);
        clipH[clip] = Math.max(0, y1 - y0);
        clips = clip + 1;
        stack[depth++] = clip;
        mark(clip);
    }

    /**
     * Returns to the rectangle in force before the last {@link #push}. Allocation-free.
     *
     * @throws IllegalStateException naming the pass when nothing is pushed.
     */
    public void pop()
    {
        if (0 == depth)
        {
            throw Messages.underflow(pass);
        }
        if (marks == MAX_CHANGES_PER_FRAME)
        {
            throw Messages.tooManyChanges(pass);
        }
        depth--;
        mark(0 == depth ? BASE : stack[depth - 1]);
    }

    /** @return rectangles pushed and not popped. */
    public int depth()
    {
        return depth;
    }

    private void mark(final int clip)
    {
        final int m = marks++;
        markSprites[m] = sprites.size();
        markShapes[m] = shapes.size();
        markClip[m] = clip;
    }

    /** Forgets the frame's rectangles (the pass's own stays). */
    void clear()
    {
        depth = 0;
        clips = 0;
        marks = 0;
    }

    /** @return whether any quad this frame may be clipped other than by the base. */
    boolean changed()
    {
        return marks > 0;
    }

    /**
     * @throws IllegalStateException naming the pass when rectangles are still pushed: each push needs its pop
     *                               within the frame.
     */
    void checkBalanced()
    {
        if (0 != depth)
        {
            throw Messages.unbalanced(pass, depth);
        }
    }

    /** Records the base clip's scissor state. */
    void applyBase(final DrawCommands commands)
    {
        apply(BASE, commands);
    }

    QuadClips spriteClips()
    {
        return spriteClips;
    }

    QuadClips shapeClips()
    {
        return shapeClips;
    }

    private void apply(final int clip, final DrawCommands commands)
    {
        if (BASE != clip)
        {
            commands.scissor(clipX[clip], clipY[clip], clipW[clip], clipH[clip]);
        }
        else if (hasBase)
        {
            commands.scissor(baseX, baseY, baseW, baseH);
        }
        else
        {
            commands.noScissor();
        }
    }

    /** @return the clip of the quad recorded at {@code position}, by the last note at or before it. */
    private int clipAt(final int[] noted, final int position)
    {
        int low = 0;
        int high = marks - 1;
        int found = -1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            if (noted[mid] <= position)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return found < 0 ? BASE : markClip[found];
    }

    /** The sprite batch's quads, looked up by their recording position (the batch may sort them). */
    private final class SpriteClips implements QuadClips
    {
        public int clipOf(final int drawIndex)
        {
            return clipAt(markSprites, sprites.drawnQuad(drawIndex));
        }

        public void apply(final int clip, final DrawCommands commands)
        {
            ScissorStack.this.apply(clip, commands);
        }
    }

    /** The shape batch's quads, drawn in recording order. */
    private final class ShapeClips implements QuadClips
    {
        public int clipOf(final int drawIndex)
        {
            return clipAt(markShapes, drawIndex);
        }

        public void apply(final int clip, final DrawCommands commands)
        {
            ScissorStack.this.apply(clip, commands);
        }
    }

    /** The messages, in a class of their own so that ScissorStack holds no String constant (frame path). */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalStateException tooDeep(final String pass)
        {
            return new IllegalStateException("pass '" + pass + "': the clip stack is " + MAX_DEPTH +
                " rectangles deep already; pop before pushing more");
        }

        static IllegalStateException tooManyChanges(final String pass)
        {
            return new IllegalStateException("pass '" + pass + "': at most " + MAX_CHANGES_PER_FRAME +
                " clip pushes and pops per frame; clip fewer groups, or give them a pass of their own");
        }

        static IllegalStateException underflow(final String pass)
        {
            return new IllegalStateException("pass '" + pass + "': popClip with no clip pushed; pop once per push");
        }

        static IllegalArgumentException negative(final String pass, final int width, final int height)
        {
            return new IllegalArgumentException("pass '" + pass + "': a clip rectangle needs a size >= 0, was " +
                width + "x" + height);
        }

        static IllegalStateException unbalanced(final String pass, final int depth)
        {
            return new IllegalStateException("pass '" + pass + "': " + depth + " clip rectangle(s) pushed and not " +
                "popped by the end of Application.render; pop each one in the frame that pushed it");
        }
    }
}
