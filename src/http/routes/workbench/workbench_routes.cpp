// 工作台: the caller's home page (docs/api.md "Workbench").
#include <boost/json.hpp>

#include "http/routes/handlers.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http::handlers {

namespace json = boost::json;

// GET /api/v1/workbench
Response GetWorkbench(Services& s, Request& req) {
    return Reply(200, s.workbench.Get(req.user->actor), [](const app::Workbench& w) {
        json::array cards;
        for (const auto& c : w.cards)
            cards.push_back(json::object{{"key", c.key},   {"title", c.title},   {"count", c.count},
                                         {"path", c.path}, {"action", c.action}});
        return json::value(json::object{{"role", w.role}, {"cards", std::move(cards)}});
    });
}

}  // namespace lingyan::http::handlers
