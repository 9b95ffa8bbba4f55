package dev.metastudio.emulator.script;

import dev.metastudio.emulator.asset.AssetEntity;
import dev.metastudio.emulator.asset.AssetLookup;
import dev.metastudio.emulator.asset.AssetMapper;
import dev.metastudio.emulator.composition.CompositionRules;
import dev.metastudio.emulator.composition.ShootScript;
import dev.metastudio.emulator.composition.ShootScriptItem;
import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.edge.Paging;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.edge.QueryParams;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Video Script Management, reference 5.1: drafts a project saves, and the system's templates it may copy. */
@Service
public class ScriptService {
    /** L16828. */
    static final String DUPLICATE_NAME = "MSS.20010005";
    private final VideoScriptRepository scripts;
    private final CompositionRules rules;
    private final ScriptAudio audio;
    private final ScenePreviews previews;
    private final AssetLookup assets;
    private final AssetMapper assetMapper;
    private final Clock clock;
    private final Path scratch;

    ScriptService(VideoScriptRepository scripts, CompositionRules rules, ScriptAudio audio, ScenePreviews previews,
                  AssetLookup assets, AssetMapper assetMapper, Clock clock, EmulatorProperties properties) {
        this.scripts = scripts;
        this.rules = rules;
        this.audio = audio;
        this.previews = previews;
        this.assets = assets;
        this.assetMapper = assetMapper;
        this.clock = clock;
        this.scratch = properties.dataDir().resolve("tmp");
    }

    @Transactional
    public ScriptViews.Saved create(String projectId, ScriptContent body, String baseUrl) {
        Check.required(body, "request body");
        validate(projectId, body);
        String scriptId = UUID.randomUUID().toString();
        uniqueName(projectId, body.scriptName(), scriptId);
        Instant now = clock.instant();
        VideoScriptEntity script = new VideoScriptEntity();
        script.setScriptId(scriptId);
        script.setProjectId(projectId);
        script.setScriptCatalog(VideoScriptEntity.DRAFT);
        script.apply(body);
        previews.refresh(script);
        script.setCreateTime(now);
        script.setUpdateTime(now);
        scripts.save(script);
        return new ScriptViews.Saved(script.getScriptId(), audio.uploadUrls(script, baseUrl));
    }

    @Transactional(readOnly = true)
    public ScriptViews.ScriptList list(String projectId, QueryParams q, String baseUrl) {
        Paging paging = Paging.of(q);
        String catalog = q.oneOf("script_catalog", List.of(VideoScriptEntity.DRAFT, VideoScriptEntity.TEMPLATE),
                VideoScriptEntity.DRAFT);
        // L4101: "The default value is LANDSCAPE"; a script saved without view_mode is LANDSCAPE (L3759).
        String viewMode = q.oneOf("view_mode", List.of("LANDSCAPE", "VERTICAL"), "LANDSCAPE");
        String name = q.text("name");
        Page<VideoScriptEntity> page = scripts.findAll((root, query, cb) -> cb.and(filters(cb, root, projectId, catalog,
                viewMode, name)), paging.sorted(Sort.by(Sort.Order.desc("createTime"), Sort.Order.asc("scriptId"))));
        return new ScriptViews.ScriptList((int) page.getTotalElements(),
                page.getContent().stream().map(s -> baseInfo(s, baseUrl)).toList());
    }

    @Transactional(readOnly = true)
    public ScriptViews.Detail show(String projectId, String scriptId, String baseUrl) {
        return detail(visible(projectId, scriptId), baseUrl);
    }

    @Transactional
    public ScriptViews.Saved update(String projectId, String scriptId, ScriptContent body, String baseUrl) {
        Check.required(body, "request body");
        VideoScriptEntity script = owned(projectId, scriptId);
        ScriptContent merged = script.getContent().updatedBy(body);
        validate(projectId, merged);
        uniqueName(projectId, merged.scriptName(), scriptId);
        script.apply(merged);
        previews.refresh(script);
        script.setUpdateTime(clock.instant());
        return new ScriptViews.Saved(script.getScriptId(), audio.uploadUrls(script, baseUrl));
    }

    @Transactional
    public void delete(String projectId, String scriptId) {
        VideoScriptEntity script = owned(projectId, scriptId);
        scripts.delete(script);
        try {
            audio.delete(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new draft with the same content (and uploaded audio). Script names are unique (L16828 MSS.20010005), so the
     * copy is named "{name} (copy)", "{name} (copy 2)"... (the reference names no rule; this is the emulator's).
     */
    @Transactional
    public ScriptViews.Saved copy(String projectId, String scriptId) {
        VideoScriptEntity source = visible(projectId, scriptId);
        Instant now = clock.instant();
        VideoScriptEntity copy = new VideoScriptEntity();
        copy.setScriptId(UUID.randomUUID().toString());
        copy.setProjectId(projectId);
        copy.setScriptCatalog(VideoScriptEntity.DRAFT);
        copy.apply(source.getContent().renamed(copyName(projectId, source.getScriptName(), copy.getScriptId())));
        previews.refresh(copy);
        copy.setCreateTime(now);
        copy.setUpdateTime(now);
        scripts.save(copy);
        try {
            Files.createDirectories(scratch);
            audio.copy(source, copy, scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ScriptViews.Saved(copy.getScriptId(), null);
    }

    /** The caller's own script or a system template; another project's script does not exist for the caller. */
    public VideoScriptEntity visible(String projectId, String scriptId) {
        return scripts.findById(scriptId)
                .filter(s -> s.getProjectId().equals(projectId) || s.getProjectId().equals(AssetEntity.SYSTEM_PROJECT))
                .orElseThrow(() -> ApiException.notFound("video script", scriptId));
    }

    private VideoScriptEntity owned(String projectId, String scriptId) {
        VideoScriptEntity script = visible(projectId, scriptId);
        if (!script.getProjectId().equals(projectId)) {
            throw new ApiException(401, ErrorCodes.READ_ONLY, "Insufficient permissions: " + scriptId
                    + " is a system template; copy it to change it");
        }
        return script;
    }

    /** L16828: "MSS.20010005 Duplicate script name. Do not use duplicate script name." (among the project's drafts). */
    private void uniqueName(String projectId, String name, String scriptId) {
        if (scripts.existsByProjectIdAndScriptCatalogAndScriptNameAndScriptIdNot(projectId, VideoScriptEntity.DRAFT,
                name, scriptId)) {
            throw new ApiException(400, DUPLICATE_NAME, "Duplicate script name: a script named '" + name
                    + "' already exists");
        }
    }

    private String copyName(String projectId, String name, String copyId) {
        for (int n = 1; ; n++) {
            String suffix = n == 1 ? " (copy)" : " (copy " + n + ")";
            String candidate = (name.length() + suffix.length() > 256 ? name.substring(0, 256 - suffix.length()) : name)
                    + suffix;
            if (!scripts.existsByProjectIdAndScriptCatalogAndScriptNameAndScriptIdNot(projectId,
                    VideoScriptEntity.DRAFT, candidate, copyId)) {
                return candidate;
            }
        }
    }

    private void validate(String projectId, ScriptContent body) {
        Check.length(Check.requiredText(body.scriptName(), "script_name"), 1, 256, "script_name");
        Check.length(body.scriptDescription(), 0, 1024, "script_description");
        Check.length(body.sceneAssetId(), 0, 64, "scene_asset_id");
        Check.length(body.privData(), 0, 8192, "priv_data");
        Check.required(body.shootScripts(), "shoot_scripts");
        // L3761 model_asset_type HUMAN_MODEL_3D: the script is accepted with a 3D model (a HUMAN_MODEL asset); a video
        // job made from it fails with MSS.20010098, as the emulator renders no 3D human.
        rules.validate(projectId, body.composition(), CompositionRules.Mode.SCRIPT, scene -> true,
                Scripts.modelType(body.modelAssetType()));
    }

    private ScriptViews.Detail detail(VideoScriptEntity script, String baseUrl) {
        ScriptContent c = script.getContent();
        List<ScriptViews.ShowItem> items = new ArrayList<>();
        if (c.shootScripts() != null) {
            c.shootScripts().stream().sorted(Comparator.comparing(ShootScriptItem::sequenceNo)).forEach(item ->
                    items.add(new ScriptViews.ShowItem(item.sequenceNo(), item.shootScript().withDefaults(),
                            item.subtitleFileInfo(),
                            item.shootScript().audioConfig(), preview(item.shootScript(),
                                    previews.url(script, item.sequenceNo(), baseUrl)))));
        }
        return new ScriptViews.Detail(c.scriptName(), c.scriptDescription(),
                c.viewMode() == null ? ScriptContent.ViewMode.LANDSCAPE : c.viewMode(), c.modelAssetId(),
                c.modelAssetType(), c.voiceConfig() == null ? null : c.voiceConfig().withDefaults(),
                c.videoConfig() == null ? null : c.videoConfig().withDefaults(),
                c.sceneAssetId(), c.privData(), c.backgroundMusicConfig(), c.reviewConfig(),
                audio.downloadUrls(script, baseUrl), c.actionConfig(), items, script.getScriptId(),
                ApiTime.format(script.getCreateTime()), ApiTime.format(script.getUpdateTime()), cover(script, baseUrl));
    }

    private ScriptViews.BaseInfo baseInfo(VideoScriptEntity script, String baseUrl) {
        List<ShootScriptItem> scenes = script.getContent().shootScripts();
        ShootScript first = scenes == null || scenes.isEmpty() ? null : scenes.stream()
                .min(Comparator.comparing(ShootScriptItem::sequenceNo)).map(ShootScriptItem::shootScript).orElse(null);
        return new ScriptViews.BaseInfo(script.getScriptId(), script.getScriptName(), script.getScriptDescription(),
                script.getModelAssetId(), script.getModelAssetType(), cover(script, baseUrl),
                first == null ? "TEXT" : first.effectiveType().name(),
                first == null || first.textConfig() == null ? null : first.textConfig().text(),
                ApiTime.format(script.getCreateTime()), ApiTime.format(script.getUpdateTime()));
    }

    /** The avatar model's cover stands for the script, as in the console's script list. */
    private String cover(VideoScriptEntity script, String baseUrl) {
        if (script.getModelAssetId() == null) {
            return null;
        }
        return assets.findVisible(script.getProjectId(), script.getModelAssetId())
                .map(model -> assetMapper.coverUrl(model, baseUrl)).orElse(null);
    }

    private static ScriptViews.PreviewInfo preview(ShootScript scene, String audioUrl) {
        if (scene.textConfig() == null || scene.textConfig().text() == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    scene.textConfig().text().getBytes(StandardCharsets.UTF_8));
            return new ScriptViews.PreviewInfo(HexFormat.of().formatHex(digest), audioUrl, null, null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Predicate[] filters(CriteriaBuilder cb, Root<VideoScriptEntity> s, String projectId, String catalog,
                                       String viewMode, String name) {
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(s.get("scriptCatalog"), catalog));
        where.add(cb.equal(s.get("projectId"), VideoScriptEntity.TEMPLATE.equals(catalog)
                ? AssetEntity.SYSTEM_PROJECT : projectId));
        if (viewMode != null) {
            where.add(cb.equal(cb.coalesce(s.get("viewMode"), "LANDSCAPE"), viewMode));
        }
        if (name != null) {
            String escaped = name.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.add(cb.like(cb.lower(s.get("scriptName")), "%" + escaped + "%", '\\'));
        }
        return where.toArray(Predicate[]::new);
    }

}
