package dev.metastudio.emulator.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
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
import com.huaweicloud.sdk.metastudio.v1.model.LiveShootScriptItem;
import com.huaweicloud.sdk.metastudio.v1.model.LiveVideoScriptInfo;
import com.huaweicloud.sdk.metastudio.v1.model.TextConfig;
import dev.metastudio.emulator.support.H2ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The live tables and their list filters on the embedded default database (H2), not only on PostgreSQL. */
class LiveH2SmokeTest extends H2ServerTest {

    @Test
    void roomsLibrariesAndProductsAreStoredAndFilteredOnH2() {
        MetaStudioClient client = MetaStudioClient.newBuilder().withCredential(new BasicCredentials()
                        .withAk(TestProjects.AK_A).withSk(TestProjects.SK_A).withProjectId(TestProjects.PROJECT_A))
                .withEndpoints(List.of(baseUrl())).build();
        String anna = Videos.systemAvatar(client, "Anna (landscape)");
        String marker = "h2-" + UUID.randomUUID();
        String room = client.createSmartLiveRoom(new CreateSmartLiveRoomRequest().withBody(new CreateSmartLiveRoomReq()
                .withRoomName(marker + " 100%_room").withSceneScripts(List.of(new LiveVideoScriptInfo()
                        .withScriptName("s").withModelAssetId(anna).withShootScripts(List.of(new LiveShootScriptItem()
                                .withTextConfig(new TextConfig().withText("Hello.")))))))).getRoomId();
        assertThat(client.listSmartLiveRooms(new ListSmartLiveRoomsRequest().withRoomName(marker + " 100%_")
                .withLiveState("NULL,FAILED").withDhId(anna).withModelName("ANNA")).getSmartLiveRooms())
                .extracting(r -> r.getRoomId()).containsExactly(room);
        assertThat(client.listSmartLiveRooms(new ListSmartLiveRoomsRequest().withRoomName(marker + " 100%x"))
                .getCount()).as("% and _ are literal").isZero();
        assertThat(client.listSmartLiveRooms(new ListSmartLiveRoomsRequest().withRoomName(marker)
                .withStartTime("2020-01-01T00:00:00Z")).getCount()).as("no job yet").isZero();

        client.createInteractionRuleGroup(new CreateInteractionRuleGroupRequest().withBody(new InteractionRuleGroup()
                .withGroupName(marker + " library")));
        assertThat(client.listInteractionRuleGroups(new ListInteractionRuleGroupsRequest().withGroupName(marker)
                .withCreateSince("2020-01-01T00:00:00Z")).getCount()).isEqualTo(1);

        client.createProduct(new CreateProductRequest().withBody(new CreateProductRequestBody()
                .withName(marker + " product").withTags(List.of("Autumn"))));
        assertThat(client.listProducts(new ListProductsRequest().withName(marker).withTag("autu")
                .withState("ACTIVED").withSortKey("update_time").withSortDir("desc")).getCount()).isEqualTo(1);
    }
}
