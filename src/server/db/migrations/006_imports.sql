-- The economics team's imports (issue 9): every file imported or refused, the column mapping
-- remembered per source (its set of headers), and per unit a synced stamp of the latest import
-- that changed its figures, so a device learns on its next pull that there are new figures.

create table import_log (
  id          text primary key,
  kind        text not null,
  file_name   text not null,
  sha256      text not null,
  status      text not null check (status in ('imported', 'refused')),
  counts      jsonb,                               -- new, changed, unchanged, removed (imported)
  errors      jsonb not null default '[]'::jsonb,  -- the first errors of a refused file
  error_count int not null default 0,
  person_id   text references person(id),          -- who imported it, and when
  at          timestamptz not null default now()
);
create index import_log_at_idx on import_log(at desc);

create table import_mapping (
  signature        text primary key,
  kind             text not null,
  mapping          jsonb not null,
  scale            int not null default 1,
  exclude_accounts jsonb not null default '[]'::jsonb,
  updated_by       text references person(id),
  updated_at       timestamptz not null default now()
);

create table unit_figures (
  id             text primary key,
  unit_id        text not null references unit(id),
  imported_at    timestamptz not null,
  import_id      text not null,
  version        int not null default 1,
  field_versions jsonb not null default '{}'::jsonb,
  field_writers  jsonb not null default '{}'::jsonb,
  field_seqs     jsonb not null default '{}'::jsonb,
  seq            bigint not null default nextval('change_seq'),
  deleted        boolean not null default false,
  created_by     text references person(id),
  updated_by     text references person(id),
  updated_at     timestamptz not null default now(),
  unique (unit_id)
);
create index unit_figures_seq_idx on unit_figures(seq);
create index unit_figures_unit_seq_idx on unit_figures(unit_id, seq);
