package dev.metastudio.emulator.live.room;

/** room_state: ENABLE, DISABLE (cause in error_info), BLOCKED (cause in error_info). */
public enum RoomState { ENABLE, DISABLE, BLOCKED }
