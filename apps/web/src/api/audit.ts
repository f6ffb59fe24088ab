import { apiGet } from './client.ts';
import { AuditVerifyResult } from './schemas.ts';

export const verifyAuditChain = () => apiGet(AuditVerifyResult, '/api/audit/verify');
