#include "exchange/xlsx/writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <atomic>
#include <filesystem>
#include <stdexcept>

#include "exchange/common/file_io.hpp"
#include "exchange/xlsx/civil_date.hpp"

namespace lingyan::exchange::xlsx {

Writer::Writer(const std::string& path, WriterOptions options) : path_(path) {
    lxw_workbook_options lxw_options{};
    lxw_options.constant_memory = options.constant_memory ? LXW_TRUE : LXW_FALSE;
    lxw_options.tmpdir = nullptr;
    lxw_options.use_zip64 = LXW_FALSE;
    workbook_ = workbook_new_opt(path_.c_str(), &lxw_options);
    if (!workbook_) {
        throw XlsxError("无法创建 Excel 文件 " + path_ + " / cannot create " + path_);
    }
    header_format_ = workbook_add_format(workbook_);
    format_set_bold(header_format_);
    format_set_bg_color(header_format_, 0xDDEBF7);
    format_set_border(header_format_, LXW_BORDER_THIN);
    date_format_ = workbook_add_format(workbook_);
    format_set_num_format(date_format_, "yyyy-mm-dd");
    text_format_ = workbook_add_format(workbook_);
    format_set_num_format(text_format_, "@");
}

Writer::~Writer() {
    if (workbook_) workbook_close(workbook_);
}

void Writer::Check(int error, std::string_view what) const {
    if (error == LXW_NO_ERROR) return;
    throw XlsxError("写入 Excel 文件失败（" + std::string(what) + "：" + lxw_strerror(static_cast<lxw_error>(error)) +
                    "） / writing " + path_ + " failed");
}

lxw_worksheet* Writer::Sheet(std::size_t sheet) const {
    if (!workbook_ || sheet >= sheets_.size()) throw std::out_of_range("xlsx::Writer: no such sheet");
    return sheets_[sheet];
}

std::size_t Writer::AddSheet(std::string_view name, const std::vector<Column>& columns) {
    if (!workbook_) throw std::logic_error("xlsx::Writer: already closed");
    const std::string sheet_name(name);
    if (sheet_name.empty() || workbook_validate_sheet_name(workbook_, sheet_name.c_str()) != LXW_NO_ERROR) {
        throw XlsxError("工作表名称无效：" + sheet_name + " / invalid sheet name");
    }
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, sheet_name.c_str());
    if (!sheet) throw XlsxError("无法添加工作表：" + sheet_name + " / cannot add sheet");
    sheets_.push_back(sheet);
    for (std::size_t col = 0; col < columns.size() && col < kMaxColumns; ++col) {
        const Column& column = columns[col];
        lxw_format* format = column.kind == ColumnKind::kText   ? text_format_
                             : column.kind == ColumnKind::kDate ? date_format_
                                                                : nullptr;
        const auto lxw_col = static_cast<lxw_col_t>(col);
        Check(worksheet_set_column(sheet, lxw_col, lxw_col, column.width, format), "set_column");
        buffer_.assign(column.header);
        Check(worksheet_write_string(sheet, 0, lxw_col, buffer_.c_str(), header_format_), "header");
    }
    if (!columns.empty()) worksheet_freeze_panes(sheet, 1, 0);
    return sheets_.size() - 1;
}

void Writer::WriteString(std::size_t sheet, std::uint32_t row, std::uint32_t column, std::string_view text) {
    if (row == 0 || row > kMaxRows || column >= kMaxColumns) throw std::out_of_range("xlsx::Writer: cell out of range");
    buffer_.assign(text);
    // Excel refuses strings over 32,767 characters; keep what fits rather than losing the row.
    if (buffer_.size() > 32767) {
        std::size_t cut = 32767;
        while (cut > 0 && (static_cast<unsigned char>(buffer_[cut]) & 0xC0) == 0x80) --cut;
        buffer_.resize(cut);
    }
    Check(worksheet_write_string(Sheet(sheet), row - 1, static_cast<lxw_col_t>(column), buffer_.c_str(), nullptr),
          "string");
}

void Writer::WriteNumber(std::size_t sheet, std::uint32_t row, std::uint32_t column, double value) {
    if (row == 0 || row > kMaxRows || column >= kMaxColumns) throw std::out_of_range("xlsx::Writer: cell out of range");
    Check(worksheet_write_number(Sheet(sheet), row - 1, static_cast<lxw_col_t>(column), value, nullptr), "number");
}

void Writer::WriteBool(std::size_t sheet, std::uint32_t row, std::uint32_t column, bool value) {
    if (row == 0 || row > kMaxRows || column >= kMaxColumns) throw std::out_of_range("xlsx::Writer: cell out of range");
    Check(worksheet_write_boolean(Sheet(sheet), row - 1, static_cast<lxw_col_t>(column), value ? 1 : 0, nullptr),
          "boolean");
}

bool Writer::WriteDate(std::size_t sheet, std::uint32_t row, std::uint32_t column, std::string_view iso_date) {
    if (iso_date.empty()) return false;
    const std::optional<CivilDate> date = ParseIsoDate(iso_date);
    if (!date || date->year < 1900) {
        WriteString(sheet, row, column, iso_date);
        return false;
    }
    if (row == 0 || row > kMaxRows || column >= kMaxColumns) throw std::out_of_range("xlsx::Writer: cell out of range");
    Check(worksheet_write_number(Sheet(sheet), row - 1, static_cast<lxw_col_t>(column), ExcelSerialFromDate(*date),
                                 date_format_),
          "date");
    return true;
}

void Writer::Close() {
    if (!workbook_) return;
    lxw_workbook* workbook = workbook_;
    workbook_ = nullptr;
    sheets_.clear();
    const lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR) {
        throw XlsxError("写入 Excel 文件失败：" + path_ + "（" + lxw_strerror(error) + "） / cannot write " + path_);
    }
}

std::string WriteWorkbookBytes(const std::function<void(Writer&)>& fill, WriterOptions options) {
    static std::atomic<unsigned> counter{0};
    namespace fs = std::filesystem;
    const fs::path tmp = fs::temp_directory_path() /
                         ("lingyan-xlsx-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".xlsx");
    struct Remove {
        fs::path path;
        ~Remove() {
            std::error_code ec;
            fs::remove(path, ec);
        }
    } remove{tmp};
    {
        Writer writer(tmp.string(), options);
        fill(writer);
        writer.Close();
    }
    return ReadFile(tmp.string());
}

}  // namespace lingyan::exchange::xlsx
