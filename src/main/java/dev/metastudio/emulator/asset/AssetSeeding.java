package dev.metastudio.emulator.asset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Seed data for the asset library, created as the API creates it: the asset from a create body
 * (CreateDigitalAssetRequestBody), each file registered, its bytes stored and confirmed (so media assets are probed
 * and get their covers and reach ACTIVED as uploaded ones do). Idempotent by name: a project that already has a
 * (not deleted) asset of that name keeps it.
 */
@Component
public class AssetSeeding {
    /** Placeholder authority for the upload URLs the seeding never hands out. */
    private static final String LOCAL = "http://127.0.0.1";

    /** A file next to the seed JSON, and its category (MAIN, COVER...; null: MAIN). */
    public record SeedFile(Path path, String category) {
    }

    private final AssetService assets;
    private final FileService files;
    private final AssetRepository repository;
    private final AssetFileRepository fileRows;
    private final ObjectStore store;
    private final ObjectMapper json;

    AssetSeeding(AssetService assets, FileService files, AssetRepository repository, AssetFileRepository fileRows,
                 ObjectStore store, ObjectMapper json) {
        this.assets = assets;
        this.files = files;
        this.repository = repository;
        this.fileRows = fileRows;
        this.store = store;
        this.json = json;
    }

    /** The new asset's id, or empty when the project already has an asset of that name. */
    public Optional<String> seed(String projectId, ObjectNode createBody, List<SeedFile> seedFiles) {
        AssetRequests.Create body;
        try {
            body = json.treeToValue(createBody, AssetRequests.Create.class);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("asset", "is not a create body: " + e.getOriginalMessage());
        }
        AssetValidation.create(body);
        boolean exists = repository.findByProjectId(projectId).stream()
                .anyMatch(a -> a.getAssetName().equals(body.assetName()) && a.getAssetState() != AssetState.DELETED);
        if (exists) {
            return Optional.empty();
        }
        String assetId = assets.create(projectId, null, body).assetId();
        for (SeedFile seed : seedFiles) {
            upload(projectId, assetId, seed);
        }
        return Optional.of(assetId);
    }

    private void upload(String projectId, String assetId, SeedFile seed) {
        try {
            String name = seed.path().getFileName().toString();
            long size = Files.size(seed.path());
            String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5")
                    .digest(Files.readAllBytes(seed.path())));
            String fileId = files.create(projectId, new FileRequests.Create(name, md5, size, null, assetId,
                    seed.category() == null ? FileCategory.MAIN.name() : seed.category()), LOCAL).fileId();
            String key = fileRows.findByFileIdAndProjectId(fileId, projectId).orElseThrow().getObjectKey();
            store.put(key, seed.path(), null);
            files.complete(projectId, fileId, new FileRequests.Complete(FileRequests.Complete.Outcome.CREATED));
        } catch (IOException e) {
            throw new UncheckedIOException("seed file " + seed.path() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
