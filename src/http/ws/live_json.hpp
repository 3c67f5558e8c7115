#pragma once
// The JSON of the live contest: the public view (state) and the messages the screens receive.
// docs/api.md "Arena" is the contract. A message is built once per event (MessageBody, called by
// the contest's writer through app::ArenaFiles); the hub adds seq and sent_at_ms in front when it
// sends it.

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "app/arena/contest_view.hpp"

namespace lingyan::http::ws {

boost::json::object ViewJson(const app::ContestView& view);
// The titles awarded (a finished contest's view and its results page): [{name, level, winners, tie_at_boundary}].
boost::json::array TitlesJson(const std::vector<app::TitleView>& titles);
// {"kind":…,"seat":…,"contestant_id":…,"timer":…,"state":{…}} — the message without seq and sent_at_ms.
std::string MessageBody(const app::LiveMessage& message);
// The whole message text: {"seq":N,"sent_at_ms":T,…body}. `sent_at_ms` with three decimals.
std::string MessageText(std::int64_t seq, double sent_at_ms, const std::string& body);

}  // namespace lingyan::http::ws
