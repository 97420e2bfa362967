"""The intent of a question: what it asks the bot to do, how sure the parser is, and whether it is a follow-up.

`decide(signals)` weighs the cues of `bot.parse.lexicon` and the ones here against what else the question
says (models named, a task, filters, numbers) and returns the intent with a confidence from 0 to 1. The rules,
in order:

- two or more models: alternatives, cost or compare; one model: alternatives, compare, cost or info;
- no model: help (greetings and "what can you do"), changes ("any new models since last week?"), list
  (filters only), recommend, or unknown (chatter, and requests for things other than a model).

Confidence is high when an explicit cue decides and the question is plainly about models; it is low for a
guess from weak cues, and lowest for chatter, so a channel listener can stay silent on it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.parse import pattern_cache
from bot.parse.help_cues import HELP_ANYWHERE, HELP_LINE
from bot.parse.lexicon import (
    ALTERNATIVE,
    ALTERNATIVE_STRONG,
    COMPARATIVE,
    COMPARE,
    COST,
    DOMAIN,
    LIST_STRONG,
    LIST_WEAK,
    MODEL_MARK,
    OFF_TOPIC_COMMAND,
    RECOMMEND,
)
from bot.parse.off_topic import DEFINITION, DO_IT_FOR_ME, HOW_TO, HOW_TO_WORK, OTHER_THING, PICK_OTHER, TRIVIA
from bot.parse.quantities import Quantities

_M = MODEL_MARK
_WORDS = pattern_cache.compile(r"[\w$%.:/+-]+")
_FOLLOWUP_START = pattern_cache.compile(
    r"^(?:(?:so|ok|okay|cool|great|thanks|hmm+|right|nice)[,!.]?\s+)?(?:what|how) about\b|^(?:and|also|plus|but|or|now|then|ok and)\b"
    r"|^what if\b|^(?:only|just)\b|^(?:with|without|excluding|except|exclude|minus|not)\b|^instead\b|^same\b"
    r"|^(?:make it|switch to|change (?:it )?to|try|drop|remove|add|as an?|assume|assuming|say)\b"
)
_PICK_LAST = pattern_cache.compile(
    r"^\W*(?:so|ok|okay|and|then|well)?[,\s]*(?:which|what)(?: one)? (?:would|should|do|will) (?:you|we|i) (?:pick|choose|go with|recommend|use|take)\b"
)
_FOLLOWUP_PREP = pattern_cache.compile(r"^(?:for|at|on|via|under|over|below|above|using|in|from|through)\b")
_LIST_WORD = pattern_cache.compile(r"\b(?:list|all|every|enumerate|how many)\b")
_SORTED_BY = pattern_cache.compile(r"\b(?:sort(?:ed)?|order(?:ed)?) by\b")
_INSTEAD = pattern_cache.compile(r"\binstead\b")
_OF_THOSE = pattern_cache.compile(r"\b(?:of|among|from|out of) (?:those|these|them|the above|that list|this list)\b")
# a model asked for in the named one's place: "we spend $9k on ¤ ... which model gives us the best value instead?"
_OPEN_SLOT_INSTEAD = pattern_cache.compile(
    rf"{_M}[^?]{{0,120}}?\b(?:which|what) (?:\w+ )?(?:model|llm|one|option)s?\b[^.?!]{{0,60}}?\binstead\b(?! of)"
    # the named model falls short, other options asked for: "dall-e-3 is ok but we want higher quality, options?"
    rf"|{_M}[^?]{{0,80}}?\b(?:but|want|need|looking for|would like)\b[^?]{{0,60}}?\b(?:options|suggestions|anything else|what else|other (?:models|picks|ones))\b"
)
_MODEL_WORD = pattern_cache.compile(r"\b(?:models?|llms?)\b")
_COMPARE_WORD = pattern_cache.compile(r"\bvs\.?\b|\bversus\b|\bcompar\w*")
_FAMILIES_COMPARED = pattern_cache.compile(r"\bvs\.?\b|\bversus\b|\bcompar\w*|\bor\b|\bthan\b|\bbetween\b|\bagainst\b")
_NOT_MODELS_COMPARED = pattern_cache.compile(
    r"\b(?:input|in|prompt)\s*(?:vs\.?|versus|compared (?:to|with))\s*(?:output|out|completion)\b"
    r"|\b(?:batch|real[- ]?time|cached|uncached|flex|priority|standard)\s*(?:vs\.?|versus)\s*(?:batch|real[- ]?time|cached|uncached|flex|priority|standard|sync\w*)\b"
)

# greetings and questions about the bot itself
_GREETING = pattern_cache.compile(
    r"^(?:(?:hi+|hel+o+|he+y+|hiya+|howdy|yo+|sup|greetings|heya+|hallo|morning|evening|afternoon|good (?:morning|afternoon|evening|day)"
    r"|what'?s up|wassup|hola|salut|ahoy|gm|gmorning|good ?morning|mornin'?|g'?day|hey ?there|bonjour|hallo|namaste)\b(?:\s+(?:there|bot|whichmodel|team|all|everyone|folks|y'?all|friend|friends|fam|frens?))*[\s,!.?]*)+"
)
_ABOUT_BOT = pattern_cache.compile(
    r"^(?:so\s+|and\s+|ok\s+|um+\s+)?(?:what (?:are|r) (?:you|u) (?:for|good (?:at|for))|what(?:'s| is) (?:this|this bot|this thing|the bot|whichmodel) (?:for|about)"
    r"|what (?:does|do|can) (?:this|this thing|this bot|the bot|whichmodel|you|u) (?:do|help with|answer)(?: exactly)?|who (?:are|r) (?:you|u)"
    r"|what'?s (?:this|this thing|this bot|the bot|it) (?:do|for)\b"
    r"|what (?:are|is) your (?:commands|options|features)|how (?:do|can|should) (?:i|we) (?:use|talk to|ask|work with|query) (?:you|u|this|it|this bot|the bot|whichmodel)"
    r"|(?:any )?tips (?:on|for) (?:how to )?(?:use|using|ask\w*) (?:you|this|this bot|the bot)|what (?:questions|things|stuff) (?:should|can|could|do) (?:i|we) ask(?: you)?"
    r"|how does (?:this|it|this bot|this thing|the bot|whichmodel) work|what can (?:you|u) (?:help|assist) (?:me |us )?with|i'?m new here\b.*|what do you do exactly"
    r"|what (?:are|r) (?:you|u) (?:able|capable|meant|supposed) to (?:do|help with|answer)|what(?:'s| is) your (?:deal|purpose|job|thing)"
    r"|what are your (?:capabilities|skills|limits)|what do you (?:even )?do here|what else can (?:you|u) (?:do|tell me|help with|answer)"
    r"|who (?:made|built|created|wrote|runs|maintains|owns) (?:you|u|this bot|this thing|whichmodel)|are (?:you|u) (?:an? )?(?:ai|bot|human|llm|real person|person)"
    r"|what (?:data|sources?|info\w*) (?:do|does) (?:you|u|this bot|the bot) (?:use|rely on|draw on|know)|where (?:do|does) (?:you|u|your|the bot'?s?) (?:\w+ )?(?:get|come from|coming from)"
    r"|where (?:does|do) (?:your|the) (?:data|prices|pricing|numbers|info\w*|scores|benchmarks) come from"
    r"|how (?:up[- ]to[- ]date|fresh|current|recent|old|accurate|reliable) (?:is|are) (?:your|the bot'?s?) (?:data|info\w*|prices|pricing|numbers|catalog\w*|scores)"
    r"|when (?:was|is|were) (?:your|the) (?:data|prices|pricing|catalog\w*) (?:last )?(?:updated|refreshed)"
    r"|(?:(?:is|are) )?(?:this bot|this thing|the bot|you|u|whichmodel|any ?(?:one|body)) (?:still )?(?:alive|there|awake|working|online"
    r"|around|listening|live|running|active|home)(?=\W*$)"
    r"|cheers|thanks(?: a lot| so much)?|thank you(?: so much)?|thx|ty|much appreciated|nice one|great,? thanks)\b"
)
_SENTENCE_END = pattern_cache.compile(r"(?<=[.!?])\s+")
_BOT_WORDS = pattern_cache.compile(r"\b(?:bot|you|u|this thing|whichmodel)\b")

# what changed in the data
_CHANGE_WORD = pattern_cache.compile(
    r"\b(?:chang\w*|new|newly|added|removed|dropped|launch\w*|released?|releases|shipped|appeared|arrived|updates?|updated"
    r"|cuts?|drops?|increases?|increased|decreased|hikes?|hiked|(?:went|gone|go|going|come|came) (?:up|down)|moved|ris(?:e|en)|rose|fell|fallen"
    r"|deprecat\w*|retired?|sunset\w*|discontinu\w*|got(?:ten)? (?:cheaper|pricier|more expensive)|ship|ships|came out|come out|announced"
    r"|different|differences?|diffs?)\b"
)
# a change word that is the question's subject by itself: "updates since friday?", "any removals this week"
_CHANGE_NOUN_FIRST = pattern_cache.compile(
    r"^\W*(?:(?:so|ok|hey|and)\s+)?(?:any\s+)?(?:new\s+)?(?:updates|changes|news|additions|removals|deprecations|releases|launches)\b"
)
_CHANGE_TIME = pattern_cache.compile(
    r"\bsince\b|\blately\b|\brecent(?:ly)?\b|\bthis (?:week|month|morning|quarter|year)\b|\btoday\b|\byesterday\b|\bovernight\b|\bthese days\b"
    r"|\b(?:in|during|for|last) (?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"|\b(?:last|past|previous) (?:\d+ )?(?:days?|weeks?|months?|week|month|quarter|release|refresh|update)\b|\bin the (?:last|past) \w+"
)
_CHANGES_ALONE = pattern_cache.compile(
    r"^\W*(?:so\s+|ok\s+|hey\s+)?(?:what(?:'s|s|\s+has|\s+have|\s+is)?\s+(?:changed|new)|(?:any(?:thing)?|something) (?:new|changed?)|(?:price\s+)?changes"
    r"|what'?s (?:been )?(?:added|removed|released|launched)|any (?:price |pricing |model |catalog\w* )?(?:updates|news|changes)"
    r"|(?:did|has|have) (?:anything|something|any\w*)(?: (?:of the )?(?:models?|prices?|llms?|context windows?|limits?|windows?))? (?:change|changed|moved|happen\w*|(?:get|got|gotten|gone|go|become) (?:cheaper|pricier|more expensive|up|down|bigger|larger|longer|smaller))|(?:the )?latest (?:news|updates|changes)"
    r"|(?:any\s+)?new (?:[\w-]+ ){0,2}(?:models?|llms?)(?=\W*(?:thanks|thx|pls|please|ty)?\W*$)|diff (?:vs|versus|since|from|against)"
    r"|what(?:'s| is) the latest (?:news|updates|changes)"
    # retirements asked about: "what's being deprecated soon?", "which models retire this month"
    r"|what(?:'s|s| is| are)? (?:being |getting |going to be |gonna be )?(?:deprecated|retired|retiring|sunset|sunsetting|removed|shut down|going away|reaching end of life)"
    r"|(?:which|what) (?:[\w-]+ )?(?:models? |llms? )?(?:are |is |will be )?(?:getting |being |going to be )?(?:retir\w*|deprecat\w*|sunset\w*)"
    r"|any(?:thing| models?)? (?:is |are )?(?:going away|retiring|being retired|getting retired|sunsetting|being deprecated)"
    r"|(?:the |your |a )?(?:change ?log|release notes|changes feed|diff since|price history|pricing history)|(?:show |give )(?:me )?(?:the )?(?:latest )?(?:changes|diffs?))\b"
)
# a release said anywhere: "has anthropic released anything new?", "what did openai ship recently?"
_RELEASED_NEW = pattern_cache.compile(
    r"\b(?:releas\w*|ship\w*|launch\w*|put out|added|add|drop\w*|announc\w*) (?:any(?:thing)?|something|a|some) (?:new\b|models?\b)"
    r"|\b(?:price|pricing) (?:changes?|drops?|cuts?|hikes?|increases?)\b"
)
# a change to one named model's data: "did gpt-4o get cheaper?", "has the price of sonnet 4.5 changed?"
_MODEL_CHANGED = pattern_cache.compile(
    r"\b(?:did|has|have|was|were)\b.{0,40}\b(?:chang\w*|get|got|gotten|become|became) (?:cheaper|less expensive|more expensive|pricier)\b"
    r"|\b(?:did|has|have|was|were)\b.{0,40}\b(?:chang\w*|go up|gone up|go down|gone down|drop(?:ped)?|increas\w*|decreas\w*|cut|updated|moved|shifted|added|removed|listed|delisted)\b"
    r"|\bany (?:price |pricing )?(?:changes|updates) (?:to|for|on)\b"
)
_CHANGED_FIELD = pattern_cache.compile(r"\b(?:context(?: window)?|max(?:imum)? output|output limit|rate limits?|modalit\w+)\b")
_CHANGE_SUBJECT = pattern_cache.compile(
    r"\b(?:models?|llms?|prices?|pricing|catalog(?:ue)?|list|data|costs?|rates?|anything|what|whats|releases|launches|additions|weights)\b"
)
_WHAT_CHANGED = pattern_cache.compile(r"\bwhat(?:'s| has| have|s)? (?:changed|been changed) (?:with|about|for|in|on)\b")
# the release date of the one model named: "when was ¤ released?", "when did ¤ come out"
_WHEN_RELEASED = pattern_cache.compile(
    r"\bwhen (?:was|were|is|did|will)\b[^.?!]{0,40}\b(?:releas\w*|launch\w*|come out|came out|out|ship\w*|announc\w*|drop\w*|available)\b"
)
_PICK = pattern_cache.compile(r"\b(?:best|cheapest|fastest|should|recommend\w*|suggest\w*|for (?!the (?:last|past)))\b")

# a model named as one to leave
_LEAVING = pattern_cache.compile(
    rf"\bwhat else\b|\b(?:anything|something|options?|one|model)s? (?:\w+ ){{0,2}}(?:{COMPARATIVE}|similar|close|comparable"
    rf"|lighter|smaller|stronger|less expensive|more affordable)\b|\b(?:migrate|move|switch|go|jump|port|upgrade)\s+to\s*(?:what|\?|$)"
    rf"|\bwhat (?:do|should|can|could|would) (?:we|i) (?:migrate|move|switch|go|jump|port)\b|\bwhat(?:'s| is) (?:{COMPARATIVE})\b"
    rf"|\bwant (?:to (?:get|move) )?off\b|\bget off\b|\bclos(?:e|er|est) (?:\w+ ){{0,3}}?(?:to|like) {_M}|\bstuck (?:on|with)\b.{{0,50}}\b(?:what|which|anything|something|options?|equivalent|instead)\b"
    rf"|\b(?:modern|newer|current|updated|cheaper|faster|open|open[- ]source) (?:equivalent|counterpart|replacement|successor)\b|\bswap (?:in|out)\b|\bwhat now\b|\bsuccessor\b|\bmigration (?:path|target)\b"
    rf"|\b(?:sunset\w*|deprecat\w*|retir\w*|end[- ]of[- ]life|eol|shut(?:ting)? down|going away)\b.{{0,40}}\b(?:what|which|now|instead|suggest\w*|recommend\w*|options?|where (?:do|should|can) (?:we|i) go)\b"
    rf"|\b(?:stand[- ]?ins?|drop[- ]in|understud\w+)\b"  # "any cheaper stand-in for ¤?"
    # "is ¤ still the best for coding or has something overtaken it?": a pick that may have moved on
    rf"|\bstill (?:the )?(?:best|top|king|leader|sota|state of the art|the (?:best|right|top) (?:choice|option|pick|model))\b"
    rf"|\b(?:overtaken|surpassed|dethroned|beaten|leapfrogged)\b"
    # "something more cheap but near same good", said by a non-native speaker
    rf"|\b(?:anything|something|model|one)s? (?:\w+ ){{0,2}}(?:more cheap|less cheap|more cheaper|near(?:ly)? (?:the )?same|almost (?:the )?same|as good)\b"
    rf"|\b(?:eating|burning|blowing|killing) (?:through )?(?:our |my |the )?(?:budget|money|credits)\b.{{0,60}}\b(?:what|which|anything|else|instead|options?)\b"
    rf"|\btoo (?:slow|expensive|pricey|costly|laggy|sluggish|dumb)\b.{{0,40}}\b(?:what|which|anything|something|suggest\w*|options?|instead)\b"
    rf"|^\W*{_M}\s+(?:is|feels|seems|has been|got)\s+(?:way |much |far |really |just )?too (?:slow|expensive|pricey|costly|laggy|sluggish)\b"  # "¤ is too slow for our widget"
    rf"|\b(?:{COMPARATIVE}|similar|comparable|open[- ]?(?:source|weights?)) (?:[\w-]+ ){{0,2}}?(?:options?|alternatives?|choices?|picks?|ones?|models?)\b"
    rf"|\b(?:we(?:'re| are)? (?:currently |now |already )?(?:use|using|on|running|run)|currently (?:on|using))\s+{_M}.{{0,60}}"
    rf"\b(?:what(?:'s| is) (?:the )?(?:best|better|\w{{3,}}est)|which (?:model|one|llm) (?:should|would|is)|what (?:should|would|do) (?:we|you) "
    rf"(?:use|pick|recommend|suggest)|recommend\w*|suggest\w*)\b"
    rf"|\bor (?:something|anything|someone) else\b|\bcan (?:we|i|you) do better\b|\bor (?:something|anything) (?:better|{COMPARATIVE})\b"
    rf"|\bwhat (?:are|r) (?:our|my|the) (?:other )?options\b|\b(?:any )?other options\b|\bwhat options (?:do|have) (?:we|i)\b"
    # the same work done by another model: "what's the cheapest model that'd do the same job"
    rf"|\b(?:do|does|'d do|would do|could do|can do|handles?|handling|doing) the same (?:job|thing|work|task|stuff)\b"
    # a spend on the named model, then a pick: "we spend $1,500/month on X for tagging, what's the cheapest ..."
    rf"|\b(?:spend\w*|pay(?:s|ing)?|paid|burn\w*)\b[^.?!]{{0,30}}\b(?:on|for) {_M}.{{0,80}}\b(?:what(?:'s| is) (?:the )?(?:best|better|\w{{3,}}est)"
    rf"|which (?:model|one|llm) (?:should|would|is)|what (?:should|would|do) (?:we|i|you) (?:use|pick|switch to)|options|ideas|suggestions)\b"
)
# words that put a question inside the model world even without a model name
_MODEL_WORLD = pattern_cache.compile(
    r"\b(?:models?|llms?|ai|apis?|tokens?|providers?|inference|embeddings?|prompts?|context|gpts?|weights|fine[- ]?tun\w*|endpoints?|rerank\w*)\b"
)
_RECOMMEND_BARE = pattern_cache.compile(
    r"^(?:so\s+|ok\s+|hmm+\s+)?(?:what|which)(?: one)? (?:should|would|do|can) (?:i|we|you) (?:use|pick|choose|go with|recommend|try)\s*\??$"
    r"|^(?:any )?(?:recommendations?|suggestions?)\s*\??$"
)


@dataclass(frozen=True)
class Signals:
    """What the rest of the parse found, as the intent rules need it."""

    text: str  # lower case, model names masked
    n_models: int
    task: str | None
    sort_by: str | None
    constrained: bool  # any filter or number
    specific: bool  # providers, capabilities, kinds, token or price numbers: things only model questions say
    q: Quantities
    n_providers: int = 0  # providers named, kept or excluded
    n_families: int = 0  # model families named without a model ("claude", "gpt"): "claude vs gpt for coding"


@dataclass(frozen=True)
class Decision:
    intent: str
    confidence: float


# what people type before the question itself: "hey,", "quick q:", "ok so", "fyi"
_LEAD_IN = pattern_cache.compile(
    r"^(?:(?:hey|hi|hello|yo|hiya|ok|okay|so|um+|hmm+|btw|fyi|pls|please|quick q(?:uestion)?|q|question|team|folks|guys|y'?all|random q|dumb q|"
    r"there|everyone|whichmodel|bot)\b[\s,!.:;-]*)+"
)


_LETTER_OR_DIGIT = pattern_cache.compile(r"[^\W_]")
_HELLO = pattern_cache.compile(r"\b(?:he+y+|hi+|hel+o+|yo+|hiya+|howdy|sup|morning|evening|afternoon|greetings|heya+|hola|gm)\b")


def decide(s: Signals) -> Decision:
    """The intent of a question, and how sure the parser is of it."""
    if s.n_models == 0:
        help_ = _help(s.text, s)
        if help_ is not None:
            return help_
    core = _LEAD_IN.sub("", s.text, count=1)
    bare = s.n_models == 0 and not s.constrained and (not s.task or s.task == "chat" and _BOT_WORDS.search(s.text))
    if bare and core != s.text and not _WORDS.search(core) and _HELLO.search(s.text):
        return Decision("help", 0.9)  # "quick question - hello bot": a greeting and nothing else
    if core and core != s.text:
        s = replace(s, text=core)  # "hey, which models support pdf input": the question after the greeting
        help_ = _help(core, s) if s.n_models == 0 else None
        if help_ is not None:
            return help_  # "quick question - how do i use this?"
    if s.n_models < 2 <= s.n_models + s.n_families and _FAMILIES_COMPARED.search(s.text):
        return Decision("compare", 0.7)  # "is claude better than gpt for writing?": lines, not models
    if s.n_models >= 2:
        return _two_models(s)
    if s.n_models == 1:
        return _one_model(s)
    return _no_model(s)


def _two_models(s: Signals) -> Decision:
    text = s.text
    if ALTERNATIVE_STRONG.search(text):
        return Decision("alternatives", 0.95)
    if COST.search(text) and not COMPARE.search(text):
        return Decision("cost", 0.9)
    return Decision("compare", 0.95 if COMPARE.search(text) else 0.8)


def _one_model(s: Signals) -> Decision:
    text, q = s.text, s.q
    if DO_IT_FOR_ME.search(text) and not s.sort_by and not RECOMMEND.search(text):
        return Decision("unknown", 0.2)  # "translate this to spanish with gpt-5": a job for the model, not a question
    if HOW_TO_WORK.search(text) and not (COST.search(text) or s.sort_by or q.tokens_per_month):
        return Decision("unknown", 0.25)  # "how do I fine-tune llama 3 on my data?": a how-to, not a pick or a fact
    if ALTERNATIVE.search(text) or _LEAVING.search(text) or _OPEN_SLOT_INSTEAD.search(text):
        return Decision("alternatives", 0.95)
    if _WHEN_RELEASED.search(text):
        return Decision("info", 0.9)  # "when was ¤ released? feels like it dropped yesterday": its release date
    if _WHAT_CHANGED.search(text) or _MODEL_CHANGED.search(text) and (
        _CHANGE_TIME.search(text) or COST.search(text) or "cheaper" in text or "expensive" in text or _CHANGED_FIELD.search(text)
    ):  # "what changed with gpt-5.1 pricing?", "did gpt-4o get cheaper?", "did google change ¤'s context window?"
        return Decision("changes", 0.8)  # "did gpt-4o get cheaper?", "has the price of sonnet 4.5 changed?"
    # "input vs output", "on cerebras vs groq": the one model's prices or offers side by side, not two models
    if _COMPARE_WORD.search(_NOT_MODELS_COMPARED.sub(" ", text)) and s.n_providers < 2:
        return Decision("compare", 0.85)
    if COST.search(text) or s.sort_by == "cost" or q.tokens_per_month is not None or q.max_monthly_cost is not None:
        return Decision("cost", 0.9)  # "where's the cheapest gpt-oss-120b?": its price across providers
    return Decision("info", 0.9)


def _no_model(s: Signals) -> Decision:
    text = s.text
    if _changes(text):
        return Decision("changes", 0.9)
    about_models = s.specific or s.constrained or DOMAIN.search(text)  # "how do i reverse a linked list" lists nothing
    sorted_list = _SORTED_BY.search(text) is not None  # "show me 10 models with 256k+ context sorted by price"
    if LIST_STRONG.search(text) and about_models and not (s.sort_by and not (_LIST_WORD.search(text) or sorted_list)):
        return Decision("list", 0.9)  # "what are the 3 best models for X" asks for a pick, not an inventory
    if LIST_WEAK.search(text) and about_models and (not s.sort_by or sorted_list) and not s.task:
        return Decision("list", 0.85)
    return _recommend_or_unknown(s)


def _help(text: str, s: Signals) -> Decision | None:
    if HELP_LINE.match(text) or not _LETTER_OR_DIGIT.search(text):
        return Decision("help", 0.95)  # also a wave or a thumbs-up and nothing else: "👋"
    rest = _GREETING.sub("", text, count=1)
    if rest != text and (not rest.strip() or HELP_LINE.match(rest) or _ABOUT_BOT.match(rest)):
        return Decision("help", 0.95)  # "hello bot", "hi, what can you do?"
    about = _ABOUT_BOT.match(rest)
    if about and (not (s.task or s.constrained) or len(_WORDS.findall(rest[about.end() :])) <= 2):
        return Decision("help", 0.9)  # "what's this bot for?" (the "bot" is not a chat task)
    bot_as_chat = s.task == "chat" and _BOT_WORDS.search(text)  # "what this bot does": the bot, not a chat task
    if not s.constrained and (not s.task or bot_as_chat) and any(
        _ABOUT_BOT.match(_LEAD_IN.sub("", part, count=1)) for part in _SENTENCE_END.split(rest)[1:]
    ):
        return Decision("help", 0.9)  # "hey there, new to this channel. what is this bot for?"
    if HELP_ANYWHERE.search(text) and not s.constrained and (not s.task or bot_as_chat):
        return Decision("help", 0.85)
    return None


def _changes(text: str) -> bool:
    """ "what changed?", "any new models since last week?", "price changes since october"."""
    if _CHANGES_ALONE.search(text) or _RELEASED_NEW.search(text) and not _PICK.search(text):
        return True
    change = _CHANGE_WORD.search(text)
    if change is None or not _CHANGE_TIME.search(text):
        return False
    if not (_CHANGE_SUBJECT.search(text) or _CHANGE_NOUN_FIRST.search(text)):
        return False
    return not _PICK.search(text[: change.start()])  # "best new model for coding this week" is a pick


def _recommend_or_unknown(s: Signals) -> Decision:
    text = s.text
    world = s.specific or _MODEL_WORLD.search(text) or DOMAIN.search(text)
    picking = s.sort_by or RECOMMEND.search(text) or _MODEL_WORD.search(text)
    other = PICK_OTHER.search(text)
    if other and not _MODEL_WORD.search(text, 0, other.start()):
        return Decision("unknown", 0.15)  # "best gpu for training", "which laptop is best for running llms"
    if DO_IT_FOR_ME.search(text) and not (picking or s.q.tokens_per_month):
        return Decision("unknown", 0.15)  # "write me a python script that calls the openai api"
    if HOW_TO.search(text) and not (picking or s.n_models) and (not world or not s.task):
        return Decision("unknown", 0.2)  # "how do i center a div", "how do i get an api key": not choosing a model
    if TRIVIA.search(text) and not (picking or s.task):
        return Decision("unknown", 0.2)  # "who is the ceo of openai", "is openai down?"
    if DEFINITION.search(text) and not picking:
        return Decision("unknown", 0.2)  # "what is rag": a definition, not a pick
    if world:
        if s.task or s.constrained or s.sort_by or s.specific or RECOMMEND.search(text):
            return Decision("recommend", 0.9 if (s.task or s.sort_by or s.specific) else 0.75)
        return Decision("unknown", 0.3)
    if OFF_TOPIC_COMMAND.match(text) or OTHER_THING.search(text) and not (s.task and s.sort_by):
        return Decision("unknown", 0.1)  # "recommend a podcast", "write me a poem", "best laptop?"
    if _RECOMMEND_BARE.search(text):
        return Decision("recommend", 0.6)  # "what should we use?"
    if s.task and (s.sort_by or RECOMMEND.search(text) or s.constrained):
        return Decision("recommend", 0.8)  # "cheapest for summarization"
    if s.task or s.constrained:
        return Decision("recommend", 0.6)  # "for coding?", "something that reads PDFs"
    if RECOMMEND.search(text):
        return Decision("recommend", 0.5)
    return Decision("unknown", 0.15)


def is_followup(
    text: str, models: list[str], task: str | None, sort_by: str | None, constrained: bool, intent: str
) -> bool:
    """Whether the text refines an earlier question rather than asking a new one."""
    words = len(_WORDS.findall(text))
    if words == 0:
        return False
    if _FOLLOWUP_START.search(text) and words <= 12:
        return True
    if _FOLLOWUP_PREP.search(text) and (words <= 6 or words <= 12 and constrained and not models and not task):
        return True  # "at 300M tokens a month with 70% cache hits": the last question, at this workload
    if not models and _PICK_LAST.search(text):
        return True  # "which would you pick?": of the models just compared
    if _INSTEAD.search(text) and words <= 15 or _OF_THOSE.search(text) and words <= 12 and not models:
        return True  # "best quality instead", "which of those has the best quality?"
    if words <= 8 and not models and not task and constrained and intent in ("recommend", "list"):
        return not (RECOMMEND.search(text) or LIST_STRONG.search(text) or _MODEL_WORD.search(text) or sort_by)
    if words <= 4 and sort_by and not models and not task and not _MODEL_WORD.search(text) and not constrained:
        return True  # "cheaper?", "and faster?"
    return False
