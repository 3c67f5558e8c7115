// 班子结构 dashboard — English.
// Typed by ../zh-CN/dashboard.ts, so a key missing or extra here fails the type check.
import type zh from '../zh-CN/dashboard';

const dashboard: typeof zh = {
  dashboard: {
    title: 'Team structure',
    scope: 'Scope',
    summary: '{count} people, average age {age}, {share}% with college education or above',
    male: 'Male',
    female: 'Female',
    pyramid: 'Age and gender',
    educationShares: 'Education',
    secretaryAges: "Secretaries' age bands",
    risks: 'Succession risks',
    risksHint: 'Secretary aged 57+ and no reserve cadre in the unit',
    secretary: 'Secretary',
    noRisk: 'No unit at risk',
    people: 'People',
  },
};

export default dashboard;
