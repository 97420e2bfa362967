"""How and where the work runs, and what kind of model it needs: batch, region and kind.

- `batch`: the work can wait for a batch API ("batch API", "overnight job", "doesn't need to be real-time").
- `region`: where the data must be processed ("EU hosted", "GDPR", "eu-west-1", "data must stay in Europe").
- `kind`: a model that is not a chat model: embeddings, image generation, text-to-speech, transcription.

Readers take the lower-cased text with model names masked; `region` also takes the text as typed, since
"US" in capitals is a place and "us" a pronoun.
"""

from __future__ import annotations

import re

from bot.parse import pattern_cache

BATCH = pattern_cache.compile(
    r"\bbatch(?:es|ed|ing)?\b(?! (?:of|size)\b)|\bbulk\b|\bovernight\b|\bnightly\b|\boffline (?:job|processing|run|batch|pipeline|eval\w*|scoring|backfill)s?\b"
    r"|\basync(?:hronous(?:ly)?)?\b(?! (?:python|code|functions?|await|io|rust|js|javascript|programming|handlers?|tasks? in))|\b(?:does ?n[o']?t|do ?n[o']?t|no|not|doesnt|dont|never) (?:\w+ ){0,3}(?:need|have|require|required)"
    r"(?: \w+){0,3} (?:to be )?(?:real[- ]?time|instant\w*|immediate\w*|interactive|fast|quick\w*|synchronous|online|live)\b"
    r"|\bnot (?:a |an )?(?:real[- ]?time|urgent|time[- ]sensitive|latency[- ]sensitive|interactive)\b|\bnon[- ]?(?:real[- ]?time|urgent|interactive|time[- ]sensitive)\b"
    r"|\b(?:latency|speed) (?:does ?n[o']?t|do ?n[o']?t|is ?n[o']?t|isnt|doesnt|won'?t) (?:matter|important|a concern|an issue)\b"
    r"|\b(?:can|could|may) wait\b|\bwithin (?:24|48) ?h(?:ours?|rs?)?\b|\bturnaround of (?:a day|24 ?h\w*)\b|\bbackfill\w*\b"
    r"|\b(?:does ?n[o']?t|do ?n[o']?t|no|not|never) (?:\w+ ){0,3}(?:need|require|want)\w* (?:\w+ ){0,2}(?:right away|immediately|instantly|straight away|right now|on the spot)\b"
    r"|\bin the background\b|\bno rush\b|\bcron(?: ?jobs?)?\b|\bscheduled (?:jobs?|tasks?|runs?|pipelines?)\b|\b(?:every|each) (?:night|evening|weekend)\b|\bat night\b|\bwhile we sleep\b"
    # time to spare said outright: "zero rush", "no hurry", "it can take a day or two", "results by tomorrow are fine"
    r"|\b(?:zero|no|not in a|not in any|in no) (?:rush|hurry)\b|\bno deadline\b|\bwhenever it'?s done\b"
    r"|\b(?:can|could|may|is fine to|ok to|okay to|allowed to) take (?:a day|days|a week|weeks|a while|hours|a few (?:hours|days)|a couple (?:of )?(?:hours|days)|overnight|\d+ ?(?:h|hours|days))\b"
    r"|\b(?:by|until) tomorrow (?:is|are)? ?(?:fine|ok|okay|good)\b"
    r"|\b(?:can|could|may) (?:come back|arrive|land|be (?:ready|delivered|done)) (?:tomorrow|later|the next (?:day|morning)|overnight|in (?:a|one) day)\b"
)
# the latency words a batch phrase uses: "doesn't need to be real-time" is not an objective
NOT_URGENT = pattern_cache.compile(
    r"\b(?:does ?n[o']?t|do ?n[o']?t|no|not|doesnt|dont|never) (?:\w+ ){0,3}(?:need|have|require|required)(?: \w+){0,3} (?:to be )?real[- ]?time\b"
    r"|\bnot real[- ]?time\b|\bnon[- ]?real[- ]?time\b|\b(?:latency|speed) (?:does ?n[o']?t|do ?n[o']?t|is ?n[o']?t|isnt|doesnt|won'?t) (?:matter|important|a concern|an issue)\b"
    # self-hosting weighed against an API is a second question, not what to rank by: "is that cheaper than an API?"
    r"|\b(?:is|would|will) (?:that|it|this|self-?hosting|hosting it) (?:be |work out |come out )?(?:cheaper|faster) than "
    r"(?:an? |the |paying (?:for )?(?:an? |the )?|using (?:an? |the )?)?(?:apis?|cloud|hosted|providers?)\b"
)

# (region, a name that says where data is processed, a place name that does so only in a question about hosting)
_REGIONS: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...] = (
    (
        "eu",
        pattern_cache.compile(
            r"\beu\b|\be\.u\.|\bgdpr\b|\beu-(?:west|central|north|south)-?\d?\b|\beurope-\w+\b|\bschrems\b"
            # Azure's region names: "westeurope", "swedencentral", "germanywestcentral", "francecentral"
            r"|\b(?:west|north)europe\b|\b(?:sweden|france|germany(?:west)?|italy|poland|spain|switzerland)(?:central|north|south)\b"
            r"|\bgerman (?:servers|hosting|data ?cent\w+)\b|\beu[- ](?:hosted|based|only|region|data|residency|resident|servers?|data ?cent\w+|customers|providers?|vendors?|hosts?|clouds?)\b"
        ),
        pattern_cache.compile(
            r"\beurope(?:an)?\b(?! (?:languages?|french|spanish|portuguese)\b)|\bfrankfurt\b|\bparis\b|\bamsterdam\b|\bdublin\b"
            r"|\b(?:germany|france|netherlands|ireland|spain|italy|sweden|finland|poland|belgium|austria|denmark|portugal)\b"
        ),
    ),
    ("uk", pattern_cache.compile(r"\beu-west-2\b|\buk-south\b|\buk(?:south|west)\b|\beurope-west2\b"), pattern_cache.compile(r"\bu\.?k\.?\b(?![- ]?(?:english|spelling))|\bunited kingdom\b|\bbritain\b|\blondon\b")),
    (
        "us",
        pattern_cache.compile(
            r"\bus-(?:east|west|central|gov)\w*(?:-\d)?\b|\bus[- ](?:hosted|based|only|region|data|servers?|residency|soil|customers|providers?|vendors?|hosts?|clouds?)\b"
            r"|\bamerican (?:providers?|vendors?|hosts?|clouds?|companies|company|data ?cent\w+)\b"
            r"|\b(?:in|within|inside) the us\b|\bfedramp\b|\b(?:east|west|central|northcentral|southcentral|westcentral)us\d?\b"
        ),
        pattern_cache.compile(r"\bu\.s\.(?:a\.)?|\busa\b|\bunited states\b"),
    ),
    (
        "apac",
        pattern_cache.compile(r"\bapac\b|\bap-(?:south|southeast|northeast|east)\w*(?:-\d)?\b|\b(?:southeast|east)asia\b|\basia-\w+\b"),
        pattern_cache.compile(r"\basia(?:[- ]pacific)?\b|\bsingapore\b"),
    ),
    ("ca", pattern_cache.compile(r"\bca-central-?\d?\b|\bcanada(?:central|east)\b"), pattern_cache.compile(r"\bcanada\b|\bcanadian\b(?! (?:french|english))|\btoronto\b|\bmontreal\b")),
    (
        "au",
        pattern_cache.compile(r"\bap-southeast-2\b|\baustralia(?:east|southeast|central)\b|\bau (?:data|region|hosting|hosted|residency|servers?|only)\b"),
        pattern_cache.compile(r"\baustralia\w*\b|\bsydney\b|\bmelbourne\b"),
    ),
    (
        "jp",
        pattern_cache.compile(r"\bjapanese (?:region|servers|data ?cent\w+|hosting)\b|\bap-northeast-1\b|\bjapan(?:east|west)\b|\bjp\b"),
        pattern_cache.compile(r"\bjapan\b|\btokyo\b|\bosaka\b"),
    ),
)
# a place name is a region only in a question about where models run or data stays ("what's the capital of
# australia" is not), or as a follow-up ("and in australia?")
_PLACE_CONTEXT = pattern_cache.compile(
    r"\b(?:hosted|hosting|host|served|serving|serves|region|regions|residency|resident|stay|stays|kept|keep|process\w*|based|servers?|data ?cent\w+"
    r"|located|location|available|availability|deploy\w*|runs?|inside|within|compliance|compliant|sovereign\w*|law|laws|data"
    r"|leave|leaves|leaving|cross|crosses|outside|border|borders|jurisdiction"
    r"|models?|llms?|ai|apis?|tokens?|providers?|inference|endpoints?|customers|users)\b|¤"
    r"|^\W*(?:(?:and|or|but|ok|so|what about|how about)\s+)*(?:(?:only|just)\s+)?(?:in|for|within|inside|from)\s+(?:the\s+)?\w+\W*(?:only\W*)?$"
)
# order of specificity: a region id inside a larger area ("ap-southeast-2" is Sydney, "eu-west-2" London)
_SPECIFIC_FIRST = ("au", "jp", "uk", "ca", "eu", "us", "apac")
_US_CAPS = pattern_cache.compile(r"(?<![\w.])US(?![\w.])")
_EU_CAPS = pattern_cache.compile(r"(?<![\w.])EU(?![\w.])")
_REGION_CONTEXT = pattern_cache.compile(
    r"\b(?:hosted|hosting|host|region|regions|residency|resident|stay|stays|kept|keep|process\w*|based|servers?|data ?cent\w+"
    r"|only|located|location|available|availability|deploy\w*|run|runs|inside|within|in|compliance|compliant|sovereign\w*|law|laws)\b"
)
_LANGUAGE_USE = pattern_cache.compile(r"\b(?:into|to|from|in) (?:japanese|korean|german|french)\b")

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "embedding",
        pattern_cache.compile(r"\bembed(?:ding|dings|der|s)?\b|\bembedd?ings?\b|\bvectori[sz]\w*|\bsentence[- ]transformers?\b"),
    ),
    (
        "image_generation",
        pattern_cache.compile(
            r"\b(?:image|picture|photo|art|illustration|logo|icon|avatar|thumbnail)s?[- ](?:generation|generator|gen|creation|model)s?\b(?<!image model)(?<!photo model)(?<!picture model)"
            r"|\btext[- ]to[- ]image\b|\bt2i\b|\b(?:generat\w*|creat(?:e|es|ed|ing)|mak(?:e|es|ing)|draw(?:s|ing)?|produc(?:e|es|ed|ing)|render(?:s|ed|ing)?|design(?:s|ed|ing)?) (?:an? |the |some |our |new )?(?:(?:about |around |roughly |~)?[\d.,]+[km]? )?(?:\w+ ){0,2}(?:images?|pictures?|photos?|illustrations?|art(?:work)?|logos?|icons?|avatars?|thumbnails?)\b"
            r"|\bdiffusion models?\b|\bimage gen\b"
        ),
    ),
    (
        "speech",
        pattern_cache.compile(
            r"\btext[- ]to[- ](?:speech|voice|audio)\b|\b(?:turn\w*|convert\w*) (?:\w+ ){0,2}?(?:text|articles?|posts?|scripts?) (?:in)?to (?:speech|audio|voice)\b|\btts\b|\bspeech (?:synthesis|generation|output)\b|\bvoice (?:generation|synthesis|cloning|over|model|output)s?\b"
            r"|\bvoiceovers?\b|\b(?:read|reads|reading|speak|speaks) (?:\w+ ){0,3}(?:aloud|out loud)\b|\bnarrat\w*|\bsynthes\w* (?:speech|voice)\b|\bgenerat\w* (?:speech|voice|audio)\b"
        ),
    ),
    (
        "transcription",
        pattern_cache.compile(
            r"\btranscri(?:be|bes|bing|ption|ptions|pt model)\b|\bspeech[- ]to[- ]text\b|\b(?:turn\w*|convert\w*) (?:\w+ ){0,2}?(?:speech|audio|voice|calls?|recordings?) (?:in)?to text\b|\bstt\b|\basr\b|\bspeech recognition\b|\bwhisper\b"
            r"|\bcaptions? (?:for|of) (?:audio|video|calls|meetings)\b|\bsubtitl\w*\b|\bdictation\b"
        ),
    ),
)
# a transcription that is one step of a text task ("transcribe and summarize calls") asks for a chat model
_TEXT_WORK_AFTER = pattern_cache.compile(r"\b(?:and|then|,)\s+(?:then\s+)?(?:summari[sz]e|classify|tag|extract|analy[sz]e|translate|answer)\b")
# a transcription step ruled out: "audio input directly (no separate STT step)", "without a transcription pass"
_NO_STEP_BEFORE = pattern_cache.compile(r"\b(?:no|without|skip\w*|instead of|rather than|avoid\w*)\s+(?:an?\s+|the\s+)?(?:separate\s+|extra\s+|external\s+)?$")
# subtitles that already exist as text: "translating 300M tokens of subtitles" is text work, not transcription
_TEXT_WORK_BEFORE = pattern_cache.compile(r"\b(?:translat\w*|summari[sz]\w*|proofread\w*|rewrit\w*|edit\w*|classif\w*|tag\w*)\b(?:[^.?!]|\.(?=\d)){0,40}$")


def batch(text: str) -> bool:
    """Whether the work can wait for a batch API."""
    return bool(BATCH.search(text))


# a region constraint let go: "if we drop the EU requirement", "forget the data residency rule for now"
_DROPPED = pattern_cache.compile(
    r"\b(?:drop\w*|without|ignor\w*|forget|remov\w*|relax\w*|lift\w*|scrap\w*|no longer (?:need|require)\w*"
    r"|(?:don'?t|do not|didn'?t) (?:need|care about|have))\s+(?:the\s+|our\s+|that\s+|any\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:requirements?|constraints?|restrictions?|residency|rules?|limits?)\b"
    r"|\bgdpr (?:doesn'?t|does not|don'?t|do not|won'?t) apply\b|\bno gdpr\b|\bnot (?:subject to|under|bound by) (?:the )?gdpr\b"
)


def region(text: str, typed: str) -> str | None:
    """Where the data must be processed, from the lower-cased text and the text as typed (None when let go)."""
    dropped = _DROPPED.search(text)
    if dropped is not None and _region(dropped.group(), dropped.group()) is not None:  # the rest may still name one
        cut = slice(dropped.start(), dropped.end())
        text, typed = text[: cut.start] + " " + text[cut.stop :], typed[: cut.start] + " " + typed[cut.stop :]
    return _region(text, typed)


def _region(text: str, typed: str) -> str | None:
    found = [name for name, named, _ in _REGIONS if named.search(text)]
    if not found:
        found = [name for name, _, place in _REGIONS if place is not None and place.search(text)]
        if found and not _PLACE_CONTEXT.search(text):
            found = []
    if not found:
        if _EU_CAPS.search(typed):
            found = ["eu"]
        elif _US_CAPS.search(typed) and _REGION_CONTEXT.search(text):
            found = ["us"]
    if "jp" in found and _LANGUAGE_USE.search(text) and not re.search(r"\b(?:japan|tokyo|osaka)\b", text):
        found.remove("jp")
    for name in _SPECIFIC_FIRST:
        if name in found:
            return name
    return None


def kind(text: str) -> str | None:
    """The kind of model asked for when it is not a chat model, else None."""
    for name, pattern in _KINDS:
        m = pattern.search(text)
        if m is None:
            continue
        if name == "transcription" and (
            _TEXT_WORK_AFTER.search(text, m.end())
            or m.group().startswith("subtitl") and _TEXT_WORK_BEFORE.search(text[: m.start()])
            or _NO_STEP_BEFORE.search(text[: m.start()])
        ):
            continue
        return name
    return None
