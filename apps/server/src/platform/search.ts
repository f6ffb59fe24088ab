import { sql } from 'kysely';

/**
 * Matches a text column with or without Vietnamese diacritics: "ho kinh doanh" finds "hộ kinh
 * doanh". f_unaccent (migration 0001) lowers case, drops marks and maps đ to d; the trigram indexes
 * on f_unaccent(name) serve it. LIKE wildcards in the query are taken literally.
 */
export const unaccentedLike = (column: string, query: string) =>
  sql<boolean>`f_unaccent(${sql.ref(column)}) like '%' || f_unaccent(${query.replace(/[%_\\]/g, '\\$&')}) || '%'`;
