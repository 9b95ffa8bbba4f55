package dev.metastudio.emulator.asset.library;

import dev.metastudio.emulator.asset.AssetEntity;
import dev.metastudio.emulator.asset.AssetFileEntity;
import dev.metastudio.emulator.asset.AssetFileRepository;
import dev.metastudio.emulator.asset.AssetRepository;
import dev.metastudio.emulator.asset.AssetState;
import dev.metastudio.emulator.asset.FileDigests;
import dev.metastudio.emulator.asset.FileState;
import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.storage.ObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the system library before the server reports ready: preset timbres (every region's id resolves; the
 * configured region's are listed), presenters, background images and music. Ids are fixed, so they are the same
 * on every node and after every restart; seeding again only fills what is missing. Cheap by design (issue 13: it
 * was 10.9 s of a first start): the media are drawn at build time and copied from the jar, the rows are written in
 * one transaction each for assets and files, and a warm start only reads. It runs on its own thread from the moment
 * the repositories exist, while the main thread starts the web server; the server reports ready only after it.
 */
@Component
@Order(0)
class SystemLibrary implements SmartInitializingSingleton, ApplicationRunner {
    static final String LISTED = "SYSTEM";
    /** Preset timbre ids of the other regions: resolvable by id, not listed. */
    static final String ALIAS = "SYSTEM_ALIAS";
    private static final Logger LOG = LoggerFactory.getLogger(SystemLibrary.class);

    private final AssetRepository assets;
    private final AssetFileRepository files;
    private final ObjectStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final EmulatorProperties properties;
    private final List<SystemAssetSource> sources;
    private volatile CompletableFuture<Void> seeding;

    SystemLibrary(AssetRepository assets, AssetFileRepository files, ObjectStore store, TransactionTemplate tx,
                  Clock clock, EmulatorProperties properties, List<SystemAssetSource> sources) {
        this.assets = assets;
        this.files = files;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.sources = sources;
    }

    @Override
    public void afterSingletonsInstantiated() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                seed();
                future.complete(null);
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "system-library-seed");
        thread.setDaemon(true);
        seeding = future;
        thread.start();
    }

    /** Start-up waits here for the seeding: a failed seeding fails the start as it did when it ran inline. */
    @Override
    public void run(ApplicationArguments args) throws IOException {
        try {
            seeding.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private void seed() throws IOException {
        long started = System.nanoTime();
        long cpuStarted = cpuNanos();
        Map<String, AssetEntity> existing = assets.findByProjectId(AssetEntity.SYSTEM_PROJECT).stream()
                .collect(Collectors.toMap(AssetEntity::getAssetId, Function.identity()));
        List<SystemAssetSource.Seed> seeds = new ArrayList<>();
        for (SystemAssetSource source : sources) {
            seeds.addAll(source.seeds(properties.region()));
        }
        int created = insertMissing(seeds, existing);
        relist(seeds, existing);
        int stored = storeMissingFiles(seeds);
        // CPU time too: on a shared machine the wall time says more about the neighbours than about the seeding.
        LOG.info("System library ready: {} assets created, {} already present, {} files stored, in {} ms ({} ms CPU)",
                created, existing.size(), stored, (System.nanoTime() - started) / 1_000_000,
                (cpuNanos() - cpuStarted) / 1_000_000);
    }

    private static long cpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    /**
     * Every missing asset in one transaction: one commit (with synchronous H2 commits each commit is a write to the
     * database file, and a first start has about a hundred assets). If another node seeds at the same time, the
     * batch fails on a fixed id and the assets are inserted one by one, each skipped when already there.
     */
    private int insertMissing(List<SystemAssetSource.Seed> seeds, Map<String, AssetEntity> existing) {
        List<SystemAssetSource.Seed> missing = seeds.stream().filter(s -> !existing.containsKey(s.assetId())).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        try {
            tx.executeWithoutResult(status -> assets.saveAll(missing.stream().map(this::entity).toList()));
            return missing.size();
        } catch (DataIntegrityViolationException raced) {
            // Another node is seeding: insert only what it has not (yet) committed.
            Set<String> there = assets.findByProjectId(AssetEntity.SYSTEM_PROJECT).stream()
                    .map(AssetEntity::getAssetId).collect(Collectors.toSet());
            int created = 0;
            for (SystemAssetSource.Seed seed : missing) {
                created += !there.contains(seed.assetId()) && insert(seed) ? 1 : 0;
            }
            return created;
        }
    }

    /** Keeps each asset's listing in step with the configured region (listed or alias). */
    private void relist(List<SystemAssetSource.Seed> seeds, Map<String, AssetEntity> existing) {
        List<SystemAssetSource.Seed> changed = seeds.stream().filter(s -> existing.containsKey(s.assetId())
                && !s.source().equals(existing.get(s.assetId()).getAssetSource())).toList();
        if (!changed.isEmpty()) {
            tx.executeWithoutResult(status -> changed.forEach(seed -> assets.findById(existing.get(seed.assetId())
                    .getId()).ifPresent(a -> a.setAssetSource(seed.source()))));
        }
    }

    private AssetEntity entity(SystemAssetSource.Seed seed) {
        Instant now = clock.instant();
        AssetEntity asset = new AssetEntity();
        asset.setId(rowId(seed.assetId()));
        asset.setAssetId(seed.assetId());
        asset.setProjectId(AssetEntity.SYSTEM_PROJECT);
        asset.setAssetSource(seed.source());
        asset.setAssetType(seed.type());
        asset.setAssetState(AssetState.ACTIVED);
        asset.setCreateTime(now);
        asset.setUpdateTime(now);
        seed.describe().accept(asset);
        return asset;
    }

    private boolean insert(SystemAssetSource.Seed seed) {
        try {
            tx.executeWithoutResult(status -> assets.save(entity(seed)));
            return true;
        } catch (DataIntegrityViolationException raced) {
            // Another node seeded it first.
            return false;
        }
    }

    /** One seed file to store: where its bytes go and the row that records them. */
    private record Pending(SystemAssetSource.Seed seed, SystemAssetSource.SeedFile spec, String fileId, String key) {
    }

    /**
     * Stores the files whose row or object is missing (one query for the rows), their bytes copied from the jar
     * (drawn at build time, {@link SystemLibraryMedia}), and records them in one transaction.
     */
    private int storeMissingFiles(List<SystemAssetSource.Seed> seeds) throws IOException {
        List<Pending> all = new ArrayList<>();
        for (SystemAssetSource.Seed seed : seeds) {
            for (SystemAssetSource.SeedFile spec : seed.files()) {
                all.add(new Pending(seed, spec, stableId("file:" + seed.assetId() + ":" + spec.category()),
                        "system/" + seed.assetId() + "/" + spec.fileName()));
            }
        }
        if (all.isEmpty()) {
            return 0;
        }
        Set<String> recorded = files.findAllById(all.stream().map(Pending::fileId).toList()).stream()
                .map(AssetFileEntity::getFileId).collect(Collectors.toSet());
        List<Pending> missing = new ArrayList<>();
        for (Pending p : all) {
            if (!recorded.contains(p.fileId()) || store.stat(p.key()).isEmpty()) {
                missing.add(p);
            }
        }
        if (missing.isEmpty()) {
            return 0;
        }
        Path scratch = Files.createDirectories(properties.dataDir().resolve("tmp"));
        List<AssetFileEntity> rows = new ArrayList<>();
        for (Pending p : missing) {
            Path local = Files.createTempFile(scratch, "seed", "." + p.spec().fileType());
            try {
                SystemLibraryMedia.write(p.seed(), p.spec(), local);
                store.put(p.key(), local, p.spec().contentType());
                rows.add(fileRow(p, Files.size(local), FileDigests.md5Base64(local)));
            } finally {
                Files.deleteIfExists(local);
            }
        }
        try {
            tx.executeWithoutResult(status -> rows.forEach(row -> files.save(files.findById(row.getFileId())
                    .map(current -> refresh(current, row)).orElse(row))));
        } catch (DataIntegrityViolationException raced) {
            LOG.debug("System library files were seeded by another node at the same time");
        }
        return rows.size();
    }

    private AssetFileEntity fileRow(Pending p, long size, String md5) {
        Instant now = clock.instant();
        AssetFileEntity file = new AssetFileEntity();
        file.setFileId(p.fileId());
        file.setAssetRow(rowId(p.seed().assetId()));
        file.setProjectId(AssetEntity.SYSTEM_PROJECT);
        file.setFileName(p.spec().fileName());
        file.setFileType(p.spec().fileType());
        file.setAssetFileCategory(p.spec().category());
        file.setState(FileState.CREATED);
        file.setObjectKey(p.key());
        file.setFileSize(size);
        file.setFileMd5(md5);
        file.setCreateTime(now);
        file.setUpdateTime(now);
        return file;
    }

    /** A row that exists while its object went missing: same file, stored again. */
    private static AssetFileEntity refresh(AssetFileEntity current, AssetFileEntity fresh) {
        current.setAssetRow(fresh.getAssetRow());
        current.setFileName(fresh.getFileName());
        current.setFileType(fresh.getFileType());
        current.setAssetFileCategory(fresh.getAssetFileCategory());
        current.setState(FileState.CREATED);
        current.setObjectKey(fresh.getObjectKey());
        current.setFileSize(fresh.getFileSize());
        current.setFileMd5(fresh.getFileMd5());
        current.setUpdateTime(fresh.getUpdateTime());
        return current;
    }

    static String rowId(String assetId) {
        return "sys-" + stableId("row:" + assetId);
    }

    /** 32 hex digits derived from a name: the same on every node and every start. */
    static String stableId(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
