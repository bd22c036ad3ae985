// Plans the demo's synthetic consultations of the hotline (issue 6 point 9):
// over the years before the demo's today, calls on open days in office hours
// (the configured office hours and holidays), e-mails and web requests at
// any hour, visits; topics and forms of exploitation in plausible shares,
// with a seasonal peak of labour exploitation among berry pickers in Norrland
// and Värmland municipalities from July to September; realistic durations,
// some immediate danger with the steps taken, follow-ups, and where each
// ends in the queue (closed, except some of the last weeks: new, assigned,
// waiting for a follow-up). Callers are synthetic professionals (names from
// names.hpp, fictional phone numbers, example.org addresses); the situation
// and advice are template texts that identify nobody. Pure: the same world,
// seed and index always give the same plan. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/hotline/consultations.hpp"
#include "cli/demo/world.hpp"
#include "core/date.hpp"
#include "domain/geo/geography.hpp"
#include "domain/hotline/office_hours.hpp"

namespace opennrm::cli::demo {

// What the planner draws from, built once per run. Immutable; thread-safe.
struct ConsultationWorld {
  const geo::Geography* geography = nullptr;
  hotline::OfficeHours office_hours;
  CivilDate today;
  CivilDate first_day;                      // the first day consultations are planned on
  std::vector<CivilDate> days;              // first_day..today
  std::vector<CivilDate> open_days;         // of those, the days the hotline is open
  std::vector<CivilDate> season_open_days;  // open days of July to September
  WeightedIndex season_weights{std::vector<double>{}};  // over season_open_days: mid-August peak
  Pool municipalities;                                  // nationwide, by population
  Pool berry_municipalities;  // Norrland and Värmland (counties 17, 21-25)
  std::size_t operators = 1;  // the hotline operators consultations are spread over
};

// REQUIRES: years >= 1, operators >= 1, the geography outlives the world.
ConsultationWorld BuildConsultationWorld(const geo::Geography& geography,
                                         const hotline::OfficeHours& office_hours, CivilDate today,
                                         int years, std::size_t operators);

// How many consultations `years` years give by default (about 600 a year).
long long DefaultConsultationCount(int years);

// Counties whose municipalities see berry pickers' camps in the season.
const std::vector<std::string>& BerryCounties();

struct PlannedFollowUp {
  std::string text;
  long long written_at_us = 0;
  std::optional<CivilDate> due_on;
  std::optional<long long> done_at_us;  // nullopt: still open
};

struct PlannedDangerStep {
  std::string step;  // hotline::ToString(DangerStep), never notified_regional_coordinator
  long long done_at_us = 0;
};

struct ConsultationPlan {
  std::uint64_t index = 0;
  std::size_t operator_index = 0;  // which demo hotline operator records and works it
  // The caller's organisation by its seed key ("" when it is not in the seeded
  // directory: input.caller.organisation_name names it then).
  std::string caller_seed_key;
  // What the operator records; caller.organisation_id is left "" for the
  // writer to fill from caller_seed_key; assign_to_me unless it stays new.
  app::ConsultationInput input;
  long long recorded_at_us = 0;  // when it is recorded: after the call
  std::vector<PlannedDangerStep> danger_steps;
  std::vector<PlannedFollowUp> follow_ups;
  std::optional<long long> closed_at_us;
  hotline::QueueStatus ends = hotline::QueueStatus::kClosed;  // where it stands at the end
  bool berry_picking = false;  // one of the season's berry pickers' consultations
};

ConsultationPlan PlanConsultation(const ConsultationWorld& world, std::uint64_t seed,
                                  std::uint64_t index);

}  // namespace opennrm::cli::demo
