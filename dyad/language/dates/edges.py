"""Words in front of an atom that widen it: an edge ("fin mars", "la mi-2024": a third of the
period) or a deadline ("d'ici 2030": the expression then starts at the deadline words).
"""
from __future__ import annotations

from .context import Context, Found
from .grammar import norm
from .intervals import thirds

EDGEABLE = ("month", "year", "decade", "range", "quarter", "half")


def decorate(f: Found, ctx: Context, floor: int) -> Found:
    """Widen an atom with the edge ("fin", "début", "mi-") and deadline ("d'ici") words in front."""
    g = ctx.g
    single = len(f.pieces) == 1 and f.kind in ("absolute", "partial", "relative")
    if single and (f.interval is None or f.interval.granularity in EDGEABLE) and f.timex != "PRESENT_REF":
        before = ctx.before(f.start, 30)
        em = g.edge.search(before)
        if em and f.start - len(before) + em.start() >= floor:
            f.edge = g.data["edges"][norm(em["edge"])]
            f.start = f.pieces[0].start = f.start - len(before) + em.start()
            f.kind = "part"
    before = ctx.before(f.start, 40)
    dm = g.deadline.search(before)
    if dm and f.start - len(before) + dm.start() >= floor:
        f.deadline = (f.start - len(before) + dm.start(), f.start, norm(dm["w"]))
        f.start = f.deadline[0]
        f.kind = "deadline"
    # a deadline "d'ici la fin de l'année" is the whole year: the period by which to act
    if f.edge and f.interval is not None and not (f.kind == "deadline" and f.edge == "end"):
        f.interval = f.pieces[0].interval = thirds(f.interval, f.edge)
    return f
