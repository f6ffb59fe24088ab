-- Search over the register at a million documents (issue 4, "search p95 with 1,000,000 documents").
-- Measured before (bench/documents-search.ts): p95 5 s, because every candidate row the trigram index
-- proposed was unaccented again to be rechecked (summary, issuer, number and the whole scan text), over
-- every agency's rows, and then counted a second time. Now:
--  * the unaccented, lower-cased text is stored once per row (a generated column), so a recheck is a
--    plain LIKE over stored text;
--  * the trigram index leads with the agency (btree_gin), so an agency's search reads only its own
--    candidates; a province-wide search still uses the trigram column alone;
--  * the total of a search is counted up to a cap (incoming-queries.ts), not over every match.
create extension if not exists btree_gin;

alter table incoming_document
  add column search_text text generated always as (
    f_unaccent(summary || ' ' || issuer_name || ' ' || number_symbol || ' ' || coalesce(body_text, ''))
  ) stored;
comment on column incoming_document.search_text is
  'Summary, issuer, number and symbol and the scan''s text, unaccented and lower-cased (f_unaccent), for LIKE search';

drop index if exists incoming_document_search_trgm;
create index incoming_document_search on incoming_document using gin (agency_id, search_text gin_trgm_ops);
