package dev.metastudio.emulator.asset;

/** supported_service: the services an asset can be used by. */
public enum SupportedService {
    VIDEO_2D, LIVE_2D, CHAT_2D
}
