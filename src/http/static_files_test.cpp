#include "http/static_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace opennrm::http {
namespace {

namespace fs = std::filesystem;

std::string CacheControl(const Response& r) {
  for (const auto& [k, v] : r.headers) {
    if (k == "Cache-Control") return v;
  }
  return "";
}

// A built web app in a temporary directory.
class WebRoot : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "opennrm-web-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    base_ = tmpl;
    root_ = base_ / "dist";
    Write("index.html", "<!doctype html><title>OpenNRM</title>");
    Write("assets/app-3f2a1b.js", "console.log('hej');");
    Write("assets/app-3f2a1b.css", "body{}");
    Write("favicon.svg", "<svg/>");
  }
  void TearDown() override { fs::remove_all(base_); }

  void Write(const std::string& rel, const std::string& content) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel, std::ios::binary) << content;
  }

  StaticFiles Loaded() {
    auto f = StaticFiles::Load(root_.string());
    EXPECT_TRUE(f) << f.error().message;
    return f ? std::move(*f) : StaticFiles{};
  }

  fs::path base_;  // holds root_ and files beside it
  fs::path root_;
};

TEST_F(WebRoot, LoadsEveryFile) { EXPECT_EQ(Loaded().size(), 4u); }

TEST_F(WebRoot, ServesIndexAtRoot) {
  auto f = Loaded();
  auto r = f.Serve("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r->body, "<!doctype html><title>OpenNRM</title>");
  EXPECT_EQ(CacheControl(*r), "no-cache");  // a new release must reach users at once
}

TEST_F(WebRoot, HashedAssetsAreImmutable) {
  auto f = Loaded();
  auto r = f.Serve("/assets/app-3f2a1b.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "console.log('hej');");
  EXPECT_EQ(r->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(CacheControl(*r), "public, max-age=31536000, immutable");
  EXPECT_EQ(f.Serve("/assets/app-3f2a1b.css")->content_type, "text/css; charset=utf-8");
}

TEST_F(WebRoot, FilesOutsideAssetsAreRevalidated) {
  auto f = Loaded();
  auto r = f.Serve("/favicon.svg");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->content_type, "image/svg+xml");
  EXPECT_EQ(CacheControl(*r), "no-cache");
}

TEST_F(WebRoot, ClientSideRoutesFallBackToIndex) {
  auto f = Loaded();
  for (const char* path : {"/organisations/123", "/organisations", "/geo/counties/25/edit"}) {
    auto r = f.Serve(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->body, "<!doctype html><title>OpenNRM</title>") << path;
    EXPECT_EQ(CacheControl(*r), "no-cache") << path;
  }
}

TEST_F(WebRoot, MissingFilesWithAnExtensionAreNotFound) {
  auto f = Loaded();
  EXPECT_FALSE(f.Serve("/missing.js"));
  EXPECT_FALSE(f.Serve("/assets/app-000000.js"));
  EXPECT_FALSE(f.Serve("/robots.txt"));
}

TEST_F(WebRoot, MissingAssetWithoutExtensionIsNotIndexMarkedImmutable) {
  auto f = Loaded();
  auto r = f.Serve("/assets/unknown");
  if (r) {
    EXPECT_EQ(CacheControl(*r), "no-cache");  // never cache the fallback for a year
  }
}

TEST_F(WebRoot, PathTraversalFindsNothingOutsideTheRoot) {
  Write("../secret.txt", "top secret");
  auto f = Loaded();
  EXPECT_FALSE(f.Serve("/../secret.txt"));
  auto r = f.Serve("/..%2Fsecret");
  if (r) {
    EXPECT_EQ(r->body.find("top secret"), std::string::npos);
  }
}

TEST_F(WebRoot, WithoutIndexHtmlLoadFails) {
  fs::remove(root_ / "index.html");
  auto f = StaticFiles::Load(root_.string());
  ASSERT_FALSE(f);
  EXPECT_EQ(f.error().fields.at(0).field, "server.web_root");
  EXPECT_EQ(f.error().fields.at(0).rule, "index");
}

TEST(StaticFilesLoad, MissingRootServesANotBuiltPage) {
  auto f = StaticFiles::Load("/nonexistent/opennrm/web/dist");
  ASSERT_TRUE(f);
  auto r = f->Serve("/organisations/1");
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("has not been built"), std::string::npos);
  EXPECT_FALSE(f->Serve("/app.js"));
}

TEST(ContentTypeFor, KnownAndUnknownExtensions) {
  EXPECT_EQ(ContentTypeFor("/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("/a.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("/a.json"), "application/json");
  EXPECT_EQ(ContentTypeFor("/f.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("/site.webmanifest"), "application/manifest+json");
  EXPECT_EQ(ContentTypeFor("/x.exe"), "application/octet-stream");
  EXPECT_EQ(ContentTypeFor("/noext"), "application/octet-stream");
}

}  // namespace
}  // namespace opennrm::http
