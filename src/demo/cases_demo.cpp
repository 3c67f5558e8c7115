#include "demo/cases_demo.hpp"

#include "demo/case_articles.hpp"
#include "demo/demo_support.hpp"

namespace lingyan::demo {

int LoadDemoCases(core::ports::Store& store, core::ports::StoreMutex& store_mutex, app::CaseService& cases) {
    const app::Actor admin = DemoUser(store, store_mutex, "admin");
    if (Must(cases.Search(admin, {}), "案例库").total > 0) return 0;
    const app::Actor county = DemoUser(store, store_mutex, "county");
    int imported = 0;
    for (std::size_t i = 0; i < std::size(kCaseArticles); ++i) {
        const app::Actor& who = i == 2 ? county : admin;  // 002: 泰州姜堰 三好创争
        const std::string text(kCaseArticles[i]);
        const auto preview = Must(cases.Preview(who, text, ""), "案例预览");
        app::CaseInput input{text, "", "", {}};
        for (const auto& u : preview.units) input.units.push_back(u.id);
        Must(cases.Create(who, input), "导入案例");
        ++imported;
    }
    return imported;
}

}  // namespace lingyan::demo
