package dev.metastudio.emulator.control.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metastudio.emulator.asset.AssetSeeding;
import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.config.TenantScope;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.auth.ProjectIds;
import dev.metastudio.emulator.script.ScriptSeeding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The seed folder ({@code METASTUDIO_SEED_DIR}): every {@code *.json} file in it declares, for one project, assets
 * (a create body plus {@code files} taken from paths next to the JSON) and scripts (a create body), created as the API
 * creates them. Idempotent by name, so reading the folder again (a restart, {@code POST /_emulator/seed}) adds only
 * what is new.
 */
@Component
class SeedLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SeedLoader.class);

    /** What one reading of the folder did. */
    record Report(List<String> files, Map<String, Integer> created, Map<String, Integer> skipped) {
        static Report empty() {
            Map<String, Integer> created = new LinkedHashMap<>();
            Map<String, Integer> skipped = new LinkedHashMap<>();
            for (String kind : List.of("assets", "scripts")) {
                created.put(kind, 0);
                skipped.put(kind, 0);
            }
            return new Report(new ArrayList<>(), created, skipped);
        }

        void count(String kind, boolean createdNow) {
            (createdNow ? created : skipped).merge(kind, 1, Integer::sum);
        }
    }

    private final Path dir;
    private final AssetSeeding assets;
    private final ScriptSeeding scripts;
    private final ObjectMapper json;

    SeedLoader(EmulatorProperties properties, AssetSeeding assets, ScriptSeeding scripts, ObjectMapper json) {
        this.dir = properties.seedDir();
        this.assets = assets;
        this.scripts = scripts;
        this.json = json;
    }

    boolean configured() {
        return dir != null;
    }

    Path dir() {
        return dir;
    }

    /** Reads every seed file, in name order; a bad file is refused with 400 naming the file and the field. */
    synchronized Report load() {
        if (dir == null) {
            throw new ApiException(409, "EMULATOR.NO_SEED_DIR", "No seed folder is configured: set METASTUDIO_SEED_DIR");
        }
        if (!Files.isDirectory(dir)) {
            throw new ApiException(409, "EMULATOR.NO_SEED_DIR", "The seed folder " + dir + " does not exist");
        }
        Report report = Report.empty();
        List<Path> seedFiles;
        try (Stream<Path> listing = Files.list(dir)) {
            seedFiles = listing.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ApiException(409, "EMULATOR.NO_SEED_DIR", "The seed folder " + dir + " cannot be read: "
                    + e.getMessage());
        }
        for (Path file : seedFiles) {
            String name = file.getFileName().toString();
            try {
                apply(file, report);
            } catch (ApiException e) {
                throw new ApiException(e.status(), e.code(), "Seed file " + name + ": " + e.getMessage());
            }
            report.files().add(name);
        }
        LOG.info("Seed folder {}: created {}, already there {}", dir, report.created(), report.skipped());
        return report;
    }

    private void apply(Path file, Report report) {
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (IOException e) {
            throw ApiException.invalid("file", "is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalid("file", "must hold a JSON object");
        }
        unknownFields(root, "", List.of("project_id", "assets", "scripts"));
        JsonNode project = root.get("project_id");
        if (project == null || !project.isTextual() || !ProjectIds.valid(project.asText())
                || project.asText().equals(TenantScope.SYSTEM_PROJECT)) {
            throw ApiException.invalid("project_id", "is required and " + ProjectIds.RULE);
        }
        String projectId = project.asText();
        List<ObjectNode> assetNodes = objects(root, "assets");
        for (int i = 0; i < assetNodes.size(); i++) {
            ObjectNode asset = assetNodes.get(i).deepCopy();
            String field = "assets[" + i + "]";
            JsonNode filesNode = asset.remove("files");
            List<AssetSeeding.SeedFile> files = seedFiles(file.getParent(), filesNode, field + ".files");
            try {
                report.count("assets", assets.seed(projectId, asset, files).isPresent());
            } catch (ApiException e) {
                throw new ApiException(e.status(), e.code(), field + ": " + e.getMessage());
            }
        }
        List<ObjectNode> scriptNodes = objects(root, "scripts");
        for (int i = 0; i < scriptNodes.size(); i++) {
            try {
                report.count("scripts", scripts.seed(projectId, scriptNodes.get(i)).isPresent());
            } catch (ApiException e) {
                throw new ApiException(e.status(), e.code(), "scripts[" + i + "]: " + e.getMessage());
            }
        }
    }

    private List<AssetSeeding.SeedFile> seedFiles(Path base, JsonNode node, String field) {
        List<AssetSeeding.SeedFile> files = new ArrayList<>();
        if (node == null || node.isNull()) {
            return files;
        }
        if (!node.isArray()) {
            throw ApiException.invalid(field, "must be an array of {\"path\", \"asset_file_category\"}");
        }
        Path root = base.toAbsolutePath().normalize();
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            String at = field + "[" + i + "]";
            if (!entry.isObject()) {
                throw ApiException.invalid(at, "must be an object");
            }
            unknownFields(entry, at + ".", List.of("path", "asset_file_category"));
            JsonNode path = entry.get("path");
            if (path == null || !path.isTextual() || path.asText().isBlank()) {
                throw ApiException.invalid(at + ".path", "is required");
            }
            Path resolved = root.resolve(path.asText()).normalize();
            if (!resolved.startsWith(root)) {
                throw ApiException.invalid(at + ".path", "must stay inside the seed folder");
            }
            if (!Files.isRegularFile(resolved)) {
                throw ApiException.invalid(at + ".path", "names no file: " + path.asText());
            }
            JsonNode category = entry.get("asset_file_category");
            if (category != null && !category.isTextual()) {
                throw ApiException.invalid(at + ".asset_file_category", "must be a string");
            }
            files.add(new AssetSeeding.SeedFile(resolved, category == null ? null : category.asText()));
        }
        return files;
    }

    private static List<ObjectNode> objects(JsonNode root, String field) {
        JsonNode node = root.get(field);
        List<ObjectNode> found = new ArrayList<>();
        if (node == null || node.isNull()) {
            return found;
        }
        if (!node.isArray()) {
            throw ApiException.invalid(field, "must be an array");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                throw ApiException.invalid(field + "[" + i + "]", "must be an object");
            }
            found.add((ObjectNode) node.get(i));
        }
        return found;
    }

    private static void unknownFields(JsonNode node, String prefix, List<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ApiException.invalid(prefix + name, "is not a seed field (known: " + known + ")");
            }
        }
    }
}
