"""Words several quantity rules read: what a count counts, token words, input/output words."""

from __future__ import annotations

from bot.parse import pattern_cache

UNIT_NOUNS = (
    r"requests?|reqs?|calls?|api calls?|queries|query|messages?|msgs?|tickets?|documents?|docs?|emails?|conversations?|chats?"
    r"|sessions?|users?|pages?|items?|records?|reviews?|articles?|prompts?|completions?|transcripts?|files?|posts?|comments?"
    r"|products?|descriptions?|invocations?|runs?|jobs?|questions?|searches?|summaries|translations?|customers?|rows?"
    r"|entries|leads?|tweets?|logs?|events?|invoices?|receipts?|contracts?|resumes?|cvs|images?|screenshots?|calls|turns?"
    r"|interactions?|tasks?|samples?|examples?|generations?|responses?|replies|answers?|chunks?|passages?|listings?|notes?"
    r"|threads?|orders?|claims?|forms?|applications?|reports?|videos?|recordings?|agents?|employees?|students?|patients?|members?|people|folks|staff|pdfs?|words?|sentences?|paragraphs?"
    r"|qs?(?=\s*/)"  # "1m q/mo": queries
    r"|[dmw]aus?|prs|pull requests?|merge requests?|commits?|diffs?|papers?|studies|abstracts?|books?|chapters?|letters?|memos?"  # "3,000 DAU": daily (monthly, weekly) active users
)
COUNT_AFTER = pattern_cache.compile(
    rf"^\s*(?:[a-z][\w-]*\s+){{0,2}}?(?:{UNIT_NOUNS})\b"
    r"|^\s*of (?:them|those|these)\b"  # "each one is ~400k tokens and we get about 3k of them a month"
    r"|^\s*(?!(?:tokens|toks|tps|ms|seconds|secs|hours|days|weeks|months|years|minutes|mins|dollars|bucks|cents|usd|params|parameters|thanks|plus|tops|less"
    # a verb after a headcount ("a team of 4 sends ~200 emails"): the things counted come after it
    r"|sends|uses|needs|wants|gets|makes|runs|does|has|says|goes|takes|pays|spends|handles|processes|generates|writes|reads|works)\b)[a-z]{3,}s\b"
)
TOKENS_AFTER = pattern_cache.compile(r"^\s*(?:(?P<io>input|output|prompt|completion|in|out)\s+)?(?:tokens?|toks?|tkns?|tok)\b")
IO_AFTER = pattern_cache.compile(r"^\s*(?P<io>input|output|prompt|completion)\b(?!\s*(?:price|cost))")
TOKEN_ADJ = pattern_cache.compile(r"^\s*-\s*(?:token|tok)\b")  # "3k-token documents"
IO_WORD = pattern_cache.compile(r"\b(input|prompt|output|completion|in|out)\b")
PERIODS = r"(?:month|day|week|year|hour|night|minute|second|morning|evening|quarter|weekday)"
PER_UNIT_AFTER = pattern_cache.compile(
    rf"^[^\d$]{{0,30}}?\b(?:each(?! (?:month|day|week|year|hour|night|minute|second|morning|evening|quarter)\b)|apiece|a piece|per (?:{UNIT_NOUNS}|unit|one)|/\s*(?:{UNIT_NOUNS})|on average|avg|average)\b"
)
PER_UNIT_BEFORE = pattern_cache.compile(
    rf"(?:\b(?:each|per|every|an?|the)\s+(?:{UNIT_NOUNS}|(?<=each )[a-z][\w-]*)"
    r"(?:\s*(?:\+|&|and|plus|with) (?:its |the )?[a-z][\w-]*(?: [a-z][\w-]*)?)?"  # "each email + thread history is"
    rf"\s+(?:has|have|is|are|uses?|takes?|needs?|with|of|averag\w+|=|:|~|about|around|roughly|at)"
    rf"[^\d]{{0,20}}|\baverag\w+\s+(?:of\s+)?|\bavg\.?\s+"
    # "each transcript ~12k tokens": the item's size said straight after it (not "each month 50M tokens")
    rf"|\beach\s+(?!{PERIODS}\b)[a-z][\w-]*\s*[,:]?\s*|,\s*each\s+(?:about\s+|around\s+|roughly\s+)?~?\s*)$"
)
PER_UNIT_WEAK = pattern_cache.compile(r"\b(?:at|of|x|times|with|by)\s+(?:about\s+|around\s+|~|roughly\s+|approx\w*\s+)?$")
