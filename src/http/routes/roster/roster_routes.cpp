#include <boost/json.hpp>

#include "core/roster/person_rules.hpp"
#include "core/roster/tree.hpp"
#include "http/routes/roster/roster_json.hpp"
#include "http/routes/routes.hpp"
#include "http/server/described_json.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;
using namespace core::roster;

json::object UnitJson(const app::UnitView& v, json::storage_ptr sp) {
    const Unit& u = v.unit;
    json::object o(sp);
    o.reserve(11);
    o.emplace("id", u.id);
    o.emplace("code", u.code);
    o.emplace("name", u.name);
    o.emplace("kind", KindName(u.kind));
    o.emplace("economy", EconomyName(u.economy));
    o.emplace("dev_zone", u.dev_zone);
    o.emplace("near_highway", u.near_highway);
    o.emplace("population", u.population);
    o.emplace("area_km2", u.area_km2);
    o.emplace("child_count", v.child_count);
    if (u.parent_id)
        o.emplace("parent_id", *u.parent_id);
    else
        o.emplace("parent_id", nullptr);
    return o;
}

json::object PositionJson(const Position& p, const std::string& unit_name, json::storage_ptr sp) {
    json::object o(sp);
    o.reserve(7);
    o.emplace("id", p.id);
    o.emplace("person_id", p.person_id);
    o.emplace("unit_id", p.unit_id);
    o.emplace("unit_name", unit_name);
    o.emplace("title", p.title);
    o.emplace("start_date", p.start_date);
    if (p.end_date.empty())
        o.emplace("end_date", nullptr);
    else
        o.emplace("end_date", p.end_date);
    return o;
}

json::object PersonJson(const app::PersonView& v, json::storage_ptr sp) {
    const Person& p = v.person;
    json::array positions(sp);
    for (const auto& [pos, unit_name] : v.positions) positions.push_back(PositionJson(pos, unit_name, sp));
    json::object o(sp);
    o.reserve(13);
    o.emplace("id", p.id);
    o.emplace("unit_id", p.unit_id);
    o.emplace("unit_name", v.unit_name);
    o.emplace("name", p.name);
    o.emplace("gender", GenderName(p.gender));
    o.emplace("birth_date", p.birth_date);
    o.emplace("age", v.age);
    o.emplace("education", EducationName(p.education));
    o.emplace("party_join_date", p.party_join_date);
    o.emplace("id_number_masked", MaskIdNumber(p.id_number));
    o.emplace("phone", p.phone);
    o.emplace("reserve_cadre", p.reserve_cadre);
    if (p.party_org_id == 0)
        o.emplace("party_org_id", nullptr);
    else
        o.emplace("party_org_id", p.party_org_id);
    o.emplace("party_org_name", v.party_org_name);
    o.emplace("positions", std::move(positions));
    return o;
}

core::Result<app::UnitsQuery> UnitsQueryFrom(const Request& req) {
    app::UnitsQuery q;
    auto parent = QueryInt(req.Query("parent"), "parent", 0);
    if (!parent) return parent.error();
    if (*parent > 0) q.parent = *parent;
    q.q = req.Query("q").value_or("");
    if (auto st = QueryEnum(req.Query("kind"), "kind", KindFromString, q.kind, "未知单位类型"); !st) return st.error();
    return q;
}

core::Result<PeopleQuery> PeopleQueryFrom(const Request& req) {
    PeopleQuery q;
    auto unit = QueryInt(req.Query("unit"), "unit", 0);
    if (!unit) return unit.error();
    q.unit = *unit;
    auto subtree = QueryInt(req.Query("subtree"), "subtree", 1);
    if (!subtree) return subtree.error();
    q.subtree = *subtree != 0;
    q.position = req.Query("position").value_or("");
    q.age_band = req.Query("age_band").value_or("");
    if (!q.age_band.empty() && q.age_band != "≤35" && q.age_band != "36-45" && q.age_band != "46-55" &&
        q.age_band != "56+")
        return core::Invalid("年龄段应为 ≤35、36-45、46-55 或 56+", "age_band");
    if (auto st = QueryEnum(req.Query("education"), "education", EducationFromString, q.education, "未知学历"); !st)
        return st.error();
    q.q = req.Query("q").value_or("");
    q.sort = req.Query("sort").value_or("unit");
    if (q.sort != "unit" && q.sort != "name" && q.sort != "-name" && q.sort != "birth_date" && q.sort != "-birth_date")
        return core::Invalid("排序应为 unit、name、-name、birth_date 或 -birth_date", "sort");
    auto page = QueryInt(req.Query("page"), "page", 1, 1, kMaxPage);
    if (!page) return page.error();
    auto size = QueryInt(req.Query("size"), "size", 50, 1, 500);
    if (!size) return size.error();
    q.page = static_cast<int>(*page);
    q.size = static_cast<int>(*size);
    return q;
}

namespace {

// Reads the person fields of a POST/PATCH body into a patch.
core::Result<app::PersonPatch> PersonPatchFrom(const json::object& o) {
    app::PersonPatch p;
    auto unit = IntField(o, "unit_id");
    if (!unit) return unit.error();
    p.unit_id = *unit;
    for (auto [name, slot] : {std::pair{"name", &p.name},
                              {"birth_date", &p.birth_date},
                              {"party_join_date", &p.party_join_date},
                              {"id_number", &p.id_number},
                              {"phone", &p.phone}}) {
        auto v = StringField(o, name);
        if (!v) return v.error();
        *slot = *v;
    }
    auto gender = StringField(o, "gender");
    if (!gender) return gender.error();
    if (*gender) {
        p.gender = GenderFromString(**gender);
        if (!p.gender) return core::Invalid("性别应为 male 或 female", "gender");
    }
    auto edu = StringField(o, "education");
    if (!edu) return edu.error();
    if (*edu) {
        p.education = EducationFromString(**edu);
        if (!p.education)
            return core::Invalid("学历应为 middle、high、junior_college、bachelor 或 postgraduate", "education");
    }
    auto reserve = BoolField(o, "reserve_cadre");
    if (!reserve) return reserve.error();
    p.reserve_cadre = *reserve;
    if (auto it = o.find("party_org_id"); it != o.end() && it->value().is_null()) {
        p.party_org_id = 0;  // null ends the membership
    } else {
        auto org = IntField(o, "party_org_id");
        if (!org) return org.error();
        if (*org && **org < 0) return core::Invalid("党组织编号无效", "party_org_id");
        p.party_org_id = *org;
    }
    return p;
}

constexpr std::initializer_list<const char*> kPersonFields = {
    "unit_id",         "name",      "gender", "birth_date",    "education",
    "party_join_date", "id_number", "phone",  "reserve_cadre", "party_org_id"};

core::Result<app::PositionPatch> PositionPatchFrom(const json::object& o) {
    app::PositionPatch p;
    auto unit = IntField(o, "unit_id");
    if (!unit) return unit.error();
    p.unit_id = *unit;
    for (auto [name, slot] : {std::pair{"title", &p.title}, {"start_date", &p.start_date}, {"end_date", &p.end_date}}) {
        auto v = StringField(o, name);
        if (!v) return v.error();
        *slot = *v;
    }
    return p;
}

// A page of units or people ({items, total, page, size}), its JSON built in one arena.
template <class Page, class ItemJson>
Response PageReply(const Page& page, ItemJson item_json) {
    json::monotonic_resource mr;
    json::object out(&mr);
    json::array& items = out.emplace("items", json::array(&mr)).first->value().as_array();
    items.reserve(page.items.size());
    for (const auto& item : page.items) items.push_back(item_json(item, &mr));
    out.emplace("total", page.total);
    out.emplace("page", page.page);
    out.emplace("size", page.size);
    return Json(200, out);
}

}  // namespace

namespace handlers {

// GET /api/v1/units
Response ListUnits(Services& s, Request& req) {
    auto query = UnitsQueryFrom(req);
    if (!query) return ErrorResponse(query.error());
    app::UnitsQuery& q = *query;
    auto page = QueryInt(req.Query("page"), "page", 1, 1, kMaxPage);
    if (!page) return ErrorResponse(page.error());
    auto size = QueryInt(req.Query("size"), "size", 50, 1, 500);
    if (!size) return ErrorResponse(size.error());
    q.page = static_cast<int>(*page);
    q.size = static_cast<int>(*size);
    auto result = s.roster.ListUnits(req.user->actor, q);
    if (!result) return ErrorResponse(result.error());
    return PageReply(*result, UnitJson);
}

// POST /api/v1/units
Response CreateUnit(Services& s, Request& req) {
    auto body = ParseObject(req.body, {"parent_id", "code", "name", "kind", "economy", "dev_zone", "near_highway",
                                       "population", "area_km2"});
    if (!body) return ErrorResponse(body.error());
    Unit u;
    auto parent = IntField(*body, "parent_id");
    if (!parent) return ErrorResponse(parent.error());
    if (*parent && **parent > 0) u.parent_id = **parent;  // absent or 0: a root
    for (auto [name, slot] : {std::pair{"code", &u.code}, {"name", &u.name}}) {
        auto v = StringField(*body, name);
        if (!v) return ErrorResponse(v.error());
        *slot = v->value_or("");
    }
    auto kind = StringField(*body, "kind");
    if (!kind) return ErrorResponse(kind.error());
    auto parsed_kind = KindFromString(kind->value_or(""));
    if (!parsed_kind)
        return ErrorResponse(
            core::Invalid("单位类型应为 province、city、county、town、village、community、grid 或 enterprise", "kind"));
    u.kind = *parsed_kind;
    auto economy = StringField(*body, "economy");
    if (!economy) return ErrorResponse(economy.error());
    auto parsed_economy = EconomyFromString(economy->value_or("none"));
    if (!parsed_economy)
        return ErrorResponse(
            core::Invalid("经济类型应为 none、agriculture、industry、tourism、mixed 或 urban", "economy"));
    u.economy = *parsed_economy;
    for (auto [name, slot] : {std::pair{"dev_zone", &u.dev_zone}, {"near_highway", &u.near_highway}}) {
        auto v = BoolField(*body, name);
        if (!v) return ErrorResponse(v.error());
        *slot = v->value_or(false);
    }
    auto population = IntField(*body, "population");
    if (!population) return ErrorResponse(population.error());
    u.population = population->value_or(0);
    auto area = NumberField(*body, "area_km2");
    if (!area) return ErrorResponse(area.error());
    u.area_km2 = area->value_or(0);
    auto created = s.roster.CreateUnit(req.user->actor, u);
    if (!created) return ErrorResponse(created.error());
    return Json(201, UnitJson(app::UnitView{*created, 0}));
}

// PATCH /api/v1/units/{id}
Response UpdateUnit(Services& s, Request& req, Id id) {
    auto body = ParseObject(req.body,
                            {"code", "name", "kind", "economy", "dev_zone", "near_highway", "population", "area_km2"});
    if (!body) return ErrorResponse(body.error());
    app::UnitPatch patch;
    for (auto [name, slot] : {std::pair{"code", &patch.code}, {"name", &patch.name}}) {
        auto v = StringField(*body, name);
        if (!v) return ErrorResponse(v.error());
        *slot = *v;
    }
    auto kind = StringField(*body, "kind");
    if (!kind) return ErrorResponse(kind.error());
    if (*kind) {
        patch.kind = KindFromString(**kind);
        if (!patch.kind)
            return ErrorResponse(core::Invalid(
                "单位类型应为 province、city、county、town、village、community、grid 或 enterprise", "kind"));
    }
    auto economy = StringField(*body, "economy");
    if (!economy) return ErrorResponse(economy.error());
    if (*economy) {
        patch.economy = EconomyFromString(**economy);
        if (!patch.economy)
            return ErrorResponse(
                core::Invalid("经济类型应为 none、agriculture、industry、tourism、mixed 或 urban", "economy"));
    }
    for (auto [name, slot] : {std::pair{"dev_zone", &patch.dev_zone}, {"near_highway", &patch.near_highway}}) {
        auto v = BoolField(*body, name);
        if (!v) return ErrorResponse(v.error());
        *slot = *v;
    }
    auto population = IntField(*body, "population");
    if (!population) return ErrorResponse(population.error());
    patch.population = *population;
    auto area = NumberField(*body, "area_km2");
    if (!area) return ErrorResponse(area.error());
    patch.area_km2 = *area;
    auto updated = s.roster.UpdateUnit(req.user->actor, id, patch);
    if (!updated) return ErrorResponse(updated.error());
    return Json(200, UnitJson(app::UnitView{*updated, 0}));
}

// DELETE /api/v1/units/{id}
Response DeleteUnit(Services& s, Request& req, Id id) { return NoContent(s.roster.DeleteUnit(req.user->actor, id)); }

// GET /api/v1/units/{id}
Response GetUnit(Services& s, Request& req, Id id) {
    auto d = s.roster.GetUnit(req.user->actor, id);
    if (!d) return ErrorResponse(d.error());
    json::array ancestors, orgs, team, incomes;
    for (const auto& a : d->ancestors)
        ancestors.push_back(json::object{{"id", a.id}, {"name", a.name}, {"kind", KindName(a.kind)}});
    for (const auto& o : d->party_orgs) {
        auto hint = d->unit.unit.kind == UnitKind::kGrid ? std::nullopt : UpgradeHint(o);
        orgs.push_back(
            json::object{{"id", o.id},
                         {"name", o.name},
                         {"kind", PartyOrgKindName(o.kind)},
                         {"member_count", o.member_count},
                         {"parent_id", NullIfZero(o.parent_id)},
                         {"approved_on", o.approved_on},
                         {"document_no", o.document_no},
                         {"upgrade_hint", hint ? json::value(PartyOrgKindName(*hint)) : json::value(nullptr)}});
    }
    for (const auto& t : d->team)
        team.push_back(json::object{{"position_id", t.position.id},
                                    {"person_id", t.person.id},
                                    {"name", t.person.name},
                                    {"gender", GenderName(t.person.gender)},
                                    {"age", t.age},
                                    {"education", EducationName(t.person.education)},
                                    {"title", t.position.title},
                                    {"start_date", t.position.start_date},
                                    {"tenure_years", t.tenure_years}});
    for (const auto& i : d->incomes) incomes.push_back(json::object{{"year", i.year}, {"amount_yuan", i.amount_yuan}});
    return Json(200, json::object{{"unit", UnitJson(d->unit)},
                                  {"ancestors", std::move(ancestors)},
                                  {"party_orgs", std::move(orgs)},
                                  {"team", std::move(team)},
                                  {"incomes", std::move(incomes)}});
}

// GET /api/v1/units/{id}/stats
Response GetUnitStats(Services& s, Request& req) {
    auto id = QueryInt(req.params.at(0), "id", 0);  // 0: the caller's whole scope
    if (!id || *id < 0) return ErrorResponse(core::Error{core::errc::kNotFound, "记录不存在", ""});
    auto v = s.roster.Stats(req.user->actor, *id);
    if (!v) return ErrorResponse(v.error());
    const TeamStats& st = v->stats;
    auto bands = [](const std::vector<AgeBandCount>& b) {
        json::array a;
        for (const auto& x : b) a.push_back(json::object{{"band", x.band}, {"count", x.count}});
        return a;
    };
    json::array pyramid, education, risks;
    for (const auto& [band, mf] : st.pyramid)
        pyramid.push_back(json::object{{"band", band}, {"male", mf.first}, {"female", mf.second}});
    for (const auto& [e, n] : st.education)
        education.push_back(json::object{{"level", EducationName(e)}, {"label", EducationLabel(e)}, {"count", n}});
    for (std::size_t i = 0; i < st.succession_risks.size(); ++i) {
        const auto& r = st.succession_risks[i];
        risks.push_back(json::object{{"unit_id", r.unit_id},
                                     {"unit_name", v->risk_names[i].first},
                                     {"person_id", r.person_id},
                                     {"secretary_name", v->risk_names[i].second},
                                     {"age", r.age}});
    }
    return Json(200, json::object{{"count", st.count},
                                  {"average_age", std::round(st.average_age * 10) / 10},
                                  {"college_share", std::round(st.college_share * 1000) / 1000},
                                  {"male", st.male},
                                  {"female", st.female},
                                  {"age_bands", bands(st.age_bands)},
                                  {"pyramid", std::move(pyramid)},
                                  {"education", std::move(education)},
                                  {"secretary_age_bands", bands(st.secretary_age_bands)},
                                  {"succession_risks", std::move(risks)}});
}

// GET /api/v1/people
Response ListPeople(Services& s, Request& req) {
    auto q = PeopleQueryFrom(req);
    if (!q) return ErrorResponse(q.error());
    auto page = s.roster.ListPeople(req.user->actor, *q);
    if (!page) return ErrorResponse(page.error());
    return PageReply(*page, PersonJson);
}

// GET /api/v1/people/{id}
Response GetPerson(Services& s, Request& req, Id id) {
    auto p = s.roster.GetPerson(req.user->actor, id);
    if (!p) return ErrorResponse(p.error());
    return Json(200, PersonJson(*p));
}

// GET /api/v1/people/shared-id-numbers (admin)
Response ListSharedIdNumbers(Services& s, Request& req) {
    auto shared = s.roster.SharedIdNumbers(req.user->actor);
    if (!shared) return ErrorResponse(shared.error());
    json::array items;
    for (const auto& group : *shared) {
        json::array people;
        for (const auto& p : group.people) people.push_back(PersonJson(p));
        items.push_back(json::object{{"id_number_masked", group.id_number_masked}, {"people", std::move(people)}});
    }
    return Json(200, json::object{{"items", std::move(items)}});
}

// POST /api/v1/people
Response CreatePerson(Services& s, Request& req) {
    auto body = ParseObject(req.body, kPersonFields);
    if (!body) return ErrorResponse(body.error());
    auto patch = PersonPatchFrom(*body);
    if (!patch) return ErrorResponse(patch.error());
    if (!patch->unit_id) return ErrorResponse(core::Invalid("请选择所属单位", "unit_id"));
    if (!patch->name) return ErrorResponse(core::Invalid("姓名不能为空", "name"));
    if (!patch->gender) return ErrorResponse(core::Invalid("请选择性别", "gender"));
    if (!patch->birth_date) return ErrorResponse(core::Invalid("请填写出生日期", "birth_date"));
    if (!patch->education) return ErrorResponse(core::Invalid("请选择学历", "education"));
    Person p;
    p.unit_id = *patch->unit_id;
    p.name = *patch->name;
    p.gender = *patch->gender;
    p.birth_date = *patch->birth_date;
    p.education = *patch->education;
    p.party_join_date = patch->party_join_date.value_or("");
    p.id_number = patch->id_number.value_or("");
    p.phone = patch->phone.value_or("");
    p.reserve_cadre = patch->reserve_cadre.value_or(false);
    p.party_org_id = patch->party_org_id.value_or(0);
    auto created = s.roster.CreatePerson(req.user->actor, p);
    if (!created) return ErrorResponse(created.error());
    return Json(201, PersonJson(*created));
}

// PATCH /api/v1/people/{id}
Response UpdatePerson(Services& s, Request& req, Id id) {
    auto body = ParseObject(req.body, kPersonFields);
    if (!body) return ErrorResponse(body.error());
    auto patch = PersonPatchFrom(*body);
    if (!patch) return ErrorResponse(patch.error());
    auto updated = s.roster.UpdatePerson(req.user->actor, id, *patch);
    if (!updated) return ErrorResponse(updated.error());
    return Json(200, PersonJson(*updated));
}

// DELETE /api/v1/people/{id}
Response DeletePerson(Services& s, Request& req, Id id) {
    return NoContent(s.roster.DeletePerson(req.user->actor, id));
}

// GET /api/v1/positions
Response ListPositions(Services& s, Request& req) {
    auto unit = QueryInt(req.Query("unit"), "unit", 0);
    if (!unit) return ErrorResponse(unit.error());
    auto list = s.roster.ListPositions(req.user->actor, *unit);
    if (!list) return ErrorResponse(list.error());
    json::array items;
    for (const auto& [pos, person_name] : *list) {
        json::object o = PositionJson(pos, "");
        o["person_name"] = person_name;
        items.push_back(std::move(o));
    }
    return Json(200, json::object{{"items", std::move(items)}});
}

// POST /api/v1/positions
Response CreatePosition(Services& s, Request& req) {
    auto body = ParseObject(req.body, {"person_id", "unit_id", "title", "start_date", "end_date"});
    if (!body) return ErrorResponse(body.error());
    auto person = IntField(*body, "person_id");
    if (!person) return ErrorResponse(person.error());
    if (!*person) return ErrorResponse(core::Invalid("请选择人员", "person_id"));
    auto patch = PositionPatchFrom(*body);
    if (!patch) return ErrorResponse(patch.error());
    if (!patch->unit_id) return ErrorResponse(core::Invalid("请选择任职单位", "unit_id"));
    if (!patch->title) return ErrorResponse(core::Invalid("职务不能为空", "title"));
    if (!patch->start_date) return ErrorResponse(core::Invalid("请填写任职日期", "start_date"));
    Position p{0, **person, *patch->unit_id, *patch->title, *patch->start_date, patch->end_date.value_or("")};
    auto created = s.roster.CreatePosition(req.user->actor, p);
    if (!created) return ErrorResponse(created.error());
    return Json(201, PositionJson(*created, ""));
}

// PATCH /api/v1/positions/{id}
Response UpdatePosition(Services& s, Request& req, Id id) {
    auto body = ParseObject(req.body, {"unit_id", "title", "start_date", "end_date"});
    if (!body) return ErrorResponse(body.error());
    auto patch = PositionPatchFrom(*body);
    if (!patch) return ErrorResponse(patch.error());
    auto updated = s.roster.UpdatePosition(req.user->actor, id, *patch);
    if (!updated) return ErrorResponse(updated.error());
    return Json(200, PositionJson(*updated, ""));
}

// DELETE /api/v1/positions/{id}
Response DeletePosition(Services& s, Request& req, Id id) {
    return NoContent(s.roster.DeletePosition(req.user->actor, id));
}

}  // namespace handlers

}  // namespace lingyan::http
