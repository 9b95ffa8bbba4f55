package dev.metastudio.emulator.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioMeta;
import dev.metastudio.emulator.edge.OperationCatalog.Operation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationCatalogTest {

    /** The table is the SDK's: every request definition of MetaStudioMeta, nothing else under /v1. */
    @Test
    void theTableIsTheSdksOwnRequestDefinitions() throws IllegalAccessException {
        List<Operation> fromSdk = new ArrayList<>();
        for (Field field : MetaStudioMeta.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && HttpRequestDef.class.isAssignableFrom(field.getType())) {
                HttpRequestDef<?, ?> def = (HttpRequestDef<?, ?>) field.get(null);
                fromSdk.add(new Operation(def.getName(), def.getMethod().name(), def.getUri()));
            }
        }
        List<Operation> v1 = OperationCatalog.sdk().all().stream().filter(o -> o.path().startsWith("/v1/")).toList();
        assertThat(v1).hasSizeGreaterThan(150).containsExactlyInAnyOrderElementsOf(fromSdk);
    }

    @Test
    void aRequestIsNamedByItsMostSpecificTemplate() {
        OperationCatalog catalog = OperationCatalog.sdk();
        String p = "/v1/e9993fc787d94b6c886cbaa340f9c0f4";
        assertThat(catalog.match("GET", p + "/digital-assets").map(Operation::name)).contains("ListAssets");
        assertThat(catalog.match("GET", p + "/digital-assets/abc").map(Operation::name)).contains("ShowAsset");
        assertThat(catalog.match("POST", p + "/digital-assets/summarys").map(Operation::name)).contains("ListAssetSummary");
        assertThat(catalog.match("POST", p + "/2d-digital-human-videos").map(Operation::name))
                .contains("Create2DDigitalHumanVideo");
        assertThat(catalog.match("POST", "/v3/auth/tokens").map(Operation::name))
                .contains("KeystoneCreateUserTokenByPassword");
        assertThat(catalog.match("DELETE", p + "/digital-assets")).isEmpty();
        assertThat(catalog.match("GET", p + "/digital-assets//x")).isEmpty();
    }
}
