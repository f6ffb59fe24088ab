import type { Dictionary } from '../dictionary.ts';
import type { publicPages as vi } from '../vi/public.ts';

export const publicPages: Dictionary<typeof vi> = {
  home: {
    title: 'The province’s digital-government portal',
    lead: 'TinhSo is where the province’s citizens, businesses and agencies work together online.',
    forCitizens: 'Citizens and businesses',
    forCitizensBody:
      'File administrative procedures online, follow them by their dossier code, get the result and send feedback.',
    forOfficials: 'Officials',
    forOfficialsBody: 'Receive and process dossiers, manage documents, reports and direction in one system.',
    forLeaders: 'Leaders',
    forLeadersBody: 'Follow targets, tasks and the quality of public service from live figures.',
    accountTitle: 'Account',
    accountBody:
      'Sign in to file procedures and follow your dossiers. Citizens without an account can register.',
    directoryTitle: 'Directory of the province’s agencies',
    searchLabel: 'Find an agency',
    searchHint: 'With or without Vietnamese accents, e.g. so noi vu',
    resultCount: '{{count}} agencies found.',
    noMatch: 'No agency matches “{{query}}”.',
    code: 'Agency code',
  },
  agencyKind: {
    ubnd_tinh: 'Provincial People’s Committee',
    so: 'Department',
    trung_tam_phvhcc: 'Public Administration Service Centre',
    ubnd_xa: 'Commune People’s Committee',
    khac: 'Other agency',
  },
  agencyKindGroup: {
    ubnd_tinh: 'Provincial People’s Committee',
    so: 'Departments',
    trung_tam_phvhcc: 'Public Administration Service Centre',
    ubnd_xa: 'Commune and ward People’s Committees',
    khac: 'Other agencies',
  },
  register: {
    title: 'Register as a citizen',
    lead: 'An account lets you file dossiers online and follow their results.',
    personalId: 'Personal identification number',
    personalIdHint: '12 digits, printed on your citizen identity card.',
    fullName: 'Full name',
    phone: 'Phone number',
    phoneHint: '10 digits, starting with 0.',
    email: 'Email',
    password: 'Password',
    passwordHint:
      'At least {{min}} characters, with upper- and lower-case letters, a digit and a special character.',
    submit: 'Register',
    pending: 'Registering…',
    haveAccount: 'Already have an account?',
    success: 'You are registered. Please sign in.',
  },
  signIn: {
    title: 'Sign in',
    username: 'Username',
    usernameHint: 'Username, personal identification number, email or phone number.',
    password: 'Password',
    totp: '6-digit verification code',
    totpHint: 'Open the authenticator app on your phone and type the code it shows.',
    mfaRequired: 'This account uses two-factor authentication. Type the 6-digit code to continue.',
    submit: 'Sign in',
    pending: 'Signing in…',
    noAccount: 'A citizen without an account?',
    signedOut: 'You have signed out.',
  },
};
