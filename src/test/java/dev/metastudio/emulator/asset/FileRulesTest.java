package dev.metastudio.emulator.asset;

import static dev.metastudio.emulator.asset.AssetTransitionsTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.edge.ErrorCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** File names, formats, sizes and MD5 spellings (service overview, reference 4.2 and 11.11), without a server. */
class FileRulesTest {

    @Test
    void theTypeDefaultsToTheNamesExtensionInLowerCase() {
        assertThat(FileRules.fileType(null, "Logo.PNG")).isEqualTo("png");
        assertThat(FileRules.fileType(" MP4 ", "clip")).isEqualTo("mp4");
        assertThat(refused(() -> FileRules.fileType(null, "noextension")).getMessage()).contains("file_type");
        assertThat(refused(() -> FileRules.fileType("x".repeat(65), "a.png")).getMessage()).contains("file_type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../etc", "a/b.png", "a\\b.png", ".", "..", "tab\tname.png"})
    void aFileNameIsAPlainName(String name) {
        assertThat(refused(() -> FileRules.checkName(name)).code()).isEqualTo(ErrorCodes.INVALID_PARAMETER);
    }

    @Test
    void aFileNameHasAtMost256Characters() {
        FileRules.checkName("a".repeat(252) + ".png");
        assertThat(refused(() -> FileRules.checkName("a".repeat(253) + ".png")).getMessage()).contains("256");
    }

    @Test
    void mediaAssetsTakeTheirDocumentedFormats() {
        FileRules.checkFormat(AssetType.IMAGE, FileCategory.MAIN, "png");
        FileRules.checkFormat(AssetType.VIDEO, FileCategory.MAIN, "webm");
        FileRules.checkFormat(AssetType.AUDIO, FileCategory.MAIN, "wav");
        FileRules.checkFormat(AssetType.VIDEO, FileCategory.COVER, "jpg");
        FileRules.checkFormat(AssetType.VIDEO, FileCategory.OTHER, "srt");
        assertThat(refused(() -> FileRules.checkFormat(AssetType.IMAGE, FileCategory.MAIN, "mp4")).code())
                .isEqualTo(AssetCodes.INVALID_FORMAT);
        assertThat(refused(() -> FileRules.checkFormat(AssetType.VIDEO, FileCategory.COVER, "mp4")).code())
                .isEqualTo(AssetCodes.INVALID_FORMAT);
    }

    @Test
    void mainFilesAreLimitedBySizePerType() {
        FileRules.checkSize(AssetType.IMAGE, FileCategory.MAIN, FileRules.MAX_IMAGE_OR_AUDIO);
        assertThat(refused(() -> FileRules.checkSize(AssetType.IMAGE, FileCategory.MAIN, FileRules.MAX_IMAGE_OR_AUDIO + 1))
                .code()).isEqualTo(AssetCodes.TOO_LARGE);
        FileRules.checkSize(AssetType.VIDEO, FileCategory.MAIN, FileRules.MAX_VIDEO);
        assertThat(refused(() -> FileRules.checkSize(AssetType.VIDEO, FileCategory.MAIN, FileRules.MAX_VIDEO + 1))
                .code()).isEqualTo(AssetCodes.TOO_LARGE);
        FileRules.checkSize(AssetType.IMAGE, FileCategory.COVER, FileRules.MAX_FILE_SIZE);
    }

    /** L-ref 11.11: file_md5 is the Base64 of the raw digest; the reference's examples also show 32-digit hex. */
    @Test
    void md5IsBase64OfTheDigestAndHexIsConverted() {
        assertThat(FileRules.md5AsBase64("1B2M2Y8AsgTpgAmY7PhCfg==")).isEqualTo("1B2M2Y8AsgTpgAmY7PhCfg==");
        assertThat(FileRules.md5AsBase64("d41d8cd98f00b204e9800998ecf8427e")).isEqualTo("1B2M2Y8AsgTpgAmY7PhCfg==");
        assertThat(FileRules.md5AsBase64(null)).isNull();
        assertThat(refused(() -> FileRules.md5AsBase64("not-an-md5")).getMessage()).contains("file_md5");
    }

    @Test
    void objectKeysNeverCarryCallerChosenPaths() {
        AssetEntity asset = AssetTransitionsTest.asset(AssetState.CREATING);
        asset.setId("row-1");
        assertThat(FileRules.objectKey("p1", asset, "f1", "png")).isEqualTo("projects/p1/assets/row-1/f1.png");
        assertThat(FileRules.objectKey("p1", asset, "f1", "../x")).isEqualTo("projects/p1/assets/row-1/f1");
    }
}
