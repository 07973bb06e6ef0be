/* worker-job.c: computing on a worker thread, latest request only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "worker-job.h"

/*
 * The pattern of gnome-text-editor's document statistics: copy what the
 * job needs into immutable task data, compute on a worker, hand the result
 * back on the owner's main context, and apply it only if the owner is
 * alive (a GWeakRef, taken back on the main thread only, so the last
 * reference of a widget is never dropped on a worker) and the job is still
 * the latest (its GCancellable is still the slot's). A new request cancels
 * the previous job's GCancellable and swaps in a new one.
 */

typedef struct
{
  GWeakRef        owner;
  GCancellable   *cancellable;
  SdWorkerSlot   *slot;
  SdWorkerFunc    func;
  gpointer        task_data;
  GDestroyNotify  free_task_data;
  GDestroyNotify  free_result;
  SdWorkerDone    done;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_weak_ref_clear (&job->owner);
  g_clear_object (&job->cancellable);
  if (job->free_task_data != NULL)
    g_clear_pointer (&job->task_data, job->free_task_data);
  g_free (job);
}

void
sd_worker_slot_init (SdWorkerSlot *slot)
{
  slot->cancellable = g_cancellable_new ();
}

/**
 * sd_worker_slot_clear:
 * @slot: a slot
 *
 * Cancels the slot's job; its result, if it comes, is dropped. For the
 * owner's dispose.
 */
void
sd_worker_slot_clear (SdWorkerSlot *slot)
{
  if (slot->cancellable != NULL)
    g_cancellable_cancel (slot->cancellable);
  g_clear_object (&slot->cancellable);
}

/**
 * sd_worker_slot_renew:
 * @slot: a slot
 *
 * Cancels the jobs running and starts a new generation: jobs run from now
 * on are the latest.
 */
void
sd_worker_slot_renew (SdWorkerSlot *slot)
{
  sd_worker_slot_clear (slot);
  slot->cancellable = g_cancellable_new ();
}

/**
 * sd_worker_slot_cancel:
 * @slot: a slot
 *
 * Cancels the jobs running without starting another.
 */
void
sd_worker_slot_cancel (SdWorkerSlot *slot)
{
  sd_worker_slot_renew (slot);
}

/**
 * sd_worker_slot_get_cancellable:
 * @slot: a slot
 *
 * Returns: (transfer none): the current generation's cancellable
 */
GCancellable *
sd_worker_slot_get_cancellable (SdWorkerSlot *slot)
{
  return slot->cancellable;
}

/**
 * sd_worker_slot_is_current:
 * @slot: a slot
 * @cancellable: a job's cancellable
 *
 * Returns: whether a job with @cancellable belongs to the current
 *   generation
 */
gboolean
sd_worker_slot_is_current (SdWorkerSlot *slot,
                           GCancellable *cancellable)
{
  return slot->cancellable != NULL && slot->cancellable == cancellable;
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gpointer result;

  result = job->func (job->task_data, cancellable, &error);
  if (result == NULL && error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->free_result);
}

static void
on_ready (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GObject) owner = NULL;
  g_autoptr(GError) error = NULL;
  gpointer value;

  /* The owner's strong reference is taken here, on its own thread, never
   * on the worker: its last reference is never dropped there. */
  owner = g_weak_ref_get (&job->owner);
  value = g_task_propagate_pointer (task, &error);

  /* Gone, or superseded by a newer request: nothing to show. The slot
   * lives in the owner, so it is looked at only while the owner is. */
  if (owner == NULL || !sd_worker_slot_is_current (job->slot, job->cancellable))
    {
      if (value != NULL && job->free_result != NULL)
        job->free_result (value);
      return;
    }

  job->done (owner, value, error, job->task_data);
}

/**
 * sd_worker_slot_run:
 * @slot: a slot of @owner
 * @owner: the object that asks; its thread-default main context gets the
 *   result
 * @name: what debuggers call the task
 * @func: what runs on the worker
 * @task_data: (transfer full): its input, immutable while it runs
 * @free_task_data: (nullable): frees @task_data, on either thread
 * @free_result: (nullable): frees a result that is dropped
 * @done: receives the result
 *
 * Runs @func on a worker thread in the slot's current generation; see
 * sd_worker_slot_renew() to supersede the jobs running.
 */
void
sd_worker_slot_run (SdWorkerSlot   *slot,
                    GObject        *owner,
                    const char     *name,
                    SdWorkerFunc    func,
                    gpointer        task_data,
                    GDestroyNotify  free_task_data,
                    GDestroyNotify  free_result,
                    SdWorkerDone    done)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (slot->cancellable != NULL);
  g_return_if_fail (G_IS_OBJECT (owner));

  job = g_new0 (Job, 1);
  g_weak_ref_init (&job->owner, owner);
  job->cancellable = g_object_ref (slot->cancellable);
  job->slot = slot;
  job->func = func;
  job->task_data = task_data;
  job->free_task_data = free_task_data;
  job->free_result = free_result;
  job->done = done;

  task = g_task_new (NULL, job->cancellable, on_ready, NULL);
  g_task_set_source_tag (task, sd_worker_slot_run);
  g_task_set_name (task, name);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, run_in_thread);
}

/**
 * sd_worker_post:
 * @context: the main context to run @func in
 * @func: what to run there, once
 * @data: its data
 * @destroy: (nullable): frees @data, on either thread
 *
 * Hands something from a worker to @context with an idle source, as the
 * GLib documentation advises: g_main_context_invoke() would run @func
 * right on the worker whenever the worker could acquire the context.
 */
void
sd_worker_post (GMainContext   *context,
                GSourceFunc     func,
                gpointer        data,
                GDestroyNotify  destroy)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, destroy);
  g_source_set_static_name (source, "[saddle] worker result");
  g_source_attach (source, context);
  g_source_unref (source);
}
