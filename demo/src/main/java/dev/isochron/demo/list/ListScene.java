package dev.isochron.demo.list;

import java.util.ArrayList;
import java.util.List;

import dev.isochron.demo.scene.HudLine;
import dev.isochron.demo.scene.NaiveInputHandoff;
import dev.isochron.demo.scene.ProceduralAtlas;
import dev.isochron.input.state.InputState;
import dev.isochron.render.batch.AtlasRegion;
import dev.isochron.render.batch.Interpolation;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;
import dev.isochron.render.runtime.Application;
import dev.isochron.render.runtime.Frame;
import dev.isochron.render.runtime.Init;
import dev.isochron.render.runtime.Tick;
import dev.isochron.render.text.Font;
import dev.isochron.render.text.TextBuffer;
import org.lwjgl.glfw.GLFW;

/**
 * The list scene: {@code rows} rows of an icon and a line of text, scrolled by dragging (with
 * kinetic inertia after release) or by the wheel, the row under the pointer highlighted, a row
 * selected by a click (press and release without dragging).
 * <p>
 * Engine mode allocates nothing per tick or frame. Naive mode draws the same picture with a new
 * event object and executor lambda per input event and a new list of formatted row strings per frame.
 * <p>
 * Threads: see {@link Application}.
 */
public final class ListScene implements Application<ListState>
{
    /** Row height in pixels. */
    public static final float ROW_HEIGHT = 18f;
    /** Top margin in pixels (the HUD line). */
    public static final float TOP = 24f;
    /** Velocity decay of the inertia, per second (exponential). */
    public static final double FRICTION_PER_S = 2.5;
    /** Pixels scrolled per wheel notch, added to the velocity as a kinetic kick. */
    public static final double WHEEL_KICK_PX_PER_S = 900.0;
    /** Pointer travel in pixels below which a press and release is a click. */
    public static final double CLICK_SLOP_PX = 4.0;

    private static final int ROW_EVEN = Rgba.pack(30, 32, 40, 255);
    private static final int ROW_ODD = Rgba.pack(36, 38, 48, 255);
    private static final int ROW_HOVER = Rgba.pack(58, 66, 96, 255);
    private static final int ROW_SELECTED = Rgba.pack(40, 110, 190, 255);
    private static final int TEXT = Rgba.pack(220, 220, 228, 255);
    private static final int[] ICON_COLOURS = {
        Rgba.pack(90, 200, 255, 255), Rgba.pack(255, 180, 70, 255), Rgba.pack(130, 230, 120, 255),
        Rgba.pack(240, 100, 170, 255), Rgba.pack(200, 200, 90, 255), Rgba.pack(170, 130, 255, 255)};

    private final int rows;
    private final boolean naive;
    private final float viewHeight;
    private final NaiveInputHandoff naiveInput;
    private final TextBuffer rowText = new TextBuffer(64);
    private final HudLine hud = new HudLine();

    private Texture texture;
    private AtlasRegion[] icons;
    private Font font;

    private double scroll;
    private double previousScroll;
    private double velocity;
    private boolean dragging;
    private double dragTravel;
    private double lastMouseY = Double.NaN;
    private int hoverRow = -1;
    private int selectedRow = -1;
    private long clicks;

    /**
     * @param rows       rows, >= 1.
     * @param viewHeight framebuffer height in pixels.
     * @param naive      true for the naive mode.
     */
    public ListScene(final int rows, final int viewHeight, final boolean naive)
    {
        if (rows < 1)
        {
            throw new IllegalArgumentException("list rows must be >= 1, was " + rows);
        }
        this.rows = rows;
        this.viewHeight = viewHeight;
        this.naive = naive;
        naiveInput = naive ? new NaiveInputHandoff() : null;
    }

    // ---- initialisation -------------------------------------------------------------------------------------------

    /** {@inheritDoc} */
    public ListState newRenderState()
    {
        return new ListState();
    }

    /** {@inheritDoc} Draws the icon atlas and registers it. */
    public void init(final Init init)
    {
        final ProceduralAtlas atlas = new ProceduralAtlas();
        if (init.hasGl())
        {
            texture = Texture.fromRgba("list-icons", ProceduralAtlas.WIDTH, ProceduralAtlas.HEIGHT, atlas.rgba(),
                TextureFilter.LINEAR, TextureWrap.CLAMP_TO_EDGE);
        }
        useResources(init.registerTexture(texture), init.defaultFont());
    }

    // ---- update ---------------------------------------------------------------------------------------------------

    /** {@inheritDoc} Allocation-free in engine mode. */
    public void update(final Tick tick, final InputState input)
    {
        final double dt = tick.dtSeconds();
        final double mouseX;
        final double mouseY;
        final boolean pressed;
        final double wheel;
        if (naive)
        {
            naiveInput.submit(input, tick.index());
            naiveInput.applyPosted();
            mouseX = naiveInput.mouseX();
            mouseY = naiveInput.mouseY();
            pressed = naiveInput.pressed();
            wheel = naiveInput.takeScrollY();
        }
        else
        {
            mouseX = input.mouseX();
            mouseY = input.mouseY();
            pressed = input.isButtonDown(GLFW.GLFW_MOUSE_BUTTON_LEFT);
            wheel = input.scrollY();
        }
        previousScroll = scroll;
        if (pressed && mouseY == mouseY)
        {
            if (!dragging)
            {
                dragging = true;
                dragTravel = 0;
                velocity = 0;
            }
            else if (lastMouseY == lastMouseY)
            {
                final double dy = mouseY - lastMouseY;
                scroll -= dy;
                dragTravel += Math.abs(dy);
                // follow the finger's speed, smoothed over a few ticks, for the throw on release
                velocity = 0.7 * velocity + 0.3 * (-dy / dt);
            }
            lastMouseY = mouseY;
        }
        else
        {
            if (dragging && dragTravel < CLICK_SLOP_PX && mouseY == mouseY)
            {
                selectedRow = rowAt(mouseY, scroll);
                velocity = 0;
                clicks++;
            }
            dragging = false;
            lastMouseY = Double.NaN;
            velocity -= wheel * WHEEL_KICK_PX_PER_S;
            scroll += velocity * dt;
            velocity *= Math.exp(-FRICTION_PER_S * dt);
            if (Math.abs(velocity) < 1.0)
            {
                velocity = 0;
            }
        }
        final double maxScroll = Math.max(0, rows * (double)ROW_HEIGHT - (viewHeight - TOP));
        if (scroll < 0)
        {
            scroll = 0;
            velocity = 0;
        }
        else if (scroll > maxScroll)
        {
            scroll = maxScroll;
            velocity = 0;
        }
        hoverRow = mouseX == mouseX && mouseY == mouseY ? rowAt(mouseY, scroll) : -1;
        if (input.wasKeyPressed(GLFW.GLFW_KEY_HOME))
        {
            scroll = 0;
            velocity = 0;
        }
    }

    private int rowAt(final double mouseY, final double scroll)
    {
        if (mouseY < TOP || mouseY >= viewHeight)
        {
            return -1;
        }
        final int row = (int)Math.floor((mouseY - TOP + scroll) / ROW_HEIGHT);
        return row >= 0 && row < rows ? row : -1;
    }

    /** {@inheritDoc} Allocation-free. */
    public void writeRenderState(final ListState dest)
    {
        dest.previousScroll = previousScroll;
        dest.scroll = scroll;
        dest.hoverRow = hoverRow;
        dest.selectedRow = selectedRow;
        dest.rows = rows;
        dest.velocity = velocity;
        dest.clicks = clicks;
    }

    // ---- draw -----------------------------------------------------------------------------------------------------

    /** {@inheritDoc} Allocation-free in engine mode. */
    public void render(final ListState state, final Frame frame)
    {
        final double scrollNow = Interpolation.lerp((float)state.previousScroll, (float)state.scroll, (float)frame.alpha());
        final int first = drawRows(state, scrollNow, frame.hudShapes(), frame.hudSprites(),
            frame.framebufferWidth(), frame.framebufferHeight());
        final float scale = frame.framebufferWidth() >= 800 ? 2f : 1f;
        if (naive)
        {
            frame.hudText(font, HudLine.naive(String.format("list %d rows  row %d  selected %d  [naive]",
                state.rows, first, state.selectedRow), frame.stats()), 8f, 4f, scale, Rgba.WHITE);
        }
        else
        {
            hud.begin().append("list ").append(state.rows).append(" rows  row ").append(first)
                .append("  selected ").append(state.selectedRow);
            frame.hudText(font, hud.engine(frame.stats()), 8f, 4f, scale, Rgba.WHITE);
        }
    }

    /**
     * Draws the rows visible at {@code scrollNow} and the HUD's backdrop into pixel-space batches.
     * Allocation-free in engine mode.
     *
     * @return the first visible row.
     */
    int drawRows(
        final ListState state,
        final double scrollNow,
        final ShapeBatch shapes,
        final SpriteBatch sprites,
        final int width,
        final int height)
    {
        final int first = Math.max(0, (int)Math.floor(scrollNow / ROW_HEIGHT));
        final int visible = (int)Math.ceil((height - TOP) / ROW_HEIGHT) + 1;
        final int last = Math.min(state.rows, first + visible);
        List<String> naiveLabels = null;
        if (naive)
        {
            naiveLabels = new ArrayList<>();
            for (int row = first; row < last; row++)
            {
                naiveLabels.add(ListRows.naiveText(row));
            }
        }
        for (int row = first; row < last; row++)
        {
            final float y = TOP + (float)(row * (double)ROW_HEIGHT - scrollNow);
            final int background = row == state.selectedRow ? ROW_SELECTED :
                row == state.hoverRow ? ROW_HOVER : (row & 1) == 0 ? ROW_EVEN : ROW_ODD;
            shapes.rect(0f, y, width, ROW_HEIGHT, background);
            if (y < TOP - 4f)
            {
                continue; // mostly under the HUD backdrop, which covers shapes but not sprites
            }
            final int icon = ListRows.icon(row);
            sprites.draw(icons[icon], 4f, y + 2f, ROW_HEIGHT - 4f, ROW_HEIGHT - 4f, ICON_COLOURS[icon]);
            if (naive)
            {
                font.draw(sprites, naiveLabels.get(row - first), 8f + ROW_HEIGHT, y + 5f, 1f, TEXT);
            }
            else
            {
                font.draw(sprites, ListRows.text(row, rowText), 8f + ROW_HEIGHT, y + 5f, 1f, TEXT);
            }
        }
        shapes.rect(0f, 0f, width, TOP, Rgba.pack(16, 16, 20, 255));
        return first;
    }

    /** Uses {@code font} and icons under {@code textureKey} (init; tests without GL). */
    void useResources(final int textureKey, final Font font)
    {
        icons = ProceduralAtlas.regions(textureKey);
        this.font = font;
    }

    // ---- de-initialisation ----------------------------------------------------------------------------------------

    /** {@inheritDoc} */
    public void dispose()
    {
        if (null != texture)
        {
            texture.close();
            texture = null;
        }
        if (null != naiveInput)
        {
            naiveInput.close();
        }
    }

    /** @return the selected row, -1 for none (simulation thread; for tests). */
    int selectedRow()
    {
        return selectedRow;
    }

    /** @return the scroll offset in pixels (simulation thread; for tests). */
    double scroll()
    {
        return scroll;
    }
}
