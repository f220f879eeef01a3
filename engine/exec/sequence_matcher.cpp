#include "exec/sequence_matcher.h"

#include <algorithm>

namespace eqlwb {

namespace {

// Elasticsearch bounds its missing-event queries with epoch milliseconds.
int64_t floorToMillis(int64_t ns)
{
    int64_t ms = ns / 1'000'000;
    if (ns % 1'000'000 < 0)
        --ms;
    return ms * 1'000'000;
}

} // namespace

SequenceMatcher::SequenceMatcher(
    SequenceShape shape, std::span<const int64_t> timestamps, SequenceMatcherOptions options)
    : shape_(std::move(shape))
    , ts_(timestamps)
    , options_(options)
{
    slotOfStage_.assign(stageCount(), -1);
    for (uint32_t s = 0; s < stageCount(); ++s) {
        if (shape_.missing[s]) {
            hasMissing_ = true;
            continue;
        }
        slotOfStage_[s] = static_cast<int32_t>(positive_.size());
        positive_.push_back(s);
    }
    width_ = positive_.size();
    if (!positive_.empty()) {
        firstPositive_ = positive_.front();
        lastPositive_ = positive_.back();
    }
    slots_.resize(width_ > 0 ? width_ - 1 : 0);
    missingTimes_.resize(stageCount());
}

bool SequenceMatcher::exceedsMaxspan(int64_t from, int64_t to) const
{
    return shape_.maxspanNanos && *shape_.maxspanNanos > 0 && to - from > *shape_.maxspanNanos;
}

int32_t& SequenceMatcher::slot(uint32_t stageSlot, uint32_t key)
{
    auto& s = slots_[stageSlot];
    if (key >= s.size())
        s.resize(std::max<size_t>(key + 1, s.size() * 2), kNone);
    return s[key];
}

int32_t SequenceMatcher::allocPartial(uint32_t stageSlot, uint32_t key)
{
    int32_t p;
    if (!free_.empty()) {
        p = free_.back();
        free_.pop_back();
    } else {
        p = static_cast<int32_t>(partialKey_.size());
        arena_.resize(arena_.size() + width_);
        partialKey_.push_back(0);
        partialSlot_.push_back(0);
        partialLength_.push_back(0);
    }
    partialKey_[p] = key;
    partialSlot_[p] = stageSlot;
    partialLength_[p] = 0;
    ++live_;
    peakLive_ = std::max(peakLive_, live_);
    return p;
}

void SequenceMatcher::freePartial(int32_t p)
{
    partialLength_[p] = 0;
    free_.push_back(p);
    --live_;
}

void SequenceMatcher::complete(int32_t p, uint32_t key, uint32_t pos)
{
    SequenceHit hit;
    hit.positions.assign(stageCount(), SequenceHit::kNoEvent);
    for (size_t j = 0; j < width_; ++j)
        hit.positions[positive_[j]] = arena_[p * width_ + j];
    hit.key = key;
    hit.completedAt = pos;
    candidates_.push_back(std::move(hit));
    freePartial(p);
}

void SequenceMatcher::extend(uint32_t stage, uint32_t key, uint32_t pos)
{
    const auto j = static_cast<uint32_t>(slotOfStage_[stage]);
    int32_t p;
    if (j == 0) {
        p = allocPartial(0, key);
    } else {
        int32_t& prev = slot(j - 1, key);
        if (prev == kNone)
            return;
        p = prev;
        prev = kNone; // the newest partial is taken; older ones were already replaced
        const uint32_t first = arena_[p * width_];
        if (exceedsMaxspan(ts_[first], ts_[pos])) {
            freePartial(p);
            return;
        }
        // The nearest until event before this one kills the partial when it lies at or after
        // the partial's last event.
        if (key < lastUntil_.size() && lastUntil_[key] >= static_cast<int64_t>(arena_[p * width_ + j - 1])) {
            freePartial(p);
            return;
        }
    }
    arena_[p * width_ + j] = pos;
    partialLength_[p] = j + 1;
    if (j + 1 == width_) {
        complete(p, key, pos);
        return;
    }
    partialSlot_[p] = j;
    int32_t& here = slot(j, key);
    if (here != kNone)
        freePartial(here); // only the newest partial per key and stage can ever be extended
    here = p;
}

void SequenceMatcher::onEvent(
    uint32_t pos, std::span<const StageKey> matches, std::span<const uint32_t> untilKeys)
{
    // Later stages first, so an event never extends a partial it has just joined.
    thread_local std::vector<StageKey> ordered;
    ordered.assign(matches.begin(), matches.end());
    std::stable_sort(ordered.begin(), ordered.end(),
        [](const StageKey& a, const StageKey& b) { return a.stage > b.stage; });
    for (const auto& m : ordered) {
        if (m.stage >= stageCount())
            continue;
        if (shape_.missing[m.stage]) {
            auto& byKey = missingTimes_[m.stage];
            if (m.key >= byKey.size())
                byKey.resize(m.key + 1);
            byKey[m.key].push_back(ts_[pos]);
        } else {
            extend(m.stage, m.key, pos);
        }
    }
    for (uint32_t k : untilKeys) {
        if (k >= lastUntil_.size())
            lastUntil_.resize(std::max<size_t>(k + 1, lastUntil_.size() * 2), -1);
        lastUntil_[k] = pos;
    }
    // Sweeping costs the arena's size, so it waits for at least as many events as partials
    // survived the last one.
    if (shape_.maxspanNanos && ++sinceSweep_ >= sweepEvery_) {
        sinceSweep_ = 0;
        sweep(ts_[pos]);
        sweepEvery_ = std::max<size_t>(65536, live_);
    }
    if (live_ * width_ > options_.maxPartialEvents)
        evictOldestHalf();
}

void SequenceMatcher::sweep(int64_t now)
{
    for (size_t p = 0; p < partialLength_.size(); ++p) {
        if (partialLength_[p] == 0)
            continue;
        if (!exceedsMaxspan(ts_[arena_[p * width_]], now))
            continue;
        int32_t& s = slot(partialSlot_[p], partialKey_[p]);
        if (s == static_cast<int32_t>(p))
            s = kNone;
        freePartial(static_cast<int32_t>(p));
    }
}

void SequenceMatcher::evictOldestHalf()
{
    std::vector<uint32_t> starts;
    starts.reserve(live_);
    for (size_t p = 0; p < partialLength_.size(); ++p)
        if (partialLength_[p] != 0)
            starts.push_back(arena_[p * width_]);
    if (starts.empty())
        return;
    auto mid = starts.begin() + static_cast<std::ptrdiff_t>(starts.size() / 2);
    std::nth_element(starts.begin(), mid, starts.end());
    const uint32_t median = *mid;
    for (size_t p = 0; p < partialLength_.size(); ++p) {
        if (partialLength_[p] == 0 || arena_[p * width_] > median)
            continue;
        int32_t& s = slot(partialSlot_[p], partialKey_[p]);
        if (s == static_cast<int32_t>(p))
            s = kNone;
        freePartial(static_cast<int32_t>(p));
    }
    capped_ = true;
}

bool SequenceMatcher::acceptMissing(const SequenceHit& hit) const
{
    const int64_t firstTs = ts_[hit.positions[firstPositive_]];
    const int64_t lastTs = ts_[hit.positions[lastPositive_]];
    std::optional<int64_t> lastLeading, firstTrailing;
    static const std::vector<int64_t> none;
    for (uint32_t i = 0; i < stageCount(); ++i) {
        if (!shape_.missing[i])
            continue;
        const auto& byKey = missingTimes_[i];
        const auto& times = hit.key < byKey.size() ? byKey[hit.key] : none;
        if (i < firstPositive_) {
            // The newest match strictly before the first positive event (in milliseconds).
            auto it = std::lower_bound(times.begin(), times.end(), floorToMillis(firstTs));
            if (it != times.begin())
                lastLeading = std::max(lastLeading.value_or(INT64_MIN), *(it - 1));
        } else if (i > lastPositive_) {
            auto it = std::upper_bound(times.begin(), times.end(), floorToMillis(lastTs));
            if (it != times.end())
                firstTrailing = std::min(firstTrailing.value_or(INT64_MAX), *it);
        } else {
            // Between the neighbouring positive events, both ends excluded.
            int64_t prev = firstTs, next = lastTs;
            for (uint32_t s = i; s-- > 0;)
                if (!shape_.missing[s]) {
                    prev = ts_[hit.positions[s]];
                    break;
                }
            for (uint32_t s = i + 1; s < stageCount(); ++s)
                if (!shape_.missing[s]) {
                    next = ts_[hit.positions[s]];
                    break;
                }
            auto it = std::upper_bound(times.begin(), times.end(), floorToMillis(prev));
            if (it != times.end() && *it < floorToMillis(next))
                return false;
        }
    }
    // Leading and trailing matches reject only together with the positive events inside one
    // maxspan window (Elasticsearch's rule, see test_missing_events leadingAndTrailing*).
    const bool leadingStage = shape_.missing.front();
    const bool trailingStage = shape_.missing.back();
    auto tooFar = [&](std::optional<int64_t> from, std::optional<int64_t> to) {
        return !from || !to || exceedsMaxspan(*from, *to);
    };
    return (!firstTrailing && !lastLeading) || (!lastLeading && leadingStage)
        || (!firstTrailing && trailingStage)
        || (leadingStage && trailingStage && tooFar(lastLeading, firstTrailing))
        || (leadingStage && !trailingStage && tooFar(lastLeading, lastTs))
        || (!leadingStage && trailingStage && tooFar(firstTs, firstTrailing));
}

std::vector<SequenceHit> SequenceMatcher::finish()
{
    if (!hasMissing_)
        return std::move(candidates_);
    std::vector<SequenceHit> accepted;
    for (auto& hit : candidates_)
        if (acceptMissing(hit))
            accepted.push_back(std::move(hit));
    candidates_.clear();
    return accepted;
}

} // namespace eqlwb
