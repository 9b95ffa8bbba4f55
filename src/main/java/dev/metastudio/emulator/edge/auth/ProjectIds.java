package dev.metastudio.emulator.edge.auth;

import java.util.regex.Pattern;

/**
 * What a project id may be: the reference's are 32 hex digits; letters, digits, {@code -} and {@code _} up to the
 * 64 characters the database keeps are accepted, so configured and path ids never overflow a column.
 */
public final class ProjectIds {
    public static final String RULE = "must be 1 to 64 letters, digits, '-' or '_'";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ProjectIds() {
    }

    public static boolean valid(String projectId) {
        return projectId != null && VALID.matcher(projectId).matches();
    }
}
