"""What asks the bot for help: a help line alone ("help", "what can you do?") or a help question anywhere
("how does this bot work", "is there a guide for how to ask you things?")."""

from __future__ import annotations

from bot.parse.fast_patterns import fast

HELP_LINE = fast(
    r"^(?:please\s+)?/?(?:help|h|\?+|hi|hello|hey|hey there|hi there|hello there|yo|hiya|howdy|greetings|sup|gm|"
    r"(?:good )?(?:morning|afternoon|evening)|start|menu|usage|commands|examples?|options|about|info|"
    r"what can you do|what do you do|what do you know|what do you know about|who are you|what are you|"
    r"how do(?:es)? (?:this|it|you|this bot|the bot) work|how (?:do|can|should) (?:i|we) use (?:you|this|it|this bot|the bot)|"
    r"what can (?:i|we) ask(?: you)?|what should (?:i|we) ask|what questions can (?:i|we) ask|what is this|what's this|"
    r"how to use(?: this| you)?|instructions|tutorial|getting started|get started|what can this bot do|what does this bot do|"
    r"help me|can you help(?: me)?|what can you help (?:me )?with|thanks|thank you|ty|test|ping|man|docs|readme|"
    r"what(?:'s| is) (?:whichmodel|this bot)|what do you cover|what kind of questions|show me what you can do|what else can you do)"
    r"(?:[\s?!.,]+(?:please|pls|plz|bot|whichmodel|you|you guys|me|anyone|thx|thanks|ty|thank you|asap|tia|lol|:\)))*[\s?!.]*$"
)
HELP_ANYWHERE = fast(
    r"\bwhat (?:can|do) you (?:do|know|cover|answer)\b|\bhow (?:do|can|should) (?:i|we) use (?:you|this bot|whichmodel)\b"
    r"|\bwhat (?:kinds?|sorts?|types?) of questions\b|\bwhat can i ask\b|\bwhat commands\b|\bwhat (?:are|r) (?:the|your) (?:commands|options|features)\b|\bhow do (?:i|we) use (?:this|you|it)\b|\bwhat (?:do|can) you support\b"
    r"|\bwhat (?:questions|things|stuff|topics|kinds? of (?:questions|things)) (?:do|can|will|could|should) (?:you|u) (?:answer|handle|help with|do|take)\b"
    r"|\bwhat (?:this|the) (?:bot|thing|tool|app|assistant) (?:does|is for|can do|is about|is)\b|\bwhat (?:(?:you|u) (?:do|can do|are for)|(?:you\'re|youre|ur|you are) (?:for|good at|able to do))\b"
    r"|\bwhat (?:\w+ ){0,3}(?:can|do|will|could|should) (?:you|u|i|we) (?:answer|handle|help with|ask(?: you)?)\b"
    r"|\bhow (?:do|can|should) (?:i|we) ask (?:about|for|you|questions)\b|\b(?:some |any )?example (?:questions|queries|prompts)\b"
    r"|\bwhat (?:questions|things|stuff|kinds? of (?:questions|things)) (?:i|we) (?:can|could|should|may) (?:ask|put to)\b"
    # the bot's own guide asked for, or how it works: "is there a guide for how to ask you things?"
    r"|\b(?:guide|manual|docs|documentation|instructions|tutorial|cheat ?sheet|tips|help page) (?:for|on|about) (?:how to )?"
    r"(?:ask\w*|us(?:e|ing)|talk\w* to|query\w*) (?:you|u|this bot|the bot|whichmodel|things|questions|it)\b"
    r"|\bhow (?:does|do) (?:this|this bot|the bot|this thing|you|u|whichmodel) work\b"
    r"|\bwhat(?:'s| is) (?:this|the) (?:\w+ )?(?:bot|thing|tool|app|assistant) (?:for|about)\b|^(?:hi|hello|hey|yo)(?: there| all| everyone| whats up| what's up)?\W+(?:i'm |im |i am )?new (?:here|to this)\b"
)
