import type { Dictionary } from '../dictionary.ts';
import type { accountPages as vi } from '../vi/account.ts';

export const accountPages: Dictionary<typeof vi> = {
  account: {
    title: 'My account',
    profile: 'Account details',
    name: 'Full name',
    username: 'Username',
    kind: 'Account type',
    mfa: 'Two-factor authentication',
    mfaOn: 'On',
    mfaOff: 'Off',
    setUpMfa: 'Set up two-factor authentication',
    changePassword: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    newPasswordHint:
      'At least {{min}} characters, with upper- and lower-case letters, a digit and a special character.',
    submitPassword: 'Change password',
    pending: 'Changing…',
    passwordChanged: 'Your password has been changed.',
    mustChangePassword:
      'This account still has the initial password an administrator gave it. Please change it before working.',
  },
  mfa: {
    title: 'Two-factor authentication',
    lead: 'Besides your password, each sign-in will ask for a 6-digit code made by an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator, FreeOTP).',
    required: 'Administrator accounts must turn on two-factor authentication before working.',
    alreadyOn: 'Two-factor authentication is on for this account.',
    step1: 'Step 1: create a secret key',
    generate: 'Create secret key',
    regenerate: 'Create a new key',
    generating: 'Creating…',
    step2: 'Step 2: add the key to your authenticator app',
    step2Body:
      'In the app, choose to enter a key manually and type the key below (spaces do not matter), time-based.',
    secret: 'Secret key',
    otpauthUrl: 'otpauth address (paste it into the app if the app accepts one)',
    step3: 'Step 3: type the code the app shows',
    code: '6-digit code',
    enable: 'Turn on two-factor authentication',
    enabling: 'Turning on…',
    enabled: 'Two-factor authentication is on. From your next sign-in you will be asked for a code.',
    continue: 'Continue',
  },
  session: {
    warningTitle: 'Are you still working?',
    warningBody: 'For your security, the session will end in {{seconds}} seconds without activity.',
    stay: 'Keep working',
    expiredTitle: 'Your session has ended',
    expiredBody: 'You were signed out after {{minutes}} minutes without activity.',
    signInAgain: 'Sign in again',
  },
};
