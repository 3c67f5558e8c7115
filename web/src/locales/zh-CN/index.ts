// Chinese (default) messages, one file per module (the same files as ../en/). A new module adds
// <module>.ts in both languages and one line to each index; i18n.spec.ts checks the keys match.
import common from './common';
import session from './session';
import roster from './roster';
import dashboard from './dashboard';
import evaluation from './evaluation';
import indicators from './indicators';
import points from './points';
import training from './training';
import exchange from './exchange';

export default {
  ...common,
  ...session,
  ...roster,
  ...dashboard,
  ...evaluation,
  ...indicators,
  ...points,
  ...training,
  ...exchange,
};
