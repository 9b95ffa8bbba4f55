package dev.metastudio.emulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, checked on the compiled classes: no cycles between packages, the media engine free of the
 * application and of Spring, JPA and servlets, and for every module the modules it may use and, of a feature, only
 * its named API. A new dependency that breaks the table fails here, naming the classes. (Compile-time constants
 * are inlined by javac and leave no trace in the classes: a reference to another module's {@code static final}
 * String or number is not seen.)
 */
class StructureTest {
    private static final String ROOT = "dev.metastudio.emulator";

    /** Modules whose every class is open to the modules allowed to use them. */
    private static final Set<String> OPEN = Set.of("edge", "config", "media", "composition", "storage");

    /** A feature module's outward API: its named classes (with their nested types); the rest is internal. */
    private static final Map<String, List<String>> API = Map.of(
            "asset", List.of("AssetEntity", "AssetFileEntity", "AssetLookup", "AssetMapper", "AssetReferences",
                    "AssetState", "AssetType", "EngineBinding", "FileCategory", "PlatformVideos", "ReviewConfig",
                    "VoiceBindings", "meta.*", "AssetSeeding", "AssetBrowser", "AssetViews",
                    "HumanModelAssets", "TrainedVoices"),
            "script", List.of("Scripts", "ScriptSeeding"),
            "callback", List.of("CallbackConfig", "Callbacks", "CallbackFaults"),
            "work", List.of("WorkQueue", "WorkKind", "WorkRunner", "WorkContext", "WorkFailure", "WorkItem",
                    "WorkCommand", "QueueState", "Progression", "ProgressionPolicy", "Advance", "WorkFaults",
                    "WorkerProperties"),
            "video", List.of("VideoJobs", "VideoJobState", "VideoCodes", "VideoRequests"),
            "tts", List.of("TtsService", "TtsJobState"),
            "iam", List.of(),
            "voicemodel", List.of());

    /** Who may use whom: edge comes before everything; features use the shared modules and each other's API. */
    private static final Map<String, List<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("config", List.of());
        ALLOWED.put("edge", List.of("config"));
        ALLOWED.put("media", List.of());
        ALLOWED.put("storage", List.of("edge", "config"));
        ALLOWED.put("iam", List.of("edge", "config"));
        ALLOWED.put("callback", List.of("edge", "config"));
        ALLOWED.put("work", List.of("edge", "config"));
        ALLOWED.put("asset", List.of("edge", "config", "storage", "media"));
        ALLOWED.put("composition", List.of("edge", "config", "asset", "media"));
        // tts: a script's scenes get their preview audio (preview_info, L4465) as TTS preview jobs.
        ALLOWED.put("script", List.of("edge", "config", "storage", "asset", "composition", "tts"));
        ALLOWED.put("video", List.of("edge", "config", "storage", "asset", "composition", "script", "work", "callback",
                "media"));
        ALLOWED.put("tts", List.of("edge", "config", "storage", "asset", "composition", "work", "media"));
        // live: rooms, rule libraries and products (issue 10); live.job builds on live.room's LiveRooms.
        ALLOWED.put("live", List.of("edge", "config", "storage", "asset", "composition", "work", "callback",
                "media"));
        // imagemodel: chapter 8 training jobs; review probes and detects faces (media), success makes an asset.
        ALLOWED.put("imagemodel", List.of("edge", "config", "storage", "asset", "work", "media"));
        ALLOWED.put("voicemodel", List.of("edge", "config", "storage", "asset", "work", "media"));
        ALLOWED.put("control", List.of("edge", "config", "storage", "asset", "composition", "script", "work",
                "callback", "video", "tts", "iam"));
    }

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void noCyclesBetweenModules() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Storage's wiring (StorageConfig picks the filesystem or S3 implementation) is the one edge allowed back. */
    @Test
    void noCyclesBetweenPackages() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.describe("StorageConfig",
                                (JavaClass c) -> c.getName().startsWith(ROOT + ".storage.StorageConfig")),
                        JavaClass.Predicates.resideInAnyPackage(ROOT + ".storage.filesystem", ROOT + ".storage.s3"))
                .check(classes);
    }

    @Test
    void theMediaEngineKnowsNothingOfTheApplicationNorOfSpringJpaOrHttp() {
        noClasses().that().resideInAPackage(ROOT + ".media..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "jakarta.servlet..", "org.hibernate..")
                .orShould().dependOnClassesThat(new DescribedPredicate<JavaClass>("are application classes outside media") {
                    @Override
                    public boolean test(JavaClass c) {
                        return c.getPackageName().startsWith(ROOT) && !inModule(c, "media");
                    }
                })
                .check(classes);
    }

    @Test
    void everyModuleUsesOnlyWhatItsRowAllows() {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> row : ALLOWED.entrySet()) {
            String module = row.getKey();
            List<String> allowed = row.getValue();
            ArchRule rule = noClasses().that().resideInAPackage(ROOT + "." + module + "..")
                    .should().dependOnClassesThat(new DescribedPredicate<JavaClass>(
                            "are outside " + module + " and not the API of " + allowed) {
                        @Override
                        public boolean test(JavaClass target) {
                            String targetModule = moduleOf(target);
                            if (targetModule == null || targetModule.equals(module)) {
                                return false;
                            }
                            return !allowed.contains(targetModule) || !isApi(target, targetModule);
                        }
                    })
                    .because("module " + module + " may use only " + allowed + " (and of a feature only its API)");
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                violations.add(result.getFailureReport().toString());
            }
        }
        assertThat(violations).as("dependencies outside the allowed table").isEmpty();
    }

    /** Every module of the application has a row in the table, so a new package cannot slip past it. */
    @Test
    void everyModuleHasARow() {
        List<String> modules = classes.stream().map(StructureTest::moduleOf).filter(m -> m != null).distinct()
                .sorted().toList();
        assertThat(ALLOWED.keySet()).containsAll(modules);
    }

    /** The module a class belongs to; null for library classes and for the application class itself. */
    private static String moduleOf(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static boolean inModule(JavaClass c, String module) {
        return module.equals(moduleOf(c));
    }

    private static boolean isApi(JavaClass target, String module) {
        if (OPEN.contains(module)) {
            return true;
        }
        String local = target.getName().substring((ROOT + "." + module + ".").length());
        for (String api : API.getOrDefault(module, List.of())) {
            if (api.endsWith(".*") ? local.startsWith(api.substring(0, api.length() - 1))
                    : local.equals(api) || local.startsWith(api + "$")) {
                return true;
            }
        }
        return false;
    }
}
