"""The vocabulary of questions: tasks, objectives, modalities, capabilities and intent cues.

Patterns run on lower-cased text in which named models are already replaced by `MODEL_MARK`. Each entry says
what a phrase means in the parse contract (the shared eval README); `bot/parse/intent.py` weighs them.
"""

from __future__ import annotations

import re

from bot.parse.fast_patterns import fast

MODEL_MARK = "¤"  # stands for a model name found in the text; plain_text() never leaves one behind
_M = MODEL_MARK
# the comparatives people use of models, one word class for every rule that reads them ("cheaper", "less expensive")
COMPARATIVE = (
    r"(?:cheaper|less expensive|less costly|more affordable|lower[- ]cost|lower[- ]priced|faster|quicker|snappier|speedier|better"
    r"|smarter|stronger|more accurate|more capable|more reliable|smaller|lighter|bigger|larger|newer)"
)

# --- tasks: (task, priority, pattern); the highest priority wins, then the earliest mention ----------

TASKS: tuple[tuple[str, int, re.Pattern[str]], ...] = tuple(
    (task, prio, fast(pattern))
    for task, prio, pattern in (
        (
            "coding",
            6,
            r"\b(?<!medical )(?<!clinical )(?<!billing )(?<!icd-10 )(?<!icd )(?<!diagnosis )(?<!postal )(?<!zip )cod(?:e|es|ing|er|ers)\b|\bprogramm\w*|\bunit[- ]tests?\b|\btest (?:generation|cases|suites?)\b"
            r"|\bwrit\w* (?:\w+ )?tests\b|\bcode[- ]?review\w*|\bautocomplet\w*|\bauto-complet\w*|\bcompletions? in (?:the )?(?:ide|editor)\b"
            r"|\brefactor\w*|\bdebug\w*|\bsoftware (?:engineering|development|dev)\b|\bsql\b|\bpython\b|\bjavascript\b"
            r"|\btypescript\b|\bjava\b|\brust\b|\bgolang\b|\bc\+\+|\bbug[- ]?fix\w*|\bpull requests?\b|\bpr reviews?\b|\bprs\b|\bmerge requests?\b|\bcode diffs?\b"
            r"|\bswe[- ]?bench\b|\bcodebases?\b|\bvibe[- ]?cod\w*|\b(?:github|code|coding|dev|developer|programming) copilot\b|\bide\b|\bfront[- ]?end\b|\bback[- ]?end\b"
            r"|\bhtml\b|\bcss\b|\breact\b|\bdevops\b|\bterraform\b|\bbash\b|\bshell scripts?\b|\bregex\w*|\bdockerfiles?\b|\byaml\b|\bkubernetes manifests\b|\bcli tools?\b|\bcommit messages?\b|\bstack traces?\b",
        ),
        (
            "math",
            6,
            r"\b(?<!quick )(?<!simple )(?<!napkin )(?<!back of the envelope )math\w*|\barithmetic\b|\bcalculus\b|\balgebra\w*|\bgeometry\b|\bequations?\b|\bproofs?\b"
            r"|\btheorems?\b|\bolympiad\w*|\baime\b|\bgsm8k\b|\bword problems\b|\bcalculations?\b|\bhomework\b|\bstatistics\b",
        ),
        (
            "rag",
            5,
            r"\brag\b|\bretriev\w*|\bgrounded\b|\bgrounding\b|\bfaithful\w*|\bcitations?\b|\bciting\b"
            r"|\bquestion[- ]answering\b|\bq ?& ?a\b|\bqa over\b|\banswer(?:ing|s)? (?:\w+ )?questions (?:about|from|over|on|using|based on|grounded in|against)\b"
            r"|\bknowledge[- ]?bases?\b|\bdoc(?:ument)?s?[- ]?qa\b|\bdocs? q ?& ?a\b|\bchat(?:ting)? (?:with|over) (?:our |my |your |the |internal |company )?(?:docs|documents|pdfs?|data|files|knowledge|wiki)\b"
            r"|\b(?:search|questions) (?:over|across) (?:our |my |the |internal |company )?(?:docs|documents|data|files|wiki)\b"
            r"|\bover (?:our|my|internal|company) (?:docs|documents|knowledge|data|wiki|files)\b|\bsemantic search\b"
            r"|\bhallucinat\w*|\binternal (?:docs|documents|wiki)\b|\bask(?:ing)? questions about (?:our |my |the )?(?:docs|documents|pdfs?|files|manuals?)\b",
        ),
        (
            "translation",
            5,
            r"\btranslat\w*|\bmulti-?lingual\b|\blocali[sz]\w*|\bl10n\b|\bi18n\b|\bmulti-?language\b"
            r"|\b(?:into|to|from) (?:english|french|german|spanish|italian|portuguese|japanese|chinese|mandarin|korean|arabic"
            r"|hindi|russian|dutch|polish|turkish|vietnamese|thai|indonesian|swedish|danish|norwegian|finnish|greek|hebrew"
            r"|ukrainian|czech|other languages|many languages)\b|\bforeign languages?\b|\blanguage pairs?\b|\b(?:english|french|german|spanish|italian|portuguese|japanese|chinese|mandarin|korean|arabic|hindi|russian|dutch|polish|turkish|vietnamese|thai|indonesian|swedish|danish|norwegian|finnish|greek|hebrew|ukrainian|czech)(?:,| and| &| or|/) ?(?:english|french|german|spanish|italian|portuguese|japanese|chinese|mandarin|korean|arabic|hindi|russian|dutch|polish|turkish|vietnamese|thai|indonesian|swedish|danish|norwegian|finnish|greek|hebrew|ukrainian|czech)\b|\b(?:\d+|many|multiple|several|lots of|dozens of|all the) (?:\w+ )?languages\b"
            r"|\b(?:european|asian|african|indian|nordic|scandinavian|slavic|latin american|middle eastern|non-english) languages\b",
        ),
        (
            "summarization",
            4,
            r"\bsumm?ar\w*|\btl;?dr\w*|\bdigests?\b|\brecaps?\b|\bcondens\w*|\bmeeting notes\b"
            r"|\bsynops\w*|\bboil(?:ing)? down\b|\bkey points\b|\bhighlights of\b|\bgist\b",
        ),
        (
            "extraction",
            4,
            r"\bextract\w*|\bstructured data\b|\bentit(?:y|ies)\b|\bner\b|\bpars(?:e|ing) (?:\w+ )?(?:invoices|receipts"
            r"|resumes|cvs|documents|forms|pdfs|emails|contracts|logs|addresses)\b"
            # invoices as documents; "our invoice for ¤ is 20k" is a bill
            r"|(?<!our )(?<!my )(?<!monthly )\binvoices?\b(?! (?:for|from|on) ¤)(?! (?:is|was|came|totals?|runs?)\b)|\breceipts?\b|\bfields? (?:from|out of)\b"
            r"|\b(?:pull(?:ing|s)?|grab(?:bing|s)?|lift(?:ing|s)?|captur(?:e|ing|es)) (?:out )?(?:the |all )?(?:[a-z-]+ ){0,2}?(?:fields|data|info|information|values|numbers|amounts|dates|details|totals|line items|names|parties|addresses|prices|skills)\b"
            # what the text becomes: "turning messy resumes into structured fields"
            r"|\b(?:turn\w*|convert\w*|transform\w*|map\w*|pars\w*)\b[^.?!]{0,40}?\binto (?:\w+ )?(?:fields|records|rows|columns|json|a schema|tables?|structured \w+)\b|\bstructured fields\b|\bform[- ](?:parsing|filling)\b|\bscrap(?:e|ing)\b"
            r"|\bdata capture\b|\bkey[- ]value\b|\bocr\b|\binto json\b|\bto json\b|\bas json\b|\bjson extraction\b"
            r"|\bredact\w*|\bpii\b|\b(?:read\w*|digiti[sz]\w*) (?:\w+ ){0,2}forms?\b"
            r"|\b(?:invoice|receipt|resume|résumé|cv|document|form|pdf|email|contract|log|address)s? pars(?:ing|er)\b",
        ),
        (
            "classification",
            4,
            r"\bclassif\w*|\bcategori[sz]\w*|\bcategoris\w*|\b(?:pick|choose|assign)s? (?:a |the |one )?categor(?:y|ies)\b|\blabel(?:l?ing|s|ed|er)?\b|\btag(?:s|ging|ger)?\b"
            r"|\bmoderat\w*|\bspam\b|\bsentiment\b|\bintents?\b (?:detection|classification|recognition)|\bintent detection\b"
            r"|\btriag\w*|\b(?:medical|clinical|billing|icd(?:-10)?|diagnosis) cod(?:ing|es)\b|\btoxic\w*|\bcontent filter\w*|\brout(?:e|es|ed|ing) (?:[~\w.,]+ ){0,2}(?:tickets|emails|messages|requests|queries)\b"
            r"|\b(?:tickets|emails|messages|requests|queries)\b[^.?!]{0,30}\binto (?:\d+ |the right |the |our )?(?:queues|buckets|categories|teams|departments)\b"
            r"|\bsort(?:ing)? (?:\w+ )?(?:emails|tickets|messages|reviews)\b|\bfraud detection\b|\bphishing\b|\bflag(?:s|ging)? (?:\w+ )?(?:emails|messages|posts|content|comments|reviews|transactions)\b|\bnsfw\b|\bdetect(?:ing|ion of)? (?:spam|toxicity|language|intent|pii)\b",
        ),
        (
            "agents",
            4,
            r"\ba(?<!support a)(?<!service a)(?<!customer a)(?<!sales a)(?<!human a)(?<!live a)(?<!desk a)(?<!call a)(?<!voice a)(?<!phone a)gent(?:s|ic)?\b(?!,? (?:each )?(?:handl|answer|field|resolv|staff|work)\w* (?:~|about |around )?[\d,.]*k? ?(?:tickets|calls|customers|chats|cases))|\bagentic\b|\btool[- ]?(?:use|using|calling|calls?)\b"
            r"|\bfunction[- ]?call\w*|\btools\b|\bmulti-?step\b|\b(?:task|agent\w*|action|long[- ]horizon) planning\b|\bplanning (?:agents?|tasks?|steps?|and tool\w*)\b|\bcomputer[- ]use\b|\bbrowser (?:use|automation)\b"
            r"|\bautomat(?:ion|ing|e)\b|\bworkflows?\b|\bautonomous\w*|\bmcp\b|\borchestrat\w*",
        ),
        (
            "long_context",
            3,
            r"\blong[- ](?:context|documents?|docs|files|inputs?|texts?|transcripts?|reports?|contracts?|pdfs?|videos?"
            r"|conversations?|threads?|prompts?)\b|\b(?:large|huge|big|massive) (?:documents?|docs|files|codebases?|inputs?|contexts?|pdfs?)\b"
            r"|\b(?:entire|whole|full) (?:books?|novels?(?! chapters?)|codebases?|repos?|repositories|documents?|manuals?|transcripts?)\b(?! chapters?)|\bbooks?\b(?! chapters?)|\blengthy\b"
            r"|\b(?:read\w*|process\w*|analy[sz]\w*) (?:\w+ )?(?:novels?|books?|codebases?) in one go\b"
            r"|\b(?:large|huge|big|massive|giant|enormous|very long) (?:transcripts?|reports?|contracts?|books?|threads?|logs?|filings?|manuals?|recordings?|spreadsheets?|datasets?)\b"
            r"|\bhundreds of pages\b|\b\d+[- ]pages?\b|\bneedle[- ]in[- ]a[- ]haystack\b",
        ),
        (
            "reasoning",
            2,
            r"\breasoning\b|\b(?:contract|legal|document|policy|compliance|risk|due[- ]diligence) (?:review|analysis|checks?)\w*"
            r"|\breview\w* (?:of )?(?:our |the )?(?:contracts|legal documents|filings|policies)\b|\banaly[sz](?!ts?\b)\w*|\banalysis\b|\banalytic\w*|\b(?:hard|complex|difficult|tricky) (?:questions|problems|tasks|reasoning)\b"
            r"|\blogic(?:al)?\b|\bpuzzles?\b|\bproblem[- ]solving\b|\bresearch\b|\blegal\b(?! (?:says?|said|team|wants?|won'?t|requires?|needs|is|are|has|have|told|asked|signed|approved|department|dept|counsel|folks|people|okayed|blocked|vetoed|flagged|insists?)\b)|\bfinancial\b|\bscientific\b|\bscience\b"
            r"|\bmedical\b|\bdiagnos\w*|\bdecision[- ]making\b|\bstrateg\w*|\bthink(?:ing)? (?:hard|deeply)\b|\bdeep thinking\b"
            r"|\binsights?\b|\bdue diligence\b|\b(?<!check a )(?<!check our )(?<!check the )(?<!cost )(?<!budget )(?<!spend )forecast\w*",
        ),
        (
            "chat",
            2,
            r"\bchat(?:s|bots?|ting)?\b|\bsupport (?:bot|agent|assistant|chat|widget)s?\b|\bcustomer[- ](?:support|service|care|success)\b"
            r"|\bhelp ?desk\b|\bassistants?\b|\bcopilots?\b|\bfor (?:customer |user |tech |it )?support\b(?! (?:for|of)\b)|\b(?<!\d )(?<!\dk )(?<!\dm )conversation\w*|\brole[- ]?play\w*|\bcompanions?\b|\bfaq\b|\bvirtual agents?\b|\b(?:voice|phone) (?:agents?|assistants?|bots?)\b"
            r"|\btalk(?:ing)? (?:to|with) (?:users|customers)\b|\bdialog\w*|\bslack ?bots?\b|\bdiscord ?bots?\b|\bbots?\b|\bsmall talk\b",
        ),
        (
            "writing",
            1,
            r"\bwrit(?:e|es|ing|er|ten)\b(?!\s+(?:out\s+)?(?:at least|up to|over|more than|about|~)?\s*~?\d)|\bcreative\b|\bcopy ?writ\w*|\bcopy\b|\bblog\w*|\barticles?\b|\bessays?\b"
            r"|\bstor(?:y|ies)\b(?! short)|\bfiction\b|\bpoe(?:m|ms|try)\b|\bnovels?\b|\bmarketing\b|\bcontent (?:generation|creation)\b"
            r"|\brewrit\w*|\brephras\w*|\bparaphras\w*|\bproofread\w*|\bgrammar\b|\bdraft\w*|\bnewsletters?\b|\bsocial media\b"
            r"|\bslogans?\b|\bheadlines?\b|\bscripts\b|\bproduct descriptions\b|\bcover letters?\b|\bbrand voice\b|\bprose\b|\b(?:novel|book) chapters?\b",
        ),
        (  # the work is producing the text: "generating long reports" is writing, not reading a long document
            "writing",
            4,
            r"\b(?:generat\w*|writ(?:e|es|ing)|draft\w*|produc(?:e|es|ed|ing)|compos(?:e|es|ing)|churn\w* out) (?:\w+ ){0,2}?"
            r"(?:reports?|articles?|essays?|blog posts?|posts?|copy|content|stories|emails?|letters?|newsletters?|press releases?)\b"
            # the tool that produces it: "our sales email generator", "an ad copy writer"
            r"|\b(?:e-?mails?|copy|content|blog|posts?|newsletters?|ads?|captions?|descriptions?|letters?|replies) (?:generator|writer|drafter|assistant)s?\b"
            # the text named before the work: "legal text drafting", "contract drafting"
            r"|\b(?:text|contracts?|documents?|clauses?|memos?|briefs?|letters?|e-?mails?|policies|proposals?) (?:drafting|writing)\b"
            r"|\bdraft\w* (?:\w+ ){0,2}?(?:contracts?|clauses?|memos?|briefs?|proposals?|policies|agreements?)\b",
        ),
    )
)

# --- what the user optimises ("sort_by"); earlier entries win over later ones, speed/cost by position --

SORT_VALUE = fast(
    r"\bbest[- ]value\b|\bbetter value\b|\bgood value\b|\bgreat value\b|\bmost value\b|\bvalue for (?:the )?money\b|\bbang[- ]for[- ](?:the[- ]|your[- ]|my[- ]|our[- ])?bucks?\b"
    r"|\bbest bang\b|\bcost[- ]?effective\w*|\bprice[- ]?effective\w*|\b(?:cost|price)[- ]?efficien\w*|\bprice[- /]?(?:to[- ])?performance\b|\bperformance[- /]per[- ](?:dollar|\$)"
    r"|\bquality[- /]per[- ](?:dollar|\$)|\bquality[- /](?:to[- ])?(?:price|cost)\b|\bbest (?:price|cost)[- /](?:performance|quality)\b|\bbest deal\b"
    # the best that is not dear: "best at tool use without costing a fortune", "without breaking the bank"
    r"|\bwithout (?:costing (?:us |me )?(?:a fortune|an arm and a leg|too much|a lot)|breaking the bank)\b|\bnot (?:crazy|too|super) expensive\b"
    r"|\breasonably priced\b"
)
SORT_CONTEXT = fast(
    r"\b(?:biggest|largest|longest|most|max(?:imum)?|bigger|larger|longer|more|highest) context\b"
    r"|\b(?:biggest|largest|longest|bigger|larger|longer) (?:context )?windows?\b|\bmost tokens of context\b"
    r"|\b(?:by|on) context(?: length| size| window)?\b|\bcontext[- ]wise\b"
)
SORT_LATENCY = fast(
    r"\blow(?:est|er)?[- ]latency\b|\bless latency\b|\b(?:quick|fast)(?:est|er)?[- ]respond\w*|\brespond\w* (?:the )?(?:fastest|quickest)\b|\bleast latency\b|\bminimal latency\b|\bminimi[sz]e latency\b|\bbest latency\b|\blatency[- ](?:sensitive|critical)\b"
    r"|\bquick(?:est|er)?[- ](?:response|responses|reply|replies|answers?|to[- ]respond|to[- ]answer|to[- ]reply|first token|turnaround)\b"
    r"|\b(?:answers?|replies|reply|responds?) (?:the )?(?:quicker|faster|sooner|quickest|fastest)\b|\b(?:low(?:er|est)?|small(?:er|est)|short(?:er|est)|better) (?:ttft|time[- ]to[- ]first[- ]token)\b"
    r"|\bfast(?:est|er)? (?:response|responses|reply|replies|answers|first token|time to first token|to respond|turnaround)\b"
    r"|\b(?:lowest|fastest|shortest|best|quickest) (?:ttft|time[- ]to[- ]first[- ]token)\b"
    r"|\b(?:ttft|time[- ]to[- ]first[- ]token|first[- ]token (?:time|latency)|latency) (?:matters|counts|is what matters) most\b"
    r"|\brespond(?:s|ing)? (?:the )?(?:faster|fastest|fast|quick\w*|sooner)\b|\blatency (?:really )?(?:matters|is (?:key|important|critical|everything))\b|\breplies (?:faster|fastest)\b|\bsnappi\w*|\bsnappy\b"
    r"|\b(?:quick|fast|low|short|small)\w* (?:\w+ ){0,3}?(?:to|time to) first[- ]token\b|\bfirst[- ]token (?:\w+ ){0,2}?(?:fast|quick|sooner)\w*"
    r"|\bby latency\b|\breal[- ]?time\b|\binstant (?:response|responses|replies|answers)\b|\bmost responsive\b|\bstarts? (?:answering|responding|streaming) (?:fast|quick)\w*"
    # how soon the answer starts: "quicker to start answering", "starts replying sooner", "less lag"
    r"|\b(?:quick|fast|soon)(?:er|est)? to (?:start|begin|get going)\b|\bstarts? (?:answering|responding|replying|streaming|talking) (?:sooner|first|faster|quicker)\b"
    r"|\b(?:less|least|minimal|lower|lowest) lag\b|\blags? less\b|\bshort(?:er|est) wait\b"
    # latency as the topic of named models: "grok-4.6 vs grok-4.7 latency", "latency-wise", "in terms of latency"
    r"|\blatency\b(?<=¤ latency)|\bttft\b(?<=¤ ttft)|\blatency[- ]wise\b|\bin terms of latency\b|\b(?:on|for|wrt) latency\b"
)
SORT_SPEED = fast(
    r"\bfastest\b|\bfaster\b|\bquickest\b|\bspeediest\b|\b(?:high(?:er|est)?|more|better|best|max(?:imum)?)[- ](?:throughput|output speed|tokens? per second|tok/s)\b|\bhigh(?:er|est)? speed\b"
    r"|\bmost (?:tokens? per second|throughput)\b|\b(?:most|highest|max(?:imum)?|best|top) (?:output )?(?:tokens?|toks?)\s*(?:/|per)\s*(?:s|sec|second)\b"
    r"|\b(?:most|highest|max(?:imum)?|best|top) (?:tps|tok/s|t/s)\b|\bfast\b|\bspeed\b(?! (?:of|is)\b)|\bmaximi[sz]e (?:speed|throughput)\b"
    r"|\bblazing\b|\bquick(?= models?\b)|\bquicker\b|\bby (?:speed|throughput)\b|\btoo slow\b"
)
SORT_COST = fast(
    r"\bg(?:ü|ue)nstig\w*|\bbillig\w*|\bmoins cher\b|\bm[aá]s barato\b|\bpi[uù] economico\b"  # cheapest, in German, French, Spanish, Italian
    r"|\bcheap\w*|\blowest[- ](?:cost|price|pric\w+)\b|\bleast (?:expensive|costly)\b|\bless (?:expensive|costly)\b|\blow[- ]cost\b"
    r"|\binexpensive\b|\baffordabl\w*|\bbudget[- ]friendly\b|\b(?:eating|burning|blowing) (?:through )?(?:our |my |the )?budget\b|\btoo (?:expensive|pricey|costly)\b|\bon a (?:tight )?budget\b|\bminimi[sz]e (?:the )?(?:cost|spend|price|bill)s?\b"
    r"|\bsave (?:money|costs?)\b|\bcost[- ]?sensitive\b|\blowest (?:bill|spend)\b|\beconomical\b|\bcost[- ]saving\w*|\blowest[- ]priced\b"
    r"|\b(?:on|by|for) (?:price|cost)\b|\b(?:price|cost)[- ]wise\b|\bin terms of (?:price|cost)\b|\bpricing[- ]wise\b"
    r"|\b(?:at )?(?:a )?(?:lower|reduced) (?:cost|price|prices|bill|spend)\b|\bat a fraction of the (?:cost|price)\b"
    r"|\bcosts? less\b(?! than\b)|\bcosting less\b(?! than\b)|\bfor less\b|\bless money\b|\bcosts? (?:too|way too|so) much\b|\btoo (?:expensive|pricey|costly)\b|\bpricier than\b"
    # cost put first: "cost is the main thing", "price matters most", "mostly about the bill"
    r"|\b(?:cost|price|pricing|the bill|spend)(?:'s| is) (?:the |our |my )?(?:main|key|top|primary|biggest|number one|#1|only) (?:thing|concern|factor|priority|driver|criterion|issue)\b"
    r"|\b(?:cost|price|pricing) (?:first|comes first|matters most|is (?:what|all that) matters|above all|over quality)\b|\b(?:main|key|top|primary|biggest) (?:thing|concern|factor|priority) is (?:the )?(?:cost|price|pricing|budget)\b"
)
SORT_QUALITY = fast(
    r"\bbest\b|\bsmartest\b|\bsmarter\b|\bmost (?:accurate|capable|intelligent|powerful|advanced|reliable|precise|competent|clever)\b"
    r"|\bmore (?:accurate|capable|intelligent|powerful|reliable)\b|\bhighest[- ](?:quality|accuracy|scor\w*|rated|ranked)\b|\bstrongest\b"
    r"|\bstronger\b|\bbetter\b|\btop[- ](?:tier|notch|quality|performing|rated|ranked)\b|\bstate[- ]of[- ]the[- ]art\b|\bsota\b"
    r"|\bfrontier\b|\bhigh(?:er|est)?[- ]quality\b|\b(?:higher|improved) accuracy\b|\bgreatest\b|\bcleverest\b|\bhighest performing\b|\bmost intelligent\b"
    r"|\btop (?:models?|llms?|choices?|picks?|options?)\b|\bbest[- ]in[- ]class\b|\bbrightest\b"
    r"|\b(?:by|on|for) (?:quality|accuracy|intelligence)\b|\bquality[- ]wise\b"
    # quality put before money: "quality first, budget is secondary", "money is no object"
    r"|\b(?:quality|accuracy) (?:first|comes first|over (?:cost|price)|above all|matters most|is (?:the |our )?(?:top )?priority)\b"
    r"|\b(?:budget|cost|price|money)(?:'s| is) (?:secondary|no object|not (?:a|the) (?:concern|issue|constraint))\b"
    r"|\bmost (?:natural|human|realistic|lifelike|expressive|fluent)(?:[- ](?:sounding|looking))?\b"
)

# --- input modalities ---------------------------------------------------------------------------------

MODALITY_NOT_INPUT = fast(
    r"\b(?:generat\w*|creat(?:e|es|ed|ing)|mak(?:e|es|ing)|draw\w*|produc(?:e|es|ed|ing)|output\w*|render\w*) (?:an? |the )?(?:(?!and |or |plus |with )\w+ )?(?:images?|pictures?|photos?|videos?|audio|speech|voice)\b(?! inputs?\b)"
    r"|\b(?:images?|video|audio|speech|voice) (?:generation|gen|output|creation|synthesis)\b|\btext[- ]to[- ](?:image|video|speech|audio)\b|\btts\b|\bspeech[- ]to[- ]text\b|\bstt\b"
)
MODALITIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "image",
        fast(
            r"\bvision\b|\bimages?\b|\bimagery\b|\bscreenshots?\b|\bphotos?\b|\bpictures?\b|\bdiagrams?\b|\bcharts?\b|\bmulti-?modal\b"
            r"|\bvisual\b|\bscanned\b|\bscans\b|\bocr\b|\bvlms?\b|\bjpe?gs?\b|\bpngs?\b|\bfigures\b|\bhandwrit\w*|\bsee (?:images|pictures)\b"
        ),
    ),
    (
        "audio",
        fast(
            r"\baudio\b|\bspeech\b|\bvoice (?:input|notes?|messages?|memos?|calls?|recordings?|data|commands?)\b|\bspoken\b|\btranscrib\w*"
            r"|\btranscription\w*|\bpodcasts?\b|\bmp3s?\b|\bwav\b|(?<!screen )(?<!zoom )(?<!video )\b(?:audio |call |voice )?recordings?\b|\blisten\w*"
            # "sound" the noun, not the verb of how text reads: "so they sound less robotic", "sounds like a plan"
            r"|\bsound\b(?<!\bthey sound)(?<!\bit sound)(?<!\bthat sound)(?<!\bwould sound)(?<!\bto sound)(?! (?:like|less|more|too|so|very|natural|human|robotic|better"
            r"|worse|off|right|good|great|fine|professional|friendly|casual|formal|warm|smart|weird|clear)\b)"
        ),
    ),
    (
        "video",
        fast(r"\bvideos?\b|\bfootage\b|\bclips\b(?<!audio clips)(?<!sound clips)(?<!voice clips)|\bmovies?\b|\bmp4s?\b|\byoutube\b|\bscreen recordings?\b"),
    ),
    ("pdf", fast(r"\bpdfs?\b")),
)

# --- capabilities: a phrase after "for" names the task instead ------------------------------------------

CAPABILITIES: tuple[tuple[str, str | None, re.Pattern[str]], ...] = (
    # (capability, task it names after "for", pattern)
    (
        "tool_calling",
        "agents",
        fast(
            r"\btool[- ]?(?:calling|calls?|use|usage|support)\b|\bfunction[- ]?(?:calling|calls?)\b|\btools\b|\bfunction[- ]call(?:ing)? support\b"
        ),
    ),
    (
        "structured_output",
        "extraction",
        fast(
            r"\bjson[- ](?:mode|output|outputs|schemas?|responses?|format|support)\b|\bstructured[- ](?:outputs?|json|responses?|generation)\b"
            r"|\bresponse[_ ]format\b|\b(?:schema|json)[- ](?:adherence|following|constrained|compliance|validity)\b|\bconstrained decoding\b|\bjson\b(?= (?:models?|llms?)\b)"
            r"|(?<=with )json\b|(?<=supports )json\b|(?<=support )json\b|(?<=outputs )json\b|(?<=output )json\b|(?<=returns )json\b|(?<=return )json\b|(?<=valid )json\b"
            r"|\bstrict json\b|\b(?:returns?|outputs?|emits?|produces?|gives?) (?:back )?(?:strict |valid |clean )?json\b"
        ),
    ),
    (
        "reasoning",
        "reasoning",
        fast(
            r"\b(?:reasoning|thinking)\b(?![- ](?:tasks?|problems?|questions?|skills?|abilit\w+|benchmarks?|heavy)\b)|(?<=can )reason\b|(?<=that )reasons\b"
        ),
    ),
    (
        "open_weights",
        None,
        fast(
            r"\bopen[- ]?(?:source|weights?|sourced)\b|\bopen models?\b|\bopen llms?\b|\bself[- ]?host\w*|\bon[- ]?prem\w*"
            r"|\brun (?:it |them |models? )?(?:locally|offline|on (?:our|my) own)\b|\blocal(?:ly)?[- ](?:hosted|run|models?|llms?|deployment)\b"
            r"|\bdownloadable (?:weights|models?)\b|\bweights (?:are )?available\b|\boss (?:models?|llms?)\b|\bopen[- ]licen[sc]e\w*"
            r"|\bapache[- ]?2(?:\.0)?\b|\bpermissive(?:ly)? licen[sc]\w*|\bair[- ]?gapped\b|\bon[- ]device\b|\bon (?:the )?edge devices?\b|\bown (?:hardware|servers|gpus|infrastructure|infra)\b"
            r"|\bhost (?:it |them )?(?:ourselves|myself)\b|\bfine[- ]?tun\w* (?:it )?ourselves\b"
        ),
    ),
)
# words before a capability phrase that make it a filter ("with tool calling") or a task ("for tool calling")
CAP_FILTER_CUES = frozenset(
    {
        "with",
        "supports",
        "support",
        "supporting",
        "has",
        "have",
        "having",
        "that",
        "which",
        "can",
        "does",
        "do",
        "offers",
        "offering",
        "capable",
        "plus",
        "and",
        "needs",
        "need",
        "needing",
        "requires",
        "require",
        "requiring",
        "must",
        "includes",
        "including",
        "w/",
        "w",
        "without",
        "no",
        "native",
        "good",
        "strong",
        "reliable",
        "solid",
        "decent",
    }
)
CAP_TASK_CUES = frozenset({"for", "at", "on", "in", "doing", "handles", "handle", "handling", "to"})
CAP_FILTER_AFTER = fast(
    r"^\s*(?:ai\s+|language\s+|gen ?ai\s+)?(?:models?|llms?|mode|modes?|support\w*|capab\w+|enabled|capable|ability|abilities|features?|apis?|variants?|versions?|ones?|options?|picks?|choices?)\b"
    # a must said after the feature: "tool use is required", "json mode is a must"
    r"|^\s*(?:is|are|=)?\s*(?:required|needed|mandatory|necessary|essential|a must|must-have|non-negotiable|a hard requirement)\b"
)

# --- free models ---------------------------------------------------------------------------------------

FREE = fast(
    r"(?<![\w-])free(?![\w-])(?!\s+(?:form|text|of hallucinations|of charge for))(?<!feel free)|\bno[- ]cost\b|\bgratis\b|\bzero[- ]cost\b|\bcosts? nothing\b|\$0(?![.\d])"
)

# --- intents -----------------------------------------------------------------------------------------

ALTERNATIVE = fast(
    rf"\balternatives?\b|\balts? (?:to|for)\b|\binstead of\b|\breplac\w*|\bsubstitut\w*|\bswap(?:s|ping)?\b|\bswitch(?:ing)? (?:away )?from\b"
    rf"|\bmov(?:e|ing) (?:away )?(?:off|from)\b|\bmigrat\w* (?:off|away from|from)\b|\bsimilar to\b|\bcomparable to\b|\bequivalent (?:to|of)\b"
    rf"|\b(?:what(?:'s| is)|something|anything|what else is|whats) (?:\w+ )?(?:comparable|similar|equivalent)\b"
    rf"|\bsomething like\b|\blike {_M} but\b|\bcompetitors? (?:to|of|for)\b|\bdrop-?in\b|\bother than {_M}|\bbesides {_M}|\bapart from {_M}"
    rf"|\b(?:{COMPARATIVE}|snappier|(?:lower|less) latency|more context|(?:a )?(?:bigger|larger|longer) context)(?: [\w-]+){{0,2}} than {_M}"
    rf"|\b(?:something|anything|a model|one) with (?:an? )?(?:more|less|lower|higher|better) [\w/-]+(?: [\w/-]+)? than {_M}"  # "something with more tok/s than ¤"
    rf"|{_M}.{{0,80}}\b(?:need|want|looking for|find us) (?:something|a model|another (?:model|one)|an option) (?:that|which|to)\b"  # "... on ¤, need something that keeps us under $500"
    rf"|\b(?:{COMPARATIVE}|open[- ]?(?:source|weights?)|similar|comparable|good) (?:option|choice|pick|model|llm)s? (?:to|than|like|vs\.?)\s+{_M}"
    rf"|\bbeats? {_M}|\bmatch(?:es)? {_M}|\bas good as {_M}|\bon par with {_M}|\boutperform\w* {_M}|\bknock-?offs?\b"
)
ALTERNATIVE_STRONG = fast(r"\balternatives?\b|\breplacements?\b|\bsubstitutes?\b|\binstead of\b|\balts?\b(?= (?:to|for)\b)")
COMPARE = fast(
    rf"\bvs\.?\b|\bv\.?\s|\bversus\b|\bcompar\w*|\bdifferen\w*|\bdiffer\b|\bbetter\b|\bworse\b|\bupgrad\w*|\bdowngrad\w*"
    r"|\bworth\b|\bover\b|\bagainst\b|\bhead[- ]to[- ]head\b|\bwhich (?:is|one|of|would|should|will|do|does)\b|\bbetween\b"
    rf"|\b(?:{COMPARATIVE}|slower|more expensive|pricier)\b|\bor\b|\bswitch\w*|\bmove from\b|\bstacks? up\b"
)
COST = fast(
    r"\bcosts?\b|\bcosting\b|\bprice[sd]?\b|\bpricing\b|\bhow much (?:is|are|does|do|would|will|for|to|money|\$|it|per)\b|\bhow much\W*$"
    r"|\bspend\b|\bbill\w*|\bexpensive\b|\bpricey\b|\bcharge[sd]?\b|\bfees?\b|\brates?\b(?! limit)|\bpay\b|\bdollars?\b|\$|\btco\b"
    r"|\bper (?:million|1m|m|token|1k|thousand|mtok)\b|\bmonthly (?:cost|bill|spend)\b|\bwhat would (?:\w+ ){0,4}run\b|\bset me back\b"
    r"|\b(?:gonna|going to|would|will|might|does|do) (?:[\w¤.-]+ ){0,5}?run (?:us|me|you|the team)\b|'(?:d|ll) (?:[\w¤.-]+ ){0,5}?run (?:us|me|you|the team)\b"
)
INFO = fast(
    r"\bcontext\b|\bwindow\b|\bmax(?:imum)? output\b|\boutput (?:limit|length|tokens|size)\b|\bwhen\b|\breleased?\b|\bcome out\b"
    r"|\bcame out\b|\blaunch\w*|\bwho (?:offers|sells|hosts|serves|provides|has|makes|made)\b|\bwhere (?:can|to|is|do)\b|\bproviders?\b"
    r"|\bavailab\w*|\bhost\w*|\bsupports?\b|\bmodalit\w*|\bcutoff\b|\bknowledge\b|\bparameters?\b|\btell me about\b|\bspecs?\b"
    r"|\binfo\w*|\bdetails?\b|\blimits?\b|\blicen[sc]e\w*|\bdeprecat\w*|\bspeed\b|\blatency\b|\bhow (?:fast|good|smart|big|old|new)\b"
    r"|\bbenchmarks?\b|\bscores?\b|\bdoes\b|\bcan (?:it|i)\b|\btake[s]?\b|\baccepts?\b|\bread\b|\bhandles?\b|\bwhat is\b|\bwhat's\b"
)
LIST_STRONG = fast(
    r"\blist\b|\benumerate\b|\bshow (?:me )?(?:all|everything)\b|\beverything (?:under|below|with|that|from|on)\b|\bgive me all\b|\ball (?:the |of the )?(?:[\w-]+ ){0,3}(?:models|llms)\b|\bevery (?:[\w-]+ ){0,2}(?:models?|llms?)\b"
    r"|\bwhat are (?:all )?the (?:[\w-]+ ){0,2}models\b|\bhow many models\b"
)
LIST_WEAK = fast(
    r"^(?:\w+ ){0,2}(?:which|what|show|give|any|are there|do you have|find|get)\b.*\b(?:models|llms)\b|^(?:\w+ ){0,2}(?:models|llms)\b"
    r"|\bwhat(?:'s| is| are)? (?:all )?(?:the )?(?:options|available|on offer|offered|there)\s+(?:on|in|at|from|via|through)\b"
    r"|\bmodels (?:that|which|with|under|below|supporting|from|on|available|offering|having|able|capable)\b|\bany (?:models?|llms?)\b|\bare there (?:any )?(?:models?|llms?)\b"
    r"|^[\w\s+&,/-]{0,60}[+&,/]\s*[\w\s-]{0,30}\b(?:models|llms)\W*$"  # "open weights + tool calling models": filters only
    r"|[:;.!?]\s+(?:which|what) (?:[\w-]+ ){0,2}(?:models|llms) (?:can|could|are|do)\b"  # "AU data residency: which claude models can we use"
)
RECOMMEND = fast(
    r"\bshould (?:i|we) (?:use|pick|choose|go with|try)\b|\brecommend\w*|\bsuggest\w*|\bwhich (?:model|llm|one|ai|provider|api)\b"
    r"|\bwhat (?:model|llm|ai|api)\b|\bgood (?:model|llm|choice|option|pick)s?\b|\bneed an? (?:model|llm)\b|\blooking for\b"
    r"|\bpick\b|\bchoose\b|\bgo[- ]to\b|\bwhat to use\b|\bwhich to use\b|\bmodel for\b|\bllm for\b|\bmodels for\b|\bwhat (?:do|would) you (?:use|recommend)\b"
    r"|\bwhat'?s (?:the )?(?:best|cheapest|fastest|smartest|good)\b|\bwhat(?:'s| is) an? (?:good|decent|solid|great|reliable)\b|\bhelp me (?:pick|choose|decide|find)\b|\boptions? for\b"
)
DOMAIN = fast(
    r"\bmodels?\b|\bllms?\b|\bai\b|\bapis?\b|\bgpts?\b|\btokens?\b|\bprovider\w*|\binference\b|\bprompts?\b|\bembedding\w*"
    r"|\bcontext window\b|\blanguage models?\b|\bgen ?ai\b|\bfoundation models?\b|\bchatbots?\b|\bweights\b|\bopen[- ]source\b"
    + rf"|{_M}"
)
OFF_TOPIC_COMMAND = fast(
    r"^(?:please\s+|can you\s+|could you\s+)?(?:write|translate|summari[sz]e|tell me a|explain|generate|draft|compose|rewrite|fix|"
    r"solve|calculate|create|make me|give me a (?:joke|poem|story|recipe)|sing|play|book|order|remind|proofread|edit|review|check|convert|debug"
    r"|refactor|analy[sz]e|format|reformat|clean up|shorten|expand|paraphrase|rephrase|reword|polish|grade|classify|tag|extract|parse|implement"
    r"|build me|find me a (?!model|llm)|look up|search for|google|send|email|message|ping|schedule|draw|sketch|design)\b"
    # "recommend a good anime", "suggest some podcasts": a thing to enjoy or buy, not a model
    r"|^(?:can you\s+|could you\s+|pls\s+|please\s+)?(?:recommend|suggest)\s+(?:me\s+)?(?:a|an|some|any)\s+(?:good\s+|great\s+|nice\s+|fun\s+)?"
    r"(?:anime|movies?|films?|books?|novels?|shows?|series|podcasts?|songs?|music|albums?|games?|restaurants?|recipes?|places?|hotels?|"
    r"laptops?|phones?|headphones?|keyboards?|monitors?|chairs?|desks?|coffee|beers?|wines?|gifts?|names?)\b"
)
