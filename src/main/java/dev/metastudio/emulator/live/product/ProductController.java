package dev.metastudio.emulator.live.product;

import dev.metastudio.emulator.edge.PublicUrl;
import dev.metastudio.emulator.edge.QueryParams;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Products, reference 6.3.1-6.3.6. PUT, DELETE and the asset portfolio answer 200 without a body. The optional
 * X-User-Privilege header ("access whitelist of users") is accepted and has no effect.
 */
@RestController
@RequestMapping("/v1/{project_id}/products")
class ProductController {
    private final ProductService products;
    private final PublicUrl publicUrl;

    ProductController(ProductService products, PublicUrl publicUrl) {
        this.products = products;
        this.publicUrl = publicUrl;
    }

    @PostMapping
    ProductModel.Created create(@PathVariable("project_id") String projectId,
                                @RequestBody(required = false) ProductModel.CreateBody body) {
        return products.create(projectId, body);
    }

    @GetMapping
    ProductModel.ProductList list(@PathVariable("project_id") String projectId,
                                  @RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        return products.list(projectId, new QueryParams(query), publicUrl.of(request));
    }

    @GetMapping("/{product_id}")
    ProductModel.Detail show(@PathVariable("project_id") String projectId,
                             @PathVariable("product_id") String productId, HttpServletRequest request) {
        return products.show(projectId, productId, publicUrl.of(request));
    }

    @PutMapping("/{product_id}")
    ResponseEntity<Void> update(@PathVariable("project_id") String projectId,
                                @PathVariable("product_id") String productId,
                                @RequestBody(required = false) ProductModel.UpdateBody body) {
        products.update(projectId, productId, body);
        return ResponseEntity.ok().build();
    }

    @DeleteMapping("/{product_id}")
    ResponseEntity<Void> delete(@PathVariable("project_id") String projectId,
                                @PathVariable("product_id") String productId) {
        products.delete(projectId, productId);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/{product_id}/assets")
    ResponseEntity<Void> assets(@PathVariable("project_id") String projectId,
                                @PathVariable("product_id") String productId,
                                @RequestBody(required = false) ProductModel.AssetRelation body) {
        products.relate(projectId, productId, body);
        return ResponseEntity.ok().build();
    }
}
