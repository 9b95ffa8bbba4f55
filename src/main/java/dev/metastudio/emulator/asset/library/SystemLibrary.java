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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the system library before the server reports ready: preset timbres (every region's id resolves; the
 * configured region's are listed), presenters, background images and music. Ids are fixed, so they are the same
 * on every node and after every restart; seeding again only fills what is missing.
 */
@Component
@Order(0)
class SystemLibrary implements ApplicationRunner {
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
    public void run(ApplicationArguments args) throws IOException {
        long started = System.nanoTime();
        Map<String, AssetEntity> existing = assets.findByProjectId(AssetEntity.SYSTEM_PROJECT).stream()
                .collect(Collectors.toMap(AssetEntity::getAssetId, Function.identity()));
        Path scratch = Files.createDirectories(properties.dataDir().resolve("tmp"));
        int created = 0;
        for (SystemAssetSource source : sources) {
            for (SystemAssetSource.Seed seed : source.seeds(properties.region())) {
                created += ensure(seed, existing.get(seed.assetId()), scratch) ? 1 : 0;
            }
        }
        LOG.info("System library ready: {} assets created, {} already present, in {} ms", created,
                existing.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Creates the asset when missing, keeps its listing in step with the region, and stores absent files. */
    private boolean ensure(SystemAssetSource.Seed seed, AssetEntity current, Path scratch) throws IOException {
        boolean created = false;
        if (current == null) {
            created = insert(seed);
        } else if (!seed.source().equals(current.getAssetSource())) {
            tx.executeWithoutResult(status -> assets.findById(current.getId())
                    .ifPresent(a -> a.setAssetSource(seed.source())));
        }
        for (SystemAssetSource.SeedFile file : seed.files()) {
            ensureFile(seed, file, scratch);
        }
        return created;
    }

    private boolean insert(SystemAssetSource.Seed seed) {
        try {
            tx.executeWithoutResult(status -> {
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
                assets.save(asset);
            });
            return true;
        } catch (DataIntegrityViolationException raced) {
            // Another node seeded it first.
            return false;
        }
    }

    private void ensureFile(SystemAssetSource.Seed seed, SystemAssetSource.SeedFile spec, Path scratch)
            throws IOException {
        String row = rowId(seed.assetId());
        String fileId = stableId("file:" + seed.assetId() + ":" + spec.category());
        String key = "system/" + seed.assetId() + "/" + spec.fileName();
        boolean recorded = files.findById(fileId).isPresent();
        if (recorded && store.stat(key).isPresent()) {
            return;
        }
        Path local = Files.createTempFile(scratch, "seed", "." + spec.fileType());
        try {
            spec.writer().write(local);
            store.put(key, local, spec.contentType());
            long size = Files.size(local);
            String md5 = FileDigests.md5Base64(local);
            tx.executeWithoutResult(status -> {
                AssetFileEntity file = files.findById(fileId).orElseGet(AssetFileEntity::new);
                Instant now = clock.instant();
                file.setFileId(fileId);
                file.setAssetRow(row);
                file.setProjectId(AssetEntity.SYSTEM_PROJECT);
                file.setFileName(spec.fileName());
                file.setFileType(spec.fileType());
                file.setAssetFileCategory(spec.category());
                file.setState(FileState.CREATED);
                file.setObjectKey(key);
                file.setFileSize(size);
                file.setFileMd5(md5);
                file.setCreateTime(file.getCreateTime() == null ? now : file.getCreateTime());
                file.setUpdateTime(now);
                files.save(file);
            });
        } catch (DataIntegrityViolationException raced) {
            LOG.debug("File {} of system asset {} was seeded by another node", fileId, seed.assetId());
        } finally {
            Files.deleteIfExists(local);
        }
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
