package org.cdpdesktop.core.ingest;

import org.cdpdesktop.core.clean.FieldCleaner;
import org.cdpdesktop.core.clean.FieldResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cdpdesktop.core.db.LargeSorts;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.profile.JsonColumns;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.profile.ProfileMapping;

/**
 * One CSV import on the writer connection, inside one transaction: stream the rows, clean them, resolve each
 * row's identity against the store and the rows before it, merge by the duplicate policy, and write in chunks
 * with batched prepared statements. Nothing is committed until the last row is in, so a failure or a cancel
 * leaves the store exactly as it was.
 *
 * <p>Identity look-ups are the costly part of a large import, so a compact in-memory {@link KeyIndex} of every
 * external id and email in the store (and in the file so far) says which profile a key may belong to: a row
 * whose keys are not in it is certainly new, and the others' profiles are loaded by id in one query per chunk.
 * When a large file goes into a small store, the profile table's indexes and interest trigger are dropped and
 * rebuilt at the end (still inside the transaction): sorting once beats a million random index inserts, and
 * rebuilding a unique index is a last check that no identity was stored twice.
 */
final class ImportRun {

    static final int CHUNK_ROWS = 2_000;
    private static final int QUEUED_CHUNKS = 4;
    private static final int IN_LIST = 500;
    /**
     * Above this many stored profiles the key index (about 64 bytes a profile once the file's keys join it) would crowd
     * a 256 MiB heap; keys are then looked up in the store's unique indexes, a chunk at a time.
     */
    static final long KEY_INDEX_LIMIT = 1_000_000;
    /** Indexing once at the end beats updating the indexes row by row when the file outgrows the store. */
    private static final long DEFER_INDEXING_FROM_BYTES = 8L << 20;
    private static final String INTEREST_TRIGGER = "profile_interest_insert";
    static final String OTHER_EXTERNAL_IDS = "other_external_ids";
    static final String OTHER_EMAILS = "other_emails";
    static final String INCOME_RANGE = "income_range";
    static final String INVALID_PREFIX = "invalid_";

    private static final ProfileField[] STORED = {
        ProfileField.EXTERNAL_ID, ProfileField.EMAIL, ProfileField.PHONE, ProfileField.FIRST_NAME, ProfileField.LAST_NAME,
        ProfileField.AGE, ProfileField.GENDER, ProfileField.CITY, ProfileField.STATE, ProfileField.COUNTRY,
        ProfileField.POSTAL_CODE, ProfileField.INCOME, ProfileField.EDUCATION, ProfileField.BIO, ProfileField.SIGNUP_DATE,
    };
    private static final int EXT = ProfileField.EXTERNAL_ID.ordinal();
    private static final int EMAIL = ProfileField.EMAIL.ordinal();
    private static final int FIELD_COUNT = ProfileField.values().length;

    private final Connection connection;
    private final RecordSource.Opener opener;
    private String sourceName;
    private final ImportOptions options;
    private final JobContext context;
    private final FieldCleaner cleaner;
    private final Path rejectsFile;
    private final DuplicatePolicy policy;
    private final long keyIndexLimit;

    private List<String> headers;
    private ColumnTarget[] targets;
    private int cohortIndex = -1;
    private boolean hasIdentityColumns;
    private ColumnMapping mapping;

    private long batchId;
    private long maxIdBefore;
    private long nextId;
    private KeyIndex externalIdIndex;
    private KeyIndex emailIndex;
    /** Stored profiles this import has already updated; their ids are at most {@link #maxIdBefore}, so a bit each. */
    private final BitSet updatedProfiles = new BitSet();
    private final Map<String, Long> externalIdAliases = new HashMap<>();
    private final Map<String, Long> emailAliases = new HashMap<>();
    private final Map<Long, Long> mergedInto = new HashMap<>();
    private final List<String> deferredSchema = new ArrayList<>();
    private String now;

    /** Written by the reader thread only; read by the writer once the reader's last chunk has arrived. */
    private volatile long read;
    private volatile long rejected;
    private long inserted;
    private long updated;
    private long duplicates;
    private CSVPrinter rejectsPrinter;
    /**
     * Per column, values stored in another form than written and values kept aside as {@code invalid_*}. The reader
     * thread counts; the writer reads them after the last chunk, which the queue hands over with everything before it.
     */
    private long[] normalisedValues;
    private long[] invalidValues;
    /** The columns of the row being cleaned whose value was normalised or invalid, counted only if the row is stored. */
    private int[] rowNormalised;
    private int[] rowInvalid;
    private int rowNormalisedCount;
    private int rowInvalidCount;

    ImportRun(Connection connection, RecordSource.Opener source, ImportOptions options, JobContext context, FieldCleaner cleaner,
              Path rejectsFile, long keyIndexLimit) {
        this.keyIndexLimit = keyIndexLimit;
        this.connection = connection;
        this.opener = source;
        this.options = options;
        this.context = context;
        this.cleaner = cleaner;
        this.rejectsFile = rejectsFile;
        this.policy = options.onDuplicate();
    }

    /** Runs the import in the connection's current transaction; the caller commits or rolls back, then times it. */
    ImportSummary run() throws IOException, SQLException {
        now = Instant.now().toString();
        try (RecordSource source = opener.open(this::writeReject)) {
            sourceName = source.name();
            headers = source.headers();
            compileMapping();
            batchId = insertBatch(source.kind());
            prepareIdentity(source.isBulk());
            maybeDeferIndexing(source.sizeInBytes());
            readAndWrite(source);
            context.throwIfCancelled();
            context.progress(read, read, "Finishing");
            restoreIndexing();
            closeRejects();
            finishBatch(source.checksum());
        } catch (IOException | SQLException | RuntimeException e) {
            closeRejectsQuietly(e);
            throw e;
        }
        return new ImportSummary(options.dryRun() ? 0 : batchId, sourceName, read, inserted, updated, duplicates,
                rejected, rejected > 0 ? rejectsFile.toString() : null, 0, 0, options.dryRun(), cleaningReport());
    }

    /** Cleaned rows of one chunk, with how far the reader had got; {@code failure} ends the stream early. */
    private record Chunk(List<CleanRow> rows, long readSoFar, double fractionRead, boolean last, Throwable failure) { }

    /**
     * Parsing and cleaning run on a second thread while this one writes, so the CPU work of reading the file
     * overlaps SQLite's; a small bounded queue keeps memory flat whichever side is slower.
     */
    private void readAndWrite(RecordSource source) throws IOException, SQLException {
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService readerThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "import-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            readerThread.execute(() -> produce(source, queue, stop));
            while (true) {
                Chunk chunk = take(queue);
                if (chunk.failure() != null) {
                    rethrow(chunk.failure());
                }
                writeChunk(chunk.rows());
                if (chunk.last()) {
                    return;
                }
                context.throwIfCancelled();
                double fraction = chunk.fractionRead();
                long done = chunk.readSoFar();
                context.progress(done, fraction > 0 ? Math.max(done, (long) (done / fraction)) : -1, sourceName);
            }
        } finally {
            stop.set(true);
            queue.clear();
            readerThread.shutdownNow();
            awaitTermination(readerThread);
        }
    }

    private void produce(RecordSource source, BlockingQueue<Chunk> queue, AtomicBoolean stop) {
        try {
            List<CleanRow> rows = new ArrayList<>(CHUNK_ROWS);
            RecordSource.Row row;
            while ((row = source.next()) != null) {
                read++;
                CleanRow clean = clean(source, row);
                if (clean != null) {
                    rows.add(clean);
                }
                if (read % CHUNK_ROWS == 0) {
                    if (!offer(queue, new Chunk(rows, read, source.fractionRead(), false, null), stop)) {
                        return;
                    }
                    rows = new ArrayList<>(CHUNK_ROWS);
                }
            }
            source.finish();
            offer(queue, new Chunk(rows, read, 1, true, null), stop);
        } catch (IOException | RuntimeException | Error e) {
            offer(queue, new Chunk(List.of(), read, 0, true, e), stop);
        }
    }

    private static boolean offer(BlockingQueue<Chunk> queue, Chunk chunk, AtomicBoolean stop) {
        try {
            while (!stop.get()) {
                if (queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Chunk take(BlockingQueue<Chunk> queue) {
        try {
            while (true) {
                Chunk chunk = queue.poll(100, TimeUnit.MILLISECONDS);
                if (chunk != null) {
                    return chunk;
                }
                context.throwIfCancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportException("The import of " + sourceName + " was interrupted", e);
        }
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) failure;
    }

    private static void awaitTermination(ExecutorService executor) {
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void compileMapping() {
        mapping = options.mapping().appliedTo(headers);
        mapping.validate();
        targets = new ColumnTarget[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            targets[i] = mapping.targets().get(headers.get(i));
            if (headers.get(i).equals(mapping.cohortColumn())) {
                cohortIndex = i;
            }
        }
        hasIdentityColumns = mapping.columnFor(ProfileField.EXTERNAL_ID) != null || mapping.columnFor(ProfileField.EMAIL) != null;
        normalisedValues = new long[headers.size()];
        invalidValues = new long[headers.size()];
        rowNormalised = new int[headers.size()];
        rowInvalid = new int[headers.size()];
    }

    private List<ColumnCleaning> cleaningReport() {
        List<ColumnCleaning> report = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            if (targets[i].kind() == TargetKind.FIELD && i != cohortIndex) {
                report.add(new ColumnCleaning(headers.get(i), targets[i].field(), normalisedValues[i], invalidValues[i]));
            }
        }
        return report;
    }

    private void countNormalised(int column, Object cleaned, String raw) {
        if (cleaned != null && normalised(cleaned, raw)) {
            rowNormalised[rowNormalisedCount++] = column;
        }
    }

    /** Whether a cleaned value is stored in another form than it was written, stray spaces included. */
    private static boolean normalised(Object cleaned, String raw) {
        if (cleaned instanceof String text) {
            return !text.equals(raw);
        }
        if (cleaned instanceof Integer number) {
            return !number.toString().equals(raw);
        }
        if (cleaned instanceof Double number) {
            try {
                return !raw.equals(raw.strip()) || Double.parseDouble(raw) != number;
            } catch (NumberFormatException notPlain) {
                return true;
            }
        }
        if (cleaned instanceof List<?> list) {
            return !String.join("|", list.stream().map(String::valueOf).toList()).equals(raw);
        }
        return false;
    }

    // ---- cleaning ------------------------------------------------------------------------------------------

    /**
     * A data row with every value cleaned, ready to merge. The JSON forms of its lists are written by the reader
     * thread, so the writer, the import's bottleneck, need not serialise a row that becomes a profile unmerged.
     */
    private record CleanRow(long line, Object[] values, List<String> interests, Map<String, String> attributes, List<String> cohorts,
                            String interestsJson, String attributesJson) {
        String externalId() {
            return (String) values[EXT];
        }

        String email() {
            return (String) values[EMAIL];
        }
    }

    private CleanRow clean(RecordSource source, RecordSource.Row row) throws IOException {
        if (row.problem() != null) {
            return reject(source, row, row.problem());
        }
        String[] raw = row.values();
        Object[] values = new Object[FIELD_COUNT];
        List<String> interests = List.of();
        Map<String, String> attributes = null;
        List<String> cohorts = List.of();
        boolean anyValue = false;
        rowNormalisedCount = 0;
        rowInvalidCount = 0;
        for (int i = 0; i < raw.length; i++) {
            String value = raw[i];
            if (value.isBlank()) {
                continue;
            }
            anyValue = true;
            ColumnTarget target = targets[i];
            if (i == cohortIndex) {
                cohorts = cohorts(value);
                continue;
            }
            switch (target.kind()) {
                case SKIP -> { }
                case ATTRIBUTE -> {
                    attributes = attributes == null ? new TreeMap<>() : attributes;
                    attributes.put(target.attributeName(), value.strip());
                }
                case FIELD -> {
                    ProfileField field = target.field();
                    FieldResult result = cleaner.clean(field, value, target.format());
                    if (!result.ok()) {
                        return reject(source, row, "column '" + headers.get(i) + "': " + result.problem());
                    }
                    if (result.isUnusual()) {
                        rowInvalid[rowInvalidCount++] = i;
                        attributes = attributes == null ? new TreeMap<>() : attributes;
                        attributes.put(INVALID_PREFIX + field.column(), value.strip());
                    } else if (field == ProfileField.INTERESTS) {
                        countNormalised(i, result.value(), value);
                        @SuppressWarnings("unchecked")
                        List<String> list = (List<String>) result.value();
                        interests = interests.isEmpty() ? list : union(interests, list);
                    } else {
                        countNormalised(i, result.value(), value);
                        values[field.ordinal()] = result.value();
                        if (field == ProfileField.INCOME && FieldCleaner.isRange(value)) {
                            attributes = attributes == null ? new TreeMap<>() : attributes;
                            attributes.put(INCOME_RANGE, value.strip());
                        }
                    }
                }
            }
        }
        if (!anyValue) {
            return reject(source, row, "the row has no values");
        }
        if (values[EXT] == null && values[EMAIL] == null && hasIdentityColumns) {
            return reject(source, row, "no identity: " + missingIdentity(attributes));
        }
        if (interests.isEmpty() && isEmpty(values)) {
            return reject(source, row, "nothing to store: no external id, email or profile field has a usable value"
                    + (attributes == null ? "" : " (only the custom attributes " + String.join(", ", attributes.keySet()) + ")"));
        }
        for (int k = 0; k < rowNormalisedCount; k++) {
            normalisedValues[rowNormalised[k]]++;
        }
        for (int k = 0; k < rowInvalidCount; k++) {
            invalidValues[rowInvalid[k]]++;
        }
        return new CleanRow(row.line(), values, interests, attributes == null ? Map.of() : attributes, cohorts,
                interests.isEmpty() ? null : JsonColumns.listToJson(interests), attributes == null ? null : JsonColumns.mapToJson(attributes));
    }

    /** Interests from several columns ({@code interest_1}, {@code interest_2}...) are one list. */
    private static List<String> union(List<String> first, List<String> second) {
        LinkedHashSet<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static boolean isEmpty(Object[] values) {
        for (Object value : values) {
            if (value != null) {
                return false;
            }
        }
        return true;
    }

    private String missingIdentity(Map<String, String> attributes) {
        String invalidEmail = attributes == null ? null : attributes.get(INVALID_PREFIX + ProfileField.EMAIL.column());
        String email = invalidEmail != null ? "the email '" + invalidEmail + "' is not valid" : "the email is blank";
        return mapping.columnFor(ProfileField.EXTERNAL_ID) == null ? email
                : mapping.columnFor(ProfileField.EMAIL) == null ? "the external id is blank"
                : "the external id is blank and " + email;
    }

    /** Cohort names keep their case (they are names, not tags); split and de-duplicated like interests. */
    private static List<String> cohorts(String raw) {
        Set<String> names = new LinkedHashSet<>();
        for (String lower : FieldCleaner.list(raw)) {
            int at = raw.toLowerCase(Locale.ROOT).indexOf(lower);
            names.add(at >= 0 ? raw.substring(at, at + lower.length()) : lower);
        }
        return List.copyOf(names);
    }

    private CleanRow reject(RecordSource source, RecordSource.Row row, String reason) throws IOException {
        rejected++;
        source.reject(row, reason);
        return null;
    }

    private void writeReject(long line, String reason, String raw) throws IOException {
        if (rejectsPrinter == null) {
            Files.createDirectories(rejectsFile.toAbsolutePath().getParent());
            BufferedWriter writer = Files.newBufferedWriter(rejectsFile, StandardCharsets.UTF_8);
            rejectsPrinter = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("line", "reason", "raw").get());
        }
        rejectsPrinter.printRecord(line, reason, raw);
    }

    private void closeRejects() throws IOException {
        if (rejectsPrinter != null) {
            rejectsPrinter.close();
            rejectsPrinter = null;
        }
    }

    /** A failed import leaves no rejects file behind: it would describe an import that did not happen. */
    private void closeRejectsQuietly(Exception failure) {
        try {
            closeRejects();
            Files.deleteIfExists(rejectsFile);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    // ---- identity --------------------------------------------------------------------------------------------

    /** A profile as this import sees it: loaded from the store or created by a row, then merged into. */
    private static final class Draft {
        long id;
        boolean inDatabase;
        boolean touched;
        boolean dirty;
        boolean deleted;
        final Object[] values = new Object[FIELD_COUNT];
        final LinkedHashSet<String> interests = new LinkedHashSet<>();
        final TreeMap<String, String> attributes = new TreeMap<>();
        final Set<String> newCohorts = new LinkedHashSet<>();
        String createdAt;
        /** The JSON of {@link #interests} and {@link #attributes} while they are still exactly the creating row's. */
        String rowInterestsJson;
        String rowAttributesJson;

        String externalId() {
            return (String) values[EXT];
        }

        String email() {
            return (String) values[EMAIL];
        }
    }

    /** A bulk source into a store of at most {@link #keyIndexLimit} profiles loads every key once; anything else looks keys up. */
    private void prepareIdentity(boolean bulk) throws SQLException {
        long count;
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT coalesce(max(id), 0), count(*) FROM profile")) {
            result.next();
            maxIdBefore = result.getLong(1);
            count = result.getLong(2);
        }
        nextId = maxIdBefore;
        if (!bulk || count > keyIndexLimit) {
            return;
        }
        externalIdIndex = new KeyIndex((int) Math.max(1024, count));
        emailIndex = new KeyIndex((int) Math.max(1024, count));
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

    private long resolve(long id) {
        Long target = mergedInto.get(id);
        while (target != null) {
            id = target;
            target = mergedInto.get(id);
        }
        return id;
    }

    private void writeChunk(List<CleanRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Draft> byExternalId = new HashMap<>();
        Map<String, Draft> byEmail = new HashMap<>();
        Map<Long, Draft> byId = loadCandidates(rows, byExternalId, byEmail);
        List<Draft> created = new ArrayList<>();
        List<Draft> firstUpdated = new ArrayList<>();
        List<Merged> losers = new ArrayList<>();
        for (CleanRow row : rows) {
            Draft byKey = row.externalId() == null ? null : byExternalId.get(row.externalId());
            Draft byMail = row.email() == null ? null : byEmail.get(row.email());
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
            if (byKey != null && byMail != null && byKey != byMail) {
                target = mergeProfiles(byKey, byMail, byExternalId, byEmail, losers);
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
            mergeRow(target, row);
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
        store(byId, created, firstUpdated, losers);
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
                    long id = externalIdIndex.get(key);
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
                    long id = emailIndex.get(email);
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
            String sql = "SELECT " + ProfileMapping.COLUMNS + " FROM profile p WHERE p." + column + " IN (" + "?,".repeat(part.size() - 1) + "?)";
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

    private Draft load(ResultSet result) throws SQLException {
        Profile stored = ProfileMapping.read(result);
        Draft draft = new Draft();
        draft.id = stored.getId();
        draft.inDatabase = true;
        draft.touched = draft.id > maxIdBefore || updatedProfiles.get((int) draft.id);
        for (ProfileField field : STORED) {
            draft.values[field.ordinal()] = stored.value(field);
        }
        draft.interests.addAll(stored.getInterests());
        draft.attributes.putAll(stored.getAttributes());
        draft.createdAt = stored.getCreatedAt();
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
        draft.createdAt = now;
        System.arraycopy(row.values(), 0, draft.values, 0, FIELD_COUNT);
        if (draft.externalId() == null) {
            draft.values[EXT] = "gen-" + batchId + "-" + row.line();
        }
        draft.interests.addAll(row.interests());
        draft.attributes.putAll(row.attributes());
        draft.rowInterestsJson = row.interestsJson();
        draft.rowAttributesJson = row.attributesJson();
        draft.newCohorts.addAll(row.cohorts());
        index(draft);
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

    /**
     * Merges a row into a profile by the duplicate policy; interests and cohorts are always a union. Identities are
     * never dropped whatever the policy: an external id or email of the row that the profile does not keep as its
     * own is added to the attributes {@code other_external_ids} / {@code other_emails}.
     */
    private void mergeRow(Draft draft, CleanRow row) {
        forgetRowJson(draft);
        for (ProfileField field : STORED) {
            int index = field.ordinal();
            Object incoming = row.values()[index];
            if (incoming == null || index == EXT || incoming.equals(draft.values[index])) {
                continue;
            }
            Object current = draft.values[index];
            boolean replace = policy == DuplicatePolicy.NEWEST || policy == DuplicatePolicy.FILL && current == null;
            if (index == EMAIL) {
                if (replace) {
                    draft.values[index] = incoming;
                    draft.dirty = true;
                    removeFromList(draft, OTHER_EMAILS, (String) incoming);
                    if (current != null) {
                        appendToList(draft, OTHER_EMAILS, (String) current);
                    }
                } else {
                    appendToList(draft, OTHER_EMAILS, (String) incoming);
                }
            } else if (replace) {
                draft.values[index] = incoming;
                draft.dirty = true;
            }
        }
        if (row.externalId() != null && !row.externalId().equals(draft.externalId())) {
            appendToList(draft, OTHER_EXTERNAL_IDS, row.externalId());
        }
        if (policy != DuplicatePolicy.EXISTING) {
            row.attributes().forEach((key, value) -> {
                String current = draft.attributes.get(key);
                if (current == null || policy == DuplicatePolicy.NEWEST && !current.equals(value)) {
                    draft.attributes.put(key, value);
                    draft.dirty = true;
                }
            });
        }
        if (draft.interests.addAll(row.interests())) {
            draft.dirty = true;
        }
        draft.newCohorts.addAll(row.cohorts());
        index(draft);
    }

    private static void forgetRowJson(Draft draft) {
        draft.rowInterestsJson = null;
        draft.rowAttributesJson = null;
    }

    private static void removeFromList(Draft draft, String attribute, String value) {
        String current = draft.attributes.get(attribute);
        if (current != null) {
            List<String> kept = new ArrayList<>(List.of(current.split("\\|")));
            if (kept.remove(value)) {
                if (kept.isEmpty()) {
                    draft.attributes.remove(attribute);
                } else {
                    draft.attributes.put(attribute, String.join("|", kept));
                }
            }
        }
    }

    private static void appendToList(Draft draft, String attribute, String value) {
        String current = draft.attributes.get(attribute);
        if (current == null) {
            draft.attributes.put(attribute, value);
        } else if (!List.of(current.split("\\|")).contains(value)) {
            draft.attributes.put(attribute, current + "|" + value);
        } else {
            return;
        }
        draft.dirty = true;
    }

    /**
     * A row whose external id names one profile and whose email names another proves they are one customer:
     * the newer profile is merged into the older one (filling its blanks, uniting lists, keeping the other ids
     * and emails as attributes) and deleted.
     */
    private Draft mergeProfiles(Draft first, Draft second, Map<String, Draft> byExternalId, Map<String, Draft> byEmail,
                                List<Merged> losers) {
        Draft survivor = first.id < second.id ? first : second;
        Draft loser = survivor == first ? second : first;
        forgetRowJson(survivor);
        for (ProfileField field : STORED) {
            int index = field.ordinal();
            Object value = loser.values[index];
            if (value == null || index == EXT || value.equals(survivor.values[index])) {
                continue;
            }
            if (survivor.values[index] == null) {
                survivor.values[index] = value;
            } else if (index == EMAIL) {
                appendToList(survivor, OTHER_EMAILS, (String) value);
            }
        }
        appendToList(survivor, OTHER_EXTERNAL_IDS, loser.externalId());
        for (String list : new String[] {OTHER_EXTERNAL_IDS, OTHER_EMAILS}) {
            String items = loser.attributes.remove(list);
            if (items != null) {
                for (String item : items.split("\\|")) {
                    appendToList(survivor, list, item);
                }
            }
        }
        loser.attributes.forEach(survivor.attributes::putIfAbsent);
        survivor.interests.addAll(loser.interests);
        survivor.newCohorts.addAll(loser.newCohorts);
        survivor.dirty = true;
        survivor.touched = true;
        loser.deleted = true;
        if (loser.inDatabase) {
            losers.add(new Merged(loser.id, survivor.id));
        }
        mergedInto.put(loser.id, survivor.id);
        externalIdAliases.put(loser.externalId(), survivor.id);
        if (loser.email() != null) {
            emailAliases.put(loser.email(), survivor.id);
        }
        byExternalId.replaceAll((key, draft) -> draft == loser ? survivor : draft);
        byEmail.replaceAll((key, draft) -> draft == loser ? survivor : draft);
        return survivor;
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    /** A stored profile that this import found to be the same customer as another one, and merged into it. */
    private record Merged(long stored, long into) {
    }

    private void store(Map<Long, Draft> byId, List<Draft> created, List<Draft> firstUpdated, List<Merged> losers) throws SQLException {
        if (!losers.isEmpty()) {
            try (PreparedStatement moveCohorts = connection.prepareStatement(
                         "UPDATE OR IGNORE profile_cohort SET profile_id = ? WHERE profile_id = ?");
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM profile WHERE id = ?")) {
                for (Merged loser : losers) {
                    moveCohorts.setLong(1, loser.into());
                    moveCohorts.setLong(2, loser.stored());
                    moveCohorts.addBatch();
                    delete.setLong(1, loser.stored());
                    delete.addBatch();
                }
                moveCohorts.executeBatch();
                delete.executeBatch();
            }
        }
        List<Draft> changed = new ArrayList<>();
        List<Draft> cohortOwners = new ArrayList<>();
        for (Draft draft : byId.values()) {
            if (draft.deleted) {
                continue;
            }
            if (draft.inDatabase && draft.dirty) {
                changed.add(draft);
            }
            if (!draft.newCohorts.isEmpty()) {
                cohortOwners.add(draft);
            }
        }
        if (!changed.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE profile SET external_id = ?, email = ?, phone = ?,"
                    + " first_name = ?, last_name = ?, age = ?, gender = ?, city = ?, state = ?, country = ?, postal_code = ?,"
                    + " income = ?, education = ?, bio = ?, signup_date = ?, interests = coalesce(?, '[]'), attributes = coalesce(?, '{}'),"
                + " updated_at = ? WHERE id = ?")) {
                for (Draft draft : changed) {
                    int next = bindValues(update, draft, 1);
                    update.setString(next, now);
                    update.setLong(next + 1, draft.id);
                    update.addBatch();
                    draft.dirty = false;
                }
                update.executeBatch();
            }
        }
        // Binding a string costs far more than SQLite's work on it, so values the same for every row are not bound:
        // the batch id is this import's own number, and the timestamps come from the batch row.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO profile(external_id, email, phone, first_name,"
                + " last_name, age, gender, city, state, country, postal_code, income, education, bio, signup_date, interests,"
                + " attributes, id, import_batch_id, created_at, updated_at) SELECT ?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                + " coalesce(?, '[]'), coalesce(?, '{}'), ?, b.id, b.started_at, b.started_at FROM import_batch b WHERE b.id = "
                + batchId)) {
            for (Draft draft : created) {
                if (draft.deleted) {
                    continue;
                }
                int next = bindValues(insert, draft, 1);
                insert.setLong(next, draft.id);
                insert.addBatch();
                draft.inDatabase = true;
                draft.dirty = false;
            }
            insert.executeBatch();
        }
        recordUpdatedProfiles(firstUpdated);
        if (!cohortOwners.isEmpty()) {
            try (PreparedStatement cohort = connection.prepareStatement("INSERT OR IGNORE INTO profile_cohort(profile_id, cohort,"
                    + " source, assigned_at) VALUES (?, ?, 'import', ?)")) {
                for (Draft draft : cohortOwners) {
                    for (String name : draft.newCohorts) {
                        cohort.setLong(1, draft.id);
                        cohort.setString(2, name);
                        cohort.setString(3, now);
                        cohort.addBatch();
                    }
                    draft.newCohorts.clear();
                }
                cohort.executeBatch();
            }
        }
    }

    private int bindValues(PreparedStatement statement, Draft draft, int first) throws SQLException {
        int index = first;
        for (ProfileField field : STORED) {
            Object value = draft.values[field.ordinal()];
            if (value == null) {
                statement.setNull(index, field.type() == ProfileField.FieldType.INTEGER ? Types.INTEGER
                        : field.type() == ProfileField.FieldType.DECIMAL ? Types.REAL : Types.VARCHAR);
            } else if (value instanceof Integer number) {
                statement.setInt(index, number);
            } else if (value instanceof Double number) {
                statement.setDouble(index, number);
            } else {
                statement.setString(index, (String) value);
            }
            index++;
        }
        statement.setString(index++, draft.rowInterestsJson != null ? draft.rowInterestsJson
                : draft.interests.isEmpty() ? null : JsonColumns.listToJson(draft.interests));
        statement.setString(index++, draft.rowAttributesJson != null ? draft.rowAttributesJson
                : draft.attributes.isEmpty() ? null : JsonColumns.mapToJson(draft.attributes));
        return index;
    }

    private void recordUpdatedProfiles(List<Draft> firstUpdated) throws SQLException {
        try (PreparedStatement record = connection.prepareStatement(
                "INSERT OR IGNORE INTO profile_import(profile_id, batch_id, action, at) VALUES (?, ?, 'updated', ?)")) {
            boolean any = false;
            for (Draft draft : firstUpdated) {
                if (!draft.deleted) {
                    record.setLong(1, draft.id);
                    record.setLong(2, batchId);
                    record.setString(3, now);
                    record.addBatch();
                    any = true;
                }
            }
            if (any) {
                record.executeBatch();
            }
        }
    }

    // ---- deferred indexing -----------------------------------------------------------------------------------

    /**
     * A file that outgrows the store is cheaper to index once at the end than row by row: the profile table's
     * indexes are dropped, and so is the trigger that writes each new profile's interest rows (per-row trigger
     * programs cost more than the inserts themselves). {@link #restoreIndexing} puts both back in this transaction.
     */
    private void maybeDeferIndexing(long fileBytes) throws SQLException {
        if (externalIdIndex == null || fileBytes < DEFER_INDEXING_FROM_BYTES || fileBytes / 100 < maxIdBefore) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            Map<String, String> objects = new LinkedHashMap<>();
            try (ResultSet result = statement.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'profile'"
                    + " AND sql IS NOT NULL AND (type = 'index' OR type = 'trigger' AND name = '" + INTEREST_TRIGGER + "')")) {
                while (result.next()) {
                    objects.put("DROP " + result.getString(1).toUpperCase(Locale.ROOT) + " \"" + result.getString(2).replace("\"", "\"\"")
                            + "\"", result.getString(3));
                }
            }
            for (Map.Entry<String, String> object : objects.entrySet()) {
                statement.executeUpdate(object.getKey());
                deferredSchema.add(object.getValue());
            }
        }
    }

    /**
     * Writes the interest rows of every profile this import inserted in one set-based statement, then recreates the
     * trigger and the indexes. Profiles merged into within the import already have some rows (the update trigger
     * wrote them), hence OR IGNORE. The index builds run under {@link LargeSorts}.
     */
    private void restoreIndexing() throws SQLException {
        if (deferredSchema.isEmpty()) {
            return;
        }
        context.message("Indexing");
        try (PreparedStatement interests = connection.prepareStatement("INSERT OR IGNORE INTO profile_interest(interest, profile_id)"
                + " SELECT j.value, p.id FROM profile p, json_each(p.interests) j WHERE p.id > ?")) {
            interests.setLong(1, maxIdBefore);
            interests.executeUpdate();
        }
        LargeSorts.run(connection, sorting -> {
            try (Statement statement = sorting.createStatement()) {
                for (String sql : deferredSchema) {
                    statement.executeUpdate(sql);
                }
            }
            return null;
        });
    }

    private long insertBatch(String kind) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_batch(source, file_name, started_at, status,"
                + " mapping) VALUES (?, ?, ?, 'running', ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, kind);
            insert.setString(2, sourceName);
            insert.setString(3, now);
            insert.setString(4, MappingJson.toJson(mapping));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void finishBatch(String checksum) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE import_batch SET checksum = ?, finished_at = ?,"
                + " status = 'completed', read_count = ?, inserted = ?, updated = ?, duplicates = ?, rejected = ?, rejects_file = ?"
                + " WHERE id = ?")) {
            update.setString(1, checksum);
            update.setString(2, Instant.now().toString());
            update.setLong(3, read);
            update.setLong(4, inserted);
            update.setLong(5, updated);
            update.setLong(6, duplicates);
            update.setLong(7, rejected);
            update.setString(8, rejected > 0 ? rejectsFile.toString() : null);
            update.setLong(9, batchId);
            update.executeUpdate();
        }
    }
}
