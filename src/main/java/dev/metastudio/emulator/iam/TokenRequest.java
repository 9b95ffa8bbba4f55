package dev.metastudio.emulator.iam;

import java.util.List;

/** The body of {@code POST /v3/auth/tokens} (password method, project scope). */
record TokenRequest(Auth auth) {
    record Auth(Identity identity, Scope scope) {
    }

    record Identity(List<String> methods, Password password) {
    }

    record Password(User user) {
    }

    record User(String name, String password, Domain domain) {
    }

    record Domain(String id, String name) {
    }

    record Scope(Project project) {
    }

    record Project(String id, String name) {
    }
}
