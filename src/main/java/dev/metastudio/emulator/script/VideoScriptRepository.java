package dev.metastudio.emulator.script;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface VideoScriptRepository extends JpaRepository<VideoScriptEntity, String>,
        JpaSpecificationExecutor<VideoScriptEntity> {

    Optional<VideoScriptEntity> findByScriptIdAndProjectId(String scriptId, String projectId);

    boolean existsByProjectIdAndScriptCatalogAndScriptNameAndScriptIdNot(String projectId, String scriptCatalog,
                                                                        String scriptName, String scriptId);
}
