import { LIMITS } from '@tinhso/contracts';
import { AdminUnitList, AgencyList, PositionTypeItems } from '../api/schemas.ts';
import { useApi } from './use-api.ts';

// Choices for the select boxes of forms and filters: as many rows as one page may hold, which is
// far more than a province has agencies or communes.

export function useAgencyOptions() {
  return useApi(AgencyList, '/api/org/agencies', { limit: LIMITS.pageSizeMax });
}

export function useAdminUnitOptions(asOf?: string) {
  return useApi(AdminUnitList, '/api/org/admin-units', { limit: LIMITS.pageSizeMax, asOf });
}

export function usePositionTypes() {
  return useApi(PositionTypeItems, '/api/org/position-types');
}
