// Download names and headers of attachments: a file saves as what it is,
// and nothing a user named it can break the header.
#include "http/note_dto.hpp"

#include <gtest/gtest.h>

namespace opennrm::http {
namespace {

TEST(DownloadName, EndsInTheExtensionOfTheTypeFoundFromTheContent) {
  EXPECT_EQ(DownloadName("beslut.pdf", "application/pdf"), "beslut.pdf");
  EXPECT_EQ(DownloadName("BESLUT.PDF", "application/pdf"), "BESLUT.PDF");
  EXPECT_EQ(DownloadName("foto.jpeg", "image/jpeg"), "foto.jpeg");
  EXPECT_EQ(DownloadName("program.exe", "text/plain"), "program.exe.txt");
  EXPECT_EQ(DownloadName("bild.pdf", "image/png"), "bild.pdf.png");
}

TEST(ContentDisposition, KeepsQuotesAndControlBytesOutOfTheHeader) {
  EXPECT_EQ(ContentDisposition("a b.pdf"),
            "attachment; filename=\"a b.pdf\"; filename*=UTF-8''a%20b.pdf");
  std::string h = ContentDisposition("x\";\r\nSet-Cookie: y=å.txt");
  EXPECT_EQ(h.find('\r'), std::string::npos);
  EXPECT_EQ(h.find('\n'), std::string::npos);
  EXPECT_EQ(h,
            "attachment; filename=\"x____Set-Cookie_ y___.txt\"; "
            "filename*=UTF-8''x%22%3B%0D%0ASet-Cookie%3A%20y%3D%C3%A5.txt");
}

TEST(ReadNewNote, TakesNullAsNoneAndRejectsUnknownFields) {
  Problems p;
  auto in = ReadNewNote(Json::parse(R"({"text":"t","person_id":null,"corrects":"n1"})"), p);
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(in.text, "t");
  EXPECT_EQ(in.person_id, "");
  EXPECT_EQ(in.corrects, "n1");
  Problems q;
  ReadNewNote(Json::parse(R"({"text":1,"extra":2})"), q);
  EXPECT_FALSE(q.empty());
}

}  // namespace
}  // namespace opennrm::http
