package dev.sightline.pipeline.enrich;

import dev.sightline.model.Identity;
import dev.sightline.model.UserContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The identities of ref.identities, indexed by normalized user id and by every alias and e-mail address. Immutable.
 * A user id always wins over another identity's alias.
 */
final class IdentityDirectory {
    private final Map<String, Identity> byName;

    /** @param identities ref.identities by key, in key order (the first identity keeps an alias two of them claim) */
    IdentityDirectory(Map<String, Identity> identities) {
        Map<String, Identity> names = new HashMap<>();
        for (Identity identity : identities.values()) {
            identity.getAliases().forEach(alias -> names.putIfAbsent(normalize(alias), identity));
            if (identity.getEmail() != null) {
                names.putIfAbsent(normalize(identity.getEmail()), identity);
            }
        }
        identities.values().forEach(identity -> names.put(normalize(identity.getUserId()), identity));
        this.byName = Map.copyOf(names);
    }

    /** The organisation context of a user, or null when no identity has this id or alias. */
    UserContext contextOf(String user) {
        if (user == null) {
            return null;
        }
        Identity identity = byName.get(normalize(user));
        if (identity == null) {
            return null;
        }
        return UserContext.newBuilder()
                .setDepartment(identity.getDepartment())
                .setGroups(List.copyOf(identity.getGroups()))
                .setManager(identity.getManager())
                .build();
    }

    private static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
