-- The OC's dialogue chain (issue 8; src/core/dialogueSchemas.ts, kinds in src/core/sync/kinds.ts).
-- A dialogue is about topics — per indicator support, recognition or its follow-up — so one meeting
-- holds what falls together; it follows from an earlier one; at a follow-up each indicator is
-- judged improved or not. The lock is counted from "Dialog afholdt" (or from a logged reopening),
-- so the stored lock time goes. Notes may belong to a dialogue. New: the actions agreed at a
-- dialogue, the development plan on one page and the OC's marks for the directorate.
-- Ids that devices write (the dialogue an action belongs to, who acknowledged a plan) carry no
-- foreign key: records of different kinds reach the server in any order from different devices,
-- and a reference is checked by the rules that need it, not by refusing the write.

alter table dialogue drop constraint if exists dialogue_kind_check;
alter table dialogue add column topics jsonb not null default '[]'::jsonb;
update dialogue set topics = coalesce((
  select jsonb_agg(jsonb_build_object('indicator', i, 'purpose',
    case kind when 'recognition' then 'recognition' when 'support' then 'support' else 'follow_up' end))
  from jsonb_array_elements_text(indicators) as i), '[]'::jsonb);
update dialogue set kind = case kind when 'recognition' then 'dialogue' when 'support' then 'dialogue'
  when 'development_plan' then 'plan_follow_up' else kind end;
alter table dialogue add constraint dialogue_kind_check check (kind in ('dialogue', 'follow_up', 'visit', 'plan_follow_up'));
alter table dialogue drop column indicators;
alter table dialogue add column follows_from text;
alter table dialogue drop column improved;
alter table dialogue add column improved jsonb not null default '{}'::jsonb;
alter table dialogue drop column locked_at;
alter table dialogue add column reopened_on date;
alter table dialogue add column reopen_reason text not null default '';
create index dialogue_unit_scheduled_idx on dialogue(unit_id, scheduled_on) where not deleted;

alter table note add column dialogue_id text;

create table dialogue_action (
  id             text primary key,
  unit_id        text not null references unit(id),
  dialogue_id    text not null,
  title          text not null,
  owner          text not null default '',
  due_on         date,
  status         text not null default 'open' check (status in ('open', 'done', 'dropped')),
  done_on        date,
  version        int not null default 1,
  field_versions jsonb not null default '{}'::jsonb,
  field_writers  jsonb not null default '{}'::jsonb,
  field_seqs     jsonb not null default '{}'::jsonb,
  seq            bigint not null default nextval('change_seq'),
  deleted        boolean not null default false,
  created_by     text references person(id),
  updated_by     text references person(id),
  updated_at     timestamptz not null default now()
);
create index dialogue_action_seq_idx on dialogue_action(seq);
create index dialogue_action_unit_seq_idx on dialogue_action(unit_id, seq);

create table development_plan (
  id                      text primary key,
  unit_id                 text not null references unit(id),
  from_dialogue_id        text,
  indicators              jsonb not null default '[]'::jsonb,
  started_on              date not null,
  goals                   jsonb not null default '[]'::jsonb,
  actions                 jsonb not null default '[]'::jsonb,
  leader_acknowledged_on  date,
  leader_acknowledged_by  text,
  oc_acknowledged_on      date,
  oc_acknowledged_by      text,
  ended_on                date,
  version                 int not null default 1,
  field_versions          jsonb not null default '{}'::jsonb,
  field_writers           jsonb not null default '{}'::jsonb,
  field_seqs              jsonb not null default '{}'::jsonb,
  seq                     bigint not null default nextval('change_seq'),
  deleted                 boolean not null default false,
  created_by              text references person(id),
  updated_by              text references person(id),
  updated_at              timestamptz not null default now()
);
create index development_plan_seq_idx on development_plan(seq);
create index development_plan_unit_seq_idx on development_plan(unit_id, seq);

create table unit_mark (
  id             text primary key,
  unit_id        text not null references unit(id),
  kind           text not null check (kind in ('best_practice', 'special_unit')),
  indicator      text check (indicator in ('budget', 'actionPlan', 'forecast', 'balance')),
  text           text not null,
  dialogue_id    text,
  marked_on      date not null,
  ended_on       date,
  version        int not null default 1,
  field_versions jsonb not null default '{}'::jsonb,
  field_writers  jsonb not null default '{}'::jsonb,
  field_seqs     jsonb not null default '{}'::jsonb,
  seq            bigint not null default nextval('change_seq'),
  deleted        boolean not null default false,
  created_by     text references person(id),
  updated_by     text references person(id),
  updated_at     timestamptz not null default now()
);
create index unit_mark_seq_idx on unit_mark(seq);
create index unit_mark_unit_seq_idx on unit_mark(unit_id, seq);
