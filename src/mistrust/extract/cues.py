"""Cue word lists for attribution: speech, cognition, stance and denial verbs, and their helpers.

Kept apart from :mod:`mistrust.extract.attribution` (which reads the dependency tree) so the
lexicon can be read and extended in one place. Verbs are listed as base forms; ``CUE_FORMS``
maps every inflected form back to its base.
"""

from __future__ import annotations

from mistrust.extract.predicates import inflections

# Speech, report and cognition verbs that introduce what someone holds to be true (base forms).
SPEECH = ("say", "tell", "report", "state", "claim", "announce", "add", "note", "write", "tweet", "explain",
          "declare", "insist", "argue", "suggest", "warn", "ask", "reply", "respond", "answer", "confirm",
          "acknowledge", "admit", "allege", "assert", "contend", "mention", "remark", "reveal", "disclose",
          "predict", "promise", "pledge", "vow", "urge", "describe", "recall", "comment", "complain",
          "concede", "conclude", "emphasize", "emphasise", "stress", "observe", "testify", "inform", "brief",
          "quote", "repeat", "reiterate", "accuse", "criticize", "criticise", "praise", "blame", "estimate",
          "forecast", "propose", "recommend", "demand", "caution", "boast", "lament", "charge", "retort",
          "assure", "speculate", "hint", "imply", "signal", "advise", "protest", "post", "announce",
          "agree", "disagree", "call", "question", "wonder", "point", "joke", "counter", "highlight",
          "indicate", "show", "find", "determine", "conclude", "assess", "document", "detail", "list",
          "endorse", "defend", "dispute", "threaten", "acknowledge", "declare", "predict", "muse", "opine",
          "announce", "yell", "shout", "scream", "exclaim", "whisper", "proclaim", "maintain", "claim",
          # findings of an investigating body: "the panel identified that", "investigators uncovered
          # that" (clause only, see CLAUSE_ONLY)
          "identify", "uncover",
          # an assessment in the register of intelligence ("the agency judges that X"; clause only:
          # "judge" is mostly a noun)
          "judge")
COGNITION = ("think", "believe", "know", "feel", "hope", "fear", "expect", "worry", "doubt", "suspect",
             "assume", "figure", "guess", "understand", "realize", "realise", "want", "wish", "consider",
             "recognize", "recognise", "learn", "hear", "see", "agree", "seem", "appear", "plan", "intend",
             "decide", "estimate", "assume", "imagine", "trust", "insist", "acknowledge", "regret", "prefer",
             "like", "love", "hate", "oppose", "support", "seek", "refuse", "decline", "need")
# Verbs of evaluating, referring and campaigning that report a stance towards their object.
STANCE = ("denounce", "decry", "blast", "rail", "slam", "mock", "condemn", "knock", "eviscerate", "lambast",
          "chide", "scold", "rebuke", "thank", "congratulate", "welcome", "hail", "applaud", "commend", "laud",
          "talk", "refer", "focus", "cite", "discuss", "express", "echo", "recount", "invoke", "email",
          "unveil", "outline", "remind", "favor", "favour", "recite", "portray", "advocate", "continue",
          "offer", "vote", "back", "champion", "tout", "brag", "challenge", "attack", "bemoan", "chant",
          "reference", "raise", "address", "emphasize", "downplay", "mention", "acknowledge", "credit",
          "fault", "blame", "ridicule", "dub", "label", "brand", "characterize", "characterise", "hint",
          "push", "lobby", "campaign", "pan", "tease", "insult", "berate", "assail", "attack")
DENIAL = ("deny", "reject", "dismiss", "refute", "rebut", "disavow", "debunk", "dispute", "contradict",
          "repudiate")

CUE_FORMS: dict[str, str] = {}
for _group in (SPEECH, DENIAL, COGNITION, STANCE):
    for _base in _group:
        for _form in inflections(_base):
            CUE_FORMS.setdefault(_form, _base)
CUE_FORMS.update({"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
                  "thought": "think", "knew": "know", "known": "know", "felt": "feel", "saw": "see",
                  "seen": "see", "heard": "hear", "found": "find", "shown": "show", "understood": "understand",
                  "sought": "seek", "spoke": "speak", "spoken": "speak", "speaks": "speak", "speak": "speak",
                  "speaking": "speak", "read": "read", "reads": "read",
                  # doubled final consonants the regular rule misses
                  "referred": "refer", "referring": "refer", "refers": "refer", "rebutted": "rebut",
                  "rebutting": "rebut", "regretted": "regret", "regretting": "regret"})

# Verbs whose direct object is the content ("denied the report", "announced a plan").
OBJECT_CONTENT = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "disavow", "debunk", "dispute",
                            "contradict", "repudiate", "announce", "confirm", "reveal", "disclose", "report",
                            "claim", "allege", "predict", "promise", "pledge", "vow", "propose", "recommend",
                            "demand", "criticize", "criticise", "praise", "blame", "accuse", "describe",
                            "endorse", "defend", "question", "acknowledge", "admit", "suggest", "say",
                            "estimate", "forecast", "urge", "support", "oppose", "want", "fear", "tweet",
                            "write", "expect", "recall", "mention", "cite", "detail", "document", "call",
                            "threaten", "show", "find", "need", "seek", "quote", "stress", "emphasize",
                            "highlight", "note", "warn", "refuse", "decline", "post", "like", "love", "hate",
                            "prefer", "believe", "doubt", "hear", "see", "learn", "read", "know", "understand",
                            *STANCE})
# Verbs whose content is the object of a preposition ("talked about", "referring to", "voted for").
PREP_CONTENT = {"on", "about", "of", "for", "to", "against", "at", "over"}
# Ambiguous verbs that only count with a clausal complement or a quote ("added that", "see that").
CLAUSE_ONLY = frozenset({"continue", "raise", "address", "push", "offer",
                         "add", "see", "know", "feel", "find", "show", "learn", "hear", "understand",
                         "point", "figure", "read", "consider", "like", "love", "hate", "prefer", "need", "seem",
                         "appear", "answer", "agree", "wonder", "signal", "list", "post", "observe", "speak",
                         "identify", "uncover", "judge"})
# Evidential objects whose complement is the content of a finding: "found evidence that X",
# "uncovered proof of X", "saw signs that X". The finder is the source, as with "found that X".
EVIDENCE_NOUNS = frozenset({"evidence", "proof", "indication", "indications", "sign", "signs"})
# Content as xcomp is an attribution only for these ("wants to", "expects to", "vowed to").
XCOMP_OK = frozenset({"want", "expect", "hope", "plan", "intend", "promise", "pledge", "vow", "threaten",
                      "urge", "tell", "ask", "refuse", "decline", "decide", "seek", "agree", "wish", "need",
                      "call", "claim", "seem", "appear", "fear", "like", "love", "hate", "prefer", "say",
                      "believe", "think", "consider", "describe", "warn", "advise", "report", "allege",
                      "know", "understand", "suspect", "estimate", "predict", "caution", "propose"})
# Belief verbs that raise their object ("suspect the ship to have broken X", "believe Iran to be
# the supplier"): the object and its infinitive are the content together.
RAISING_TO_OBJECT = frozenset({"believe", "suspect", "consider", "expect", "know", "understand", "estimate",
                               "report", "allege", "think", "fear", "assume", "assess"})
# Verbs that report no one's statement when passive without an agent: "is expected to rise",
# "is believed to be", "when asked whether", "the so-called plan", "is considered a risk".
PASSIVE_NOT = frozenset({"expect", "believe", "ask", "consider", "think", "know", "see", "call", "want", "need",
                         "seek", "intend", "focus", "schedule", "plan", "understand", "feel", "find", "show"})
# Stance verbs that, as an infinitive ("to support", "to vote") or a gerund ("voting", "backing"),
# name an intended or ongoing act, not something a source holds to be true.
NONFINITE_NOT = frozenset({"support", "oppose", "vote", "back", "campaign", "speak", "talk", "see", "focus",
                           "push", "lobby", "champion", "favor", "favour", "advocate"})
# As a gerund only these name an act, not a stance: "voting", "speaking at a rally", "campaigning";
# "supporting X", "backing X", "talking about X" still report what someone holds.
GERUND_NOT = frozenset({"vote", "speak", "campaign", "lobby"})
# Written or polled sources that speak through "in": "In a CNN poll, Clinton led ...", "in a
# statement released Monday", "in Forbes' words". Events ("interview", "speech") are left out: the
# speaker of an interview is its subject, not the interview.
DOCUMENT_NOUNS = frozenset({"poll", "polls", "survey", "surveys", "report", "reports", "statement", "statements",
                            "study", "studies", "letter", "letters", "memo", "memorandum", "words", "filing",
                            "filings", "analysis", "op-ed", "editorial", "column", "tweet", "tweets", "post",
                            "article", "assessment", "testimony", "book", "email", "emails", "complaint",
                            "lawsuit", "ruling", "opinion", "paper", "estimate", "estimates", "projection",
                            "forecast", "release", "transcript", "blog", "essay", "message", "document",
                            "documents", "affidavit", "indictment", "resolution", "communique", "dossier",
                            "findings", "view", "judgment", "verdict", "decision", "record", "records",
                            # papers of trade, diplomacy and courts, and what shows without words
                            "papers", "memos", "memoranda", "cable", "cables", "transcripts", "minutes",
                            "invoice", "invoices", "manifests", "contracts", "data", "figures", "statistics",
                            "images", "photos", "photographs", "pictures", "videos", "footage"})
# Nouns of grounds for a belief: "the panel has reason to believe X" is the panel's belief,
# "gave Paris grounds to suspect X" is Paris's, "there is reason to believe X" nobody's.
GROUNDS_NOUNS = frozenset({"reason", "reasons", "grounds", "cause"})
RELAYS = frozenset({"citing", "quoting", "cited", "quoted"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})
OPEN_QUOTES = "“\"‘"
CLOSE_QUOTES = "”\"’"
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVE = frozenset({"that", "which", "who", "whom"})
NOT_SPEAKERS = frozenset({"DATE", "TIME"})  # "Twenty-four percent said" is a speaker; "Monday" is not

# Labels that announce a kind of text, not a speaker ("Editor's note:", "UPDATE:", "Photos:").
KICKERS = frozenset({"note", "update", "updated", "watch", "video", "videos", "photo", "photos", "breaking",
                     "exclusive", "opinion", "analysis", "live", "correction", "clarification", "disclosure",
                     "related", "explainer", "timeline", "pictured", "read", "listen", "more", "also", "editor"})

# Nouns that report a stance or statement of their possessor ("Pence's call for", "her opposition to").
# ("support" and "plan" are left out: "Ryan's support for Trump" and "Clinton's plan for" name a
# stance or a program, not a statement.)
NOUN_CUES = frozenset({"call", "calls", "opposition", "criticism", "criticisms", "attack", "attacks",
                       "endorsement", "position", "positions", "concern", "concerns", "statement", "comments",
                       "comment", "remarks", "claim", "claims", "assertion", "pledge", "promise", "promises",
                       "proposal", "demand", "demands", "warning", "views", "view", "stance",
                       "complaint", "complaints", "denial", "praise", "defense", "defence", "vow", "argument",
                       "insistence", "accusation", "accusations", "allegation", "allegations", "critique"})
# Only prepositions that introduce what is held ("call for", "opposition to", "claims of"):
# after "remarks on", "views about", "stance over" comes a topic, not a proposition.
NOUN_PREPS = ("for", "of", "to", "against", "that")

__all__ = ["CLAUSE_ONLY", "CLOSE_QUOTES", "COGNITION", "CUE_FORMS", "DENIAL", "DOCUMENT_NOUNS", "EVIDENCE_NOUNS", "GERUND_NOT", "GROUNDS_NOUNS", "KICKERS", "NONFINITE_NOT", "NOT_SPEAKERS", "NOUN_CUES", "PASSIVE_NOT", "NOUN_PREPS", "OBJECT_CONTENT", "OPEN_QUOTES", "PREP_CONTENT", "PRONOUNS", "RAISING_TO_OBJECT", "RELATIVE", "RELAYS", "SPEECH", "STANCE", "SUBJECTS", "XCOMP_OK"]
