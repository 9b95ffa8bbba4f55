package dev.metastudio.emulator.asset.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The system library's media (presenter covers, background images, music), drawn and encoded once at build time
 * instead of at every first start: the build runs {@link #main} (exec-maven-plugin, phase process-classes) to write
 * them under {@code system-library/} in the classes folder, so they ship inside the jar, and {@link SystemLibrary}
 * copies them into the object store. The files are deterministic: {@code SystemLibraryMediaTest} checks that what
 * ships is byte for byte what the writers draw now. Started without them (an IDE that skipped the build step), the
 * library draws them itself, as before, only slower.
 */
final class SystemLibraryMedia {
    static final String FOLDER = "system-library";

    private SystemLibraryMedia() {
    }

    /** The families that have files (timbres have none); region does not change files. */
    static List<SystemAssetSource> sourcesWithFiles() {
        return List.of(new AvatarSeeds(), new BackgroundSeeds(), new MusicSeeds());
    }

    static String resourceName(SystemAssetSource.Seed seed, SystemAssetSource.SeedFile file) {
        return FOLDER + "/" + seed.assetId() + "/" + file.fileName();
    }

    /** Writes the file into {@code target}: the build's copy when the jar has it, else drawn now. */
    static void write(SystemAssetSource.Seed seed, SystemAssetSource.SeedFile file, Path target) throws IOException {
        try (InputStream shipped = SystemLibraryMedia.class.getClassLoader()
                .getResourceAsStream(resourceName(seed, file))) {
            if (shipped != null) {
                Files.copy(shipped, target, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
        }
        file.writer().write(target);
    }

    /** Build step: {@code SystemLibraryMedia <classes folder>} writes every file under it. */
    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path root = Path.of(args[0]);
        int count = 0;
        for (SystemAssetSource source : sourcesWithFiles()) {
            for (SystemAssetSource.Seed seed : source.seeds(PresetTimbres.REGIONS.get(0))) {
                for (SystemAssetSource.SeedFile file : seed.files()) {
                    Path target = root.resolve(resourceName(seed, file));
                    Files.createDirectories(target.getParent());
                    file.writer().write(target);
                    count++;
                }
            }
        }
        System.out.println("system library media: " + count + " files under " + root.resolve(FOLDER));
    }
}
