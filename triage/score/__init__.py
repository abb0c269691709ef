"""The score stage: features from tagged documents, a calibrated and explained fit model, its
persistence, and the deals it learns from.

    from triage.score import load_model
    report = load_model().score(tagged)      # FitReport with contributions and evidence

Train: `train(deals)` with (TaggedDocument, won) pairs; `load_deals` + `tag_deals` read a CSV or a
won/ + lost/ folder. Save and load: `save_model(model, directory)`, `load_model(directory)`.
"""

from triage.score.features import FeatureMaker, describe_feature, feature_dimension, feature_names
from triage.score.model import FitModel, recommend, train
from triage.score.persist import default_model_dir, load_model, save_model

__all__ = [
    "FeatureMaker",
    "FitModel",
    "TagFeatures",
    "default_model_dir",
    "describe_feature",
    "feature_dimension",
    "feature_names",
    "load_model",
    "recommend",
    "save_model",
    "train",
]


def __getattr__(name: str) -> object:
    # `TagFeatures` needs scikit-learn, which scoring never imports; it is loaded on first use.
    if name == "TagFeatures":
        from triage.score.estimator import TagFeatures

        return TagFeatures
    raise AttributeError(name)
