#pragma once
// One metric in Prometheus's text exposition format: its HELP and TYPE lines, then its value —
// what /metrics is made of (the server's gauges, the change feed's and the points boards' lines).

#include <string>
#include <string_view>

namespace lingyan::core {

inline std::string MetricText(std::string_view name, std::string_view type, std::string_view help,
                              std::string_view value) {
    std::string out;
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
    out.append(name).append(" ").append(value).append("\n");
    return out;
}

}  // namespace lingyan::core
