-- The NgayHenTra given at receipt, kept as it was: the apology moves due_at (and keeps the earlier
-- one in original_due_at), and a restart after an appraisal supplement moves due_at again (NĐ 61
-- Art 19.4); QĐ 766 indicator 2.1 measures against the first (vn-norms R-CAL-7).
alter table dossier add column first_due_at timestamptz;
comment on column dossier.first_due_at is
  'Due instant given at receipt (form 01); never moved by an apology or a supplement restart';
-- Dossiers received before this column: the best known value (a restart after a supplement is lost).
update dossier set first_due_at = coalesce(original_due_at, due_at) where received_at is not null;
