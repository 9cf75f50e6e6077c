import { TaskStatus, type Task } from '@lit/task';
import { asRenewalError, type RenewalError } from '../client/errors.js';

/** Why a task's last run failed, as a RenewalError to show; nothing when it did not, or was only aborted. */
export function failureOf(task: Task): RenewalError | undefined {
  const error = task.status === TaskStatus.ERROR ? asRenewalError(task.error) : undefined;
  return error?.code === 'aborted' ? undefined : error;
}
