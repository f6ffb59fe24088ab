-- The alert scan (dossiers/alerts-candidates.ts, every ALERT_SCAN_MINUTES) looks only at open
-- dossiers: without these it read the whole dossier table each time (a parallel sequential scan of
-- 1,000,000 rows, checked with EXPLAIN on the benchmark's seeded database).
create index dossier_open_step on dossier (status, step_due_at)
  where status in ('received', 'in_process', 'supplement_requested');
comment on index dossier_open_step is 'Open dossiers by status and step due time: the alert scan';
create index dossier_consultation_open on dossier_consultation (due_date) where answered_at is null;
comment on index dossier_consultation_open is 'Unanswered consultations by due day: the alert scan';
