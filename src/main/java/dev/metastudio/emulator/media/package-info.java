/**
 * The media engine: turns a fully resolved script into a real video or a live stream, speech into audio files, and
 * tells what an uploaded file is. A plain library (no Spring, no database); every input is a local file, and its only
 * network use is the RTMP push of a stream.
 *
 * <ul>
 *   <li>{@link dev.metastudio.emulator.media.probe.MediaProbe#probe} and
 *       {@link dev.metastudio.emulator.media.probe.Thumbnails#writeCover}: what a file is (by content) and its cover.</li>
 *   <li>{@link dev.metastudio.emulator.media.render.VideoRenderer#render}: a
 *       {@link dev.metastudio.emulator.media.render.RenderSpec} to an MP4 (H.264 + AAC) or WebM (VP8 + Opus), a JPEG
 *       cover and an SRT file, with progress and cancellation.</li>
 *   <li>{@link dev.metastudio.emulator.media.speech.SpeechRenderer#render}: text or SSML to WAV or MP3 (TTS
 *       preview), through Festival or Flite for English (FreeTTS when neither is installed) and espeak-ng for the
 *       other languages; {@link dev.metastudio.emulator.media.speech.SpeechSynthesizer#sentences} speaks sentence
 *       by sentence (audio, cues, phones and mouth shapes of each), for live streams.</li>
 *   <li>{@link dev.metastudio.emulator.media.render.LiveComposition}: a presenter on air, composed frame by frame
 *       into a {@link dev.metastudio.emulator.media.render.FrameSink} (a file, or a
 *       {@link dev.metastudio.emulator.media.render.StreamSink}: H.264 + AAC encoded once to HLS and to an RTMP push
 *       that reconnects), speech queued while it plays, optionally held to the wall clock.</li>
 *   <li>{@link dev.metastudio.emulator.media.avatar.AvatarCatalogue#looks}: the built-in 2D presenters, whose ids
 *       the asset library seeds as HUMAN_MODEL_2D assets.</li>
 * </ul>
 *
 * Every failure is a {@link dev.metastudio.emulator.media.MediaException} whose reason the product maps to its API
 * error codes.
 */
package dev.metastudio.emulator.media;
