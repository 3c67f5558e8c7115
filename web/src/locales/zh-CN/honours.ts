// 荣誉库 — Chinese (default).
// ../en/honours.ts has the same keys.
export default {
  honours: {
    menu: '荣誉库',
    name: '姓名',
    unit: '单位',
    title: '称号',
    level: '级别',
    year: '年度',
    source: '来源',
    levels: { province: '省级', city: '市级', county: '区县级', town: '镇街级' },
    sources: { contest: '擂台赛', campaign: '考核评选', manual: '文件' },
    countText: '{level}{title} {n} 人次（{since} 年起）',
    none: '暂无荣誉记录',
    add: '登记称号',
    added: '已登记',
    documentNo: '文号',
    documentHint: '如：柯组〔2025〕12号',
    personRequired: '请选择获得者',
  },
};
