-- Indicator values the economics team imports ready-made (issue 9): per unit, month and indicator
-- the value (a fraction: the budget's deviation, the plan's fulfilment, the forecast's accuracy or
-- the accounts' reconciliation rate), judged by the thresholds in force and shown as imported.
-- Not synced: like the figures, they reach the devices through the unit's figures stamp.
create table imported_indicator_value (
  unit_id   text not null references unit(id) on delete cascade,
  year      int not null,
  month     int not null check (month between 1 and 12),
  indicator text not null check (indicator in ('budget', 'actionPlan', 'forecast', 'balance')),
  value     numeric(12, 6) not null,
  import_id text not null,
  primary key (unit_id, year, month, indicator)
);
