package dev.metastudio.emulator.iam;

/** A user of the IAM token flow, bound to one project. */
record IamUser(String name, String password, String projectId) {
}
