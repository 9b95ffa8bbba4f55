package dev.metastudio.emulator.asset.meta;

import java.util.List;
import java.util.Map;

/** scene_meta of 3D scenes. */
public record SceneMeta(List<Component> components, Map<String, Component> defaultConfigs) {

    public enum ComponentType { CAMERA, PANEL, LIGHT }

    public record Component(Integer index, String componentName, ComponentType componentType, String componentDesc) {
    }
}
