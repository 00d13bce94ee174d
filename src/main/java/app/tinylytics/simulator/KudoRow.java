package app.tinylytics.simulator;

import java.time.Instant;
import java.util.Map;

/** One stored kudo (a reader's "like") on a path of a site. */
public record KudoRow(long id, long siteId, String uid, String path, Instant createdAt) {

    public Map<String, Object> toJson() {
        return Json.object("id", id, "uid", uid, "path", path, "created_at", Json.time(createdAt));
    }
}
