-- Schema version 5: which batch inserted a profile is profile.import_batch_id; profile_import keeps only the
-- later batches that updated it. A row per inserted profile repeated that column (a million rows after a
-- million-row import), cost the import a second pass over every new profile, and made "imported from" a scan.
DELETE FROM profile_import
WHERE action = 'inserted'
  AND EXISTS (SELECT 1 FROM profile p WHERE p.id = profile_import.profile_id AND p.import_batch_id = profile_import.batch_id);
