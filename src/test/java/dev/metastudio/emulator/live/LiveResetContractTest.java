package dev.metastudio.emulator.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CreateInteractionRuleGroupRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateProductRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateProductRequestBody;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomRequest;
import com.huaweicloud.sdk.metastudio.v1.model.InteractionRuleGroup;
import com.huaweicloud.sdk.metastudio.v1.model.ListInteractionRuleGroupsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListProductsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListSmartLiveRoomsRequest;
import dev.metastudio.emulator.support.ControlPlane;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A project's reset removes its live rooms, rule libraries and products, and nothing of another project. */
class LiveResetContractTest extends ServerTest {

    private static void fill(MetaStudioClient client, String marker) {
        client.createSmartLiveRoom(new CreateSmartLiveRoomRequest().withBody(new CreateSmartLiveRoomReq()
                .withRoomName(marker)));
        client.createInteractionRuleGroup(new CreateInteractionRuleGroupRequest().withBody(new InteractionRuleGroup()
                .withGroupName(marker)));
        client.createProduct(new CreateProductRequest().withBody(new CreateProductRequestBody().withName(marker)));
    }

    private static int[] counts(MetaStudioClient client, String marker) {
        return new int[] {
            client.listSmartLiveRooms(new ListSmartLiveRoomsRequest().withRoomName(marker)).getCount(),
            client.listInteractionRuleGroups(new ListInteractionRuleGroupsRequest().withGroupName(marker)).getCount(),
            client.listProducts(new ListProductsRequest().withName(marker)).getCount()};
    }

    @Test
    void resetRemovesTheProjectsLiveResourcesOnly() {
        MetaStudioClient ops = client(TestProjects.AK_OPS, TestProjects.SK_OPS, TestProjects.PROJECT_OPS);
        MetaStudioClient other = clientB();
        String marker = "reset-live-" + UUID.randomUUID();
        fill(ops, marker);
        fill(other, marker);
        assertThat(counts(ops, marker)).containsExactly(1, 1, 1);

        JsonNode answer = new ControlPlane(baseUrl()).post("/_emulator/reset",
                "{\"project_id\": \"" + TestProjects.PROJECT_OPS + "\"}").expect(200);
        JsonNode removed = answer.get("removed");
        assertThat(removed.get("live_rooms").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(removed.get("live_interaction_rule_groups").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(removed.get("live_products").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(counts(ops, marker)).containsExactly(0, 0, 0);
        assertThat(counts(other, marker)).containsExactly(1, 1, 1);
        // The names are free again.
        fill(ops, marker);
    }
}
