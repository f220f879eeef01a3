// Elasticsearch's sequence state machine over an ordered stream of events, independent of where
// the events come from (the runner feeds it rows; tests feed it the series-spec tables).
//
// Per join key and per stage only the newest partial sequence matters: when an event matches
// stage k it extends the newest partial at the previous positive stage (same key) and every
// older one there is discarded, so one slot per (stage, key) holds the state exactly. A partial
// is dropped when extending it would break maxspan, or when an `until` event of the same key
// lies between its last event and the new one. Missing-event stages do not take part in the
// matching: each completed candidate is checked against them at the end, as Elasticsearch's
// follow-up queries do (eql-reference §10).
//
// Memory: live partials <= (positive stages - 1) x distinct keys; with maxspan, expired ones are
// swept as time moves on. A cap (options.maxPartialEvents) bounds what is left: past it the
// oldest half is dropped and `capped()` reports it, so a caller can warn.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace eqlwb {

struct SequenceShape {
    std::vector<bool> missing; // per expanded stage (runs already unrolled)
    std::optional<int64_t> maxspanNanos;
};

struct SequenceMatcherOptions {
    size_t limit = SIZE_MAX; // stop after this many completions (no missing stages only)
    size_t maxPartialEvents = size_t(32) << 20; // cap on event slots held by live partials
};

// One completed sequence: event positions per expanded stage (kNoEvent for a missing slot).
struct SequenceHit {
    static constexpr uint32_t kNoEvent = 0xFFFFFFFFu;
    std::vector<uint32_t> positions;
    uint32_t key = 0;
    uint32_t completedAt = 0; // position of the last positive event
};

class SequenceMatcher {
public:
    // `timestamps[pos]` is the time (ns) of the event at stream position pos.
    SequenceMatcher(
        SequenceShape shape, std::span<const int64_t> timestamps, SequenceMatcherOptions options = {});

    struct StageKey {
        uint32_t stage; // expanded stage index
        uint32_t key; // join-key tuple id
    };

    // Feeds the event at position `pos` (positions strictly increasing): the stages it matches
    // with their keys, and the keys it carries as an `until` event.
    void onEvent(uint32_t pos, std::span<const StageKey> matches, std::span<const uint32_t> untilKeys);

    // After the last event: applies the missing-event checks and returns the sequences in
    // completion order.
    std::vector<SequenceHit> finish();

    size_t completedCount() const { return candidates_.size(); }
    bool hasMissingStages() const { return hasMissing_; }
    bool limitReached() const { return !hasMissingStages() && candidates_.size() >= options_.limit; }
    bool capped() const { return capped_; }
    size_t livePartials() const { return live_; }
    size_t peakPartials() const { return peakLive_; }

private:
    static constexpr int32_t kNone = -1;

    size_t stageCount() const { return shape_.missing.size(); }
    void extend(uint32_t stage, uint32_t key, uint32_t pos);
    int32_t allocPartial(uint32_t stageSlot, uint32_t key);
    void freePartial(int32_t partial);
    int32_t& slot(uint32_t stageSlot, uint32_t key);
    void complete(int32_t partial, uint32_t key, uint32_t pos);
    void sweep(int64_t now);
    void evictOldestHalf();
    bool acceptMissing(const SequenceHit& hit) const;
    bool exceedsMaxspan(int64_t from, int64_t to) const;

    SequenceShape shape_;
    std::span<const int64_t> ts_;
    SequenceMatcherOptions options_;
    std::vector<uint32_t> positive_; // expanded stage indices of the positive stages
    std::vector<int32_t> slotOfStage_; // expanded stage -> index among positive stages, or -1
    uint32_t firstPositive_ = 0, lastPositive_ = 0;
    bool hasMissing_ = false;

    // Partials: `width` positions each (one per positive stage), in one arena with a free list.
    size_t width_ = 0;
    std::vector<uint32_t> arena_;
    std::vector<uint32_t> partialKey_;
    std::vector<uint32_t> partialSlot_; // which positive stage it waits at
    std::vector<uint32_t> partialLength_; // filled positions
    std::vector<int32_t> free_;
    size_t live_ = 0, peakLive_ = 0;
    bool capped_ = false;
    std::vector<std::vector<int32_t>> slots_; // per positive stage but the last: key -> partial
    std::vector<int64_t> lastUntil_; // key -> newest until position (-1 none)
    size_t sinceSweep_ = 0;
    size_t sweepEvery_ = 65536;

    // Missing stages: per expanded stage, key -> timestamps of matching events (ascending).
    std::vector<std::vector<std::vector<int64_t>>> missingTimes_;
    std::vector<SequenceHit> candidates_;
};

} // namespace eqlwb
