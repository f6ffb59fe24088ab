import type { Dictionary } from '../dictionary.ts';
import type { common as vi } from '../vi/common.ts';

export const common: Dictionary<typeof vi> = {
  app: {
    name: 'TinhSo',
    tagline: 'The province’s digital-government platform',
    footer: 'TinhSo – open-source software for provincial digital government.',
  },
  a11y: {
    skipToContent: 'Skip to main content',
    mainNav: 'Main navigation',
    publicNav: 'Account links',
  },
  language: {
    label: 'Language',
    other: 'Tiếng Việt',
    otherCode: 'vi',
  },
  nav: {
    home: 'Workspace home',
    agencies: 'Agencies and units',
    adminUnits: 'Administrative units',
    officials: 'Officials',
    roles: 'Roles and permissions',
    audit: 'Audit trail',
    calendar: 'Working calendar',
    dossiers: 'Dossiers to handle',
    notifications: 'Alerts and reminders',
    counter: 'Counter reception',
    statistics: 'Figures and evaluation',
    procedures: 'Procedure catalogue',
    menu: 'Menu',
  },
  navDescriptions: {
    home: 'Overview of the workspace.',
    agencies: 'Agencies, their internal units and positions.',
    adminUnits: 'Province and communes as of any date, with merger history.',
    officials: 'Officials and their primary, concurrent and acting appointments.',
    roles: 'Role templates, their scope and the permissions positions grant.',
    audit: 'Who did what and when; verify the integrity of the trail.',
    calendar: 'Public holidays, days off in lieu, working days of the year and due-date previews.',
    dossiers: 'My and my agency’s dossiers by due date; due soon and overdue.',
    notifications:
      'Alerts on dossiers handed over late, consultations or liên thông past their deadlines, and reminders when a step’s time is nearly out.',
    counter: 'Enter paper dossiers, check completeness, print the receipt and appointment.',
    statistics: 'On-time, online, payment, digitisation and satisfaction rates; evaluation indices.',
    procedures: 'Administrative procedures, versions, components, fees and deadlines.',
  },
  actions: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    register: 'Register',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    search: 'Search',
    close: 'Close',
    retry: 'Try again',
    myAccount: 'My account',
    workspace: 'Workspace',
  },
  states: {
    loading: 'Loading…',
    empty: 'Nothing to show.',
  },
  paging: {
    label: 'Pages',
    summary: 'Showing {{from}}–{{to}} of {{total}}',
    previous: 'Previous page',
    next: 'Next page',
  },
  errors: {
    network: 'Could not reach the server. Please check your connection and try again.',
    unexpected: 'Something went wrong. Please try again later.',
    throttled: 'Too many attempts. Please wait a moment and try again.',
    invalidResponse: 'The server answered in an unexpected format. Please tell the administrator.',
    reference: 'Error reference: {{id}}',
    otherIssues: 'Other problems:',
  },
  form: {
    required: 'required',
    optional: 'optional',
  },
  notFound: {
    title: 'Page not found',
    body: 'The address you opened does not exist or has moved.',
    home: 'Go to the home page',
  },
  notAllowed: {
    title: 'You are not allowed to see this page',
    body: 'Your permissions come from your position. If you need this page, ask your agency’s administrator.',
    back: 'Back to the workspace home',
  },
  accountKind: {
    official: 'Official',
    citizen: 'Citizen',
  },
};
