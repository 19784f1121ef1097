"""Reading quality end to end on the claims dev set, scored as its README says, next to claims-v3.

    PYTHONPATH=src .venv/bin/python benchmarks/claims_quality.py [--data ../shared/data] [--baseline 504f417]
    ... claims_quality.py --save run.json --no-baseline; ... claims_quality.py --load run.json --misses A

Each system runs as a user would, in a fresh workspace (a subprocess with its own source tree on
PYTHONPATH): load the UN 2026 XML and the OFAC 2021 SDN triple, ingest ``claims/articles.jsonl``
with analysis, corroborate, and dump stories, claims and entities as JSON (``--dump``). This file
then scores the dumps. The baseline is the landed code of ``--baseline`` (claims-v3 at 504f417),
unpacked with ``git archive`` and run by the very same ``--dump`` code, so there is no second copy
of the computation; its dump is cached under the system temp folder by commit.

Scoring (claims/README.md "How to score"): stories B-cubed (and the alternative denial split), claim
recall in the gold sentence (overall, explicit only, per gold status), status and source accuracy on
found claims, denial recall and precision, entity and sanctions-link figures for information.

Halves: the story labels sorted alphabetically, alternately to half A (even positions) and half B
(odd), so that one event never falls in both. Changes are tuned on half A only; B is the check.
Targets (issue 17): recall >= 0.80, status >= 0.85, source >= 0.85, denial recall and precision
>= 0.90, half B within 0.03 of half A on each.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
UN_LIST = "sanctions/un_consolidated_2026-02-27.xml"
OFAC_LIST = "sanctions/ofac_sdn_csv_2021-07/sdn.csv"
BASELINE = "504f417"
CONVERSE_SUPPLY = {"supply", "sell", "ship", "deliver", "send", "transfer", "provide", "export", "smuggle"}
CONVERSE_BUY = {"receive", "buy", "purchase", "acquire", "obtain", "order", "import", "take delivery"}
TARGETS = {"recall": 0.80, "status": 0.85, "source": 0.85, "denial_recall": 0.90, "denial_precision": 0.90}


# -- the run (executed in a subprocess with the system's own tree on PYTHONPATH) -------------------

def dump(data: Path, out: Path) -> None:
    """Fresh workspace: lists, ingest with analysis, corroborate; write what the system exports."""
    from mistrust import Workspace

    # a baseline from before issue 22 has no ``create`` (it created any workspace it opened)
    fresh = {"create": True} if "create" in inspect.signature(Workspace.__init__).parameters else {}
    with tempfile.TemporaryDirectory() as tmp:
        with Workspace(Path(tmp) / "claims.db", **fresh) as ws:
            ws.load_lists([data / UN_LIST, data / OFAC_LIST])
            t0 = time.perf_counter()
            ws.ingest([data / "claims" / "articles.jsonl"], analyze=True)
            ws.corroborate()
            seconds = time.perf_counter() - t0
            records: dict[str, Any] = {}
            for doc_id in ws.document_ids():
                doc = ws.get_document(doc_id)
                rid = str(doc.metadata.get("id") or doc.metadata.get("record_id") or doc_id)
                ext = ws.extraction_for(doc_id)
                records[rid] = {
                    "doc_id": doc_id, "text": doc.text, "story": ws.story_of(doc_id),
                    "claims": [claim_json(c) for c in ext.claims],
                    "entities": [{"text": m.text, "canonical": m.canonical,
                                  "links": [getattr(h, "entity_id", None) for h in m.links]}
                                 for m in ext.entities],
                }
    out.write_text(json.dumps({"records": records, "seconds": seconds}), encoding="utf-8")


def claim_json(c: Any) -> dict[str, Any]:
    """A claim as the scorer reads it (also the claim-pairs experiment's records)."""
    att = c.attribution
    source = att.source.text if att is not None and att.source is not None else None
    return {"subject": c.subject, "subject_canonical": c.subject_canonical, "object": c.object,
            "object_canonical": c.object_canonical, "predicate": c.predicate, "status": c.status,
            "start": c.start, "end": c.end, "text": c.text, "source": source,
            "chain": list(att.chain) if att is not None else []}


def run_system(src_parent: Path, data: Path, out: Path) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(src_parent / "src"), OPENBLAS_NUM_THREADS="1")
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--data", str(data), "--dump", str(out)],
                   env=env, check=True)
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def baseline_dump(commit: str, data: Path) -> dict[str, Any]:
    cache = Path(tempfile.gettempdir()) / f"mistrust-claims-baseline-{commit}.json"
    if cache.exists():
        cached: dict[str, Any] = json.loads(cache.read_text(encoding="utf-8"))
        cached["cached"] = True  # its figures are deterministic; its run time is not of this run
        return cached
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "src"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        return run_system(Path(tmp), data, cache)


# -- matching (README: "Matching actors") ----------------------------------------------------------

class Actors:
    def __init__(self, gold: dict[str, Any]):
        self.aliases: dict[str, list[str]] = gold["actor_aliases"]
        self._patterns: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        every = {a for forms in self.aliases.values() for a in forms} | set(self.aliases)
        self._all = [(a, self._pattern(a)) for a in every]

    @staticmethod
    def _pattern(alias: str) -> re.Pattern[str]:
        flags = 0 if re.fullmatch(r"[A-Z.]{2,6}", alias) else re.IGNORECASE
        return re.compile(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", flags)

    def forms(self, actor: str) -> list[tuple[str, re.Pattern[str]]]:
        if actor not in self._patterns:
            names = self.aliases.get(actor) or [actor]
            self._patterns[actor] = [(a, self._pattern(a)) for a in set(names) | {actor}]
        return self._patterns[actor]

    def matches(self, actor: str | None, text: str | None) -> bool:
        if actor is None or not text:
            return False
        for alias, pat in self.forms(actor):
            for m in pat.finditer(text):
                if not self._inside_longer(alias, m.start(), m.end(), text, actor):
                    return True
        return False

    def _inside_longer(self, alias: str, start: int, end: int, text: str, actor: str) -> bool:
        """A shorter alias inside a longer alias of another actor at the same place does not count."""
        own = {a for a, _ in self.forms(actor)}
        for other, pat in self._all:
            if len(other) <= len(alias) or other in own or alias.lower() not in other.lower():
                continue
            for m in pat.finditer(text):
                if m.start() <= start and end <= m.end():
                    return True
        return False

    def named(self, text: str | None) -> set[str]:
        return {a for a in self.aliases if self.matches(a, text)}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_words(a)), set(_words(b))
    if not wa or not wb:
        return 0.0
    inter = len(wa & wb)
    return max(inter / len(wa), inter / len(wb))


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), text)]
    if spans:
        return spans
    # The cleaner may have rejoined lines: match with any run of whitespace.
    pat = r"\s+".join(re.escape(w) for w in quote.split())
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]


def in_sentence(claim: dict[str, Any], text: str, quote: str) -> float:
    """How much the claim's sentence overlaps the quote: characters when the quote is located, else words."""
    spans = quote_spans(text, quote)
    if spans:
        best = 0
        for s, e in spans:
            best = max(best, min(e, claim["end"]) - max(s, claim["start"]))
        return best / max(1, min(len(quote), claim["end"] - claim["start"])) if best > 0 else 0.0
    ratio = _overlap(claim["text"], quote)
    return ratio if ratio >= 0.6 else 0.0


def _side(claim: dict[str, Any], key: str) -> str:
    return " ".join(x for x in (claim[key], claim[f"{key}_canonical"]) if x)


def pair_matches(actors: Actors, g: dict[str, Any], c: dict[str, Any], symmetric: set[str]) -> bool:
    subj = [g["subject"], *(g.get("subject_alt") or [])]
    obj = [g["object"], *(g.get("object_alt") or [])] if g.get("object") else None

    def ok(s_text: str, o_text: str) -> bool:
        if not any(actors.matches(a, s_text) for a in subj):
            return False
        return obj is None or any(actors.matches(a, o_text) for a in obj)

    s, o = _side(c, "subject"), _side(c, "object")
    if ok(s, o):
        return True
    pred = c["predicate"].replace("_", " ")
    converse = ((g["relation"] == "supply" and pred in CONVERSE_BUY)
                or (g["relation"] == "buy" and pred in CONVERSE_SUPPLY))
    return (g["relation"] in symmetric or converse) and ok(o, s)


# -- scoring ---------------------------------------------------------------------------------------

def _ratio(n: int, d: int) -> float | None:
    return n / d if d else None


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed as the story benchmark computes it (imported here, in the scoring process only: that
    module puts this tree's src/ first on the path, which the baseline's --dump run must not get)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corroboration_quality import bcubed as story_bcubed

    result: tuple[float, float, float] = story_bcubed(pred, gold)
    return result


def _norm_entity(name: str) -> str:
    s = unicodedata.normalize("NFKC", name).replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"').lower()
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"\W+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def score(run: dict[str, Any], gold: dict[str, Any], ids: Iterable[str]) -> dict[str, Any]:
    ids = [i for i in ids]
    recs = run["records"]
    actors = Actors(gold)
    symmetric = set(gold["symmetric_relations"])
    out: dict[str, Any] = {}
    # stories
    pred_story = {i: (recs.get(i, {}).get("story") or f"single:{i}") for i in ids}
    for key in ("stories", "stories_alt_split_denial"):
        g = {i: gold[key].get(i, gold["stories"][i]) for i in ids}
        out[f"b3_{key}"] = bcubed(pred_story, g)[2]
    # claims
    found = total = explicit = explicit_found = 0
    by_status: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    status_ok = status_n = 0
    status_by: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    source_ok = source_n = relation_ok = 0
    for i in ids:
        rec = recs.get(i, {"claims": [], "text": ""})
        for g in gold["claims"].get(i, []):
            total += 1
            by_status[g["status"]][1] += 1
            if not g.get("implicit"):
                explicit += 1
            best, best_ov = None, 0.0
            for c in rec["claims"]:
                ov = in_sentence(c, rec["text"], g["quote"])
                if ov > 0 and pair_matches(actors, g, c, symmetric) and ov > best_ov:
                    best, best_ov = c, ov
            if best is None:
                continue
            found += 1
            by_status[g["status"]][0] += 1
            explicit_found += not g.get("implicit")
            relation_ok += best["predicate"] == g["relation"]
            status_n += 1
            status_by[g["status"]][1] += 1
            if best["status"] == g["status"]:
                status_ok += 1
                status_by[g["status"]][0] += 1
            if g.get("source_match"):
                source_n += 1
                where = " ".join([best["source"] or "", *best["chain"]]).lower()
                source_ok += any(t.lower() in where for t in g["source_match"])
    out["recall"] = _ratio(found, total)
    out["recall_explicit"] = _ratio(explicit_found, explicit)
    for s, (f, n) in sorted(by_status.items()):
        out[f"recall_{s}"] = _ratio(f, n)
    out["status"] = _ratio(status_ok, status_n)
    for s, (f, n) in sorted(status_by.items()):
        out[f"status_{s}"] = _ratio(f, n)
    out["source"] = _ratio(source_ok, source_n)
    out["relation_agreement"] = _ratio(relation_ok, found)
    out["claims_gold"] = total
    # denials
    d_gold = d_hit = d_pred = d_ok = 0
    for i in ids:
        rec = recs.get(i, {"claims": []})
        pred: set[str] = set()
        for c in rec["claims"]:
            if c["status"] == "denied":
                who = " ".join([c["source"] or "", *c["chain"]])
                if who.strip():
                    pred |= actors.named(who)
                else:
                    pred |= actors.named(_side(c, "subject"))
            if c["predicate"] == "deny":
                pred |= actors.named(_side(c, "subject"))
        g = set(gold["denials"].get(i, []))
        ok = g | set(gold["denials_optional"].get(i, []))
        d_gold += len(g)
        d_hit += len(g & pred)
        d_pred += len(pred)
        d_ok += len(pred & ok)
    out["denial_recall"] = _ratio(d_hit, d_gold)
    out["denial_precision"] = _ratio(d_ok, d_pred)
    out.update(_entity_scores(recs, gold, ids))
    return out


def _entity_scores(recs: dict[str, Any], gold: dict[str, Any], ids: list[str]) -> dict[str, Any]:
    persons = set(gold["persons"])
    aliases = gold["entity_aliases"]

    def forms(name: str) -> set[str]:
        return {_norm_entity(x) for x in [name, *aliases.get(name, [])]}

    def hit(name: str, predicted: set[str]) -> bool:
        if forms(name) & predicted:
            return True
        if name in persons:
            words = _norm_entity(name).split()
            for p in predicted:
                pw = p.split()
                if p == words[-1] or (set(words) <= set(pw) and len(pw) <= len(words) + 1):
                    return True
        return False

    e_found = e_gold = e_ok = e_pred = 0
    l_found = l_gold = l_ok = l_pred = 0
    for i in ids:
        ents = recs.get(i, {}).get("entities", [])
        predicted = {_norm_entity(x) for e in ents for x in (e["text"], e["canonical"]) if x}
        req = gold["entities"].get(i, [])
        opt = gold["entities_optional"].get(i, [])
        e_gold += len(req)
        e_found += sum(hit(n, predicted) for n in req)
        names = {_norm_entity(e["text"]) for e in ents}
        e_pred += len(names)
        e_ok += sum(any(hit(n, {p}) for n in [*req, *opt]) for p in names)
        links = {x for e in ents for x in e["links"] if x}
        golds = gold["sanctions"].get(i, [])
        l_gold += sum(1 for s in golds if s["required"])
        l_found += sum(1 for s in golds if s["required"] and set(s["ids"]) & links)
        known = {x for s in golds for x in s["ids"]}
        l_pred += len(links)
        l_ok += len(links & known)
    return {"entity_recall": _ratio(e_found, e_gold), "entity_precision": _ratio(e_ok, e_pred),
            "link_recall": _ratio(l_found, l_gold), "link_precision": _ratio(l_ok, l_pred)}


def miss_causes(run: dict[str, Any], gold: dict[str, Any], ids: Iterable[str]) -> list[tuple[str, str, dict[str, Any],
                                                                                          list[dict[str, Any]]]]:
    """Each gold claim of ``ids`` that ``score`` counts as missed, with a first guess at the cause
    (a reader still has to look): ``implicit`` (marked so, or an actor not written in the quote),
    ``reversed`` (a claim of the sentence has the pair the other way round), ``unlocated`` (the
    quote is not found in the text: a scoring matter), ``no-actor`` (a gold actor is written but
    neither an entity nor a claim argument of the sentence), ``no-claim`` (nothing read in the
    sentence), ``one-side`` (a claim has one of the two actors), ``neither``. With the claims of
    the gold sentence."""
    recs = run["records"]
    actors = Actors(gold)
    symmetric = set(gold["symmetric_relations"])
    out = []
    for i in ids:
        rec = recs.get(i, {"claims": [], "text": "", "entities": []})
        for g in gold["claims"].get(i, []):
            here = [c for c in rec["claims"] if in_sentence(c, rec["text"], g["quote"]) > 0]
            if any(pair_matches(actors, g, c, symmetric) for c in here):
                continue
            subj = [g["subject"], *(g.get("subject_alt") or [])]
            obj = [g["object"], *(g.get("object_alt") or [])] if g.get("object") else []
            read = " | ".join([*(f"{e['text']} {e['canonical'] or ''}" for e in rec.get("entities", [])
                                 if e["text"] and e["text"] in g["quote"]),
                               *(_side(c, k) for c in here for k in ("subject", "object"))])

            def named(side: list[str], text: str) -> bool:
                return not side or any(actors.matches(a, text) for a in side)

            if g.get("implicit") or not named(subj, g["quote"]) or not named(obj, g["quote"]):
                cause = "implicit"
            elif obj and any(named(subj, _side(c, "object")) and named(obj, _side(c, "subject")) for c in here):
                cause = "reversed"
            elif not quote_spans(rec["text"], g["quote"]):
                cause = "unlocated"
            elif not named(subj, read) or not named(obj, read):
                cause = "no-actor"
            elif not here:
                cause = "no-claim"
            elif any(named(subj, _side(c, "subject")) or (obj and named(obj, _side(c, "object"))) for c in here):
                cause = "one-side"
            else:
                cause = "neither"
            out.append((cause, i, g, here))
    return out


def print_misses(run: dict[str, Any], gold: dict[str, Any], ids: list[str]) -> None:
    misses = miss_causes(run, gold, ids)
    counts: dict[str, int] = defaultdict(int)
    for cause, i, g, here in sorted(misses, key=lambda m: (m[0], m[1])):
        counts[cause] += 1
        print(f"[{cause}] {i} {g['subject']} -{g['relation']}-> {g['object']}"
              f"{' (implicit)' if g.get('implicit') else ''}\n  quote: {g['quote']}")
        for c in here:
            print(f"  read: {c['subject']} [{c['subject_canonical']}] -{c['predicate']}-> {c['object']} "
                  f"[{c['object_canonical']}] {c['status']}")
    print(f"missed {len(misses)}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


def halves(gold: dict[str, Any]) -> dict[str, list[str]]:
    labels = sorted(set(gold["stories"].values()))
    half = {label: "A" if n % 2 == 0 else "B" for n, label in enumerate(labels)}
    out: dict[str, list[str]] = {"all": sorted(gold["stories"]), "A": [], "B": []}
    for i in out["all"]:
        out[half[gold["stories"][i]]].append(i)
    return out


def _fmt(x: Any) -> str:
    return "-" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("MISTRUST_TEST_DATA", str(ROOT.parent / "shared" / "data")))
    ap.add_argument("--baseline", default=BASELINE, help="commit whose src/ is the same-run baseline")
    ap.add_argument("--no-baseline", action="store_true", help="score this tree only")
    ap.add_argument("--dump", help=argparse.SUPPRESS)  # internal: run the system, write its export here
    ap.add_argument("--save", help="also write this tree's dump here (for inspection)")
    ap.add_argument("--misses", choices=("A", "B"), help="list the half's missed gold claims with a guess at the "
                    "cause (look at the tuning half A only; B is the check)")
    ap.add_argument("--load", help="score this saved dump (--save) instead of running the system")
    args = ap.parse_args()
    data = Path(args.data)
    if args.dump:
        dump(data, Path(args.dump))
        return 0
    if not (data / "claims" / "gold.json").exists():
        print(f"no claims set at {data / 'claims'} (set MISTRUST_TEST_DATA)", file=sys.stderr)
        return 1
    gold = json.loads((data / "claims" / "gold.json").read_text(encoding="utf-8"))
    if args.load:
        mine = json.loads(Path(args.load).read_text(encoding="utf-8"))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            mine = run_system(ROOT, data, Path(args.save or Path(tmp) / "mine.json"))
    parts = halves(gold)
    if args.misses:
        print_misses(mine, gold, parts[args.misses])
        return 0
    base = None if args.no_baseline else baseline_dump(args.baseline, data)
    scores = {name: score(mine, gold, ids) for name, ids in parts.items()}
    base_scores = {name: score(base, gold, ids) for name, ids in parts.items()} if base else {}
    keys = [k for k in scores["all"] if k != "claims_gold"]
    print(f"claims set: {len(parts['all'])} articles ({len(parts['A'])} in half A, {len(parts['B'])} in B); "
          f"gold claims {scores['all']['claims_gold']} (A {scores['A']['claims_gold']}, B {scores['B']['claims_gold']})")
    print(f"run time (ingest+analyze+corroborate): this tree {mine['seconds']:.1f} s"
          + (f", baseline {base['seconds']:.1f} s{' (cached run)' if base.get('cached') else ''}" if base else ""))
    head = f"{'figure':<22}{'all':>8}{'A(tune)':>9}{'B':>8}{'B-A':>8}"
    if base:
        head += f"{'base all':>10}{'base A':>9}{'base B':>9}"
    print(head + f"{'target':>8}")
    for k in keys:
        row = f"{k:<22}" + "".join(f"{_fmt(scores[h][k]):>{w}}" for h, w in (("all", 8), ("A", 9), ("B", 8)))
        a, b = scores["A"][k], scores["B"][k]
        row += f"{_fmt(b - a if a is not None and b is not None else None):>8}"
        if base:
            row += "".join(f"{_fmt(base_scores[h][k]):>{w}}" for h, w in (("all", 10), ("A", 9), ("B", 9)))
        print(row + f"{_fmt(TARGETS.get(k)):>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
