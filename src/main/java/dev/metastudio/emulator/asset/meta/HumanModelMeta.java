package dev.metastudio.emulator.asset.meta;

import java.util.List;

/** human_model_meta of 3D models (reference Table 4-6): stored and answered as given. */
public record HumanModelMeta(StyleId styleId, ModelingType modelingType, String modelingJobId,
                             ModelProperties modelProperties, List<ComponentInfo> components) {

    public enum StyleId { system_male_001, system_female_001, system_male_002, system_female_002 }

    public enum ModelingType { UPLOADED, PICTURE_MODELING, CHARACTER_CUSTOMIZATION_MODELING }

    public record ModelProperties(String wholeModelBaseFileId, String loadModelFileId) {
    }

    public record ComponentInfo(String componentName, String componentType, String componentDesc) {
    }
}
