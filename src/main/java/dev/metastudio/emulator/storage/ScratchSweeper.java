package dev.metastudio.emulator.storage;

import dev.metastudio.emulator.config.EmulatorProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what interrupted work leaves in the data folder: staging files of uploads cut off by a killed server
 * ({@code objects-staging/}), scratch folders of renders and probes killed mid-way ({@code tmp/}), and the parts of
 * multipart uploads nobody completed before their URLs expired.
 *
 * <p>Several nodes may share one data folder, so each node holds a lock file under {@code tmp/.nodes/} while it
 * runs (the OS releases it when the process dies, kill -9 included). At start-up, when no other node holds one,
 * everything older than this start is swept; otherwise, and every {@link #INTERVAL} afterwards, only what nobody
 * has touched for {@link #IDLE}.
 */
@Component
class ScratchSweeper {
    static final Duration IDLE = Duration.ofHours(1);
    static final String INTERVAL = "PT10M";
    private static final Logger LOG = LoggerFactory.getLogger(ScratchSweeper.class);

    private final Path nodes;
    private final List<Path> scratchRoots;
    private final ObjectStore store;
    private final Duration uploadValidity;
    private final Clock clock;
    private final FileChannel lockChannel;
    private final FileLock lock;

    ScratchSweeper(EmulatorProperties properties, ObjectStore store, StorageProperties storage, Clock clock) {
        Path data = properties.dataDir().toAbsolutePath().normalize();
        Path tmp = data.resolve("tmp");
        this.nodes = tmp.resolve(".nodes");
        this.scratchRoots = List.of(tmp, data.resolve("objects-staging"));
        this.store = store;
        this.uploadValidity = storage.uploadUrlValidity();
        this.clock = clock;
        Instant started = clock.instant();
        try {
            Files.createDirectories(nodes);
            boolean alone = !otherNodeAlive();
            Path mine = nodes.resolve(UUID.randomUUID() + ".lock");
            this.lockChannel = FileChannel.open(mine, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            this.lock = lockChannel.lock();
            int removed = sweep(alone ? started : started.minus(IDLE));
            if (removed > 0) {
                LOG.info("Removed {} leftover scratch/staging entr{} of interrupted work{}", removed,
                        removed == 1 ? "y" : "ies", alone ? "" : " (idle for over " + IDLE.toMinutes() + " min;"
                                + " other nodes share this data folder)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the scratch folder " + tmp, e);
        }
    }

    @Scheduled(fixedDelayString = INTERVAL, initialDelayString = INTERVAL)
    void sweepIdle() {
        Instant now = clock.instant();
        int removed = sweep(now.minus(IDLE));
        removed += store.removeUploadsStartedBefore(now.minus(uploadValidity).minus(IDLE));
        if (removed > 0) {
            LOG.info("Removed {} scratch/staging entr{} idle for over {} min", removed, removed == 1 ? "y" : "ies",
                    IDLE.toMinutes());
        }
    }

    @PreDestroy
    void release() throws IOException {
        lock.release();
        lockChannel.close();
    }

    /** Another process holds its lock file; the lock files of dead ones are removed on the way. */
    private boolean otherNodeAlive() throws IOException {
        boolean alive = false;
        try (Stream<Path> locks = Files.list(nodes)) {
            for (Path other : locks.toList()) {
                try (FileChannel channel = FileChannel.open(other, StandardOpenOption.WRITE)) {
                    FileLock probe = channel.tryLock();
                    if (probe == null) {
                        alive = true;
                    } else {
                        probe.release();
                        Files.deleteIfExists(other);
                    }
                } catch (OverlappingFileLockException sameJvm) {
                    alive = true;
                } catch (IOException gone) {
                    // Removed meanwhile by another node's start-up.
                }
            }
        }
        return alive;
    }

    /**
     * Deletes each unit of scratch last modified (anywhere inside) before {@code cutoff}: a file directly under a
     * root, or an entry of a folder under a root ({@code tmp/jobs/<job>}, {@code tmp/tts/<file>}), so one busy job
     * keeps only its own folder.
     */
    private int sweep(Instant cutoff) {
        int removed = 0;
        for (Path root : scratchRoots) {
            for (Path entry : list(root)) {
                if (entry.equals(nodes)) {
                    continue;
                }
                if (Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    for (Path unit : list(entry)) {
                        removed += sweepUnit(unit, cutoff);
                    }
                } else {
                    removed += sweepUnit(entry, cutoff);
                }
            }
        }
        return removed;
    }

    private static int sweepUnit(Path unit, Instant cutoff) {
        return lastTouched(unit).isBefore(cutoff) && deleteTree(unit) ? 1 : 0;
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            LOG.warn("Cannot sweep {}: {}", dir, e.getMessage());
            return List.of();
        }
    }

    private static Instant lastTouched(Path entry) {
        try (Stream<Path> tree = Files.walk(entry)) {
            return tree.map(ScratchSweeper::modified).max(Instant::compareTo).orElse(Instant.MAX);
        } catch (IOException | UncheckedIOException e) {
            return Instant.MAX;
        }
    }

    private static Instant modified(Path path) {
        try {
            FileTime time = Files.getLastModifiedTime(path);
            return time.toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }

    private static boolean deleteTree(Path entry) {
        try (Stream<Path> tree = Files.walk(entry)) {
            for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
