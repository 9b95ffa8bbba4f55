package dev.metastudio.emulator.asset;

/** A {key, value} classification of an asset; {@code action} says whether an update adds or removes it. */
public record SystemProperty(Action action, SystemPropertyKey key, String value) {
    public enum Action { ADD, DELETE }
}
