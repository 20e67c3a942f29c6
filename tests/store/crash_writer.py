"""A writer for the crash test: logs movements until it is killed.

usage: python crash_writer.py DATA_DIR SEED

Prints "open" once the store is open, then the id of every movement, each
only after the save returned (so every printed id must survive a kill -9).
Between taps it also labels, settles, marks sleep, edits the child and folds
the tap log into the record files, so every kind of file is being written
when the kill lands.
"""

from __future__ import annotations

import random
import sys

from rlbaby.model import Child, Instant, MovementKind
from rlbaby.services import LoggerService
from rlbaby.store import Store

T0 = 1_795_500_000_000
MONTH = 31 * 86_400_000


def main() -> None:
    data_dir, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    store = Store.open(data_dir)
    out = sys.stdout
    out.write("open\n")
    out.flush()
    kid = store.child_by_name("Crash") or store.save(Child("Crash"))
    mv = store.movements(kid.id)
    # Continue after the newest movement (the clock never runs backwards).
    now = [max(int(mv.at_ms.max()) if len(mv) else T0, T0) + 1000]

    def clock() -> Instant:
        return Instant(now[0], 60)

    service = LoggerService(store, clock)
    while True:
        now[0] += rng.choice([2_000, 15_000, 40_000, 400_000])
        if rng.random() < 0.03:
            now[0] += rng.randrange(MONTH // 2)  # on to a later file, sometimes
        m = service.record_movement(kid.id)
        out.write(m.id + "\n")
        out.flush()
        r = rng.random()
        if r < 0.1:
            service.label_or_record(kid.id, rng.choice(list(MovementKind)))
        elif r < 0.15:
            service.settle(kid.id)
        elif r < 0.2:
            service.toggle_sleep(kid.id)
        elif r < 0.22:
            kid = store.save(Child(kid.name, id=kid.id, notes=f"note {rng.random()}"))
        elif r < 0.26:
            store.checkpoint()  # fold the tap log into the files (so kills land in it too)


if __name__ == "__main__":
    main()
