import type { Locale } from '../core/i18n/index.js';

export const HELP: Record<Locale, string> = {
  'zh-CN': `rackpact — IDC 服务器托管合同管理系统

用法: rackpact <命令> [参数]

命令:
  serve                         启动服务（内嵌数据库；设置 DATABASE_URL 则使用 PostgreSQL）
  migrate                       执行数据库迁移
  user create --login L --name N --kind staff|customer --roles r1,r2 [--customer ID] --password P
                                创建用户
  user disable <登录名>          停用用户（立即结束其会话）
  user reset-password <登录名>   重置为临时密码并显示一次
  demo seed                     载入演示数据（已存在则跳过）
  audit verify                  校验审计日志哈希链及全部锚点，发现断链、截断或改写时以非零状态退出
  audit anchor                  立即签署审计链当前链头，写入 DATA_DIR/audit-anchors/
  backup <文件> [--no-files]      备份数据库及文件存储（内嵌库请先停止服务）
  restore <文件> [--force] [--no-files]  从备份恢复数据库及文件
  files verify                  列出数据库引用但存储中缺失、或内容与哈希不符的文件
  calc <子命令>                  合同规则计算（rackpact calc --help）
  calendar load <文件.json>      导入国务院公布的某年节假日安排（JSON 格式见 README），并重算暂定期限
  calendar show <年份>           按月显示该年工作日历（暂定年份标明“暂”）
  import netbox [--dry-run] [--mapping 映射.json] <目录>  导入 NetBox 3.x/4.x 的 CSV（sites/racks/prefixes/devices/interfaces/ip-addresses，导入或导出列名），逐行报告新建/未变/忽略/拒绝
  gate export [--dir 目录]       按已核验的域名清单生成 nginx 接入网关文件（不重载）
  gate apply [--force]          生成网关文件，nginx -t 检查通过后重载；失败则保留原网关
  regulator export --dir 目录 [--full | --since 时刻]  导出监管基础数据（全量或自上次确认后的增量，XML+CSV 压缩包含 SHA-256 清单）；校验不通过则列出全部问题、不生成文件
  regulator ack <导出ID> --code 结果码 | regulator reject <导出ID> --code 结果码 --reason 原因  登记管局回执
  regulator reconcile           按网关日志与解析结果对账（每日任务同样执行）
  compensation recompute        按全部中断记录重算每份合同的补偿明细（第 7.2 条）
  evidence <客户ID或统一社会信用代码> --out 文件.zip  导出客户证据包（中文摘要 PDF、原始文件、审计摘录、SHA-256 清单及审计锚定密钥签名）
  evidence verify <文件.zip>     校验证据包：清单中每个文件的 SHA-256 与清单签名

环境变量: PORT HOST DATA_DIR FILES_DIR DATABASE_URL MIGRATION_DATABASE_URL AUDIT_ANCHOR_KEY PUBLIC_URL SMTP_URL SESSION_SECRET LOG_LEVEL LOG_FORMAT DEMO_DATA JOBS GATE_DIR NGINX_BIN GATE_HTTP_LISTEN GATE_HTTPS_LISTEN GATE_TEMPLATE GATE_APPLY IDEMPOTENCY_LEASE_SECONDS CALENDAR_HORIZON_YEARS
语言: 设置 LANG=en_US.UTF-8 或 RACKPACT_LANG=en 显示英文`,
  en: `rackpact — IDC server colocation, run as its contract says

Usage: rackpact <command> [options]

Commands:
  serve                         Start the server (embedded database; PostgreSQL when DATABASE_URL is set)
  migrate                       Apply database migrations
  user create --login L --name N --kind staff|customer --roles r1,r2 [--customer ID] --password P
                                Create a user
  user disable <login>          Disable a user (their sessions end at once)
  user reset-password <login>   Set a temporary password and print it once
  demo seed                     Load demo data (skipped when present)
  audit verify                  Verify the audit hash chain and every anchor; exits non-zero at the first broken, missing or rewritten row
  audit anchor                  Sign the chain's head now into DATA_DIR/audit-anchors/
  backup <file> [--no-files]    Back up the database and the file store (stop the server first on the embedded database)
  restore <file> [--force] [--no-files]  Restore the database and the files from a backup
  files verify                  List files the database names that are missing from the store or whose bytes changed
  calc <subcommand>             Contract rule calculations (rackpact calc --help)
  calendar load <file.json>     Load a year's official State Council holiday schedule (JSON, see README); recomputes provisional dates
  calendar show <year>          Print the year as month grids (provisional days marked 暂)
  import netbox [--dry-run] [--mapping map.json] <dir>  Import NetBox 3.x/4.x CSV (sites/racks/prefixes/devices/interfaces/ip-addresses, import or export column names), each row create/unchanged/ignored/refused
  gate export [--dir DIR]       Write the nginx gate files from the verified domain list (no reload)
  gate apply [--force]          Write the gate files, nginx -t, reload; a failed test keeps the previous gate
  regulator export --dir DIR [--full | --since INSTANT]  Export the regulator's basic data (full, or the changes since the last acknowledged export; XML+CSV zipped with a SHA-256 manifest); a failed check lists every problem and writes nothing
  regulator ack <export-id> --code CODE | regulator reject <export-id> --code CODE --reason TEXT  Record the regulator's answer
  regulator reconcile           Reconcile the gate's log and DNS against the register (the daily job does the same)
  compensation recompute        Recompute every contract's compensation ledger from its interruptions (7.2)
  evidence <customer-id or USCC> --out FILE.zip  Write the customer's evidence pack (Chinese PDF summary, stored files, audit extract, SHA-256 manifest signed with the audit anchor key)
  evidence verify <FILE.zip>    Check an evidence pack: every file's SHA-256 in the manifest and the manifest's signature

Environment: PORT HOST DATA_DIR FILES_DIR DATABASE_URL MIGRATION_DATABASE_URL AUDIT_ANCHOR_KEY PUBLIC_URL SMTP_URL SESSION_SECRET LOG_LEVEL LOG_FORMAT DEMO_DATA JOBS GATE_DIR NGINX_BIN GATE_HTTP_LISTEN GATE_HTTPS_LISTEN GATE_TEMPLATE GATE_APPLY IDEMPOTENCY_LEASE_SECONDS CALENDAR_HORIZON_YEARS
Language: LANG=en_US.UTF-8 or RACKPACT_LANG=en for English`,
};
