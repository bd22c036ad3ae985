// Notes and attachments of a case: rows round-trip with their sealed parts
// byte-exact (large content included), lists page newest first with a total,
// corrections are listed, and one case never sees another's — on SQLite and
// PostgreSQL alike.
#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

using ports::CaseAttachmentRow;
using ports::CaseNoteRow;

class NotesContract : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-1", orgs::Kind::kMunicipalSocialServices);
    InsertUser(NewUser("anna", "org-1", "anna.test"));
    for (const char* id : {"c1", "c2"}) {
      ports::CaseRow c;
      c.id = id;
      c.organisation_id = "org-1";
      c.code = std::string("NRM-2026-") + id;
      c.type = "trafficking_in_human_beings";
      c.steps_version = "se-manual-2019";
      c.created_by = "anna";
      c.created_at_us = c.updated_at_us = kT0;
      Committed([&](ports::UnitOfWork& uow) { Must(uow.cases().Insert(c)); });
    }
    ports::PersonRow p;
    p.id = "p1";
    p.organisation_id = "org-1";
    p.code = "P-2026-000001";
    p.identity_sealed = p.contact_sealed = "x";
    p.created_at_us = p.updated_at_us = kT0;
    Committed([&](ports::UnitOfWork& uow) { Must(uow.persons().Insert(p)); });
  }

  static CaseNoteRow Note(const std::string& id, const std::string& case_id, long long at) {
    return CaseNoteRow{id, case_id, "org-1", "", "", AllBytes() + id, "anna", at};
  }
  void Add(const CaseNoteRow& n) {
    Committed([&](ports::UnitOfWork& uow) { Must(uow.case_notes().AddNote(n)); });
  }
  static CaseAttachmentRow Attachment(const std::string& id, const std::string& case_id,
                                      long long at, std::string content) {
    return CaseAttachmentRow{id,
                             case_id,
                             "org-1",
                             std::string("\0name\xff", 6) + id,
                             "application/pdf",
                             static_cast<long long>(content.size()),
                             std::move(content),
                             "anna",
                             at};
  }
  void Add(const CaseAttachmentRow& a) {
    Committed([&](ports::UnitOfWork& uow) { Must(uow.case_notes().AddAttachment(a)); });
  }
};

TEST_F(NotesContract, ANoteRoundTripsWithItsSealedTextExact) {
  auto n = Note("n1", "c1", kT0);
  n.person_id = "p1";
  Add(n);
  auto correction = Note("n2", "c1", kT0 + 1);
  correction.corrects_id = "n1";
  Add(correction);
  auto got = Must(Read()->case_notes().FindNote("c1", "n1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, "n1");
  EXPECT_EQ(got->case_id, "c1");
  EXPECT_EQ(got->organisation_id, "org-1");
  EXPECT_EQ(got->person_id, "p1");
  EXPECT_EQ(got->corrects_id, "");
  EXPECT_EQ(got->body_sealed, AllBytes() + "n1");
  EXPECT_EQ(got->created_by, "anna");
  EXPECT_EQ(got->created_at_us, kT0);
  auto fixed = Must(Read()->case_notes().FindNote("c1", "n2"));
  ASSERT_TRUE(fixed);
  EXPECT_EQ(fixed->corrects_id, "n1");
  EXPECT_EQ(fixed->person_id, "");
  // Another case's id does not find it.
  EXPECT_FALSE(Must(Read()->case_notes().FindNote("c2", "n1")));
}

TEST_F(NotesContract, NotesPageNewestFirstWithTotalAndCorrections) {
  for (int i = 0; i < 5; ++i) Add(Note("n" + std::to_string(i), "c1", kT0 + i));
  Add(Note("other", "c2", kT0 + 100));
  auto fix = Note("fix", "c1", kT0 + 10);
  fix.corrects_id = "n1";
  Add(fix);
  auto first = Must(Read()->case_notes().Notes("c1", 2, 0));
  EXPECT_EQ(first.total, 6);
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0].id, "fix");
  EXPECT_EQ(first.items[1].id, "n4");
  auto rest = Must(Read()->case_notes().Notes("c1", 10, 2));
  ASSERT_EQ(rest.items.size(), 4u);
  EXPECT_EQ(rest.items[0].id, "n3");
  EXPECT_EQ(rest.items[3].id, "n0");
  ASSERT_EQ(rest.corrections.size(), 1u);
  EXPECT_EQ(rest.corrections[0], std::make_pair(std::string("n1"), std::string("fix")));
  auto other = Must(Read()->case_notes().Notes("c2", 10, 0));
  EXPECT_EQ(other.total, 1);
  EXPECT_TRUE(other.corrections.empty());
}

TEST_F(NotesContract, ACorrectionMustNameAnExistingNote) {
  auto n = Note("n1", "c1", kT0);
  n.corrects_id = "no-such-note";
  auto uow = Write();
  EXPECT_FALSE(uow->case_notes().AddNote(n).has_value());
}

TEST_F(NotesContract, AnAttachmentRoundTripsByteExactAndListsWithoutContent) {
  std::string big(3 * 1024 * 1024, '\0');
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>((i * 131) & 0xff);
  Add(Attachment("a1", "c1", kT0, big));
  Add(Attachment("a2", "c1", kT0 + 1, AllBytes()));
  Add(Attachment("a3", "c2", kT0 + 2, "x"));
  auto got = Must(Read()->case_notes().FindAttachment("c1", "a1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->content_sealed, big);
  EXPECT_EQ(got->name_sealed, std::string("\0name\xff", 6) + "a1");
  EXPECT_EQ(got->media_type, "application/pdf");
  EXPECT_EQ(got->size_bytes, static_cast<long long>(big.size()));
  EXPECT_EQ(got->created_by, "anna");
  EXPECT_EQ(got->created_at_us, kT0);
  EXPECT_FALSE(Must(Read()->case_notes().FindAttachment("c2", "a1")));
  auto page = Must(Read()->case_notes().Attachments("c1", 1, 0));
  EXPECT_EQ(page.total, 2);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, "a2");
  EXPECT_TRUE(page.items[0].content_sealed.empty());
  EXPECT_EQ(page.items[0].name_sealed, std::string("\0name\xff", 6) + "a2");
  auto next = Must(Read()->case_notes().Attachments("c1", 1, 1));
  ASSERT_EQ(next.items.size(), 1u);
  EXPECT_EQ(next.items[0].id, "a1");
}

TEST_F(NotesContract, AnEmptyAttachmentIsRefusedByTheSchema) {
  auto a = Attachment("a0", "c1", kT0, "");
  auto uow = Write();
  EXPECT_FALSE(uow->case_notes().AddAttachment(a).has_value());
}

}  // namespace
}  // namespace opennrm::testing
