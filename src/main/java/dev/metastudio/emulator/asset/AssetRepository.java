package dev.metastudio.emulator.asset;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface AssetRepository extends JpaRepository<AssetEntity, String>, JpaSpecificationExecutor<AssetEntity> {

    Optional<AssetEntity> findByProjectIdAndAssetId(String projectId, String assetId);

    Optional<AssetEntity> findFirstByAssetIdAndSharedWithContains(String assetId, String projectId);

    List<AssetEntity> findByAssetStateAndCreateTimeBefore(AssetState state, Instant before);

    List<AssetEntity> findByProjectId(String projectId);
}
