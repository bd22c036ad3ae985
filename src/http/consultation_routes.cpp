// The hotline's consultations (app/hotline/consultations.hpp): recording and
// changing one, reading it, the queue, assignment, closing and reopening,
// follow-ups, immediate-danger steps, and the operators one may assign to.
// Thin: read the body or query (presence and types; codes and rules are the
// use cases'), call the use case, write JSON (http/consultation_dto.hpp).
#include "app/hotline/consultations.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/consultation_dto.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

Response ConsultationResponse(const Result<app::ConsultationView>& v, const Request& req,
                              int status = 200) {
  if (!v) return ProblemResponse(v.error(), req);
  return JsonAnswer(ConsultationJson(*v), status);
}

const std::string& IdOf(const Request& req) { return req.path_params.at("id"); }

// A consultation's text runs to 20,000 characters each for the situation
// and the advice; with the rest, well under this.
constexpr size_t kConsultationBytes = 256 * 1024;

}  // namespace

void AddConsultationRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"POST", "/api/v1/consultations",
              [c](const Request& req) {
                app::ConsultationInput in;
                auto read = [](const Json& j, Problems& p) {
                  return ReadConsultationInput(j, false, p);
                };
                if (auto bad = ReadBody(req, read, in)) return *bad;
                return ConsultationResponse(
                    app::CreateConsultation(*c, CallerOf(req), in, ClientOf(req)), req, 201);
              },
              kConsultationBytes});

  router.Add({"GET",
              "/api/v1/consultations",
              [c](const Request& req) {
                Problems p;
                app::ConsultationQuery q = ReadConsultationQuery(req, p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto list = app::ListConsultations(*c, CallerOf(req), q, ClientOf(req));
                if (!list) return ProblemResponse(list.error(), req);
                return JsonAnswer(ConsultationListJson(*list));
              },
              0,
              {"view", "topic", "municipality", "channel", "from", "to", "limit", "offset"}});

  router.Add({"GET", "/api/v1/consultations/{id}", [c](const Request& req) {
                return ConsultationResponse(
                    app::ReadConsultation(*c, CallerOf(req), IdOf(req), ClientOf(req)), req);
              }});

  router.Add({"PUT", "/api/v1/consultations/{id}",
              [c](const Request& req) {
                app::ConsultationInput in;
                auto read = [](const Json& j, Problems& p) {
                  return ReadConsultationInput(j, true, p);
                };
                if (auto bad = ReadBody(req, read, in)) return *bad;
                return ConsultationResponse(
                    app::UpdateConsultation(*c, CallerOf(req), IdOf(req), in, ClientOf(req)), req);
              },
              kConsultationBytes});

  router.Add({"POST", "/api/v1/consultations/{id}/assign",
              [c](const Request& req) {
                AssignInput in;
                if (auto bad = ReadBody(req, ReadAssign, in)) return *bad;
                return ConsultationResponse(
                    app::AssignConsultation(*c, CallerOf(req), IdOf(req), in.user_id, in.version,
                                            ClientOf(req)),
                    req);
              },
              4 * 1024});

  router.Add({"POST", "/api/v1/consultations/{id}/close",
              [c](const Request& req) {
                long long version = 0;
                if (auto bad = ReadBody(req, ReadVersionOnly, version)) return *bad;
                return ConsultationResponse(
                    app::CloseConsultation(*c, CallerOf(req), IdOf(req), version, ClientOf(req)),
                    req);
              },
              4 * 1024});

  router.Add({"POST", "/api/v1/consultations/{id}/reopen",
              [c](const Request& req) {
                long long version = 0;
                if (auto bad = ReadBody(req, ReadVersionOnly, version)) return *bad;
                return ConsultationResponse(
                    app::ReopenConsultation(*c, CallerOf(req), IdOf(req), version, ClientOf(req)),
                    req);
              },
              4 * 1024});

  router.Add({"POST", "/api/v1/consultations/{id}/follow-ups",
              [c](const Request& req) {
                FollowUpInput in;
                if (auto bad = ReadBody(req, ReadFollowUp, in)) return *bad;
                auto v = app::AddFollowUp(*c, CallerOf(req), IdOf(req), in.text, in.due_on,
                                          ClientOf(req));
                if (!v) return ProblemResponse(v.error(), req);
                return JsonAnswer(FollowUpJson(*v), 201);
              },
              16 * 1024});

  router.Add({"POST", "/api/v1/consultations/{id}/follow-ups/{follow_up_id}/done",
              [c](const Request& req) {
                int unused = 0;
                auto read = [](const Json& j, Problems& p) {
                  ObjectReader r(j, "", p);
                  r.RejectUnknown();
                  return 0;
                };
                if (auto bad = ReadBody(req, read, unused)) return *bad;
                auto v = app::MarkFollowUpDone(*c, CallerOf(req), IdOf(req),
                                               req.path_params.at("follow_up_id"), ClientOf(req));
                if (!v) return ProblemResponse(v.error(), req);
                return JsonAnswer(FollowUpJson(*v));
              },
              1024});

  router.Add({"POST", "/api/v1/consultations/{id}/danger-steps",
              [c](const Request& req) {
                DangerStepInput in;
                if (auto bad = ReadBody(req, ReadDangerStep, in)) return *bad;
                auto v = app::RecordDangerStep(*c, CallerOf(req), IdOf(req), in.step, in.done_at_us,
                                               ClientOf(req));
                if (!v) return ProblemResponse(v.error(), req);
                return JsonAnswer(DangerStepJson(*v), 201);
              },
              4 * 1024});

  router.Add({"GET", "/api/v1/hotline/operators", [c](const Request& req) {
                auto list = app::ListHotlineOperators(*c, CallerOf(req), ClientOf(req));
                if (!list) return ProblemResponse(list.error(), req);
                return JsonAnswer(OperatorsJson(*list));
              }});
}

}  // namespace opennrm::http
