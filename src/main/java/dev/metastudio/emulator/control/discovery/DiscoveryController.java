package dev.metastudio.emulator.control.discovery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a user can ask before calling: which SDK operations the emulator implements. */
@RestController
@Tag(name = "discovery", description = "What the emulator implements")
class DiscoveryController {
    private final Coverage coverage;

    DiscoveryController(Coverage coverage) {
        this.coverage = coverage;
    }

    @GetMapping("/_emulator/coverage")
    @Operation(summary = "Every operation of the official SDK 3.1.143 with whether the emulator implements it",
            description = "Computed from the registered controllers: a 404 from an operation listed as not"
                    + " implemented means \"not emulated\", not \"not found\".")
    Coverage.Report coverage() {
        return coverage.report();
    }
}
