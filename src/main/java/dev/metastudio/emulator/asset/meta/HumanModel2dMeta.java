package dev.metastudio.emulator.asset.meta;

import java.util.List;

/** human_model_2d_meta (reference Table 4-21). model_resolution is 1080P or 4K (not a Java name, so a string). */
public record HumanModel2dMeta(
        Boolean isActionEditable,
        Boolean isRealBackground,
        Boolean supportLive,
        ModelVersion modelVersion,
        String modelResolution,
        List<String> deviceNames,
        Boolean isWithActionLibrary,
        List<ActionTagInfo> actionTagMap,
        Boolean isFlexus) {

    public enum ModelVersion { V2, V3, V3_2 }

    public record ActionTagInfo(String actionNameZh, String actionNameEn, Float actionDuration, String catalog,
                                String fileName, String tag) {
    }
}
