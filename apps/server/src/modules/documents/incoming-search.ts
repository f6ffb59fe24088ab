import { sql } from 'kysely';

/**
 * The search over an incoming document's metadata and the text of its scan, with or without
 * diacritics ("quyet dinh" finds "Quyết định"): `search_text` holds them unaccented and lower-cased
 * (a generated column, migration 0026), indexed by trigrams after the agency. LIKE wildcards in the
 * query are taken literally.
 */
export const incomingTextMatches = (query: string) =>
  sql<boolean>`d.search_text like '%' || f_unaccent(${query.replace(/[%_\\]/g, '\\$&')}) || '%'`;

/** A search counts its matches up to this many; the register then says "more than". */
export const SEARCH_COUNT_CAP = 1000;
