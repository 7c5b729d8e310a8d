-- Synced kinds declared once (src/core/sync/kinds.ts): the pull functions are now generated from
-- the declarations and installed by the migrator after these files (src/server/sync/pullSql.ts),
-- so the hand-written ones of 002 go. Each field also keeps the sequence number of the device
-- write that set it (the device's own order wins over the order its requests arrive in), and the
-- records that are one per natural key get a unique key (forecast has had one from the start).
drop function if exists sync_pull_units(bigint, int, text[], text[]);
drop function if exists sync_pull_all(bigint, int, text[]);

alter table action_plan_item add column field_seqs jsonb not null default '{}'::jsonb;
alter table forecast add column field_seqs jsonb not null default '{}'::jsonb;
alter table explanation add column field_seqs jsonb not null default '{}'::jsonb;
alter table initiative add column field_seqs jsonb not null default '{}'::jsonb;
alter table note add column field_seqs jsonb not null default '{}'::jsonb;
alter table dialogue_preparation add column field_seqs jsonb not null default '{}'::jsonb;
alter table dialogue add column field_seqs jsonb not null default '{}'::jsonb;

-- Live records only: a record deleted before ids were derived from the key must not block its month.
create unique index explanation_natural_key on explanation(unit_id, indicator, year, month) where not deleted;
create unique index dialogue_preparation_natural_key on dialogue_preparation(unit_id, year, month) where not deleted;
