// Login and role names — English.
// Typed by ../zh-CN/session.ts, so a key missing or extra here fails the type check.
import type zh from '../zh-CN/session';

const session: typeof zh = {
  roles: {
    admin: 'System administrator',
    county: 'County Organization Dept.',
    town: 'Town Party Committee',
    secretary: 'Village/Community Secretary',
    judge: 'Judge',
    member: 'Party Member',
  },
  login: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    usernameRequired: 'Please enter the username',
    passwordRequired: 'Please enter the password',
    failed: 'Wrong username or password',
    rateLimited: 'Too many failed attempts; try again in 15 minutes',
    expired: 'Your session has expired; please sign in again',
  },
};

export default session;
