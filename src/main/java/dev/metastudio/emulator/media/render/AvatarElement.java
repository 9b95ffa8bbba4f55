package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.avatar.AvatarAnimator;
import dev.metastudio.emulator.media.avatar.AvatarPose;
import dev.metastudio.emulator.media.avatar.AvatarRig;
import dev.metastudio.emulator.media.lipsync.MouthTrack;

import java.awt.Graphics2D;
import java.awt.Rectangle;

/** The HUMAN layer: the rig posed per frame from the scene's mouth (shape and opening) and the idle animation. */
final class AvatarElement implements Dynamic {

    private static final AvatarRig.Part[] PARTS = AvatarRig.Part.values();

    private final AvatarRig rig;
    private final AvatarAnimator animator;
    private MouthTrack mouth = MouthTrack.silent();
    private long mouthFrom;
    private final long firstFrame;
    private final Region[] regions;
    private AvatarPose pose = AvatarPose.rest();

    /**
     * @param firstFrame the scene's first frame in the whole video, so the idle motion flows on across scenes
     */
    AvatarElement(AvatarRig rig, AvatarAnimator animator, long firstFrame) {
        this.rig = rig;
        this.animator = animator;
        this.firstFrame = firstFrame;
        this.regions = new Region[PARTS.length];
        for (int i = 0; i < PARTS.length; i++) {
            regions[i] = new Region(rig.envelope(PARTS[i]));
        }
    }

    /** The scene's mouth, one shape and opening per frame; the mouth rests where there are none. */
    void speak(MouthTrack track) {
        speak(track, 0);
    }

    /** A mouth that starts at frame {@code from} of the scene (a live stream's sentence); before and after: rest. */
    void speak(MouthTrack track, long from) {
        this.mouth = track;
        this.mouthFrom = from;
    }

    @Override
    public Rectangle envelope() {
        return rig.envelope(AvatarRig.Part.BODY).union(rig.envelope(AvatarRig.Part.HEAD));
    }

    @Override
    public long advance(int frame) {
        int i = (int) (frame - mouthFrom);
        pose = animator.pose(firstFrame + frame, mouth.shape(i), mouth.openness(i));
        return 0;
    }

    @Override
    public Region[] regions() {
        return regions;
    }

    @Override
    public long regionKey(int i, long elementKey) {
        return rig.key(PARTS[i], pose);
    }

    @Override
    public void draw(Graphics2D g) {
        rig.draw(g, pose);
    }
}
