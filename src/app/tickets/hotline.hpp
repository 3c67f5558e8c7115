#pragma once
// The 12345 hotline import (民情 → tracked work): the rows of a hotline export as the use case sees
// them (read by exchange/tickets/hotline_xlsx, docs/hotline-import.md) and what an import (or its
// preview) creates, skips and refuses. TicketService::ImportHotline applies them.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/common/row_errors.hpp"
#include "core/roster/model.hpp"

namespace lingyan::app {

// One data row of a hotline sheet, its cells as written (normalized; the use case checks the
// values it needs the database or the calendar for).
struct HotlineRow {
    std::uint32_t line = 0;   // Excel row number
    std::string ref;          // 工单编号
    std::string called_at;    // 来电时间, "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" (read by the file reader)
    std::string content;      // 诉求内容
    std::string title;        // 诉求标题 (optional: else the start of the content)
    std::string unit;         // 所属单位: a unit's name or 12-digit code
    std::string address;      // 事发地址
    std::string category;     // 诉求类别 as written ("" = 其他)
    std::string priority;     // 紧急程度 as written ("" = 一般)
    std::string due_date;     // 办理时限 as a date (YYYY-MM-DD), or
    int due_days = 0;         // 办理时限 as working days after the call
    std::string raiser, phone;  // 来电人, 联系电话
};

struct HotlineSheet {
    std::string sheet;
    std::vector<HotlineRow> rows;        // the rows the reader could read
    std::vector<SheetProblem> problems;  // the others' problems (and the header's)
    std::size_t data_rows = 0;           // non-blank rows below the header
    std::vector<std::string> notes;      // the sheet read, columns ignored
};

// A row an import creates (or, in a preview, would create).
struct HotlineCreated {
    int row = 0;
    std::string ref, title, unit, category, priority, called_on, due_on;
    core::roster::Id ticket_id = 0;  // 0 in a preview
};

// A row skipped because its 工单编号 was imported before or appears higher up in the same file.
struct HotlineSkipped {
    int row = 0;
    std::string ref;
    core::roster::Id ticket_id = 0;  // the ticket it was imported as; 0 when the repeat is in the file
    int first_row = 0;               // the file's earlier row with the same number (0 when in the database)
};

struct HotlineOutcome {
    bool dry_run = false;
    std::string sheet;
    std::size_t rows = 0;
    std::vector<HotlineCreated> created;
    std::vector<HotlineSkipped> skipped;
    std::vector<std::string> notes;
    std::vector<RowError> errors;  // non-empty: nothing was written
};

// What an import accepts at most (checked before and while the file is read).
inline constexpr std::size_t kHotlineMaxBytes = 5u << 20;  // 5 MiB
inline constexpr std::size_t kHotlineMaxRows = 2000;

}  // namespace lingyan::app
