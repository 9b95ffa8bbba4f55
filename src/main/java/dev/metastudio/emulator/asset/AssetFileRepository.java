package dev.metastudio.emulator.asset;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AssetFileRepository extends JpaRepository<AssetFileEntity, String> {

    Optional<AssetFileEntity> findByFileIdAndProjectId(String fileId, String projectId);

    List<AssetFileEntity> findByAssetRowOrderByCreateTime(String assetRow);

    List<AssetFileEntity> findByAssetRowInOrderByCreateTime(Collection<String> assetRows);

    Optional<AssetFileEntity> findFirstByObjectKey(String objectKey);
}
