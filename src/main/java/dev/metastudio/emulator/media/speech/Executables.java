package dev.metastudio.emulator.media.speech;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a program the way a shell would: a path as given, a bare name on PATH. */
final class Executables {

    private Executables() {
    }

    /** @return the executable, or null when there is none */
    static Path resolve(String nameOrPath) {
        if (nameOrPath.contains(File.separator)) {
            Path p = Path.of(nameOrPath);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, nameOrPath);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
