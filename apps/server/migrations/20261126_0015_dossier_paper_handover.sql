-- R-DOS-10: the desk records when a paper dossier (counter or post) leaves for the unit that decides
-- it. Until now the hand-over was inferred from the dossier leaving `received`; the alert scan keeps
-- that proxy for dossiers handed over before this column, and reads this instant first.
alter table dossier add column paper_handed_over_at timestamptz;
comment on column dossier.paper_handed_over_at is
  'When the desk handed the paper file to the deciding unit (action hand_over, R-DOS-10); null until then and for online dossiers';
