package dev.metastudio.emulator.asset.meta;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * asset_extra_meta: one sub-document per asset type ("other unmatched structures will be ignored"). The media
 * metas (image, video, audio) are filled by probing the uploaded main file.
 */
public record AssetExtraMeta(
        HumanModelMeta humanModelMeta,
        VoiceModelMeta voiceModelMeta,
        PptMeta pptMeta,
        AnimationMeta animationMeta,
        SceneMeta sceneMeta,
        MaterialMeta materialMeta,
        @JsonProperty("human_model_2d_meta") HumanModel2dMeta humanModel2dMeta,
        MediaMetas.ImageMeta imageMeta,
        MediaMetas.VideoMeta videoMeta,
        MediaMetas.AudioMeta audioMeta) {

    public static AssetExtraMeta empty() {
        return new AssetExtraMeta(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * An update's sub-documents replace the current ones; the media metas stay as probing left them, since the
     * reference says they are extracted automatically.
     */
    public AssetExtraMeta updatedBy(AssetExtraMeta update) {
        if (update == null) {
            return this;
        }
        return new AssetExtraMeta(
                update.humanModelMeta != null ? update.humanModelMeta : humanModelMeta,
                update.voiceModelMeta != null ? update.voiceModelMeta : voiceModelMeta,
                update.pptMeta != null ? update.pptMeta : pptMeta,
                update.animationMeta != null ? update.animationMeta : animationMeta,
                update.sceneMeta != null ? update.sceneMeta : sceneMeta,
                update.materialMeta != null ? update.materialMeta : materialMeta,
                update.humanModel2dMeta != null ? update.humanModel2dMeta : humanModel2dMeta,
                imageMeta, videoMeta, audioMeta);
    }

    /**
     * Only the structure that matches the asset's type (L796, L1211: "Select a structure based on asset_type. Other
     * unmatched structures will be ignored."): HUMAN_MODEL human_model_meta, HUMAN_MODEL_2D human_model_2d_meta,
     * SCENE scene_meta, ANIMATION animation_meta, MATERIAL material_meta, VOICE_MODEL voice_model_meta, VIDEO
     * video_meta, IMAGE image_meta, PPT ppt_meta, AUDIO audio_meta. MUSIC is probed like AUDIO and keeps audio_meta
     * (the reference lists no structure for it); every other type keeps none. {@code typeName} is the asset type's
     * name, as this package does not know the asset enum.
     */
    public AssetExtraMeta keepingOnly(String typeName) {
        return switch (typeName) {
            case "HUMAN_MODEL" -> new AssetExtraMeta(humanModelMeta, null, null, null, null, null, null, null, null, null);
            case "VOICE_MODEL" -> new AssetExtraMeta(null, voiceModelMeta, null, null, null, null, null, null, null, null);
            case "PPT" -> new AssetExtraMeta(null, null, pptMeta, null, null, null, null, null, null, null);
            case "ANIMATION" -> new AssetExtraMeta(null, null, null, animationMeta, null, null, null, null, null, null);
            case "SCENE" -> new AssetExtraMeta(null, null, null, null, sceneMeta, null, null, null, null, null);
            case "MATERIAL" -> new AssetExtraMeta(null, null, null, null, null, materialMeta, null, null, null, null);
            case "HUMAN_MODEL_2D" -> new AssetExtraMeta(null, null, null, null, null, null, humanModel2dMeta, null, null,
                    null);
            case "IMAGE" -> new AssetExtraMeta(null, null, null, null, null, null, null, imageMeta, null, null);
            case "VIDEO" -> new AssetExtraMeta(null, null, null, null, null, null, null, null, videoMeta, null);
            case "AUDIO", "MUSIC" -> new AssetExtraMeta(null, null, null, null, null, null, null, null, null, audioMeta);
            default -> empty();
        };
    }

    /** L834: human_model_meta.modeling_type "Default value: UPLOADED", filled in when it was not given. */
    public AssetExtraMeta withHumanModelDefaults() {
        HumanModelMeta model = humanModelMeta == null
                ? new HumanModelMeta(null, HumanModelMeta.ModelingType.UPLOADED, null, null, null)
                : humanModelMeta.modelingType() != null ? humanModelMeta
                : new HumanModelMeta(humanModelMeta.styleId(), HumanModelMeta.ModelingType.UPLOADED,
                        humanModelMeta.modelingJobId(), humanModelMeta.modelProperties(), humanModelMeta.components());
        return new AssetExtraMeta(model, voiceModelMeta, pptMeta, animationMeta, sceneMeta, materialMeta,
                humanModel2dMeta, imageMeta, videoMeta, audioMeta);
    }

    public AssetExtraMeta withVoiceModelMeta(VoiceModelMeta meta) {
        return new AssetExtraMeta(humanModelMeta, meta, pptMeta, animationMeta, sceneMeta, materialMeta,
                humanModel2dMeta, imageMeta, videoMeta, audioMeta);
    }

    public AssetExtraMeta withHumanModel2dMeta(HumanModel2dMeta meta) {
        return new AssetExtraMeta(humanModelMeta, voiceModelMeta, pptMeta, animationMeta, sceneMeta, materialMeta,
                meta, imageMeta, videoMeta, audioMeta);
    }

    public AssetExtraMeta withImageMeta(MediaMetas.ImageMeta meta) {
        return new AssetExtraMeta(humanModelMeta, voiceModelMeta, pptMeta, animationMeta, sceneMeta, materialMeta,
                humanModel2dMeta, meta, videoMeta, audioMeta);
    }

    public AssetExtraMeta withVideoMeta(MediaMetas.VideoMeta meta) {
        return new AssetExtraMeta(humanModelMeta, voiceModelMeta, pptMeta, animationMeta, sceneMeta, materialMeta,
                humanModel2dMeta, imageMeta, meta, audioMeta);
    }

    public AssetExtraMeta withAudioMeta(MediaMetas.AudioMeta meta) {
        return new AssetExtraMeta(humanModelMeta, voiceModelMeta, pptMeta, animationMeta, sceneMeta, materialMeta,
                humanModel2dMeta, imageMeta, videoMeta, meta);
    }
}
