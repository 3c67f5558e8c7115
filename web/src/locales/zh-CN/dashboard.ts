// 班子结构 dashboard — Chinese (default).
// ../en/dashboard.ts has the same keys.
export default {
  dashboard: {
    title: '班子结构分析',
    scope: '统计范围',
    summary: '共 {count} 人，平均年龄 {age} 岁，大专及以上学历占 {share}%',
    male: '男',
    female: '女',
    pyramid: '年龄性别结构',
    educationShares: '学历结构',
    secretaryAges: '书记年龄段分布',
    risks: '接班风险单位',
    risksHint: '书记年龄 57 岁及以上且本单位无后备干部',
    secretary: '书记',
    noRisk: '暂无接班风险单位',
    people: '人数',
  },
};
