"""Train a fit model on won and lost deals.

DEALS is a CSV with the columns path,outcome (won / lost; more columns allowed; paths relative to
the CSV) or a folder with won/ and lost/ sub-folders. Extraction and tagging are cached by sha256
(in $TRIAGE_CACHE or ~/.cache/triage). The new model replaces the one in --out only if it is not
worse on the same deals (cross-validated AUC and Brier score), unless --force.

Examples:
  triage train corpus/generated/deals.csv --out models/default --force
  triage train ~/deals --out models/ours --jobs 2     # ~/deals/won/*.pdf, ~/deals/lost/*.docx
  triage train --from-ledger ~/rfp-inbox --out models/ours   # outcomes from `triage outcome`"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "deals",
        nargs="?",
        metavar="DEALS",
        help="a CSV of deals (path,outcome) or a folder with won/ and lost/",
    )
    parser.add_argument(
        "--out", metavar="DIR", help="the model folder to write (default: $TRIAGE_MODEL or models/default)"
    )
    parser.add_argument(
        "--force", action="store_true", help="replace the model in --out even if the new one is worse"
    )
    parser.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="read and tag N documents in parallel (default 1)"
    )
    parser.add_argument(
        "--folds", type=int, default=5, metavar="K", help="cross-validation folds for the metrics (default 5)"
    )
    parser.add_argument(
        "--from-ledger",
        nargs="?",
        const="",
        default=None,
        metavar="PATH",
        help="train on the outcomes recorded with `triage outcome` (the inbox ledger at PATH)",
    )
    parser.add_argument("--no-cache", action="store_true", help="extract and tag every document again")


def _ledger_path(args: argparse.Namespace):
    """The ledger --from-ledger names: a ledger file, an inbox folder (INBOX/triage.sqlite), or
    DEALS as the inbox, or triage.sqlite in the current folder."""
    from pathlib import Path

    from triage.errors import UsageError

    try:
        from triage.inbox.ledger import LEDGER_NAME, default_ledger_path
    except ImportError as exc:
        raise UsageError(
            "--from-ledger needs the inbox ledger, which this version of triage does not have"
        ) from exc
    where = args.from_ledger or args.deals
    path = default_ledger_path(where) if where else Path(LEDGER_NAME)
    if not Path(path).is_file():
        raise UsageError(
            f"no ledger at {path}; use --from-ledger INBOX or --from-ledger PATH/TO/{LEDGER_NAME}"
        )
    return path


def run(args: argparse.Namespace) -> int:
    from triage.errors import UsageError
    from triage.score import default_model_dir, load_model, save_model, train
    from triage.score.data import deals_from_ledger, load_deals, tag_deals
    from triage.score.evaluation import compare_models
    from triage.score.persist import CARD_FILE

    if args.from_ledger is not None:
        source = _ledger_path(args)
        deals = deals_from_ledger(source)
    elif args.deals:
        source = args.deals
        deals = load_deals(source)
    else:
        raise UsageError("give DEALS (a CSV or a folder with won/ and lost/) or --from-ledger")
    out = args.out or str(default_model_dir())

    tagged = tag_deals(deals, jobs=args.jobs, cache=not args.no_cache)
    skipped = len(deals) - len(tagged)
    if skipped:
        print(f"triage: {skipped} of {len(deals)} deals could not be read and are left out", file=sys.stderr)
    pairs = [(t, d.won) for d, t in tagged]
    model = train(pairs, source=str(source), folds=args.folds)
    m = model.card["metrics"]
    print(
        f"Trained on {model.card['trained_on']} deals ({model.card['won']} won, {model.card['lost']} lost): "
        f"cross-validated AUC {m['auc']:.3f}, Brier {m['brier']:.3f}, log loss {m['log_loss']:.3f}"
    )

    from pathlib import Path

    if (Path(out) / CARD_FILE).is_file():
        try:
            old = load_model(out, full=True)
        except Exception as exc:  # an unreadable or incompatible old model is replaced
            model.card["comparison"] = {"summary": f"Replaces a model that could not be loaded ({exc})."}
        else:
            comparison = compare_models(
                model, model.out_of_fold, old, [t for t, _ in pairs], [w for _, w in pairs]
            )
            model.card["comparison"] = comparison
            print(comparison["summary"])
            if not comparison["replace"] and not args.force:
                print(f"triage: kept the model in {out}; use --force to replace it anyway", file=sys.stderr)
                return 1
            if not comparison["replace"]:
                comparison["summary"] += " Replaced anyway (--force)."
    save_model(model, out)
    print(f"Saved model {model.info.version} to {out}")
    return 0
