// Tasks on cases: add by hand, list a case's, mark done, and one's own.
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/clock_dto.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

Response TaskList(const Result<std::vector<app::TaskView>>& list, const Request& req) {
  if (!list) return ProblemResponse(list.error(), req);
  Json items = Json::array();
  for (const auto& v : *list) items.push_back(TaskJson(v));
  return JsonResponse(Dump(Json{{"items", std::move(items)}}));
}

}  // namespace

void AddTaskRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"POST", "/api/v1/cases/{id}/tasks",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                app::NewTask in = ReadNewTask(*body, p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto added =
                    app::AddTask(*c, CallerOf(req), req.path_params.at("id"), in, ClientOf(req));
                if (!added) return ProblemResponse(added.error(), req);
                return JsonResponse(Dump(TaskJson(*added)), 201);
              },
              8 * 1024});

  router.Add({"GET", "/api/v1/cases/{id}/tasks", [c](const Request& req) {
                return TaskList(
                    app::ListCaseTasks(*c, CallerOf(req), req.path_params.at("id"), ClientOf(req)),
                    req);
              }});

  router.Add({"POST", "/api/v1/cases/{id}/tasks/{task_id}/done", [c](const Request& req) {
                auto done = app::CompleteTask(*c, CallerOf(req), req.path_params.at("id"),
                                              req.path_params.at("task_id"), ClientOf(req));
                if (!done) return ProblemResponse(done.error(), req);
                return JsonResponse(Dump(TaskJson(*done)));
              }});

  router.Add({"GET", "/api/v1/tasks/mine", [c](const Request& req) {
                return TaskList(app::ListMyTasks(*c, CallerOf(req), ClientOf(req)), req);
              }});
}

}  // namespace opennrm::http
