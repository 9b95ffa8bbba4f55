package dev.metastudio.emulator.asset.library;

import dev.metastudio.emulator.asset.AssetEntity;
import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.asset.FileCategory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** One family of system assets (timbres, presenters, backgrounds, music) that {@link SystemLibrary} seeds. */
interface SystemAssetSource {

    /** A file to generate and store for a system asset. */
    record SeedFile(FileCategory category, String fileName, String fileType, String contentType, Writer writer) {
    }

    interface Writer {
        void write(Path target) throws IOException;
    }

    /**
     * @param source   {@link SystemLibrary#LISTED} or {@link SystemLibrary#ALIAS}
     * @param describe fills name, meta, tags and the rest on a new row
     */
    record Seed(String assetId, AssetType type, String source, Consumer<AssetEntity> describe, List<SeedFile> files) {
    }

    List<Seed> seeds(String region);
}
