package org.cdpdesktop.core.ingest;

/**
 * One entry of the import history: a run of any ingest path (source {@code csv} for files), with its counts.
 *
 * @param status      {@code completed}, {@code failed}, {@code cancelled} or {@code undone}; a failed or cancelled import
 *                    changed no profile, an undone one has had the profiles it created removed
 * @param mappingJson the column mapping used, as JSON ({@link #mapping()} reads it back)
 */
public record ImportBatchRecord(long id, String source, String fileName, String checksum, String startedAt, String finishedAt,
                                String status, long read, long inserted, long updated, long duplicates, long rejected,
                                String rejectsFile, String mappingJson) {

    /** The mapping used, e.g. to import the next file the same way; {@code null} when none was recorded. */
    public ColumnMapping mapping() {
        return mappingJson == null ? null : MappingJson.fromJson(mappingJson, "import " + id + "'s mapping");
    }
}
