"""Questions that are not about choosing a model: requests for other things ("recommend a podcast"), work for the
model to do ("summarize this article"), how-tos, trivia about the world and definitions."""

from __future__ import annotations

from bot.parse import pattern_cache

# requests for things other than a model
OTHER_THING = pattern_cache.compile(
    r"\b(?:podcasts?|books?|novels?|restaurants?|caf[eé]s?|bars?|pizza|lunch|dinner|breakfast|coffee|movies?|films?|shows?|series|songs?|music|playlists?"
    r"|laptops?|phones?|monitors?|keyboards?|mouse|chairs?|desks?|headphones?|vpns?|themes?|fonts?|ides?|editors?|hotels?|flights?|gifts?|games?"
    r"|gpus?|graphics cards?|hardware|vector (?:dbs?|databases?|stores?)|cloud providers?|hosting providers?"
    r"|courses?|conferences?|databases?|postgres|mysql|mongo\w*|redis|kafka|terraform|pulumi|kubernetes|k8s|docker|frameworks?|librar(?:y|ies)"
    r"|way to learn|place to|places|recipes?|wine|beer|vacation|holiday|trip|gym|shoes?|cars?|bikes?|jokes?|poems?|weather|stocks?|crypto"
    r"|programming languages?|languages? to learn|macbooks?|servers? to buy|h100s?|a100s?)\b"
)
# a pick of something that is no model: "best gpu for training", "which laptop is best for running llms"
PICK_OTHER = pattern_cache.compile(
    rf"\b(?:best|which|what|recommend\w*|cheapest|good|top|suggest\w*|buy\w*|\w{{3,}}est)\s+(?:an?\s+|the\s+)?(?:(?!models?\b|llms?\b)[\w-]+\s+){{0,2}}?(?:{OTHER_THING.pattern[5:-3]})\b"
)
# a request to do the work rather than choose who does it: "summarize this article using gpt-4o"
DO_IT_FOR_ME = pattern_cache.compile(
    r"^(?:please\s+|pls\s+|can you\s+|could you\s+|hey\s+)?(?:use \S+(?: \S+)? to\s+)?(?:summari[sz]e|translate|rewrite|write|draft|proofread|fix|explain"
    r"|answer|review|classify|tag|extract|convert|format|check|debug|generate|make|create)\b.{0,40}?\b(?:this|these|that|my|the following|it|below"
    r"|attached|above|for me|me a|me an|us a)\b"
)
HOW_TO = pattern_cache.compile(
    r"^(?:\w+[,!]?\s+){0,2}?(?:how (?:do|can|should|would|could|does|did) (?:i|we|you|one|it|this|that|my|our)|how to|how's|why (?:is|are|does|do|did)"
    r"|what's the (?:syntax|command|difference between)|what (?:is|are) the difference)\b"
)
# how to do work with a model, which no catalogue answers: "how do i fine-tune llama 3", "how to prompt claude for json"
HOW_TO_WORK = pattern_cache.compile(
    r"^(?:\w+[,!]?\s+){0,2}?(?:how (?:do|can|should|would|could) (?:i|we|you|one)|how to)\s+(?:best\s+)?"
    r"(?:fine[- ]?tune|finetune|train|retrain|install|integrate|set up|setup|prompt|jailbreak|distill|quantize|export|convert|debug)\b"
)
# questions of fact about the world, not a pick: they name at most a provider or a task word
TRIVIA = pattern_cache.compile(
    r"^(?:\w+[,!]?\s+){0,2}?(?:who(?:'s|s| is| was| are| founded| owns| runs| leads) (?!(?:the )?(?:cheapest|fastest|best|quickest)\b)|when (?:was|did|is) \w+ (?:founded|started|ipo)|is \w+(?: \w+)? (?:down|up|working|out)\b)"
    r"|\b(?:stock|share) (?:price|ticker)s?\b|\bmarket cap\w*|\bvaluation\b|\bshares? (?:are |is )?(?:up|down)\b"  # "nvidia's stock price"
)
# asking what a word means: "what is rag", "explain function calling", "difference between fine-tuning and rag"
DEFINITION = pattern_cache.compile(
    r"^(?:\w+[,!]?\s+){0,2}?(?:what (?:is|are|does) (?:a |an |the )?\w+(?:[- ]\w+)? (?:mean|stand for)"
    r"|what(?:'s| is| are) (?:a |an )?\w+(?:[- ]\w+)?\W*(?:thanks|thx|pls|please|ty)?\W*$"
    r"|(?:can you |pls |please )?(?:explain|define)\b|what(?:'s| is| are) the difference between)"
)
