// Login and role names — Chinese (default).
// ../en/session.ts has the same keys.
export default {
  roles: {
    admin: '系统管理员',
    county: '区县组织部',
    town: '镇街党(工)委',
    secretary: '村/社区书记',
    judge: '评委',
    member: '党员',
  },
  login: {
    title: '用户登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    failed: '用户名或密码错误',
    rateLimited: '登录失败次数过多，请 15 分钟后再试',
    expired: '登录已过期，请重新登录',
  },
};
