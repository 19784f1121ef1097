"""Claims: who did what to whom, when, and on whose word.

For each word that evokes a frame of :mod:`mistrust.extract.frames` (a verb, or a nominalisation
such as "shipment" or "cooperation") in a parsed ``Doc`` we read:

- the event and its roles (:mod:`~mistrust.extract.claim_events`): agent and other party
  (recipient, target, partner) in any voice, from relative clauses, participles, converse verbs,
  possessive nominalisations and goods with an origin and a destination; the item as ``theme``;
  a quantity as ``amount``; coordination and anaphora (:mod:`~mistrust.extract.claim_structure`);
- the stance around it (:func:`wrap_stance`): the innermost attribution whose content covers the
  event, an accusation ("A accused B of V-ing": B does it, A says so), a denial (the denier is the
  source), a speech act (the speaker's own word), or the actor's own announced act (asserted);
- status from the whole frame: denied > hedged > attributed > asserted
  (:mod:`mistrust.extract.status`);
- time: the event time inside the predicate's clause (:mod:`mistrust.extract.timex`), never the
  publication date; span: the sentence holding the predicate.

One pass over the tokens; mentions and attributions are indexed once, so the cost is linear.
The version history is in the README's changelog.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from mistrust.extract import status as st
from mistrust.extract.anaphora import ANAPHORA_VERSION, Antecedents, named_speaker
from mistrust.extract.attribution import is_denial
from mistrust.extract.attribution_spans import text_of_doc
from mistrust.extract.claim_args import (
    HOST_PREPS,
    MentionIndex,
    accusation,
    antecedent_of,
    argument,
    mention_arg,
    passive_patient,
    phrase_of,
    prep_obj,
    subject_token,
    withholds,
)
from mistrust.extract.claim_events import event_at
from mistrust.extract.claim_structure import expand_pairs, resolve_pair, resolve_they, theme_text
from mistrust.extract.frames import (
    ACCUSE_HEDGED,
    AGENT_NOUNS,
    DESTINATION_PARTICIPLES,
    FOUND_TO,
    MEASURE_NOUNS,
    NAME_AS,
    SPEECH_EVENTS,
)
from mistrust.extract.gazetteer import lookup
from mistrust.extract.membership import PREDICATE as PART_OF
from mistrust.extract.membership import find_memberships, membership_status
from mistrust.extract.predicates import inflections, verb_lemma, verb_predicate
from mistrust.extract.speakers import (
    dateline_end,
    document_issuer,
    passive_agent,
    past_dateline,
    quoted_person,
)
from mistrust.extract.syntax import hung_on_agent, to_infinitive
from mistrust.extract.timex import event_time
from mistrust.model._ids import content_id
from mistrust.model.documents import Attribution, Claim, ClaimStatus, Mention, Span
from mistrust.model.roles import BODY_NOUNS, ROLE_NOUNS, is_group_extractor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

EXTRACTOR = f"frames-v5+{ANAPHORA_VERSION}"  # the claim rules and the anaphora step they read

# Verbs that only make a claim with an entity argument ("built a wall" is not worth a claim).
_NEEDS_ENTITY = frozenset({"develop", "support", "meet", "agree", "operate", "attack", "acquire", "transfer",
                           "supply", "cooperate", "test", "resume", "warn", "threaten", "condemn"})


class _Attributions:
    """Innermost attribution whose content covers a character offset."""

    def __init__(self, attributions: list[Attribution]):
        self.items = sorted((a for a in attributions if a.content is not None),
                            key=lambda a: a.content.end - a.content.start if a.content else 0)

    def covering(self, offset: int) -> Attribution | None:
        for a in self.items:
            c = a.content
            if c is not None and c.start <= offset < c.end:
                return a
        return None


def _time_scope(tok: Token) -> Token:
    """Where an event's time is written: a nominal's governing verb ("resumed cooperation in 2020")."""
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass", "pobj") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    return tok


def _clause_text(tok: Token) -> str:
    """The predicate's clause, for event time: its subtree without nested clauses of speech."""
    sent = tok.sent  # computed once: Token.sent walks the sentence, and Span == compares texts
    return " ".join(t.text for t in tok.subtree if sent.start <= t.i < sent.end)


@lru_cache(maxsize=1)
def _event_hashes() -> tuple[np.ndarray, np.ndarray]:
    # spaCy is imported here, not at module load: importing mistrust must not load spaCy.
    from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, no stub
    from spacy.symbols import AUX, NOUN, VERB  # type: ignore[attr-defined]

    return (np.asarray([VERB, AUX, NOUN], dtype=np.uint64),
            np.asarray([hash_string(w) for w in DESTINATION_PARTICIPLES], dtype=np.uint64))


def _event_positions(doc: Doc) -> list[int]:
    """Tokens where an event may be written: verbs, nouns and the destination participles. Read
    off the Doc's arrays at once: most tokens are neither, and asking each one from Python for its
    tag and lower form cost more than the few events found among them."""
    if not len(doc):
        return []
    from spacy.attrs import LOWER, POS

    pos, lowers = _event_hashes()
    cols = doc.to_array([POS, LOWER]).astype(np.uint64)
    return np.flatnonzero(np.isin(cols[:, 0], pos) | np.isin(cols[:, 1], lowers)).tolist()


def find_claims(doc: Doc, mentions: list[Mention], attributions: list[Attribution],
                published: str | date | None = None, doc_id: str | None = None,
                structure: bool = True, antecedents: Antecedents | None = None) -> list[Claim]:
    """Claims in a parsed ``Doc`` (see the module docstring).

    ``published`` (the publication date) is only the reference for relative times ("last year");
    it is never a claim's time. Claim ids are set when ``doc_id`` is given (else the caller sets them).
    ``structure`` (default on) expands coordinated arguments, resolves anaphoric subjects and reads
    memberships; off gives the claims-v1 output (kept as the benchmark baseline). ``antecedents``
    is the anaphora step's output (:mod:`mistrust.extract.anaphora`), made here when not given.
    """
    antecedents = antecedents or Antecedents(doc, mentions)
    index = antecedents.index
    covers = _Attributions(attributions)
    claims: list[Claim] = []
    sentence_of: list[int] = []  # the sentence (its first token) of each claim, for carried denials
    denials: list[tuple[Token, Claim]] = []  # "X denied the reports": the deny token and its claim
    seen: set[tuple[int, str]] = set()
    for i in _event_positions(doc):
        tok = doc[i]
        found = event_at(tok, index, structure)
        if found is None:
            continue
        pred_tok, predicate = found.pred, found.predicate
        if predicate == "deny" and (st.refusal(pred_tok) or st.undisputed(pred_tok)):
            # "rejected the offer": a proposal turned down, no claim denied; "there is no denying
            # that", "it is hard to deny": a denial nobody makes
            continue
        # "rejected the sanctions imposed on X": the measure is protested, its imposition not denied;
        # nor does the protester stand in for the measure's unnamed issuer, as a denier would
        # "rejected Peru's criticism (of its sanctions)": the words are rejected, the act was made by
        # another and its target is given (``st.denial_reaches``)
        refused = found.denied_by is not None and (st.refusal(found.denied_by)
                                                   or not st.denial_reaches(pred_tok, found.denied_by))
        denied_by = None if refused else found.denied_by
        agent = found.subj
        if refused and agent is not None and found.denied_by is not None and agent == subject_token(found.denied_by):
            agent = None
        subj, obj = antecedent_of(agent, pred_tok), antecedent_of(found.obj, pred_tok)
        key = (pred_tok.i, predicate)
        if key in seen:
            continue
        seen.add(key)
        att = _beside_cue(_own_act(covers.covering(pred_tok.idx), pred_tok), pred_tok)
        att, stance = wrap_stance(pred_tok, predicate, subj, att)
        s_arg, o_arg = argument(subj, index, actor=True), argument(obj, index)
        if structure and subj is None and predicate in _AUTHORITY_ACTS and passive_patient(pred_tok) is not None:
            s_arg = _announcing_body(att, index) or s_arg
        s_group = o_group = None
        if structure and subj is not None and not s_arg[2]:
            # "the two countries restarted ...", "they" after "Iran and Syria": the pair named
            # together just before; else a single actor's "it", "they", "the regime"
            s_group = resolve_pair(subj, index) or resolve_they(subj, pred_tok, index)
            if s_group:
                s_arg = mention_arg(s_group[0])
            elif antecedents.is_anaphor(subj):
                s_arg = antecedents.arg(subj) or s_arg
            elif subj.lower_ in _FIRST_PLURAL and (side := _speaker_side(att, doc, index)):
                # "'We never sold drones to X,' the Iranian minister said": "we" is the speaker's side
                s_arg = (subj.text, side, True)
        if structure and obj is not None and not o_arg[2]:
            o_group = resolve_pair(obj, index)
            if o_group is None and antecedents.is_anaphor(obj):  # "the navy seized the ship", named a sentence before
                o_arg = antecedents.arg(obj, other=s_arg[1]) or o_arg
        if structure and not o_arg[2] and predicate == "violate":
            measure = _breached_measure(pred_tok, obj)
            if measure is not None:  # "violated sanctions": whose sanctions
                o_arg = antecedents.issuer(measure) or o_arg
        if structure and obj is not None and o_arg[2] and o_arg[1] == s_arg[1]:
            # the object's subtree only holds the subject again ("evasion of sanctions by Iran"): the
            # object is the phrase itself
            o_arg = (phrase_of(obj), None, False)
        theme = theme_text(found.theme) if structure and found.theme is not None else None
        pairs = [(s_arg, o_arg)]
        if structure:
            pairs, theme = expand_pairs(predicate, subj, obj, s_arg, o_arg, theme, index, s_group, o_group)
        elif predicate == "cooperate" and subj is not None and not o_arg[2]:
            # claims-v1: "Iran and North Korea resumed cooperation": the conjoined partner is the object.
            partners = index.all_in(subj)
            if len(partners) >= 2:
                pairs = [(mention_arg(partners[0]), mention_arg(partners[1]))]
        pairs = [(s_a, o_a) for s_a, o_a in pairs if _kept(predicate, s_a, o_a)]
        if not pairs:
            continue  # no pair can make a claim: spare the status and time work
        if pred_tok.lower_ in AGENT_NOUNS and denied_by is None and stance is None:
            # "the network, allegedly led by X, a financier of Y": a description is presupposed,
            # so the hedges of the clause it sits in do not bear on it; only its source does
            status: ClaimStatus = "attributed" if att is not None else "asserted"
        else:
            status = _status(pred_tok, tok, att, denied_by)
        if stance is not None:
            status = st.merge(status, stance)
        negated = (status == "denied" and stance != "denied" and denied_by is None
                   and not (att is not None and is_denial(att)))
        if negated and (st.prescribed(pred_tok) or st.supposed(pred_tok) or att is None or att.source is None
                        or predicate in SPEECH_EVENTS):
            # A negation needs someone who negates: a negated event in the outlet's own voice
            # ("X did not stop the ships") or a forbidden one ("must ensure they do not supply
            # X") is no denial by anyone, nor is a wished or supposed one ("wants to be sure they
            # do not supply X", "if they do not supply X"), and a claim has no polarity to carry it.
            # A negated speech act ("Peru did not protest") is no act: its speaker, the
            # attribution's source, denies nothing.
            continue
        denier = _actor_of(att, doc, index) if negated else None
        # "X shipped Y, despite denials by Z": Z denies it, if Z is a party to it (checked per pair)
        conceded = st.denial_holder(pred_tok) if structure and status != "denied" else None
        against = _stance_attribution(None, conceded[1], conceded[0], pred_tok) if conceded is not None else None
        against_actor = _actor_of(against, doc, index) if against is not None else None
        if status == "denied" and att is not None and att.source is not None:
            # a denied proposition is the denier's word against it: who relays the denial
            # ("..., state media reported") is not its source; nor is the host of the denier's
            # office ("Iran's mission to the UN" denies for Iran, not for the UN)
            denier_span = _principal(att.source, doc)
            att = replace(att, source=denier_span, chain=[denier_span.text])
        if structure:
            att = _issued_by(named_speaker(_cue_speaker(att, doc, index), doc, index, attributions), doc)
        sent = pred_tok.sent
        # the doc's text read once (Span.text re-joins the sentence's tokens on every access)
        written = text_of_doc(doc)[sent.start_char:sent.end_char]
        text = written.strip()
        start = sent.start_char + (len(written) - len(written.lstrip()))
        end = start + len(text)
        when = event_time(_clause_text(_time_scope(tok)), published)
        amount = event_amount(pred_tok, found.theme if found.theme is not None else obj)
        for (s_text, s_canon, s_ent), (o_text, o_canon, _o_ent) in pairs:
            if negated and s_ent and not _same_side(denier, s_canon, o_canon):
                # "officials said Iran had not stopped shipping": a speaker negating another's act
                # states something about it, it does not deny it; a denial is a party's own word
                # ("Tehran insisted it had never sold", with "it" for the speaker or unnamed).
                continue
            c_status, c_att = status, att
            if against is not None and against_actor and s_ent and _same_side(against_actor, s_canon, o_canon):
                c_status, c_att = "denied", against
            claims.append(Claim(
                subject=s_text, predicate=predicate, object=o_text,
                time=when, status=c_status, start=start, end=end, text=text,
                attribution=c_att, doc_id=doc_id,
                id=(content_id(doc_id, start, predicate, s_canon or s_text, o_canon or o_text, pred_tok.i)
                    if doc_id else None),
                subject_canonical=s_canon, object_canonical=o_canon, extractor=EXTRACTOR, theme=theme,
                amount=amount,
            ))
            sentence_of.append(sent.start)
            if structure and predicate == "deny" and status == "denied" and _refers_back(obj):
                denials.append((pred_tok, claims[-1]))
    if structure:
        claims += _carried_denials(denials, claims, sentence_of, doc_id)
        claims = strongest_per_sentence(claims)
        claims += _membership_claims(doc, mentions, index, covers, doc_id)
    return claims


# Acts only an authority does, and announces itself: "the tanker was seized, the Navy said".
_AUTHORITY_ACTS = frozenset({"seize", "sanction"})


def _announcing_body(att: Attribution | None, index: MentionIndex) -> tuple[str | None, str | None, bool] | None:
    """The named body (a state, a ministry, a navy: not a person, nor an unnamed "officials")
    that announces an act of authority told in the passive with no agent ("a cargo ship has been
    seized, the Justice Department announced"): it announces its own act, so it is the doer."""
    if att is None or att.source is None:
        return None
    src = att.source
    # the name that ends the speaker phrase is its head ("the British Navy", not "British")
    m = next((m for m in index.by_token.values() if src.start <= m.start and m.end == src.end), None)
    if m is None or m.label not in ("Organization", "Country") or is_group_extractor(m.extractor):
        return None
    return mention_arg(m)


def _kept(predicate: str, s_arg: tuple[str | None, str | None, bool],
          o_arg: tuple[str | None, str | None, bool]) -> bool:
    """Whether a pair can make a claim: some argument, and a named one for the verbs that need it."""
    if predicate in _NEEDS_ENTITY and not (s_arg[2] or o_arg[2]):
        return False
    return s_arg[0] is not None or o_arg[0] is not None


# Events a denial of "the reports" can carry over: acts between parties, not what someone said.
_CARRIED = frozenset({"transfer", "supply", "support", "fund", "cooperate", "trade", "violate", "deploy",
                      "attack", "seize", "acquire", "develop", "test", "smuggle", "steal"})


def _breached_measure(pred: Token, obj: Token | None) -> Token | None:
    """The measure a violation breaks when it names no party: "violated sanctions", "in breach
    of the embargo"."""
    for tok in (obj, next((c for c in pred.children if c.dep_ == "dobj"), None), prep_obj(pred, ("of",))):
        if tok is not None and tok.lower_ in MEASURE_NOUNS:
            return tok
    return None


def _refers_back(obj: Token | None) -> bool:
    """ "the reports", "these claims", "such allegations": a report noun with nothing of its own
    that says what was reported (no "that"-clause, no "of"/"about" phrase), so it stands for what
    the text reported just before."""
    if obj is None or obj.lower_ not in st.REPORT_NOUNS:
        return False
    det = [c.lower_ for c in obj.children if c.dep_ in ("det", "predet", "amod") and c.lower_ in _BACK_DETS]
    own = any(c.dep_ in ("acl", "relcl", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("of", "about", "on", "that"))
              for c in obj.children)
    return bool(det) and not own


_BACK_DETS = frozenset({"the", "these", "those", "this", "that", "such"})


def _carried_denials(denials: list[tuple[Token, Claim]], claims: list[Claim], sentence_of: list[int],
                     doc_id: str | None) -> list[Claim]:
    """ "A said X shipped arms to Y. X denied the reports.": the events of the nearest sentence
    before (at most two back) are denied by the denier, in the denial's own sentence."""
    out: list[Claim] = []
    for tok, denial in denials:
        sent = tok.sent
        # a state denies its own part only ("Minsk dismissed the allegations" after a claim
        # about two other states denies nothing of theirs); a person or body keeps the doubt
        state = lookup(denial.subject_canonical) if denial.subject_canonical else None
        back = sent
        for _ in range(2):
            if back.start == 0:
                break
            back = tok.doc[back.start - 1].sent
            carried = [c for c, at in zip(claims, sentence_of, strict=True)
                       if at == back.start and c.predicate in _CARRIED and c.status != "denied"
                       and c.subject_canonical is not None
                       and (state is None or _same_side(state.canonical, c.subject_canonical, c.object_canonical))]
            if carried:
                for c in carried:
                    out.append(replace(c, status="denied", start=denial.start, end=denial.end, text=denial.text,
                                       attribution=denial.attribution, time=denial.time,
                                       id=(content_id(doc_id, denial.start, c.predicate, c.subject_canonical,
                                                      c.object_canonical or c.object, tok.i)
                                           if doc_id else None)))
                break
    return out


def strongest_per_sentence(claims: list[Claim]) -> list[Claim]:
    """One claim per event and pair in a sentence: the one with the strongest stance.

    "X admitted supplying Y with drones but denied supplying Y with missiles" or "Z did not disclose
    how many jets X bought, but reports said X bought 24" read the same event twice; the denial
    outweighs the admission and a source outweighs none (denied > hedged > attributed > asserted),
    so the sentence's reading is the one a reader takes away. Order is kept."""
    best: dict[tuple[int, str | None, str, str | None], int] = {}
    for k, c in enumerate(claims):
        # a capital stands for its state: "supplying Russia ..., but denied supplying Moscow"
        key = (c.start, _state_of(c.subject_canonical or c.subject), c.predicate,
               _state_of(c.object_canonical or c.object))
        j = best.get(key)
        if j is None or st.PRECEDENCE[c.status] > st.PRECEDENCE[claims[j].status]:
            best[key] = k
    keep = set(best.values())
    return [c for k, c in enumerate(claims) if k in keep]


def _membership_claims(doc: Doc, mentions: list[Mention], index: MentionIndex, covers: _Attributions,
                       doc_id: str | None) -> list[Claim]:
    out: list[Claim] = []
    for member, whole, tok in find_memberships(doc, mentions, index.by_token):
        sent = tok.sent
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        status, att = membership_status(tok.idx, covers.covering)
        s_canon, o_canon = member.canonical or member.text, whole.canonical or whole.text
        out.append(Claim(
            subject=member.text, predicate=PART_OF, object=whole.text, time=None,
            status="attributed" if status == "attributed" else "asserted",
            start=start, end=start + len(text), text=text, attribution=att, doc_id=doc_id,
            id=content_id(doc_id, start, PART_OF, s_canon, o_canon, tok.i) if doc_id else None,
            subject_canonical=s_canon, object_canonical=o_canon, extractor=EXTRACTOR,
        ))
    return out


def event_amount(pred: Token, item: Token | None) -> str | None:
    """The quantity an event carries, kept as written: a sum of money in its clause ("stole $2bn"),
    else a count or measure on the event noun or its goods ("40 shipments", "2.8 million tonnes of
    coal"). Numbers that are dates or times are not amounts."""
    scope = [t for t in pred.subtree if t.dep_ not in ("relcl", "ccomp")] if pred.pos_ != "NOUN" else [pred]
    money = [t for t in scope if t.ent_type_ == "MONEY"]
    if money:
        return _entity_text(money[0])
    for head in (pred, item):
        if head is None:
            continue
        for c in head.children:
            if c.dep_ == "nummod" and c.ent_type_ not in ("DATE", "TIME"):
                if c.ent_type_ == "MONEY":
                    return _entity_text(c)
                words = [t for t in c.subtree if t.i < head.i] + [head]
                return " ".join(t.text for t in words)
    return None


def _entity_text(tok: Token) -> str:
    """The whole entity span a token belongs to ("$2 billion" for "billion")."""
    doc = tok.doc
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            start = ent.start - 1 if ent.start > 0 and doc[ent.start - 1].tag_ == "$" else ent.start
            return str(doc[start:ent.end].text)  # "$2bn": the currency sign is often left out
    return str(tok.text)


def _own_act(att: Attribution | None, pred: Token) -> Attribution | None:
    """ "The EU announced new sanctions": an event noun that is the cue's own object is the
    speaker's act, not something the speaker reports (only a clause is reported content)."""
    if att is None or att.cue is None or pred.pos_ != "NOUN":
        return att
    head = pred.head if pred.dep_ == "dobj" else None
    if head is not None and head.idx == att.cue.start:
        return None
    return att


# Dependents of a verb of saying that say when or how it was said, not what: "..., the ministry
# announced on Thursday, hours after X fired missiles" does not report the firing.
_ADVERBIAL = frozenset({"advcl", "prep", "npadvmod", "advmod", "agent"})


def _beside_cue(att: Attribution | None, pred: Token) -> Attribution | None:
    """No attribution for an event in an adverbial of the cue itself: the outlet dates the
    statement by it ("announced the seizure shortly after Pyongyang fired two missiles")."""
    if att is None:
        return att
    cue = _cue_root(att, pred.doc)
    if cue is None:
        return att
    tok = pred
    reported = False  # the walk passed the "that"-clause the cue reports
    for _ in range(12):
        if tok.head == tok:
            return att
        # "said in a statement carried by state media that X shipped": the parser may hang the
        # cue's "that"-clause on a noun of its adverbial; the clause is still what is said
        reported = reported or _reported_clause(tok, att)
        if tok.head == cue:
            return None if tok.dep_ in _ADVERBIAL and tok.i > cue.i and not reported else att
        tok = tok.head
    return att


def _reported_clause(tok: Token, att: Attribution) -> bool:
    """True when ``tok`` heads a clause opened by the complementizer "that" and the attribution's
    content starts with that clause (the cue reader took it as what was said)."""
    mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    return mark is not None and att.content is not None and att.content.start == mark.idx


def _cue_speaker(att: Attribution | None, doc: Doc, index: MentionIndex) -> Attribution | None:
    """A cue with no source found ("..., National Security Council spokesperson John Kirby told
    reporters" after a long clause): the cue verb's named subject is the source."""
    if att is None or att.source is not None or att.cue is None:
        return att
    span = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    if span is None or any(c.dep_ in ("nsubjpass", "auxpass") for c in span.root.children):
        # "X is said to have shipped", "it was reported that": a passive cue names no speaker; the
        # word before it is what is said about, not who says it
        return att
    speaker = subject_token(span.root)
    if speaker is not None and index.in_subtree(speaker) is not None:
        source = _span(speaker)
    else:
        # the parser may hang the speaker elsewhere: a name written right before the cue speaks
        m = index.by_token.get(span.start - 1) if span.start > 0 else None
        if m is None or m.label not in _SPEAKER_LABELS:
            return att
        source = Span(m.text, m.start, m.end)
    return replace(att, source=source, chain=[*att.chain, source.text])


_SPEAKER_LABELS = frozenset({"Person", "Organization", "Country"})


def _issued_by(att: Attribution | None, doc: Doc) -> Attribution | None:
    """ "The Treasury issued a statement. The statement said ...": the issuer named a sentence or two
    before heads the chain of a source that is only "the statement" (`speakers.document_issuer`)."""
    if att is None or att.source is None:
        return att
    span = doc.char_span(att.source.start, att.source.end, alignment_mode="expand")
    issuer = document_issuer(span.root) if span is not None else None
    if issuer is None:
        return att
    return replace(att, chain=[_span(issuer).text, *att.chain])


def _span(tok: Token) -> Span:
    """Character span of a speaker's phrase: its words up to a clause or a host's preposition
    hanging off it ("Chile's envoy to the OAS" speaks for Chile, not for the OAS)."""
    tok = past_dateline(tok)
    end_tok = tok
    after = [c for c in tok.children if c.i > tok.i]
    for k, c in enumerate(after):
        # "Kenya's president, Daniel Moi, said": the title's appositive name is the speaker too
        if c.dep_ == "punct" and k + 1 < len(after) and _named_apposition(tok, after[k + 1]):
            continue
        if c.dep_ == "appos" and _named_apposition(tok, c):
            end_tok = max((t for t in c.subtree if t.ent_type_ == "PERSON"), key=lambda t: t.i, default=c)
            continue
        if c.dep_ in ("relcl", "acl", "punct", "appos") or (c.dep_ == "prep" and c.lower_ in HOST_PREPS) \
                or hung_on_agent(c) is not None:  # "accused by Y of selling": the charge, not Y's phrase
            break
        end_tok = c.right_edge
    # "US Special Envoy for Syria Ana Ruiz criticized": the parser gives the verb two subjects, the
    # title and the name right after it; they are one speaker
    nxt = end_tok.i + 1
    doc = tok.doc
    if (nxt < len(doc) and doc[nxt].ent_type_ == "PERSON" and doc[nxt].ent_iob_ == "B" and tok.ent_type_ != "PERSON"
            and tok.dep_ in ("nsubj", "nsubjpass")):
        name = next((t for t in doc[nxt:nxt + 6] if t.dep_ == tok.dep_ and t.head == tok.head), None)
        if name is not None:
            end_tok = max((t for t in doc[nxt:name.i + 1] if t.ent_type_ == "PERSON"), key=lambda t: t.i)
    first = dateline_end(tok)
    start, end = first.idx, end_tok.idx + len(end_tok.text)
    # the tokens' own text, not Doc.text (which joins every token of the document on each access)
    return Span(tok.doc[first.i:end_tok.i + 1].text, start, end)


def _principal(source: Span, doc: Doc) -> Span:
    """A speaker phrase cut before a host's preposition, as :func:`_span` reads it ("the mission
    to the UN" -> "the mission"); the phrase as found when it does not parse as one phrase."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None:
        return source
    cut = _span(span.root)
    cut = cut if source.start <= cut.start and cut.end <= source.end and cut.text else source
    return _without_portfolio(cut, doc)


def _without_portfolio(source: Span, doc: Doc) -> Span:
    """A speaker phrase that ends in a body's portfolio, cut before it: "the head of the ministry's
    department of North American affairs" speaks for the ministry's owner, and the topic after
    "of" (a common noun, whatever names it qualifies) names nobody who speaks ("the office of the
    president" names its holder: kept)."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None:
        return source
    for tok in span:
        if tok.lower_ not in BODY_NOUNS:
            continue
        for prep in tok.children:
            topic = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if (prep.dep_ == "prep" and prep.lower_ == "of" and prep.i > tok.i and topic is not None
                    and topic.pos_ == "NOUN" and not topic.ent_type_ and topic.lower_ not in ROLE_NOUNS
                    and topic.right_edge.i == span.end - 1):
                return Span(doc[span.start:tok.i + 1].text, source.start, tok.idx + len(tok.text))
    return source


def _named_apposition(head: Token, appos: Token) -> bool:
    """A person's name in apposition to a title or office ("the envoy, Ana Ruiz"); a title after a
    name ("Ana Ruiz, the envoy") is the tail the speaker phrase leaves out."""
    return appos.dep_ == "appos" and appos.ent_type_ == "PERSON" and head.ent_type_ != "PERSON"


def _stance_attribution(outer: Attribution | None, speaker: Token, cue: Token, pred: Token) -> Attribution:
    source = _span(speaker)
    content = _span(pred)
    chain = [*(outer.chain if outer is not None else [])]
    if not chain or chain[-1] != source.text:  # (the rules may have read the same cue and speaker)
        chain.append(source.text)
    return Attribution(source=source, cue=Span(cue.text, cue.idx, cue.idx + len(cue.text)), content=content,
                       chain=chain, extractor=EXTRACTOR)


def wrap_stance(pred: Token, predicate: str, subj: Token | None,
                att: Attribution | None) -> tuple[Attribution | None, ClaimStatus | None]:
    """Stance frames around an event: who is its source, and the status they give it.

    - accusation: "A accused B of shipping fuel" is B's act on A's word (attributed; "suspected"
      hedged), A the source;
    - denial: "B denied shipping fuel" has B, the denier, as its source;
    - speech act: "A warned B", "A condemned B" is A's own word (attributed to A).
    """
    accuse = _accusation_above(pred)
    if accuse is None and pred.dep_ == "pcomp" and pred.head.lower_ == "by" and pred.head.head.pos_ == "VERB":
        accuse = _accusation_above(pred.head.head)  # "accused X of violating sanctions by deploying troops"
    if accuse is not None:
        accuser = (subject_token(accuse) if not any(c.dep_ == "nsubjpass" for c in accuse.children)
                   else passive_agent(accuse))
        lemma = verb_lemma(accuse.lower_) or accuse.lemma_.lower()
        status: ClaimStatus = "hedged" if lemma in ACCUSE_HEDGED else "attributed"
        if accuser is not None:
            return _stance_attribution(att, accuser, accuse, pred), status
        return att, status
    finder = _finding_verb(pred)
    if finder is not None:
        found_by = passive_agent(finder)
        return (_stance_attribution(att, found_by, finder, pred) if found_by is not None else att), "attributed"
    namer = _naming_verb(pred)
    if namer is not None:
        # "the panel identified B as the supplier of X": the panel's word, as an accuser's is
        # (a passive or a participle, "X, described as", names the namer only after "by")
        passive = any(c.dep_ == "nsubjpass" for c in namer.children) or (namer.dep_ == "acl" and namer.tag_ == "VBN")
        speaker = passive_agent(namer) if passive else subject_token(namer)
        if speaker is not None:
            return _stance_attribution(att, speaker, namer, pred), "attributed"
    denier = _denying_verb(pred)
    if denier is not None and (att is None or att.cue is None or att.cue.start != denier.idx):
        # "the agency quoted the minister as denying": the minister denies, the agency relays
        speaker = quoted_person(denier) or subject_token(denier)
        if speaker is not None:
            return _stance_attribution(att, speaker, denier, pred), "denied"
    if predicate in SPEECH_EVENTS and subj is not None:
        # a speech act is its speaker's word, also inside another report ("according to the
        # governments, ... in a move criticised by X": X is the innermost source)
        return _stance_attribution(att, subj, pred, pred), "attributed"
    return att, None


_NAMING_FORMS = frozenset(f for v in NAME_AS for f in inflections(v))


def _naming_verb(pred: Token) -> Token | None:
    """The naming verb whose "as"-phrase is ``pred`` (an agent noun): "identified X as the
    supplier", "X was named as a buyer", "X, described as the financier of Y"."""
    if pred.dep_ != "pobj" or pred.head.lower_ != "as":
        return None
    verb = pred.head.head
    return verb if verb.pos_ == "VERB" and verb.lower_ in _NAMING_FORMS else None


_FOUND_TO_FORMS = frozenset(f for v in FOUND_TO for f in inflections(v))


def _finding_verb(pred: Token) -> Token | None:
    """The passive finding verb whose infinitive is ``pred``: "B was found to have shipped X", "B
    has been shown to supply Y" (not the active "Peru found a way to ship", nor "found guilty").
    A perfect infinitive after a "by" agent may be parsed as a clause of its own ("B was found by
    the panel to have shipped X"): it is still the finding's content."""
    perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in pred.children)
    hung = hung_on_agent(pred) if perfect else None  # "B has been found by X to have shipped": X's relcl
    if not (pred.dep_ == "xcomp" or (pred.dep_ == "advcl" and perfect) or hung) or not to_infinitive(pred):
        return None
    verb = hung or pred.head
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    return verb if passive and verb.pos_ == "VERB" and verb.lower_ in _FOUND_TO_FORMS else None


def _accusation_above(pred: Token) -> Token | None:
    """The accusing verb whose "of" clause holds ``pred``: "accused X of shipping", of a noun under
    a light verb ("accused X of making a sale") or of a purpose or complement inside the clause
    ("accused X of transferring shells to aid Y"), also for a later conjunct ("accused X of
    buying rifles and smuggling fuel")."""
    tok = pred
    for _ in range(4):
        found = accusation(tok)
        if found is not None:
            return found
        if tok.dep_ not in ("dobj", "advcl", "xcomp", "conj") or tok.head == tok:
            return None
        tok = tok.head
    return None


def _denying_verb(pred: Token) -> Token | None:
    """The denial verb governing ``pred`` within its clause chain ("denied providing", "rejected
    claims that it shipped"), or ``pred`` itself when it is one."""
    tok = pred
    for _ in range(5):
        if verb_predicate(tok.lower_) == "deny" and tok.pos_ in ("VERB", "AUX"):
            # "denied X and denounced Y", "denied X, warning Y", "rejected X before visiting Y": an
            # act beside the denial is not what it denies (``st.denial_reaches``)
            if withholds(tok) or st.denial_withheld(tok) or st.refusal(tok) or not st.denial_reaches(pred, tok):
                return None
            return tok
        if tok.head == tok or tok.dep_ in ("nsubj", "nsubjpass"):
            return None
        tok = tok.head
    return None


def _actor_of(att: Attribution | None, doc: Doc, index: MentionIndex) -> str | None:
    """The state or actor a source speaks for: an office its state, a capital its state; "" for a
    speaker that belongs to the clause's own party ("its foreign minister", "our embassy"); None
    when the source names no actor ("the ministry", "officials")."""
    if att is None or att.source is None:
        return None
    source = _principal(att.source, doc)  # "Peru's embassy in Chile" speaks for Peru
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None:
        return None
    if span[0].lower_ in _OWN_SIDE:
        return ""
    return _span_actor(span, index)


def _span_actor(span: SpacySpan, index: MentionIndex) -> str | None:
    """The state or actor a phrase names as its own: see :func:`_actor_of`."""
    name = argument(span.root, index, actor=True)[1]
    if name is None:
        return None
    if lookup(name) is None:
        # "Cairo's envoy": the capital or state that owns an office the entity step left unnamed;
        # "Syrian President X's regime": the state an official's title names, before the person
        owner = next((p for w in [*name.split(), *(t.text for t in span if t.pos_ in ("ADJ", "PROPN"))]
                      if (p := lookup(w)) is not None and p.canonical), None)
        if owner is not None:
            return owner.canonical
    return _state_of(name)


_OWN_SIDE = frozenset({"its", "their", "our", "we", "i", "his", "her"})
_FIRST_PLURAL = frozenset({"we", "our"})


def _speaker_side(att: Attribution | None, doc: Doc, index: MentionIndex) -> str | None:
    """Who "we" is in reported words: the state the speaker speaks for ("the Ruritanian minister":
    Ruritania; "X, Peru's interior minister": Peru). Only a state (not a person, a party, a company or
    a bloc: their "we" is as often their members or the speaker's country), and only for a source
    that is a speaker (a name, a role or a body: not "Ruritania's rhetoric"); an unnamed one
    ("officials") or none at all (an author's "we") gives None."""
    if att is None or att.source is None:
        return None
    span = doc.char_span(att.source.start, att.source.end, alignment_mode="expand")
    if span is None or not (span.root.pos_ == "PROPN" or span.root.i in index.by_token
                            or span.root.lower_ in ROLE_NOUNS or span.root.lower_ in BODY_NOUNS):
        return None
    # "X, Peru's interior minister": the title's state when the speaker is named without one
    sides = [_actor_of(att, doc, index), *(_span_actor(doc[c.left_edge.i:c.right_edge.i + 1], index)
                                           for c in span.root.children if c.dep_ == "appos")]
    return next((place.canonical for side in sides if side and (place := lookup(side)) is not None
                 and place.code), None)


def _state_of(name: str | None) -> str | None:
    place = lookup(name) if name else None
    return place.canonical if place is not None and place.canonical else name


def _same_side(denier: str | None, s_canon: str | None, o_canon: str | None) -> bool:
    """True unless the speaker is a named actor other than the parties of the event it negates.
    An unnamed speaker ("the ministry", "a spokesman") keeps the benefit of the doubt."""
    if not denier:
        return True
    return denier in (_state_of(s_canon), _state_of(o_canon))


def _cue_root(att: Attribution, doc: Doc) -> Token | None:
    """The head word of the attribution's cue, or None without a cue the doc's tokens cover."""
    if att.cue is None:
        return None
    span = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    return span.root if span is not None else None


def _cue_denies(att: Attribution, pred: Token) -> bool:
    """Whether the attribution's denial cue denies the event: not withheld or a refusal ("would
    neither confirm nor deny that ..."), and the event lies in what it denies
    (``st.denial_reaches``: an attribution span may cover the whole sentence, adjuncts of the
    denial included). A cue the doc's tokens do not cover is taken as written."""
    cue = _cue_root(att, pred.doc)
    if cue is None:
        return True
    if st.denial_withheld(cue) or st.refusal(cue):
        return False
    # "slammed the letter": a speech verb that is also a denial verb is the event itself, which it
    # does not deny (only a denial, "denied the report", is its own denied claim)
    if cue.i == pred.i and verb_predicate(pred.lower_) not in (None, "deny"):
        return False
    return st.denial_reaches(pred, cue)


def _status(pred: Token, governor: Token, att: Attribution | None, denied_by: Token | None) -> ClaimStatus:
    if denied_by is not None:
        return "denied"
    sourced = att is not None
    status = st.merge(st.governing_status(governor, sourced=sourced),
                      st.governing_status(pred, sourced=sourced) if pred != governor else None)
    if att is not None:
        if is_denial(att) and not st.given_subject(pred) and _cue_denies(att, pred):
            return "denied"
        # a doubt verb hedges what it covers however the parser hung the content on it
        # ("suspect the ship to have broken X": the infinitive on the object, out of the walk above)
        doubt = att.cue is not None and st.doubt_cue(att.cue.text)
        status = st.merge(status, "hedged" if doubt else "attributed")
    return status


__all__ = ["EXTRACTOR", "find_claims"]
