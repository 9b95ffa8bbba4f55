package dev.metastudio.emulator.asset;

import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's own assets for the control plane's console, newest first, in every state (including deleted ones,
 * which the API hides), with fresh download URLs. The API's search has its own rules; this is for looking.
 */
@Component
public class AssetBrowser {
    private final AssetRepository assets;
    private final AssetMapper mapper;

    AssetBrowser(AssetRepository assets, AssetMapper mapper) {
        this.assets = assets;
        this.mapper = mapper;
    }

    @Transactional(readOnly = true)
    public List<AssetViews.Asset> newest(String projectId, int limit, String baseUrl) {
        Specification<AssetEntity> ofProject = (root, query, cb) -> cb.equal(root.get("projectId"), projectId);
        List<AssetEntity> page = assets.findAll(ofProject,
                PageRequest.of(0, limit, Sort.by(Sort.Direction.DESC, "createTime"))).getContent();
        return mapper.views(page, baseUrl);
    }
}
