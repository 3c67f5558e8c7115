// Workbench — English.
// Typed by ../zh-CN/workbench.ts, so a key missing or extra here fails the type check.
import type zh from '../zh-CN/workbench';

const workbench: typeof zh = {
  workbench: {
    menu: 'Workbench',
    hello: 'Hello, {name}',
    waiting: '{n} items are waiting for you',
    nothingWaiting: 'Nothing is waiting for you now',
    todo: 'To do',
    overview: 'Overview',
    cards: {
      tasks_red: 'Overdue tasks (red)',
      tasks_yellow: 'Stalled tasks (yellow)',
      tasks_blue: 'Tasks due within a day (blue)',
      points_approvals: 'Points declarations to approve',
      projects_to_confirm: 'Project claims to confirm',
      projects_to_report: 'Projects in progress (report progress)',
      campaigns_scoring: 'Campaigns being scored',
      campaigns_published: 'Published campaign results',
      campaigns_to_score: 'Campaigns to score',
      campaign_followups: 'Open follow-ups',
      contests_to_host: 'Contests to host',
      contests_to_judge: 'Contests to judge',
      pool_nominated: 'Talent pool nominees to select',
      pool_in_training: 'Talent pool in training',
      tangping_pending: 'Lying-flat nominations to review',
      programs_running: 'Training programs running',
      placement_followups_due: 'Placement follow-up items due',
      accounts_attention: 'Accounts on an issued password',
      my_pending: 'My declarations awaiting the branch',
      my_rejected: 'My declarations sent back',
      my_approved: 'My approved points records',
      member_not_linked: 'This account is not linked to a points record yet (ask your branch secretary)',
    },
  },
};

export default workbench;
