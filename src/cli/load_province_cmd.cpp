// load-province: generates the province data set (storage/bulk/province_load.hpp) and loads it
// into an empty PostgreSQL database with COPY; one line per phase with rows and seconds.
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "storage/bulk/province_load.hpp"
#include "storage/db/sql_db.hpp"

namespace lingyan::cli {

namespace {

struct LoadOptions {
    std::string db;
    storage::ProvinceLoadOptions load;
};

std::string Fixed(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

void AddLoadProvinceCommand(CLI::App& app, CommandContext& ctx) {
    auto o = std::make_shared<LoadOptions>();
    auto* cmd = app.add_subcommand("load-province",
                                   "生成省级数据集（约 2 万单位、400 万党员、8000 万条积分事件 × scale）并用 COPY 装入空的 PostgreSQL 库");
    cmd->add_option("--db", o->db, "PostgreSQL：postgresql://… 或 host=… dbname=…（须为空库；先迁移）")->required();
    cmd->add_option("--scale", o->load.scale, "规模，1.0 为全省")->capture_default_str();
    cmd->add_option("--seed", o->load.seed, "随机种子（同规模同种子生成同样数据）")->capture_default_str();
    cmd->add_option("--year", o->load.year, "积分事件所在年度")->capture_default_str();
    cmd->add_option("--jobs", o->load.jobs, "同时写入积分事件的连接数")->capture_default_str();
    cmd->callback([o, &ctx] {
        const bool postgres = o->db.starts_with("postgres") || o->db.find("dbname=") != std::string::npos;
        if (!postgres) {
            std::cerr << "load-province: --db 须为 PostgreSQL 连接（postgresql://… 或 host=… dbname=…）\n";
            ctx.exit_code = kExitBadInput;
            return;
        }
        if (auto error = storage::ProvinceLoadOptionsError(o->load); !error.empty()) {
            std::cerr << "load-province: --" << error << "\n";
            ctx.exit_code = kExitBadInput;
            return;
        }
        try {
            auto report = storage::LoadProvince(o->db, o->load, [](const storage::ProvinceLoadPhase& p) {
                std::cout << "  " << p.name << ": " << p.rows << " 行，" << Fixed(p.seconds) << " s" << std::endl;
            });
            std::cout << "装入 " << report.units << " 个单位、" << report.party_orgs << " 个党组织、" << report.people
                      << " 名党员、" << report.events << " 条积分事件，共 " << Fixed(report.seconds) << " s\n";
        } catch (const storage::StoreError& e) {
            std::cerr << "load-province: " << e.what() << "\n";
            ctx.exit_code = kExitFailure;
        }
    });
}

}  // namespace lingyan::cli
