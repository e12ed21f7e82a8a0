#!/usr/bin/env python3
"""Speed of Dyad next to spaCy alone, both measured in the same run.

Three comparisons, each against spaCy's own ``spacy.load(model)`` + ``nlp.pipe`` over the
same texts (spaCy's default batch size unless --spacy-batch):

1. language analysis over WiNER-fr (1,191 Wikinews articles, ~280,000 words): Dyad's
   ``load_nlp`` + ``analyse`` (no extraction); then ``dyad.pipeline.process`` with
   ``extract=False`` and 1, 2... workers (scaling);
2. extraction over the project's example articles about bilateral relations, repeated to
   at least 50,000 words (ids kept unique): ``process(..., extract=True)``;
3. the mixed stream (WiNER-fr, mostly unrelated to relations between countries): Dyad
   extraction with the pre-filter against spaCy's full pipeline over everything, and Dyad
   again without the pre-filter, to show that the same records come out.

Every run is a subprocess of its own (separate peak RSS, from getrusage). Models and data
tables are loaded and warmed up before the clock starts; load times are shown apart. The
machine is shared, so the runs are interleaved in rounds (order reversed every other
round) and the figures are medians; ratios are ratios of medians, with the range of the
per-round ratios beside them.

    .venv/bin/python bench/speed.py                 # full size, 3 rounds
    .venv/bin/python bench/speed.py --quick         # ~20,000 words, 1 round
    .venv/bin/python bench/speed.py --workers 1,2 --rounds 5 --json
    .venv/bin/python bench/speed.py --breakdown     # also: time per component, cProfile of Dyad's part
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import (REPO, WINER_TAR, count_words, example_documents, read_jsonl, repeat_to, spread_subset,  # noqa: E402
                    total_words, winer_documents, write_jsonl)
from dyad.options import Options  # noqa: E402

TARGETS = {"analysis": 1.3, "extraction": 1.5, "mixed": 3.0}
WARMUP_TEXT = ("Rabat, 3 mars 2020 – Le président français Emmanuel Macron s'est rendu mardi au Maroc "
               "pour une visite d'État. Il a signé un accord de coopération avec le roi Mohammed VI.")
RESULT_TAG = "RESULT "
DYAD_BATCH = Options().batch_size  # what Dyad passes to nlp.pipe


# ---------------------------------------------------------------- one measurement (child side)

@dataclass
class Job:
    """One measurement, run in a subprocess of its own."""

    key: str
    label: str
    kind: str  # spacy | analyse | process | breakdown
    corpus: str
    words: int
    workers: int = 1
    extract: bool = False
    prefilter: bool = True
    model: str = "fr_core_news_md"
    spacy_batch: int | None = None
    warmup: str = ""  # a JSON Lines file with one short document
    records_out: str | None = None
    profile: bool = False
    code: str = ""  # the snapshot of the dyad package this run must import


@dataclass
class Sample:
    """What one run measured."""

    wall: float
    cpu: float  # user + system, this process and its (reaped) children
    load: float  # model + tables + warm-up, before the clock
    rss_mib: float  # peak RSS of the process that ran the job
    rss_child_mib: float  # peak RSS of the largest child process (pool workers), 0 when none
    docs: int = 0
    skipped: int = 0
    records: int = 0
    failed: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def _peaks() -> tuple[float, float]:
    # ru_maxrss is in KiB on Linux
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def _documents(rows: list[dict]):
    from dyad.model import Document

    return [Document(id=r["id"], text=r["text"], title=r.get("title"), published_raw=r.get("published"),
                     url=r.get("url"), source=r.get("source")) for r in rows]


def _run_spacy(job: Job) -> Sample:
    import spacy

    t = time.perf_counter()
    nlp = spacy.load(job.model)
    list(nlp.pipe([WARMUP_TEXT]))
    load = time.perf_counter() - t
    texts = [r["text"] for r in read_jsonl(Path(job.corpus))]
    kw: dict[str, Any] = {"n_process": job.workers}
    if job.spacy_batch:
        kw["batch_size"] = job.spacy_batch
    c, t = _cpu(), time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, **kw))
    wall, cpu = time.perf_counter() - t, _cpu() - c
    return Sample(wall, cpu, load, *_peaks(), docs=len(texts),
                  extra={"tokens": tokens, "batch_size": kw.get("batch_size", nlp.batch_size)})


def _run_analyse(job: Job) -> Sample:
    from dyad.language.pipeline import analyse, load_nlp
    from dyad.options import Options

    options = Options(model=job.model, progress=False)
    t = time.perf_counter()
    load_nlp(options.model, options.lang)
    list(analyse(_documents(read_jsonl(Path(job.warmup))), options))
    load = time.perf_counter() - t
    documents = _documents(read_jsonl(Path(job.corpus)))
    c, t = _cpu(), time.perf_counter()
    mentions = sum(len(doc._.mentions) for _, doc in analyse(documents, options))
    wall, cpu = time.perf_counter() - t, _cpu() - c
    return Sample(wall, cpu, load, *_peaks(), docs=len(documents), extra={"mentions": mentions})


def _run_process(job: Job) -> Sample:
    from dyad.errors import Failure
    from dyad.language.pipeline import load_nlp
    from dyad.options import Options
    from dyad.pipeline import process

    options = Options(model=job.model, workers=job.workers, prefilter=job.prefilter, progress=False)
    t = time.perf_counter()
    # loaded here, the model and tables reach the pool workers by fork (load_nlp is cached)
    load_nlp(options.model, options.lang)
    list(process([job.warmup], options.with_(workers=1), extract=job.extract))
    load = time.perf_counter() - t
    results = []
    c, t = _cpu(), time.perf_counter()
    for item in process([job.corpus], options, extract=job.extract):
        results.append(item)
    wall, cpu = time.perf_counter() - t, _cpu() - c
    done = [r for r in results if not isinstance(r, Failure)]
    if job.records_out:
        with open(job.records_out, "w", encoding="utf-8") as f:
            for r in done:
                f.write(json.dumps({"doc": r.document.id, "skipped": r.skipped_parse,
                                    "records": [x.to_dict() for x in r.records]}, ensure_ascii=False) + "\n")
    return Sample(wall, cpu, load, *_peaks(), docs=len(done), skipped=sum(r.skipped_parse for r in done),
                  records=sum(len(r.records) for r in done), failed=len(results) - len(done))


def _run_breakdown(job: Job) -> Sample:
    """Time per pipeline component (batched as in analyse), pre-filter and each extractor."""
    from dyad.extraction import EXTRACTORS, extract_records
    from dyad.lang import lexicon
    from dyad.language.focus import worth_parsing
    from dyad.extraction.view import DocView
    from dyad.language.pipeline import analyse, load_nlp, make_doc
    from dyad.options import Options

    options = Options(model=job.model, progress=False)
    t = time.perf_counter()
    nlp = load_nlp(options.model, options.lang)
    for document, doc in analyse(_documents(read_jsonl(Path(job.warmup))), options):
        extract_records(document, doc, options)
    load = time.perf_counter() - t
    documents = _documents(read_jsonl(Path(job.corpus)))
    times: dict[str, float] = {}
    c0, t0 = _cpu(), time.perf_counter()
    t = time.perf_counter()
    kept = [d for d in documents if worth_parsing(d, lexicon(options.lang))]
    times["pre-filter (all documents)"] = time.perf_counter() - t
    t = time.perf_counter()
    docs = [make_doc(nlp, d) for d in documents]
    times["tokenizer"] = time.perf_counter() - t
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=options.batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        times[name] = time.perf_counter() - t
    for document, doc in zip(documents, docs):
        document.published = doc._.published
    records = 0
    if job.extract:
        for document, doc in zip(documents, docs):
            t = time.perf_counter()
            view = DocView.build(document, doc, lexicon(options.lang))
            times["DocView.build"] = times.get("DocView.build", 0.0) + time.perf_counter() - t
            for extractor in EXTRACTORS:
                t = time.perf_counter()
                extractor(view)
                times[extractor.__name__] = times.get(extractor.__name__, 0.0) + time.perf_counter() - t
        t = time.perf_counter()
        records = sum(len(extract_records(d, doc, options)) for d, doc in zip(documents, docs))
        times["extract_records (whole, again)"] = time.perf_counter() - t
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    profile = None
    if job.extract and job.profile:  # apart: the profiler inflates the timings above
        profiler = cProfile.Profile()
        profiler.enable()
        for d, doc in zip(documents, docs):
            extract_records(d, doc, options)
        profiler.disable()
        profile = _profile_text(profiler)
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    extra = {"times": times, "kept_by_prefilter": len(kept)}
    if profile:
        extra["profile"] = profile
    return Sample(wall, cpu, load, *_peaks(), docs=len(documents), records=records, extra=extra)


def _profile_text(profiler, top: int = 25) -> str:
    import io
    import pstats

    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


RUNNERS = {"spacy": _run_spacy, "analyse": _run_analyse, "process": _run_process, "breakdown": _run_breakdown}


def child_main(spec: str) -> None:
    """Run one job and print its Sample as one JSON line."""
    job = Job(**json.loads(spec))
    import dyad

    if job.code and not Path(dyad.__file__).resolve().is_relative_to(Path(job.code).resolve()):
        sys.exit(f"bench: imported {dyad.__file__}, not the snapshot in {job.code}")
    sample = RUNNERS[job.kind](job)
    print(RESULT_TAG + json.dumps(asdict(sample)), flush=True)


# ---------------------------------------------------------------- the runs (parent side)

def run_job(job: Job) -> Sample:
    """Run a job in a fresh interpreter and read back its Sample."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(x for x in (job.code, os.environ.get("PYTHONPATH")) if x))
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(asdict(job))],
                          capture_output=True, text=True, env=env)
    line = next((x for x in proc.stdout.splitlines() if x.startswith(RESULT_TAG)), None)
    if proc.returncode != 0 or line is None:
        sys.exit(f"bench: run {job.key} failed (exit {proc.returncode}):\n{proc.stderr[-4000:]}")
    return Sample(**json.loads(line[len(RESULT_TAG):]))


@dataclass
class Corpora:
    """The JSON Lines files the runs read, with their sizes."""

    winer: str
    winer_docs: int
    winer_words: int
    news: str
    news_docs: int
    news_words: int
    news_copies: int
    warmup: str


def snapshot_code(workdir: Path) -> tuple[str, dict[str, Any]]:
    """Copy the dyad package aside, so that every run uses the same code while the tree changes."""
    target = workdir / "code"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(REPO / "dyad", target / "dyad", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    h = hashlib.sha256()
    for f in sorted((target / "dyad").rglob("*")):
        if f.is_file():
            h.update(str(f.relative_to(target)).encode() + b"\0" + f.read_bytes())

    def git(*a: str) -> str:
        r = subprocess.run(["git", *a], cwd=REPO, capture_output=True, text=True)
        return r.stdout.strip()
    return str(target), {"commit": git("rev-parse", "--short", "HEAD"),
                         "dirty": bool(git("status", "--porcelain", "--", "dyad")), "sha256": h.hexdigest()[:12]}


def build_corpora(workdir: Path, quick: bool, tar: Path) -> Corpora:
    """Unpack WiNER-fr, gather the example articles (repeated), write both as JSON Lines."""
    winer = winer_documents(tar, workdir)
    if quick:
        winer = spread_subset(winer, 20_000)
    examples = example_documents()
    news = repeat_to(examples, 12_000 if quick else 50_000)
    warmup = write_jsonl([{"id": "warmup", "text": WARMUP_TEXT}], workdir / "warmup.jsonl")
    return Corpora(str(write_jsonl(winer, workdir / "winer.jsonl")), len(winer), total_words(winer),
                   str(write_jsonl(news, workdir / "news.jsonl")), len(news), total_words(news),
                   len(news) // max(1, len(examples)), str(warmup))


def plan(c: Corpora, args: argparse.Namespace, workdir: Path, code: str) -> tuple[list[Job], list[Job]]:
    """The jobs repeated every round, and those run once (in the first round)."""
    common = {"model": args.model, "warmup": c.warmup, "code": code}
    sb = {"spacy_batch": args.spacy_batch}
    w, n = (c.winer, c.winer_words), (c.news, c.news_words)
    rounds = [
        Job("winer/spacy", "spaCy nlp.pipe", "spacy", *w, **common, **sb),
        Job("winer/spacy16", f"spaCy nlp.pipe, batch {DYAD_BATCH} (Dyad's)", "spacy", *w, spacy_batch=DYAD_BATCH,
            **common),
        Job("winer/analyse", "Dyad load_nlp + analyse", "analyse", *w, **common),
        Job("winer/extract", "Dyad extraction, pre-filter", "process", *w, extract=True,
            records_out=str(workdir / "records_prefilter.jsonl"), **common),
        Job("news/spacy", "spaCy nlp.pipe", "spacy", *n, **common, **sb),
        Job("news/extract", "Dyad extraction", "process", *n, extract=True, **common),
    ]
    for k in args.workers:
        rounds.append(Job(f"winer/process{k}", f"Dyad process, {k} worker{'s' if k > 1 else ''}", "process", *w,
                          workers=k, prefilter=False, **common))
        if args.spacy_parallel and k > 1:
            rounds.append(Job(f"winer/spacy{k}", f"spaCy nlp.pipe, n_process={k}", "spacy", *w, workers=k,
                              **common, **sb))
    once = [Job("winer/extract-all", "Dyad extraction, no pre-filter", "process", *w, extract=True,
                prefilter=False, records_out=str(workdir / "records_all.jsonl"), **common)]
    if args.breakdown:
        once += [Job("winer/breakdown", "breakdown", "breakdown", *w, extract=True, profile=True, **common),
                 Job("news/breakdown", "breakdown", "breakdown", *n, extract=True, profile=True, **common)]
    return rounds, once


def run_rounds(rounds: list[Job], once: list[Job], n: int) -> dict[str, list[Sample]]:
    """Every job once per round, in alternating order; the one-off jobs after the first round."""
    samples: dict[str, list[Sample]] = {}
    for r in range(n):
        order = rounds if r % 2 == 0 else rounds[::-1]
        extra = once if r == 0 else []
        for job in order + extra:
            s = run_job(job)
            samples.setdefault(job.key, []).append(s)
            print(f"[round {r + 1}/{n}] {job.key:<20} {s.wall:8.1f} s wall {s.cpu:8.1f} s CPU "
                  f"{job.words / s.wall:8,.0f} words/s  load avg {os.getloadavg()[0]:.1f}", file=sys.stderr)
    return samples


# ---------------------------------------------------------------- figures

def med(samples: list[Sample], attr: str) -> float:
    """Median of one attribute over the rounds."""
    return statistics.median(getattr(s, attr) for s in samples)


def ratio(num: list[Sample], den: list[Sample], attr: str = "wall") -> dict[str, float]:
    """Ratio of medians, with the range of the per-round ratios (rounds paired in order)."""
    per = [getattr(a, attr) / getattr(b, attr) for a, b in zip(num, den)]
    return {"value": med(num, attr) / med(den, attr), "low": min(per), "high": max(per)}


def row(label: str, samples: list[Sample], words: int) -> dict[str, Any]:
    """The figures of one kind of run."""
    wall = med(samples, "wall")
    return {"label": label, "wall_s": wall, "cpu_s": med(samples, "cpu"), "words_per_s": words / wall,
            "load_s": med(samples, "load"), "rss_mib": max(s.rss_mib for s in samples),
            "worker_rss_mib": max(s.rss_child_mib for s in samples), "rounds": len(samples),
            "records": samples[0].records, "skipped": samples[0].skipped, "docs": samples[0].docs,
            "failed": samples[0].failed}


def compare_records(with_prefilter: str, without: str, words: dict[str, int]) -> dict[str, Any]:
    """Records with and without the pre-filter, as multisets of JSON; what the shortcut lost."""
    def load(path: str) -> tuple[Counter, dict[str, bool], dict[str, int]]:
        recs: Counter = Counter()
        skipped, per_doc = {}, {}
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            skipped[obj["doc"]] = obj["skipped"]
            per_doc[obj["doc"]] = len(obj["records"])
            recs.update(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in obj["records"])
        return recs, skipped, per_doc

    a, skipped, _ = load(with_prefilter)
    b, _, per_doc = load(without)
    set_aside = [d for d, s in skipped.items() if s]
    kept = [d for d, s in skipped.items() if not s]
    return {"documents": len(skipped), "set_aside": len(set_aside),
            "kept_words": sum(words.get(d, 0) for d in kept), "words": sum(words.values()),
            "kept_with_records": sum(1 for d in kept if per_doc.get(d, 0)),
            "records_with_prefilter": sum(a.values()), "records_without_prefilter": sum(b.values()),
            "identical": a == b, "lost": sum((b - a).values()), "gained": sum((a - b).values()),
            "set_aside_docs_with_records": sorted(d for d in set_aside if per_doc.get(d, 0))}


def summarise(c: Corpora, samples: dict[str, list[Sample]], args: argparse.Namespace) -> dict[str, Any]:
    """Every figure the table and the JSON show."""
    S = samples
    ww, nw = c.winer_words, c.news_words
    out: dict[str, Any] = {
        "corpora": asdict(c), "rounds": args.rounds, "cpus": len(os.sched_getaffinity(0)),
        "analysis": {"rows": [row(f"spaCy nlp.pipe, batch {args.spacy_batch or 'default'}", S["winer/spacy"], ww),
                              row(f"spaCy nlp.pipe, batch {DYAD_BATCH} (Dyad's)", S["winer/spacy16"], ww),
                              row("Dyad load_nlp + analyse", S["winer/analyse"], ww)],
                     "ratio_wall": ratio(S["winer/analyse"], S["winer/spacy"]),
                     "ratio_cpu": ratio(S["winer/analyse"], S["winer/spacy"], "cpu"),
                     "ratio_wall_same_batch": ratio(S["winer/analyse"], S["winer/spacy16"]),
                     "ratio_cpu_same_batch": ratio(S["winer/analyse"], S["winer/spacy16"], "cpu")},
        "scaling": {"rows": [], "speedup": {}},
        "extraction": {"rows": [row("spaCy nlp.pipe", S["news/spacy"], nw),
                                row("Dyad extraction", S["news/extract"], nw)],
                       "ratio_wall": ratio(S["news/extract"], S["news/spacy"]),
                       "ratio_cpu": ratio(S["news/extract"], S["news/spacy"], "cpu")},
        "mixed": {"rows": [row("spaCy nlp.pipe (all documents)", S["winer/spacy"], ww),
                           row("Dyad extraction, pre-filter", S["winer/extract"], ww),
                           row("Dyad extraction, no pre-filter", S["winer/extract-all"], ww)],
                  "speedup_wall": ratio(S["winer/spacy"], S["winer/extract"]),
                  "speedup_cpu": ratio(S["winer/spacy"], S["winer/extract"], "cpu"),
                  "records": compare_records(_records_path(c, "prefilter"), _records_path(c, "all"),
                                             {d["id"]: count_words(d["text"]) for d in read_jsonl(Path(c.winer))})},
    }
    ex = out["extraction"]["rows"][1]
    ex["records_per_s"] = ex["records"] / ex["wall_s"]
    base = f"winer/process{args.workers[0]}"
    for k in args.workers:
        out["scaling"]["rows"].append(row(f"Dyad process, {k} worker{'s' if k > 1 else ''}", S[f"winer/process{k}"], ww))
        out["scaling"]["speedup"][k] = ratio(S[base], S[f"winer/process{k}"])
        if f"winer/spacy{k}" in S:
            out["scaling"]["rows"].append(row(f"spaCy nlp.pipe, n_process={k}", S[f"winer/spacy{k}"], ww))
    for key in ("winer/breakdown", "news/breakdown"):
        if key in S:
            out.setdefault("breakdown", {})[key] = S[key][0].extra | {"wall_s": S[key][0].wall,
                                                                      "records": S[key][0].records}
    a, e, m = out["analysis"], out["extraction"], out["mixed"]
    out["targets"] = [
        _target("analysis time, Dyad / spaCy", a["ratio_wall"], a["ratio_cpu"], "<=", TARGETS["analysis"]),
        _target("  same, spaCy at Dyad's batch size", a["ratio_wall_same_batch"], a["ratio_cpu_same_batch"], "<=",
                TARGETS["analysis"]),
        _target("extraction time (news), Dyad / spaCy", e["ratio_wall"], e["ratio_cpu"], "<=", TARGETS["extraction"]),
        _target("mixed stream speed-up, spaCy / Dyad", m["speedup_wall"], m["speedup_cpu"], ">=", TARGETS["mixed"]),
        {"check": "no record lost by the pre-filter", "lost": m["records"]["lost"], "gained": m["records"]["gained"],
         "met": m["records"]["identical"]},
    ]
    return out


def _records_path(c: Corpora, which: str) -> str:
    return str(Path(c.warmup).parent / f"records_{which}.jsonl")


def _target(check: str, wall: dict[str, float], cpu: dict[str, float], op: str, target: float) -> dict[str, Any]:
    def ok(x: float) -> bool:
        return x <= target if op == "<=" else x >= target
    return {"check": check, "wall": wall["value"], "cpu": cpu["value"], "op": op, "target": target,
            "met_wall": ok(wall["value"]), "met_cpu": ok(cpu["value"]), "met": ok(wall["value"]) and ok(cpu["value"])}


# ---------------------------------------------------------------- table

def _fmt_ratio(r: dict[str, float], unit: str = "×") -> str:
    return f"{r['value']:.2f}{unit} ({r['low']:.2f}–{r['high']:.2f})"


def _rows_table(rows: list[dict[str, Any]]) -> list[str]:
    lines = [f"  {'run':<34}{'wall s':>9}{'words/s':>10}{'CPU s':>9}{'load s':>8}{'peak RSS MiB':>14}"
             f"{'worker RSS':>12}"]
    for r in rows:
        worker = f"{r['worker_rss_mib']:.0f}" if r["worker_rss_mib"] else "-"
        lines.append(f"  {r['label']:<34}{r['wall_s']:9.1f}{r['words_per_s']:10,.0f}{r['cpu_s']:9.1f}"
                     f"{r['load_s']:8.1f}{r['rss_mib']:14.0f}{worker:>12}")
    return lines


def table(s: dict[str, Any]) -> str:
    """The report, as text."""
    c = s["corpora"]
    mixed, recs = s["mixed"], s["mixed"]["records"]
    ex = s["extraction"]["rows"][1]
    out = [f"Dyad speed benchmark: {s['rounds']} round(s), medians of wall-clock time, {s['cpus']} CPUs; "
           f"ratios are ratios of medians (per-round range in brackets)",
           f"  WiNER-fr: {c['winer_docs']:,} documents, {c['winer_words']:,} words; "
           f"news examples: {c['news_docs']:,} documents ({c['news_copies']} copies), {c['news_words']:,} words",
           "", f"1. Language analysis, no extraction (WiNER-fr, {c['winer_words']:,} words)"]
    out += _rows_table(s["analysis"]["rows"])
    out.append(f"  time Dyad / spaCy: wall {_fmt_ratio(s['analysis']['ratio_wall'])}, "
               f"CPU {_fmt_ratio(s['analysis']['ratio_cpu'])}   target <= {TARGETS['analysis']}×")
    out.append(f"  against spaCy at Dyad's batch size: wall {_fmt_ratio(s['analysis']['ratio_wall_same_batch'])}, "
               f"CPU {_fmt_ratio(s['analysis']['ratio_cpu_same_batch'])}")
    out += ["", "   scaling: dyad.pipeline.process, extract=False, prefilter=False"]
    out += _rows_table(s["scaling"]["rows"])
    out.append("  speed-up over the first: " + ", ".join(
        f"{k} workers {_fmt_ratio(r)}" for k, r in s["scaling"]["speedup"].items()))
    out += ["", f"2. Extraction, news about bilateral relations ({c['news_words']:,} words)"]
    out += _rows_table(s["extraction"]["rows"])
    out.append(f"  time Dyad / spaCy: wall {_fmt_ratio(s['extraction']['ratio_wall'])}, "
               f"CPU {_fmt_ratio(s['extraction']['ratio_cpu'])}   target <= {TARGETS['extraction']}×")
    out.append(f"  records: {ex['records']:,} ({ex['records_per_s']:.1f} records/s); "
               f"set aside by the pre-filter: {ex['skipped']} of {ex['docs']} documents")
    out += ["", f"3. Mixed stream (WiNER-fr, {c['winer_words']:,} words)"]
    out += _rows_table(mixed["rows"])
    out.append(f"  speed-up spaCy / Dyad with pre-filter: wall {_fmt_ratio(mixed['speedup_wall'])}, "
               f"CPU {_fmt_ratio(mixed['speedup_cpu'])}   target >= {TARGETS['mixed']}×")
    out.append(f"  documents set aside: {recs['set_aside']:,} of {recs['documents']:,}; records with the pre-filter "
               f"{recs['records_with_prefilter']:,}, without {recs['records_without_prefilter']:,}; identical: "
               f"{'yes' if recs['identical'] else 'NO'} (lost {recs['lost']}, gained {recs['gained']})")
    out.append(f"  kept for parsing: {recs['documents'] - recs['set_aside']:,} documents, "
               f"{recs['kept_words']:,} of {recs['words']:,} words ({recs['kept_words'] / max(1, recs['words']):.0%}); "
               f"kept documents that yield a record: {recs['kept_with_records']:,}")
    if recs["set_aside_docs_with_records"]:
        out.append("  set aside but with records: " + ", ".join(recs["set_aside_docs_with_records"][:20]))
    for key, b in s.get("breakdown", {}).items():
        out += ["", f"Breakdown, {key} (one pass, batched like analyse; seconds)"]
        out += [f"  {name:<34}{t:9.2f}" for name, t in b["times"].items()]
        out.append(f"  kept by the pre-filter: {b['kept_by_prefilter']}")
        if b.get("profile"):
            out += ["", "  cProfile of the extraction steps (top by own time):", b["profile"]]
    v = s.get("code", {})
    out += ["", f"Targets (dyad code: commit {v.get('commit')}{' + uncommitted changes' if v.get('dirty') else ''}, "
                f"snapshot {v.get('sha256')})"]
    out.append(f"  {'check':<42}{'wall':>8}{'CPU':>8}{'target':>10}  result (wall / CPU)")
    for t in s["targets"]:
        if "op" in t:
            verdict = " / ".join("met" if t[k] else "MISSED" for k in ("met_wall", "met_cpu"))
            out.append(f"  {t['check']:<42}{t['wall']:7.2f}×{t['cpu']:7.2f}×"
                       f"{('≤ ' if t['op'] == '<=' else '≥ ') + format(t['target'], '.2f') + '×':>10}  {verdict}")
        else:
            out.append(f"  {t['check']:<42}{'lost ' + str(t['lost']) + ', gained ' + str(t['gained']):>16}"
                       f"{'0 lost':>10}  {'met' if t['met'] else 'MISSED'}")
    return "\n".join(out)


# ---------------------------------------------------------------- command line

def parse_workers(text: str) -> list[int]:
    """'1,2' -> [1, 2]; a single N -> [1 .. N]."""
    xs = [int(x) for x in text.split(",") if x.strip()]
    if len(xs) == 1:
        xs = list(range(1, xs[0] + 1))
    if not xs or min(xs) < 1:
        raise argparse.ArgumentTypeError("workers: positive integers, e.g. 1,2")
    return xs


def main(argv: list[str] | None = None) -> int:
    """Build the corpora, run the rounds, print the table (or JSON)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small corpora (~20,000 + ~12,000 words), 1 round")
    ap.add_argument("--rounds", type=int, help="rounds of interleaved runs (default 3; 1 with --quick)")
    ap.add_argument("--workers", type=parse_workers, default=[1, 2], help="worker counts for the scaling runs")
    ap.add_argument("--spacy-parallel", action="store_true", help="also spaCy with n_process=N for N > 1")
    ap.add_argument("--spacy-batch", type=int, help="batch size for spaCy's nlp.pipe (default: spaCy's own)")
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--data", type=Path, default=WINER_TAR, help="WiNER-fr tar.gz")
    ap.add_argument("--breakdown", action="store_true", help="also time each component and profile extraction")
    ap.add_argument("--json", action="store_true", help="print a JSON summary instead of the table")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (corpora, records, summary.json)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child_main(args.child)
        return 0
    args.rounds = args.rounds or (1 if args.quick else 3)
    with tempfile.TemporaryDirectory(prefix="dyad-speed-") as tmp:
        workdir = Path(tmp)
        if args.keep:
            workdir = args.keep
            workdir.mkdir(parents=True, exist_ok=True)
        corpora = build_corpora(workdir, args.quick, args.data)
        code, version = snapshot_code(workdir)
        rounds, once = plan(corpora, args, workdir, code)
        print(f"bench: {corpora.winer_words:,} + {corpora.news_words:,} words, {args.rounds} round(s) of "
              f"{len(rounds)} runs, {len(once)} more once; load avg {os.getloadavg()[0]:.1f}", file=sys.stderr)
        summary = summarise(corpora, run_rounds(rounds, once, args.rounds), args)
        summary["code"] = version
        (workdir / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(summary, indent=2, ensure_ascii=False) if args.json else table(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
