// English messages, one file per module (the same files as ../zh-CN/).
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
