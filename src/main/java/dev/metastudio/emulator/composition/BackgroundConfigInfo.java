package dev.metastudio.emulator.composition;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * BackgroundConfigInfo: an IMAGE (by asset id or by an asset-library URL in background_config) or a COLOR. The
 * job-only fields are kept and answered but, as the reference says, have no effect on virtual avatar videos.
 */
public record BackgroundConfigInfo(
        BackgroundType backgroundType,
        String backgroundConfig,
        String backgroundColorConfig,
        String backgroundAssetId,
        ImageArea backgroundImageConfig,
        String backgroundTitle,
        @JsonProperty("human_position_2d") HumanPosition2d humanPosition2d,
        @JsonProperty("human_size_2d") HumanSize2d humanSize2d,
        // Live room request tables spell it background_over_url (6.1.1 Table 6-5), the responses background_cover_url.
        @JsonAlias("background_over_url") String backgroundCoverUrl) {

    public enum BackgroundType { IMAGE, COLOR, IMAGE_2D, VIDEO, AUDIO }

    public record ImageArea(Integer dx, Integer dy, Integer width, Integer height) {
    }

    public record HumanPosition2d(String position, Integer positionX, Integer positionY) {
    }

    public record HumanSize2d(Integer width, Integer height) {
    }
}
