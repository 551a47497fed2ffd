"""Imported once by the server worker processes fork from (flows.etl.warm_workers): Prefect,
pandas, the stages and the extractor, so a forked worker starts with all of them ready."""
from flows import etl  # noqa: F401  Prefect, pandas, DuckDB and every stage module
from tuopin.config import load_settings
from tuopin.process import extractor_for

extractor_for(str(load_settings().seeds_dir))
