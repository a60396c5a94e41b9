"""One stored event and a store's counts, as the terminal shows them: what ``eventcoder show ID``
and ``eventcoder stats`` print (:func:`eventcoder.api.show`, :func:`eventcoder.api.stats`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Count, Event, Party, Source


class StoreStats(dict):
    """What a store holds (:meth:`~eventcoder.io.store.Store.stats`): a dict, as JSON gives it, and
    its :meth:`format` for the terminal."""

    def format(self, most: int = 20) -> str:
        """The counts, the span of dates, each type and country, and the documents without
        events (the first *most* named)."""
        s = self
        silent = s.get("documents_without_events", [])
        not_coded = s.get("not_coded", {})
        lines = [
            f"documents {s['documents']:>7}   {len(silent)} without events"
            + (f", {sum(map(len, not_coded.values()))} not coded (not in English)" if not_coded else ""),
            f"events    {s['events']:>7}   one per report; {s.get('events_undated', 0)} without a resolved date",
            f"sources   {s['sources']:>7}",
            f"merged    {s['merged']:>7}   one per real-world event",
            f"dates     {s.get('date_first') or '-'} to {s.get('date_last') or '-'}",
        ]
        for title, key in (("by type", "by_type"), ("by country", "by_country")):
            lines.append(title + ":")
            lines.extend(f"  {k:<16} {v:>6}" for k, v in s[key].items())
        if silent:
            lines.append(f"documents without events ({len(silent)}):")
            lines.extend(f"  {d}" for d in silent[:most])
            if len(silent) > most:
                lines.append(f"  ... and {len(silent) - most} more (--json lists them all)")
        lines.extend(f"not coded, {lang}: {', '.join(ids)}" for lang, ids in not_coded.items())
        return "\n".join(lines)


@dataclass
class EventView:
    """One stored event (merged, or of one report) and the documents its sources come from."""

    event: Event
    level: str
    """'merged' (one real-world event, every report a source) or 'document' (one report's)."""
    documents: dict[str, dict] = field(default_factory=dict)
    """Each source document's title, url, publication date, origin and language, by id."""

    def as_dict(self) -> dict:
        """The event's record, with its level and its documents."""
        return {**self.event.to_json(), "level": self.level, "documents": self.documents}

    def format(self) -> str:
        """The event as a few lines: what, when, where, who to whom, the tolls; then each
        source: its document, claimant, figures, and the evidence sentence."""
        ev = self.event
        what = f"{ev.type}" + (f" ({ev.mode})" if ev.mode else "")
        told = f"{len(ev.sources)} report{'s' if len(ev.sources) != 1 else ''}"
        lines = [f"{ev.id}  {what}  {self.level} event, {told}, confidence {ev.confidence:.2f}"]
        lines.extend(f"{k:<9} {v}" for k, v in _event_fields(ev) if v)
        lines.append("sources:")
        for i, src in enumerate(ev.sources, 1):
            lines.extend(_source_lines(i, src, self.documents.get(src.doc_id, {})))
        return "\n".join(lines)


def _event_fields(ev: Event) -> list[tuple[str, str | None]]:
    d, loc = ev.date, ev.location
    when = d and (
        f"{d.start} to {d.end} ({d.precision})" if d.start != d.end else f"{d.start} ({d.precision})"
    )
    return [
        (
            "date",
            (when if d and d.resolved else "unresolved") + (f' "{d.text}"' if d and d.text else "")
            if d
            else "-",
        ),
        (
            "place",
            loc and ", ".join(x for x in (loc.name, loc.admin1, loc.country) if x) + f" ({loc.precision})",
        ),
        ("actor", _party(ev.actor)),
        ("target", _party(ev.target)),
        ("killed", _count(ev.fatalities)),
        ("injured", _count(ev.injuries)),
        ("members", ", ".join(ev.extra.get("members", [])) or None),
    ]


def _party(p: Party | None) -> str | None:
    if p is None:
        return None
    more = ", ".join(x for x in (p.country, p.sector) if x)
    return p.name + (f" ({more})" if more else "") + (f' "{p.text}"' if p.text and p.text != p.name else "")


def _count(c: Count | None) -> str | None:
    if c is None or c.best is None:
        return None
    span = f" ({c.low} to {c.high})" if (c.low, c.high) != (c.best, c.best) else ""
    return f"{c.best}{span}" + (f", disputed: the sources differ by {c.spread}" if c.disputed else "")


def _source_lines(i: int, src: Source, doc: dict) -> list[str]:
    title = src.title or doc.get("title")
    published = src.published or doc.get("published")
    head = (
        f"  [{i}] {src.doc_id}" + (f' "{title}"' if title else "") + (f", {published}" if published else "")
    )
    figures = [f"killed {src.fatalities}" if src.fatalities is not None else "",
               f"injured {src.injuries}" if src.injuries is not None else "",
               f"told as {src.telling}" if src.telling else ""]  # fmt: skip
    lines = [head]
    if src.url or doc.get("url"):
        lines.append(f"      {src.url or doc.get('url')}")
    lines.append(f"      claimant: {src.attributed_to or '-'}" + "".join(f"; {f}" for f in figures if f))
    lines.append(f'      evidence: "{src.sentence}" [{src.start}:{src.end}]')
    for claim in src.claims or []:
        said = ", ".join(f"{k} {v}" for k, v in claim.items() if k != "claimant" and v is not None)
        lines.append(f"      claim: {claim.get('claimant') or '-'}: {said}")
    lines.extend(f'      also: "{t.get("sentence")}"' for t in src.tellings or [])
    return lines
