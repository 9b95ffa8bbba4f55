package dev.metastudio.emulator.asset;

/** AssetFileInfo.state. */
public enum FileState {
    CREATING, CREATED, FAILED, CANCELLED, DELETING, DELETED, UPLOADED, REVIEW, BLOCK;

    /** States in which a file holds its category slot (an asset has one main file). */
    public boolean occupiesSlot() {
        return this == CREATING || this == CREATED || this == UPLOADED || this == REVIEW;
    }
}
