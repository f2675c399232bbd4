"""Work that follows each save, held back to the end of a batch of saves (jeiweb/content/batching.py)."""

import pytest

from jeiweb.content.batching import after_changes, batched_changes


def test_outside_a_batch_the_work_is_done_at_once():
    done = []
    after_changes(done.append, 1)
    assert done == [{1}]


def test_in_a_batch_each_work_runs_once_at_the_end_with_every_item_and_last_work_last():
    done = []

    def bump(items):
        done.append(("bump", items))

    def reindex(items):
        done.append(("reindex", items))
        after_changes(bump, last=True)  # a reindex changes content too

    with batched_changes():
        after_changes(bump, last=True)
        after_changes(reindex, 1)
        with batched_changes():  # part of the outer batch
            after_changes(reindex, 2, 1)
        assert done == []
    assert done == [("reindex", {1, 2}), ("bump", set())]
    after_changes(bump)
    assert done[-1] == ("bump", set())  # the batch is over


def test_a_batch_that_raises_still_does_its_work():
    """What was saved before the error may stay (a block without a transaction of its own)."""
    done = []
    with pytest.raises(ValueError), batched_changes():
        after_changes(done.append, 1)
        raise ValueError
    assert done == [{1}]
    after_changes(done.append, 2)
    assert done == [{1}, {2}]
