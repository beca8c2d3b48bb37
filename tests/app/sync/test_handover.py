"""put_until: a producer facing a full queue gives up once its consumer has stopped."""

from __future__ import annotations

import queue

from tumar.app.sync.handover import put_until


def test_puts_when_there_is_room() -> None:
    into: queue.Queue[int] = queue.Queue(1)
    assert put_until(into, 7, lambda: False)
    assert into.get_nowait() == 7


def test_gives_up_on_a_full_queue_once_stopped() -> None:
    into: queue.Queue[int] = queue.Queue(1)
    into.put(1)
    polls = []

    def stopped() -> bool:  # the consumer stops after the producer waited twice
        polls.append(1)
        return len(polls) > 2

    assert not put_until(into, 2, stopped, poll=0.001)
    assert len(polls) == 3 and into.qsize() == 1


def test_puts_nothing_when_already_stopped() -> None:
    into: queue.Queue[int] = queue.Queue(1)
    assert not put_until(into, 3, lambda: True)
    assert into.empty()
