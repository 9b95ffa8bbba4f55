package dev.metastudio.emulator.live.room;

import dev.metastudio.emulator.edge.PublicUrl;
import dev.metastudio.emulator.edge.QueryParams;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Intelligent livestreaming rooms, reference 6.1.1-6.1.5. */
@RestController
@RequestMapping("/v1/{project_id}/smart-live-rooms")
class LiveRoomController {
    private final LiveRoomService rooms;
    private final PublicUrl publicUrl;

    LiveRoomController(LiveRoomService rooms, PublicUrl publicUrl) {
        this.rooms = rooms;
        this.publicUrl = publicUrl;
    }

    @PostMapping
    LiveRoomViews.Created create(@PathVariable("project_id") String projectId,
                                 @RequestBody(required = false) LiveRoomContent body) {
        return rooms.create(projectId, body);
    }

    @GetMapping
    LiveRoomViews.RoomList list(@PathVariable("project_id") String projectId,
                                @RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        return rooms.list(projectId, new QueryParams(query), publicUrl.of(request));
    }

    @GetMapping("/{room_id}")
    LiveRoomViews.Detail show(@PathVariable("project_id") String projectId, @PathVariable("room_id") String roomId,
                              HttpServletRequest request) {
        return rooms.show(projectId, roomId, publicUrl.of(request));
    }

    @PutMapping("/{room_id}")
    LiveRoomViews.Detail update(@PathVariable("project_id") String projectId, @PathVariable("room_id") String roomId,
                                @RequestBody(required = false) LiveRoomContent body, HttpServletRequest request) {
        return rooms.update(projectId, roomId, body, publicUrl.of(request));
    }

    @DeleteMapping("/{room_id}")
    ResponseEntity<Void> delete(@PathVariable("project_id") String projectId, @PathVariable("room_id") String roomId) {
        rooms.delete(projectId, roomId);
        return ResponseEntity.ok().build();
    }
}
