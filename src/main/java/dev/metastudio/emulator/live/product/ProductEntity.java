package dev.metastudio.emulator.live.product;

import dev.metastudio.emulator.config.JsonColumns;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A product: name, tags and state as columns (filtered), cover, texts and materials as a JSON document. */
@Entity
@Table(name = "live_product")
class ProductEntity {
    @Id
    private String productId;
    private String projectId;
    private String name;
    private String description;
    private String tags;
    private String state;
    @Convert(converter = ContentColumn.class)
    private ProductModel.Content content;
    private Instant createTime;
    private Instant updateTime;

    static class ContentColumn extends JsonColumns.Converter<ProductModel.Content> {
        ContentColumn() {
            super(ProductModel.Content.class);
        }
    }

    String getProductId() { return productId; }
    void setProductId(String productId) { this.productId = productId; }
    String getProjectId() { return projectId; }
    void setProjectId(String projectId) { this.projectId = projectId; }
    String getName() { return name; }
    void setName(String name) { this.name = name; }
    String getDescription() { return description; }
    void setDescription(String description) { this.description = description; }
    String getTags() { return tags; }
    void setTags(String tags) { this.tags = tags; }
    String getState() { return state; }
    void setState(String state) { this.state = state; }
    ProductModel.Content getContent() { return content; }
    void setContent(ProductModel.Content content) { this.content = content; }
    Instant getCreateTime() { return createTime; }
    void setCreateTime(Instant createTime) { this.createTime = createTime; }
    Instant getUpdateTime() { return updateTime; }
    void setUpdateTime(Instant updateTime) { this.updateTime = updateTime; }
}
