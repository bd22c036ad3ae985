// Notes, attachments and the social-services export of a case. Thin:
// parse, call the use case, map the result. An attachment is sent as the raw
// bytes of the request body (any Content-Type but a form's: the type is found
// from the content) with its name percent-encoded in the X-Attachment-Name
// header, so that a name never appears in a URL or an access log.
#include "app/cases/attachments.hpp"
#include "app/cases/export.hpp"
#include "app/cases/notes.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/export_render.hpp"
#include "http/json_body.hpp"
#include "http/note_dto.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

struct Page {
  int limit = 50;
  int offset = 0;
};

Result<Page> PageOf(const Request& req) {
  Problems p;
  Page page;
  page.limit = static_cast<int>(req.IntQuery("limit", 50, 1, 100, p));
  page.offset = static_cast<int>(req.IntQuery("offset", 0, 0, 1000000, p));
  if (auto st = p.ToStatus(); !st) return tl::unexpected(st.error());
  return page;
}

// The attachment as sent: a form encoding is refused (it would be stored as
// its own text); the name comes from X-Attachment-Name.
Result<app::NewAttachment> ReadAttachment(const Request& req) {
  std::string type = req.Header("content-type").value_or("");
  for (auto& ch : type) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (type.rfind("multipart/", 0) == 0 || type.rfind("application/x-www-form-urlencoded", 0) == 0) {
    return Fail(ErrorCode::kUnsupportedMedia,
                "Send the file itself as the body (e.g. application/octet-stream), not a form.",
                {{"Content-Type", "media_type", "Not a form encoding."}});
  }
  app::NewAttachment in;
  auto raw = req.Header("x-attachment-name");
  if (!raw) return Invalid("name", "required", "Name the file in the X-Attachment-Name header.");
  auto name = DecodePath(*raw);
  if (!name) return Invalid("name", "encoding", "X-Attachment-Name must be percent-encoded UTF-8.");
  in.name = std::move(*name);
  in.content = req.body;
  return in;
}

Response ExportResponse(const app::Context& ctx, const Request& req) {
  Problems p;
  auto format = req.Query("format");
  if (!format) {
    p.Add("format", "required", "Choose format=html or format=json.");
  } else if (*format != "html" && *format != "json") {
    p.Add("format", "unknown_code", "Choose format=html or format=json.");
  }
  std::string lang = req.Query("lang").value_or("sv");
  if (lang != "sv" && lang != "en") p.Add("lang", "unknown_code", "Choose lang=sv or lang=en.");
  if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
  auto e = app::ExportCase(ctx, CallerOf(req), req.path_params.at("id"), ClientOf(req));
  if (!e) return ProblemResponse(e.error(), req);
  Response r;
  if (*format == "json") {
    r = JsonAnswer(ExportJson(*e));
  } else {
    r.body = ExportHtml(*e, lang);
    r.content_type = "text/html; charset=utf-8";
  }
  r.headers.emplace_back("Content-Disposition",
                         ContentDisposition(e->summary.code + "." + *format));
  return r;
}

}  // namespace

void AddNoteRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"POST", "/api/v1/cases/{id}/notes",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                app::NewNote in = ReadNewNote(*body, p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto added =
                    app::AddNote(*c, CallerOf(req), req.path_params.at("id"), in, ClientOf(req));
                if (!added) return ProblemResponse(added.error(), req);
                return JsonAnswer(NoteJson(*added), 201);
              },
              64 * 1024});

  router.Add({"GET",
              "/api/v1/cases/{id}/notes",
              [c](const Request& req) {
                auto page = PageOf(req);
                if (!page) return ProblemResponse(page.error(), req);
                auto list = app::ListNotes(*c, CallerOf(req), req.path_params.at("id"), page->limit,
                                           page->offset, ClientOf(req));
                if (!list) return ProblemResponse(list.error(), req);
                Json items = Json::array();
                for (const auto& n : list->items) items.push_back(NoteJson(n));
                return JsonAnswer(Json{{"items", std::move(items)},
                                       {"total", list->total},
                                       {"limit", page->limit},
                                       {"offset", page->offset}});
              },
              0,
              {"limit", "offset"}});

  // The transport's limit is a little above the attachment limit, so that a
  // file just over it gets the use case's 422 naming "content"; far over, 413.
  const auto upload_limit = static_cast<size_t>(ctx.max_attachment_bytes) + 1024 * 1024;
  router.Add({"POST", "/api/v1/cases/{id}/attachments",
              [c](const Request& req) {
                auto in = ReadAttachment(req);
                if (!in) return ProblemResponse(in.error(), req);
                auto added = app::AddAttachment(*c, CallerOf(req), req.path_params.at("id"), *in,
                                                ClientOf(req));
                if (!added) return ProblemResponse(added.error(), req);
                Response r = JsonAnswer(AttachmentJson(*added), 201);
                r.headers.emplace_back(
                    "Location", "/api/v1/cases/" + added->case_id + "/attachments/" + added->id);
                return r;
              },
              upload_limit});

  router.Add({"GET",
              "/api/v1/cases/{id}/attachments",
              [c](const Request& req) {
                auto page = PageOf(req);
                if (!page) return ProblemResponse(page.error(), req);
                auto list = app::ListAttachments(*c, CallerOf(req), req.path_params.at("id"),
                                                 page->limit, page->offset, ClientOf(req));
                if (!list) return ProblemResponse(list.error(), req);
                Json items = Json::array();
                for (const auto& a : list->items) items.push_back(AttachmentJson(a));
                return JsonAnswer(Json{{"items", std::move(items)},
                                       {"total", list->total},
                                       {"limit", page->limit},
                                       {"offset", page->offset}});
              },
              0,
              {"limit", "offset"}});

  router.Add({"GET", "/api/v1/cases/{id}/attachments/{attachment_id}", [c](const Request& req) {
                auto file = app::ReadAttachment(*c, CallerOf(req), req.path_params.at("id"),
                                                req.path_params.at("attachment_id"), ClientOf(req));
                if (!file) return ProblemResponse(file.error(), req);
                Response r;
                r.content_type = file->about.media_type;  // found from the content
                r.body = std::move(file->content);
                r.headers.emplace_back(
                    "Content-Disposition",
                    ContentDisposition(DownloadName(file->about.name, file->about.media_type)));
                // Opened directly, the file runs nothing and reaches nothing.
                r.headers.emplace_back("Content-Security-Policy", "sandbox");
                return r;
              }});

  router.Add({"GET",
              "/api/v1/cases/{id}/export",
              [c](const Request& req) { return ExportResponse(*c, req); },
              0,
              {"format", "lang"}});
}

}  // namespace opennrm::http
