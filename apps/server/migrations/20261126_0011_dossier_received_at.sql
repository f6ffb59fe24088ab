-- The figures of a period read its dossiers by date of receipt, a range of days at a time
-- (ADR 0011). dossier_receiving and dossier_competent serve one agency's figures; the province's
-- (every agency) had no index on received_at alone and read the whole table for each range.
create index dossier_received_at on dossier (received_at) where received_at is not null;
comment on index dossier_received_at is 'Statistics of a period for the whole province (ADR 0011)';
