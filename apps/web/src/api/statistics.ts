import { DossierStatistics, type StatisticsQuery } from '@tinhso/contracts';
import { apiGet } from './client.ts';

// The one-stop figures of a period. The page reads them through useApi with these two names, so that
// a change of period or language reads again; readStatistics is the same call for anything else.
export const STATISTICS_PATH = '/api/dossiers/statistics';
export { DossierStatistics };

export const readStatistics = (query: StatisticsQuery) =>
  apiGet(DossierStatistics, STATISTICS_PATH, { query });
