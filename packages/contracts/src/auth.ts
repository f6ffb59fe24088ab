import { Type, type Static } from 'typebox';
import { LIMITS, Uuid } from './common.ts';
import { Email, Phone } from './org.ts';

export const ACCOUNT_KINDS = ['official', 'citizen'] as const;
export const AccountKind = Type.Enum(ACCOUNT_KINDS);

export const PersonalId = Type.String({
  pattern: '^[0-9]{12}$',
  description: 'Personal identification number (số định danh cá nhân): 12 digits',
});

export const Login = Type.Object(
  {
    username: Type.String({
      minLength: 1,
      maxLength: 254,
      description: 'Sign-in name, personal id, email or phone',
    }),
    password: Type.String({ minLength: 1, maxLength: LIMITS.passwordMax }),
    totp: Type.Optional(
      Type.String({ pattern: '^[0-9]{6}$', description: '6-digit code from the authenticator app' }),
    ),
  },
  { additionalProperties: false },
);
export type Login = Static<typeof Login>;

export const SessionInfo = Type.Object({
  accountId: Uuid,
  kind: AccountKind,
  displayName: Type.String(),
  username: Type.String(),
  permissions: Type.Array(Type.String({ description: 'Permission codes held anywhere' })),
  mfaEnabled: Type.Boolean(),
  mfaSetupRequired: Type.Boolean({ description: 'True while an administrator has not yet enrolled MFA' }),
  passwordChangeRequired: Type.Boolean({
    description: 'True while an account created by an administrator still has its initial password',
  }),
  idleTimeoutSeconds: Type.Integer(),
  csrfToken: Type.String({ description: 'Send back in the x-csrf-token header on every change' }),
});
export type SessionInfo = Static<typeof SessionInfo>;

export const LoginResult = Type.Union([
  Type.Object({ status: Type.Literal('signed_in'), session: SessionInfo }),
  Type.Object({ status: Type.Literal('mfa_required') }),
]);
export type LoginResult = Static<typeof LoginResult>;

export const RegisterCitizen = Type.Object(
  {
    personalId: PersonalId,
    fullName: Type.String({ minLength: 1, maxLength: LIMITS.nameMax }),
    phone: Phone,
    email: Type.Optional(Email),
    password: Type.String({ minLength: LIMITS.passwordMin, maxLength: LIMITS.passwordMax }),
  },
  { additionalProperties: false },
);
export type RegisterCitizen = Static<typeof RegisterCitizen>;

export const MfaSetup = Type.Object({ secret: Type.String(), otpauthUrl: Type.String() });
export const MfaEnable = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);
export type MfaEnable = Static<typeof MfaEnable>;

export const ChangePassword = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: LIMITS.passwordMax }),
    newPassword: Type.String({ minLength: LIMITS.passwordMin, maxLength: LIMITS.passwordMax }),
  },
  { additionalProperties: false },
);
export type ChangePassword = Static<typeof ChangePassword>;
