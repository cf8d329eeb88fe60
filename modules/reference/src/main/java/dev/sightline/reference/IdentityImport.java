package dev.sightline.reference;

import dev.sightline.model.Identity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a directory export (CSV or JSON) into {@link Identity} records for {@code ref.identities}. User ids and aliases
 * are normalized as the ingest parsers normalize the names in logs, so that {@code CORP\frank} in a proxy log finds
 * {@code frank@corp.example}. The primary e-mail address, when it differs from the user id, is an alias too (SaaS audit
 * logs name people by it). All or nothing: any problem throws an {@link ImportException} listing every problem; a user
 * id given twice, or an alias that names two people, is a problem.
 */
public final class IdentityImport {
    static final FieldSet FIELDS = new FieldSet(List.of(
            Field.required("user", "user_id", "upn", "user_principal_name", "username", "user_name", "login", "account"),
            Field.text("email", "mail", "email_address", "primary_email", "primary_smtp_address"),
            Field.list("aliases", "alias", "other_names", "proxy_addresses", "other_mails"),
            Field.text("display_name", "name", "full_name"),
            Field.text("department", "dept"),
            Field.list("groups", "group", "member_of"),
            Field.text("manager", "manager_upn", "manager_id", "manager_user_id"),
            Field.text("employee_type", "user_type", "type"),
            Field.text("active", "enabled", "account_enabled", "is_active")));

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    /** Active Directory proxyAddresses carry a protocol prefix: {@code SMTP:} primary, {@code smtp:} others. */
    private static final Pattern SMTP_PREFIX = Pattern.compile("(?i)^smtp:");

    private final ImportOptions options;

    public IdentityImport(ImportOptions options) {
        this.options = options;
    }

    public List<Identity> read(Path file) {
        Problems problems = new Problems();
        FieldChecks checks = new FieldChecks(problems, options);
        Instant now = options.clock().instant();
        List<RawRecord> records = RecordReader.read(file, FIELDS, options.ignoreUnknownFields(), problems);
        List<Identity> identities = new ArrayList<>();
        Map<String, RawRecord> owners = new HashMap<>();
        List<RawRecord> read = new ArrayList<>();
        for (RawRecord record : records) {
            Optional<Identity> identity = toIdentity(record, checks, problems, now);
            if (identity.isEmpty()) {
                continue;
            }
            RawRecord first = owners.putIfAbsent(identity.get().getUserId(), record);
            if (first != null) {
                problems.add(record, "user", "the user id is already given at line " + first.line());
                continue;
            }
            identities.add(identity.get());
            read.add(record);
        }
        // an alias that is someone's user id or another person's alias would make the lookup ambiguous
        for (int i = 0; i < identities.size(); i++) {
            RawRecord record = read.get(i);
            for (String alias : identities.get(i).getAliases()) {
                RawRecord owner = owners.putIfAbsent(alias, record);
                if (owner != null && owner != record) {
                    problems.add(record, "aliases", "an alias names the user of line " + owner.line() + " too");
                }
            }
        }
        problems.throwIfAny();
        return identities;
    }

    private Optional<Identity> toIdentity(RawRecord record, FieldChecks checks, Problems problems, Instant now) {
        Optional<String> user = checks.userId(record, "user");
        Optional<String> email = checks.id(record, "email").map(e -> e.toLowerCase(Locale.ROOT));
        if (email.isPresent() && !EMAIL.matcher(email.get()).matches()) {
            problems.add(record, "email", "not an e-mail address (name@domain)");
            email = Optional.empty();
        }
        List<String> aliases = checks.userIds(record, "aliases", raw -> SMTP_PREFIX.matcher(raw.strip()).replaceFirst(""));
        Optional<String> displayName = checks.text(record, "display_name");
        Optional<String> department = checks.text(record, "department");
        List<String> groups = checks.texts(record, "groups");
        Optional<String> manager = checks.userId(record, "manager");
        Optional<String> employeeType = checks.text(record, "employee_type");
        boolean active = checks.flag(record, "active", true);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        LinkedHashSet<String> allAliases = new LinkedHashSet<>(aliases);
        email.ifPresent(allAliases::add);
        allAliases.remove(user.get());
        return Optional.of(Identity.newBuilder()
                .setUserId(user.get())
                .setDisplayName(displayName.orElse(null))
                .setEmail(email.orElse(null))
                .setAliases(List.copyOf(allAliases))
                .setDepartment(department.orElse(null))
                .setGroups(groups)
                .setManager(manager.orElse(null))
                .setEmployeeType(employeeType.orElse(null))
                .setActive(active)
                .setUpdatedAt(now)
                .build());
    }
}
