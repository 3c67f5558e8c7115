// TrainingService, part two: the 四岗十五级 ladder per person (history, promotion check, the
// yearly evaluation run) and the bonus pool split per unit and period. The rules are
// core/pipeline/ladder and core/pipeline/bonus_pool; this file reads the roster and the store,
// checks scope, and writes all-or-nothing with one audit entry per change.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "app/common/use_case.hpp"
#include "app/audit/audit_service.hpp"
#include "app/training/ladder_service.hpp"
#include "core/common/date.hpp"
#include "core/text/json_escape.hpp"

namespace lingyan::app {

namespace ports = core::ports;

namespace training = core::training;

namespace {

constexpr std::size_t kMaxPeriodBytes = 32;

std::vector<training::LevelRecord> CoreHistory(const std::vector<ports::LadderStepRecord>& steps) {
    std::vector<training::LevelRecord> out;
    for (const auto& s : steps) out.push_back(training::LevelRecord{s.post, s.level, s.effective_date, s.reason});
    return out;
}

// The step in force on `as_of` (the last effective on or before it).
std::optional<ports::LadderStepRecord> StepOn(const std::vector<ports::LadderStepRecord>& steps, const std::string& as_of) {
    std::optional<ports::LadderStepRecord> out;
    for (const auto& s : steps)
        if (s.effective_date <= as_of) out = s;
    return out;
}

std::string StepJson(const ports::LadderStepRecord& s) {
    return "{\"post\":" + JsonQuote(s.post) + ",\"level\":" + std::to_string(s.level) +
           ",\"effective_date\":" + JsonQuote(s.effective_date) + ",\"reason\":" + JsonQuote(s.reason) + "}";
}

}  // namespace

Status LadderService::SetLadder(training::LadderConfig config) {
    if (auto st = training::ValidateLadder(config); !st) return st;
    ladder_ = std::move(config);
    return core::Ok();
}

Result<LadderList> LadderService::Ladder(const Actor& actor, Id unit, const std::string& as_of_in, bool graded_only) {
    const std::string as_of = as_of_in.empty() ? clock_.Today() : as_of_in;
    if (!core::ParseIsoDate(as_of)) return Invalid("日期应为 YYYY-MM-DD：" + as_of, "as_of");
    const Id root = unit != 0 ? unit : actor.scope_unit_id;
    if (!core::auth::CanReadRoster(actor.role)) return NotFound("单位");
    // Who is under the unit first, then only their steps: a county reads its own cadres'
    // history, not the whole province's (a very large subtree reads everything in one go).
    constexpr std::size_t kReadAllAbove = 20000;
    std::vector<Id> under;
    bool visible = false;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        if (root != 0 && (!tree.Find(root) || !core::auth::InScope(tree, actor, root))) return;
        if (root == 0 && actor.role != core::auth::Role::kAdmin) return;
        visible = true;
        if (root != 0) index.ForEachPersonUnder(root, [&](const core::roster::Person& p) { under.push_back(p.id); });
    });
    if (!visible) return NotFound("单位");
    std::unordered_map<Id, std::vector<ports::LadderStepRecord>> steps;
    {
        std::lock_guard lock(store_mutex_);
        auto rows = root == 0 || under.size() > kReadAllAbove ? training_.ListAllLadderSteps()
                                                              : training_.ListLadderStepsOfPeople(under);
        for (auto& s : rows) steps[s.person_id].push_back(std::move(s));
    }
    LadderList out;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        // The roster may have changed in between: the scope is checked again.
        if (root != 0 && (!tree.Find(root) || !core::auth::InScope(tree, actor, root))) return;
        auto add = [&](const core::roster::Person& p) {
            ++out.people;
            std::optional<ports::LadderStepRecord> current;
            if (auto it = steps.find(p.id); it != steps.end()) current = StepOn(it->second, as_of);
            if (current)
                ++out.graded;
            else if (graded_only)
                return;
            LadderPersonView v;
            v.person_id = p.id;
            v.unit_id = p.unit_id;
            v.name = p.name;
            if (const auto* u = tree.Find(p.unit_id)) v.unit_name = u->name;
            v.current = std::move(current);
            if (v.current)
                if (auto band = training::PayBandFor(ladder_, v.current->level)) v.pay = *band;
            out.items.push_back(std::move(v));
        };
        if (root != 0)
            index.ForEachPersonUnder(root, add);
        else
            index.ForEachPerson(add);
    });
    // Graded people first (highest level first), then by id: a stable order for the page.
    std::sort(out.items.begin(), out.items.end(), [](const LadderPersonView& a, const LadderPersonView& b) {
        const int la = a.current ? a.current->level : 0, lb = b.current ? b.current->level : 0;
        if (la != lb) return la > lb;
        return a.person_id < b.person_id;
    });
    return out;
}

Result<LadderPersonView> LadderService::PersonLadder(const Actor& actor, Id person_id, const std::string& as_of_in,
                                                       const std::string& grade_name) {
    const std::string as_of = as_of_in.empty() ? clock_.Today() : as_of_in;
    if (!core::ParseIsoDate(as_of)) return Invalid("日期应为 YYYY-MM-DD：" + as_of, "as_of");
    std::optional<training::Grade> grade;
    if (!grade_name.empty()) {
        auto g = training::GradeFromName(grade_name);
        if (!g) return g.error();
        grade = *g;
    }
    LadderPersonView v;
    bool visible = false;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto* p = index.FindPerson(person_id);
        if (!p || !core::auth::CanReadRoster(actor.role) || !core::auth::InScope(index.tree(), actor, p->unit_id))
            return;
        visible = true;
        v.person_id = p->id;
        v.unit_id = p->unit_id;
        v.name = p->name;
        if (const auto* u = index.tree().Find(p->unit_id)) v.unit_name = u->name;
    });
    if (!visible) return NotFound("人员");
    std::lock_guard lock(store_mutex_);
    v.history = training_.ListLadderSteps(person_id);
    v.current = StepOn(v.history, as_of);
    if (v.current)
        if (auto band = training::PayBandFor(ladder_, v.current->level)) v.pay = *band;
    if (grade && v.current) {
        auto check = training::CheckPromotion(ladder_, CoreHistory(v.history), as_of, *grade);
        if (!check) return check.error();
        v.check = *check;
    }
    return v;
}

Result<LadderPersonView> LadderService::ChangeLadder(const Actor& actor, Id person_id, const LadderChange& change) {
    const std::string date = change.date.empty() ? clock_.Today() : change.date;
    if (!core::ParseIsoDate(date)) return Invalid("日期应为 YYYY-MM-DD：" + date, "date");
    if (change.action != "set" && change.action != "promote" && change.action != "demote")
        return Invalid("操作应为 set（定级/调整）、promote（晋级）或 demote（负面清单降级）", "action");
    bool exists = false, in_scope = false;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto* p = index.FindPerson(person_id);
        if (!p) return;
        exists = true;
        in_scope = core::auth::InScope(index.tree(), actor, p->unit_id);
    });
    if (!exists) return NotFound("人员", "person_id");
    if (!IsManager(actor.role) || !in_scope) return Forbidden("无权调整该人员的等级");

    std::unique_lock lock(store_mutex_);
    const auto steps = training_.ListLadderSteps(person_id);
    const auto history = CoreHistory(steps);
    std::vector<training::LevelRecord> next;
    if (change.action == "set") {
        if (std::find(ladder_.posts.begin(), ladder_.posts.end(), change.post) == ladder_.posts.end()) {
            std::string posts;
            for (const auto& p : ladder_.posts) posts += (posts.empty() ? "" : "、") + p;
            return Invalid("岗位应为 " + posts, "post");
        }
        if (change.level < 1 || change.level > ladder_.levels)
            return Invalid("等级应在 1 到 " + std::to_string(ladder_.levels) + " 之间", "level");
        if (!steps.empty() && change.reason.empty()) return Invalid("调整等级须填写原因", "reason");
        if (!steps.empty() && date < steps.back().effective_date)
            return Invalid("生效日期早于最近一次等级变动（" + steps.back().effective_date + "）", "date");
        next = history;
        next.push_back(training::LevelRecord{change.post, change.level, date,
                                             change.reason.empty() ? std::string("初定") : change.reason});
    } else if (steps.empty()) {
        return Conflict("该人员尚未定级，请先定级", "action");
    } else if (change.action == "promote") {
        auto grade = training::GradeFromName(change.grade);
        if (!grade) return grade.error();
        auto promoted = training::Promote(ladder_, history, date, *grade);
        if (!promoted) return promoted.error();
        next = std::move(*promoted);
        if (!change.reason.empty()) next.back().reason += "：" + change.reason;
    } else {
        if (change.reason.empty()) return Invalid("负面清单降级须填写原因", "reason");
        auto demoted = training::DemoteForNegativeList(ladder_, history, date, change.reason);
        if (!demoted) return demoted.error();
        next = std::move(*demoted);
    }
    const auto& added = next.back();
    ports::LadderStepRecord record{
        0, person_id, added.post, added.level, added.effective_date, added.reason, actor.username, clock_.NowIso()};
    auto tx = store_.Begin();
    record.id = training_.InsertLadderStep(record);
    Audit(actor,
          change.action == "set"       ? "ladder_set"
          : change.action == "promote" ? "ladder_promote"
                                       : "ladder_demote",
          "ladder", person_id,
          "{\"from\":" + (steps.empty() ? std::string("null") : StepJson(steps.back())) +
              ",\"to\":" + StepJson(record) + "}");
    tx->Commit();
    lock.unlock();
    return PersonLadder(actor, person_id, date, "");
}

Result<LadderEvaluation> LadderService::EvaluateLadder(const Actor& actor, Id unit, const std::string& as_of_in,
                                                         const std::vector<std::pair<Id, std::string>>& grades,
                                                         bool apply) {
    const std::string as_of = as_of_in.empty() ? clock_.Today() : as_of_in;
    if (!core::ParseIsoDate(as_of)) return Invalid("日期应为 YYYY-MM-DD：" + as_of, "as_of");
    if (unit == 0) return Invalid("请指定单位", "unit_id");
    if (apply && !IsManager(actor.role)) return Forbidden("无权调整等级");
    std::map<Id, training::Grade> grade_of;
    for (std::size_t grade_idx = 0; grade_idx < grades.size(); ++grade_idx) {
        const std::string field = "grades[" + std::to_string(grade_idx) + "]";
        auto g = training::GradeFromName(grades[grade_idx].second);
        if (!g) return Invalid("考核等次须为 优秀/称职/基本称职/不称职", field + ".grade");
        if (!grade_of.emplace(grades[grade_idx].first, *g).second) return Invalid("同一人员重复出现", field);
    }
    auto people = Ladder(actor, unit, as_of, true);
    if (!people) {
        if (apply && people.error().code == errc::kNotFound)
            return Forbidden("单位不在您的管辖范围内");
        return people.error();
    }
    std::set<Id> graded_here;
    for (const auto& p : people->items)
        if (p.current) graded_here.insert(p.person_id);
    for (std::size_t grade_idx = 0; grade_idx < grades.size(); ++grade_idx)
        if (!graded_here.count(grades[grade_idx].first))
            return Invalid("该人员不在本单位或尚未定级", "grades[" + std::to_string(grade_idx) + "].person_id");

    LadderEvaluation out;
    out.unit_id = unit;
    out.as_of = as_of;
    std::vector<ports::LadderStepRecord> writes;
    std::unique_lock lock(store_mutex_);
    for (const auto& p : people->items) {
        if (!p.current) continue;
        LadderEvaluationRow row;
        row.person_id = p.person_id;
        row.name = p.name;
        row.unit_name = p.unit_name;
        row.post = p.current->post;
        row.level = row.new_level = p.current->level;
        auto g = grade_of.find(p.person_id);
        if (g == grade_of.end()) {
            row.action = "stay";
            row.reasons.push_back("未提供考核等次，不作调整");
        } else {
            row.grade = training::GradeName(g->second);
            const auto steps = training_.ListLadderSteps(p.person_id);
            const auto history = CoreHistory(steps);
            if (steps.back().effective_date > as_of) {
                // A later change is already recorded: the review of an earlier date must not
                // rewrite the history behind it.
                row.action = "stay";
                row.reasons.push_back("已有 " + steps.back().effective_date + " 生效的等级变动，本次不作调整");
            } else if (g->second == training::Grade::kIncompetent) {
                auto demoted = training::DemoteForNegativeList(ladder_, history, as_of, "年度考核不称职");
                if (!demoted) return demoted.error();
                row.action = "demote";
                row.new_level = demoted->back().level;
                row.reasons.push_back("年度考核不称职，列入负面清单，降一级");
                writes.push_back(ports::LadderStepRecord{0, p.person_id, demoted->back().post, demoted->back().level, as_of,
                                                  demoted->back().reason, actor.username, clock_.NowIso()});
            } else {
                auto check = training::CheckPromotion(ladder_, history, as_of, g->second);
                if (!check) return check.error();
                row.reasons = check->reasons;
                if (check->eligible) {
                    row.action = "promote";
                    row.new_level = check->next_level;
                    writes.push_back(ports::LadderStepRecord{0, p.person_id, row.post, check->next_level, as_of, "晋级",
                                                      actor.username, clock_.NowIso()});
                } else {
                    row.action = "stay";
                }
            }
        }
        if (row.action == "promote")
            ++out.promoted;
        else if (row.action == "demote")
            ++out.demoted;
        else
            ++out.unchanged;
        out.rows.push_back(std::move(row));
    }
    if (apply && !writes.empty()) {
        auto tx = store_.Begin();
        std::string detail = "[";
        for (auto& w : writes) {
            w.id = training_.InsertLadderStep(w);
            if (detail.size() > 1) detail += ',';
            detail += "{\"person_id\":" + std::to_string(w.person_id) + ",\"to\":" + StepJson(w) + "}";
        }
        detail += "]";
        Audit(actor, "ladder_evaluate", "ladder", unit,
              "{\"as_of\":" + JsonQuote(as_of) + ",\"promoted\":" + std::to_string(out.promoted) +
                  ",\"demoted\":" + std::to_string(out.demoted) + ",\"changes\":" + detail + "}");
        tx->Commit();
        out.applied = true;
    }
    return out;
}

Result<BonusSplitView> LadderService::SplitBonus(const Actor& actor, const NewBonusSplit& spec) {
    if (spec.unit_id == 0) return Invalid("请指定单位", "unit_id");
    if (spec.period.empty() || spec.period.size() > kMaxPeriodBytes ||
        std::any_of(spec.period.begin(), spec.period.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }))
        return Invalid("请填写分配年度（如 2024，不超过 32 字节）", "period");
    if (spec.pool_fen <= 0) return Invalid("奖金池金额应为正数", "pool_fen");
    const std::string as_of = spec.as_of.empty() ? clock_.Today() : spec.as_of;
    if (!core::ParseIsoDate(as_of)) return Invalid("日期应为 YYYY-MM-DD：" + as_of, "as_of");
    std::map<Id, training::Grade> grade_of;
    for (std::size_t grade_idx = 0; grade_idx < spec.grades.size(); ++grade_idx) {
        const std::string field = "grades[" + std::to_string(grade_idx) + "]";
        auto g = training::GradeFromName(spec.grades[grade_idx].second);
        if (!g) return Invalid("考核等次须为 优秀/称职/基本称职/不称职", field + ".grade");
        if (!grade_of.emplace(spec.grades[grade_idx].first, *g).second) return Invalid("同一人员重复出现", field);
    }
    bool writable = false;
    roster_.WithIndex([&](const RosterIndex& index) {
        writable = index.tree().Find(spec.unit_id) && core::auth::InScope(index.tree(), actor, spec.unit_id);
    });
    if (!IsManager(actor.role) || !writable) return Forbidden("无权为该单位分配奖金");
    auto people = Ladder(actor, spec.unit_id, as_of, true);
    if (!people) return people.error();

    std::vector<training::BonusParticipant> participants;
    std::vector<const LadderPersonView*> graded;
    std::set<Id> here;
    for (const auto& p : people->items) {
        if (!p.current) continue;
        auto g = grade_of.find(p.person_id);
        participants.push_back(training::BonusParticipant{
            p.person_id, p.name, p.current->level, g == grade_of.end() ? training::Grade::kCompetent : g->second});
        graded.push_back(&p);
        here.insert(p.person_id);
    }
    for (std::size_t grade_idx = 0; grade_idx < spec.grades.size(); ++grade_idx)
        if (!here.count(spec.grades[grade_idx].first))
            return Invalid("该人员不在本单位或尚未定级", "grades[" + std::to_string(grade_idx) + "].person_id");
    if (participants.empty()) return Invalid("该单位没有已定级的人员", "unit_id");
    auto split = training::SplitBonusPool(spec.pool_fen, participants, ladder_);
    if (!split) return split.error();

    BonusSplitView view;
    view.record = ports::BonusSplitRecord{0,     spec.unit_id,   spec.period,    spec.pool_fen,  split->total_weight,
                                   as_of, split->summary, actor.username, clock_.NowIso()};
    roster_.WithIndex([&](const RosterIndex& index) {
        if (const auto* u = index.tree().Find(spec.unit_id)) view.unit_name = u->name;
    });
    for (std::size_t line_idx = 0; line_idx < split->lines.size(); ++line_idx) {
        const auto& l = split->lines[line_idx];
        view.lines.push_back(ports::BonusLineRecord{0, static_cast<int>(line_idx + 1), l.person_id, l.name,
                                             graded[line_idx]->current->post, participants[line_idx].level,
                                             training::GradeName(participants[line_idx].grade), l.level_weight,
                                             l.coefficient, l.weight, l.amount_fen, l.arithmetic});
    }
    if (spec.dry_run) return view;

    std::lock_guard lock(store_mutex_);
    for (const auto& s : training_.ListBonusSplits())
        if (s.unit_id == spec.unit_id && s.period == spec.period)
            return Error{errc::kConflict, view.unit_name + " " + spec.period + " 年度的奖金已分配，如需重算请先删除",
                         "period"};
    auto tx = store_.Begin();
    view.record.id = training_.InsertBonusSplit(view.record);
    for (auto& l : view.lines) {
        l.split_id = view.record.id;
        training_.InsertBonusLine(l);
    }
    Audit(actor, "bonus_split", "bonus_split", view.record.id,
          "{\"unit_id\":" + std::to_string(spec.unit_id) + ",\"period\":" + JsonQuote(spec.period) +
              ",\"pool_fen\":" + std::to_string(spec.pool_fen) + ",\"people\":" + std::to_string(view.lines.size()) +
              ",\"summary\":" + JsonQuote(split->summary) + "}");
    tx->Commit();
    return view;
}

Result<std::vector<BonusSplitView>> LadderService::ListBonusSplits(const Actor& actor) {
    std::vector<ports::BonusSplitRecord> records;
    {
        std::lock_guard lock(store_mutex_);
        records = training_.ListBonusSplits();
    }
    std::vector<BonusSplitView> out;
    roster_.WithIndex([&](const RosterIndex& index) {
        for (auto it = records.rbegin(); it != records.rend(); ++it) {
            if (!core::auth::CanReadRoster(actor.role) || !core::auth::InScope(index.tree(), actor, it->unit_id))
                continue;
            BonusSplitView v;
            v.record = *it;
            if (const auto* u = index.tree().Find(it->unit_id)) v.unit_name = u->name;
            out.push_back(std::move(v));
        }
    });
    return out;
}

Result<BonusSplitView> LadderService::GetBonusSplit(const Actor& actor, Id split_id) {
    std::unique_lock lock(store_mutex_);
    auto record = training_.FindBonusSplit(split_id);
    if (!record) return NotFound("奖金分配");
    BonusSplitView v;
    v.record = *record;
    v.lines = training_.ListBonusLines(split_id);
    lock.unlock();
    bool visible = false;
    roster_.WithIndex([&](const RosterIndex& index) {
        visible = core::auth::CanReadRoster(actor.role) && core::auth::InScope(index.tree(), actor, record->unit_id);
        if (const auto* u = index.tree().Find(record->unit_id)) v.unit_name = u->name;
    });
    if (!visible) return NotFound("奖金分配");
    return v;
}

Result<BonusSplitView> LadderService::DeleteBonusSplit(const Actor& actor, Id split_id) {
    auto v = GetBonusSplit(actor, split_id);
    if (!v) return v.error();
    if (!IsManager(actor.role)) return Forbidden("无权删除奖金分配");
    std::lock_guard lock(store_mutex_);
    auto tx = store_.Begin();
    training_.DeleteBonusSplit(split_id);
    Audit(actor, "bonus_split_delete", "bonus_split", split_id,
          "{\"unit_id\":" + std::to_string(v->record.unit_id) + ",\"period\":" + JsonQuote(v->record.period) +
              ",\"pool_fen\":" + std::to_string(v->record.pool_fen) + "}");
    tx->Commit();
    return v;
}

Result<FileDownload> LadderService::BonusSplitWorkbook(const Actor& actor, Id split_id) {
    auto split = GetBonusSplit(actor, split_id);
    if (!split) return split.error();
    return FileDownload{files_.bonus_split_xlsx(*split),
                        split->unit_name + split->record.period + "年度奖金分配.xlsx", "bonus-split.xlsx"};
}

}  // namespace lingyan::app
