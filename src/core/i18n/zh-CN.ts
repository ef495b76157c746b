/** 简体中文 — the default language. Keys are shared with en.ts; a test keeps the two complete. */
export const zhCN = {
  // errors (same keys as ErrorCode)
  VALIDATION_FAILED: '输入有误，请检查标出的字段',
  MALFORMED_REQUEST: '请求格式错误：{detail}',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型：{type}',
  INVALID_INPUT: '输入无效：{reason}',
  NOT_AUTHENTICATED: '请先登录',
  INVALID_CREDENTIALS: '登录名或密码错误',
  CSRF_FAILED: '请求校验失败（CSRF），请刷新页面后重试',
  FORBIDDEN: '您没有执行此操作的权限',
  TOKEN_SCOPE_MISSING: 'API 令牌缺少所需权限范围：{scope}',
  NOT_FOUND: '未找到所请求的记录',
  CONFLICT: '与现有数据冲突：{detail}',
  LOGIN_TAKEN: '登录名“{login}”已被使用',
  USCC_TAKEN: '统一社会信用代码 {uscc} 已登记在其他客户名下',
  STALE_VERSION: '该记录已被他人修改，请刷新后再保存',
  PASSWORD_WRONG: '当前密码不正确',
  PASSWORD_TOO_WEAK: '密码至少 {min} 位，且不能与登录名相同',
  CALENDAR_NOT_COVERED: '工作日历未覆盖 {year} 年，请先导入国务院公布的该年节假日安排',
  RULE_VIOLATION: '{message}',
  LOGIN_LOCKED: '失败次数过多，账户已临时锁定，请于 {minutes} 分钟后再试',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  PAYLOAD_TOO_LARGE: '上传内容过大',
  INTERNAL: '服务器内部错误，请联系管理员（请求编号 {requestId}）',
  // field reasons
  'field.required': '必填',
  'field.invalid': '格式无效',
  'field.unknownCustomer': '客户不存在',
  'field.rolesForKind': '角色 {role} 不适用于此类用户',
  'field.customerRequired': '客户用户必须指定所属客户',
  'field.customerNotAllowed': '员工用户不能指定客户',
  // config / cli
  'config.invalid': '配置错误：环境变量 {name}：{reason}',
  'cli.unknownCommand': '未知命令：{command}。运行 rackpact --help 查看用法',
  'cli.missingArgument': '缺少参数：{name}',
} as const;

export type MessageKey = keyof typeof zhCN;
