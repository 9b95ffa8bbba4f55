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
