package dev.metastudio.emulator.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.metastudio.emulator.edge.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tenant's asset state changes (reference 4.1.3, 4.1.4, 4.1.6), without a server. */
class AssetTransitionsTest {
    private static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");

    @Test
    void aUsableAssetIsActivatedAndDeactivated() {
        AssetEntity asset = asset(AssetState.ACTIVED);
        AssetTransitions.setUsable(asset, AssetState.UNACTIVED, NOW);
        assertThat(asset.getAssetState()).isEqualTo(AssetState.UNACTIVED);
        assertThat(asset.getUpdateTime()).isEqualTo(NOW);
        AssetTransitions.setUsable(asset, AssetState.ACTIVED, NOW);
        assertThat(asset.getAssetState()).isEqualTo(AssetState.ACTIVED);
    }

    /** L16661 MSS.10001014 for a wrong target (this test expected MSS.10001013, L16660's code, before issue 13). */
    @ParameterizedTest
    @EnumSource(value = AssetState.class, names = {"ACTIVED", "UNACTIVED", "WAITING_DELETE"}, mode = EnumSource.Mode.EXCLUDE)
    void onlyActivedUnactivedAndWaitingDeleteMayBeSetByATenant(AssetState target) {
        ApiException refused = refused(() -> AssetTransitions.setUsable(asset(AssetState.ACTIVED), target, NOW));
        assertThat(refused.code()).isEqualTo(AssetCodes.INCORRECT_TARGET).isEqualTo("MSS.10001014");
        assertThat(refused.getMessage()).contains(target.name());
    }

    /** L1581 offers WAITING_DELETE; the tenant may take the mark back. */
    @Test
    void waitingDeleteIsATenantsMarkAndReversible() {
        AssetEntity asset = asset(AssetState.ACTIVED);
        AssetTransitions.setUsable(asset, AssetState.WAITING_DELETE, NOW);
        assertThat(asset.getAssetState()).isEqualTo(AssetState.WAITING_DELETE);
        AssetTransitions.setUsable(asset, AssetState.UNACTIVED, NOW);
        assertThat(asset.getAssetState()).isEqualTo(AssetState.UNACTIVED);
    }

    /** L16660 MSS.10001013: "Only assets in the ACTIVED or UNACTIVED status can be updated." */
    @ParameterizedTest
    @EnumSource(value = AssetState.class, names = {"ACTIVED", "UNACTIVED", "WAITING_DELETE"}, mode = EnumSource.Mode.EXCLUDE)
    void anAssetNotInUseCannotBeActivated(AssetState current) {
        AssetEntity asset = asset(current);
        assertThat(refused(() -> AssetTransitions.setUsable(asset, AssetState.ACTIVED, NOW)).code())
                .isEqualTo(AssetCodes.INVALID_CHANGE);
        assertThat(asset.getAssetState()).isEqualTo(current);
    }

    @Test
    void theRecycleBinRemembersAndRestoresThePreviousState() {
        AssetEntity asset = asset(AssetState.UNACTIVED);
        AssetTransitions.toRecycleBin(asset, NOW);
        assertThat(asset.getAssetState()).isEqualTo(AssetState.DELETING);
        AssetTransitions.toRecycleBin(asset, NOW);
        assertThat(asset.getStateBeforeDelete()).as("deleting twice keeps the first state").isEqualTo(AssetState.UNACTIVED);
        AssetTransitions.restore(asset, NOW);
        assertThat(asset.getAssetState()).isEqualTo(AssetState.UNACTIVED);
        assertThat(asset.getStateBeforeDelete()).isNull();
    }

    @Test
    void onlyTheRecycleBinCanBeRestoredAndAPermanentDeleteIsFinal() {
        assertThat(refused(() -> AssetTransitions.restore(asset(AssetState.ACTIVED), NOW)).getMessage())
                .contains("not in the recycle bin");
        AssetEntity gone = asset(AssetState.DELETING);
        AssetTransitions.deletePermanently(gone, NOW);
        assertThat(gone.getAssetState()).isEqualTo(AssetState.DELETED);
        assertThat(refused(() -> AssetTransitions.restore(gone, NOW)).getMessage()).contains("permanently deleted");
    }

    @Test
    void anAssetRestoredWithoutARecordedStateBecomesUnactived() {
        AssetEntity asset = asset(AssetState.DELETING);
        AssetTransitions.restore(asset, NOW);
        assertThat(asset.getAssetState()).isEqualTo(AssetState.UNACTIVED);
    }

    static AssetEntity asset(AssetState state) {
        AssetEntity asset = new AssetEntity();
        asset.setAssetId("asset-1");
        asset.setAssetState(state);
        return asset;
    }

    static ApiException refused(Runnable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.status()).isEqualTo(400);
        return e;
    }
}
