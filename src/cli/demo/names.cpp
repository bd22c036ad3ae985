// The name tables: common given names and surnames, each in its own script
// with the usual romanisation (Thai RTGS, Ukrainian national 2010, Bulgarian
// streamlined system, Pinyin, a common English spelling of Arabic names).
#include "cli/demo/names.hpp"

#include <string>
#include <vector>

namespace opennrm::cli::demo {

namespace {

struct Part {
  std::string_view latin;
  std::string_view original;  // empty: written in Latin letters
};

struct Surname {
  Part male;
  Part female;
};

struct Table {
  std::vector<Part> female;
  std::vector<Part> male;
  std::vector<Surname> surnames;
  std::vector<Part> nicknames;  // empty: a given name serves as alias
  bool family_first = false;
  std::string_view joiner = " ";  // between the parts of the original
};

// A surname that does not change with gender.
Surname Same(Part p) { return Surname{p, p}; }

const Table& Thai() {
  static const Table t{
      {{"Sudarat", "สุดารัตน์"},
       {"Mali", "มาลี"},
       {"Napha", "นภา"},
       {"Kanchana", "กาญจนา"},
       {"Siriphon", "ศิริพร"},
       {"Phonthip", "พรทิพย์"},
       {"Wanphen", "วันเพ็ญ"},
       {"Aruni", "อรุณี"}},
      {{"Somchai", "สมชาย"},
       {"Somsak", "สมศักดิ์"},
       {"Wichai", "วิชัย"},
       {"Anucha", "อนุชา"},
       {"Surachai", "สุรชัย"},
       {"Thanakon", "ธนากร"},
       {"Kitti", "กิตติ"}},
      {Same({"Srisuk", "ศรีสุข"}), Same({"Saengthong", "แสงทอง"}), Same({"Bunma", "บุญมา"}),
       Same({"Thongdi", "ทองดี"}), Same({"Suksawat", "สุขสวัสดิ์"}), Same({"Chankaeo", "จันทร์แก้ว"}),
       Same({"Phromma", "พรหมมา"}), Same({"Wongsawat", "วงศ์สวัสดิ์"})},
      {{"Noi", "น้อย"}, {"Nok", "นก"}, {"Lek", "เล็ก"}, {"Daeng", "แดง"}, {"Pui", "ปุ้ย"}},
  };
  return t;
}

const Table& Romanian() {
  static const Table t{
      {{"Ioana", ""},
       {"Elena", ""},
       {"Mariana", ""},
       {"Florentina", ""},
       {"Ștefania", ""},
       {"Cătălina", ""},
       {"Andreea", ""},
       {"Nicoleta", ""},
       {"Lăcrămioara", ""}},
      {{"Ion", ""},
       {"Gheorghe", ""},
       {"Ștefan", ""},
       {"Constantin", ""},
       {"Florin", ""},
       {"Marius", ""},
       {"Mihai", ""},
       {"Costel", ""}},
      {Same({"Popescu", ""}), Same({"Ionescu", ""}), Same({"Țurcanu", ""}), Same({"Stănescu", ""}),
       Same({"Dumitrașcu", ""}), Same({"Lăcătuș", ""}), Same({"Căldăraru", ""}),
       Same({"Rădulescu", ""}), Same({"Munteanu", ""}), Same({"Ștefănescu", ""}),
       Same({"Țîrlea", ""})},
      {},
  };
  return t;
}

const Table& Ukrainian() {
  static const Table t{
      {{"Olena", "Олена"},
       {"Oksana", "Оксана"},
       {"Nataliia", "Наталія"},
       {"Iryna", "Ірина"},
       {"Yuliia", "Юлія"},
       {"Tetiana", "Тетяна"},
       {"Halyna", "Галина"}},
      {{"Andrii", "Андрій"},
       {"Oleksandr", "Олександр"},
       {"Serhii", "Сергій"},
       {"Dmytro", "Дмитро"},
       {"Ivan", "Іван"},
       {"Mykola", "Микола"},
       {"Vasyl", "Василь"},
       {"Yurii", "Юрій"}},
      {Same({"Kovalenko", "Коваленко"}), Same({"Shevchenko", "Шевченко"}),
       Same({"Bondarenko", "Бондаренко"}), Same({"Tkachenko", "Ткаченко"}),
       Same({"Kravchenko", "Кравченко"}), Same({"Melnyk", "Мельник"}), Same({"Boiko", "Бойко"}),
       Same({"Savchuk", "Савчук"}), Same({"Lytvynenko", "Литвиненко"}),
       Same({"Oliinyk", "Олійник"})},
      {},
  };
  return t;
}

const Table& Bulgarian() {
  static const Table t{
      {{"Maria", "Мария"},
       {"Elena", "Елена"},
       {"Ivanka", "Иванка"},
       {"Desislava", "Десислава"},
       {"Radka", "Радка"},
       {"Gergana", "Гергана"},
       {"Tsvetelina", "Цветелина"}},
      {{"Ivan", "Иван"},
       {"Georgi", "Георги"},
       {"Dimitar", "Димитър"},
       {"Stoyan", "Стоян"},
       {"Nikolay", "Николай"},
       {"Asen", "Асен"},
       {"Hristo", "Христо"}},
      {{{"Ivanov", "Иванов"}, {"Ivanova", "Иванова"}},
       {{"Petrov", "Петров"}, {"Petrova", "Петрова"}},
       {{"Georgiev", "Георгиев"}, {"Georgieva", "Георгиева"}},
       {{"Dimitrov", "Димитров"}, {"Dimitrova", "Димитрова"}},
       {{"Yordanov", "Йорданов"}, {"Yordanova", "Йорданова"}},
       {{"Stoyanov", "Стоянов"}, {"Stoyanova", "Стоянова"}},
       {{"Kolev", "Колев"}, {"Koleva", "Колева"}},
       {{"Asenov", "Асенов"}, {"Asenova", "Асенова"}},
       {{"Hristov", "Христов"}, {"Hristova", "Христова"}}},
      {},
  };
  return t;
}

const Table& Nigerian() {
  static const Table t{
      {{"Blessing", ""},
       {"Joy", ""},
       {"Precious", ""},
       {"Favour", ""},
       {"Chiamaka", ""},
       {"Ngozi", ""},
       {"Osas", ""},
       {"Efe", ""},
       {"Oluwaseun", ""},
       {"Esohe", ""}},
      {{"Chinedu", ""},
       {"Emeka", ""},
       {"Osagie", ""},
       {"Ifeanyi", ""},
       {"Tunde", ""},
       {"Uche", ""},
       {"Osaro", ""},
       {"Kelechi", ""}},
      {Same({"Okafor", ""}), Same({"Eze", ""}), Same({"Igbinedion", ""}), Same({"Okonkwo", ""}),
       Same({"Adeyemi", ""}), Same({"Omoregie", ""}), Same({"Ogbonna", ""}), Same({"Edosa", ""}),
       Same({"Aigbe", ""}), Same({"Uwadiae", ""})},
      {},
  };
  return t;
}

const Table& Swedish() {
  static const Table t{
      {{"Anna", ""},
       {"Emma", ""},
       {"Åsa", ""},
       {"Sofia", ""},
       {"Maja", ""},
       {"Linnéa", ""},
       {"Ebba", ""}},
      {{"Erik", ""},
       {"Johan", ""},
       {"Mikael", ""},
       {"Oskar", ""},
       {"Björn", ""},
       {"Lars", ""},
       {"Anders", ""}},
      {Same({"Andersson", ""}), Same({"Johansson", ""}), Same({"Karlsson", ""}),
       Same({"Nilsson", ""}), Same({"Öberg", ""}), Same({"Lindqvist", ""}), Same({"Åberg", ""}),
       Same({"Sjöström", ""}), Same({"Bergström", ""})},
      {},
  };
  return t;
}

const Table& Vietnamese() {
  static const Table t{
      {{"Thị Lan", ""}, {"Thị Hương", ""}, {"Thị Mai", ""}, {"Thị Hằng", ""}, {"Ngọc Anh", ""}},
      {{"Văn Minh", ""}, {"Văn Hùng", ""}, {"Đức Anh", ""}, {"Văn Tuấn", ""}, {"Quốc Bảo", ""}},
      {Same({"Nguyễn", ""}), Same({"Trần", ""}), Same({"Lê", ""}), Same({"Phạm", ""}),
       Same({"Hoàng", ""}), Same({"Vũ", ""})},
      {},
      true,
  };
  return t;
}

const Table& Polish() {
  static const Table t{
      {{"Anna", ""}, {"Katarzyna", ""}, {"Małgorzata", ""}, {"Agnieszka", ""}, {"Joanna", ""}},
      {{"Piotr", ""}, {"Łukasz", ""}, {"Krzysztof", ""}, {"Tomasz", ""}, {"Paweł", ""}},
      {Same({"Nowak", ""}),
       {{"Kowalski", ""}, {"Kowalska", ""}},
       {{"Wiśniewski", ""}, {"Wiśniewska", ""}},
       Same({"Wójcik", ""}),
       {{"Kamiński", ""}, {"Kamińska", ""}},
       {{"Zieliński", ""}, {"Zielińska", ""}}},
      {},
  };
  return t;
}

const Table& Chinese() {
  static const Table t{
      {{"Fang", "芳"},
       {"Li", "丽"},
       {"Na", "娜"},
       {"Jing", "静"},
       {"Xiuying", "秀英"},
       {"Min", "敏"}},
      {{"Wei", "伟"},
       {"Qiang", "强"},
       {"Jun", "军"},
       {"Lei", "磊"},
       {"Yang", "洋"},
       {"Yong", "勇"}},
      {Same({"Wang", "王"}), Same({"Li", "李"}), Same({"Zhang", "张"}), Same({"Liu", "刘"}),
       Same({"Chen", "陈"}), Same({"Yang", "杨"})},
      {},
      true,
      "",
  };
  return t;
}

const Table& Arabic() {
  static const Table t{
      {{"Fatima", "فاطمة"},
       {"Maryam", "مريم"},
       {"Zainab", "زينب"},
       {"Nour", "نور"},
       {"Amina", "آمنة"},
       {"Huda", "هدى"}},
      {{"Ahmad", "أحمد"},
       {"Mohammad", "محمد"},
       {"Ali", "علي"},
       {"Omar", "عمر"},
       {"Yusuf", "يوسف"},
       {"Khalid", "خالد"}},
      {Same({"Hassan", "حسن"}), Same({"Ibrahim", "إبراهيم"}), Same({"Khalil", "خليل"}),
       Same({"Al-Ali", "العلي"}), Same({"Al-Ahmad", "الأحمد"}), Same({"Hussein", "حسين"}),
       Same({"Saleh", "صالح"})},
      {},
  };
  return t;
}

const Table& TableOf(NameOrigin origin) {
  switch (origin) {
    case NameOrigin::kThai:
      return Thai();
    case NameOrigin::kRomanian:
      return Romanian();
    case NameOrigin::kUkrainian:
      return Ukrainian();
    case NameOrigin::kBulgarian:
      return Bulgarian();
    case NameOrigin::kNigerian:
      return Nigerian();
    case NameOrigin::kSwedish:
      return Swedish();
    case NameOrigin::kVietnamese:
      return Vietnamese();
    case NameOrigin::kPolish:
      return Polish();
    case NameOrigin::kChinese:
      return Chinese();
    case NameOrigin::kArabic:
      return Arabic();
  }
  return Swedish();
}

template <typename T>
const T& PickFrom(const std::vector<T>& items, DemoRandom& random) {
  return items[random.Below(items.size())];
}

}  // namespace

std::string_view ToString(NameOrigin origin) {
  switch (origin) {
    case NameOrigin::kThai:
      return "thai";
    case NameOrigin::kRomanian:
      return "romanian";
    case NameOrigin::kUkrainian:
      return "ukrainian";
    case NameOrigin::kBulgarian:
      return "bulgarian";
    case NameOrigin::kNigerian:
      return "nigerian";
    case NameOrigin::kSwedish:
      return "swedish";
    case NameOrigin::kVietnamese:
      return "vietnamese";
    case NameOrigin::kPolish:
      return "polish";
    case NameOrigin::kChinese:
      return "chinese";
    case NameOrigin::kArabic:
      return "arabic";
  }
  return "swedish";
}

cases::PersonName MakeName(NameOrigin origin, bool female, DemoRandom& random) {
  const Table& t = TableOf(origin);
  const Part& given = PickFrom(female ? t.female : t.male, random);
  const Surname& surname = PickFrom(t.surnames, random);
  const Part& family = female ? surname.female : surname.male;
  const Part& first = t.family_first ? family : given;
  const Part& second = t.family_first ? given : family;
  cases::PersonName name;
  name.kind = cases::NameKind::kName;
  name.latin = std::string(first.latin) + " " + std::string(second.latin);
  if (!first.original.empty()) {
    name.original =
        std::string(first.original) + std::string(t.joiner) + std::string(second.original);
  }
  return name;
}

cases::PersonName MakeAlias(NameOrigin origin, bool female, DemoRandom& random) {
  const Table& t = TableOf(origin);
  const Part& p =
      PickFrom(t.nicknames.empty() ? (female ? t.female : t.male) : t.nicknames, random);
  return cases::PersonName{cases::NameKind::kAlias, std::string(p.latin), std::string(p.original)};
}

}  // namespace opennrm::cli::demo
