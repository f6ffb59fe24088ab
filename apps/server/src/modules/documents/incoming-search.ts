import { sql } from 'kysely';

/**
 * The search over an incoming document's metadata and the text of its scan, with or without
 * diacritics ("quyet dinh" finds "Quyết định"). The expression is the one indexed by
 * incoming_document_search_trgm (migration 0018), written out identically so that the planner uses
 * the index: one trigram index over one text, not one per column ORed together. LIKE wildcards in
 * the query are taken literally.
 */
export const incomingTextMatches = (query: string) =>
  sql<boolean>`f_unaccent(d.summary || ' ' || d.issuer_name || ' ' || d.number_symbol || ' ' || coalesce(d.body_text, '')) like '%' || f_unaccent(${query.replace(/[%_\\]/g, '\\$&')}) || '%'`;
