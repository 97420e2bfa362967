"""The language classes FAQ mode tells apart, as patterns over a lower-cased channel message (links removed).

A model question asks (`ASK_*`), is about models (`MODEL_WORLD`, or a model the parse named), and asks about
choosing, pricing or comparing them (`CHOOSE`, `PRICE`) or a fact that decides a choice (`FACT`: context sizes,
capabilities, where a model is sold, open weights). What stays unanswered:

- **how-to**: using a model or its API (`HOWTO_START` opens the message, `HOWTO_WORDS` anywhere: prompts, params,
  errors, SDKs, streaming, fine-tuning formats);
- **people and access**: who owns, approves or can add someone, keys, accounts, quotas (`ADMIN`);
- **stand-ups** (`STANDUP`), **outages** (`OUTAGE`), **meetings, hiring, reviews** (`SOCIAL`);
- **statements** (nothing is asked) and **links** (a link with no question beside it).

The patterns are classes of phrasing, not lines from the message sets.
"""

from __future__ import annotations

import re

from bot.parse import pattern_cache

_F = re.I

LINK = pattern_cache.compile(r"<?https?://\S+|\bwww\.\S+", _F)

# a clause opening with a question or a request ("..., which one should we use", "honest question, is X ...")
_CLAUSE = r"(?:^|[.,;:!?()\n]\s*|\s[-–—]+\s*|\bso\s+|\band\s+|\bbut\s+|\bor\s+)"
ASK_START = pattern_cache.compile(
    _CLAUSE
    + r"(?:(?:honest|quick|dumb|random) (?:question|q),?\s*)?(?:(?:roughly|approximately|ballpark|realistically|honestly"
    r"|seriously|actually|ok|okay|hey|also|so),?\s+)?(?:@\w+\s+)?"
    r"(?:what|which|whats|what's|who|how|is|isn't|are|does|do|did|can|could|should|shall|would|will|has|have|any|anyone"
    r"|anybody|someone|recommend\w*|suggest\w*|thoughts|ideas|options|worth|curious|wondering|looking for|need (?:a|an|some"
    r"|something|to (?:pick|choose|find))|between|comparing|price check|cost of|monthly cost|time to|where|when"
    r"|(?:the )?(?:best|cheapest|fastest|smallest|strongest|good|decent) (?:\S+ ){0,3}?(?:models?|llms?|option|one|thing) (?:for|to|that))\b",
    _F,
)
ASK_ANYWHERE = pattern_cache.compile(
    r"\b(?:any (?:recs|recommendations?|suggestions?|ideas|thoughts|tips on (?:which|what))|recs\b|suggestions? (?:pls|please)"
    r"|(?:better|worse) or (?:nah|not|worse|better)|or nah\b|good idea|thoughts\b|ideas\b|options\b|worth it|has anyone"
    r"|curious (?:how|whether|if|what|which)|wondering (?:if|whether|how|which|what)|or (?:is|are) (?:that|it|this|they)\b"
    r"|or (?:stay|keep|stick)\b|or should\b|which (?:one|model|is)\b|what would (?:you|people)\b|any idea\b)",
    _F,
)

MODEL_WORLD = pattern_cache.compile(
    r"\b(?:models?|llms?|ai|genai|open[- ]?weights?|open[- ]source|providers?|tokens?|gpts?|chat ?bots?|inference|embeddings?"
    r"|openai|anthropic|claude|gemini|google|mistral|meta|llama|deepseek|qwen|kimi|grok|xai|cohere|bedrock|vertex|azure"
    r"|groq|together|fireworks|openrouter|agents?|agentic|rag|multimodal|reasoning|context window|whisper|speech[- ]to[- ]text"
    r"|text[- ]to[- ]speech|tts|stt|transcription|image generation)\b",
    _F,
)

# choosing, upgrading, alternatives and comparisons
CHOOSE = pattern_cache.compile(
    r"\b(?:which|what)\s+(?:\S+\s+){0,3}?(?:models?|llms?|ones?|providers?|options?|thing)\b"
    r"|\bwhat (?:are|is|do) (?:you|people|folks|y'?all|teams|everyone)(?: all| guys)? (?:using|use|running)\b|\banyone using\b"
    r"|\bany (?:model|llm)s? (?:that|which|with|for)\b|\bis there (?:any|a|an) (?:\S+ )?(?:model|llm)\b|\bbesides\b|\bother than\b"
    r"|\bneed (?:a|an) (?:\S+ ){0,2}?(?:model|llm)\b|\bgood at\b|\bbest at\b"
    r"|\b(?:capable|good|smart|fast|cheap|big) enough\b|\benough for\b|\bnewer\b|\bshould (?:we|i) be (?:on|using)\b"
    r"|\b(?:which|what) (?:should|would|do|can|could|is) (?:we|i|you|people|y'?all|folks|the)\b"
    r"|\b(?:best|cheapest|fastest|strongest|smartest|smallest|largest|biggest|newest|latest|decent|go-to|sensible|right)\b"
    r"(?! (?:way|practice|approach|place|strategy|pattern))"
    r"|\brecommend(?:s|ation|ations)?\b|\brecs?\b|\bsuggest(?:s|ion|ions)?\b|\bpick\b|\bchoice\b|\bgo(?:ing)? with\b|\bstart with\b|\bdefault\b"
    r"|\bshould (?:we|i|the \w+|it|our \w+) (?:use|go|switch|move|upgrade|stay|pick|try|migrate|keep|stick)\b"
    r"|\b(?:upgrad\w*|switch\w*|mov(?:e|ing)|migrat\w+)\b.{0,50}\b(?:to|from|off|over)\b|\bupgrade\b|\bmove off\b"
    r"|\bworth\w*\b|\bvs\.?\b|\bversus\b|\bcompar\w+|\bstacks? up\b|\bagainst\b|\bbetter\b|\bworse\b|\bstronger\b"
    r"|\bfaster\b|\bcheaper\b|\binstead\b|\balternatives?\b|\bdrop[- ]?in\b|\breplace\b|\boverkill\b|\bgood enough\b"
    r"|\bany good\b|\bgood (?:model|llm|one|option|fit)\b|\ba good model\b|\bnatural\b|\bjustify\b|\btrust\b"
    r"|\bhandles? .{0,30}\bbest\b|\bwhat (?:else|can replace)\b|\bbudget option\b|\bcut (?:llm |ai |model )?costs?\b",
    _F,
)
PRICE = pattern_cache.compile(
    r"\b(?:costs?|costing|prices?|priced|pricing|pricey|expensive|cheap\w*|how much|per (?:million|1m|m|token|1k|request)"
    r"|bill\w*|spend\w*|budget|fortune|charg\w+|discount\w*|off-peak|per-token|rates?|per (?:month|year|day)|a month|monthly"
    r"|\$\s?\d|\d+\s?(?:usd|dollars))\b",
    _F,
)
FACT = pattern_cache.compile(
    r"\bcontext(?: window| length| size)?\b|\bmax (?:output|input) tokens\b|\b\d+k? tokens? (?:input|of input)\b"
    r"|\bsupports?\b|\bcan (?:it|\S+) (?:read|handle|take|do|see|hear|run)\b|\bmultimodal\b|\bvision\b|\bimages?\b|\baudio\b"
    r"|\btool (?:use|calling|calls)\b|\bfunction calling\b|\bstructured outputs?\b|\bjson (?:schema|mode)\b|\breasoning\b"
    r"|\bthinking (?:modes?|tokens?)\b|\bknowledge cutoff\b|\bavailable\b|\bhost(?:s|ed|ing)?\b|\bon (?:bedrock|azure|vertex"
    r"|groq|together|fireworks|openrouter)\b|\bthrough (?:bedrock|azure|vertex)\b|\bin the eu\b|\bopen[- ]?weights?\b"
    r"|\bweights\b|\bself[- ]?host\w*\b|\bon[- ]?prem\w*\b|\bgpus?\b|\b[ah]100s?\b|\blicen[cs]e\b|\breleased\b|\blatency\b"
    r"|\bspeed\b|\btokens? (?:a|per) (?:second|sec)\b|\bhandle\b|\bbenchmark\w*\b|\bimprovements?\b|\bon the api\b"
    r"|\bgeneral(?:ly)? availab\w*|\bga\b|\bpreview\b|\byet\b|\bin (?:govcloud|the us|europe|the eu)\b|\bregions?\b"
    r"|\btier\w*|\b(?:max(?:imum)? )?output (?:length|limit|tokens|cap)\b|\bcaps? (?:output|input|at)\b|\bcapable\b"
    r"|\bvideo\b|\binput\b|\bworks? with\b|\bdeprecat\w*|\bretir\w*|\bsunset\w*",
    _F,
)

# asking how to use a model or an API, or why it misbehaves
HOWTO_START = pattern_cache.compile(
    _CLAUSE + r"(?:(?:any ?(?:one|body)|does any ?(?:one|body)|someone) (?:know|knows|remember) (?:why|how)\b"
    r"|(?:does )?(?:any ?(?:one|body)|someone) (?:have|got|has) (?:a|an|some)\b(?! (?:good |solid )?(?:recs?|recommendations?"
    r"|suggestions?|picks?|favou?rites?|go-to|opinions?|preference))"
    r"|how (?:do|can|should|would|could|did|does) (?:i|we|you|one|u|people|y'?all)\b(?! (?:choose|pick|decide|compare"
    r"|estimate|budget|know which|tell which))|how to\b(?! (?:choose|pick|decide|compare))|how'?s one\b"
    r"|why (?:is|does|do|are|did|would|am|isn'?t|doesn'?t|won'?t|can'?t|does)\b"
    r"|is there a (?:way|trick|setting|flag|recommended (?:way|retry|strategy|pattern|approach))\b"
    r"|what am i (?:missing|doing wrong)|am i (?:doing|formatting|holding|calling|using)\b|(?:what'?s the )?(?:best|right"
    r"|easiest|cleanest|correct|proper) way to\b|what'?s the (?:header|param\w*|flag|option|syntax|endpoint|format"
    r"|setting|env var|model id|field)\b)",
    _F,
)
# something is going wrong with a model or an API: help with it is not a choice
HOWTO_TROUBLE = pattern_cache.compile(
    r"\b(?:system (?:prompt|message)|prompt (?:tips|tricks|template|ideas)|eval prompt|good prompt|working example"
    r"|example of|code sample|time(?:s|d)? ?out|timing out|truncat\w+|returns? (?:a|an|empty)|empty (?:response|chunk)"
    r"|[45]\d\d(?:s|\b)|errors?|exceptions?|stack ?trace|stuck|keeps? \w+ing|ignor\w+|tips for|tricks?|429s?|overloaded"
    r"|doesn'?t work|not working|broken|fails?|failing)\b",
    _F,
)
# using a model through its API or tools: a how-to, unless the question asks a fact or a choice beside it
HOWTO_TECH = pattern_cache.compile(
    r"\b(?:prompting|sdk|(?:rest|responses|files|realtime|batch|assistants) api|params?|parameters?|headers?|max_tokens"
    r"|temperature|logprobs|streaming|stream\w*|format(?:ting)?|set ?up|setting up|install\w*|configur\w+|enable|turn (?:on|off)"
    r"|opt (?:in|into)|fine[- ]?tun\w+|retr(?:y|ies)|vllm|ollama|langchain|llamaindex|in (?:python|node|typescript|go|java"
    r"|rust)\b|websockets?|celery|safety filters?|citations?|upload\w*|attach\w*|count tokens|usage numbers)\b",
    _F,
)
ADMIN = pattern_cache.compile(
    r"\bwho(?:'s| is| has| owns| approved| manages| set up| runs| can| knows| did|se)\b|\bcan (?:someone|somebody|anyone|i get|you add)\b"
    r"|\badd(?:ed)? (?:me|us|to the)\b|\bget added\b|\baccess\b|\badmin\b|\b(?:api|project|team|shared) keys?\b|\bkeys?\b"
    r"|\baccounts?\b|\bbilling (?:account|access)\b|\bcard on file\b|\bquotas?\b|\binvite\b|\brate limits?\b|\bbudget alert\b"
    r"|\bsubscription\b|\bpermissions?\b|\bsso\b|\blog ?in\b|\bpassword\b|\bdashboard\b|\bowner\b",
    _F,
)
# products that are not models: a "best X for Y" about them is not ours to answer
OTHER_TOOLS = pattern_cache.compile(
    r"\b(?:extensions?|plugins?|librar(?:y|ies)|packages?|frameworks?|ides?|editors?|linters?|linting|vs ?code|jetbrains|vim"
    r"|emacs|databases?|postgres|mysql|terraform|kubernetes|k8s|docker|laptops?|monitors?|keyboards?|vpn|dashboards?|ci"
    r"|runbooks?|pipelines?|clusters?|repos?|branch(?:es)?)\b",
    _F,
)
STANDUP = pattern_cache.compile(
    r"^(?:yesterday|today|standup|stand-up|update|blockers?|wip|eod|status|done|next)\b\s*(?:[:\-–—]|i'?m\b)"
    r"|\byesterday\b.{0,80}\btoday\b|\btoday:|\bblockers?:|\bno blockers\b|^(?:out|ooo|wfh)\b|\bnext up:",
    _F,
)
OUTAGE = pattern_cache.compile(
    r"\b(?:is (?:\S+ )?down|down (?:again|for)|outage|is it just (?:us|me)|for anyone else|status page|degraded|503s?"
    r"|overloaded|flaky|spiking)\b",
    _F,
)
SOCIAL = pattern_cache.compile(
    r"\b(?:interviews?|candidates?|take-?home|meeting|sync|retro|notes|lunch|coffee|review my|my pr|the pr|on-?call"
    r"|vacation|ooo|presenting|slides|hiring|posting|offsite|party)\b",
    _F,
)
