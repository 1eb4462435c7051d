package dev.isochron.demo.embedding;

import dev.isochron.input.state.InputState;
import dev.isochron.render.atlas.TextureAtlas;
import dev.isochron.render.batch.AtlasRegion;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.runtime.*;
import dev.isochron.render.text.Font;
import dev.isochron.render.texture.TextureHandle;

import java.nio.file.Path;

/** A walk cycle from a TexturePacker atlas, and a backdrop asked for from render ten frames in. */
public final class LoadedTextures implements Application<long[]> {
    private final Path atlasFile;
    private final Path backdropFile;
    private TextureAtlas atlas;
    private AtlasRegion[] walk;
    private TextureHandle backdrop;
    private Font font;

    public LoadedTextures(Path atlasFile, Path backdropFile) {
        this.atlasFile = atlasFile;
        this.backdropFile = backdropFile;
    }

    public long[] newRenderState() {
        return new long[1];
    }

    public void init(Init init) {
        atlas = init.declareAtlas(atlasFile);        // read and checked now, file:line in any error
        walk = atlas.regions("walk");                 // the frames walk_0, walk_1, ... in index order
        backdrop = init.declareTexture(backdropFile); // nothing read yet
        font = init.defaultFont();
        atlas.load();                                 // decoded off the render thread, uploaded in a later frame
    }

    public void update(Tick tick, InputState input) {
    }

    public void writeRenderState(long[] state) {
    }

    public void render(long[] state, Frame frame) {
        if (frame.index() == 10) {
            backdrop.load();                          // from render: allocation-free
        }
        if (backdrop.isReady()) {
            frame.sprites().layer(0).draw(backdrop.textureKey(), 0, 0, 1, 1, 0, 0,
                frame.framebufferWidth(), frame.framebufferHeight(), 0, 0, 0, Rgba.WHITE);
        } else if (backdrop.failed()) {
            frame.hudText(font, "no backdrop", 2, 2, 1, Rgba.WHITE); // backdrop.failure() names the file
        }
        AtlasRegion step = walk[(int) (frame.index() / 8 % walk.length)];
        frame.sprites().layer(1).draw(step, 48, 16, 32, 32, Rgba.WHITE); // shows nothing until its page is ready
    }
}
