-- Official documents, first slice (issue 4, item 2): the document types of NĐ 30/2020/NĐ-CP, the
-- abbreviation each agency signs with, the yearly number series, the numbers issued to outgoing
-- documents and the register of incoming documents (sổ đăng ký văn bản đến). Rules: vn-norms §2.1,
-- §2.2, R-DOC-1, R-DOC-2, R-DOC-4.

-- The 29 types of Art 7 with their abbreviations of Phụ lục III, spelled as vn-norms §2.1 gives them.
create table document_type (
  code text primary key check (code ~ '^[a-z][a-z_]{1,39}$'),
  name_vi text not null unique,
  abbreviation text unique check (abbreviation ~ '^[A-ZĐ][A-Za-zĐđ]{0,5}$'),
  symbol_rule text not null check (symbol_rule in ('type_agency', 'agency_unit', 'none')),
  sort_order integer not null unique
);
comment on table document_type is 'Document types of NĐ 30/2020 Art 7 with their abbreviations (Phụ lục III)';
comment on column document_type.symbol_rule is
  'How its ký hiệu is built: type_agency = {abbr}-{agency}[-{unit}]; agency_unit = {agency}-{unit} (Công văn); none = no known abbreviation, not numbered here';

insert into document_type (code, name_vi, abbreviation, symbol_rule, sort_order) values
  ('nghi_quyet', 'Nghị quyết (cá biệt)', 'NQ', 'type_agency', 1),
  ('quyet_dinh', 'Quyết định (cá biệt)', 'QĐ', 'type_agency', 2),
  ('chi_thi', 'Chỉ thị', 'CT', 'type_agency', 3),
  ('quy_che', 'Quy chế', 'QC', 'type_agency', 4),
  ('quy_dinh', 'Quy định', 'QyĐ', 'type_agency', 5),
  ('thong_cao', 'Thông cáo', 'TC', 'type_agency', 6),
  ('thong_bao', 'Thông báo', 'TB', 'type_agency', 7),
  ('huong_dan', 'Hướng dẫn', 'HD', 'type_agency', 8),
  ('chuong_trinh', 'Chương trình', 'CTr', 'type_agency', 9),
  ('ke_hoach', 'Kế hoạch', 'KH', 'type_agency', 10),
  ('phuong_an', 'Phương án', 'PA', 'type_agency', 11),
  ('de_an', 'Đề án', 'ĐA', 'type_agency', 12),
  ('du_an', 'Dự án', 'DA', 'type_agency', 13),
  ('bao_cao', 'Báo cáo', 'BC', 'type_agency', 14),
  ('bien_ban', 'Biên bản', 'BB', 'type_agency', 15),
  ('to_trinh', 'Tờ trình', 'TTr', 'type_agency', 16),
  ('hop_dong', 'Hợp đồng', 'HĐ', 'type_agency', 17),
  ('cong_van', 'Công văn', null, 'agency_unit', 18),
  ('cong_dien', 'Công điện', 'CĐ', 'type_agency', 19),
  ('ban_ghi_nho', 'Bản ghi nhớ', 'BGN', 'type_agency', 20),
  ('ban_thoa_thuan', 'Bản thỏa thuận', 'BTT', 'type_agency', 21),
  ('giay_uy_quyen', 'Giấy ủy quyền', 'GUQ', 'type_agency', 22),
  ('giay_moi', 'Giấy mời', 'GM', 'type_agency', 23),
  ('giay_gioi_thieu', 'Giấy giới thiệu', 'GGT', 'type_agency', 24),
  ('giay_nghi_phep', 'Giấy nghỉ phép', 'GNP', 'type_agency', 25),
  ('phieu_gui', 'Phiếu gửi', 'PG', 'type_agency', 26),
  ('phieu_chuyen', 'Phiếu chuyển', 'PC', 'type_agency', 27),
  ('phieu_bao', 'Phiếu báo', 'PB', 'type_agency', 28),
  -- vn-norms §2.1: whether Thư công has an abbreviation is [U]; it is not numbered until that is known.
  ('thu_cong', 'Thư công', null, 'none', 29);

-- The abbreviation an agency signs with (viết tắt tên cơ quan, the second group of a ký hiệu),
-- decided by the head of the organisation. Until an administrator sets it, it is derived from the
-- short name: UBND for a people's committee, TTr for the inspectorate, else the first letter of each
-- syllable, with acronyms kept and "và", "tỉnh", "xã", "phường" left out (Sở Tư pháp → STP,
-- Sở Giáo dục và Đào tạo → SGDĐT, Văn phòng UBND tỉnh → VPUBND).
alter table agency add column abbreviation text check (abbreviation is null or length(abbreviation) between 1 and 20);
comment on column agency.abbreviation is 'Viết tắt tên cơ quan in the ký hiệu of its documents (NĐ 30/2020 Phụ lục I §II.3), e.g. UBND, STP';

create function agency_abbreviation_of(short_name text, kind text) returns text
  language sql immutable parallel safe
  as $$
    select case
      when kind in ('ubnd_tinh', 'ubnd_xa') then 'UBND'
      when short_name ~* '^thanh tra' then 'TTr'
      else nullif(left((
        select string_agg(
          case
            when word ~ '^[A-ZĐ]{2,}$' then word
            when left(word, 1) in ('đ', 'Đ') then 'Đ'
            else upper(f_unaccent(left(word, 1)))
          end, '' order by position)
        from regexp_split_to_table(regexp_replace(short_name, '[[:punct:]]', ' ', 'g'), '\s+')
          with ordinality as part(word, position)
        where f_unaccent(left(word, 1)) ~ '^[a-z]$'
          and lower(word) not in ('và', 'tỉnh', 'xã', 'phường')
      ), 20), '')
    end
  $$;

create function agency_abbreviation_default() returns trigger
  language plpgsql
  as $$
    begin
      if new.abbreviation is null then
        new.abbreviation := agency_abbreviation_of(coalesce(new.short_name, new.name), new.kind);
      end if;
      return new;
    end
  $$;
create trigger agency_abbreviation_default before insert on agency
  for each row execute function agency_abbreviation_default();
update agency set abbreviation = agency_abbreviation_of(coalesce(short_name, name), kind)
  where abbreviation is null;

-- One row per agency, register and year: the last number given. Taking a number increments the row
-- inside the issuing transaction, so concurrent issues wait for each other and a rolled-back issue
-- gives its number back (no gaps); the series restarts from 1 each 1 January, Vietnam time.
create table document_series (
  agency_id uuid not null references agency (id),
  register text not null check (register in ('outgoing', 'incoming')),
  year integer not null check (year between 2000 and 2199),
  last_number integer not null check (last_number > 0),
  primary key (agency_id, register, year)
);
comment on table document_series is 'Yearly number series per agency: số of outgoing documents (NĐ 30 Art 15), số đến of incoming ones (Art 22.2)';

-- Numbers issued to outgoing documents (the number-and-symbol column of the sổ đăng ký văn bản đi).
create table outgoing_number (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  year integer not null check (year between 2000 and 2199),
  number integer not null check (number > 0),
  type_code text not null references document_type (code),
  symbol text not null check (length(symbol) between 1 and 30),
  number_symbol text not null check (length(number_symbol) between 3 and 42),
  summary text not null check (length(summary) between 1 and 500),
  issued_at timestamptz not null default now(),
  issued_by uuid not null references account (id),
  constraint outgoing_number_once unique (agency_id, year, number),
  constraint outgoing_number_symbol_once unique (agency_id, year, number_symbol)
);
comment on table outgoing_number is 'Số, ký hiệu given to outgoing documents: never twice in one agency and year';

-- The register of incoming documents (sổ đăng ký văn bản đến, NĐ 30 Phụ lục IV; metadata of Phụ lục VI).
create table incoming_document (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  year integer not null check (year between 2000 and 2199),
  arrival_number integer not null check (arrival_number > 0),
  received_at timestamptz not null,
  issuer_name text not null check (length(issuer_name) between 1 and 200),
  issuer_code text check (issuer_code ~ '^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-K][0-9]{2}$'),
  number_symbol text not null check (length(number_symbol) between 1 and 42),
  issued_on date not null,
  type_code text not null references document_type (code),
  summary text not null check (length(summary) between 1 and 500),
  urgency text not null check (urgency in ('thuong', 'khan', 'thuong_khan', 'hoa_toc')),
  confidentiality text not null check (confidentiality in ('thuong', 'mat', 'toi_mat', 'tuyet_mat')),
  is_secret boolean generated always as (confidentiality <> 'thuong') stored,
  pages integer check (pages between 1 and 9999),
  scan_file_id uuid unique references stored_file (id),
  registered_by uuid not null references account (id),
  created_at timestamptz not null default now(),
  constraint incoming_document_arrival_once unique (agency_id, year, arrival_number)
);
comment on table incoming_document is 'Sổ đăng ký văn bản đến: one row per document received, with its số đến in the agency''s yearly series';
comment on column incoming_document.is_secret is 'Văn bản mật (mật, tối mật, tuyệt mật): never sent through electronic exchange';
create index incoming_document_received on incoming_document (agency_id, received_at desc);
create index incoming_document_summary_trgm on incoming_document using gin (f_unaccent(summary) gin_trgm_ops);
create index incoming_document_issuer_trgm on incoming_document using gin (f_unaccent(issuer_name) gin_trgm_ops);

-- The clerk (văn thư) registers incoming documents and issues numbers; leaders read the registers.
update role set permissions = permissions || array['document.read', 'document.register', 'document.issue']
  where code = 'clerk';
update role set permissions = permissions || array['document.read']
  where code = 'leader';
