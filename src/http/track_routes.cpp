// The tracks on a case, its facts, closure, and its criminal-proceedings
// record. Thin handlers: every decision is made per case in the use cases.
#include "app/cases/proceedings_record.hpp"
#include "app/cases/tracks.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/case_dto.hpp"
#include "http/json_body.hpp"
#include "http/organisation_dto.hpp"
#include "http/problem.hpp"
#include "http/track_dto.hpp"

namespace opennrm::http {

namespace {

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Response TracksResponse(const Result<app::CaseTracksView>& v, const Request& req,
                        int status = 200) {
  if (!v) return ProblemResponse(v.error(), req);
  return JsonResponse(Dump(TracksJson(*v)), status);
}

Response ProceedingsResponse(const Result<app::ProceedingsView>& v, const Request& req) {
  if (!v) return ProblemResponse(v.error(), req);
  return JsonResponse(Dump(ProceedingsJson(*v)));
}

}  // namespace

void AddTrackRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"GET", "/api/v1/cases/{id}/tracks", [c](const Request& req) {
                return TracksResponse(
                    app::ReadTracks(*c, CallerOf(req), req.path_params.at("id"), ClientOf(req)),
                    req);
              }});

  router.Add(
      {"POST", "/api/v1/cases/{id}/tracks/{track}/moves",
       [c](const Request& req) {
         auto body = ParseJsonObject(req);
         if (!body) return ProblemResponse(body.error(), req);
         Problems p;
         ObjectReader r(*body, "", p);
         app::TrackMove move;
         move.track = req.path_params.at("track");
         move.to = r.String("to", true).value_or("");
         move.expected_step = r.String("expected_step");
         r.RejectUnknown();
         if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
         return TracksResponse(
             app::MoveTrack(*c, CallerOf(req), req.path_params.at("id"), move, ClientOf(req)), req);
       },
       4 * 1024});

  router.Add({"POST", "/api/v1/cases/{id}/facts",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                ObjectReader r(*body, "", p);
                app::DeclaredFact in;
                in.fact = r.String("fact", true).value_or("");
                in.person_id = r.String("person_id").value_or("");
                r.RejectUnknown();
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto done = app::DeclareFact(*c, CallerOf(req), req.path_params.at("id"), in,
                                             ClientOf(req));
                if (!done) return ProblemResponse(done.error(), req);
                return JsonResponse(Dump(TracksJson(done->tracks)), done->recorded ? 201 : 200);
              },
              4 * 1024});

  router.Add({"POST", "/api/v1/cases/{id}/close",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                ObjectReader r(*body, "", p);
                std::string reason = r.String("reason", true).value_or("");
                r.RejectUnknown();
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                return CaseResponse(app::CloseCase(*c, CallerOf(req), req.path_params.at("id"),
                                                   reason, ClientOf(req)),
                                    req);
              },
              4 * 1024});

  // No reason in the body: a log entry holds no free text (a note says why).
  router.Add({"POST", "/api/v1/cases/{id}/reopen",
              [c](const Request& req) {
                if (!req.body.empty()) {
                  auto body = ParseJsonObject(req);
                  if (!body) return ProblemResponse(body.error(), req);
                  Problems p;
                  ObjectReader r(*body, "", p);
                  r.RejectUnknown();
                  if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                }
                return CaseResponse(
                    app::ReopenCase(*c, CallerOf(req), req.path_params.at("id"), ClientOf(req)),
                    req);
              },
              4 * 1024});

  router.Add(
      {"GET", "/api/v1/cases/{id}/proceedings", [c](const Request& req) {
         return ProceedingsResponse(
             app::ReadProceedings(*c, CallerOf(req), req.path_params.at("id"), ClientOf(req)), req);
       }});

  router.Add(
      {"PUT", "/api/v1/cases/{id}/proceedings",
       [c](const Request& req) {
         auto body = ParseJsonObject(req);
         if (!body) return ProblemResponse(body.error(), req);
         Problems p;
         app::ProceedingsInput in = ReadProceedingsInput(*body, p);
         if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
         return ProceedingsResponse(
             app::RecordProceedings(*c, CallerOf(req), req.path_params.at("id"), in, ClientOf(req)),
             req);
       },
       64 * 1024});
}

}  // namespace opennrm::http
