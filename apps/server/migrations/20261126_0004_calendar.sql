-- The legal-deadline calendar: the days each year's official notice sets (vn-norms §7, R-CAL-1/2).
-- Days fixed by law (1/1, 30/4, 1/5, 2/9, Giỗ Tổ 10/3 âm lịch, 24/11 behind a setting) and nghỉ bù
-- are computed by the server, not stored.

create table calendar_holiday (
  day date primary key,
  name_vi text not null,
  name_en text not null,
  kind text not null check (kind in ('tet', 'quoc_khanh_adjacent', 'other')),
  note text not null,
  created_at timestamptz not null default now()
);
comment on table calendar_holiday is 'Public holidays set per year by the Prime Minister (Tết days, the day beside Quốc khánh, one-off days), each with its source in note';

create table calendar_swap (
  day date primary key,
  kind text not null check (kind in ('makeup_workday', 'bridge_day_off')),
  note text not null,
  created_at timestamptz not null default now(),
  -- A make-up day is a weekend day worked; a bridge day is a weekday off.
  constraint calendar_swap_weekday check (
    (kind = 'makeup_workday' and extract(isodow from day) in (6, 7))
    or (kind = 'bridge_day_off' and extract(isodow from day) between 1 and 5)
  )
);
comment on table calendar_swap is 'Working days moved by the yearly notice for civil servants: Saturdays worked (makeup_workday) and weekdays off (bridge_day_off)';

-- 2025, as reported from the Prime Minister's approval in Thông báo 6150/TB-BNV (07/11/2024):
-- Tết off Sat 25/01 to Sun 02/02 (the five Tết days are the weekdays 27–31/01); 30/4–4/5 with Friday
-- 2/5 swapped for Saturday 26/4; Quốc khánh Sat 30/8 to Tue 2/9 with Monday 1/9 the adjacent day.
insert into calendar_holiday (day, name_vi, name_en, kind, note) values
  ('2025-01-27', 'Tết Nguyên đán (28 tháng Chạp)', 'Lunar New Year (Tết)', 'tet', '[S] TB 6150/TB-BNV 07/11/2024, as reported; check the official text'),
  ('2025-01-28', 'Tết Nguyên đán (29 tháng Chạp)', 'Lunar New Year (Tết)', 'tet', '[S] TB 6150/TB-BNV 07/11/2024, as reported; check the official text'),
  ('2025-01-29', 'Tết Nguyên đán (Mùng 1)', 'Lunar New Year (Tết)', 'tet', '[S] TB 6150/TB-BNV 07/11/2024, as reported; check the official text'),
  ('2025-01-30', 'Tết Nguyên đán (Mùng 2)', 'Lunar New Year (Tết)', 'tet', '[S] TB 6150/TB-BNV 07/11/2024, as reported; check the official text'),
  ('2025-01-31', 'Tết Nguyên đán (Mùng 3)', 'Lunar New Year (Tết)', 'tet', '[S] TB 6150/TB-BNV 07/11/2024, as reported; check the official text'),
  ('2025-09-01', 'Nghỉ liền kề Quốc khánh', 'Day beside National Day', 'quoc_khanh_adjacent', '[S] TB 6150/TB-BNV 07/11/2024, as reported; check the official text');
insert into calendar_swap (day, kind, note) values
  ('2025-04-26', 'makeup_workday', 'Làm bù cho thứ Sáu 02/05/2025 — [S] TB 6150/TB-BNV 07/11/2024, as reported'),
  ('2025-05-02', 'bridge_day_off', 'Hoán đổi với thứ Bảy 26/04/2025 — [S] TB 6150/TB-BNV 07/11/2024, as reported');

-- 2026, from vn-norms §7.1 (secondary sources, [S]): Tết 16–20/02; a Quốc khánh block 31/8–2/9.
-- Giỗ Tổ falls on Sunday 26/4, so Monday 27/4 is its nghỉ bù, computed. The make-up Saturday of the
-- Quốc khánh block is not known yet: add it from the official notice.
insert into calendar_holiday (day, name_vi, name_en, kind, note) values
  ('2026-02-16', 'Tết Nguyên đán (29 tháng Chạp)', 'Lunar New Year (Tết)', 'tet', '[S] vn-norms §7.1, secondary sources; take the official notice'),
  ('2026-02-17', 'Tết Nguyên đán (Mùng 1)', 'Lunar New Year (Tết)', 'tet', '[S] vn-norms §7.1, secondary sources; take the official notice'),
  ('2026-02-18', 'Tết Nguyên đán (Mùng 2)', 'Lunar New Year (Tết)', 'tet', '[S] vn-norms §7.1, secondary sources; take the official notice'),
  ('2026-02-19', 'Tết Nguyên đán (Mùng 3)', 'Lunar New Year (Tết)', 'tet', '[S] vn-norms §7.1, secondary sources; take the official notice'),
  ('2026-02-20', 'Tết Nguyên đán (Mùng 4)', 'Lunar New Year (Tết)', 'tet', '[S] vn-norms §7.1, secondary sources; take the official notice'),
  ('2026-09-01', 'Nghỉ liền kề Quốc khánh', 'Day beside National Day', 'quoc_khanh_adjacent', '[S] vn-norms §7.1 (block 31/8–2/9), secondary sources; take the official notice');
insert into calendar_swap (day, kind, note) values
  ('2026-08-31', 'bridge_day_off', 'Khối nghỉ Quốc khánh 31/8–2/9/2026 — [S] vn-norms §7.1; the make-up Saturday is not yet loaded');

-- Holders of calendar.manage maintain this data; the system administrator gets it.
update role set permissions = array_append(permissions, 'calendar.manage')
  where code = 'system_admin' and not ('calendar.manage' = any(permissions));
