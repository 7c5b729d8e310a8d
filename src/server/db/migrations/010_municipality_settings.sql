-- The municipality's settings as the economics team keeps them (issue 9): each change a new
-- version from a date, never edited, so the list is the history; the one in force on a day is the
-- latest that began by then. Before the first, the municipality's own row and config stand.
create table municipality_settings (
  id              text primary key,
  municipality_id text not null references municipality(id),
  effective_from  date not null,
  settings        jsonb not null,
  created_by      text references person(id),
  created_at      timestamptz not null default now(),
  unique (municipality_id, effective_from)
);
