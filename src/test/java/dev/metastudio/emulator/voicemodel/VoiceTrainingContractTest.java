package dev.metastudio.emulator.voicemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CommitJobReq;
import com.huaweicloud.sdk.metastudio.v1.model.CommitVoiceTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ConfirmTrainingSegmentRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ConfirmTrainingSegmentResponse;
import com.huaweicloud.sdk.metastudio.v1.model.CreateTrainingAdvanceJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateTrainingAdvanceJobResponse;
import com.huaweicloud.sdk.metastudio.v1.model.CreateTrainingBasicJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateTrainingBasicJobResponse;
import com.huaweicloud.sdk.metastudio.v1.model.CreateTrainingJobReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateTrainingMiddleJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateTrainingMiddleJobResponse;
import com.huaweicloud.sdk.metastudio.v1.model.CreateTtsAuditionRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateTtsAuditionRequestBody;
import com.huaweicloud.sdk.metastudio.v1.model.CreateType;
import com.huaweicloud.sdk.metastudio.v1.model.DeleteVoiceTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.JobTag;
import com.huaweicloud.sdk.metastudio.v1.model.ListJobOperationLogRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListJobOperationLogResponse;
import com.huaweicloud.sdk.metastudio.v1.model.ListVoiceTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListVoiceTrainingJobResponse;
import com.huaweicloud.sdk.metastudio.v1.model.OperationLogItem;
import com.huaweicloud.sdk.metastudio.v1.model.ShowAssetResponse;
import com.huaweicloud.sdk.metastudio.v1.model.ShowJobAuditResultRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowJobAuditResultResponse;
import com.huaweicloud.sdk.metastudio.v1.model.ShowJobUploadingAddressRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowJobUploadingAddressResponse;
import com.huaweicloud.sdk.metastudio.v1.model.ShowTrainingSegmentInfoRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowTtsAuditionFileRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowTtsAuditionFileResponse;
import com.huaweicloud.sdk.metastudio.v1.model.ShowVoiceTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowVoiceTrainingJobResponse;
import dev.metastudio.emulator.media.audio.AudioDecoder;
import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.audio.Resampler;
import dev.metastudio.emulator.media.speech.SpeakerAnalysis;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.ControlPlane;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Voice modeling (reference 9) through the official SDK: recordings synthesised here with espeak-ng (a high female
 * and a low male speaker), uploaded to the presigned URLs, reviewed, trained, and the trained timbre speaking in a
 * TTS preview at the recorded pitch.
 */
class VoiceTrainingContractTest extends ServerTest {
    static final String[] SENTENCES = {
        "The birch canoe slid on the smooth planks.", "Glue the sheet to the dark blue background.",
        "It is easy to tell the depth of a well.", "These days a chicken leg is a rare dish.",
        "Rice is often served in round bowls.", "The juice of lemons makes fine punch.",
        "The box was thrown beside the parked truck.", "The hogs were fed chopped corn and garbage.",
        "Four hours of steady work faced us.", "A large size in stockings is hard to sell.",
        "The boy was there when the sun rose.", "A rod is used to catch pink salmon.",
        "The source of the huge river is the clear spring.", "Kick the ball straight and follow through.",
        "Help the woman get back to her feet.", "A pot of tea helps to pass the evening.",
        "Smoky fires lack flame and heat.", "The soft cushion broke the man's fall.",
        "The salt breeze came across from the sea.", "The girl at the booth sold fifty bonds."};

    // ---- Generated training material

    static byte[] espeak(String voice, int pitch, String text) {
        try {
            Path out = Files.createTempFile("voice-", ".wav");
            Process p = new ProcessBuilder("espeak-ng", "-v", voice, "-p", Integer.toString(pitch), "-w",
                    out.toString(), text).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).as("espeak-ng (install espeak-ng)").isZero();
            byte[] bytes = Files.readAllBytes(out);
            Files.delete(out);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("espeak-ng is needed: apt-get install espeak-ng", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, byte[]> speaker(String voice, int pitch, int count) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            files.put(i + ".wav", espeak(voice, pitch, SENTENCES[i]));
            files.put(i + ".txt", SENTENCES[i].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static void put(String url, byte[] body, String contentType) {
        HttpResponse<String> response = Assets.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    /** The median F0 of WAV recordings (what the emulator should reproduce). */
    static double medianF0(Map<String, byte[]> files) {
        List<short[]> all = new ArrayList<>();
        files.forEach((name, bytes) -> {
            if (name.endsWith(".wav")) {
                try {
                    WavFile wav = WavFile.parse(bytes);
                    all.add(Resampler.resample(wav.mono(bytes), wav.sampleRate(), 16_000));
                } catch (WavFile.NotWav e) {
                    throw new AssertionError(e);
                }
            }
        });
        return SpeakerAnalysis.measureAll(all, 16_000).medianF0();
    }

    // ---- SDK helpers

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    CreateTrainingBasicJobResponse basic(MetaStudioClient client, String name, CreateTrainingJobReq.SexEnum sex,
                                         CreateType type) {
        return client.createTrainingBasicJob(new CreateTrainingBasicJobRequest().withBody(new CreateTrainingJobReq()
                .withVoiceName(name).withSex(sex).withLanguage("EN").withCreateType(type).withTag(JobTag.NEWS)
                .withDescription("trained in a test").withBatchName("voice-tests").withPhone("123456")));
    }

    ShowVoiceTrainingJobResponse show(String jobId) {
        return clientA().showVoiceTrainingJob(new ShowVoiceTrainingJobRequest().withJobId(jobId));
    }

    void submit(String jobId) {
        clientA().commitVoiceTrainingJob(new CommitVoiceTrainingJobRequest().withJobId(jobId)
                .withBody(new CommitJobReq()));
    }

    /** Polls until the job is in one of the states, and returns every state it was seen in, in order. */
    List<String> walk(String jobId, String... until) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            String state = show(jobId).getState().getValue();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
                seen.add(state);
            }
            if (List.of(until).contains(state)) {
                return seen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " never reached " + List.of(until) + ": " + seen);
    }

    static String code(ServiceResponseException e) {
        return e.getErrorCode();
    }

    /** A preview spoken with the timbre, measured. */
    double previewF0(String timbre) throws Exception {
        String job = clientA().createTtsAudition(new CreateTtsAuditionRequest().withBody(
                new CreateTtsAuditionRequestBody().withText("A pot of tea helps to pass the evening, and the"
                        + " salt breeze came across from the sea.").withEmotion(timbre))).getJobId();
        ShowTtsAuditionFileResponse files;
        long deadline = System.nanoTime() + 120_000_000_000L;
        do {
            Thread.sleep(300);
            files = clientA().showTtsAuditionFile(new ShowTtsAuditionFileRequest().withJobId(job));
        } while (!Boolean.TRUE.equals(files.getIsFileComplete()) && System.nanoTime() < deadline);
        assertThat(files.getFiles()).as(files.getMessage()).hasSize(1);
        return f0Of(Videos.file(Assets.download(files.getFiles().get(0).getDownloadUrl()), ".mp3"));
    }

    /** The median F0 of a media file's sound (decoded to 48 kHz mono). */
    static double f0Of(Path media) throws Exception {
        List<Short> samples = new ArrayList<>();
        short[] buffer = new short[4800];
        try (AudioDecoder decoder = AudioDecoder.open(media)) {
            int n;
            while ((n = decoder.read(buffer, buffer.length)) > 0) {
                for (int i = 0; i < n; i++) {
                    samples.add(buffer[i]);
                }
            }
        }
        short[] pcm = new short[samples.size()];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = samples.get(i);
        }
        return SpeakerAnalysis.measure(Resampler.resample(pcm, Pcm.SAMPLE_RATE, 16_000), 16_000).medianF0();
    }

    // ---- The whole flow

    @Test
    void aHighFemaleAndALowMaleSpeakerBecomeTimbresThatSpeakAtTheirPitch() throws Exception {
        Map<String, byte[]> high = speaker("en-us+f4", 95, 20);
        Map<String, byte[]> low = speaker("en-us+m3", 5, 20);
        double highF0 = medianF0(high);
        double lowF0 = medianF0(low);
        assertThat(highF0).isGreaterThan(2 * lowF0);

        // The high speaker's first package is short of sentences: the review fails and says so.
        String highName = unique("high voice");
        CreateTrainingBasicJobResponse highJob = basic(clientA(), highName, CreateTrainingJobReq.SexEnum.FEMALE,
                CreateType.PACKAGE);
        assertThat(highJob.getSegmentUploadingUrl()).isNull();
        assertThat(highJob.getAuthorizationLetterUploadingUrl()).isNotNull();
        Map<String, byte[]> five = new LinkedHashMap<>();
        high.entrySet().stream().limit(10).forEach(e -> five.put(e.getKey(), e.getValue()));
        put(highJob.getTrainingDataUploadingUrl(), zip(five), "application/zip");
        submit(highJob.getJobId());
        List<String> failedWalk = walk(highJob.getJobId(), "AUDIT_FAILED", "SUCCEED", "FAILED");
        assertThat(failedWalk).endsWith("AUDIT_FAILED");
        ShowVoiceTrainingJobResponse failed = show(highJob.getJobId());
        assertThat(failed.getRejectTimes()).isEqualTo(1);
        ShowJobAuditResultResponse audit = clientA().showJobAuditResult(new ShowJobAuditResultRequest()
                .withJobId(highJob.getJobId()));
        assertThat(audit.getSystemAuditResult().getErrors()).extracting(e -> e.getErrorCode())
                .containsExactly("MSS.20020017");
        assertThat(audit.getSystemAuditResult().getErrors().get(0).getErrorMessage()).contains("5 found");
        assertThat(audit.getSystemAuditResult().getAuditTime()).isPositive();

        // Upload again (fresh URLs from 9.9) and submit again: reviewed anew, and trained.
        ShowJobUploadingAddressResponse again = clientA().showJobUploadingAddress(new ShowJobUploadingAddressRequest()
                .withJobId(highJob.getJobId()));
        assertThat(again.getSegmentUrl()).isNull();
        put(again.getPackageUrl().getTrainingDataUploadingUrl(), zip(high), "application/zip");
        submit(highJob.getJobId());
        List<String> highWalk = walk(highJob.getJobId(), "SUCCEED", "FAILED", "AUDIT_FAILED");
        assertThat(highWalk).as("observed in order").containsSubsequence("SYSTEM_AUDITING", "AUDITING", "WAITING",
                "PROCESSING", "RESULT_REVIEW", "SUCCEED");
        // The submission moves the job to SYSTEM_AUDITING at once, and every state lasts the dwell (1 s).
        assertThat(highWalk).containsExactly("SYSTEM_AUDITING", "AUDITING", "WAITING",
                "PROCESSING", "RESULT_REVIEW", "SUCCEED");

        ShowVoiceTrainingJobResponse trained = show(highJob.getJobId());
        assertThat(trained.getAssetId()).isNotNull();
        assertThat(trained.getJobType().getValue()).isEqualTo("BASIC");
        assertThat(trained.getVoiceName()).isEqualTo(highName);
        assertThat(trained.getCreateType().getValue()).isEqualTo("PACKAGE");
        assertThat(trained.getTag().getValue()).isEqualTo("NEWS");
        assertThat(trained.getBatchName()).isEqualTo("voice-tests");
        assertThat(trained.getLastupdateTime()).isGreaterThanOrEqualTo(trained.getCreateTime());
        ListJobOperationLogResponse logs = clientA().listJobOperationLog(new ListJobOperationLogRequest()
                .withJobId(highJob.getJobId()).withLimit(100));
        assertThat(logs.getOperations()).extracting(OperationLogItem::getAction).containsExactly("CREATE_JOB",
                "COMMIT_JOB", "AUDIT_NOT_PASS", "COMMIT_JOB", "SYSTEM_AUDIT_PASS", "ADMIN_AUDIT_PASS",
                "MOUNTING_FINISH", "UPLOADING_MODEL", "COMPLETE_JOB");
        assertThat(logs.getOperations()).extracting(OperationLogItem::getOperator).containsExactly("USER", "USER",
                "SYSTEM", "USER", "SYSTEM", "ADMIN", "SYSTEM", "SYSTEM", "SYSTEM");
        assertThat(logs.getCount()).isEqualTo(9);
        assertThat(clientA().listJobOperationLog(new ListJobOperationLogRequest().withJobId(highJob.getJobId())
                .withOffset(7).withLimit(10)).getOperations()).extracting(OperationLogItem::getAction)
                .containsExactly("UPLOADING_MODEL", "COMPLETE_JOB");
        ShowJobAuditResultResponse passed = clientA().showJobAuditResult(new ShowJobAuditResultRequest()
                .withJobId(highJob.getJobId()));
        assertThat(passed.getSystemAuditResult().getErrors()).isEmpty();
        assertThat(passed.getAdminAuditResult().getMessage()).startsWith("Approved");

        // A finished job cannot be submitted again, nor uploaded to.
        assertThat(code(catchThrowableOfType(ClientRequestException.class, () -> submit(highJob.getJobId()))))
                .isEqualTo("MSS.20020001");
        assertThat(code(catchThrowableOfType(ClientRequestException.class, () -> clientA().showJobUploadingAddress(
                new ShowJobUploadingAddressRequest().withJobId(highJob.getJobId()))))).isEqualTo("MSS.20020001");

        // The timbre is a VOICE_MODEL asset of the project, of the speaker's sex, named as the job.
        ShowAssetResponse asset = Assets.show(clientA(), trained.getAssetId());
        assertThat(asset.getAssetType().getValue()).isEqualTo("VOICE_MODEL");
        assertThat(asset.getAssetName()).isEqualTo(highName);
        assertThat(asset.getAssetState().getValue()).isEqualTo("ACTIVED");
        assertThat(asset.getAssetExtraMeta().getVoiceModelMeta().getSex().getValue()).isEqualTo("FEMALE");

        // The low male speaker, straight through.
        CreateTrainingBasicJobResponse lowJob = basic(clientA(), unique("low voice"), CreateTrainingJobReq.SexEnum.MALE,
                CreateType.PACKAGE);
        put(lowJob.getTrainingDataUploadingUrl(), zip(low), "application/zip");
        submit(lowJob.getJobId());
        assertThat(walk(lowJob.getJobId(), "SUCCEED", "FAILED", "AUDIT_FAILED")).endsWith("SUCCEED");
        String lowTimbre = show(lowJob.getJobId()).getAssetId();

        // Each timbre speaks at its speaker's pitch: high stays high, low stays low.
        double highPreview = previewF0(trained.getAssetId());
        double lowPreview = previewF0(lowTimbre);
        System.out.printf("recorded F0 high %.1f Hz low %.1f Hz; preview F0 high %.1f Hz low %.1f Hz%n", highF0,
                lowF0, highPreview, lowPreview);
        assertThat(highPreview).isCloseTo(highF0, within(highF0 * 0.12));
        assertThat(lowPreview).isCloseTo(lowF0, within(lowF0 * 0.12));

        // A video job speaks with the trained timbre too.
        String avatar = Videos.systemAvatar(clientA(), "Anna (landscape)");
        var video = Videos.await(clientA(), Videos.submit(clientA(), Videos.textJob(avatar,
                "Help the woman get back to her feet.").withVoiceConfig(
                new com.huaweicloud.sdk.metastudio.v1.model.VoiceConfig().withVoiceAssetId(lowTimbre))),
                java.time.Duration.ofSeconds(180));
        assertThat(video.getState().getValue()).isEqualTo("SUCCEED");
        String mp4 = Assets.show(clientA(), video.getOutputAssetConfig().getAssetId()).getFiles().stream()
                .filter(f -> "MAIN".equals(f.getAssetFileCategory())).findFirst().orElseThrow().getDownloadUrl();
        double videoF0 = f0Of(Videos.file(Assets.download(mp4), ".mp4"));
        System.out.printf("video F0 with the low timbre %.1f Hz%n", videoF0);
        assertThat(videoF0).isCloseTo(lowF0, within(lowF0 * 0.12));

        // Another project sees none of it.
        assertThat(code(catchThrowableOfType(ClientRequestException.class, () -> clientB().showVoiceTrainingJob(
                new ShowVoiceTrainingJobRequest().withJobId(highJob.getJobId()))))).isEqualTo("MSS.20020002");
        assertThat(clientB().listVoiceTrainingJob(new ListVoiceTrainingJobRequest().withJobId(highJob.getJobId()))
                .getCount()).isZero();
        assertThat(catchThrowableOfType(ServiceResponseException.class, () -> Assets.show(clientB(),
                trained.getAssetId())).getHttpStatusCode()).isEqualTo(404);
        assertThat(code(catchThrowableOfType(ClientRequestException.class, () -> clientB().createTtsAudition(
                new CreateTtsAuditionRequest().withBody(new CreateTtsAuditionRequestBody().withText("Hello.")
                        .withEmotion(lowTimbre)))))).isEqualTo("MSS.20010131");
    }

    @Test
    void badRecordingsFailTheReviewWithTheirCodes() throws Exception {
        Map<String, byte[]> files = speaker("en-us+f2", 60, 20);
        files.put("3.wav", espeak("en-us+f2", 60, "Hi."));                     // too short
        files.put("7.wav", SENTENCES[7].getBytes(StandardCharsets.UTF_8));      // not a WAV at all
        byte[] eightKhz = RecordingAuditTest.wav(3, 8_000, 1, 16, WavFile.PCM);
        files.put("9.wav", eightKhz);                                           // wrong format
        CreateTrainingBasicJobResponse job = basic(clientA(), unique("bad"), CreateTrainingJobReq.SexEnum.FEMALE,
                CreateType.PACKAGE);
        put(job.getTrainingDataUploadingUrl(), zip(files), "application/zip");
        submit(job.getJobId());
        assertThat(walk(job.getJobId(), "AUDIT_FAILED", "SUCCEED", "FAILED")).containsExactly("SYSTEM_AUDITING",
                "AUDIT_FAILED");
        ShowJobAuditResultResponse audit = clientA().showJobAuditResult(new ShowJobAuditResultRequest()
                .withJobId(job.getJobId()));
        assertThat(audit.getSystemAuditResult().getErrors()).extracting(e -> e.getAudioName(), e -> e.getTextName(),
                e -> e.getErrorCode()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("3.wav", "3.txt", "MSS.20020029"),
                org.assertj.core.groups.Tuple.tuple("7.wav", "7.txt", "MSS.20020018"),
                org.assertj.core.groups.Tuple.tuple("9.wav", "9.txt", "MSS.20020011"));
        assertThat(audit.getAdminAuditResult()).isNull();
        assertThat(show(job.getJobId()).getAssetId()).isNull();

        // A package that is no ZIP.
        CreateTrainingBasicJobResponse notZip = basic(clientA(), unique("not zip"),
                CreateTrainingJobReq.SexEnum.FEMALE, CreateType.PACKAGE);
        put(notZip.getTrainingDataUploadingUrl(), files.get("0.wav"), "application/zip");
        submit(notZip.getJobId());
        walk(notZip.getJobId(), "AUDIT_FAILED", "SUCCEED", "FAILED");
        assertThat(clientA().showJobAuditResult(new ShowJobAuditResultRequest().withJobId(notZip.getJobId()))
                .getSystemAuditResult().getErrors()).extracting(e -> e.getErrorCode()).containsExactly("MSS.20020013");
    }

    // ---- Endpoints one by one

    @Test
    void createAnswersTheUrlsOfItsEditionAndRefusesBadInput() {
        CreateTrainingBasicJobResponse both = clientA().createTrainingBasicJob(new CreateTrainingBasicJobRequest()
                .withBody(new CreateTrainingJobReq().withVoiceName(unique("both"))));
        // No create_type: both kinds of URL, as the reference's example.
        assertThat(both.getTrainingDataUploadingUrl()).isNotNull();
        assertThat(both.getSegmentUploadingUrl().getAudioUploadingUrl()).hasSize(20);
        assertThat(both.getSegmentUploadingUrl().getTxtUploadingUrl()).hasSize(20);
        ShowVoiceTrainingJobResponse shown = show(both.getJobId());
        assertThat(shown.getState().getValue()).isEqualTo("CREATING");
        assertThat(shown.getSex()).isEqualTo("FEMALE");
        assertThat(shown.getLanguage()).isEqualTo("CN");
        assertThat(shown.getCreateType()).isNull();
        assertThat(shown.getAssetId()).isNull();

        CreateTrainingMiddleJobResponse middle = clientA().createTrainingMiddleJob(new CreateTrainingMiddleJobRequest()
                .withBody(new CreateTrainingJobReq().withVoiceName(unique("middle")).withCreateType(CreateType.SEGMENT)));
        assertThat(middle.getTrainingDataUploadingUrl()).isNull();
        assertThat(middle.getSegmentUploadingUrl().getAudioUploadingUrl()).hasSize(100);
        assertThat(show(middle.getJobId()).getJobType().getValue()).isEqualTo("MIDDLE");
        CreateTrainingAdvanceJobResponse advance = clientA().createTrainingAdvanceJob(
                new CreateTrainingAdvanceJobRequest().withBody(new CreateTrainingJobReq().withVoiceName(unique("adv"))
                        .withCreateType(CreateType.PACKAGE).withSex(CreateTrainingJobReq.SexEnum.MALE)));
        assertThat(advance.getTrainingDataUploadingUrl()).isNotNull();
        assertThat(show(advance.getJobId()).getJobType().getValue()).isEqualTo("ADVANCE");

        ClientRequestException noName = catchThrowableOfType(ClientRequestException.class, () -> clientA()
                .createTrainingBasicJob(new CreateTrainingBasicJobRequest().withBody(new CreateTrainingJobReq())));
        assertThat(noName.getErrorCode()).isEqualTo("MSS.00000003");
        assertThat(noName.getErrorMsg()).contains("voice_name");
        ClientRequestException badLanguage = catchThrowableOfType(ClientRequestException.class, () -> clientA()
                .createTrainingBasicJob(new CreateTrainingBasicJobRequest().withBody(new CreateTrainingJobReq()
                        .withVoiceName("x").withLanguage("FR"))));
        assertThat(badLanguage.getErrorCode()).isEqualTo("MSS.00000003");
        assertThat(badLanguage.getErrorMsg()).contains("language");
    }

    @Test
    void submitNeedsUploadsAndAKnownJob() {
        CreateTrainingBasicJobResponse job = basic(clientA(), unique("empty"), CreateTrainingJobReq.SexEnum.FEMALE,
                CreateType.PACKAGE);
        assertThat(code(catchThrowableOfType(ClientRequestException.class, () -> submit(job.getJobId()))))
                .isEqualTo("MSS.20020027");
        assertThat(show(job.getJobId()).getState().getValue()).isEqualTo("CREATING");
        assertThat(code(catchThrowableOfType(ClientRequestException.class, () -> submit("no-such-job"))))
                .isEqualTo("MSS.20020002");
        for (Runnable call : List.<Runnable>of(() -> show("no-such-job"),
                () -> clientA().listJobOperationLog(new ListJobOperationLogRequest().withJobId("no-such-job")),
                () -> clientA().showJobAuditResult(new ShowJobAuditResultRequest().withJobId("no-such-job")),
                () -> clientA().showJobUploadingAddress(new ShowJobUploadingAddressRequest().withJobId("no-such-job")),
                () -> clientA().deleteVoiceTrainingJob(new DeleteVoiceTrainingJobRequest().withJobId("no-such-job")),
                () -> clientA().showTrainingSegmentInfo(new ShowTrainingSegmentInfoRequest().withJobId("no-such-job")))) {
            ClientRequestException e = catchThrowableOfType(ClientRequestException.class, call::run);
            assertThat(e.getHttpStatusCode()).isEqualTo(400);
            assertThat(e.getErrorCode()).isEqualTo("MSS.20020002");
        }
        ListJobOperationLogResponse logs = clientA().listJobOperationLog(new ListJobOperationLogRequest()
                .withJobId(job.getJobId()));
        assertThat(logs.getOperations()).extracting(OperationLogItem::getAction).containsExactly("CREATE_JOB");
        assertThat(logs.getOperations().get(0).getTime()).isPositive();
        ShowJobAuditResultResponse none = clientA().showJobAuditResult(new ShowJobAuditResultRequest()
                .withJobId(job.getJobId()));
        assertThat(none.getSystemAuditResult()).isNull();
    }

    @Test
    void sentencesAreConfirmedOneByOne() {
        CreateTrainingBasicJobResponse job = basic(clientA(), unique("segments"), CreateTrainingJobReq.SexEnum.FEMALE,
                CreateType.SEGMENT);
        assertThat(job.getTrainingDataUploadingUrl()).isNull();
        List<String> audio = job.getSegmentUploadingUrl().getAudioUploadingUrl();
        List<String> text = job.getSegmentUploadingUrl().getTxtUploadingUrl();
        put(audio.get(0), espeak("en-us+f2", 60, SENTENCES[0]), "audio/wav");
        put(text.get(0), SENTENCES[0].getBytes(StandardCharsets.UTF_8), "text/plain");
        ConfirmTrainingSegmentResponse ok = clientA().confirmTrainingSegment(new ConfirmTrainingSegmentRequest()
                .withJobId(job.getJobId()).withIndex(0));
        assertThat(ok.getConfirmResult()).isTrue();
        assertThat(ok.getUnmatchedIndexHit()).isEmpty();

        // Sentence 1's text is far longer than what was said.
        String long1 = (SENTENCES[1] + " ").repeat(10);
        put(audio.get(1), espeak("en-us+f2", 60, SENTENCES[1]), "audio/wav");
        put(text.get(1), long1.getBytes(StandardCharsets.UTF_8), "text/plain");
        ConfirmTrainingSegmentResponse mismatch = clientA().confirmTrainingSegment(new ConfirmTrainingSegmentRequest()
                .withJobId(job.getJobId()).withIndex(1));
        assertThat(mismatch.getConfirmResult()).isFalse();
        assertThat(mismatch.getUnmatchedIndexHit()).isNotEmpty().contains(long1.length() - 1);
        // Sentence 2 was never uploaded.
        assertThat(clientA().confirmTrainingSegment(new ConfirmTrainingSegmentRequest().withJobId(job.getJobId())
                .withIndex(2)).getConfirmResult()).isFalse();
        assertThat(clientA().showTrainingSegmentInfo(new ShowTrainingSegmentInfoRequest().withJobId(job.getJobId()))
                .getConfirmedIndex()).containsExactly(0);
        ClientRequestException outOfRange = catchThrowableOfType(ClientRequestException.class, () -> clientA()
                .confirmTrainingSegment(new ConfirmTrainingSegmentRequest().withJobId(job.getJobId()).withIndex(20)));
        assertThat(outOfRange.getErrorCode()).isEqualTo("MSS.00000003");
        assertThat(outOfRange.getErrorMsg()).contains("index");

        // Submitted with 18 sentences missing: the review names them.
        submit(job.getJobId());
        ShowJobAuditResultResponse audit;
        try {
            walk(job.getJobId(), "AUDIT_FAILED", "SUCCEED", "FAILED");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        audit = clientA().showJobAuditResult(new ShowJobAuditResultRequest().withJobId(job.getJobId()));
        assertThat(audit.getSystemAuditResult().getErrors()).extracting(e -> e.getErrorCode())
                .contains("MSS.20020028", "MSS.20020027");
        assertThat(audit.getSystemAuditResult().getErrors()).filteredOn(e -> "MSS.20020027".equals(e.getErrorCode()))
                .hasSize(18);
        // A PACKAGE job has no sentences to confirm.
        CreateTrainingBasicJobResponse pack = basic(clientA(), unique("pack"), CreateTrainingJobReq.SexEnum.FEMALE,
                CreateType.PACKAGE);
        assertThat(code(catchThrowableOfType(ClientRequestException.class, () -> clientA().confirmTrainingSegment(
                new ConfirmTrainingSegmentRequest().withJobId(pack.getJobId()).withIndex(0))))).isEqualTo("MSS.20020001");
    }

    @Test
    void listFiltersCountsAndDeletes() {
        String batch = unique("batch");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(clientA().createTrainingBasicJob(new CreateTrainingBasicJobRequest().withBody(
                    new CreateTrainingJobReq().withVoiceName(batch + "-" + i).withBatchName(batch)
                            .withTag(i == 0 ? JobTag.MARKETING : JobTag.NEWS))).getJobId());
        }
        ListVoiceTrainingJobResponse page = clientA().listVoiceTrainingJob(new ListVoiceTrainingJobRequest()
                .withBatchName(batch).withLimit(2));
        assertThat(page.getCount()).isEqualTo(3);
        assertThat(page.getJobs()).hasSize(2);
        assertThat(clientA().listVoiceTrainingJob(new ListVoiceTrainingJobRequest().withBatchName(batch)
                .withTag("MARKETING")).getJobs()).extracting(j -> j.getJobId()).containsExactly(ids.get(0));
        assertThat(clientA().listVoiceTrainingJob(new ListVoiceTrainingJobRequest().withVoiceName(batch + "-1"))
                .getJobs()).extracting(j -> j.getJobId()).containsExactly(ids.get(1));
        assertThat(clientA().listVoiceTrainingJob(new ListVoiceTrainingJobRequest().withBatchName(batch)
                .withState("SUCCEED,FAILED")).getCount()).isZero();
        assertThat(clientA().listVoiceTrainingJob(new ListVoiceTrainingJobRequest().withBatchName(batch)
                .withState("CREATING").withJobType("BASIC")).getCount()).isEqualTo(3);
        assertThat(clientA().listVoiceTrainingJob(new ListVoiceTrainingJobRequest().withBatchName(batch)
                .withJobType("MIDDLE")).getCount()).isZero();
        long now = java.time.Instant.now().getEpochSecond();
        assertThat(clientA().listVoiceTrainingJob(new ListVoiceTrainingJobRequest().withBatchName(batch)
                .withCreateSince(Long.toString(now - 120))).getCount()).isEqualTo(3);
        assertThat(clientA().listVoiceTrainingJob(new ListVoiceTrainingJobRequest().withBatchName(batch)
                .withCreateUntil(Long.toString(now - 120))).getCount()).isZero();
        assertThat(code(catchThrowableOfType(ClientRequestException.class, () -> clientA().listVoiceTrainingJob(
                new ListVoiceTrainingJobRequest().withState("DONE"))))).isEqualTo("MSS.00000003");
        assertThat(code(catchThrowableOfType(ClientRequestException.class, () -> clientA().listVoiceTrainingJob(
                new ListVoiceTrainingJobRequest().withLimit(101))))).isEqualTo("MSS.00000003");
        assertThat(clientB().listVoiceTrainingJob(new ListVoiceTrainingJobRequest().withBatchName(batch)).getCount())
                .isZero();
        assertThat(code(catchThrowableOfType(ClientRequestException.class, () -> clientB().deleteVoiceTrainingJob(
                new DeleteVoiceTrainingJobRequest().withJobId(ids.get(0)))))).isEqualTo("MSS.20020002");

        clientA().deleteVoiceTrainingJob(new DeleteVoiceTrainingJobRequest().withJobId(ids.get(0)));
        assertThat(code(catchThrowableOfType(ClientRequestException.class, () -> show(ids.get(0)))))
                .isEqualTo("MSS.20020002");
        assertThat(clientA().listVoiceTrainingJob(new ListVoiceTrainingJobRequest().withBatchName(batch)).getCount())
                .isEqualTo(2);
    }

    @Test
    void thePremiumEditionTakesOneLongRecordingThroughTheSplitStates() throws Exception {
        byte[] longRecording = espeak("en-us+m1", 20, String.join(" ", SENTENCES));
        CreateTrainingAdvanceJobResponse job = clientA().createTrainingAdvanceJob(new CreateTrainingAdvanceJobRequest()
                .withBody(new CreateTrainingJobReq().withVoiceName(unique("premium")).withLanguage("EN")
                        .withSex(CreateTrainingJobReq.SexEnum.MALE).withCreateType(CreateType.PACKAGE)));
        put(job.getTrainingDataUploadingUrl(), zip(Map.of("speaker/long.wav", longRecording)), "application/zip");
        submit(job.getJobId());
        assertThat(walk(job.getJobId(), "SUCCEED", "FAILED", "AUDIT_FAILED")).containsExactly("SYSTEM_AUDITING",
                "AUDITING", "WAITING_SPLIT", "SPLITTING", "ANNOTATING", "WAITING", "PROCESSING", "RESULT_REVIEW",
                "SUCCEED");
        ShowVoiceTrainingJobResponse done = show(job.getJobId());
        assertThat(Assets.show(clientA(), done.getAssetId()).getAssetExtraMeta().getVoiceModelMeta().getSex()
                .getValue()).isEqualTo("MALE");
        assertThat(done.getJobType().getValue()).isEqualTo("ADVANCE");
    }

    @Test
    void manualProgressionHoldsTheJobInEachStateUntilAdvanced() throws Exception {
        ControlPlane plane = new ControlPlane(baseUrl());
        plane.put("/_emulator/progression/VOICE_TRAINING", "{\"mode\": \"manual\"}").expect(200);
        try {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (int i = 0; i < 20; i++) {
                files.put(i + ".wav", RecordingAuditTest.wav(3, 16_000, 1, 16, WavFile.PCM));
                files.put(i + ".txt", SENTENCES[i].getBytes(StandardCharsets.UTF_8));
            }
            CreateTrainingBasicJobResponse job = basic(clientA(), unique("manual"), CreateTrainingJobReq.SexEnum.FEMALE,
                    CreateType.PACKAGE);
            put(job.getTrainingDataUploadingUrl(), zip(files), "application/zip");
            submit(job.getJobId());
            Thread.sleep(1500);
            assertThat(show(job.getJobId()).getState().getValue()).isEqualTo("SYSTEM_AUDITING");
            List<String> advanced = new ArrayList<>();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!advanced.contains("SUCCEED") && System.nanoTime() < deadline) {
                ControlPlane.Answer answer = plane.post("/_emulator/jobs/" + job.getJobId() + "/advance", null);
                if (answer.status() == 200) {
                    String state = answer.json().get("state").asText();
                    advanced.add(state);
                    assertThat(show(job.getJobId()).getState().getValue()).isEqualTo(state);
                } else {
                    assertThat(answer.body()).contains("EMULATOR.STILL_WORKING");
                    Thread.sleep(300);
                }
            }
            assertThat(advanced).containsExactly("AUDITING", "WAITING", "PROCESSING", "RESULT_REVIEW", "SUCCEED");
            assertThat(show(job.getJobId()).getAssetId()).isNotNull();
        } finally {
            plane.delete("/_emulator/progression/VOICE_TRAINING");
        }
    }

    @Test
    void aResetRemovesTheProjectsJobsEvenInTraining() throws Exception {
        ControlPlane plane = new ControlPlane(baseUrl());
        MetaStudioClient ops = client(TestProjects.AK_OPS, TestProjects.SK_OPS, TestProjects.PROJECT_OPS);
        plane.post("/_emulator/reset", "{\"project_id\": \"" + TestProjects.PROJECT_OPS + "\"}").expect(200);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            files.put(i + ".wav", RecordingAuditTest.wav(3, 16_000, 1, 16, WavFile.PCM));
            files.put(i + ".txt", SENTENCES[i].getBytes(StandardCharsets.UTF_8));
        }
        CreateTrainingBasicJobResponse idle = basic(ops, unique("idle"), CreateTrainingJobReq.SexEnum.FEMALE,
                CreateType.PACKAGE);
        CreateTrainingBasicJobResponse running = basic(ops, unique("running"), CreateTrainingJobReq.SexEnum.FEMALE,
                CreateType.PACKAGE);
        put(running.getTrainingDataUploadingUrl(), zip(files), "application/zip");
        ops.commitVoiceTrainingJob(new CommitVoiceTrainingJobRequest().withJobId(running.getJobId())
                .withBody(new CommitJobReq()));
        CreateTrainingBasicJobResponse mine = basic(clientA(), unique("kept"), CreateTrainingJobReq.SexEnum.FEMALE,
                CreateType.PACKAGE);

        var removed = plane.post("/_emulator/reset", "{\"project_id\": \"" + TestProjects.PROJECT_OPS + "\"}")
                .expect(200).get("removed");
        assertThat(removed.get("voice_training_jobs").asLong()).isEqualTo(2);
        for (String id : List.of(idle.getJobId(), running.getJobId())) {
            assertThat(code(catchThrowableOfType(ClientRequestException.class, () -> ops.showVoiceTrainingJob(
                    new ShowVoiceTrainingJobRequest().withJobId(id))))).isEqualTo("MSS.20020002");
        }
        // The package's upload URL answers nothing any more; another project's job stays.
        assertThat(Assets.send(HttpRequest.newBuilder(URI.create(running.getTrainingDataUploadingUrl()))
                .header("Content-Type", "application/zip").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1]))
                .build()).statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(show(mine.getJobId()).getState().getValue()).isEqualTo("CREATING");
        Thread.sleep(3000);
        assertThat(ops.listVoiceTrainingJob(new ListVoiceTrainingJobRequest()).getCount()).isZero();
    }

    @Test
    void aJobFaultFailsTheTrainingWithTheChosenCode() throws Exception {
        ControlPlane plane = new ControlPlane(baseUrl());
        MetaStudioClient ops = client(TestProjects.AK_OPS, TestProjects.SK_OPS, TestProjects.PROJECT_OPS);
        String rule = plane.fault("""
                {"match": {"job_kind": "VOICE_TRAINING", "project_id": "%s"},
                 "job_failure": {"error_code": "MSS.20020005", "error_msg": "Injected training failure", "after_ms": 0},
                 "times": 1}""".formatted(TestProjects.PROJECT_OPS));
        try {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (int i = 0; i < 20; i++) {
                files.put(i + ".wav", RecordingAuditTest.wav(3, 16_000, 1, 16, WavFile.PCM));
                files.put(i + ".txt", SENTENCES[i].getBytes(StandardCharsets.UTF_8));
            }
            CreateTrainingBasicJobResponse job = ops.createTrainingBasicJob(new CreateTrainingBasicJobRequest()
                    .withXAppUserId("app-user-7").withBody(new CreateTrainingJobReq().withVoiceName(unique("doomed"))
                            .withLanguage("EN").withCreateType(CreateType.PACKAGE)));
            put(job.getTrainingDataUploadingUrl(), zip(files), "application/zip");
            ops.commitVoiceTrainingJob(new CommitVoiceTrainingJobRequest().withJobId(job.getJobId())
                    .withBody(new CommitJobReq()));
            ShowVoiceTrainingJobResponse shown;
            long deadline = System.nanoTime() + 60_000_000_000L;
            do {
                Thread.sleep(200);
                shown = ops.showVoiceTrainingJob(new ShowVoiceTrainingJobRequest().withJobId(job.getJobId()));
            } while (!shown.getState().getValue().equals("FAILED") && !shown.getState().getValue().equals("SUCCEED")
                    && System.nanoTime() < deadline);
            assertThat(shown.getState().getValue()).isEqualTo("FAILED");
            assertThat(shown.getJobFailedCode()).isEqualTo("MSS.20020005");
            assertThat(shown.getJobFailedReason()).isEqualTo("Injected training failure");
            assertThat(shown.getAssetId()).isNull();
            assertThat(shown.getAppUserId()).isEqualTo("app-user-7");
            assertThat(plane.hits(rule)).isEqualTo(1);
        } finally {
            plane.delete("/_emulator/faults/" + rule);
        }
    }
}
