package dev.metastudio.emulator.video;

import dev.metastudio.emulator.asset.AssetState;
import dev.metastudio.emulator.asset.AssetType;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Output asset names are unique per project ("duplicate asset name" is a documented compositing failure): taken by
 * a live VIDEO asset, or by another job that will produce one.
 */
@Component
public class OutputNames {
    private final EntityManager entities;

    OutputNames(EntityManager entities) {
        this.entities = entities;
    }

    public boolean taken(String projectId, String name) {
        return takenByAsset(projectId, name) || !entities.createQuery("SELECT j.jobId FROM VideoJobEntity j WHERE"
                        + " j.projectId = :project AND j.outputAssetName = :name AND j.state IN :states", String.class)
                .setParameter("project", projectId).setParameter("name", name)
                .setParameter("states", List.of(VideoJobState.WAITING, VideoJobState.PROCESSING)).setMaxResults(1)
                .getResultList().isEmpty();
    }

    public boolean takenByAsset(String projectId, String name) {
        return !entities.createQuery("SELECT a.assetId FROM AssetEntity a WHERE a.projectId = :project"
                        + " AND a.assetType = :type AND a.assetName = :name AND a.assetState NOT IN :gone", String.class)
                .setParameter("project", projectId).setParameter("type", AssetType.VIDEO).setParameter("name", name)
                .setParameter("gone", List.of(AssetState.DELETED, AssetState.DELETING)).setMaxResults(1)
                .getResultList().isEmpty();
    }
}
