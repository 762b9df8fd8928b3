/* cues.c - words that attribute speech, and the words around them.
 *
 * Hand-written (not generated): the speech verbs of English news in every
 * inflection, as folded (lower-case) forms, so a token's fold hash finds
 * them without stemming.  The list began with the cue verbs most frequent
 * in attribution corpora (said, says, told, according to, wrote, added,
 * asked ...) and grew by reading the misses of eval/quotes.sh on the
 * PolNeAR train split.
 *
 *   CUE       reports speech on its own: "X said the plan failed".
 *   CUE_WEAK  reports speech only before a quotation or "that":
 *             "called it a "disaster"", "believes that ...".
 *   PRONOUN   a pronoun that can be a speaker; gender 1 he, 2 she, 3 they,
 *             4 first person.
 *   TITLE     a noun that names a speaker by role: "a spokesman said".
 *   NOT_SPEAKER  a word that never heads a speaker.
 */
#include "quote.h"

#define C PX__CW_CUE
#define W PX__CW_CUE_WEAK
#define P PX__CW_PRONOUN
#define T PX__CW_TITLE
#define N PX__CW_NOT_SPEAKER

const px__cueword px__cuewords[] = {
    /* speech verbs */
    {"say", C, 0}, {"says", C, 0}, {"said", C, 0}, {"saying", C, 0},
    {"tell", C, 0}, {"tells", C, 0}, {"told", C, 0}, {"telling", C, 0},
    {"add", C, 0}, {"adds", C, 0}, {"added", C, 0}, {"adding", C, 0},
    {"states", C, 0}, {"stated", C, 0}, {"stating", C, 0},
    {"respond", C, 0}, {"responds", C, 0}, {"responded", C, 0}, {"responding", C, 0},
    {"reply", C, 0}, {"replies", C, 0}, {"replied", C, 0}, {"replying", C, 0},
    {"answer", W, 0}, {"answers", C, 0}, {"answered", C, 0},
    {"warn", C, 0}, {"warns", C, 0}, {"warned", C, 0}, {"warning", W, 0},
    {"claim", W, 0}, {"claims", C, 0}, {"claimed", C, 0}, {"claiming", C, 0},
    {"insist", C, 0}, {"insists", C, 0}, {"insisted", C, 0}, {"insisting", C, 0},
    {"note", W, 0}, {"notes", C, 0}, {"noted", C, 0}, {"noting", C, 0},
    {"write", C, 0}, {"writes", C, 0}, {"wrote", C, 0}, {"writing", W, 0}, {"written", W, 0},
    {"tweet", W, 0}, {"tweets", C, 0}, {"tweeted", C, 0}, {"tweeting", C, 0},
    {"posted", W, 0}, {"posts", W, 0},
    {"ask", C, 0}, {"asks", C, 0}, {"asked", C, 0}, {"asking", C, 0},
    {"explain", C, 0}, {"explains", C, 0}, {"explained", C, 0}, {"explaining", C, 0},
    {"argue", C, 0}, {"argues", C, 0}, {"argued", C, 0}, {"arguing", C, 0},
    {"announce", C, 0}, {"announces", C, 0}, {"announced", C, 0}, {"announcing", C, 0},
    {"declare", C, 0}, {"declares", C, 0}, {"declared", C, 0}, {"declaring", C, 0},
    {"acknowledge", C, 0}, {"acknowledges", C, 0}, {"acknowledged", C, 0}, {"acknowledging", C, 0},
    {"admit", C, 0}, {"admits", C, 0}, {"admitted", C, 0}, {"admitting", C, 0},
    {"assert", C, 0}, {"asserts", C, 0}, {"asserted", C, 0}, {"asserting", C, 0},
    {"conclude", W, 0}, {"concludes", C, 0}, {"concluded", C, 0},
    {"confirm", C, 0}, {"confirms", C, 0}, {"confirmed", C, 0}, {"confirming", C, 0},
    {"contend", C, 0}, {"contends", C, 0}, {"contended", C, 0},
    {"countered", C, 0}, {"counters", W, 0},
    {"deny", C, 0}, {"denies", C, 0}, {"denied", C, 0}, {"denying", C, 0},
    {"emphasize", C, 0}, {"emphasizes", C, 0}, {"emphasized", C, 0}, {"emphasised", C, 0},
    {"exclaimed", C, 0}, {"mention", W, 0}, {"mentioned", C, 0},
    {"observe", W, 0}, {"observed", C, 0}, {"observes", C, 0},
    {"predict", C, 0}, {"predicts", C, 0}, {"predicted", C, 0}, {"predicting", C, 0},
    {"promise", W, 0}, {"promised", C, 0}, {"promises", W, 0}, {"promising", W, 0},
    {"recall", C, 0}, {"recalls", C, 0}, {"recalled", C, 0}, {"recalling", C, 0},
    {"remark", W, 0}, {"remarked", C, 0}, {"remarks", W, 0},
    {"report", W, 0}, {"reports", C, 0}, {"reported", C, 0}, {"reporting", W, 0},
    {"reiterate", C, 0}, {"reiterated", C, 0}, {"reiterates", C, 0},
    {"shout", C, 0}, {"shouted", C, 0}, {"shouting", W, 0}, {"yelled", C, 0}, {"screamed", C, 0},
    {"suggest", C, 0}, {"suggests", C, 0}, {"suggested", C, 0}, {"suggesting", C, 0},
    {"testify", C, 0}, {"testified", C, 0}, {"testifies", C, 0},
    {"vow", C, 0}, {"vows", C, 0}, {"vowed", C, 0}, {"vowing", C, 0},
    {"wonder", W, 0}, {"wondered", C, 0}, {"wonders", C, 0},
    {"boast", C, 0}, {"boasted", C, 0}, {"boasts", C, 0},
    {"complain", C, 0}, {"complained", C, 0}, {"complains", C, 0}, {"complaining", C, 0},
    {"joke", W, 0}, {"joked", C, 0}, {"jokes", W, 0}, {"quipped", C, 0}, {"mused", C, 0},
    {"stress", W, 0}, {"stressed", C, 0}, {"stresses", C, 0},
    {"urge", C, 0}, {"urged", C, 0}, {"urges", C, 0}, {"urging", C, 0},
    {"cautioned", C, 0}, {"cautions", C, 0}, {"conceded", C, 0}, {"concedes", C, 0},
    {"demanded", C, 0}, {"demands", W, 0}, {"disclosed", C, 0},
    {"maintained", C, 0}, {"maintains", C, 0}, {"objected", C, 0},
    {"pledge", W, 0}, {"pledging", W, 0}, {"pledged", C, 0}, {"pledges", C, 0}, {"proclaimed", C, 0}, {"proclaims", W, 0}, {"likened", W, 0}, {"likens", W, 0}, {"compared", W, 0}, {"compares", W, 0}, {"ruled", W, 0},
    {"protested", C, 0}, {"retorted", C, 0}, {"revealed", C, 0}, {"reveals", C, 0},
    {"snapped", C, 0}, {"scolds", W, 0}, {"speculated", C, 0}, {"whispered", C, 0}, {"murmured", C, 0},
    {"alleged", C, 0}, {"alleges", C, 0}, {"allege", C, 0},
    {"commented", C, 0}, {"comments", W, 0}, {"confided", C, 0},
    {"advised", W, 0}, {"informed", W, 0}, {"assured", C, 0}, {"assures", C, 0},
    {"charged", W, 0}, {"charges", W, 0}, {"agreed", W, 0}, {"agrees", W, 0},
    {"continued", W, 0}, {"continues", W, 0}, {"went", W, 0}, {"pointed", W, 0},
    {"explain", C, 0}, {"thundered", C, 0}, {"opined", C, 0}, {"lamented", C, 0},
    {"blasted", W, 0}, {"slammed", W, 0}, {"touted", W, 0}, {"hailed", W, 0},
    {"recounted", C, 0}, {"recounts", C, 0}, {"relayed", C, 0}, {"wrote", C, 0},
    {"posited", C, 0}, {"confessed", C, 0}, {"echoed", C, 0},
    {"conceded", C, 0}, {"explained", C, 0}, {"offered", W, 0}, {"interjected", C, 0},
    {"chimed", W, 0}, {"wrote", C, 0}, {"recalled", C, 0}, {"mocked", W, 0}, {"predicts", C, 0}, {"projected", W, 0}, {"estimated", W, 0},
    {"estimates", W, 0}, {"found", W, 0}, {"finds", W, 0}, {"showed", W, 0}, {"shows", W, 0},
    {"indicated", W, 0}, {"indicates", W, 0}, {"signaled", W, 0}, {"signalled", W, 0},
    {"quoted", W, 0}, {"quote", W, 0}, {"quoting", W, 0}, {"citing", W, 0}, {"cited", W, 0},
    /* manner of speaking, from the misses of the PolNeAR train split */
    {"barked", C, 0}, {"exhorted", C, 0}, {"remembered", W, 0}, {"cracked", W, 0},
    {"mocks", W, 0}, {"scoffed", C, 0}, {"sniped", C, 0}, {"fumed", C, 0},
    {"gushed", C, 0}, {"vented", C, 0}, {"griped", C, 0}, {"pleaded", C, 0},
    {"bragged", C, 0}, {"marveled", C, 0}, {"ranted", C, 0}, {"sneered", C, 0},
    {"teased", W, 0}, {"scolded", W, 0}, {"chided", W, 0}, {"sighed", C, 0},
    {"grumbled", C, 0}, {"muttered", C, 0}, {"raged", C, 0}, {"roared", C, 0},
    {"pressed", W, 0}, {"lectured", W, 0}, {"intoned", C, 0}, {"mused", C, 0},
    {"reacted", C, 0}, {"demurred", C, 0}, {"quip", W, 0}, {"quips", C, 0},
    {"puts", W, 0}, {"put", W, 0},
    {"elaborated", C, 0}, {"elaborates", C, 0}, {"surmised", C, 0}, {"riffed", C, 0},
    {"affirmed", C, 0}, {"affirms", C, 0}, {"yelled", C, 0}, {"yelling", C, 0}, {"yells", C, 0},
    {"screaming", W, 0}, {"screams", C, 0}, {"recommended", W, 0},
    /* verbs that report speech or thought only before a quote or "that" */
    {"call", W, 0}, {"calls", W, 0}, {"called", W, 0}, {"calling", W, 0},
    {"describe", W, 0}, {"describes", W, 0}, {"described", W, 0}, {"describing", W, 0},
    {"think", W, 0}, {"thinks", W, 0}, {"thought", W, 0},
    {"believe", W, 0}, {"believes", W, 0}, {"believed", W, 0},
    {"feel", W, 0}, {"feels", W, 0}, {"felt", W, 0},
    {"hope", W, 0}, {"hopes", W, 0}, {"hoped", W, 0},
    {"fear", W, 0}, {"fears", W, 0}, {"feared", W, 0},
    {"blame", W, 0}, {"blamed", W, 0}, {"blames", W, 0},
    {"accuse", W, 0}, {"accused", W, 0}, {"accuses", W, 0}, {"accusing", W, 0},
    {"praise", W, 0}, {"praised", W, 0}, {"praises", W, 0}, {"praising", W, 0},
    {"criticize", W, 0}, {"criticized", W, 0}, {"criticizes", W, 0}, {"criticised", W, 0},
    {"dismissed", W, 0}, {"dismisses", W, 0}, {"labeled", W, 0}, {"labelled", W, 0},
    {"branded", W, 0}, {"dubbed", W, 0}, {"deemed", W, 0}, {"termed", W, 0},
    {"know", W, 0}, {"knows", W, 0}, {"knew", W, 0}, {"expect", W, 0}, {"expects", W, 0},
    {"expected", W, 0}, {"worry", W, 0}, {"worries", W, 0}, {"worried", W, 0},
    {"promise", W, 0}, {"decried", W, 0}, {"denounced", W, 0}, {"condemned", W, 0},
    {"vowed", C, 0}, {"insisted", C, 0}, {"acknowledged", C, 0}, {"mocked", W, 0},
    {"referred", W, 0}, {"refers", W, 0}, {"characterized", W, 0}, {"characterizes", W, 0},
    {"urged", C, 0}, {"questioned", W, 0}, {"questions", W, 0}, {"wants", W, 0},
    {"wanted", W, 0}, {"argued", C, 0}, {"urging", C, 0}, {"read", W, 0}, {"reads", W, 0},
    /* other forms of the verbs above, and verbs of praise, blame and
     * thanks that carry a quote ("thanked him for "stepping up"") */
    {"blasting", W, 0}, {"blasts", W, 0}, {"slamming", W, 0}, {"slams", W, 0},
    {"touting", W, 0}, {"touts", W, 0}, {"hailing", W, 0}, {"hails", W, 0},
    {"mocking", W, 0}, {"labeling", W, 0}, {"labelling", W, 0}, {"labels", W, 0},
    {"branding", W, 0}, {"brands", W, 0}, {"dubbing", W, 0}, {"dubs", W, 0},
    {"terming", W, 0}, {"terms", W, 0}, {"dismissing", W, 0}, {"decrying", W, 0},
    /* lyrics and chants: "the band sang, "..."" */
    {"sings", W, 0}, {"sang", W, 0}, {"sing", W, 0},
    {"decries", W, 0}, {"denouncing", W, 0}, {"denounces", W, 0}, {"condemning", W, 0},
    {"condemns", W, 0}, {"characterizing", W, 0}, {"referring", W, 0},
    {"thank", W, 0}, {"thanked", W, 0}, {"thanks", W, 0}, {"thanking", W, 0},
    {"lauded", W, 0}, {"lauds", W, 0}, {"applauded", W, 0}, {"applauds", W, 0},
    {"welcomed", W, 0}, {"welcomes", W, 0}, {"derided", W, 0}, {"derides", W, 0},
    {"ridiculed", W, 0}, {"insulted", W, 0}, {"groused", C, 0}, {"pondered", C, 0},
    {"beamed", C, 0}, {"anticipated", W, 0}, {"projects", W, 0}, {"chanted", W, 0},
    {"chanting", W, 0}, {"chant", W, 0}, {"cheered", W, 0}, {"defended", W, 0},
    {"defends", W, 0}, {"defending", W, 0}, {"attacked", W, 0}, {"attacks", W, 0},
    {"attacking", W, 0}, {"faulted", W, 0}, {"faults", W, 0}, {"credited", W, 0},
    {"credits", W, 0},
    {"according", C, 0}, /* only as "according to" */
    /* pronouns */
    {"he", P, 1}, {"she", P, 2}, {"they", P, 3}, {"we", P, 4}, {"i", P, 4},
    {"it", P | N, 3}, {"you", P, 4},
    /* and their contractions, which open a clause as they do ("suggesting
     * he'd received a briefing") but do not speak */
    {"he'd", P | N, 1}, {"he's", P | N, 1}, {"he'll", P | N, 1}, {"she'd", P | N, 2}, {"she's", P | N, 2},
    {"she'll", P | N, 2}, {"they'd", P | N, 3}, {"they're", P | N, 3}, {"they'll", P | N, 3},
    {"they've", P | N, 3}, {"we'd", P | N, 4}, {"we're", P | N, 4}, {"we'll", P | N, 4}, {"we've", P | N, 4},
    {"i'm", P | N, 4}, {"i'd", P | N, 4}, {"i'll", P | N, 4}, {"i've", P | N, 4}, {"you're", P | N, 4},
    {"you'd", P | N, 4}, {"you'll", P | N, 4}, {"you've", P | N, 4},
    /* speakers named by role */
    {"spokesman", T, 1}, {"spokeswoman", T, 2}, {"spokesperson", T, 0},
    {"official", T, 0}, {"officials", T, 3}, {"source", T, 0}, {"sources", T, 3},
    {"aide", T, 0}, {"aides", T, 3}, {"president", T, 0}, {"minister", T, 0},
    {"secretary", T, 0}, {"senator", T, 0}, {"governor", T, 0}, {"ambassador", T, 0},
    {"adviser", T, 0}, {"advisor", T, 0}, {"analyst", T, 0}, {"analysts", T, 3},
    {"expert", T, 0}, {"experts", T, 3}, {"police", T, 3}, {"statement", T, 3},
    {"lawyer", T, 0}, {"attorney", T, 0}, {"director", T, 0}, {"chairman", T, 1},
    {"leader", T, 0}, {"mayor", T, 0}, {"commander", T, 0}, {"diplomat", T, 0},
    {"professor", T, 0}, {"witness", T, 0}, {"witnesses", T, 3}, {"campaign", T, 3},
    {"candidate", T, 0}, {"strategist", T, 0}, {"representative", T, 0},
    {"report", T, 3}, {"poll", T, 3}, {"survey", T, 3}, {"study", T, 3},
    {"people", T, 3}, {"voters", T, 3}, {"supporters", T, 3}, {"critics", T, 3},
    {"chief", T, 0}, {"manager", T, 0}, {"founder", T, 0}, {"executive", T, 0},
    {"organizer", T, 0}, {"activist", T, 0}, {"activists", T, 3}, {"resident", T, 0},
    {"residents", T, 3}, {"member", T, 0}, {"members", T, 3}, {"group", T, 3},
    {"administration", T, 3}, {"government", T, 3}, {"ministry", T, 3}, {"agency", T, 3},
    {"department", T, 3}, {"office", T, 3}, {"committee", T, 3}, {"company", T, 3},
    {"year-old", T, 0}, /* "the 43-year-old asked" */
    {"man", T, 1}, {"woman", T, 2}, {"mother", T, 2}, {"father", T, 1},
    {"wife", T, 2}, {"husband", T, 1}, {"son", T, 1}, {"daughter", T, 2},
    /* "the Brown family said": the family speaks, not the Brown named before */
    {"family", T, 3}, {"families", T, 3}, {"parents", T, 3}, {"relatives", T, 3},
    /* things that speak for someone */
    {"email", T, 3}, {"letter", T, 3}, {"tweet", T, 3}, {"release", T, 3},
    {"website", T, 3}, {"article", T, 3}, {"editorial", T, 3}, {"ad", T, 3},
    {"memo", T, 3}, {"message", T, 3}, {"post", T, 3}, {"book", T, 3},
    {"filing", T, 3}, {"lawsuit", T, 3}, {"complaint", T, 3}, {"document", T, 3},
    {"ruling", T, 3}, {"video", T, 3}, {"sign", T, 3}, {"banner", T, 3},
    {"spokesmen", T, 3}, {"officer", T, 0}, {"officers", T, 3}, {"reporter", T, 0},
    {"reporters", T, 3}, {"judge", T, 0}, {"lawmakers", T, 3}, {"lawmaker", T, 0},
    {"economist", T, 0}, {"economists", T, 3}, {"pollster", T, 0}, {"chairwoman", T, 2},
    {"congressman", T, 1}, {"congresswoman", T, 2}, {"sen", T, 0}, {"rep", T, 0},
    {"gov", T, 0}, {"nominee", T, 0}, {"donor", T, 0}, {"donors", T, 3},
    /* never a speaker */
    {"this", N, 0}, {"that", N, 0}, {"there", N, 0}, {"which", N, 0},
    {"what", N, 0}, {"who", N, 0}, {"these", N, 0}, {"those", N, 0}, {"one", N, 0},
};

const size_t px__cueword_count = sizeof px__cuewords / sizeof px__cuewords[0];

#undef C
#undef W
#undef P
#undef T
#undef N
