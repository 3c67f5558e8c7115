// 工作台 — Chinese (default). ../en/workbench.ts has the same keys. A card the server sends with a
// key missing here shows the server's title.
export default {
  workbench: {
    menu: '工作台',
    hello: '您好，{name}',
    waiting: '共有 {n} 项工作等待您处理',
    nothingWaiting: '目前没有等待您处理的工作',
    todo: '待办',
    overview: '概况',
    cards: {
      points_approvals: '待审核的积分申报',
      projects_to_confirm: '待确认的揭榜',
      projects_to_report: '推进中的项目（待报告进展）',
      campaigns_scoring: '评分中的考核活动',
      campaigns_published: '已发布的考核结果',
      campaigns_to_score: '待评分的考核活动',
      campaign_followups: '未完成的整改跟进',
      contests_to_host: '待主持的擂台赛',
      contests_to_judge: '待评分的擂台赛',
      pool_nominated: '人才库待遴选人选',
      pool_in_training: '人才库培养中',
      programs_running: '进行中的跟岗培育项目',
      placement_followups_due: '到期未完成的跟岗整改事项',
      accounts_attention: '待修改初始密码的账号',
      my_pending: '待支部审核的申报',
      my_rejected: '被退回的申报',
      my_approved: '已通过的积分记录',
      member_not_linked: '账号尚未关联党员积分档案（请联系支部书记）',
    },
  },
};
