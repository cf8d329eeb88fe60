package dev.sightline.detect.state;

import java.util.Optional;

/** Upload volumes per user and per department (the topology keeps them in state stores). */
public interface UsageBaselines {
    Optional<UserUsage> user(String actorKey);

    void putUser(String actorKey, UserUsage usage);

    Optional<Ewma> department(String department);

    void putDepartment(String department, Ewma baseline);
}
