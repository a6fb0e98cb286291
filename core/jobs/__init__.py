"""Durable background jobs in MongoDB: enqueue, run under a lease, retry, schedule, inspect.

Producers call `enqueue(db, kind, payload, shop_id=...)` (with an idempotency key to make it
safe to repeat, and `run_at` to delay it). Workers (`run_worker`, or the `Worker` class) claim
due jobs atomically, run the handler registered for the job's kind with a `JobContext`, and
record the outcome: `succeeded`, `retrying` with exponential backoff and jitter, `dead` after
`max_attempts`, or `cancelled`. A worker that dies mid-job stops renewing its lease, and another
worker takes the job over once the lease expires. `schedule()` makes a job periodic per shop.
The admin API reads jobs with `list_jobs`/`get_job` and steers them with `cancel`/`retry`.
Every job belongs to a shop (`shop_id`, or None for system jobs), and every call that reads or
changes jobs is scoped to one.

Stored in the `jobs` and `job_schedules` collections (raw pymongo; their indexes are created on
first use, or up front with `ensure_job_indexes`).
"""

from cloudcat.core.jobs.backoff import Backoff
from cloudcat.core.jobs.context import JobCancelled, JobContext, JobLeaseLost
from cloudcat.core.jobs.model import Job, JobError, JobPage, JobProgress, JobState, Schedule
from cloudcat.core.jobs.schedules import (
    enqueue_due_schedules,
    list_schedules,
    schedule,
    unschedule,
)
from cloudcat.core.jobs.store import (
    cancel,
    enqueue,
    ensure_job_indexes,
    get_job,
    list_jobs,
    retry,
)
from cloudcat.core.jobs.worker import JobHandler, Worker, run_worker

__all__ = [
    "Backoff",
    "Job",
    "JobCancelled",
    "JobContext",
    "JobError",
    "JobHandler",
    "JobLeaseLost",
    "JobPage",
    "JobProgress",
    "JobState",
    "Schedule",
    "Worker",
    "cancel",
    "enqueue",
    "enqueue_due_schedules",
    "ensure_job_indexes",
    "get_job",
    "list_jobs",
    "list_schedules",
    "retry",
    "run_worker",
    "schedule",
    "unschedule",
]
