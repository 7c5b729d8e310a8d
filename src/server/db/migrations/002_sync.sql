-- Sync: who last wrote each field (so a device's own queued edits never conflict with each other),
-- indexes for pull by change sequence (all units, or a few units), the device and mutation behind
-- each audit row, and the log of who read a unit's notes (DOMAIN.md).

alter table action_plan_item add column field_writers jsonb not null default '{}'::jsonb;
create index action_plan_item_seq_idx on action_plan_item(seq);
create index action_plan_item_unit_seq_idx on action_plan_item(unit_id, seq);

alter table forecast add column field_writers jsonb not null default '{}'::jsonb;
create index forecast_seq_idx on forecast(seq);
create index forecast_unit_seq_idx on forecast(unit_id, seq);

alter table explanation add column field_writers jsonb not null default '{}'::jsonb;
create index explanation_seq_idx on explanation(seq);
create index explanation_unit_seq_idx on explanation(unit_id, seq);

alter table initiative add column field_writers jsonb not null default '{}'::jsonb;
create index initiative_seq_idx on initiative(seq);
create index initiative_unit_seq_idx on initiative(unit_id, seq);

alter table note add column field_writers jsonb not null default '{}'::jsonb;
create index note_seq_idx on note(seq);
create index note_unit_seq_idx on note(unit_id, seq);

alter table dialogue_preparation add column field_writers jsonb not null default '{}'::jsonb;
create index dialogue_preparation_seq_idx on dialogue_preparation(seq);
create index dialogue_preparation_unit_seq_idx on dialogue_preparation(unit_id, seq);

alter table dialogue add column field_writers jsonb not null default '{}'::jsonb;
create index dialogue_seq_idx on dialogue(seq);
create index dialogue_unit_seq_idx on dialogue(unit_id, seq);

alter table audit_log add column device_id text;
alter table audit_log add column mutation_id text;

-- One row per pull that returned a unit's notes: enough to answer "who has read this unit's notes,
-- and when" without logging every record. No foreign keys: a log outlives what it mentions.
create table access_log (
  id        bigserial primary key,
  at        timestamptz not null default now(),
  person_id text not null,
  unit_id   text not null,
  what      text not null,
  records   int not null
);
create index access_log_unit_idx on access_log(unit_id, at);

-- Pull: the changes after a cursor across every synced table, oldest first, deletes as tombstones
-- without content, OC private notes only for the units in p_private. In PL/pgSQL so that the
-- seven-branch plan is made once per connection and reused: planning it on every pull cost more
-- than running it. The record shape must match src/server/sync/tables.ts (a test compares them):
-- the fields, then the server's stamps — who changed it last and when, who made it — with the
-- names joined from person by primary key.
-- sync_pull_units: the caller's units only; sync_pull_all: every unit (directorate, economics).
create function sync_pull_units(p_cursor bigint, p_limit int, p_units text[], p_private text[])
returns table (t text, id text, unit_id text, version int, deleted boolean, seq bigint, record jsonb)
language plpgsql stable as $fn$
begin
  return query
    (select 'actionPlanItem'::text, x.id, x.unit_id, x.version, x.deleted, x.seq,
            case when x.deleted then null else jsonb_build_object('id', x.id, 'unitId', x.unit_id, 'year', x.year, 'title', x.title, 'dueDate', x.due_date, 'status', x.status, 'doneOn', x.done_on, 'dropReason', x.drop_reason, 'updatedBy', x.updated_by, 'updatedByName', u.name, 'updatedAt', to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'createdBy', x.created_by, 'createdByName', c.name) end
       from action_plan_item x left join person u on u.id = x.updated_by left join person c on c.id = x.created_by
      where x.seq > p_cursor and x.unit_id = any(p_units) order by x.seq limit p_limit)
    union all
    (select 'forecast'::text, x.id, x.unit_id, x.version, x.deleted, x.seq,
            case when x.deleted then null else jsonb_build_object('id', x.id, 'unitId', x.unit_id, 'year', x.year, 'month', x.month, 'amount', x.amount, 'explanation', x.explanation, 'updatedBy', x.updated_by, 'updatedByName', u.name, 'updatedAt', to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'createdBy', x.created_by, 'createdByName', c.name) end
       from forecast x left join person u on u.id = x.updated_by left join person c on c.id = x.created_by
      where x.seq > p_cursor and x.unit_id = any(p_units) order by x.seq limit p_limit)
    union all
    (select 'explanation'::text, x.id, x.unit_id, x.version, x.deleted, x.seq,
            case when x.deleted then null else jsonb_build_object('id', x.id, 'unitId', x.unit_id, 'indicator', x.indicator, 'year', x.year, 'month', x.month, 'causes', x.causes, 'body', x.body, 'validReason', x.valid_reason, 'updatedBy', x.updated_by, 'updatedByName', u.name, 'updatedAt', to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'createdBy', x.created_by, 'createdByName', c.name) end
       from explanation x left join person u on u.id = x.updated_by left join person c on c.id = x.created_by
      where x.seq > p_cursor and x.unit_id = any(p_units) order by x.seq limit p_limit)
    union all
    (select 'initiative'::text, x.id, x.unit_id, x.version, x.deleted, x.seq,
            case when x.deleted then null else jsonb_build_object('id', x.id, 'unitId', x.unit_id, 'indicator', x.indicator, 'title', x.title, 'owner', x.owner, 'dueDate', x.due_date, 'expectedEffect', x.expected_effect, 'status', x.status, 'updatedBy', x.updated_by, 'updatedByName', u.name, 'updatedAt', to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'createdBy', x.created_by, 'createdByName', c.name) end
       from initiative x left join person u on u.id = x.updated_by left join person c on c.id = x.created_by
      where x.seq > p_cursor and x.unit_id = any(p_units) order by x.seq limit p_limit)
    union all
    (select 'note'::text, x.id, x.unit_id, x.version, x.deleted, x.seq,
            case when x.deleted then null else jsonb_build_object('id', x.id, 'unitId', x.unit_id, 'indicator', x.indicator, 'year', x.year, 'month', x.month, 'body', x.body, 'visibility', x.visibility, 'updatedBy', x.updated_by, 'updatedByName', u.name, 'updatedAt', to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'createdBy', x.created_by, 'createdByName', c.name) end
       from note x left join person u on u.id = x.updated_by left join person c on c.id = x.created_by
      where x.seq > p_cursor and x.unit_id = any(p_units) and (x.visibility <> 'oc_private' or x.unit_id = any(p_private)) order by x.seq limit p_limit)
    union all
    (select 'dialoguePreparation'::text, x.id, x.unit_id, x.version, x.deleted, x.seq,
            case when x.deleted then null else jsonb_build_object('id', x.id, 'unitId', x.unit_id, 'year', x.year, 'month', x.month, 'questions', x.questions, 'readyAt', to_char(x.ready_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'updatedBy', x.updated_by, 'updatedByName', u.name, 'updatedAt', to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'createdBy', x.created_by, 'createdByName', c.name) end
       from dialogue_preparation x left join person u on u.id = x.updated_by left join person c on c.id = x.created_by
      where x.seq > p_cursor and x.unit_id = any(p_units) order by x.seq limit p_limit)
    union all
    (select 'dialogue'::text, x.id, x.unit_id, x.version, x.deleted, x.seq,
            case when x.deleted then null else jsonb_build_object('id', x.id, 'unitId', x.unit_id, 'kind', x.kind, 'indicators', x.indicators, 'scheduledOn', x.scheduled_on, 'heldOn', x.held_on, 'agenda', x.agenda, 'minutes', x.minutes, 'improved', x.improved, 'lockedAt', to_char(x.locked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'updatedBy', x.updated_by, 'updatedByName', u.name, 'updatedAt', to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'createdBy', x.created_by, 'createdByName', c.name) end
       from dialogue x left join person u on u.id = x.updated_by left join person c on c.id = x.created_by
      where x.seq > p_cursor and x.unit_id = any(p_units) order by x.seq limit p_limit)
    order by 6 limit p_limit;
end
$fn$;

create function sync_pull_all(p_cursor bigint, p_limit int, p_private text[])
returns table (t text, id text, unit_id text, version int, deleted boolean, seq bigint, record jsonb)
language plpgsql stable as $fn$
begin
  return query
    (select 'actionPlanItem'::text, x.id, x.unit_id, x.version, x.deleted, x.seq,
            case when x.deleted then null else jsonb_build_object('id', x.id, 'unitId', x.unit_id, 'year', x.year, 'title', x.title, 'dueDate', x.due_date, 'status', x.status, 'doneOn', x.done_on, 'dropReason', x.drop_reason, 'updatedBy', x.updated_by, 'updatedByName', u.name, 'updatedAt', to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'createdBy', x.created_by, 'createdByName', c.name) end
       from action_plan_item x left join person u on u.id = x.updated_by left join person c on c.id = x.created_by
      where x.seq > p_cursor order by x.seq limit p_limit)
    union all
    (select 'forecast'::text, x.id, x.unit_id, x.version, x.deleted, x.seq,
            case when x.deleted then null else jsonb_build_object('id', x.id, 'unitId', x.unit_id, 'year', x.year, 'month', x.month, 'amount', x.amount, 'explanation', x.explanation, 'updatedBy', x.updated_by, 'updatedByName', u.name, 'updatedAt', to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'createdBy', x.created_by, 'createdByName', c.name) end
       from forecast x left join person u on u.id = x.updated_by left join person c on c.id = x.created_by
      where x.seq > p_cursor order by x.seq limit p_limit)
    union all
    (select 'explanation'::text, x.id, x.unit_id, x.version, x.deleted, x.seq,
            case when x.deleted then null else jsonb_build_object('id', x.id, 'unitId', x.unit_id, 'indicator', x.indicator, 'year', x.year, 'month', x.month, 'causes', x.causes, 'body', x.body, 'validReason', x.valid_reason, 'updatedBy', x.updated_by, 'updatedByName', u.name, 'updatedAt', to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'createdBy', x.created_by, 'createdByName', c.name) end
       from explanation x left join person u on u.id = x.updated_by left join person c on c.id = x.created_by
      where x.seq > p_cursor order by x.seq limit p_limit)
    union all
    (select 'initiative'::text, x.id, x.unit_id, x.version, x.deleted, x.seq,
            case when x.deleted then null else jsonb_build_object('id', x.id, 'unitId', x.unit_id, 'indicator', x.indicator, 'title', x.title, 'owner', x.owner, 'dueDate', x.due_date, 'expectedEffect', x.expected_effect, 'status', x.status, 'updatedBy', x.updated_by, 'updatedByName', u.name, 'updatedAt', to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'createdBy', x.created_by, 'createdByName', c.name) end
       from initiative x left join person u on u.id = x.updated_by left join person c on c.id = x.created_by
      where x.seq > p_cursor order by x.seq limit p_limit)
    union all
    (select 'note'::text, x.id, x.unit_id, x.version, x.deleted, x.seq,
            case when x.deleted then null else jsonb_build_object('id', x.id, 'unitId', x.unit_id, 'indicator', x.indicator, 'year', x.year, 'month', x.month, 'body', x.body, 'visibility', x.visibility, 'updatedBy', x.updated_by, 'updatedByName', u.name, 'updatedAt', to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'createdBy', x.created_by, 'createdByName', c.name) end
       from note x left join person u on u.id = x.updated_by left join person c on c.id = x.created_by
      where x.seq > p_cursor and (x.visibility <> 'oc_private' or x.unit_id = any(p_private)) order by x.seq limit p_limit)
    union all
    (select 'dialoguePreparation'::text, x.id, x.unit_id, x.version, x.deleted, x.seq,
            case when x.deleted then null else jsonb_build_object('id', x.id, 'unitId', x.unit_id, 'year', x.year, 'month', x.month, 'questions', x.questions, 'readyAt', to_char(x.ready_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'updatedBy', x.updated_by, 'updatedByName', u.name, 'updatedAt', to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'createdBy', x.created_by, 'createdByName', c.name) end
       from dialogue_preparation x left join person u on u.id = x.updated_by left join person c on c.id = x.created_by
      where x.seq > p_cursor order by x.seq limit p_limit)
    union all
    (select 'dialogue'::text, x.id, x.unit_id, x.version, x.deleted, x.seq,
            case when x.deleted then null else jsonb_build_object('id', x.id, 'unitId', x.unit_id, 'kind', x.kind, 'indicators', x.indicators, 'scheduledOn', x.scheduled_on, 'heldOn', x.held_on, 'agenda', x.agenda, 'minutes', x.minutes, 'improved', x.improved, 'lockedAt', to_char(x.locked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'updatedBy', x.updated_by, 'updatedByName', u.name, 'updatedAt', to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'createdBy', x.created_by, 'createdByName', c.name) end
       from dialogue x left join person u on u.id = x.updated_by left join person c on c.id = x.created_by
      where x.seq > p_cursor order by x.seq limit p_limit)
    order by 6 limit p_limit;
end
$fn$;
