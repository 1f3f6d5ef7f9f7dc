package org.cdpdesktop.core.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.cdpdesktop.core.profile.JsonColumns;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.profile.ProfileMapping;

/**
 * Says which profile each row of an import belongs to, against the store and the rows before it, and merges the row
 * into it by the duplicate policy. A row whose external id names one profile and whose email another proves they are
 * one customer: the newer is merged into the older and deleted, and its keys stay aliases of the survivor.
 *
 * <p>Identity look-ups are the costly part of a large import, so for a bulk source a compact in-memory {@link KeyIndex}
 * of every external id and email in the store (and in the file so far) says which profile a key may belong to: a row
 * whose keys are not in it is certainly new, and the others' profiles are loaded by id in one query per chunk. Stores
 * above the key index limit, and small sources, look keys up in the store's unique indexes a chunk at a time.
 */
final class IdentityResolver {

    private static final int IN_LIST = 500;
    /**
     * What a merge needs of a stored profile: the columns an import writes, in {@link Draft#STORED} order, then the
     * interests and attributes as stored JSON. Not {@link ProfileMapping#COLUMNS}, whose cohort list costs a
     * sub-query per profile that a merge never reads.
     */
    private static final String DRAFT_COLUMNS = "id, " + Arrays.stream(Draft.STORED).map(ProfileField::column)
            .collect(Collectors.joining(", ")) + ", interests, attributes";

    private final Connection connection;
    private final DuplicatePolicy policy;
    private final long batchId;
    private long maxIdBefore;
    private long nextId;
    private KeyIndex externalIdIndex;
    private KeyIndex emailIndex;
    /** Stored profiles this import has already updated; their ids are at most {@link #maxIdBefore}, so a bit each. */
    private final BitSet updatedProfiles = new BitSet();
    private final Map<String, Long> externalIdAliases = new HashMap<>();
    private final Map<String, Long> emailAliases = new HashMap<>();
    private final Map<Long, Long> mergedInto = new HashMap<>();

    /** {@code batchId} names the generated external ids of rows that have none. */
    IdentityResolver(Connection connection, DuplicatePolicy policy, long batchId) {
        this.connection = connection;
        this.policy = policy;
        this.batchId = batchId;
    }

    /**
     * A bulk source into a store of at most {@code keyIndexLimit} profiles loads every key once, and any source into an
     * empty store starts with an empty key index; anything else looks keys up.
     */
    void prepare(boolean bulk, long keyIndexLimit) throws SQLException {
        long count;
        // Counting reads a whole index, a cost only the key index's sizing needs.
        try (PreparedStatement statement = connection.prepareStatement(bulk ? "SELECT coalesce(max(id), 0), count(*) FROM profile"
                : "SELECT coalesce(max(id), 0), 0 FROM profile");
             ResultSet result = statement.executeQuery()) {
            result.next();
            maxIdBefore = result.getLong(1);
            count = result.getLong(2);
        }
        nextId = maxIdBefore;
        // Into an empty store there are no keys to load, so even a small source (a REST or Kafka batch) resolves in memory.
        if (!bulk && maxIdBefore > 0 || count > keyIndexLimit) {
            return;
        }
        Path tempFolder = Path.of(System.getProperty("java.io.tmpdir"));
        externalIdIndex = new KeyIndex((int) Math.max(1024, count), tempFolder);
        emailIndex = new KeyIndex((int) Math.max(1024, count), tempFolder);
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT id, external_id, email FROM profile")) {
            while (result.next()) {
                externalIdIndex.put(result.getString(2), result.getLong(1));
                String email = result.getString(3);
                if (email != null) {
                    emailIndex.put(email, result.getLong(1));
                }
            }
        }
    }

    /** Whether keys are resolved in memory (bulk source, store within the limit) rather than by store look-ups. */
    boolean usesKeyIndex() {
        return externalIdIndex != null;
    }

    /** The highest profile id before this import: every profile above it was created by it. */
    long maxIdBefore() {
        return maxIdBefore;
    }

    /** Resolves and merges one chunk's rows, in order; nothing is written. */
    ResolvedChunk resolve(List<CleanRow> rows) throws SQLException {
        Map<String, Draft> byExternalId = new HashMap<>();
        Map<String, Draft> byEmail = new HashMap<>();
        Map<Long, Draft> byId = loadCandidates(rows, byExternalId, byEmail);
        List<Draft> created = new ArrayList<>();
        List<Draft> firstUpdated = new ArrayList<>();
        List<ResolvedChunk.Merged> merged = new ArrayList<>();
        long inserted = 0;
        long updated = 0;
        long duplicates = 0;
        for (CleanRow row : rows) {
            Draft byKey = live(row.externalId() == null ? null : byExternalId.get(row.externalId()));
            Draft byMail = live(row.email() == null ? null : byEmail.get(row.email()));
            if (byKey == null && byMail == null) {
                Draft draft = create(row);
                created.add(draft);
                byId.put(draft.id, draft);
                register(draft, byExternalId, byEmail);
                inserted++;
                continue;
            }
            boolean seenInThisImport = byKey != null && byKey.touched || byMail != null && byMail.touched;
            Draft target = byKey != null ? byKey : byMail;
            boolean twoProfiles = byKey != null && byMail != null && byKey != byMail;
            if (twoProfiles) {
                target = mergeProfiles(byKey, byMail, merged);
            }
            if (seenInThisImport) {
                duplicates++;
            } else {
                updated++;
                if (target.id <= maxIdBefore) {
                    updatedProfiles.set((int) target.id);
                    firstUpdated.add(target);
                }
            }
            target.touched = true;
            String email = target.email();
            target.mergeRow(row, policy);
            // The key index holds every profile's own keys already: only a merge or a replaced email brings a new one.
            if (twoProfiles || !Objects.equals(email, target.email())) {
                index(target);
            }
            register(target, byExternalId, byEmail);
            if (row.externalId() != null && !row.externalId().equals(target.externalId())) {
                byExternalId.put(row.externalId(), target);
                externalIdAliases.put(row.externalId(), target.id);
            }
            if (row.email() != null && !row.email().equals(target.email())) {
                byEmail.put(row.email(), target);
                emailAliases.put(row.email(), target.id);
            }
        }
        return new ResolvedChunk(byId, created, firstUpdated, merged, inserted, updated, duplicates);
    }

    private long resolve(long id) {
        Long target = mergedInto.get(id);
        while (target != null) {
            id = target;
            target = mergedInto.get(id);
        }
        return id;
    }

    /** Loads the stored profiles the chunk's keys may refer to, and indexes them by key. */
    private Map<Long, Draft> loadCandidates(List<CleanRow> rows, Map<String, Draft> byExternalId, Map<String, Draft> byEmail)
            throws SQLException {
        Set<String> externalIds = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<Long> ids = new LinkedHashSet<>();
        Map<String, Long> aliasedExternalIds = new HashMap<>();
        Map<String, Long> aliasedEmails = new HashMap<>();
        for (CleanRow row : rows) {
            String key = row.externalId();
            if (key != null) {
                Long alias = externalIdAliases.get(key);
                if (alias != null) {
                    aliasedExternalIds.put(key, resolve(alias));
                    ids.add(resolve(alias));
                } else if (externalIdIndex == null) {
                    externalIds.add(key);
                } else {
                    long id = externalIdIndex.get(row.externalIdHash());
                    if (id != 0) {
                        ids.add(resolve(id));
                    }
                }
            }
            String email = row.email();
            if (email != null) {
                Long alias = emailAliases.get(email);
                if (alias != null) {
                    aliasedEmails.put(email, resolve(alias));
                    ids.add(resolve(alias));
                } else if (emailIndex == null) {
                    emails.add(email);
                } else {
                    long id = emailIndex.get(row.emailHash());
                    if (id != 0) {
                        ids.add(resolve(id));
                    }
                }
            }
        }
        Map<Long, Draft> byId = new HashMap<>();
        query("external_id", new ArrayList<>(externalIds), byId);
        query("email", new ArrayList<>(emails), byId);
        query("id", new ArrayList<>(ids), byId);
        for (Draft draft : byId.values()) {
            register(draft, byExternalId, byEmail);
        }
        aliasedExternalIds.forEach((key, id) -> {
            Draft draft = byId.get(id);
            if (draft != null) {
                byExternalId.put(key, draft);
            }
        });
        aliasedEmails.forEach((key, id) -> {
            Draft draft = byId.get(id);
            if (draft != null) {
                byEmail.put(key, draft);
            }
        });
        return byId;
    }

    private void query(String column, List<?> keys, Map<Long, Draft> byId) throws SQLException {
        for (int from = 0; from < keys.size(); from += IN_LIST) {
            List<?> part = keys.subList(from, Math.min(keys.size(), from + IN_LIST));
            String sql = "SELECT " + DRAFT_COLUMNS + " FROM profile WHERE " + column + " IN (" + "?,".repeat(part.size() - 1) + "?)";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < part.size(); i++) {
                    statement.setObject(i + 1, part.get(i));
                }
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        long id = result.getLong(1);
                        if (!byId.containsKey(id)) {
                            byId.put(id, load(result));
                        }
                    }
                }
            }
        }
    }

    /** The profile in the current row of a query that selected {@link #DRAFT_COLUMNS}. */
    private Draft load(ResultSet result) throws SQLException {
        Draft draft = new Draft();
        draft.id = result.getLong(1);
        draft.inDatabase = true;
        draft.touched = draft.id > maxIdBefore || updatedProfiles.get((int) draft.id);
        int column = 2;
        for (ProfileField field : Draft.STORED) {
            draft.values[field.ordinal()] = ProfileMapping.value(result, column, field);
            column++;
        }
        draft.interests.addAll(JsonColumns.jsonToList(result.getString(column)));
        draft.storedInterests = draft.interests.size();
        draft.attributes.putAll(JsonColumns.jsonToMap(result.getString(column + 1)));
        return draft;
    }

    private static void register(Draft draft, Map<String, Draft> byExternalId, Map<String, Draft> byEmail) {
        byExternalId.put(draft.externalId(), draft);
        if (draft.email() != null) {
            byEmail.put(draft.email(), draft);
        }
    }

    private Draft create(CleanRow row) {
        Draft draft = new Draft();
        draft.id = ++nextId;
        draft.touched = true;
        System.arraycopy(row.values(), 0, draft.values, 0, Draft.FIELD_COUNT);
        if (draft.externalId() == null) {
            draft.values[ProfileField.EXTERNAL_ID.ordinal()] = "gen-" + batchId + "-" + row.line();
        }
        draft.interests.addAll(row.interests());
        draft.attributes.putAll(row.attributes());
        draft.rowInterestsJson = row.interestsJson();
        draft.rowAttributesJson = row.attributesJson();
        draft.newCohorts.addAll(row.cohorts());
        if (externalIdIndex != null) {
            externalIdIndex.put(row.externalId() != null ? row.externalIdHash() : KeyIndex.hash(draft.externalId()), draft.id);
            if (row.email() != null) {
                emailIndex.put(row.emailHash(), draft.id);
            }
        }
        return draft;
    }

    private void index(Draft draft) {
        if (externalIdIndex != null) {
            externalIdIndex.put(draft.externalId(), draft.id);
        }
        if (emailIndex != null && draft.email() != null) {
            emailIndex.put(draft.email(), draft.id);
        }
    }

    /** Merges the newer of two profiles of one customer into the older; the newer's keys become aliases of the survivor. */
    private Draft mergeProfiles(Draft first, Draft second, List<ResolvedChunk.Merged> merged) {
        Draft survivor = first.id < second.id ? first : second;
        Draft loser = survivor == first ? second : first;
        survivor.absorb(loser);
        if (loser.inDatabase) {
            merged.add(new ResolvedChunk.Merged(loser.id, survivor.id));
        }
        mergedInto.put(loser.id, survivor.id);
        externalIdAliases.put(loser.externalId(), survivor.id);
        if (loser.email() != null) {
            emailAliases.put(loser.email(), survivor.id);
        }
        return survivor;
    }

    /**
     * The profile a key of this chunk names: the one the map holds, or the one it was merged into since, which spares
     * repointing every key of the chunk at each merge.
     */
    private static Draft live(Draft draft) {
        while (draft != null && draft.deleted) {
            draft = draft.survivor;
        }
        return draft;
    }
}
