// The audit log's repository and use cases, on SQLite and PostgreSQL alike.
#include <sys/stat.h>

#include "app/audit/queries.hpp"
#include "audit_fixture.hpp"

namespace opennrm::testing {
namespace {

namespace oa = opennrm::audit;

using AuditContract = AuditTest;

// The field an error names; "" when there is no error.
template <class T>
std::string ErrorField(const Result<T>& r) {
  if (r.has_value() || r.error().fields.empty()) return "";
  return r.error().fields[0].field;
}

TEST_F(AuditContract, PendingEventsKeepTheirOrderAndLeaveOnce) {
  Append(0, 5);
  Append(5, 300);  // several multi-row statements
  auto uow = db_->Begin(ports::Access::kWrite).value();
  auto& audit = uow->audit();
  EXPECT_EQ(audit.CountPending().value(), 305);
  auto pending = audit.Pending(1000).value();
  ASSERT_EQ(pending.size(), 305u);
  for (size_t i = 0; i < pending.size(); ++i) {
    EXPECT_EQ(oa::DecodeEvent(pending[i].body).value().request_id, "req-" + std::to_string(i));
    if (i > 0) {
      EXPECT_GT(pending[i].id, pending[i - 1].id);
    }
  }
  EXPECT_EQ(audit.Pending(2).value().size(), 2u);
  ASSERT_TRUE(audit.RemovePending({pending[0].id, pending[1].id}).has_value());
  auto again = audit.RemovePending({pending[1].id, pending[2].id});
  ASSERT_FALSE(again.has_value()) << "pending[1] is gone";
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_F(AuditContract, TreeStateStartsEmptyAndMovesOnlyFromTheExpectedSize) {
  auto uow = db_->Begin(ports::Access::kWrite).value();
  auto& audit = uow->audit();
  auto tree = audit.Tree().value();
  EXPECT_EQ(tree.size, 0u);
  EXPECT_EQ(tree.root_hex, oa::ToHex(oa::EmptyRoot()));
  EXPECT_EQ(tree.subtree_roots, "");
  oa::CompactRange range;
  range.Append(oa::LeafHash("a"));
  range.Append(oa::LeafHash("b"));
  range.Append(oa::LeafHash("c"));
  ASSERT_TRUE(audit.SaveTree(oa::ToStoredTree(range), 0, 5).has_value());
  auto stale = audit.SaveTree(oa::ToStoredTree(range), 0, 6);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  auto back = audit.Tree().value();
  EXPECT_EQ(back.size, 3u);
  EXPECT_EQ(oa::FromStoredTree(back).value().Root(), range.Root());
}

TEST_F(AuditContract, EntriesRoundTripWithTheirIndexAndTakeEachSeqOnce) {
  oa::CompactRange range;
  std::vector<oa::StoredEntry> entries;
  for (int i = 0; i < 70; ++i) {
    oa::Event e = SyntheticEvent(i);
    if (i == 3) e.objects.push_back({"person", "p-1", "org-7", {"identity", "contact"}});
    if (i == 4) e.objects.clear();
    entries.push_back(oa::AppendEntry(range, oa::EncodeEvent(e).value()).value());
  }
  {
    auto uow = db_->Begin(ports::Access::kWrite).value();
    ASSERT_TRUE(uow->audit().AppendEntries(entries).has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  }
  auto uow = db_->Begin(ports::Access::kWrite).value();
  auto& audit = uow->audit();
  auto page = audit.Entries(2, 6, 100).value();
  ASSERT_EQ(page.size(), 4u);
  for (size_t i = 0; i < page.size(); ++i) {
    const auto& want = entries[i + 2];
    EXPECT_EQ(page[i].seq, want.seq);
    EXPECT_EQ(page[i].leaf, want.leaf);
    EXPECT_EQ(page[i].leaf_hash_hex, want.leaf_hash_hex);
    EXPECT_EQ(page[i].root_hex, want.root_hex);
    EXPECT_EQ(page[i].index, want.index) << "seq " << want.seq;
  }
  EXPECT_EQ(page[1].index.objects.size(), 2u);
  EXPECT_TRUE(page[2].index.objects.empty());
  EXPECT_EQ(audit.Entries(0, 100, 10).value().size(), 10u);

  auto hashes = audit.LeafHashes(70).value();
  ASSERT_EQ(hashes.size(), 70u);
  EXPECT_EQ(oa::Root(hashes), range.Root());
  auto too_many = audit.LeafHashes(71);
  ASSERT_FALSE(too_many.has_value());
  EXPECT_EQ(too_many.error().code, ErrorCode::kInternal);

  auto duplicate = audit.AppendEntries({entries[5]});
  ASSERT_FALSE(duplicate.has_value());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
}

TEST_F(AuditContract, JournalPositionStartsAtZeroAndMovesWithItsTransaction) {
  {
    auto uow = db_->Begin(ports::Access::kWrite).value();
    EXPECT_EQ(uow->audit().JournalApplied().value(), (ports::JournalPosition{0, 0}));
    ASSERT_TRUE(uow->audit().SaveJournalApplied({3, 4096}).has_value());
    // Rolled back: not committed.
  }
  {
    auto uow = db_->Begin(ports::Access::kWrite).value();
    EXPECT_EQ(uow->audit().JournalApplied().value(), (ports::JournalPosition{0, 0}));
    ASSERT_TRUE(uow->audit().SaveJournalApplied({7, 1ull << 40}).has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  }
  auto uow = db_->Begin(ports::Access::kRead).value();
  EXPECT_EQ(uow->audit().JournalApplied().value(), (ports::JournalPosition{7, 1ull << 40}));
}

TEST_F(AuditContract, CheckpointsAndKeys) {
  auto uow = db_->Begin(ports::Access::kWrite).value();
  auto& audit = uow->audit();
  std::string key = signer_->PublicKey();
  ASSERT_TRUE(audit.AddKey({oa::KeyId(key), key, 10}).has_value());
  ASSERT_TRUE(audit.AddKey({oa::KeyId(key), key, 20}).has_value()) << "idempotent";
  auto keys = audit.Keys().value();
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0].public_key, key);
  EXPECT_EQ(keys[0].first_used_at_us, 10);

  for (uint64_t size : {5u, 1u, 9u}) {
    oa::Checkpoint c{size, oa::LeafHash(std::to_string(size)), static_cast<long long>(size) * 10};
    ASSERT_TRUE(audit.AddCheckpoint({c, oa::KeyId(key), signer_->Sign(oa::CheckpointMessage(c))})
                    .has_value());
  }
  auto all = audit.Checkpoints(0, 100, 10, false).value();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].checkpoint.size, 1u);
  EXPECT_EQ(all[2].checkpoint.size, 9u);
  EXPECT_TRUE(oa::VerifyCheckpointSignature(all[1], key)) << "stored exactly";
  auto newest = audit.Checkpoints(0, 8, 1, true).value();
  ASSERT_EQ(newest.size(), 1u);
  EXPECT_EQ(newest[0].checkpoint.size, 5u);
  EXPECT_EQ(audit.Checkpoints(6, 100, 10, false).value().size(), 1u);
  auto duplicate = audit.AddCheckpoint(all[0]);
  ASSERT_FALSE(duplicate.has_value());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
}

TEST_F(AuditContract, SequencerAssignsContiguousNumbersAndSignsWhenDue) {
  Append(0, 10);
  auto first = Step(false);
  EXPECT_TRUE(first.leader);
  EXPECT_EQ(first.sequenced, 10u);
  EXPECT_EQ(first.tree_size, 10u);
  ASSERT_TRUE(first.checkpoint) << "the first checkpoint is due at once";
  EXPECT_EQ(first.checkpoint->checkpoint.size, 10u);
  EXPECT_EQ(first.exported, 1);

  Append(10, 3);
  clock_.Advance(std::chrono::seconds(30));
  auto early = Step(false);
  EXPECT_EQ(early.sequenced, 3u);
  EXPECT_FALSE(early.checkpoint) << "the interval has not passed";
  clock_.Advance(std::chrono::seconds(30));
  auto due = Step(false);
  EXPECT_EQ(due.sequenced, 0u);
  ASSERT_TRUE(due.checkpoint);
  EXPECT_EQ(due.checkpoint->checkpoint.size, 13u);
  clock_.Advance(std::chrono::seconds(120));
  EXPECT_FALSE(Step(false).checkpoint) << "nothing new to sign";

  auto entries = AllEntries();
  ASSERT_EQ(entries.size(), 13u);
  for (size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].seq, i);
    EXPECT_EQ(oa::DecodeEvent(entries[i].leaf).value().request_id, "req-" + std::to_string(i));
  }
  auto uow = db_->Begin(ports::Access::kRead).value();
  EXPECT_EQ(uow->audit().CountPending().value(), 0);
  auto stored = uow->audit().Checkpoints(0, 100, 10, false).value();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_TRUE(oa::VerifyCheckpointSignature(stored[1], signer_->PublicKey()));
  EXPECT_TRUE(Verify().report.ok()) << Findings(Verify().report);
}

TEST_F(AuditContract, AStepStopsAtEventsAppendedAfterItBegan) {
  const long long now_us = ToEpochMicros(clock_.Now());
  Append(0, 8, now_us - 1);          // two batches of four, appended before the step
  Append(8, 8, now_us + 1'000'000);  // appended during it (a second later)
  auto first = Step(false);
  // The third batch holds the first later events; the step stops there.
  EXPECT_EQ(first.sequenced, 12u);
  clock_.Advance(std::chrono::seconds(2));
  EXPECT_EQ(Step(false).sequenced, 4u);
  EXPECT_EQ(AllEntries().size(), 16u);
}

// Records the access of every unit of work a sequencer begins.
class AccessRecorder final : public ports::Database {
 public:
  explicit AccessRecorder(ports::Database& inner) : inner_(inner) {}
  Result<std::unique_ptr<ports::UnitOfWork>> Begin(ports::Access access) override {
    accesses.push_back(access);
    return inner_.Begin(access);
  }
  std::string Dialect() const override { return inner_.Dialect(); }
  Status Ping() override { return inner_.Ping(); }
  ports::PoolState Pool() const override { return inner_.Pool(); }
  std::vector<ports::Access> accesses;

 private:
  ports::Database& inner_;
};

TEST_F(AuditContract, TheSequencerWritesInTheBackgroundUntilItFallsBehind) {
  AccessRecorder recorder(*db_);
  app::audit::SequencerOptions o;
  o.holder = "server-a";
  o.batch_size = 4;
  o.max_lag = std::chrono::seconds(10);
  app::audit::Sequencer sequencer(recorder, *signer_, o, nullptr);
  const long long now_us = ToEpochMicros(clock_.Now());
  Append(0, 4, now_us - 9'000'000);   // 9 s old: within the lag
  Append(4, 4, now_us - 11'000'000);  // 11 s old (ids still order them after the first four)
  ASSERT_TRUE(sequencer.Step(clock_.Now()).has_value());
  // Batch 1 (9 s old) begins in the background and finds nothing late; batch 2 begins in the
  // background too and finds an 11 s old event: the next transaction (which finds nothing left)
  // queues with the requests'.
  ASSERT_GE(recorder.accesses.size(), 3u);
  EXPECT_EQ(recorder.accesses[0], ports::Access::kBackgroundWrite);
  EXPECT_EQ(recorder.accesses[1], ports::Access::kBackgroundWrite);
  EXPECT_EQ(recorder.accesses[2], ports::Access::kWrite);
  // Caught up: the next step's first batch is background work again.
  recorder.accesses.clear();
  Append(8, 1, now_us);
  ASSERT_TRUE(sequencer.Step(clock_.Now()).has_value());
  ASSERT_FALSE(recorder.accesses.empty());
  EXPECT_EQ(recorder.accesses[0], ports::Access::kBackgroundWrite)
      << "the last batch found nothing late";
  EXPECT_EQ(AllEntries().size(), 9u);
}

TEST_F(AuditContract, OnlyTheLeaseHolderSequences) {
  auto other_signer = TestSigner(2);
  auto other = MakeSequencer("server-b", *other_signer, nullptr);
  Append(0, 2);
  EXPECT_TRUE(Step(false).leader);
  Append(2, 2);
  auto b = other->Step(clock_.Now()).value();
  EXPECT_FALSE(b.leader);
  EXPECT_EQ(b.sequenced, 0u);
  clock_.Advance(std::chrono::seconds(31));  // a's lease expired: b takes over
  b = other->Step(clock_.Now(), true).value();
  EXPECT_TRUE(b.leader);
  EXPECT_EQ(b.sequenced, 2u);
  ASSERT_TRUE(b.checkpoint);
  EXPECT_EQ(b.checkpoint->key_id, oa::KeyId(other_signer->PublicKey()));
  EXPECT_FALSE(Step(false).leader) << "a lost the lease";
  ASSERT_TRUE(other->Release().has_value());
  EXPECT_TRUE(Step(false).leader) << "released: a takes it at once";

  app::audit::VerifyInputs in;
  in.trusted_keys = {signer_->PublicKey(), other_signer->PublicKey()};
  auto out = app::audit::VerifyAuditLog(*db_, in).value();
  EXPECT_TRUE(out.report.ok()) << Findings(out.report);
  EXPECT_EQ(out.report.checkpoints_verified, 2u);
  app::audit::VerifyInputs only_a;
  only_a.trusted_keys = {signer_->PublicKey()};
  EXPECT_FALSE(app::audit::VerifyAuditLog(*db_, only_a).value().report.ok());
  auto keys = app::audit::AuditQueries(*db_).PublicKeys().value();
  EXPECT_EQ(keys.size(), 2u);
}

TEST_F(AuditContract, ANonCanonicalPendingEventStopsSequencing) {
  Append(0, 2);
  Raw("INSERT INTO audit_pending (appended_at_us, body) VALUES (1, '{\"action\":\"x\"}')");
  Append(2, 1);
  auto r = sequencer_->Step(clock_.Now());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
  EXPECT_TRUE(AllEntries().empty()) << "the whole batch was rolled back";
}

TEST_F(AuditContract, ExportedCheckpointsAreFilesAnOutsiderCanCheck) {
  Append(0, 3);
  Step(true);
  Append(3, 2);
  Step(true);
  auto contents = cli::ReadCheckpointDirectory(export_dir_).value();
  EXPECT_TRUE(contents.problems.empty());
  ASSERT_EQ(contents.checkpoints.size(), 2u);
  EXPECT_EQ(contents.checkpoints[0].origin, oa::CheckpointFileName(3));
  ASSERT_EQ(contents.public_keys.size(), 1u);
  EXPECT_EQ(contents.public_keys[0], signer_->PublicKey());
  for (const auto& c : contents.checkpoints) {
    EXPECT_TRUE(oa::VerifyCheckpointSignature(c.signed_checkpoint, contents.public_keys[0]));
  }
  struct stat st {};
  ASSERT_EQ(stat((export_dir_ + "/" + oa::CheckpointFileName(5)).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);

  // A different checkpoint of an exported size is refused, and the file stays.
  oa::SignedCheckpoint forged = contents.checkpoints[1].signed_checkpoint;
  forged.checkpoint.root = oa::LeafHash("another history");
  forged.signature = signer_->Sign(oa::CheckpointMessage(forged.checkpoint));
  auto refused = exporter_->Export(forged, signer_->PublicKey());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(cli::ReadCheckpointDirectory(export_dir_).value().checkpoints[1].signed_checkpoint,
            contents.checkpoints[1].signed_checkpoint);
  EXPECT_EQ(exporter_->LastExportedSize().value(), 5u);
}

TEST_F(AuditContract, ListingFiltersAndDecodesFromTheLeaves) {
  for (int i = 0; i < 12; ++i) {
    oa::Event e = SyntheticEvent(i);
    e.at_us = 1000 + i;
    if (i == 7) {
      e.actor_user_id = "";
      e.actor_token_id = "tok-1";
    }
    if (i == 9) e.objects.push_back({"person", "p-1", "org-5", {}});
    auto uow = db_->Begin(ports::Access::kWrite).value();
    ASSERT_TRUE(uow->audit().AppendPending({oa::EncodeEvent(e).value()}, 1).has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  }
  Step(false);
  app::audit::AuditQueries q(*db_);
  auto seqs = [&](ports::AuditEventFilter f) {
    std::vector<uint64_t> out;
    auto page = q.ListEvents(f);
    EXPECT_TRUE(page.has_value()) << page.error().message;
    for (const auto& item : page->items) {
      EXPECT_TRUE(item.intact);
      EXPECT_EQ(item.event.request_id, "req-" + std::to_string(item.seq));
      out.push_back(item.seq);
    }
    return out;
  };
  using V = std::vector<uint64_t>;
  ports::AuditEventFilter f;
  EXPECT_EQ(seqs(f).size(), 12u);
  EXPECT_EQ(seqs(f).front(), 11u) << "newest first";
  f.from_us = 1003;
  f.to_us = 1006;
  EXPECT_EQ(seqs(f), (V{5, 4, 3}));
  f = {};
  f.actor = "tok-1";
  EXPECT_EQ(seqs(f), (V{7}));
  f.actor = "u1";
  EXPECT_EQ(seqs(f), (V{10, 4, 1}));
  f = {};
  f.action = "case.read";
  f.limit = 2;
  f.offset = 1;
  auto page = q.ListEvents(f).value();
  EXPECT_EQ(page.total, 6);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].seq, 9u);
  f = {};
  f.object_type = "case";
  f.object_id = "case-3";
  EXPECT_EQ(seqs(f), (V{3}));
  f.object_type = "person";
  f.object_id.reset();
  EXPECT_EQ(seqs(f), (V{9}));
  f = {};
  f.organisation_id = "org-5";  // only as the owner of an object
  EXPECT_EQ(seqs(f), (V{9}));
  f.organisation_id = "org-1";  // the acting organisation
  EXPECT_EQ(seqs(f), (V{11, 9, 7, 5, 3, 1}));
  f.organisation_id = "org-9";  // owns every case
  EXPECT_EQ(seqs(f).size(), 12u);

  ports::AuditEventFilter bad;
  bad.limit = 0;
  bad.offset = -1;
  bad.from_us = 5;
  bad.to_us = 4;
  auto refused = q.ListEvents(bad);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().fields.size(), 3u);

  Raw("UPDATE audit_entries SET leaf = 'garbage' WHERE seq = 2");
  f = {};
  f.object_id = "case-2";
  auto damaged = q.ListEvents(f).value();
  ASSERT_EQ(damaged.items.size(), 1u);
  EXPECT_FALSE(damaged.items[0].intact);
}

// ADR 16: entries below ObjectsIndexedBelow() are found through the object index, later ones by
// seq; a filter finds each entry once, whichever side it is on.
TEST_F(AuditContract, TheObjectIndexIsBuiltInSortedRunsAndFiltersFindEveryEntryOnce) {
  app::audit::SequencerOptions o;
  o.index_after = 8;  // object rows
  o.index_batch = 5;
  o.index_slice = 2;  // a run of 5 rows goes in three transactions
  auto sequencer = MakeSequencer("indexer", *signer_, nullptr, o);
  auto step = [&] {
    auto r = sequencer->Step(clock_.Now());
    EXPECT_TRUE(r.has_value()) << r.error().message;
    return r.value_or(app::audit::StepReport{});
  };
  auto indexed_below = [&] {
    auto uow = db_->Begin(ports::Access::kRead).value();
    return uow->audit().ObjectsIndexedBelow().value();
  };
  app::audit::AuditQueries q(*db_);
  // Entries naming case-<i % 5>, one object row each; entry 2 names its case twice and entry 4 a
  // person besides (two rows each).
  auto append = [&](int first, int count) {
    std::vector<std::string> bodies;
    for (int i = first; i < first + count; ++i) {
      oa::Event e = SyntheticEvent(i);
      e.objects[0].id = "case-" + std::to_string(i % 5);
      if (i == 2) e.objects.push_back(e.objects[0]);
      if (i == 4) e.objects.push_back({"person", "p-4", "org-9", {"identity"}});
      bodies.push_back(oa::EncodeEvent(e).value());
    }
    auto uow = db_->Begin(ports::Access::kWrite).value();
    ASSERT_TRUE(uow->audit().AppendPending(bodies, 1).has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  };
  auto seqs = [&](std::optional<std::string> type, std::optional<std::string> id) {
    ports::AuditEventFilter f;
    f.object_type = std::move(type);
    f.object_id = std::move(id);
    std::vector<uint64_t> out;
    auto page = q.ListEvents(f);
    EXPECT_TRUE(page.has_value()) << page.error().message;
    if (!page) return out;
    EXPECT_EQ(page->total, static_cast<long long>(page->items.size()));
    for (const auto& item : page->items) out.push_back(item.seq);
    return out;
  };
  using V = std::vector<uint64_t>;

  append(0, 5);  // 7 object rows
  auto first = step();
  EXPECT_EQ(first.sequenced, 5u);
  EXPECT_EQ(first.indexed, 0u) << "fewer than index_after object rows wait";
  EXPECT_EQ(indexed_below(), 0u);
  EXPECT_EQ(seqs("case", "case-2"), (V{2}));

  // 15 rows wait. Runs of at most 5 rows end before the entry holding the sixth: entries 0-3
  // (5 rows), then 4-7 (5 rows); then 5 rows wait, fewer than 8.
  append(5, 8);
  auto second = step();
  EXPECT_EQ(second.indexed, 8u);
  EXPECT_EQ(indexed_below(), 8u);
  // case-2: seqs 2 and 7 indexed, 12 not yet; case-4 at 4 (indexed) and 9 (not).
  EXPECT_EQ(seqs("case", "case-2"), (V{12, 7, 2}));
  EXPECT_EQ(seqs("case", "case-4"), (V{9, 4}));
  EXPECT_EQ(seqs(std::nullopt, "case-4"), (V{9, 4}));
  EXPECT_EQ(seqs("person", std::nullopt), (V{4}));
  EXPECT_EQ(seqs("person", "p-9"), V{});
  EXPECT_EQ(seqs("case", std::nullopt).size(), 13u);

  {
    auto uow = db_->Begin(ports::Access::kWrite).value();
    auto moved = uow->audit().MoveObjectsIndexedBelow(4, 13);
    ASSERT_FALSE(moved.has_value()) << "the index is at 8, not 4";
    EXPECT_EQ(moved.error().code, ErrorCode::kConflict);
  }
  EXPECT_EQ(indexed_below(), 8u);
  EXPECT_EQ(seqs("case", "case-2"), (V{12, 7, 2}));

  // Once everything is indexed, the same filters give the same entries.
  {
    auto uow = db_->Begin(ports::Access::kWrite).value();
    auto& audit = uow->audit();
    EXPECT_EQ(audit.ObjectRowsFrom(8, 100).value(), 5u);
    EXPECT_EQ(audit.ObjectRowsFrom(8, 3).value(), 3u) << "counts up to the limit";
    EXPECT_EQ(audit.ObjectRunEnd(8, 0, 13).value(), 9u) << "one entry at least";
    EXPECT_EQ(audit.ObjectRunEnd(8, 2, 13).value(), 10u) << "ends before the entry of row 3";
    EXPECT_EQ(audit.ObjectRunEnd(9, 100, 13).value(), 13u) << "never past the log";
    EXPECT_EQ(audit.ObjectRunEnd(13, 100, 13).value(), 13u);
    // Entries 8-12 name case-3, case-4, case-0, case-1 and case-2: one key each, in key order.
    using K = ports::AuditObjectKey;
    const std::vector<K> keys = audit.ObjectKeys(8, 13).value();
    EXPECT_EQ(keys, (std::vector<K>{{"case-0", "case", 10},
                                    {"case-1", "case", 11},
                                    {"case-2", "case", 12},
                                    {"case-3", "case", 8},
                                    {"case-4", "case", 9}}));
    ASSERT_TRUE(audit.WarmObjectKeys(keys).has_value()) << "reads only";
    ASSERT_TRUE(audit.WarmObjectKeys({}).has_value());
    ASSERT_TRUE(audit.AddObjectKeys({keys[0], keys[1]}).has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  }
  // A slice in, the state not moved yet: entry 10 is on both sides and still found once.
  EXPECT_EQ(indexed_below(), 8u);
  EXPECT_EQ(seqs("case", "case-0"), (V{10, 5, 0}));
  EXPECT_EQ(seqs(std::nullopt, "case-1"), (V{11, 6, 1}));
  EXPECT_EQ(seqs("case", std::nullopt).size(), 13u);
  {
    auto uow = db_->Begin(ports::Access::kWrite).value();
    auto& audit = uow->audit();
    ASSERT_TRUE(audit.AddObjectKeys(audit.ObjectKeys(8, 13).value()).has_value())
        << "keys added before are skipped";
    ASSERT_TRUE(audit.MoveObjectsIndexedBelow(8, 13).has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  }
  EXPECT_EQ(indexed_below(), 13u);
  EXPECT_EQ(seqs("case", "case-2"), (V{12, 7, 2}));
  EXPECT_EQ(seqs("case", "case-4"), (V{9, 4}));
  EXPECT_EQ(seqs("case", std::nullopt).size(), 13u);
  EXPECT_EQ(step().indexed, 0u);
}

TEST_F(AuditContract, ProofsVerifyAgainstSignedCheckpoints) {
  Append(0, 5);
  Step(true);
  Append(5, 8);
  clock_.Advance(std::chrono::seconds(61));
  Step(false);
  app::audit::AuditQueries q(*db_);
  auto checkpoints = q.Checkpoints(10).value();
  ASSERT_EQ(checkpoints.size(), 2u);
  const auto& newest = checkpoints[0];
  const auto& oldest = checkpoints[1];
  EXPECT_EQ(newest.checkpoint.size, 13u);
  EXPECT_EQ(q.Checkpoints(10, 13).value().size(), 1u);

  for (uint64_t seq = 0; seq < 13; ++seq) {
    auto p = q.Inclusion(seq, 0).value();  // 0: the latest checkpoint
    EXPECT_EQ(p.tree_size, 13u);
    EXPECT_EQ(p.root, newest.checkpoint.root);
    EXPECT_TRUE(oa::VerifyInclusion(p.leaf_hash, seq, 13, p.path, newest.checkpoint.root));
  }
  auto in_old = q.Inclusion(2, 5).value();
  EXPECT_TRUE(oa::VerifyInclusion(in_old.leaf_hash, 2, 5, in_old.path, oldest.checkpoint.root));

  auto c = q.Consistency(5, 0).value();
  EXPECT_EQ(c.from_root, oldest.checkpoint.root);
  EXPECT_EQ(c.to_root, newest.checkpoint.root);
  EXPECT_TRUE(
      oa::VerifyConsistency(5, 13, oldest.checkpoint.root, newest.checkpoint.root, c.proof));

  EXPECT_EQ(ErrorField(q.Inclusion(13, 13)), "seq");
  EXPECT_EQ(ErrorField(q.Inclusion(0, 14)), "size");
  EXPECT_EQ(ErrorField(q.Consistency(6, 5)), "from");
  EXPECT_EQ(ErrorField(q.Consistency(1, 99)), "to");
  EXPECT_EQ(ErrorField(q.Checkpoints(0)), "limit");
  auto head = q.Head().value();
  EXPECT_EQ(head.size, 13u);
  EXPECT_EQ(head.root, newest.checkpoint.root);
  EXPECT_EQ(head.pending, 0);
}

TEST_F(AuditContract, ProofsNeedACheckpointWhenNoSizeIsGiven) {
  app::audit::AuditQueries q(*db_);
  auto r = q.Inclusion(0, 0);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace opennrm::testing
