import {
  LoginResult,
  MfaSetup,
  SessionInfo,
  type ChangePassword,
  type Login,
  type RegisterCitizen,
} from '@tinhso/contracts';
import { apiCommand, apiGet, apiSend } from './client.ts';

export const getSession = (signal?: AbortSignal) => apiGet(SessionInfo, '/api/auth/session', { signal });
export const login = (body: Login) => apiSend('POST', '/api/auth/login', body, LoginResult);
export const logout = () => apiCommand('POST', '/api/auth/logout');
export const registerCitizen = (body: RegisterCitizen) => apiCommand('POST', '/api/auth/register', body);
export const changePassword = (body: ChangePassword) => apiCommand('POST', '/api/auth/password', body);
export const setUpMfa = () => apiSend('POST', '/api/auth/mfa/setup', undefined, MfaSetup);
export const enableMfa = (code: string) => apiSend('POST', '/api/auth/mfa/enable', { code }, SessionInfo);
