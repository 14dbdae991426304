/* entente-layout-runner.c
 *
 * The worker owns its own EntenteLayout and steps it; after every step it
 * copies the positions into a shared buffer that the main thread fetches
 * once a frame. Requests from the reader (pin, unpin, start over) go the
 * other way through a queue. The worker sleeps once the layout has settled
 * and wakes on the next request, so a settled graph costs nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "entente-layout-runner.h"

typedef enum
{
  REQUEST_PIN,
  REQUEST_UNPIN,
  REQUEST_RESTART,
} RequestKind;

/* How far a drag's or an unpinning's effect reaches, in relations. */
#define LOCAL_HOPS 2

typedef struct
{
  RequestKind kind;
  guint       node;
  double      x;
  double      y;
} Request;

struct _EntenteLayoutRunner
{
  GMutex         lock;
  GCond          wake;
  GThread       *thread;

  EntenteStory  *story;
  guint32        seed;
  EntenteLayout *work;       /* the worker's alone */

  /* Shared, under lock. */
  double        *shared_x;
  double        *shared_y;
  guint8        *shared_pinned;
  gboolean       fresh;
  gboolean       finished;
  gboolean       cancelled;
  GArray        *requests;   /* Request */
};

static void
publish (EntenteLayoutRunner *runner,
         gboolean             finished)
{
  gsize size = runner->work->n_nodes * sizeof (double);

  g_mutex_lock (&runner->lock);
  memcpy (runner->shared_x, runner->work->x, size);
  memcpy (runner->shared_y, runner->work->y, size);
  memcpy (runner->shared_pinned, runner->work->pinned, runner->work->n_nodes);
  runner->fresh = TRUE;
  runner->finished = finished && runner->requests->len == 0;
  g_mutex_unlock (&runner->lock);
}

/* Takes the pending requests; with @wait, sleeps until there are some. */
static GArray *
take_requests (EntenteLayoutRunner *runner,
               gboolean             wait)
{
  GArray *taken;

  g_mutex_lock (&runner->lock);
  while (wait && runner->requests->len == 0 && !runner->cancelled)
    g_cond_wait (&runner->wake, &runner->lock);
  taken = runner->requests;
  runner->requests = g_array_new (FALSE, FALSE, sizeof (Request));
  g_mutex_unlock (&runner->lock);

  return taken;
}

static void
apply_requests (EntenteLayoutRunner *runner,
                GArray              *requests)
{
  for (guint i = 0; i < requests->len; i++)
    {
      const Request *r = &g_array_index (requests, Request, i);

      switch (r->kind)
        {
        case REQUEST_PIN:
          entente_layout_move_node (runner->work, r->node, r->x, r->y);
          /* Its neighbours follow, as in d3-force's drag; the rest of a
           * settled picture stays where the reader left it. */
          entente_layout_reheat_around (runner->work, r->node, LOCAL_HOPS);
          break;
        case REQUEST_UNPIN:
          entente_layout_unpin (runner->work, r->node);
          entente_layout_reheat_around (runner->work, r->node, LOCAL_HOPS);
          break;
        case REQUEST_RESTART:
          {
            EntenteLayout *fresh = entente_layout_new (runner->story, runner->seed);
            entente_layout_free (runner->work);
            runner->work = fresh;
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
is_cancelled (EntenteLayoutRunner *runner)
{
  gboolean cancelled;

  g_mutex_lock (&runner->lock);
  cancelled = runner->cancelled;
  g_mutex_unlock (&runner->lock);
  return cancelled;
}

static gpointer
run (gpointer data)
{
  EntenteLayoutRunner *runner = data;

  while (!is_cancelled (runner))
    {
      g_autoptr(GArray) requests = take_requests (runner, FALSE);
      gboolean running;

      apply_requests (runner, requests);
      running = entente_layout_step (runner->work);
      publish (runner, !running);

      if (!running)
        {
          g_autoptr(GArray) next = take_requests (runner, TRUE);
          apply_requests (runner, next);
        }
    }

  return NULL;
}

/* Lays out @story from the positions of @start (its pins too), once
 * started; requests made before wait for it. */
EntenteLayoutRunner *
entente_layout_runner_new (EntenteStory        *story,
                           guint32              seed,
                           const EntenteLayout *start)
{
  EntenteLayoutRunner *runner = g_new0 (EntenteLayoutRunner, 1);
  guint n = start->n_nodes;

  g_mutex_init (&runner->lock);
  g_cond_init (&runner->wake);
  runner->story = g_object_ref (story);
  runner->seed = seed;
  runner->work = entente_layout_new (story, seed);
  memcpy (runner->work->x, start->x, n * sizeof (double));
  memcpy (runner->work->y, start->y, n * sizeof (double));
  memcpy (runner->work->pinned, start->pinned, n);
  runner->work->placed = start->placed;
  runner->shared_x = g_new0 (double, MAX (1, n));
  runner->shared_y = g_new0 (double, MAX (1, n));
  runner->shared_pinned = g_new0 (guint8, MAX (1, n));
  runner->requests = g_array_new (FALSE, FALSE, sizeof (Request));
  return runner;
}

void
entente_layout_runner_start (EntenteLayoutRunner *runner)
{
  if (runner->thread == NULL)
    runner->thread = g_thread_new ("entente-layout-runner", run, runner);
}

gboolean
entente_layout_runner_is_started (EntenteLayoutRunner *runner)
{
  return runner->thread != NULL;
}

void
entente_layout_runner_free (EntenteLayoutRunner *runner)
{
  if (runner == NULL)
    return;

  g_mutex_lock (&runner->lock);
  runner->cancelled = TRUE;
  g_cond_signal (&runner->wake);
  g_mutex_unlock (&runner->lock);
  if (runner->thread != NULL)
    g_thread_join (runner->thread);

  entente_layout_free (runner->work);
  g_object_unref (runner->story);
  g_free (runner->shared_x);
  g_free (runner->shared_y);
  g_free (runner->shared_pinned);
  g_array_unref (runner->requests);
  g_mutex_clear (&runner->lock);
  g_cond_clear (&runner->wake);
  g_free (runner);
}

/* Copies the newest positions into @display, leaving alone the nodes pinned
 * there (the reader may be dragging one). Returns TRUE if anything new came;
 * @finished tells whether the layout has settled. */
gboolean
entente_layout_runner_fetch (EntenteLayoutRunner *runner,
                             EntenteLayout       *display,
                             gboolean            *finished)
{
  gboolean fresh;

  g_mutex_lock (&runner->lock);
  fresh = runner->fresh;
  if (fresh)
    display->moves++;
  if (fresh)
    for (guint i = 0; i < display->n_nodes; i++)
      if (!display->pinned[i])
        {
          display->x[i] = runner->shared_x[i];
          display->y[i] = runner->shared_y[i];
        }
  runner->fresh = FALSE;
  if (finished)
    *finished = runner->finished;
  g_mutex_unlock (&runner->lock);

  return fresh;
}

static void
request (EntenteLayoutRunner *runner,
         Request              r)
{
  g_mutex_lock (&runner->lock);
  g_array_append_val (runner->requests, r);
  runner->finished = FALSE;
  g_cond_signal (&runner->wake);
  g_mutex_unlock (&runner->lock);
}

void
entente_layout_runner_pin (EntenteLayoutRunner *runner,
                           guint                node,
                           double               x,
                           double               y)
{
  request (runner, (Request) { REQUEST_PIN, node, x, y });
}

void
entente_layout_runner_unpin (EntenteLayoutRunner *runner,
                             guint                node)
{
  request (runner, (Request) { REQUEST_UNPIN, node, 0, 0 });
}

void
entente_layout_runner_restart (EntenteLayoutRunner *runner)
{
  request (runner, (Request) { REQUEST_RESTART, 0, 0, 0 });
}
