#pragma once
// The 12345 hotline export (docs/hotline-import.md) behind app::TicketFiles::read_hotline: the
// first visible sheet whose header (within its first ten rows) names 工单编号; columns in any
// order, matched after NormalizeHeader, with the spellings hotline systems use —
//   工单编号 | 来电时间 | 诉求内容 | 所属单位   (required)
//   诉求标题 | 事发地址 | 诉求类别 | 紧急程度 | 办理时限 | 来电人 | 联系电话   (optional)
// Other columns (坐席, 受理渠道…) are ignored and named in a note. Every row's problems are
// collected with its row number and column; a file that is no .xlsx, or has more than
// kHotlineMaxRows data rows, is refused as a whole: an `invalid` error naming "file".

#include <string>
#include <string_view>

#include "app/tickets/hotline.hpp"
#include "core/common/result.hpp"

namespace lingyan::exchange::tickets {

core::Result<app::HotlineSheet> ReadHotlineSheet(std::string_view bytes);

// The template: the columns, an example row and a sheet of instructions.
std::string HotlineTemplate();

}  // namespace lingyan::exchange::tickets
