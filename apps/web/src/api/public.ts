import type { Agency } from '@tinhso/contracts';
import { apiGet } from './client.ts';
import { AgencyList } from './schemas.ts';

let cached: { language: string; promise: Promise<{ items: Agency[]; total: number }> } | null = null;

/** The public agency directory, read once per language: the home page and every header use it. */
export function getPublicAgencies(language: string): Promise<{ items: Agency[]; total: number }> {
  if (cached?.language !== language) {
    const promise = apiGet(AgencyList, '/api/public/agencies');
    cached = { language, promise };
    void promise.catch(() => {
      // Do not keep a failure: the next page asks again.
      if (cached?.promise === promise) cached = null;
    });
  }
  return cached.promise;
}

/**
 * The province's name as the header shows it, from the provincial People's Committee in the
 * directory: "Ủy ban nhân dân tỉnh Lâm Đồng" → "Tỉnh Lâm Đồng".
 */
export function provinceNameOf(agencies: readonly Agency[]): string | null {
  const committee = agencies.find((agency) => agency.kind === 'ubnd_tinh');
  if (!committee) return null;
  const match = /^(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|People['’]s Committee of)\s+(.+)$/iu.exec(
    committee.name,
  );
  const rest = match?.[1];
  if (!rest) return committee.name;
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}
