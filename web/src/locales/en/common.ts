// The app shell, menu, errors and common words — English.
// Typed by ../zh-CN/common.ts, so a key missing or extra here fails the type check.
import type zh from '../zh-CN/common';

const common: typeof zh = {
  app: {
    name: 'Lingyan',
    fullName: 'Lingyan · Grassroots Party Secretary Workforce',
    slogan: 'Grow the lead geese, build strong teams',
    language: 'Language',
    logout: 'Log out',
    toggleMenu: 'Toggle menu',
    home: 'Home',
  },
  menu: {
    roster: 'Roster',
    units: 'Units',
    people: 'People',
    dashboard: 'Team Structure',
    exchange: 'Import / Export',
    evaluation: 'Evaluation',
    campaigns: 'Campaigns',
    metrics: 'Economic metrics',
    points: 'Points',
    training: 'Training',
  },
  errors: {
    network: 'Network error, please retry later',
    forbidden: 'You are not allowed to do this',
    notFound: 'Not found, or outside your scope',
    csrf: 'Session check failed; reload the page and retry',
    server: 'Server error; please contact the administrator',
    tooLarge: 'The file is too large',
    conflict: 'Conflict: the record exists or its state changed',
    unknown: 'The operation failed',
    pageNotFound: 'Page not found',
    pageNotFoundHint: 'The page does not exist or is outside your scope.',
    backHome: 'Back to home',
  },
  common: {
    search: 'Search',
    reset: 'Reset',
    save: 'Save',
    cancel: 'Cancel',
    edit: 'Edit',
    delete: 'Delete',
    create: 'New',
    back: 'Back',
    yes: 'Yes',
    no: 'No',
    loading: 'Loading…',
    empty: 'No data',
    actions: 'Actions',
    confirmDelete: 'Delete this record?',
    deleted: 'Deleted',
    saved: 'Saved',
    total: '{n} in total',
    all: 'All',
    unitScope: 'Scope',
    selectUnit: 'Select a unit',
  },
};

export default common;
