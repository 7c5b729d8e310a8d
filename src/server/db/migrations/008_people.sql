-- People kept by the economics team (issue 9): a deactivated person cannot sign in and their
-- sessions end; a reset link lets a person choose a password once (people an import made have none).
alter table person add column deactivated_at timestamptz;

create table password_reset (
  token_hash text primary key,            -- sha256 of the token in the link; the token itself is never stored
  person_id  text not null references person(id) on delete cascade,
  created_by text references person(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at    timestamptz
);
create index password_reset_person_idx on password_reset(person_id);
