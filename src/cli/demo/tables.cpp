#include "cli/demo/tables.hpp"

namespace opennrm::cli::demo {

namespace {

using F = cases::ExploitationForm;
using S = cases::LabourSector;

// Shapes several groups share.
const WeightedList<F> kIraqSyriaForms{{F::kForcedMarriage, 30},
                                      {F::kLabour, 25},
                                      {F::kSexual, 20},
                                      {F::kForcedCriminality, 20},
                                      {F::kDomesticServitude, 5}};
const WeightedList<S> kRestaurantsConstructionCarWash{
    {S::kRestaurants, 40}, {S::kConstruction, 30}, {S::kCarWash, 30}};
const WeightedList<S> kRestaurantsConstructionCleaning{
    {S::kRestaurants, 40}, {S::kConstruction, 30}, {S::kCleaning, 30}};
const WeightedList<F> kBalkanForms{
    {F::kLabour, 35}, {F::kSexual, 30}, {F::kForcedBegging, 20}, {F::kForcedCriminality, 15}};

// Who is exploited in each form: the share of children and of women and girls.
struct FormShares {
  F form;
  double child;
  double female;
};
constexpr FormShares kFormShares[] = {
    {F::kSexual, 0.14, 0.92},
    {F::kLabour, 0.04, 0.35},
    {F::kForcedBegging, 0.22, 0.55},
    {F::kForcedCriminality, 0.35, 0.3},
    {F::kForcedMarriage, 0.45, 0.92},
    {F::kIllegalAdoption, 1.0, 0.5},
    {F::kDomesticServitude, 0.12, 0.82},
    {F::kSurrogacyExploitation, 0.05, 1.0},
};
constexpr FormShares kOtherForm{F::kOrganRemoval, 0.05, 0.5};

const FormShares& SharesOf(F form) {
  for (const auto& s : kFormShares) {
    if (s.form == form) return s;
  }
  return kOtherForm;
}

}  // namespace

const std::vector<CitizenshipProfile>& CitizenshipProfiles() {
  static const std::vector<CitizenshipProfile> kProfiles{
      {"TH",
       20,
       NameOrigin::kThai,
       false,
       "tha",
       {{"eng", 0.1}},
       {{F::kLabour, 75}, {F::kSexual, 25}},
       {{S::kBerryPicking, 60},
        {S::kRestaurants, 10},
        {S::kBeautyServices, 12},
        {S::kAgriculture, 10},
        {S::kCleaning, 8}},
       {}},
      {"RO",
       15,
       NameOrigin::kRomanian,
       true,
       "ron",
       {{"rom", 0.25}, {"eng", 0.1}},
       kBalkanForms,
       {{S::kConstruction, 30},
        {S::kAgriculture, 20},
        {S::kCleaning, 15},
        {S::kCarWash, 15},
        {S::kWarehouse, 10},
        {S::kForestry, 10}},
       {"HU", "DE"}},
      {"UA",
       10,
       NameOrigin::kUkrainian,
       false,
       "ukr",
       {{"rus", 0.4}, {"eng", 0.15}},
       {{F::kLabour, 50}, {F::kSexual, 40}, {F::kDomesticServitude, 10}},
       {{S::kConstruction, 25},
        {S::kAgriculture, 25},
        {S::kCleaning, 20},
        {S::kWarehouse, 15},
        {S::kTransport, 10},
        {S::kBerryPicking, 5}},
       {"PL"}},
      {"NG",
       9,
       NameOrigin::kNigerian,
       false,
       "eng",
       {{"bin", 0.45}, {"yor", 0.2}, {"ibo", 0.2}},
       {{F::kSexual, 70},
        {F::kLabour, 15},
        {F::kDomesticServitude, 10},
        {F::kForcedCriminality, 5}},
       {{S::kCleaning, 50}, {S::kRestaurants, 30}, {S::kRetail, 20}},
       {"LY", "IT", "ES"}},
      {"SE",
       8,
       NameOrigin::kSwedish,
       false,
       "swe",
       {{"eng", 0.3}},
       {{F::kSexual, 55}, {F::kForcedCriminality, 25}, {F::kLabour, 10}, {F::kForcedMarriage, 10}},
       kRestaurantsConstructionCleaning,
       {}},
      {"BG",
       7,
       NameOrigin::kBulgarian,
       true,
       "bul",
       {{"rom", 0.25}, {"tur", 0.1}},
       {{F::kSexual, 40}, {F::kLabour, 30}, {F::kForcedBegging, 20}, {F::kForcedCriminality, 10}},
       {{S::kConstruction, 35}, {S::kAgriculture, 35}, {S::kCleaning, 30}},
       {"RO", "HU", "DE"}},
      {"VN",
       4,
       NameOrigin::kVietnamese,
       false,
       "vie",
       {{"eng", 0.1}},
       {{F::kLabour, 70}, {F::kForcedCriminality, 20}, {F::kSexual, 10}},
       {{S::kBeautyServices, 55}, {S::kRestaurants, 30}, {S::kAgriculture, 15}},
       {"RU", "PL", "DE"}},
      {"PL",
       3,
       NameOrigin::kPolish,
       true,
       "pol",
       {{"eng", 0.2}},
       {{F::kLabour, 80}, {F::kForcedCriminality, 10}, {F::kSexual, 10}},
       {{S::kConstruction, 40}, {S::kManufacturing, 20}, {S::kForestry, 20}, {S::kTransport, 20}},
       {"DE"}},
      {"CN",
       2,
       NameOrigin::kChinese,
       false,
       "cmn",
       {{"eng", 0.1}},
       {{F::kLabour, 50}, {F::kSexual, 50}},
       {{S::kRestaurants, 60}, {S::kBeautyServices, 25}, {S::kManufacturing, 15}},
       {"RU"}},
      {"SY",
       2,
       NameOrigin::kArabic,
       false,
       "apc",
       {{"ara", 0.6}, {"eng", 0.2}},
       kIraqSyriaForms,
       kRestaurantsConstructionCarWash,
       {"TR", "GR", "DE"}},
      {"IQ",
       1.5,
       NameOrigin::kArabic,
       false,
       "acm",
       {{"ara", 0.6}, {"eng", 0.2}},
       kIraqSyriaForms,
       kRestaurantsConstructionCarWash,
       {"TR", "GR"}},
      {"MA",
       1.5,
       NameOrigin::kArabic,
       false,
       "ary",
       {{"fra", 0.4}, {"ara", 0.4}},
       {{F::kForcedCriminality, 45}, {F::kLabour, 25}, {F::kSexual, 20}, {F::kForcedMarriage, 10}},
       {{S::kRestaurants, 40}, {S::kAgriculture, 30}, {S::kCarWash, 30}},
       {"ES", "FR", "DE"}},
      // Not known (yet): any group's names, the common forms.
      {"",
       2,
       NameOrigin::kNigerian,
       false,
       "eng",
       {},
       {{F::kLabour, 40},
        {F::kSexual, 35},
        {F::kForcedCriminality, 10},
        {F::kForcedBegging, 5},
        {F::kDomesticServitude, 5},
        {F::kOrganRemoval, 1.5},
        {F::kIllegalAdoption, 1.5},
        {F::kSurrogacyExploitation, 2}},
       {{S::kCleaning, 40}, {S::kConstruction, 30}, {S::kAgriculture, 30}},
       {}},
      {"--",
       0.5,
       NameOrigin::kArabic,
       false,
       "ara",
       {{"eng", 0.3}},
       {{F::kLabour, 40}, {F::kSexual, 30}, {F::kForcedCriminality, 20}, {F::kForcedMarriage, 10}},
       kRestaurantsConstructionCleaning,
       {"LB", "TR"}},
  };
  return kProfiles;
}

double ChildShare(cases::ExploitationForm form) { return SharesOf(form).child; }

double FemaleShare(cases::ExploitationForm form) { return SharesOf(form).female; }

}  // namespace opennrm::cli::demo
