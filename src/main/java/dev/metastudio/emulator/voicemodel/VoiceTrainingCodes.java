package dev.metastudio.emulator.voicemodel;

/** Voice training codes (reference 11.2, the MSS.20020xxx rows); the generic ones come from edge.ErrorCodes. */
final class VoiceTrainingCodes {
    /** "The task status does not allow this operation." */
    static final String WRONG_STATE = "MSS.20020001";
    /** "The task has been deleted or does not exist." */
    static final String NO_SUCH_JOB = "MSS.20020002";
    /** "The training data is incorrect. Check and submit the data again." (an empty text file) */
    static final String BAD_TRAINING_DATA = "MSS.20020004";
    /** "Training failed." (the job's code when its training broke or its workers kept dying) */
    static final String TRAINING_FAILED = "MSS.20020005";
    /** "Too many ongoing tasks. Try again later." */
    static final String TOO_MANY_ONGOING = "MSS.20020008";
    /** "Invalid uploaded audio file format. Use a valid format and upload as instructed." */
    static final String BAD_AUDIO_FORMAT = "MSS.20020011";
    /** "Invalid file format in the package." */
    static final String BAD_FILE_IN_PACKAGE = "MSS.20020012";
    /** "Upload a valid ZIP package." */
    static final String NOT_A_ZIP = "MSS.20020013";
    /** "The uploaded text is not in the selected language." */
    static final String WRONG_LANGUAGE = "MSS.20020015";
    /** "The number of WAV and TXT files in the package does not meet the requirements." */
    static final String WAV_TXT_PAIRING = "MSS.20020016";
    /** "The number of WAV files in the package does not meet the requirements." */
    static final String WAV_COUNT = "MSS.20020017";
    /** "The uploaded audio cannot be parsed into a WAV file." */
    static final String NOT_A_WAV = "MSS.20020018";
    /** "Too many files in the package." */
    static final String TOO_MANY_FILES = "MSS.20020022";
    /** "Compressed package too large. Check the files in it and upload the package again." */
    static final String PACKAGE_TOO_LARGE = "MSS.20020023";
    /** "The compressed package can contain only one directory..." */
    static final String ONE_DIRECTORY = "MSS.20020025";
    /** "Do not use special characters such as \/:*<> \\ to name files in the compressed package." */
    static final String SPECIAL_CHARACTERS = "MSS.20020026";
    /** "The training data does not exist." */
    static final String NO_TRAINING_DATA = "MSS.20020027";
    /** "The uploaded audio does not match the text." */
    static final String AUDIO_TEXT_MISMATCH = "MSS.20020028";
    /** "Unsupported audio file duration." */
    static final String BAD_DURATION = "MSS.20020029";
    /** "The number of audio files in the uploaded attachment is different from that of text files." */
    static final String AUDIO_TEXT_COUNT = "MSS.20020040";

    private VoiceTrainingCodes() {
    }
}
