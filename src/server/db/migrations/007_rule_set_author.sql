-- The economics team makes rule sets from the app (issue 9): who made each, for its history. The
-- sets the municipality started with (the demo's) have none.
alter table rule_set add column created_by text references person(id);
