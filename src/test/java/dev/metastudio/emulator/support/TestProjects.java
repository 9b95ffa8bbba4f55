package dev.metastudio.emulator.support;

/** The credentials every server test runs with: two tenants, so isolation can be checked. */
public final class TestProjects {
    public static final String PROJECT_A = "a0000000000000000000000000000001";
    public static final String AK_A = "TESTAKPROJECTA000001";
    public static final String SK_A = "testSecretKeyForProjectA0000000000000001";
    public static final String PROJECT_B = "b0000000000000000000000000000002";
    public static final String AK_B = "TESTAKPROJECTB000002";
    public static final String SK_B = "testSecretKeyForProjectB0000000000000002";
    /** A tenant of its own for the fuzz test, so what it creates never counts against A's or B's queue limits. */
    public static final String PROJECT_FUZZ = "f0000000000000000000000000000003";
    public static final String AK_FUZZ = "TESTAKPROJECTFUZZ003";
    public static final String SK_FUZZ = "testSecretKeyForTheFuzzTenant00000000003";
    /** A tenant of its own for the control-plane tests, whose resets must never touch A's or B's data. */
    public static final String PROJECT_OPS = "c0000000000000000000000000000004";
    public static final String AK_OPS = "TESTAKCONTROLOPS0004";
    public static final String SK_OPS = "testSecretKeyForTheControlPlaneTenant004";
    public static final String USER_A = "alice";
    public static final String PASSWORD_A = "alice-password";

    public static final String CREDENTIALS = AK_A + ":" + SK_A + ":" + PROJECT_A + "," + AK_B + ":" + SK_B + ":" + PROJECT_B
            + "," + AK_FUZZ + ":" + SK_FUZZ + ":" + PROJECT_FUZZ
            + "," + AK_OPS + ":" + SK_OPS + ":" + PROJECT_OPS;
    public static final String USERS = USER_A + ":" + PASSWORD_A + ":" + PROJECT_A + ",bob:bob-password:" + PROJECT_B;

    private TestProjects() {
    }
}
