// The versioned rules case management follows, read once at start from the
// data files the product ships (data/rules/): immutable and shared.
#pragma once

#include <optional>
#include <vector>

#include "domain/cases/indicators.hpp"
#include "domain/cases/offences.hpp"
#include "domain/clocks/rule_set.hpp"
#include "domain/referrals/legal_basis.hpp"
#include "domain/referrals/purpose_table.hpp"
#include "domain/stats/eu_eea.hpp"
#include "domain/tracks/step_definitions.hpp"

namespace opennrm::app {

struct CaseRules {
  // Every version of the step definitions (tracks::ValidateHistory passed).
  std::vector<tracks::DefinitionSet> steps;
  // The indicator checklist in use (data/rules/indicators.toml); nullopt
  // only in tests that need none (then every indicator is unknown).
  std::optional<cases::IndicatorCatalog> indicators;
  // Every version of every clock rule (data/rules/clocks.toml); empty only in
  // tests that need none (then every rule id is unknown).
  clocks::RuleSet clocks;
  // The offences as dated versions (data/rules/offences.toml); nullopt only
  // in tests that need none (then every offence is unknown).
  std::optional<cases::OffenceCatalog> offences;
  // EU/EEA membership as dated periods (data/rules/eu_eea.toml), for the
  // citizenship groups of statistics facts; nullopt only in tests that need
  // none (then no country counts as EU/EEA).
  std::optional<stats::EuEeaMembership> eu_eea;
  // The legal bases of disclosures per sender kind, as dated entries
  // (data/rules/disclosure_bases.toml); empty only in tests that need none
  // (then no basis is in force and every referral is refused).
  referrals::BasisTable disclosure_bases;
  // The referral purposes with response deadlines and outcomes
  // (data/rules/referral_purposes.toml); empty only in tests that need none
  // (then every purpose is unknown).
  referrals::PurposeTable referral_purposes;
};

}  // namespace opennrm::app
