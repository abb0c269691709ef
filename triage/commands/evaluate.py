"""Cross-validated metrics of the fit model on deals, beside a plain-text baseline.

Stratified k-fold cross-validation on DEALS (a CSV of path,outcome or a folder with won/ and lost/):
ROC AUC, Brier score and log loss of the triage model's recipe, of the saved model (--model) as it
is, and of a TF-IDF + logistic regression baseline on the raw text, all on the same folds; and a
reliability table. If the CSV has a p_win column (true probabilities of a synthetic corpus), the
Bayes-optimal figures are shown too.

Examples:
  triage evaluate corpus/generated/deals.csv
  triage evaluate ~/deals --folds 10 --format json"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "deals", metavar="DEALS", help="a CSV of deals (path,outcome) or a folder with won/ and lost/"
    )
    parser.add_argument(
        "--model",
        metavar="DIR",
        help="also score the deals with this saved model (default: the default model, if any)",
    )
    parser.add_argument(
        "--folds", type=int, default=5, metavar="K", help="cross-validation folds (default 5)"
    )
    parser.add_argument("--seed", type=int, default=0, help="the seed of the folds (default 0)")
    parser.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="read and tag N documents in parallel (default 1)"
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    parser.add_argument("--no-cache", action="store_true", help="extract and tag every document again")


def run(args: argparse.Namespace) -> int:
    import json

    from triage.errors import ModelError
    from triage.score import load_model
    from triage.score.data import load_deals, tag_deals
    from triage.score.evaluation import evaluate_deals, format_evaluation, true_probabilities
    from triage.score.model import card_recipe, check_enough

    deals = load_deals(args.deals)
    tagged = tag_deals(deals, jobs=args.jobs, cache=not args.no_cache)
    if len(tagged) < len(deals):
        print(
            f"triage: {len(deals) - len(tagged)} of {len(deals)} deals could not be read and are left out",
            file=sys.stderr,
        )
    check_enough([d.won for d, _ in tagged])
    model = None
    try:
        model = load_model(args.model, full=True)
    except ModelError as exc:
        if args.model:
            raise
        print(f"triage: no saved model is compared ({exc.message})", file=sys.stderr)
    result = evaluate_deals(
        [t for _, t in tagged],
        [d.won for d, _ in tagged],
        folds=args.folds,
        seed=args.seed,
        recipe=card_recipe(model.card) if model else None,
        model=model,
        p_true=true_probabilities([d.row for d, _ in tagged]),
    )
    if args.format == "json":
        from triage.score.metrics import json_safe

        print(json.dumps(json_safe(result), indent=2))
    else:
        print(format_evaluation(result))
    return 0
