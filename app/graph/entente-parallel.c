/* entente-parallel.c
 *
 * One pool of worker threads for the work that splits into independent
 * parts — the layout's force pass, a big picture's bands of rows — sized
 * by the processors there are, instead of a new thread for each iteration
 * or picture. The calling thread does the first part itself and waits
 * for the others. Parts never start work of their own here, so any number
 * of threads (the layout's, the picture worker's) may share the pool.
 * Its threads are the pool's own (exclusive), started on first use and
 * waiting between jobs: a shared pool's threads, which come and go, made
 * the force pass 9 % slower than a new thread each time; these make it
 * some 10 % faster (docs/performance.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-parallel.h"

#define MAX_PARTS 16

typedef struct
{
  EntenteParallelFunc func;
  gpointer            data;
  guint               n_parts;
  guint               n_done;   /* of the parts handed to the pool */
  GMutex              lock;
  GCond               done;
} Job;

typedef struct
{
  Job   *job;
  guint  part;
} Part;

static void
run_part (gpointer data,
          gpointer user_data)
{
  Part *part = data;
  Job *job = part->job;

  job->func (part->part, job->n_parts, job->data);

  g_mutex_lock (&job->lock);
  job->n_done++;
  g_cond_signal (&job->done);
  g_mutex_unlock (&job->lock);
}

static GThreadPool *
get_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      GThreadPool *new_pool = g_thread_pool_new (run_part, NULL, MAX (1, (int) entente_parallel_get_n_parts () - 1),
                                                 TRUE, NULL);
      g_once_init_leave (&pool, new_pool);
    }
  return pool;
}

/* How many parts are worth making: one a processor. */
guint
entente_parallel_get_n_parts (void)
{
  return CLAMP (g_get_num_processors (), 1, MAX_PARTS);
}

/* Calls @func for each part, parts 1 to @n_parts - 1 on the pool, and
 * returns once all are done. */
void
entente_parallel_run (guint               n_parts,
                      EntenteParallelFunc func,
                      gpointer            data)
{
  Part parts[MAX_PARTS];
  Job job = { func, data, CLAMP (n_parts, 1, MAX_PARTS), 0 };
  GThreadPool *pool;

  g_return_if_fail (func != NULL);

  if (job.n_parts == 1)
    {
      func (0, 1, data);
      return;
    }

  g_mutex_init (&job.lock);
  g_cond_init (&job.done);
  pool = get_pool ();
  for (guint p = 1; p < job.n_parts; p++)
    {
      parts[p] = (Part) { &job, p };
      g_thread_pool_push (pool, &parts[p], NULL);
    }

  func (0, job.n_parts, data);

  g_mutex_lock (&job.lock);
  while (job.n_done < job.n_parts - 1)
    g_cond_wait (&job.done, &job.lock);
  g_mutex_unlock (&job.lock);
  g_mutex_clear (&job.lock);
  g_cond_clear (&job.done);
}
