#include "core/training/placement.hpp"

#include "core/common/date.hpp"

namespace lingyan::core::training {
namespace {

bool Overlaps(const PlacementRecord& a, const PlacementRecord& b) {
    // ISO dates compare correctly as strings; both ends inclusive.
    return a.start_date <= b.end_date && b.start_date <= a.end_date;
}

}  // namespace

Status ValidatePlacement(const ProgramWindow& program, const std::vector<PlacementRecord>& existing,
                         const PlacementRecord& placement, const std::map<roster::Id, int>& host_capacity) {
    for (const auto* text : {&placement.start_date, &placement.end_date, &program.start_date, &program.end_date}) {
        if (auto d = ParseIsoDateField(*text, text == &placement.start_date ? "start_date"
                                               : text == &placement.end_date ? "end_date"
                                                                             : "program");
            !d)
            return d.error();
    }
    if (placement.end_date < placement.start_date)
        return Invalid("结束日期 " + placement.end_date + " 早于开始日期 " + placement.start_date, "end_date");
    if (placement.start_date < program.start_date || placement.end_date > program.end_date)
        return Invalid("跟岗时间 " + placement.start_date + " 至 " + placement.end_date + " 超出项目「" + program.name +
                           "」的起止日期 " + program.start_date + " 至 " + program.end_date,
                       "start_date");
    int at_host = 0;
    for (const auto& other : existing) {
        if (other.id != 0 && other.id == placement.id) continue;  // the record being edited
        if (!Overlaps(other, placement)) continue;
        if (other.person_id == placement.person_id)
            return Conflict("该学员在 " + other.start_date + " 至 " + other.end_date + " 已有跟岗/挂职安排，时间重叠",
                            "person_id");
        if (other.host_unit_id == placement.host_unit_id) ++at_host;
    }
    if (auto cap = host_capacity.find(placement.host_unit_id); cap != host_capacity.end() && at_host >= cap->second)
        return Conflict("接收单位在 " + placement.start_date + " 至 " + placement.end_date + " 已安排 " +
                            std::to_string(at_host) + " 人，已达每批名额 " + std::to_string(cap->second) + " 人",
                        "host_unit_id");
    return Ok();
}

std::vector<Error> ValidatePlacementBatch(const ProgramWindow& program, const std::vector<PlacementRecord>& existing,
                                          const std::vector<PlacementRecord>& batch,
                                          const std::map<roster::Id, int>& host_capacity) {
    std::vector<Error> errors;
    std::vector<PlacementRecord> so_far = existing;
    for (std::size_t idx = 0; idx < batch.size(); ++idx) {
        auto status = ValidatePlacement(program, so_far, batch[idx], host_capacity);
        if (!status) {
            Error error = status.error();
            error.field = "placements[" + std::to_string(idx) + "]." + error.field;
            errors.push_back(std::move(error));
            continue;
        }
        so_far.push_back(batch[idx]);
    }
    return errors;
}

}  // namespace lingyan::core::training
