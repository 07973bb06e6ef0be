/* worker-job.h: computing on a worker thread, latest request only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * SdWorkerFunc:
 * @task_data: the job's immutable input
 * @cancellable: cancelled when a newer request supersedes the job
 * @error: return location for an error
 *
 * Runs on a worker thread; touches nothing but @task_data.
 *
 * Returns: (transfer full) (nullable): the result, %NULL with @error set
 */
typedef gpointer (*SdWorkerFunc) (gpointer       task_data,
                                  GCancellable  *cancellable,
                                  GError       **error);

/**
 * SdWorkerDone:
 * @owner: the object that asked, alive
 * @result: (transfer full) (nullable): what the job returned
 * @error: (nullable): why it returned nothing
 * @task_data: the job's input
 *
 * Runs on the owner's thread (the main thread), only while the job is the
 * latest its slot started and its owner is alive.
 */
typedef void     (*SdWorkerDone) (GObject      *owner,
                                  gpointer      result,
                                  const GError *error,
                                  gpointer      task_data);

/**
 * SdWorkerSlot:
 *
 * One kind of job an object runs, such as its grid: a new request cancels
 * the previous one, and a superseded job's result is dropped. The fields
 * are private.
 */
typedef struct
{
  /*< private >*/
  GCancellable *cancellable;
} SdWorkerSlot;

void          sd_worker_slot_init            (SdWorkerSlot   *slot);
void          sd_worker_slot_clear           (SdWorkerSlot   *slot);
void          sd_worker_slot_renew           (SdWorkerSlot   *slot);
void          sd_worker_slot_cancel          (SdWorkerSlot   *slot);
GCancellable *sd_worker_slot_get_cancellable (SdWorkerSlot   *slot);
void          sd_worker_slot_run             (SdWorkerSlot   *slot,
                                              GObject        *owner,
                                              const char     *name,
                                              SdWorkerFunc    func,
                                              gpointer        task_data,
                                              GDestroyNotify  free_task_data,
                                              GDestroyNotify  free_result,
                                              SdWorkerDone    done);
gboolean      sd_worker_slot_is_current      (SdWorkerSlot   *slot,
                                              GCancellable   *cancellable);
void          sd_worker_post                 (GMainContext   *context,
                                              GSourceFunc     func,
                                              gpointer        data,
                                              GDestroyNotify  destroy);

G_END_DECLS
