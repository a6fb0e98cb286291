export { JobProgressBar } from './JobProgressBar';
export { JobStateTag } from './JobStateTag';
export { CancelJobMutation, JobQuery, RetryJobMutation, SyncCatalogMutation } from './operations';
export {
  ACTIVE_STATES,
  ALL_STATES,
  anyActive,
  canCancel,
  canRetry,
  isActive,
  jobSubject,
  jobTitle,
  kindLabelKey,
  progressView,
} from './states';
export type { JobInfo, ProgressView } from './states';
export { usePolling } from './usePolling';
export { useJobActions } from './useJobActions';
export type { JobAction } from './useJobActions';
export { JobActions } from './JobActions';
