package dev.metastudio.emulator.asset.meta;

import java.util.List;

/** material_meta of 3D stylised materials. */
public record MaterialMeta(List<Component> components) {

    public enum ComponentType { CLOTHES, PANTS, SHOES, HAIR, EYELASH, EYEBROW }

    public record Component(String componentName, ComponentType componentType, String componentDesc) {
    }
}
