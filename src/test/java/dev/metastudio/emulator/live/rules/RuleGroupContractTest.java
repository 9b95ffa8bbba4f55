package dev.metastudio.emulator.live.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CreateInteractionRuleGroupRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomRequest;
import com.huaweicloud.sdk.metastudio.v1.model.DeleteInteractionRuleGroupRequest;
import com.huaweicloud.sdk.metastudio.v1.model.HitCondition;
import com.huaweicloud.sdk.metastudio.v1.model.HitConditionTag;
import com.huaweicloud.sdk.metastudio.v1.model.InteractionRuleDetailInfo;
import com.huaweicloud.sdk.metastudio.v1.model.InteractionRuleGroup;
import com.huaweicloud.sdk.metastudio.v1.model.InteractionRuleGroupDetail;
import com.huaweicloud.sdk.metastudio.v1.model.InteractionRuleInfo;
import com.huaweicloud.sdk.metastudio.v1.model.ListInteractionRuleGroupsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListInteractionRuleGroupsResponse;
import com.huaweicloud.sdk.metastudio.v1.model.LiveRoomInteractionRuleInfo;
import com.huaweicloud.sdk.metastudio.v1.model.ShowSmartLiveRoomRequest;
import com.huaweicloud.sdk.metastudio.v1.model.TriggerProcess;
import com.huaweicloud.sdk.metastudio.v1.model.UpdateInteractionRuleGroupRequest;
import com.huaweicloud.sdk.metastudio.v1.model.UpdateInteractionRuleGroupResponse;
import dev.metastudio.emulator.support.ServerTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Interaction rule libraries (reference 6.1.6-6.1.9) through the official SDK. */
class RuleGroupContractTest extends ServerTest {
    private MetaStudioClient client;

    @BeforeEach
    void connect() {
        client = clientA();
    }

    private static InteractionRuleInfo rule(String name, String regex) {
        return new InteractionRuleInfo().withRuleName(name).withEventType(1)
                .withHitCondition(new HitCondition().withRelation(HitCondition.RelationEnum.AND).withPriority(10)
                        .withTags(List.of(new HitConditionTag().withTag("content")
                                .withMatch(HitConditionTag.MatchEnum.REGEX).withValue(regex))))
                .withTrigger(new TriggerProcess().withReplyMode(TriggerProcess.ReplyModeEnum.SYSTEM_REPLY)
                        .withTimeWindow(30).withReplyTexts(List.of("It costs 99.")));
    }

    private String create(InteractionRuleGroup body) {
        return client.createInteractionRuleGroup(new CreateInteractionRuleGroupRequest().withBody(body)).getGroupId();
    }

    private List<InteractionRuleGroupDetail> list(String name) {
        return client.listInteractionRuleGroups(new ListInteractionRuleGroupsRequest().withGroupName(name))
                .getInteractionRuleGroups();
    }

    private static ClientRequestException refused(Runnable call) {
        ClientRequestException e = catchThrowableOfType(ClientRequestException.class, call::run);
        assertThat(e).as("the call is refused").isNotNull();
        return e;
    }

    @Test
    void createListUpdateAndDelete() {
        String name = "library " + UUID.randomUUID();
        String id = create(new InteractionRuleGroup().withGroupName(name)
                .withInteractionRules(List.of(rule("price", "price|cost"), rule("size", "size"))));
        InteractionRuleGroupDetail listed = list(name).get(0);
        assertThat(listed.getGroupId()).isEqualTo(id);
        assertThat(listed.getGroupName()).isEqualTo(name);
        assertThat(listed.getCreateTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        InteractionRuleDetailInfo price = listed.getInteractionRules().get(0);
        assertThat(price.getRuleId()).isNotBlank();
        assertThat(price.getRuleIndex()).as("server-assigned").isNotBlank();
        assertThat(price.getEnabled()).isTrue();
        assertThat(price.getHitCondition().getPriority()).isEqualTo(10);
        assertThat(price.getTrigger().getPlayType().getValue()).isEqualTo("PLAY_NOW");
        assertThat(price.getTrigger().getReplyTexts()).containsExactly("It costs 99.");

        // PUT replaces the library; the rule sent back with its rule_index keeps its rule_id.
        UpdateInteractionRuleGroupResponse updated = client.updateInteractionRuleGroup(
                new UpdateInteractionRuleGroupRequest().withGroupId(id).withBody(new InteractionRuleGroup()
                        .withGroupName(name + " v2").withInteractionRules(List.of(
                                rule("price", "price").withRuleIndex(price.getRuleIndex()), rule("new", "hello")))));
        assertThat(updated.getGroupId()).isEqualTo(id);
        assertThat(updated.getGroupName()).isEqualTo(name + " v2");
        assertThat(updated.getInteractionRules()).extracting(InteractionRuleDetailInfo::getRuleName)
                .containsExactly("price", "new");
        assertThat(updated.getInteractionRules().get(0).getRuleId()).isEqualTo(price.getRuleId());
        assertThat(updated.getInteractionRules().get(1).getRuleId()).isNotEqualTo(price.getRuleId());
        assertThat(updated.getCreateTime()).isEqualTo(listed.getCreateTime());
        assertThat(list(name + " v2")).hasSize(1);

        client.deleteInteractionRuleGroup(new DeleteInteractionRuleGroupRequest().withGroupId(id));
        assertThat(list(name)).isEmpty();
        ClientRequestException gone = refused(() -> client.deleteInteractionRuleGroup(
                new DeleteInteractionRuleGroupRequest().withGroupId(id)));
        assertThat(gone.getHttpStatusCode()).isEqualTo(400);
        assertThat(gone.getErrorCode()).isEqualTo("MSS.20010083");
        ClientRequestException update = refused(() -> client.updateInteractionRuleGroup(
                new UpdateInteractionRuleGroupRequest().withGroupId(id)
                        .withBody(new InteractionRuleGroup().withGroupName(name))));
        assertThat(update.getErrorCode()).isEqualTo("MSS.20010083");
    }

    @Test
    @DisplayName("L16842: MSS.20010084 Duplicate interaction rule library name, on create and on rename")
    void libraryNamesAreUnique() {
        String name = "dup library " + UUID.randomUUID();
        String first = create(new InteractionRuleGroup().withGroupName(name));
        ClientRequestException twice = refused(() -> create(new InteractionRuleGroup().withGroupName(name)));
        assertThat(twice.getHttpStatusCode()).isEqualTo(400);
        assertThat(twice.getErrorCode()).isEqualTo("MSS.20010084");
        String second = create(new InteractionRuleGroup().withGroupName(name + " 2"));
        ClientRequestException renamed = refused(() -> client.updateInteractionRuleGroup(
                new UpdateInteractionRuleGroupRequest().withGroupId(second)
                        .withBody(new InteractionRuleGroup().withGroupName(name))));
        assertThat(renamed.getErrorCode()).isEqualTo("MSS.20010084");
        client.updateInteractionRuleGroup(new UpdateInteractionRuleGroupRequest().withGroupId(first)
                .withBody(new InteractionRuleGroup().withGroupName(name)));
        clientB().createInteractionRuleGroup(new CreateInteractionRuleGroupRequest()
                .withBody(new InteractionRuleGroup().withGroupName(name)));
    }

    @Test
    @DisplayName("L16855: MSS.20010110 Invalid parameter in interaction rule, naming the rule and the field")
    void invalidRulesAreRefused() {
        ClientRequestException regex = refused(() -> create(new InteractionRuleGroup()
                .withGroupName("bad " + UUID.randomUUID()).withInteractionRules(List.of(rule("broken", "(unclosed")))));
        assertThat(regex.getHttpStatusCode()).isEqualTo(400);
        assertThat(regex.getErrorCode()).isEqualTo("MSS.20010110");
        assertThat(regex.getErrorMsg()).contains("broken").contains("interaction_rules[0].hit_condition.tags[0].value");
        ClientRequestException replies = refused(() -> create(new InteractionRuleGroup()
                .withGroupName("bad " + UUID.randomUUID()).withInteractionRules(List.of(rule("chatty", "x")
                        .withTrigger(new TriggerProcess().withReplyTexts(List.of("1", "2", "3", "4", "5", "6")))))));
        assertThat(replies.getErrorCode()).isEqualTo("MSS.20010110");
        assertThat(replies.getErrorMsg()).contains("reply_texts");
        ClientRequestException nameless = refused(() -> create(new InteractionRuleGroup()));
        assertThat(nameless.getErrorCode()).isEqualTo("MSS.00000003");
        assertThat(nameless.getErrorMsg()).contains("group_name");
    }

    @Test
    void theListFiltersAndPages() {
        String marker = "glist-" + UUID.randomUUID();
        String a = create(new InteractionRuleGroup().withGroupName(marker + " a"));
        String b = create(new InteractionRuleGroup().withGroupName(marker + " b"));
        ListInteractionRuleGroupsResponse page = client.listInteractionRuleGroups(new ListInteractionRuleGroupsRequest()
                .withGroupName(marker.toUpperCase()).withLimit(1));
        assertThat(page.getCount()).isEqualTo(2);
        assertThat(page.getInteractionRuleGroups()).extracting(InteractionRuleGroupDetail::getGroupId)
                .containsExactly(b);
        assertThat(client.listInteractionRuleGroups(new ListInteractionRuleGroupsRequest().withGroupName(marker)
                .withOffset(1)).getInteractionRuleGroups()).extracting(InteractionRuleGroupDetail::getGroupId)
                .containsExactly(a);
        assertThat(client.listInteractionRuleGroups(new ListInteractionRuleGroupsRequest().withGroupName(marker)
                .withCreateUntil("2000-01-01T00:00:00Z")).getCount()).isZero();
        assertThat(client.listInteractionRuleGroups(new ListInteractionRuleGroupsRequest().withGroupName(marker)
                .withCreateSince("2000-01-01T00:00:00Z")).getCount()).isEqualTo(2);
        ClientRequestException since = refused(() -> client.listInteractionRuleGroups(
                new ListInteractionRuleGroupsRequest().withCreateSince("yesterday")));
        assertThat(since.getErrorMsg()).contains("create_since");
    }

    @Test
    @DisplayName("A room's rule imported from a library: the library must be the project's, its name is filled in")
    void roomsReferToTheProjectsLibraries() {
        String name = "imported " + UUID.randomUUID();
        String group = create(new InteractionRuleGroup().withGroupName(name));
        CreateSmartLiveRoomReq room = new CreateSmartLiveRoomReq().withRoomName("with library " + UUID.randomUUID())
                .withInteractionRules(List.of(new LiveRoomInteractionRuleInfo().withRuleName("r").withEventType(3)
                        .withGroupId(group)));
        String roomId = client.createSmartLiveRoom(new CreateSmartLiveRoomRequest().withBody(room)).getRoomId();
        assertThat(client.showSmartLiveRoom(new ShowSmartLiveRoomRequest().withRoomId(roomId)).getInteractionRules()
                .get(0).getGroupName()).isEqualTo(name);
        ClientRequestException foreign = refused(() -> clientB().createSmartLiveRoom(new CreateSmartLiveRoomRequest()
                .withBody(room.withRoomName("foreign " + UUID.randomUUID()))));
        assertThat(foreign.getErrorCode()).isEqualTo("MSS.20010083");
    }

    @Test
    @DisplayName("Another project sees and changes nothing of a library")
    void anotherProjectSeesAndChangesNothing() {
        String name = "private library " + UUID.randomUUID();
        String id = create(new InteractionRuleGroup().withGroupName(name));
        MetaStudioClient b = clientB();
        assertThat(b.listInteractionRuleGroups(new ListInteractionRuleGroupsRequest().withGroupName(name)).getCount())
                .isZero();
        assertThat(refused(() -> b.updateInteractionRuleGroup(new UpdateInteractionRuleGroupRequest().withGroupId(id)
                .withBody(new InteractionRuleGroup().withGroupName("stolen")))).getErrorCode()).isEqualTo("MSS.20010083");
        assertThat(refused(() -> b.deleteInteractionRuleGroup(new DeleteInteractionRuleGroupRequest().withGroupId(id)))
                .getErrorCode()).isEqualTo("MSS.20010083");
        assertThat(list(name)).extracting(InteractionRuleGroupDetail::getGroupName).containsExactly(name);
    }
}
