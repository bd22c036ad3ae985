#include "domain/names/romaniser.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace opennrm::names {
namespace {

const Romaniser& Shared() {
  static const Romaniser romaniser = [] {
    auto r = Romaniser::Create();
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return std::move(*r);
  }();
  return romaniser;
}

std::string R(std::string_view s) { return Shared().Romanise(s); }

TEST(Romaniser, LatinLosesDiacriticsAndCase) {
  EXPECT_EQ(R("Nguyễn Văn Đức"), "nguyen van duc");
  EXPECT_EQ(R("Ștefan Țăran"), "stefan taran");  // comma below
  EXPECT_EQ(R("Şerban Ţepeş"), "serban tepes");  // cedilla
  EXPECT_EQ(R("Straße"), "strasse");
  EXPECT_EQ(R("Müller"), "muller");
  EXPECT_EQ(R("Åsa Øberg"), "asa oberg");
  EXPECT_EQ(R("Işık Erdoğan"), "isik erdogan");  // dotless i, soft g
  EXPECT_EQ(R("İBRAHİM"), "ibrahim");            // dotted capital I
  EXPECT_EQ(R("Łukasz Żółć"), "lukasz zolc");
  EXPECT_EQ(R("Þór Ægisson"), "thor aegisson");
  EXPECT_EQ(R("Adébáyọ̀ Olúwaṣeun"), "adebayo oluwaseun");
}

TEST(Romaniser, CyrillicFollowsOneTableForAllLanguages) {
  EXPECT_EQ(R("Йорданов"), "yordanov");
  EXPECT_EQ(R("Юлія Олександрівна"), "yuliya oleksandrivna");
  EXPECT_EQ(R("Ярослав Хрущёв"), "yaroslav khrushchyov");
  EXPECT_EQ(R("Щукин Жданов Цветанов Чернов Шевченко"),
            "shchukin zhdanov tsvetanov chernov shevchenko");
  EXPECT_EQ(R("Євген Ґонта Їжак"), "yevgen gonta yizhak");
  EXPECT_EQ(R("Ъгълов"), "agalov");  // Bulgarian ъ
  EXPECT_EQ(R("Ђорђе Јовановић"), "djordje jovanovic");
  EXPECT_EQ(R("ОЛЬГА"), "olga");
}

TEST(Romaniser, ArabicScriptWritesConsonantsAndLongVowels) {
  EXPECT_EQ(R("محمد"), "mhmd");
  EXPECT_EQ(R("يوسف"), "yusf");  // ya at the start is y, waw inside is u
  EXPECT_EQ(R("وليد"), "wlid");  // waw at the start is w
  EXPECT_EQ(R("فاطمة"), "fatma");
  EXPECT_EQ(R("عمر"), "amr");
  EXPECT_EQ(R("عبد الرحمن"), "abd al-rhmn");  // the article splits off
  EXPECT_EQ(R("عبد الله"), "abd allah");
  EXPECT_EQ(R("خالد"), "khald");
  EXPECT_EQ(R("مُحَمَّد"), "mhmd");  // vowel marks dropped
}

TEST(Romaniser, GreekUsesModernPronunciation) {
  EXPECT_EQ(R("Γιώργος Παπαδόπουλος"), "giorgos papadopoulos");
  EXPECT_EQ(R("Χρήστος"), "christos");
  EXPECT_EQ(R("Ευάγγελος"), "evangelos");
  EXPECT_EQ(R("ΔΗΜΗΤΡΗΣ"), "dimitris");
}

TEST(Romaniser, ThaiWordStaysOneWordAndSilentLettersGo) {
  EXPECT_EQ(R("สมชาย"), "smchay");
  EXPECT_EQ(R("สมศักดิ์"), "smsak");     // ICU splits it; silent ดิ์
  EXPECT_EQ(R("ประยุทธ์"), "prayuth");  // silent ธ์
  EXPECT_EQ(R("อรุณ"), "orun");        // อ as a vowel carrier
  EXPECT_EQ(R("สมชาย ทองดี"), "smchay thongdi");
}

TEST(Romaniser, OtherScriptsGoThroughIcu) {
  EXPECT_EQ(R("王伟"), "wang wei");
  EXPECT_FALSE(R("김민수").empty());
}

TEST(Romaniser, SeparatorsAndJoiners) {
  EXPECT_EQ(R("  Jean-Pierre   O’Brien  "), "jean-pierre o'brien");
  EXPECT_EQ(R("Smith, John J."), "smith john j");
  EXPECT_EQ(R("Ivan\tJordanov\u00A0Ivanov"), "ivan jordanov ivanov");
  EXPECT_EQ(R("Saʿid"), "said");  // a modifier letter does not split the name
  EXPECT_EQ(R(""), "");
  EXPECT_EQ(R("   "), "");
  EXPECT_EQ(R("\xff\xfe"), "");  // ill-formed UTF-8 is dropped
  EXPECT_EQ(R("Anna\xffMaria"), "annamaria");
}

TEST(Romaniser, SafeToShareBetweenThreads) {
  const std::vector<std::string> names = {"Йорданов", "محمد", "สมชาย", "Γιώργος", "Ștefan"};
  std::vector<std::string> expected;
  for (const auto& n : names) expected.push_back(R(n));
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        const std::size_t i = static_cast<std::size_t>(round + t) % names.size();
        if (Shared().Romanise(names[i]) != expected[i]) ++wrong[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace opennrm::names
