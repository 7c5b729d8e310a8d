-- Min lederside: the whole schema. Runs unchanged on PGlite and PostgreSQL.
-- Ids are text (made on devices for records people write); money is numeric(14,2) kroner.

create table municipality (
  id          text primary key,
  name        text not null,
  config      jsonb not null default '{}'::jsonb   -- display names (HNG, BUU), yearly cycle, lock days …
);

create table area (
  id              text primary key,
  municipality_id text not null references municipality(id),
  name            text not null,
  kind            text not null check (kind in ('school', 'daycare', 'mixed'))
);

create table unit (
  id                text primary key,
  area_id           text not null references area(id),
  name              text not null,
  unit_type         text not null check (unit_type in ('school', 'daycare')),
  cost_centre       text not null unique,
  ean               text not null,
  economics_contact jsonb not null default '{}'::jsonb  -- { name, email, phone }
);
create index unit_area_idx on unit(area_id);

create table person (
  id            text primary key,
  email         text not null unique,
  name          text not null,
  password_hash text,
  created_at    timestamptz not null default now()
);

-- A person may hold several roles; leader → unit_id, area_chief → area_id, others → neither.
create table role_assignment (
  id        text primary key,
  person_id text not null references person(id) on delete cascade,
  role      text not null check (role in ('leader', 'area_chief', 'directorate', 'economics')),
  unit_id   text references unit(id),
  area_id   text references area(id),
  check ((role = 'leader') = (unit_id is not null)),
  check ((role = 'area_chief') = (area_id is not null))
);
create index role_assignment_person_idx on role_assignment(person_id);

create table session (
  token_hash   text primary key,            -- sha256 of the cookie value; the token itself is never stored
  person_id    text not null references person(id) on delete cascade,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null
);

-- Thresholds as a versioned rule set: effective from a date, per municipality, optionally per unit type.
create table rule_set (
  id              text primary key,
  municipality_id text not null references municipality(id),
  unit_type       text check (unit_type in ('school', 'daycare')),
  effective_from  date not null,
  thresholds      jsonb not null,
  created_at      timestamptz not null default now(),
  unique (municipality_id, unit_type, effective_from)
);

-- Imported per unit and month: the corrected annual budget (incl. carry-over), spend so far this
-- year, and the cumulative share of the year's budget profile at the end of the month.
create table monthly_figure (
  unit_id        text not null references unit(id),
  year           int not null,
  month          int not null check (month between 1 and 12),
  budget         numeric(14,2) not null,
  carry_over     numeric(14,2) not null default 0,
  spend_to_date  numeric(14,2) not null,
  profile_share  numeric(9,6) not null check (profile_share >= 0 and profile_share <= 1),
  imported_at    timestamptz not null default now(),
  primary key (unit_id, year, month)
);

create table balance_account (
  id            text primary key,
  unit_id       text not null references unit(id),
  number        text not null,
  name          text not null,
  due_date      date not null,
  reconciled_on date,
  unique (unit_id, number, due_date)
);
create index balance_account_unit_idx on balance_account(unit_id);

create table year_close (
  municipality_id text not null references municipality(id),
  year            int not null,
  closed_at       timestamptz not null default now(),
  primary key (municipality_id, year)
);

-- A light as judged for a closed period, kept so that later imports or rule changes never repaint it.
create table recorded_light (
  unit_id     text not null references unit(id),
  indicator   text not null check (indicator in ('budget', 'actionPlan', 'forecast', 'balance')),
  year        int not null,
  month       int not null,
  light       jsonb not null,
  rule_set_id text not null references rule_set(id),
  recorded_at timestamptz not null default now(),
  primary key (unit_id, indicator, year, month)
);

-- Records people write. Each carries a version, a change sequence number for sync pull, a soft
-- delete (tombstone) and, per field, the version at which it last changed (per-field merge).
create sequence change_seq;

create table action_plan_item (
  id             text primary key,
  unit_id        text not null references unit(id),
  year           int not null,
  title          text not null,
  due_date       date not null,
  status         text not null check (status in ('planned', 'in_progress', 'done', 'dropped')),
  done_on        date,
  drop_reason    text,
  version        int not null default 1,
  field_versions jsonb not null default '{}'::jsonb,
  seq            bigint not null default nextval('change_seq'),
  deleted        boolean not null default false,
  created_by     text references person(id),
  updated_by     text references person(id),
  updated_at     timestamptz not null default now()
);
create index action_plan_item_unit_idx on action_plan_item(unit_id);

-- The leader's year-end forecast, given in a month (0 = December of the year before).
create table forecast (
  id             text primary key,
  unit_id        text not null references unit(id),
  year           int not null,
  month          int not null check (month between 0 and 12),
  amount         numeric(14,2) not null,
  explanation    text,
  version        int not null default 1,
  field_versions jsonb not null default '{}'::jsonb,
  seq            bigint not null default nextval('change_seq'),
  deleted        boolean not null default false,
  created_by     text references person(id),
  updated_by     text references person(id),
  updated_at     timestamptz not null default now(),
  unique (unit_id, year, month)
);

create table explanation (
  id             text primary key,
  unit_id        text not null references unit(id),
  indicator      text not null check (indicator in ('budget', 'actionPlan', 'forecast', 'balance')),
  year           int not null,
  month          int not null check (month between 1 and 12),
  causes         jsonb not null default '[]'::jsonb,
  body           text not null default '',
  valid_reason   boolean,
  version        int not null default 1,
  field_versions jsonb not null default '{}'::jsonb,
  seq            bigint not null default nextval('change_seq'),
  deleted        boolean not null default false,
  created_by     text references person(id),
  updated_by     text references person(id),
  updated_at     timestamptz not null default now()
);

create table initiative (
  id              text primary key,
  unit_id         text not null references unit(id),
  indicator       text not null check (indicator in ('budget', 'actionPlan', 'forecast', 'balance')),
  title           text not null,
  owner           text not null default '',
  due_date        date,
  expected_effect numeric(14,2),
  status          text not null check (status in ('planned', 'in_progress', 'done', 'dropped')),
  version         int not null default 1,
  field_versions  jsonb not null default '{}'::jsonb,
  seq             bigint not null default nextval('change_seq'),
  deleted         boolean not null default false,
  created_by      text references person(id),
  updated_by      text references person(id),
  updated_at      timestamptz not null default now()
);

create table note (
  id             text primary key,
  unit_id        text not null references unit(id),
  indicator      text check (indicator in ('budget', 'actionPlan', 'forecast', 'balance')),
  year           int,
  month          int check (month between 1 and 12),
  body           text not null,
  visibility     text not null default 'shared' check (visibility in ('shared', 'oc_private')),
  version        int not null default 1,
  field_versions jsonb not null default '{}'::jsonb,
  seq            bigint not null default nextval('change_seq'),
  deleted        boolean not null default false,
  created_by     text references person(id),
  updated_by     text references person(id),
  updated_at     timestamptz not null default now()
);
create index note_unit_idx on note(unit_id);

create table dialogue_preparation (
  id             text primary key,
  unit_id        text not null references unit(id),
  year           int not null,
  month          int not null check (month between 1 and 12),
  questions      text not null default '',
  ready_at       timestamptz,
  version        int not null default 1,
  field_versions jsonb not null default '{}'::jsonb,
  seq            bigint not null default nextval('change_seq'),
  deleted        boolean not null default false,
  created_by     text references person(id),
  updated_by     text references person(id),
  updated_at     timestamptz not null default now()
);

create table dialogue (
  id             text primary key,
  unit_id        text not null references unit(id),
  kind           text not null check (kind in ('recognition', 'support', 'follow_up', 'development_plan')),
  indicators     jsonb not null default '[]'::jsonb,
  scheduled_on   date not null,
  held_on        date,
  agenda         jsonb not null default '[]'::jsonb,
  minutes        text not null default '',
  improved       boolean,
  locked_at      timestamptz,
  version        int not null default 1,
  field_versions jsonb not null default '{}'::jsonb,
  seq            bigint not null default nextval('change_seq'),
  deleted        boolean not null default false,
  created_by     text references person(id),
  updated_by     text references person(id),
  updated_at     timestamptz not null default now()
);

-- Sync bookkeeping: each (device, mutation) is applied once, in the same transaction as the change.
create table device (
  id         text primary key,
  person_id  text not null references person(id) on delete cascade,
  created_at timestamptz not null default now()
);

create table applied_mutation (
  device_id   text not null references device(id) on delete cascade,
  mutation_id text not null,
  result      jsonb not null,
  applied_at  timestamptz not null default now(),
  primary key (device_id, mutation_id)
);

-- Who changed what and when (old and new value), and who read a unit's notes.
create table audit_log (
  id          bigserial primary key,
  at          timestamptz not null default now(),
  person_id   text references person(id),
  action      text not null,
  table_name  text not null,
  record_id   text not null,
  old_value   jsonb,
  new_value   jsonb
);
create index audit_log_record_idx on audit_log(table_name, record_id);
