// The attachment allow-list: the four kinds a case file needs, nothing that
// can carry a program or a script.
#include <gtest/gtest.h>

#include "app/cases/attachments.hpp"

namespace opennrm::app {
namespace {

TEST(AttachmentTypes, AllowsPdfPngJpegAndPlainTextOnly) {
  EXPECT_EQ(AllowedAttachmentTypes(),
            (std::vector<std::string>{"application/pdf", "image/png", "image/jpeg", "text/plain"}));
  for (const char* refused :
       {"application/zip", "application/x-executable", "application/x-dosexec", "text/html",
        "image/svg+xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/octet-stream", "", "TEXT/PLAIN"}) {
    EXPECT_FALSE(IsAllowedAttachmentType(refused)) << refused;
  }
  EXPECT_EQ(ExtensionOf("application/pdf"), ".pdf");
  EXPECT_EQ(ExtensionOf("image/jpeg"), ".jpg");
  EXPECT_EQ(ExtensionOf("text/html"), "");
}

}  // namespace
}  // namespace opennrm::app
