package dev.metastudio.emulator.live.rules;

/** The reference's codes (11.2) for interaction rules and rule libraries. */
public final class RuleCodes {
    /** 400, L16841: "Interaction rule library not found." */
    public static final String GROUP_NOT_FOUND = "MSS.20010083";
    /** 400, L16842: "Duplicate interaction rule library name." */
    public static final String DUPLICATE_GROUP_NAME = "MSS.20010084";
    /** 400, L16855: "Invalid parameter in interaction rule *. {error message}" */
    public static final String INVALID_RULE = "MSS.20010110";

    private RuleCodes() {
    }
}
