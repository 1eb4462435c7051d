package dev.isochron.peer.gdx;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.Input;
import com.badlogic.gdx.InputAdapter;
import com.badlogic.gdx.InputEventQueue;
import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.OrthographicCamera;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.utils.StringBuilder;

/**
 * The demo's storm scene in libGDX: the list scene ({@code rows} rows of an icon and a line of text, dragged and thrown
 * with inertia, wheel kicks, hover and click selection) under the synthetic input storm ({@link SyntheticStorm}, 10,000
 * events a second by default). The storm thread writes into a libGDX {@link InputEventQueue}; each frame drains it into
 * an {@link InputAdapter} before the ticks, as libGDX's backend drains its own queue into the application's input
 * processor; the 120 Hz ticks read the pointer, button and wheel the adapter kept. Input latency is, as the engine
 * defines it, from an event's capture time to the start of the tick that consumed it. Rows are drawn with a
 * {@link ShapeRenderer} (backgrounds), a {@link SpriteBatch} (icons) and libGDX's default {@link BitmapFont} (text,
 * written into a reused {@link StringBuilder}).
 * <p>
 * Thread: the render thread, but for the storm's own thread.
 */
final class StormPeer implements PeerScene
{
    /** Row height, px. */
    static final float ROW_HEIGHT = 18f;
    /** Top margin (the HUD line), px. */
    static final float TOP = 24f;
    static final double FRICTION_PER_S = 2.5;
    static final double WHEEL_KICK_PX_PER_S = 900.0;
    static final double CLICK_SLOP_PX = 4.0;
    /** Events awaiting their tick whose capture times are kept for the latency; more are counted, not timed. */
    static final int PENDING_CAPACITY = 1 << 16;

    private static final Color ROW_EVEN = rgb(30, 32, 40);
    private static final Color ROW_ODD = rgb(36, 38, 48);
    private static final Color ROW_HOVER = rgb(58, 66, 96);
    private static final Color ROW_SELECTED = rgb(40, 110, 190);
    private static final Color BACKDROP = rgb(16, 16, 20);
    private static final Color TEXT = rgb(220, 220, 228);
    private static final Color[] ICON_COLOURS = {
        rgb(90, 200, 255), rgb(255, 180, 70), rgb(130, 230, 120), rgb(240, 100, 170), rgb(200, 200, 90), rgb(170, 130, 255)};
    private static final String[] KINDS = {"sensor", "valve", "pump", "relay", "meter", "probe", "drive", "gate"};

    private final int rows;
    private final double inputRate;
    private final InputEventQueue queue = new InputEventQueue();
    private final PointerInput pointer = new PointerInput();
    private final long[] pendingCaptureNs = new long[PENDING_CAPACITY];
    private final StringBuilder rowText = new StringBuilder(64);
    private final HudText hudText = new HudText();

    private int width;
    private int height;
    private SyntheticStorm storm;
    private OrthographicCamera camera;
    private SpriteBatch batch;
    private ShapeRenderer shapes;
    private BitmapFont font;
    private BitmapFont hudFont;
    private ShapeAtlas atlas;

    private int pending;
    private long pendingUntimed;
    private long consumed;
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
     * @param rows      list rows, >= 1.
     * @param inputRate synthetic events per second, 0 for none.
     */
    StormPeer(final int rows, final double inputRate)
    {
        this.rows = rows;
        this.inputRate = inputRate;
    }

    // ---- initialisation -------------------------------------------------------------------------------------------

    @Override
    public void create(final int width, final int height, final FrameRecorder recorder)
    {
        this.width = width;
        this.height = height;
        camera = new OrthographicCamera();
        camera.setToOrtho(true, width, height);
        batch = new SpriteBatch();
        batch.setProjectionMatrix(camera.combined);
        shapes = new ShapeRenderer();
        shapes.setProjectionMatrix(camera.combined);
        font = new BitmapFont(true);
        font.setColor(TEXT);
        hudFont = new BitmapFont(true);
        hudFont.getData().setScale(width >= 800 ? 2f : 1f);
        atlas = new ShapeAtlas(true);
        if (inputRate > 0)
        {
            storm = new SyntheticStorm(queue, inputRate, SpritesPeer.SEED, width, height);
            recorder.addProducer(storm.start());
        }
    }

    // ---- update ---------------------------------------------------------------------------------------------------

    @Override
    public void beforeTicks(final FrameRecorder recorder)
    {
        queue.drain(pointer);
    }

    @Override
    public void tick(final float dtSeconds, final long tickIndex, final long tickStartNs, final FrameRecorder recorder)
    {
        for (int i = 0; i < pending; i++)
        {
            recorder.inputLatency(tickStartNs - pendingCaptureNs[i]);
        }
        pending = 0;
        final double dt = dtSeconds;
        final double mouseX = pointer.x;
        final double mouseY = pointer.y;
        final boolean pressed = pointer.pressed;
        final double wheel = pointer.takeScrollY();
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
        final double maxScroll = Math.max(0, rows * (double)ROW_HEIGHT - (height - TOP));
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
        if (pointer.homePressed)
        {
            pointer.homePressed = false;
            scroll = 0;
            velocity = 0;
        }
    }

    private int rowAt(final double mouseY, final double scroll)
    {
        if (mouseY < TOP || mouseY >= height)
        {
            return -1;
        }
        final int row = (int)Math.floor((mouseY - TOP + scroll) / ROW_HEIGHT);
        return row >= 0 && row < rows ? row : -1;
    }

    // ---- draw -----------------------------------------------------------------------------------------------------

    @Override
    public void draw(final float alpha, final HudFigures figures)
    {
        Gdx.gl.glClearColor(0f, 0f, 0f, 1f);
        Gdx.gl.glClear(GL20.GL_COLOR_BUFFER_BIT);
        final double scrollNow = Mixing.lerp((float)previousScroll, (float)scroll, alpha);
        final int first = Math.max(0, (int)Math.floor(scrollNow / ROW_HEIGHT));
        final int visible = (int)Math.ceil((height - TOP) / ROW_HEIGHT) + 1;
        final int last = Math.min(rows, first + visible);

        shapes.begin(ShapeRenderer.ShapeType.Filled);
        for (int row = first; row < last; row++)
        {
            final float y = TOP + (float)(row * (double)ROW_HEIGHT - scrollNow);
            shapes.setColor(row == selectedRow ? ROW_SELECTED :
                row == hoverRow ? ROW_HOVER : (row & 1) == 0 ? ROW_EVEN : ROW_ODD);
            shapes.rect(0f, y, width, ROW_HEIGHT);
        }
        shapes.setColor(BACKDROP);
        shapes.rect(0f, 0f, width, TOP);
        shapes.end();

        batch.begin();
        for (int row = first; row < last; row++)
        {
            final float y = TOP + (float)(row * (double)ROW_HEIGHT - scrollNow);
            if (y < TOP - 4f)
            {
                continue; // mostly under the HUD backdrop, as the demo skips it
            }
            final int icon = icon(row);
            batch.setColor(ICON_COLOURS[icon]);
            batch.draw(atlas.region(icon), 4f, y + 2f, ROW_HEIGHT - 4f, ROW_HEIGHT - 4f);
            font.draw(batch, rowText(row), 8f + ROW_HEIGHT, y + 5f);
        }
        hudFont.setColor(Color.WHITE);
        hudText.begin().append("list ").append(rows).append(" rows  row ").append(first).append("  selected ")
            .append(selectedRow);
        hudFont.draw(batch, hudText.end(figures), 8f, 4f);
        batch.end();
    }

    private static Color rgb(final int r, final int g, final int b)
    {
        return new Color(r / 255f, g / 255f, b / 255f, 1f);
    }

    private StringBuilder rowText(final int row)
    {
        final long hash = hash(row);
        final int tenths = (int)((hash >>> 16) % 1000);
        rowText.setLength(0);
        rowText.append('#');
        for (int digits = 100_000; digits > 1 && row < digits; digits /= 10)
        {
            rowText.append('0');
        }
        return rowText.append(row).append("  ").append(KINDS[(int)((hash >>> 8) & 7)]).append(' ').append(row % 97)
            .append("  ").append(tenths / 10).append('.').append(tenths % 10);
    }

    private static int icon(final int row)
    {
        return (int)(hash(row) % ShapeAtlas.SHAPES);
    }

    private static long hash(final int row)
    {
        long z = row * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }

    @Override
    public void report(final PeerReport report)
    {
        // libGDX's queue merges a queued drag into the next one for the same pointer, so fewer events reach the
        // processor than the storm emitted; the difference over the whole run is what it merged (or still held)
        report.extra("inputEmitted", null == storm ? 0 : storm.emitted());
        report.extra("inputConsumed", consumed);
        report.extra("inputSkippedBehind", null == storm ? 0 : storm.skipped());
        report.extra("inputUntimed", pendingUntimed);
        report.extra("clicks", clicks);
    }

    // ---- de-initialisation ----------------------------------------------------------------------------------------

    @Override
    public void dispose()
    {
        if (null != storm)
        {
            storm.stop();
        }
        if (null != batch)
        {
            batch.dispose();
            shapes.dispose();
            font.dispose();
            hudFont.dispose();
            atlas.dispose();
        }
    }

    /**
     * The application's input processor: keeps the pointer, the left button, the wheel and the Home key as the
     * engine's {@code InputState} keeps them, and each event's capture time for its latency.
     */
    private final class PointerInput extends InputAdapter
    {
        double x = Double.NaN;
        double y = Double.NaN;
        boolean pressed;
        boolean homePressed;
        private double scrollY;

        double takeScrollY()
        {
            final double taken = scrollY;
            scrollY = 0;
            return taken;
        }

        private void captured()
        {
            consumed++;
            if (pending < PENDING_CAPACITY)
            {
                pendingCaptureNs[pending++] = queue.getCurrentEventTime();
            }
            else
            {
                pendingUntimed++;
            }
        }

        @Override
        public boolean touchDown(final int screenX, final int screenY, final int pointerIndex, final int button)
        {
            captured();
            x = screenX;
            y = screenY;
            if (button == Input.Buttons.LEFT)
            {
                pressed = true;
            }
            return true;
        }

        @Override
        public boolean touchUp(final int screenX, final int screenY, final int pointerIndex, final int button)
        {
            captured();
            x = screenX;
            y = screenY;
            if (button == Input.Buttons.LEFT)
            {
                pressed = false;
            }
            return true;
        }

        @Override
        public boolean touchDragged(final int screenX, final int screenY, final int pointerIndex)
        {
            captured();
            x = screenX;
            y = screenY;
            return true;
        }

        @Override
        public boolean mouseMoved(final int screenX, final int screenY)
        {
            captured();
            x = screenX;
            y = screenY;
            return true;
        }

        @Override
        public boolean scrolled(final float amountX, final float amountY)
        {
            captured();
            // libGDX negates GLFW's wheel; the list reads GLFW's sign, as the engine's InputState gives it
            scrollY -= amountY;
            return true;
        }

        @Override
        public boolean keyDown(final int keycode)
        {
            captured();
            if (keycode == Input.Keys.HOME)
            {
                homePressed = true;
            }
            return true;
        }

        @Override
        public boolean keyUp(final int keycode)
        {
            captured();
            return true;
        }
    }
}
