// serve, migrate, user add|passwd|disable|enable|role|list, audit verify.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "demo/arena_demo.hpp"
#include "demo/cases_demo.hpp"
#include "demo/demo.hpp"
#include "demo/evaluation_demo.hpp"
#include "demo/jiangyan_demo.hpp"
#include "demo/keqiao_demo.hpp"
#include "demo/training_demo.hpp"
#include "demo/personnel_demo.hpp"
#include "demo/points_demo.hpp"
#include "demo/projects_demo.hpp"
#include "demo/tickets_demo.hpp"
#include "cli/commands.hpp"
#include "main/composition.hpp"
#include "http/server/log_format.hpp"
#include "http/server/server.hpp"
#include "storage/db/migrations.hpp"

namespace lingyan::cli {

using composition::kDefaultDb;
using composition::Runtime;

namespace {

struct ServeOptions {
    std::string db = kDefaultDb;
    std::string bind = "127.0.0.1";
    unsigned short port = 8080;
    bool demo = false;
    std::string web_root;
    int threads = 2;
    bool quiet = false;
    std::string ladder = "4x15";
    bool secure_cookies = false;
    std::string trusted_proxy;
    std::string metrics_token_file;
    std::string audit_key;
    std::string data_dir;
    std::string log_format = "text";
    storage::PoolOptions pool;
    int checkout_ms = 2000;
};

struct UserOptions {
    std::string db = kDefaultDb;
    std::string username, role, scope, display_name;
    std::string password;
};

// The web app's build folder: --web, else web/dist next to the working directory or the binary.
// The /metrics token: the first line of `file`, else LINGYAN_METRICS_TOKEN, else "" (no /metrics).
// Never a command-line value, which other users of the machine could read from the process list.
std::string MetricsToken(const std::string& file) {
    std::string token;
    if (!file.empty()) {
        std::ifstream in(file);
        if (!in) throw std::runtime_error("无法读取 --metrics-token-file: " + file);
        std::getline(in, token);
    } else if (const char* env = std::getenv("LINGYAN_METRICS_TOKEN")) {
        token = env;
    }
    while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.pop_back();
    if (!token.empty() && token.size() < 16) throw std::runtime_error("/metrics 令牌至少 16 个字符");
    return token;
}

// The unit named by --scope (its 12-digit code or its name); 0 for "" (the whole deployment),
// nullopt when no unit matches.
std::optional<core::roster::Id> ScopeUnit(Runtime& rt, const std::string& text) {
    if (text.empty()) return core::roster::Id{0};
    rt.roster->Reload();
    core::roster::Id scope = 0;
    rt.roster->WithIndex([&](const core::roster::RosterIndex& idx) {
        for (const auto& u : idx.tree().units())
            if (u.code == text || u.name == text) scope = u.id;
    });
    if (scope == 0) return std::nullopt;
    return scope;
}

std::string FindWebRoot(const std::string& flag) {
    if (!flag.empty()) return flag;
    namespace fs = std::filesystem;
    std::vector<fs::path> candidates = {"web/dist"};
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path())
            candidates.push_back(dir / "web/dist");
    }
    for (const auto& c : candidates)
        if (fs::exists(c / "index.html")) return fs::absolute(c).string();
    return {};
}

// Reads a password from the LINGYAN_PASSWORD variable or from stdin (one line).
std::string ReadPassword(const std::string& flag) {
    if (!flag.empty()) return flag;
    if (const char* env = std::getenv("LINGYAN_PASSWORD")) return env;
    if (isatty(STDIN_FILENO)) std::cerr << "密码: " << std::flush;
    std::string line;
    std::getline(std::cin, line);
    return line;
}

template <typename Fn>
void Guard(CommandContext& ctx, Fn&& fn) {
    try {
        fn();
    } catch (const std::exception& e) {
        std::cerr << "lingyan: " << e.what() << "\n";
        ctx.exit_code = kExitFailure;
    }
}

}  // namespace

void AddServeCommands(CLI::App& app, CommandContext& ctx) {
    auto serve_opts = std::make_shared<ServeOptions>();
    auto* serve = app.add_subcommand("serve", "启动 Web 服务（API 位于 /api/v1/，网页位于 /）");
    AddDbOption(serve, serve_opts->db);
    serve->add_option("--bind", serve_opts->bind, "监听地址")->capture_default_str();
    serve->add_option("--port", serve_opts->port, "端口（0 表示自动选择）")->capture_default_str();
    serve->add_flag("--demo", serve_opts->demo, "载入演示部署（示范单位与演示账号）");
    serve->add_option("--web", serve_opts->web_root, "前端构建目录（默认 web/dist）");
    serve->add_option("--threads", serve_opts->threads, "工作线程数")->capture_default_str();
    serve->add_option("--db-pool", serve_opts->pool.size,
                      "数据库连接数：PostgreSQL 为主库（及备库）的连接池大小；SQLite 为单写连接之外的 WAL 读连接数")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    serve->add_option("--db-pool-timeout-ms", serve_opts->checkout_ms,
                      "连接全部占用时请求最多等待的毫秒数，超时答 503")
        ->check(CLI::Range(1, 60000))
        ->capture_default_str();
    serve->add_option("--db-read", serve_opts->pool.read_url,
                      "PostgreSQL 流复制备库（postgresql://…）：看板、排行榜与列表从它读，写入与写后读走主库");
    serve->add_option("--db-read-max-lag", serve_opts->pool.read_max_lag_seconds,
                      "备库落后主库超过这么多秒时不用它（读回主库）")
        ->check(CLI::Range(0.0, 3600.0))
        ->capture_default_str();
    serve->add_flag("--quiet", serve_opts->quiet, "不输出每个请求的日志");
    serve->add_flag("--secure-cookies", serve_opts->secure_cookies, "会话 Cookie 加 Secure（经 HTTPS 或 TLS 反向代理提供服务时）");
    serve->add_option("--trusted-proxy", serve_opts->trusted_proxy,
                      "可信反向代理的网段（CIDR，如 127.0.0.1/32）；只有来自它的 X-Forwarded-For 才被采信");
    AddDataDirOption(serve, serve_opts->data_dir);
    AddAuditKeyOption(serve, serve_opts->audit_key);
    serve->add_option("--metrics-token-file", serve_opts->metrics_token_file,
                      "含 /metrics 访问令牌的文件（或环境变量 LINGYAN_METRICS_TOKEN）；未设置时不提供 /metrics");
    serve->add_option("--log-format", serve_opts->log_format, "日志格式：text 或 json（每行一个 JSON 对象，含每个请求的路由、状态与耗时）")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    serve->add_option("--ladder", serve_opts->ladder, "村干部等级体系：4x15（四岗十五级）或 3x18（三岗十八级）")
        ->capture_default_str();
    serve->callback([serve_opts, &ctx] {
        Guard(ctx, [&] {
            auto ladder = core::training::LadderByName(serve_opts->ladder);
            if (!ladder) {
                std::cerr << "lingyan: " << ladder.error().message << "\n";
                ctx.exit_code = kExitBadInput;
                return;
            }
            if (serve_opts->log_format == "json") http::UseJsonLogs();
            // A file-size limit (ulimit -f) must refuse a write, not kill the server.
            std::signal(SIGXFSZ, SIG_IGN);
            serve_opts->pool.checkout_timeout = std::chrono::milliseconds(serve_opts->checkout_ms);
            Runtime rt(serve_opts->db, serve_opts->audit_key, serve_opts->data_dir, serve_opts->pool);
            if (auto st = rt.ladder->SetLadder(*ladder); !st) throw std::runtime_error(st.error().message);
            std::vector<demo::DemoAccount> accounts;
            if (serve_opts->demo) accounts = demo::LoadDemo(*rt.store, rt.crypto, rt.clock);
            // Each step of the start that rebuilds a view from the database is logged with its time
            // (docs/运维手册.md: a province-size start).
            const auto timed = [](const char* what, auto&& step) {
                const auto began = std::chrono::steady_clock::now();
                step();
                spdlog::info("启动：{}，用时 {:.1f} s", what,
                             std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count());
            };
            rt.NoteFeedStart();  // PostgreSQL: what other servers write while the views load is applied after
            timed("人员名册索引", [&] { rt.roster->Reload(); });
            if (serve_opts->demo) demo::LoadDemoCampaigns(*rt.campaigns, *rt.roster);
            if (serve_opts->demo) demo::LoadDemoPersonCampaigns(*rt.campaigns, *rt.roster);
            if (serve_opts->demo) demo::LoadDemoIndicators(*rt.indicators, *rt.campaigns, *rt.roster);
            if (serve_opts->demo) {
                demo::LoadDemoPoints(*rt.points, *rt.roster, rt.crypto, {.now_iso = rt.clock.NowIso()});
                if (rt.store->FindUserByName("tangma")) accounts.push_back({"tangma", "secretary", "塘马村"});
            }
            if (serve_opts->demo) demo::LoadDemoEvidence(*rt.points_store, rt.store_mutex, *rt.roster, *rt.attachments);
            // One register: old points members get a roster person, every party member is a points member.
            app::OldMembersReport old;
            timed("积分党员与人员名册核对", [&] { old = rt.SyncPointsMembers(); });
            if (const auto built = rt.points->LastBuildReport(); built.from_snapshot)
                spdlog::info("积分榜由快照载入：其后计入 {} 条，快照缺少的党员 {} 人读全部账本", built.counted_since,
                             built.members_read);
            else if (!built.why_not.empty())
                spdlog::info("积分榜由全部账本统计（{}）", built.why_not);
            if (!old.lines.empty()) {
                spdlog::info("积分党员并入人员名册：匹配 {} 人，新建人员 {} 人，登记组织关系 {} 人，待处理 {} 人",
                             old.matched, old.created, old.joined, old.waiting);
                for (const auto& line : old.lines) spdlog::info("  {}", line);
            }
            if (serve_opts->demo) demo::LoadDemoTraining(*rt.store, *rt.roster, *rt.pools, *rt.programs, *rt.ladder, rt.clock);
            if (serve_opts->demo) demo::LoadDemoCountyTraining(*rt.store, *rt.roster, *rt.programs, rt.clock);
            if (serve_opts->demo)
                demo::LoadDemoTickets(*rt.store, *rt.ticket_store, rt.store_mutex, rt.clock, *rt.roster);
            if (serve_opts->demo)
                demo::LoadDemoProjects(*rt.store, *rt.project_store, *rt.ticket_store, rt.store_mutex, rt.clock,
                                       *rt.roster, *rt.campaigns);
            if (serve_opts->demo) demo::LoadDemoHonours(*rt.honours, *rt.campaigns, *rt.roster);
            if (serve_opts->demo) demo::LoadDemoCases(*rt.store, rt.store_mutex, *rt.cases);
            if (serve_opts->demo)
                demo::LoadDemoPersonnel(*rt.store, rt.store_mutex, *rt.decisions, *rt.nominations, *rt.campaigns,
                                        *rt.pools, *rt.roster);
            if (serve_opts->demo) {
                for (auto& a : demo::LoadDemoArena(*rt.store, rt.store_mutex, rt.crypto, rt.clock, *rt.roster,
                                                   *rt.campaigns, *rt.arena))
                    accounts.push_back(std::move(a));
                // 姜堰区, 临湖镇 and 灵湖村's work on the pages the modules' demos leave empty (after the
                // Keqiao contest, which keeps id 1).
                demo::LoadDemoLocalContests(*rt.store, *rt.arena_store, rt.store_mutex, rt.crypto, rt.clock, *rt.roster,
                                            *rt.campaigns, *rt.arena);
                demo::LoadDemoLocalTickets(*rt.store, *rt.ticket_store, rt.store_mutex, rt.clock, *rt.roster);
                demo::LoadDemoLocalTraining(*rt.store, *rt.roster, *rt.programs, *rt.ladder, rt.clock);
                demo::LoadDemoKeqiao({*rt.store, rt.store_mutex, rt.clock, *rt.roster, *rt.campaigns, *rt.honours,
                                      *rt.indicators, *rt.decisions, *rt.nominations, *rt.points, *rt.ticket_store,
                                      *rt.project_store, *rt.pools, *rt.programs, *rt.ladder});
                std::cout << "演示账号（密码均为 " << demo::kDemoPassword << "）：\n";
                for (const auto& a : accounts)
                    std::cout << "  " << a.username << "\t角色 " << a.role << "\t范围 " << a.scope_name << "\n";
                std::cout << std::flush;
            }
            rt.StartChangeFeed();  // PostgreSQL: other servers' writes reach this one's views
            http::Services& services = rt.Services();
            services.settings.secure_cookies = serve_opts->secure_cookies;
            services.settings.metrics_token = MetricsToken(serve_opts->metrics_token_file);
            http::ServerConfig cfg;
            cfg.bind = serve_opts->bind;
            cfg.port = serve_opts->port;
            cfg.web_root = FindWebRoot(serve_opts->web_root);
            cfg.threads = serve_opts->threads;
            cfg.access_log = !serve_opts->quiet;
            cfg.trusted_proxy = serve_opts->trusted_proxy;
            cfg.on_listening = [](unsigned short port) {
                std::cout << "listening on port " << port << std::endl;
            };
            if (cfg.web_root.empty()) spdlog::warn("未找到前端构建（web/dist），只提供 API");
            // Anchor the audit head outside the table every 30 s while serving (and at exit), and
            // keep the points boards' snapshots (PointsService::KeepBoardSnapshots: written after a
            // build, brought forward hourly). A jthread: it is stopped and joined however RunServer
            // ends, an exception included.
            std::mutex anchor_mutex;
            std::condition_variable_any anchor_wake;
            std::jthread anchor([&](std::stop_token stop) {
                std::unique_lock lock(anchor_mutex);
                while (!anchor_wake.wait_for(lock, stop, std::chrono::seconds(30),
                                             [&stop] { return stop.stop_requested(); })) {
                    try {
                        rt.AnchorAudit();
                    } catch (const std::exception& e) {
                        spdlog::error("审计锚点写入失败: {}", e.what());
                    }
                    try {
                        if (const auto kept = rt.points->KeepBoardSnapshots(); !kept.empty()) spdlog::info("{}", kept);
                    } catch (const std::exception& e) {
                        spdlog::error("积分榜快照未能保存: {}", e.what());
                    }
                }
            });
            http::RunServer(cfg, services);
        });
    });

    auto db = std::make_shared<std::string>(kDefaultDb);
    auto* migrate = app.add_subcommand("migrate", "应用数据库迁移");
    AddDbOption(migrate, *db);
    migrate->callback([db, &ctx] {
        Guard(ctx, [&] {
            Runtime rt(*db);
            std::cout << "已应用 " << rt.migrations_applied << " 个迁移，当前版本 " << rt.store->SchemaVersion() << "/"
                      << storage::LatestSchemaVersion() << "\n";
        });
    });

    auto uo = std::make_shared<UserOptions>();
    auto* user = app.add_subcommand("user", "账号管理：add、passwd、list");
    user->require_subcommand(1);
    auto* add = user->add_subcommand("add", "新增账号（密码从 LINGYAN_PASSWORD 或标准输入读取）");
    add->add_option("username", uo->username, "用户名")->required();
    add->add_option("--role", uo->role, "角色：admin county town secretary judge member")->required();
    add->add_option("--scope", uo->scope, "管辖单位的区划代码或名称（admin 可省略，表示全部）");
    add->add_option("--name", uo->display_name, "显示名称");
    AddDbOption(add, uo->db);
    add->callback([uo, &ctx] {
        Guard(ctx, [&] {
            Runtime rt(uo->db);
            rt.roster->Reload();
            auto scope = ScopeUnit(rt, uo->scope);
            if (!scope) {
                std::cerr << "lingyan: --scope: 找不到单位 " << uo->scope << "\n";
                ctx.exit_code = kExitBadInput;
                return;
            }
            if (uo->scope.empty() && uo->role != "admin") {
                std::cerr << "lingyan: --scope: 非 admin 账号必须指定管辖单位\n";
                ctx.exit_code = kExitBadInput;
                return;
            }
            auto created = rt.auth->AddUser(uo->username, uo->display_name, uo->role, *scope, ReadPassword(uo->password));
            if (!created) {
                std::cerr << "lingyan: " << created.error().field << ": " << created.error().message << "\n";
                ctx.exit_code = kExitBadInput;
                return;
            }
            std::cout << "已新增账号 " << created->username << "（" << created->role << "）\n";
        });
    });
    auto* passwd = user->add_subcommand("passwd", "修改密码（新密码从 LINGYAN_PASSWORD 或标准输入读取）");
    passwd->add_option("username", uo->username, "用户名")->required();
    AddDbOption(passwd, uo->db);
    passwd->callback([uo, &ctx] {
        Guard(ctx, [&] {
            Runtime rt(uo->db);
            auto st = rt.auth->SetPassword(uo->username, ReadPassword(uo->password));
            if (!st) {
                std::cerr << "lingyan: " << st.error().message << "\n";
                ctx.exit_code = kExitBadInput;
                return;
            }
            std::cout << "已修改 " << uo->username << " 的密码\n";
        });
    });
    // user disable|enable NAME, user role NAME ROLE [--scope UNIT]: each ends the account's sessions.
    for (const bool active : {false, true}) {
        auto* cmd = user->add_subcommand(active ? "enable" : "disable",
                                         active ? "启用账号" : "停用账号（立即结束其全部会话）");
        cmd->add_option("username", uo->username, "用户名")->required();
        AddDbOption(cmd, uo->db);
        cmd->callback([uo, &ctx, active] {
            Guard(ctx, [&] {
                Runtime rt(uo->db);
                auto st = rt.auth->SetActive(uo->username, active);
                if (!st) {
                    std::cerr << "lingyan: " << st.error().message << "\n";
                    ctx.exit_code = kExitBadInput;
                    return;
                }
                std::cout << (active ? "已启用 " : "已停用 ") << uo->username << "\n";
            });
        });
    }
    auto* role = user->add_subcommand("role", "修改角色与管辖范围（立即结束其全部会话）");
    role->add_option("username", uo->username, "用户名")->required();
    role->add_option("role", uo->role, "角色：admin county town secretary judge member")->required();
    role->add_option("--scope", uo->scope, "管辖单位的区划代码或名称（admin 可省略，表示全部）");
    AddDbOption(role, uo->db);
    role->callback([uo, &ctx] {
        Guard(ctx, [&] {
            Runtime rt(uo->db);
            auto scope = ScopeUnit(rt, uo->scope);
            if (!scope) {
                std::cerr << "lingyan: --scope: 找不到单位 " << uo->scope << "\n";
                ctx.exit_code = kExitBadInput;
                return;
            }
            auto st = rt.auth->SetRole(uo->username, uo->role, *scope);
            if (!st) {
                std::cerr << "lingyan: " << st.error().message << "\n";
                ctx.exit_code = kExitBadInput;
                return;
            }
            std::cout << "已修改 " << uo->username << " 的角色与范围\n";
        });
    });

    auto* list = user->add_subcommand("list", "列出账号");
    AddDbOption(list, uo->db);
    list->callback([uo, &ctx] {
        Guard(ctx, [&] {
            Runtime rt(uo->db);
            std::cout << "username\trole\tscope_unit_id\tdisplay_name\n";
            for (const auto& u : rt.auth->ListUsers())
                std::cout << u.username << "\t" << u.role << "\t" << u.scope_unit_id << "\t" << u.display_name << "\n";
        });
    });

    auto key = std::make_shared<std::string>();
    auto* audit = app.add_subcommand("audit", "审计日志：verify 校验哈希链与锚点，head 打印末条");
    audit->require_subcommand(1);
    auto* verify = audit->add_subcommand("verify", "校验审计日志哈希链是否完整");
    AddDbOption(verify, *db);
    AddAuditKeyOption(verify, *key);
    verify->callback([db, key, &ctx] {
        Guard(ctx, [&] {
            Runtime rt(*db, *key);
            const auto report = rt.audit->Verify(core::auth::Actor{0, "cli", core::auth::Role::kAdmin, 0});
            if (!report) throw std::runtime_error(report.error().message);
            if (!report->intact) {
                std::cerr << "lingyan: " << report->problem << "\n";
                ctx.exit_code = kExitFailure;
                return;
            }
            std::cout << "审计日志完整：共 " << report->checked << " 条，末条哈希 " << report->head_hash << "，核对锚点 "
                      << report->anchors << " 个\n";
        });
    });
    auto* head = audit->add_subcommand("head", "打印审计日志的末条序号与哈希（供抄录备查）");
    AddDbOption(head, *db);
    AddAuditKeyOption(head, *key);
    head->callback([db, key, &ctx] {
        Guard(ctx, [&] {
            Runtime rt(*db, *key);
            auto last = rt.store->LastAudit();
            if (!last) {
                std::cout << "0\n";
                return;
            }
            std::cout << last->seq << " " << last->hash << " " << last->at << "\n";
        });
    });
}

}  // namespace lingyan::cli
