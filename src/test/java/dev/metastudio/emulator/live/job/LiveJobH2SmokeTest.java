package dev.metastudio.emulator.live.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListSmartLiveJobsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.LiveShootScriptItem;
import com.huaweicloud.sdk.metastudio.v1.model.LiveVideoScriptInfo;
import com.huaweicloud.sdk.metastudio.v1.model.ShowSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.StartSmartLiveReq;
import com.huaweicloud.sdk.metastudio.v1.model.StartSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.StopSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.TextConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VideoConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VoiceConfig;
import dev.metastudio.emulator.support.H2ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The live_job table on the embedded default database (H2): one active job per room, lists, stop to SUCCEED. */
class LiveJobH2SmokeTest extends H2ServerTest {

    @Test
    void aLiveJobRunsAndStopsOnH2() throws Exception {
        MetaStudioClient client = MetaStudioClient.newBuilder().withCredential(new BasicCredentials()
                        .withAk(TestProjects.AK_A).withSk(TestProjects.SK_A).withProjectId(TestProjects.PROJECT_A))
                .withEndpoints(List.of(baseUrl())).build();
        String anna = Videos.systemAvatar(client, "Anna (landscape)");
        String marker = "h2 live " + UUID.randomUUID();
        String room = client.createSmartLiveRoom(new CreateSmartLiveRoomRequest().withBody(new CreateSmartLiveRoomReq()
                .withRoomName(marker).withPlayPolicy(new com.huaweicloud.sdk.metastudio.v1.model.PlayPolicy()
                        .withRepeatCount(-1)).withVideoConfig(Videos.video(VideoConfig.CodecEnum.H264, 1080, 1920))
                .withSceneScripts(List.of(new LiveVideoScriptInfo().withScriptName("s").withModelAssetId(anna)
                        .withVoiceConfig(new VoiceConfig().withVoiceAssetId(Videos.EMMA))
                        .withShootScripts(List.of(new LiveShootScriptItem()
                                .withTextConfig(new TextConfig().withText("Hello.")))))))).getRoomId();
        String job = client.startSmartLive(new StartSmartLiveRequest().withRoomId(room)
                .withBody(new StartSmartLiveReq())).getJobId();
        ServiceResponseException second = catchThrowableOfType(() -> client.startSmartLive(new StartSmartLiveRequest()
                .withRoomId(room).withBody(new StartSmartLiveReq())), ServiceResponseException.class);
        assertThat(second.getErrorCode()).isEqualTo("MSS.20010036");
        assertThat(client.listSmartLiveJobs(new ListSmartLiveJobsRequest().withRoomName(marker.substring(0, 12)
                .toUpperCase()).withLimit(100)).getSmartLiveJobs()).extracting(j -> j.getJobId()).contains(job);
        Instant deadline = Instant.now().plusSeconds(60);
        while (!state(client, room, job).equals("PROCESSING")) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(100);
        }
        Thread.sleep(1500);
        client.stopSmartLive(new StopSmartLiveRequest().withRoomId(room).withJobId(job));
        while (!state(client, room, job).equals("SUCCEED")) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(100);
        }
        // The room is free again: a NORMAL room starts again and again.
        String next = client.startSmartLive(new StartSmartLiveRequest().withRoomId(room)
                .withBody(new StartSmartLiveReq())).getJobId();
        assertThat(next).isNotEqualTo(job);
        client.stopSmartLive(new StopSmartLiveRequest().withRoomId(room).withJobId(next));
    }

    private static String state(MetaStudioClient client, String room, String job) {
        return client.showSmartLive(new ShowSmartLiveRequest().withRoomId(room).withJobId(job)).getState().getValue();
    }
}
