"""Many records saved as one change: the work that follows each save of site content done once.

Each save of a record starts the page cache afresh (jeiweb/cache/pages.py) and updates the
search index for it (search/documents.py). For one edit in the admin that is right; for a file
of 500 rows imported at once it is the same work 500 times (and more: a record's translations
are saves of their own), where once at the end gives the same result. Inside
`batched_changes()`, that work is handed to `after_changes` instead, which keeps each kind of
work once (with every item it was given, such as the records to reindex) and runs it when the
block ends::

    with batched_changes():
        resource.import_data(dataset)  # the cache starts afresh once; one reindex of every row

Outside a batch, `after_changes` runs the work at once, as before. A batch inside a batch is
part of the outer one. If the block raises, the work is still done (what was saved before the
error may stay), unless the transaction is broken (it will be rolled back).
"""

import contextlib
from contextvars import ContextVar

from django.db import transaction

# {last: {action: items}} while a batch is open.
_batch = ContextVar("jeiweb_batched_changes", default=None)


def after_changes(action, *items, last=False):
    """Run `action(items)` (a set) now, or at the end of the current batch, once, with the items
    of every call made with the same `action` during the batch. `last`: after all other work of
    the batch (what follows every write, such as starting the page cache afresh)."""
    batch = _batch.get()
    if batch is None:
        action(set(items))
    else:
        batch[last].setdefault(action, set()).update(items)


@contextlib.contextmanager
def batched_changes():
    """Hold back the work `after_changes` is given until the block ends (see the docstring)."""
    if _batch.get() is not None:
        yield
        return
    batch = {False: {}, True: {}}
    token = _batch.set(batch)
    try:
        yield
    except BaseException:
        # What was saved before the error may be kept (a block without a transaction of its
        # own): the work is still done, unless the transaction is broken and rolls back.
        if not transaction.get_connection().needs_rollback:
            _run(batch)
        raise
    else:
        _run(batch)
    finally:
        _batch.reset(token)


def _run(batch):
    # In the order first asked for, `last` work after the rest. Work that asks for more (a
    # reindex starts the page cache afresh) adds to the batch, which is still open.
    while batch[False] or batch[True]:
        pending = batch[False] or batch[True]
        action = next(iter(pending))
        action(pending.pop(action))
