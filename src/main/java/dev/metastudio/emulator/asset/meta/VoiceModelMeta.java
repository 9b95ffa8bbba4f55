package dev.metastudio.emulator.asset.meta;

import java.util.List;

/** voice_model_meta (reference Table 4-10); {@code voice_capability} is answered, never set. */
public record VoiceModelMeta(
        Integer order,
        ModelType modelType,
        Sex sex,
        VoiceLanguage language,
        List<VoiceLanguage> languages,
        Float speedRatio,
        Float volumeRatio,
        Boolean isRealtimeVoice,
        String style,
        VoiceCapability voiceCapability,
        ExternalVoiceMeta externalVoiceMeta,
        Boolean isSupportVcProcess,
        Boolean isSupportThaiAutoSplit,
        Boolean isFlexus) {

    public enum ModelType { COMMON, CLONE }

    public enum Sex { UNKNOW, MALE, FEMALE }

    /** Spelled exactly as the reference and the SDK spell them, mixed case included. */
    public enum VoiceLanguage {
        UNKNOW, CN, EN, GER, fr, Kr, por, JPN, Ita, ESP, DBH, GT, GXH, HBH, SXH, SCH, YY, Russian, Filipino, Dutch,
        Indonesian, Vietnamese, Arabic, Turkish, Malay, Thai, Finnish
    }

    public enum Provider { XIMALAYA, HUAWEI_EI, MOBVOI, AUDIOX, SINOVOICE, DATABAKER, AISPEECH }

    public record ExternalVoiceMeta(Provider provider) {
    }

    public record VoiceCapability(Boolean isSupportPhonemeEn, Boolean isSupportPhoneme, Boolean isSupportBreakTime,
                                  Boolean isSupportBreakStrength, Boolean isSupportSpeed, Boolean isSupportProsody,
                                  Boolean isSupportSsmlSayAs, Boolean isSupportSsmlSub, Boolean isSupportWord,
                                  Boolean isSupportVoiceCache, Float conversionRate, Float conversionRateEn,
                                  Boolean isSupportSrt) {
    }

}
