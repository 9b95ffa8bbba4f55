package dev.metastudio.emulator.media.encode;

/**
 * The state of a push to a streaming server. CONNECTING: the first attempt (and its retries, the server may not be up
 * yet); CONNECTED: packets flow; RECONNECTING: the connection broke and attempts go on with growing pauses; FAILED:
 * attempts gave up (the stream itself goes on to its other outputs); CLOSED: the stream ended normally.
 */
public enum LinkState { CONNECTING, CONNECTED, RECONNECTING, FAILED, CLOSED }
