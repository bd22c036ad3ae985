// Unit tests for the QR code SVG: structure, quiet zone, finder patterns, no script or style.
#include "security/qr_svg.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "security/totp.hpp"

namespace opennrm::security {
namespace {

const std::string kUri =
    "otpauth://totp/OpenNRM:anna%40kommun.se?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    "&issuer=OpenNRM&algorithm=SHA1&digits=6&period=30";

// The value of attribute `name` on the first element that has it.
std::string Attribute(const std::string& svg, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const auto start = svg.find(key);
  if (start == std::string::npos) return "";
  const auto from = start + key.size();
  return svg.substr(from, svg.find('"', from) - from);
}

// The dark modules of path data made only of "M<x> <y>h1v1h-1z", or nullopt if anything else
// appears in it.
std::optional<std::vector<std::pair<int, int>>> Modules(const std::string& d) {
  std::vector<std::pair<int, int>> out;
  std::size_t i = 0;
  auto number = [&](int* value) {
    const std::size_t from = i;
    while (i < d.size() && d[i] >= '0' && d[i] <= '9') ++i;
    if (i == from || i - from > 4) return false;
    *value = std::stoi(d.substr(from, i - from));
    return true;
  };
  while (i < d.size()) {
    int x = 0;
    int y = 0;
    if (d[i++] != 'M' || !number(&x) || i >= d.size() || d[i++] != ' ' || !number(&y) ||
        d.compare(i, 8, "h1v1h-1z") != 0) {
      return std::nullopt;
    }
    i += 8;
    out.emplace_back(x, y);
  }
  return out;
}

TEST(QrSvg, IsAMinimalSvgWithoutScriptOrStyle) {
  auto svg = RenderQrSvg(kUri);
  ASSERT_TRUE(svg) << svg.error().message;
  EXPECT_EQ(svg->rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_EQ(svg->substr(svg->size() - 6), "</svg>");
  EXPECT_EQ(svg->find("<script"), std::string::npos);
  EXPECT_EQ(svg->find("style"), std::string::npos);
  EXPECT_EQ(svg->find("href"), std::string::npos);
  EXPECT_NE(svg->find("shape-rendering=\"crispEdges\""), std::string::npos);
  EXPECT_NE(svg->find("fill=\"#000000\""), std::string::npos);
  EXPECT_EQ(std::count(svg->begin(), svg->end(), '<'), 4);  // svg, rect, path, /svg
  // Nothing but numbers and path commands inside the path data: no text from the URI leaks in.
  auto modules = Modules(Attribute(*svg, "d"));
  ASSERT_TRUE(modules);
  EXPECT_GT(modules->size(), 100u);
  EXPECT_EQ(svg->find("secret"), std::string::npos);
}

TEST(QrSvg, SizeMatchesAQrVersionPlusQuietZone) {
  auto svg = RenderQrSvg(kUri);
  ASSERT_TRUE(svg);
  const std::string view_box = Attribute(*svg, "viewBox");
  ASSERT_EQ(view_box.rfind("0 0 ", 0), 0u) << view_box;
  const int size = std::stoi(view_box.substr(4));
  EXPECT_EQ(view_box, "0 0 " + std::to_string(size) + " " + std::to_string(size));
  const int modules = size - 8;
  EXPECT_EQ((modules - 17) % 4, 0);  // version v has 17 + 4v modules
  EXPECT_GE(modules, 21);
  EXPECT_EQ(Attribute(*svg, "width"), std::to_string(size * 4));
  EXPECT_EQ(Attribute(*svg, "height"), std::to_string(size * 4));
  auto dark = Modules(Attribute(*svg, "d"));
  ASSERT_TRUE(dark);
  // The quiet zone (4 modules on every side) stays empty.
  for (const auto& [x, y] : *dark) {
    EXPECT_GE(x, 4);
    EXPECT_GE(y, 4);
    EXPECT_LT(x, size - 4);
    EXPECT_LT(y, size - 4);
  }
  // The three finder patterns' outer corners are dark.
  auto has = [&](int x, int y) {
    return std::find(dark->begin(), dark->end(), std::make_pair(x, y)) != dark->end();
  };
  EXPECT_TRUE(has(4, 4));
  EXPECT_TRUE(has(size - 5, 4));
  EXPECT_TRUE(has(4, size - 5));
  // Inside the top-left finder: a light ring around a dark 3×3 centre, then a light separator.
  EXPECT_FALSE(has(5, 5));
  EXPECT_TRUE(has(7, 7));
  EXPECT_TRUE(has(10, 10));
  EXPECT_FALSE(has(11, 4));
}

TEST(QrSvg, RefusesNulAndOverlongText) {
  auto nul = RenderQrSvg(std::string_view("abc\0def", 7));
  ASSERT_FALSE(nul);
  EXPECT_EQ(nul.error().code, ErrorCode::kInvalid);
  auto longer = RenderQrSvg(std::string(5000, 'x'));
  ASSERT_FALSE(longer);
  EXPECT_EQ(longer.error().code, ErrorCode::kInvalid);
}

TEST(QrSvg, OathTotpUsesIt) {
  OathTotp totp;
  auto svg = totp.QrSvg(kUri);
  ASSERT_TRUE(svg);
  EXPECT_EQ(*svg, *RenderQrSvg(kUri));
}

}  // namespace
}  // namespace opennrm::security
