// The database as the use cases see it: units of work that commit or roll
// back as one, and the repositories inside them. Implementations are
// thread-safe; a UnitOfWork belongs to one thread at a time.
#pragma once

#include <memory>
#include <string>

#include "core/error.hpp"
#include "ports/api_token_repository.hpp"
#include "ports/audit_repository.hpp"
#include "ports/case_clock_repository.hpp"
#include "ports/case_log_repository.hpp"
#include "ports/case_note_repository.hpp"
#include "ports/case_record_repository.hpp"
#include "ports/case_repository.hpp"
#include "ports/case_task_repository.hpp"
#include "ports/case_track_repository.hpp"
#include "ports/child_track_repository.hpp"
#include "ports/consent_repository.hpp"
#include "ports/consultation_repository.hpp"
#include "ports/crime_figure_repository.hpp"
#include "ports/data_key_repository.hpp"
#include "ports/knowledge_repository.hpp"
#include "ports/lease_repository.hpp"
#include "ports/login_attempt_repository.hpp"
#include "ports/notification_repository.hpp"
#include "ports/organisation_repository.hpp"
#include "ports/person_repository.hpp"
#include "ports/reference_repository.hpp"
#include "ports/referral_repository.hpp"
#include "ports/session_repository.hpp"
#include "ports/statistics_fact_repository.hpp"
#include "ports/statistics_release_repository.hpp"
#include "ports/user_repository.hpp"

namespace opennrm::ports {

class UnitOfWork {
 public:
  // Rolls back unless Commit() succeeded.
  virtual ~UnitOfWork() = default;
  virtual OrganisationRepository& organisations() = 0;
  virtual ReferenceRepository& reference() = 0;
  virtual LeaseRepository& leases() = 0;
  virtual AuditRepository& audit() = 0;
  virtual UserRepository& users() = 0;
  virtual LoginAttemptRepository& login_attempts() = 0;
  virtual SessionRepository& sessions() = 0;
  virtual ApiTokenRepository& api_tokens() = 0;
  virtual DataKeyRepository& data_keys() = 0;
  virtual NotificationRepository& notifications() = 0;
  virtual CaseRepository& cases() = 0;
  virtual PersonRepository& persons() = 0;
  virtual CaseLogRepository& case_log() = 0;
  virtual StatisticsFactRepository& statistics_facts() = 0;
  virtual CaseClockRepository& case_clocks() = 0;
  virtual CaseTaskRepository& case_tasks() = 0;
  virtual ChildTrackRepository& child_track() = 0;
  virtual CaseNoteRepository& case_notes() = 0;
  virtual CaseRecordRepository& case_records() = 0;
  virtual CaseTrackRepository& case_tracks() = 0;
  virtual ReferralRepository& referrals() = 0;
  virtual ConsentRepository& consents() = 0;
  virtual ConsultationRepository& consultations() = 0;
  virtual KnowledgeRepository& knowledge() = 0;
  virtual StatisticsReleaseRepository& statistics_releases() = 0;
  virtual CrimeFigureRepository& crime_figures() = 0;
  virtual Status Commit() = 0;
};

// kBackgroundWrite: a write nobody waits on (the audit sequencer, scheduled jobs). On SQLite,
// with its one writer at a time, such writes wait while requests' writes are waiting
// (docs/adr/0010-background-writers-and-checkpoints.md); elsewhere the same as kWrite.
enum class Access { kRead, kWrite, kBackgroundWrite };

struct PoolState {
  int size = 0;
  int in_use = 0;
  int waiting = 0;
  long long acquired_total = 0;
  long long timeouts_total = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  // Begins a transaction. kUnavailable when no connection frees up in time.
  virtual Result<std::unique_ptr<UnitOfWork>> Begin(Access access) = 0;
  // "sqlite" or "postgres", for health output only; use cases never branch on it.
  virtual std::string Dialect() const = 0;
  // Answers when the database can serve queries (SELECT 1).
  virtual Status Ping() = 0;
  virtual PoolState Pool() const = 0;
  // Refreshes what the query planner knows of the tables (how many rows, how selective each
  // index is), so that it drives a query from its most selective index. Cheap and bounded; run
  // at start and then now and again. A database that keeps its own statistics does nothing.
  virtual Status Optimize() { return {}; }
};

}  // namespace opennrm::ports
