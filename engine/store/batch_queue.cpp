// The bounded queue between the parsing thread and the SQLite writer.
#include "store/import_pipeline.h"

namespace eqlwb::store_detail {

bool BatchQueue::push(std::unique_ptr<Batch> b)
{
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return q_.size() < capacity_ || closed_; });
    if (closed_)
        return false;
    q_.push_back(std::move(b));
    cv_.notify_all();
    return true;
}

std::unique_ptr<Batch> BatchQueue::pop()
{
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return !q_.empty() || finished_ || closed_; });
    if (q_.empty())
        return nullptr;
    auto b = std::move(q_.front());
    q_.pop_front();
    cv_.notify_all();
    return b;
}

void BatchQueue::finish()
{
    std::lock_guard lock(m_);
    finished_ = true;
    cv_.notify_all();
}

void BatchQueue::close()
{
    std::lock_guard lock(m_);
    closed_ = true;
    q_.clear();
    cv_.notify_all();
}

bool BatchQueue::closed() const
{
    std::lock_guard lock(m_);
    return closed_;
}

} // namespace eqlwb::store_detail
