package dev.metastudio.emulator.live.rules;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface RuleGroupRepository extends JpaRepository<RuleGroupEntity, String>,
        JpaSpecificationExecutor<RuleGroupEntity> {
    Optional<RuleGroupEntity> findByProjectIdAndGroupId(String projectId, String groupId);

    boolean existsByProjectIdAndGroupNameAndGroupIdNot(String projectId, String groupName, String groupId);
}
