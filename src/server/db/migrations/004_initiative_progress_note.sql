-- An initiative's own progress note (issue 7: "An initiative has no note"): how it is going, in the
-- leader's words, synced and merged per field like the initiative's other fields
-- (src/core/schemas.ts initiativeSchema.progressNote; bounded by MAX_NOTE_LENGTH there). Existing
-- initiatives get an empty note; the generated pull picks the column up from the declaration.
alter table initiative add column progress_note text not null default '';
