/* entity.c - named entities: candidates, types, merging, keys.
 *
 * 1. Candidates.  A run of capitalized word tokens in one sentence, joined
 *    by name connectors ("Bank of America", "Osama bin Laden", initials
 *    "George W. Bush", "Procter & Gamble"), is a candidate name.  Leading
 *    stopwords and a sentence-initial common word ("However", "Officials")
 *    are dropped; a run that is only a demonym ("Russian"), a group
 *    ("Democrats"), a month or a day is no name.  A title or role inside
 *    the run ("Russian President", "Prime Minister", "Mr.") is split off
 *    and remembered as the role the text gives that person.
 * 2. Types.  Votes from the phrase gazetteer, titles and roles, name heads
 *    ("Inc.", "University", "River"), first names, single-word gazetteer
 *    entries and context ("in X", "X said", acronyms), summed over the
 *    mentions of an entity.
 * 3. Merging.  Mentions with the same key are one entity; a one-word
 *    mention ("Putin", "Kim") joins the nearest person whose name starts or
 *    ends with it; an acronym joins the name it abbreviates; "the Russian
 *    president" joins the person the text introduced with that role, by
 *    title ("Russian President Vladimir Putin"), by a preceding role
 *    ("North Korean leader Kim Jong-un") or by apposition ("Putin, the
 *    Russian president,").
 * 4. Keys.  Folded, hyphens and spaces unified, periods and apostrophes
 *    dropped, and mapped through the variant table, so "Kim Jong-Un",
 *    "Kim Jong Un" and "kim jong-un" all give "kim jong un".
 */
#include "entity.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------ word lists */

enum {
  W_TITLE = 1u << 0,     /* title before a name: President, Sen., Mr. */
  W_ROLE = 1u << 1,      /* role noun: leader, spokesman, minister */
  W_TMOD = 1u << 2,      /* modifies a title: prime, vice, foreign, former */
  W_CONNECT = 1u << 3,   /* inside names: of, de, van, bin */
  W_ORGHEAD = 1u << 4,   /* last word of organization names: University, Party */
  W_PLACEHEAD = 1u << 5, /* last word of place names: River, County */
  W_ORGSFX = 1u << 6,    /* Inc, Corp, Ltd */
  W_PERSFX = 1u << 7,    /* Jr, Sr, III */
  W_NONENT = 1u << 8,    /* months, days, "I": capitalized but no name */
  W_SAID = 1u << 9,      /* said, says, told */
  W_PLACEPREP = 1u << 10, /* in, near, across */
  W_GAZ_P = 1u << 11,
  W_GAZ_L = 1u << 12,
  W_GAZ_O = 1u << 13,
  W_FIRST = 1u << 14,    /* a first name */
  W_DEMONYM = 1u << 15,  /* Russian, American, Democrat */
  W_COMMON = 1u << 16,   /* a common lower-case word */
  W_HONOR = 1u << 17,    /* Mr, Mrs, Dr: a title that is no role */
  W_HYPHSFX = 1u << 18,  /* "Kremlin-backed", "Trump-era": not part of the name */
  W_HYPHPFX = 1u << 19,  /* "anti-Trump", "ex-President": not part of the name */
  W_NAMEPFX = 1u << 20,  /* "al-Assad", "bin-Salman": part of the name */
};

static const char k_titles[] =
    "president,vice-president,president-elect,mr,mrs,ms,miss,mx,dr,sen,senator,rep,"
    "representative,gov,governor,gen,general,col,colonel,lt,lieutenant,sgt,sergeant,adm,"
    "admiral,capt,captain,cmdr,commander,judge,justice,secretary,minister,chancellor,king,"
    "queen,prince,princess,pope,rev,reverend,sir,dame,lord,mayor,chairman,chairwoman,"
    "chairperson,chair,ambassador,amb,ag,commissioner,speaker,sheikh,ayatollah,emir,premier,prof,"
    "professor,pres,sheriff,detective,det,officer,cpl,corporal,pvt,private,sultan,prosecutor,"
    "coach,bishop,cardinal,rabbi,imam,archbishop,director,ceo,cfo,leader,spokesman,"
    "spokeswoman,spokesperson,envoy,congressman,congresswoman,councilman,councilwoman,"
    "assemblyman,assemblywoman,lawmaker,gens,sens,reps,msgr,fr,atty,supt,insp,maj,brig,"
    "marshal,chief,executive,founder,administrator,superintendent,counsel,attorney,"
    "treasurer,comptroller,deputy,state's,baroness,baron,duke,duchess,earl,countess,viscount,"
    "lady,councilor,councillor,alderman,senators,sens,representatives,reps,governors,"
    "presidents,ministers,generals,gens,judges,justices,messrs,mmes,drs,profs,sheikha,"
    "crown-prince,archduke,tsar,czar,shah,chancellor,vice-chancellor,provost,rector,"
    "principal,superintendent,inspector,constable,trooper,agent,pastor,father,sister,brother,"
    /* titles written with hyphens: "Chief-of-Staff John Kelly",
     * "Editor-in-Chief Neha Madhira" (not "A.G.", which is as often
     * initials: "A.G. Sulzberger") */
    "chief-of-staff,commander-in-chief,editor-in-chief,attorney-general";
static const char k_honor[] = "mr,mrs,ms,miss,mx,dr,sir,dame,lord,msgr,fr,rev,reverend,prof";
static const char k_roles[] =
    "leader,president,minister,spokesman,spokeswoman,spokesperson,secretary,chancellor,premier,"
    "governor,senator,congressman,congresswoman,lawmaker,mayor,ambassador,envoy,general,"
    "commander,chief,director,chairman,chairwoman,ceo,king,queen,prince,pope,dictator,"
    "strongman,founder,candidate,nominee,adviser,advisor,aide,attorney,lawyer,judge,justice,"
    "prosecutor,coach,rapper,singer,actor,actress,author,economist,activist,official,head,"
    "owner,star,officer,sheriff,counsel,billionaire,businessman,businesswoman,investor,"
    "journalist,reporter,editor,columnist,host,anchor,commentator,president-elect,monarch,"
    "emperor,cleric,spokesperson,representative,delegate,negotiator,chairperson,executive,"
    "manager,analyst,professor,scientist,researcher,director-general,secretary-general,"
    "commissioner,speaker,lieutenant,colonel,captain,sergeant,major,admiral,writer,"
    "filmmaker,director,producer,comedian,entrepreneur,tycoon,mogul,magnate,minister,boss";
static const char k_tmod[] =
    "prime,vice,deputy,foreign,defense,defence,former,acting,chief,senior,first,supreme,"
    "crown,grand,majority,minority,interior,finance,health,education,energy,trade,justice,"
    "press,executive,general,attorney,assistant,associate,national,security,state,district,"
    "county,house,senate,white,top,then,late,new,incoming,outgoing,opposition,party,"
    "secretary,under,undersecretary,managing,presidential,special,homeland,treasury";
static const char k_connect[] =
    "of,de,da,del,della,di,do,dos,das,du,van,von,der,den,ter,bin,ibn,al,el,la,le,abu,y,"
    "al-,el-,st,&,for,and";
static const char k_orghead[] =
    "inc,corp,corporation,co,company,ltd,llc,plc,group,party,ministry,department,agency,"
    "council,committee,commission,university,college,institute,foundation,fund,union,"
    "organization,organisation,court,congress,senate,parliament,assembly,administration,"
    "office,bureau,service,services,police,army,navy,forces,force,corps,airlines,airways,"
    "times,post,journal,news,network,press,club,federation,alliance,coalition,authority,"
    "board,reserve,center,centre,centers,church,hospital,guard,campaign,bank,association,society,"
    "chamber,"
    "league,academy,museum,industries,holdings,partners,capital,motors,technologies,systems,"
    "labs,laboratories,media,broadcasting,television,radio,magazine,gazette,herald,tribune,"
    "telegraph,review,monitor,institution,team,brigade,battalion,command,cabinet,caucus,"
    "movement,front,brotherhood,corporation,enterprises,international,worldwide,trust,"
    "school,schools,network,channel,studios,records,pharmaceuticals,energy,oil,bancorp,"
    "exchange,commission,tribunal,directorate,secretariat,government,regime,senate,house,"
    "inc.,corp.,co.,ltd.,llc.,cia,fbi,nsa,nasa,fcc,sec,ftc,epa,fda,cdc,irs,nato,opec";
static const char k_placehead[] =
    "city,county,province,river,island,islands,mountain,mountains,lake,street,avenue,road,"
    "square,valley,sea,ocean,bay,gulf,peninsula,strait,region,district,park,beach,canyon,"
    "coast,desert,airport,bridge,village,heights,hills,harbor,harbour,falls,forest,"
    "prefecture,oblast,governorate,territory,territories,borough,township,parish,canal,"
    "plaza,boulevard,highway,border,basin,plain,plains,sound,channel,cape,reef,glacier";
static const char k_orgsfx[] = "inc,corp,ltd,llc,plc,co,gmbh,ag,sa,nv,bv,lp,llp,inc.,corp.,ltd.";
static const char k_persfx[] = "jr,sr,ii,iii,iv,jr.,sr.";
static const char k_nonent[] =
    "january,february,april,june,july,september,october,november,december,monday,tuesday,"
    "wednesday,thursday,friday,saturday,sunday,i,i'm,i've,i'd,i'll,mon,tue,tues,wed,thu,"
    "thur,thurs,fri,sat,sun,jan,feb,apr,jun,jul,aug,sep,sept,oct,nov,dec,ok,tv,am,pm,a.m,"
    "p.m,mph,covid,covid-19,coronavirus,internet,web,ad,bc,op-ed,christmas,easter,"
    /* time zones of update stamps ("Update, 4:15 p.m. ET: ...") */
    "et,est,edt,pst,pdt,cst,cdt,gmt,utc,"
    "thanksgiving,ramadan,hanukkah,yes,no,oh,dear,hi,hello,thanks,please,okay,lol,via,"
    "english,french,spanish,arabic,mandarin,ps,nb,etc,also,related,read,more,advertisement,"
    "photo,video,watch,click,share,subscribe,sign,update,updated,editor's,note,breaking,"
    /* words that open sentences and never name anything */
    "although,though,despite,whoever,whatever,whenever,wherever,however,meanwhile,similarly,"
    "moreover,furthermore,nevertheless,nonetheless,instead,indeed,still,yet,thus,hence,"
    "therefore,otherwise,perhaps,maybe,already,even,unlike,like,after,before,since,until,"
    "unless,whether,while,during,without,within,among,amid,amidst,between,against,toward,"
    "towards,upon,onto,per,let,let's,well,sure,thank,here,there,now,today,tonight,tomorrow,"
    "yesterday,recently,currently,ultimately,finally,eventually,initially,originally,overall,"
    "together,according,regardless,besides,including,following,notably,importantly,"
    "specifically,separately,additionally,elsewhere,everyone,everybody,anyone,someone,nobody,"
    "nothing,something,anything,everything,many,most,some,several,few,others,both,each,every,"
    "either,neither,none,all,any,much,more,less,such,another,other,this,that,these,those,"
    "what,when,where,why,how,whom,whose,which,if,then,so,because,as,once,also,just,only,"
    "again,later,earlier,soon,often,sometimes,never,always,ever,hide,caption,continue,reading,"
    "march,august,he,she,it,we,they,you,his,her,its,our,their,my,your,him,them,mine,yours,"
    "hers,ours,theirs,madam,"
    "mom,dad,mother,father,grandma,grandpa,uncle,aunt,god,lord,yeah,yep,nope,wow,ah,uh,um,"
    "hey,huh,hmm,hmmm,ooh,oops,ugh,aha,bravo,amen,copyright,replay,watched,opinion,"
    "calculator,will,shall,"
    /* openers WordNet's common words lack ("Plus, ...", "Alas, ...",
     * "Thankfully, ...", "Using different ways ...", "Anybody who ...") */
    "plus,alas,thankfully,unsurprisingly,interestingly,hopefully,whereas,barring,using,"
    "getting,referring,anybody,somebody,lawmakers,activists";
static const char k_said[] =
    "said,says,say,told,added,stated,declared,argued,explained,noted,wrote,tweeted,asked,"
    "announced,insisted,warned,claimed,according,spoke,testified,replied,responded,posted,"
    "recalled,admitted,acknowledged,confirmed,denied,urged,predicted,continued,wants,believes,"
    "thinks,knows,tells,adds,writes,argues,notes,explains";
static const char k_placeprep[] = "in,near,across,outside,inside,throughout,to,from,at,into";
static const char k_hyphsfx[] =
    "backed,led,era,style,based,born,linked,allied,controlled,funded,owned,aligned,affiliated,"
    "like,related,sponsored,made,friendly,supported,appointed,installed,held,run,occupied,"
    "annexed,dominated,inspired,centric,bashing,loving,hating,esque,ish,based,area,wide,"
    "level,type,class,american,russian,ukrainian,israeli,palestinian,chinese,iranian,"
    "syrian,korean,british,french,german,japanese,indian,pakistani,afghan,iraqi,mexican";
static const char k_hyphpfx[] = "anti,pro,ex,non,post,pre,mid,neo,pan,un,then,soon-to-be";
static const char k_namepfx[] = "al,el,bin,ibn,abu,ben,van,von,de,da,di,le,la,ul,ud";

/* ------------------------------------------------------------- the tables */

typedef struct wtab {
  uint64_t *keys; /* 0 = empty slot */
  uint32_t *vals;
  size_t mask;
  size_t used;
} wtab;

/* A key's first slot.  Keys are hashes, mixed already; word hashes
 * (px__word_hash) are always odd, so bit 0 is left out: with it, only the
 * odd slots would start a probe and the runs would be twice as long. */
static inline size_t wtab_slot(const wtab *t, uint64_t h) { return (size_t)(h >> 1) & t->mask; }

/* Small words of English that title case capitalizes: pronouns,
 * auxiliaries, prepositions, conjunctions ("The" and "A" are left out:
 * names begin with them, "The Washington Post's The Fact Checker"); none
 * longer than five letters.  The verbs among them mark a stretch in title
 * case on their own ("Ted Kennedy Is Still Battling Mitt Romney"; "Will" is
 * a given name, not among them). */
static const struct {
  const char *word;
  bool verb;
} k_small[] = {
    {"and", 0},  {"or", 0},    {"but", 0},   {"if", 0},    {"of", 0},    {"to", 0},
    {"in", 0},   {"on", 0},    {"for", 0},   {"with", 0},  {"at", 0},    {"by", 0},
    {"from", 0}, {"as", 0},    {"is", 1},    {"are", 1},   {"was", 1},   {"be", 0},
    {"can", 1},  {"could", 1}, {"will", 0},  {"would", 1}, {"do", 0},    {"does", 1},
    {"doesn", 0}, {"don", 0},  {"did", 1},   {"he", 0},    {"she", 0},   {"it", 0},
    {"its", 0},  {"it's", 0},  {"our", 0},   {"their", 0}, {"his", 0},   {"her", 0},
    {"my", 0},   {"your", 0},  {"we", 0},    {"they", 0},  {"you", 0},   {"how", 0},
    {"what", 0}, {"why", 0},   {"who", 0},   {"not", 0},   {"this", 0},  {"that", 0}};
#define N_SMALL (sizeof k_small / sizeof *k_small)
/* Auxiliaries: in lower case, they make a title-case sentence prose. */
static const char *const k_aux[] = {"is", "was", "are", "were", "has", "had", "have", "will", "would"};
#define N_AUX (sizeof k_aux / sizeof *k_aux)

struct px__entan {
  wtab words;    /* px__word_hash(folded word) -> W_* bits */
  wtab phrases;  /* px__hash64(key) -> gazetteer kind letter */
  wtab variants; /* px__hash64(variant key) -> index into px__variants */
  wtab pvariants; /* the same into px__person_variants */
  uint64_t h_the, h_in, h_near, h_and, h_of, h_for, h_amp, h_on; /* words the rules look for */
  uint64_t h_mr, h_mrs, h_ms, h_miss, h_st, h_photo;
  uint64_t h_small[N_SMALL], h_aux[N_AUX]; /* k_small, k_aux */
  uint64_t h_former, h_late, h_then, h_highlights;
};

#define KEY_SEED 0x656e746b65790000ULL /* "entkey" */

static uint64_t key_hash(const char *p, size_t n) {
  uint64_t h = px__hash64(p, n, KEY_SEED);
  return h ? h : 1;
}

static int wtab_init(wtab *t, size_t want) {
  size_t n = 64;
  while (n < want * 2) n <<= 1;
  t->keys = calloc(n, sizeof *t->keys);
  t->vals = calloc(n, sizeof *t->vals);
  t->mask = n - 1;
  t->used = 0;
  return t->keys && t->vals ? PX_OK : PX_ENOMEM;
}

static void wtab_release(wtab *t) {
  free(t->keys);
  free(t->vals);
  t->keys = NULL;
  t->vals = NULL;
}

/* Insert or combine: or-ing bits when or_bits, else keep the first value. */
static void wtab_put(wtab *t, uint64_t h, uint32_t v, bool or_bits) {
  if (!h) h = 1;
  size_t i = wtab_slot(t, h);
  while (t->keys[i] && t->keys[i] != h) i = (i + 1) & t->mask;
  if (!t->keys[i]) {
    if (t->used * 2 >= t->mask) return; /* full: sized by the caller, never happens */
    t->keys[i] = h;
    t->vals[i] = v;
    t->used++;
  } else if (or_bits) {
    t->vals[i] |= v;
  }
}

static bool wtab_get(const wtab *t, uint64_t h, uint32_t *v) {
  if (!h) h = 1;
  size_t i = wtab_slot(t, h);
  while (t->keys[i]) {
    if (t->keys[i] == h) {
      *v = t->vals[i];
      return true;
    }
    i = (i + 1) & t->mask;
  }
  return false;
}

static uint32_t word_bits(const px__entan *ea, uint64_t h) {
  uint32_t v = 0;
  wtab_get(&ea->words, h, &v);
  return v;
}

#define PREFETCH_AHEAD 8

static inline void word_prefetch(const px__entan *ea, uint64_t h) {
  size_t i = wtab_slot(&ea->words, h ? h : 1);
  __builtin_prefetch(&ea->words.keys[i]);
  __builtin_prefetch(&ea->words.vals[i]);
}

static void add_list(px__entan *ea, const char *list, uint32_t bits) {
  const char *p = list;
  while (*p) {
    const char *e = strchr(p, ',');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    wtab_put(&ea->words, px__word_hash(p, n), bits, true);
    if (n > 1 && p[n - 1] != '.' && (bits & (W_TITLE | W_ORGSFX | W_PERSFX))) {
      /* abbreviations may be tokenized with their period */
      char tmp[64];
      if (n < sizeof tmp - 1) {
        memcpy(tmp, p, n);
        tmp[n] = '.';
        wtab_put(&ea->words, px__word_hash(tmp, n + 1), bits, true);
      }
    }
    p += n;
    if (*p == ',') p++;
  }
}

/* ------------------------------------------------------------------ keys */

/* Append the key form of folded text to out (which has room for n bytes
 * plus one separator): alphanumerics and non-ASCII kept, periods and
 * apostrophes dropped, everything else one space.  Returns the new length. */
static size_t key_append(char *out, size_t len, const char *f, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)f[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '&') {
      out[len++] = (char)c;
    } else if (c == '.' || c == '\'') {
      continue;
    } else if (len && out[len - 1] != ' ') {
      out[len++] = ' ';
    }
  }
  return len;
}

static size_t key_trim(char *k, size_t n) {
  while (n && k[n - 1] == ' ') n--;
  return n;
}

/* The canonical key of variant vi names a place or an organization
 * ("netherlands", "united states"): no part of a person's name ("Keating
 * Holland" is no "keating netherlands"). */
static bool place_variant(const px__entan *ea, uint32_t vi) {
  const char *c = px__variants[vi].canonical;
  uint32_t v = 0;
  return wtab_get(&ea->phrases, key_hash(c, strlen(c)), &v) && (v == 'L' || v == 'O');
}

/* Map a key through the variant table: the whole key first, then each
 * word; a person's key (person) through those of people only.  Writes into
 * out (room for cap bytes); returns the new length. */
static size_t key_variants(const px__entan *ea, const char *k, size_t n, char *out, size_t cap,
                           bool person) {
  uint32_t vi;
  uint64_t hk = key_hash(k, n);
  if (wtab_get(&ea->variants, hk, &vi) && !(person && place_variant(ea, vi))) {
    const char *c = px__variants[vi].canonical;
    size_t cn = strlen(c);
    if (cn <= cap) {
      memcpy(out, c, cn);
      return cn;
    }
  }
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && k[j] != ' ') j++;
    const char *w = k + i;
    size_t wn = j - i;
    /* a key of one word is that word: its hash is hk */
    if (wtab_get(&ea->variants, wn == n ? hk : key_hash(w, wn), &vi) && !(person && place_variant(ea, vi))) {
      const char *c = px__variants[vi].canonical;
      if (!strchr(c, ' ')) { /* word-level only for one-word spellings */
        w = c;
        wn = strlen(c);
      }
    }
    if (o && o < cap) out[o++] = ' ';
    if (o + wn > cap) break;
    memcpy(out + o, w, wn);
    o += wn;
    i = j + 1;
  }
  return o;
}

/* Fold [p, p+n) into buf (room for cap bytes) by the rules of px__fold:
 * ASCII by table, other code points through px__fold_cp.  Returns the
 * folded length; output that does not fit is cut at a character. */
static size_t fold_into(const char *p, size_t n, px__arena *arena, char *buf, size_t cap) {
  PX__UNUSED(arena);
  const unsigned char *u = (const unsigned char *)p;
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    if (u[i] < 0x80) {
      if (o + 1 > cap) break;
      buf[o++] = (char)(u[i] >= 'A' && u[i] <= 'Z' ? u[i] + 32 : u[i]);
      i++;
      continue;
    }
    char tmp[PX__FOLD_MAX];
    size_t len = px__utf8_seqlen(u + i, n - i), k;
    if (len) {
      k = px__fold_cp(px__utf8_decode(u + i, len), tmp);
    } else {
      len = 1;
      k = px__utf8_encode(0xFFFD, tmp);
    }
    if (o + k > cap) break;
    memcpy(buf + o, tmp, k);
    o += k;
    i += len;
  }
  return o;
}

int px__entity_key(const px__entan *ea, const char *p, size_t n, px__arena *arena, char **key,
                   size_t *klen) {
  *key = NULL;
  *klen = 0;
  size_t cap = n * 3 + 8;
  char *f = px__arena_alloc(arena, cap);
  char *k = px__arena_alloc(arena, cap + 1);
  char *v = px__arena_alloc(arena, cap + 64);
  if (!f || !k || !v) return PX_ENOMEM;
  size_t fn = fold_into(p, n, arena, f, cap);
  size_t kn = key_trim(k, key_append(k, 0, f, fn));
  size_t vn = key_variants(ea, k, kn, v, cap + 63, false);
  v[vn] = '\0';
  *key = v;
  *klen = vn;
  return PX_OK;
}

/* ------------------------------------------------------------ the tables */

int px__entan_new(px__entan **out) {
  *out = NULL;
  px__entan *ea = calloc(1, sizeof *ea);
  if (!ea) return PX_ENOMEM;
  size_t nent = 0;
  for (size_t i = 0; i < px__gazetteer_size; i++)
    if (px__gazetteer[i] == '\0') nent++;
  int rc;
  if ((rc = wtab_init(&ea->words, nent + 2048)) || (rc = wtab_init(&ea->phrases, nent + 64)) ||
      (rc = wtab_init(&ea->variants, px__variant_count + 8)) ||
      (rc = wtab_init(&ea->pvariants, px__person_variant_count + 8)))
    goto fail;
  add_list(ea, k_titles, W_TITLE);
  add_list(ea, k_honor, W_HONOR);
  add_list(ea, k_roles, W_ROLE);
  add_list(ea, k_tmod, W_TMOD);
  add_list(ea, k_connect, W_CONNECT);
  add_list(ea, k_orghead, W_ORGHEAD);
  add_list(ea, k_placehead, W_PLACEHEAD);
  add_list(ea, k_orgsfx, W_ORGSFX);
  add_list(ea, k_persfx, W_PERSFX);
  add_list(ea, k_nonent, W_NONENT);
  add_list(ea, k_said, W_SAID);
  add_list(ea, k_placeprep, W_PLACEPREP);
  add_list(ea, k_hyphsfx, W_HYPHSFX);
  add_list(ea, k_hyphpfx, W_HYPHPFX);
  add_list(ea, k_namepfx, W_NAMEPFX);
  char kbuf[256];
  for (const char *p = px__gazetteer; p < px__gazetteer + px__gazetteer_size;) {
    size_t n = strlen(p);
    char kind = p[0];
    const char *name = p + 1;
    size_t nn = n - 1;
    p += n + 1;
    if (nn == 0 || nn > 120) continue;
    size_t kn = key_trim(kbuf, key_append(kbuf, 0, name, nn));
    if (!kn) continue;
    if (kind != 'C' && kind != 'F') wtab_put(&ea->phrases, key_hash(kbuf, kn), (uint32_t)kind, false);
    if (memchr(name, ' ', nn)) continue;
    uint32_t bits = 0;
    switch (kind) {
    case 'P': bits = W_GAZ_P; break;
    case 'L': bits = W_GAZ_L; break;
    case 'O': bits = W_GAZ_O; break;
    case 'F': bits = W_FIRST; break;
    case 'D':
    case 'G': bits = W_DEMONYM; break;
    case 'C': bits = W_COMMON; break;
    default: break;
    }
    wtab_put(&ea->words, px__word_hash(name, nn), bits, true);
  }
  for (size_t i = 0; i < px__variant_count; i++) {
    const char *v = px__variants[i].variant;
    wtab_put(&ea->variants, key_hash(v, strlen(v)), (uint32_t)i, false);
  }
  for (size_t i = 0; i < px__person_variant_count; i++) {
    const char *v = px__person_variants[i].variant;
    wtab_put(&ea->pvariants, key_hash(v, strlen(v)), (uint32_t)i, false);
  }
  ea->h_the = px__word_hash("the", 3);
  for (size_t k = 0; k < N_SMALL; k++) ea->h_small[k] = px__word_hash(k_small[k].word, strlen(k_small[k].word));
  for (size_t k = 0; k < N_AUX; k++) ea->h_aux[k] = px__word_hash(k_aux[k], strlen(k_aux[k]));
  ea->h_mr = px__word_hash("mr", 2);
  ea->h_mrs = px__word_hash("mrs", 3);
  ea->h_ms = px__word_hash("ms", 2);
  ea->h_st = px__word_hash("st", 2);
  ea->h_photo = px__word_hash("photo", 5);
  ea->h_miss = px__word_hash("miss", 4);
  ea->h_in = px__word_hash("in", 2);
  ea->h_near = px__word_hash("near", 4);
  ea->h_and = px__word_hash("and", 3);
  ea->h_of = px__word_hash("of", 2);
  ea->h_on = px__word_hash("on", 2);
  ea->h_for = px__word_hash("for", 3);
  ea->h_amp = px__word_hash("&", 1);
  ea->h_former = px__word_hash("former", 6);
  ea->h_late = px__word_hash("late", 4);
  ea->h_then = px__word_hash("then", 4);
  ea->h_highlights = px__word_hash("highlights", 10);
  *out = ea;
  return PX_OK;
fail:
  px__entan_free(ea);
  return rc;
}

void px__entan_free(px__entan *ea) {
  if (!ea) return;
  wtab_release(&ea->words);
  wtab_release(&ea->phrases);
  wtab_release(&ea->variants);
  wtab_release(&ea->pvariants);
  free(ea);
}

/* --------------------------------------------------------- per document */

enum { T_PERSON = 1, T_ORG = 2, T_PLACE = 3, T_OTHER = 4 };

enum { N_NAME = 1, N_ENDS = 2, N_STARTS = 4, N_SYLL = 8 /* "Ki-moon" after a name */ };

#define MAX_ROLE 5
#define MAX_RUN 24

typedef struct cand {
  uint32_t start, end;    /* byte span */
  uint32_t tok_first;
  uint16_t tok_count;
  uint16_t sent;
  uint8_t kind;           /* px_mention_kind */
  uint8_t nwords;         /* words in the key */
  char *key;              /* variant-mapped key (arena) */
  size_t key_len;
  uint64_t h_key, h_first, h_last;
  int16_t vote[5];        /* by T_* */
  bool allcaps;
  bool weak;              /* an ordinary word: joins an entity, never starts one */
  uint32_t entity;        /* assigned entity, or UINT32_MAX */
} cand;

typedef struct role {
  uint64_t h[MAX_ROLE];
  uint8_t n;
  uint32_t cand;          /* the candidate it describes */
  uint32_t pos;           /* byte offset where the text established it */
  bool past;              /* "former president": matched only whole */
} role;

typedef struct ent {
  uint32_t best;          /* candidate giving the canonical name */
  uint32_t first_pos;
  int32_t vote[5];
  uint32_t nmen;
  uint32_t order;
} ent;

typedef struct work {
  const px__entan *ea;
  const px__text *tx;
  px__arena *arena;       /* the call's own: work arrays, candidates, keys */
  px__arena *out;         /* the caller's: the result only */
  uint32_t *bits;         /* W_* bits per token (0 for non-words) */
  uint32_t *nstart, *nend;/* name part of each token (hyphen prefixes/suffixes cut) */
  uint8_t *namey;         /* N_* flags: can the token be part of a name */
  uint8_t *headline;      /* per sentence: written in title case (a heading) */
  uint8_t *titled;        /* per token: in a stretch written in title case inside a sentence */
  wtab seen;              /* word hash -> 1 seen lower case, 2 seen capitalized mid-sentence */
  cand *c;
  size_t nc, cc;
  role *r;
  size_t nr, rc;
  char *scratch;          /* folding room */
  size_t scratch_cap;
  bool post_name;        /* take_span on an embedded post's signature name */
} work;

static inline const px__token *T(const work *w, size_t i) { return &w->tx->tok[i]; }

/* Hash of token i's folded form without a possessive 's. */
static uint64_t tok_hash(work *w, size_t i) {
  const px__token *t = T(w, i);
  if (!(t->flags & PX__TF_POSSESSIVE)) return t->fold;
  char buf[128];
  size_t n = fold_into(w->tx->body + w->nstart[i], w->nend[i] - w->nstart[i], w->arena, buf,
                       sizeof buf);
  return px__word_hash(buf, n);
}

static bool is_word(const work *w, size_t i) { return T(w, i)->kind == PX__TOK_WORD; }

/* Is token i at the start of a sentence, a quotation or a bracket? */
static bool initial_like(const work *w, size_t i) {
  const px__token *t = T(w, i);
  if (t->flags & PX__TF_SENT_START) return true;
  if (i == 0) return true;
  const px__token *p = T(w, i - 1);
  if (p->sent != t->sent) return true;
  if (p->kind == PX__TOK_QUOTE) return true;
  if (p->kind == PX__TOK_PUNCT && p->end - p->start == 1) {
    char c = w->tx->body[p->start];
    return c == ':' || c == '(' || c == '-' || c == ';';
  }
  if (p->kind == PX__TOK_PUNCT) return true; /* dashes, ellipses */
  return false;
}

/* Token i follows the closing mark of a quote ending on , ? or !: ",\" X" */
static bool after_quote_close(const work *w, size_t i) {
  if (i < 2 || T(w, i - 1)->kind != PX__TOK_QUOTE || T(w, i - 2)->kind != PX__TOK_PUNCT) return false;
  char c = w->tx->body[T(w, i - 2)->end - 1];
  return c == ',' || c == '?' || c == '!';
}

/* "Twenty", "Ninety": the tens of a number written in words. */
static bool tens_word(const char *s, size_t n) {
  static const char *const tens[] = {"twenty", "thirty", "forty",  "fifty",
                                     "sixty",  "seventy", "eighty", "ninety"};
  for (size_t k = 0; k < sizeof tens / sizeof tens[0]; k++)
    if (strlen(tens[k]) == n && strncasecmp(s, tens[k], n) == 0) return true;
  return false;
}

static const char *lower_ascii_tail(const char *s, const char *e) {
  /* first byte after a '-' when followed by a lower-case ASCII letter */
  for (const char *p = s; p + 1 < e; p++)
    if (*p == '-' && p[1] >= 'a' && p[1] <= 'z') return p;
  return NULL;
}

/* Count in the seen table: bit 0 "written lower case", bits 8.. the times
 * written capitalized mid-sentence.  A full table stops counting. */
static void seen_add(wtab *t, uint64_t h, uint32_t v) {
  if (!h) h = 1;
  size_t i = wtab_slot(t, h);
  while (t->keys[i] && t->keys[i] != h) i = (i + 1) & t->mask;
  if (!t->keys[i]) {
    if (t->used * 2 >= t->mask) return;
    t->keys[i] = h;
    t->vals[i] = 0;
    t->used++;
  }
  if (v == 1) t->vals[i] |= 1;
  else if (t->vals[i] < 0xffff0000u) t->vals[i] += v;
}

/* Per-token preparation: word classes, name parts, seen table. */
static int prepare(work *w) {
  const px__text *tx = w->tx;
  size_t n = tx->ntok;
  w->bits = px__arena_alloc(w->arena, (n + 1) * sizeof *w->bits);
  w->nstart = px__arena_alloc(w->arena, (n + 1) * sizeof *w->nstart);
  w->nend = px__arena_alloc(w->arena, (n + 1) * sizeof *w->nend);
  w->namey = px__arena_alloc(w->arena, n + 1);
  w->headline = px__arena_alloc(w->arena, tx->nsent + 1);
  if (!w->bits || !w->nstart || !w->nend || !w->namey || !w->headline) return PX_ENOMEM;
  /* headings: every word but stopwords capitalized, three or more of
   * them; title case writes a verb capitalized, so a small verb in lower
   * case ("Edward Snowden was in Moscow.") makes a sentence of names */
  for (size_t si = 0; si < tx->nsent; si++) {
    const px__sentence *se = &tx->sent[si];
    size_t words = 0, caps = 0;
    bool verb = false;
    for (size_t k = se->tok_first; k < se->tok_first + se->tok_count && k < n; k++) {
      const px__token *t = &tx->tok[k];
      if (t->kind != PX__TOK_WORD) continue;
      if (t->flags & PX__TF_STOP) {
        for (size_t i = 0; i < N_AUX && !(t->flags & PX__TF_CAP); i++)
          verb |= t->fold == w->ea->h_aux[i];
        continue;
      }
      words++;
      caps += (t->flags & PX__TF_CAP) != 0;
    }
    w->headline[si] = words >= 3 && caps == words && !verb;
  }
  /* A stretch of a sentence in title case: five words or more in a row,
   * every one capitalized, two of them small words not at its start ("an
   * ad's text: How Can President Obama Fix Our Economy ... if He Doesn't
   * Understand It's Broken?").  Capitals say nothing of names there: only
   * known names are taken, as in a heading. */
  w->titled = px__arena_alloc(w->arena, n + 1);
  if (!w->titled) return PX_ENOMEM;
  memset(w->titled, 0, n + 1);
  for (size_t i = 0; i < n;) {
    const px__token *t = &tx->tok[i];
    if (t->kind != PX__TOK_WORD || !(t->flags & PX__TF_CAP)) {
      i++;
      continue;
    }
    size_t j = i, words = 0, small = 0, verbs = 0;
    while (j < n && tx->tok[j].sent == t->sent) {
      const px__token *u = &tx->tok[j];
      if (u->kind == PX__TOK_WORD) {
        /* capitalized, not in capitals (a heading in capitals is another
         * matter: all_caps) */
        bool lower = u->end - u->start == 1;
        for (uint32_t b = u->start + 1; b < u->end && !lower; b++)
          lower = tx->body[b] >= 'a' && tx->body[b] <= 'z';
        if (!(u->flags & PX__TF_CAP) || !lower) break;
        words++;
        for (size_t k = 0; j > i && u->end - u->start <= 5 && k < N_SMALL; k++)
          if (u->fold == w->ea->h_small[k]) {
            small++;
            verbs += k_small[k].verb;
            break;
          }
      } else if (u->kind != PX__TOK_PUNCT || u->end - u->start != 1 ||
                 (tx->body[u->start] != '\'' && tx->body[u->start] != '-') || j == i ||
                 tx->tok[j - 1].end != u->start || j + 1 >= n || tx->tok[j + 1].start != u->end) {
        break; /* only an apostrophe or a hyphen inside a word goes on in a stretch */
      }
      j++;
    }
    /* or six words or more, one of them a verb set in capitals ("Ted
     * Kennedy Is Still Battling Mitt Romney") */
    if ((words >= 5 && small >= 2) || (words >= 6 && verbs >= 1))
      for (size_t k = i; k < j; k++) w->titled[k] = 1;
    i = j > i ? j : i + 1;
  }
  size_t nwords = 0;
  for (size_t i = 0; i < n; i++) nwords += tx->tok[i].kind == PX__TOK_WORD;
  size_t slots = 64;
  while (slots < nwords * 2 && slots < (1u << 20)) slots <<= 1;
  w->seen.keys = px__arena_alloc(w->arena, slots * sizeof *w->seen.keys);
  w->seen.vals = px__arena_alloc(w->arena, slots * sizeof *w->seen.vals);
  if (!w->seen.keys || !w->seen.vals) return PX_ENOMEM;
  memset(w->seen.keys, 0, slots * sizeof *w->seen.keys);
  w->seen.mask = slots - 1;
  w->seen.used = 0;
  for (size_t i = 0; i < n; i++) {
    const px__token *t = &tx->tok[i];
    /* The words table is larger than the caches: a word's slot is asked
     * for some tokens ahead, so its miss overlaps this token's work. */
    if (i + PREFETCH_AHEAD < n) word_prefetch(w->ea, tx->tok[i + PREFETCH_AHEAD].fold);
    w->nstart[i] = t->start;
    w->nend[i] = t->end;
    w->namey[i] = 0;
    if (t->kind != PX__TOK_WORD) {
      w->bits[i] = 0;
      continue;
    }
    const char *s = tx->body + t->start, *e = tx->body + t->end;
    if (t->flags & PX__TF_POSSESSIVE) {
      /* drop 's, ’s or a bare trailing apostrophe */
      if (e - s >= 2 && (e[-1] == 's' || e[-1] == 'S') && e[-2] == '\'') e -= 2;
      else if (e - s >= 4 && (e[-1] == 's' || e[-1] == 'S') && (unsigned char)e[-2] == 0x99 &&
               (unsigned char)e[-3] == 0x80 && (unsigned char)e[-4] == 0xE2)
        e -= 4;
      else if (e - s >= 2 && e[-1] == '\'') e -= 1;
      else if (e - s >= 4 && (unsigned char)e[-1] == 0x99 && (unsigned char)e[-2] == 0x80 &&
               (unsigned char)e[-3] == 0xE2)
        e -= 3;
      w->nend[i] = (uint32_t)(e - tx->body);
    }
    uint32_t b = word_bits(w->ea, t->fold);
    if (t->flags & PX__TF_POSSESSIVE) b |= word_bits(w->ea, tok_hash(w, i));
    bool cap = (t->flags & PX__TF_CAP) != 0;
    if (cap) {
      /* "Kremlin-backed": the name ends at the hyphen */
      const char *h = lower_ascii_tail(s, e);
      if (h) {
        uint32_t sb = word_bits(w->ea, px__word_hash(h + 1, (size_t)(e - h - 1)));
        if (tens_word(s, (size_t)(h - s))) {
          w->bits[i] = 0; /* "Twenty-two": a number, no name */
          continue;
        }
        /* "Ban Ki-moon", "Moon Jae-in": after a name, a short syllable,
         * a hyphen and a short one are a given name of two syllables,
         * though "moon" and "in" are words */
        size_t pl = (size_t)(h - s), sl = (size_t)(e - h - 1);
        bool syllables = !(sb & W_HYPHSFX) && pl >= 2 && pl <= 4 && sl >= 2 && sl <= 4 && i > 0 &&
                         (w->namey[i - 1] & N_NAME) && !(w->namey[i - 1] & N_ENDS) &&
                         tx->tok[i - 1].kind == PX__TOK_WORD && tx->tok[i - 1].end + 1 == t->start;
        for (size_t k = 1; k < pl && syllables; k++) syllables = s[k] >= 'a' && s[k] <= 'z';
        if (syllables) { /* "Same-sex": the first syllable no word either */
          char pf[8];
          for (size_t k = 0; k < pl; k++) pf[k] = (char)(s[k] | 0x20);
          syllables = !(word_bits(w->ea, px__word_hash(pf, pl)) & W_COMMON);
        }
        if (syllables) w->namey[i] |= N_SYLL;
        if ((sb & (W_HYPHSFX | W_COMMON)) && !syllables) {
          w->nend[i] = (uint32_t)(h - tx->body);
          b = word_bits(w->ea, tok_hash(w, i));
          w->namey[i] = N_ENDS; /* the name stops here */
        }
      }
      w->namey[i] |= N_NAME;
    } else {
      /* "al-Assad" is a name; "anti-Trump" holds one */
      const char *h = e - s >= 4 && !(t->flags & PX__TF_STOP) ? memchr(s, '-', (size_t)(e - s))
                                                              : NULL;
      if (h && h + 1 < e && h[1] >= 'A' && h[1] <= 'Z') {
        uint32_t pb = word_bits(w->ea, px__word_hash(s, (size_t)(h - s)));
        if (pb & W_NAMEPFX) {
          w->namey[i] = N_NAME;
        } else if (pb & W_HYPHPFX) {
          w->nstart[i] = (uint32_t)(h + 1 - tx->body);
          w->namey[i] = N_NAME | N_STARTS; /* the name starts here */
          b = word_bits(w->ea, tok_hash(w, i));
          /* a title after the prefix is one: "then-President-elect"
           * as "President-elect", "then-Secretary of State Hillary
           * Clinton" (not a given name's or an ordinal's bits:
           * "pro-Christian America", "pro-Second Amendment"; nor
           * "General", which opens a body's name as often: "the
           * then-General Accounting Office") */
          char buf[64];
          size_t fn = fold_into(h + 1, (size_t)(e - h - 1), w->arena, buf, sizeof buf);
          if (fn && !(fn == 7 && !memcmp(buf, "general", 7)))
            b |= word_bits(w->ea, px__word_hash(buf, fn)) & (W_TITLE | W_TMOD | W_HONOR);
        }
      }
    }
    if (cap && !(b & ~(W_COMMON | W_FIRST)) && e - s > 3 && e[-1] == 's') {
      /* "Hispanics", "Democrats": the plural of a group is no name either */
      char buf[64];
      size_t fn = fold_into(s, (size_t)(e - s), w->arena, buf, sizeof buf);
      uint32_t sb = fn > 1 ? word_bits(w->ea, px__word_hash(buf, fn - 1)) : 0;
      if (!(sb & W_DEMONYM) && fn > 2 && buf[fn - 2] == 'e')
        sb = word_bits(w->ea, px__word_hash(buf, fn - 2));
      b |= sb & W_DEMONYM;
    }
    /* "Brianne Stone": a given name of names.c that the gazetteer lacks
     * is a first name, so a common word after it can be a family name */
    if (cap && !b && px__given_name_gender(s, (size_t)(e - s))) b = W_FIRST;
    /* "Murphy, the head of the PAC, Tweeted on Friday": a verb of saying
     * in the past, capitalized by mistake, is no part of a name (outside
     * headings, where every word is) */
    if (cap && (b & W_SAID) && e - s > 4 && e[-1] == 'd' && e[-2] == 'e' &&
        !(t->sent < tx->nsent && w->headline[t->sent]))
      w->namey[i] = 0;
    w->bits[i] = b;
    /* remember how words were written, for sentence-initial decisions */
    if (t->flags & PX__TF_STOP) {
      /* stopwords are never names: nothing asks how they were written */
    } else if (!cap) {
      seen_add(&w->seen, t->fold, 1);
    } else if (!initial_like(w, i) && !(t->sent < tx->nsent && w->headline[t->sent])) {
      seen_add(&w->seen, t->fold, 1u << 8);
    }
  }
  return PX_OK;
}

static uint32_t seen_bits(const work *w, uint64_t h) {
  uint32_t v = 0;
  wtab_get(&w->seen, h, &v);
  return v;
}

/* Is the capitalized word at i an ordinary word ("Officials", "Asked",
 * "Costs"): a common word, or an inflection of one, or a word the text also
 * writes in lower case?  Names of the gazetteer and first names are not. */
static bool common_word(work *w, size_t i) {
  uint32_t b = w->bits[i];
  if (T(w, i)->flags & PX__TF_STOP) return true;
  if (b & (W_GAZ_P | W_GAZ_L | W_GAZ_O | W_FIRST)) return false;
  if (b & (W_COMMON | W_NONENT)) return true;
  uint32_t s = seen_bits(w, T(w, i)->fold);
  if (s & 1) return true; /* written lower case elsewhere */
  char buf[64];
  const px__token *t = T(w, i);
  size_t n = fold_into(w->tx->body + t->start, t->end - t->start, w->arena, buf, sizeof buf - 4);
  static const char *const sfx[][2] = {{"ies", "y"}, {"es", ""}, {"s", ""},  {"ed", ""},
                                       {"ed", "e"},  {"ing", ""}, {"ing", "e"}, {"ly", ""},
                                       {"ers", ""},  {"er", ""}};
  for (size_t k = 0; k < sizeof sfx / sizeof sfx[0]; k++) {
    size_t sl = strlen(sfx[k][0]), rl = strlen(sfx[k][1]);
    if (n <= sl + 2 || memcmp(buf + n - sl, sfx[k][0], sl) != 0) continue;
    char tmp[68];
    memcpy(tmp, buf, n - sl);
    memcpy(tmp + n - sl, sfx[k][1], rl);
    uint64_t h = px__word_hash(tmp, n - sl + rl);
    if (word_bits(w->ea, h) & W_COMMON) return true;
    if (seen_bits(w, h) & 1) return true;
  }
  return false;
}

/* Does [i, b) read as a person's name: a capitalized first name (the
 * lists', or a given name of names.c: "Mohammad"), no word of it the head
 * of an organization's or a place's name ("Urban League", "Mariana
 * Islands")? */
static bool given_name(work *w, size_t i, size_t b) {
  const px__token *t = T(w, i);
  if (!is_word(w, i) || !(t->flags & PX__TF_CAP)) return false;
  if (!(w->bits[i] & W_FIRST) && !px__given_name_gender(w->tx->body + t->start, t->end - t->start))
    return false;
  for (size_t k = i; k < b; k++)
    if (w->bits[k] & (W_ORGHEAD | W_PLACEHEAD | W_ORGSFX)) return false;
  return true;
}

/* Times the word was written capitalized in the middle of a sentence. */
static uint32_t caps_mid(const work *w, size_t i) { return seen_bits(w, T(w, i)->fold) >> 8; }

/* A capitalized word at the start of a sentence that is an ordinary word
 * ("However", "Officials", "Asked"), not a name: unless the text also
 * capitalizes it mid-sentence. */
static bool common_initial(work *w, size_t i) {
  if (T(w, i)->flags & PX__TF_STOP) return true;
  if (w->bits[i] & W_NONENT) return true;
  if (caps_mid(w, i) && !(seen_bits(w, T(w, i)->fold) & 1)) return false;
  return common_word(w, i);
}

static int push_cand(work *w, cand **out) {
  if (w->nc == w->cc) {
    size_t ncap = w->cc ? w->cc * 2 : 64;
    cand *nc = px__arena_alloc(w->arena, ncap * sizeof *nc);
    if (!nc) return PX_ENOMEM;
    if (w->nc) memcpy(nc, w->c, w->nc * sizeof *nc);
    w->c = nc;
    w->cc = ncap;
  }
  cand *c = &w->c[w->nc++];
  memset(c, 0, sizeof *c);
  c->entity = UINT32_MAX;
  *out = c;
  return PX_OK;
}

static int push_role(work *w, const uint64_t *h, size_t n, uint32_t ci, uint32_t pos) {
  if (n == 0) return PX_OK;
  if (w->nr == w->rc) {
    size_t ncap = w->rc ? w->rc * 2 : 16;
    role *nr = px__arena_alloc(w->arena, ncap * sizeof *nr);
    if (!nr) return PX_ENOMEM;
    if (w->nr) memcpy(nr, w->r, w->nr * sizeof *nr);
    w->r = nr;
    w->rc = ncap;
  }
  role *r = &w->r[w->nr++];
  if (n > MAX_ROLE) {
    h += n - MAX_ROLE;
    n = MAX_ROLE;
  }
  memcpy(r->h, h, n * sizeof *h);
  r->n = (uint8_t)n;
  r->cand = ci;
  r->pos = pos;
  r->past = r->h[0] == w->ea->h_former || r->h[0] == w->ea->h_late || r->h[0] == w->ea->h_then;
  return PX_OK;
}

/* Key of tokens [a, b): folded name parts joined with spaces. */
static size_t span_key(work *w, size_t a, size_t b, char *out, size_t cap) {
  size_t len = 0;
  for (size_t i = a; i < b; i++) {
    const px__token *t = T(w, i);
    if (t->kind != PX__TOK_WORD && !(t->kind == PX__TOK_SYMBOL || t->kind == PX__TOK_PUNCT))
      continue;
    size_t s = w->nstart[i], e = w->nend[i];
    if (e <= s) continue;
    if (len + (e - s) * 3 + 4 > cap) break;
    if (i > a && T(w, i - 1)->end < t->start && len && out[len - 1] != ' ') out[len++] = ' ';
    char *f = out + len + 1;
    size_t fn = fold_into(w->tx->body + s, e - s, w->arena, f, cap - len - 2);
    memmove(out + len, f, fn);
    len = key_append(out, len, out + len, fn);
  }
  return key_trim(out, len);
}

static uint32_t phrase_kind(const work *w, const char *k, size_t n) {
  uint32_t v = 0;
  if (n && wtab_get(&w->ea->phrases, key_hash(k, n), &v)) return v;
  return 0;
}

static int kind_type(uint32_t kind) {
  switch (kind) {
  case 'P': return T_PERSON;
  case 'O': return T_ORG;
  case 'L': return T_PLACE;
  default: return 0;
  }
}

/* Make a candidate of tokens [a, b) (already stripped).  votes are added
 * by the caller. */
static int make_cand(work *w, size_t a, size_t b, uint8_t kind, const char *known,
                     size_t known_len, cand **out) {
  cand *c;
  int rc = push_cand(w, &c);
  if (rc) return rc;
  c->start = w->nstart[a];
  c->end = w->nend[b - 1];
  c->tok_first = (uint32_t)a;
  c->tok_count = (uint16_t)(b - a);
  c->sent = T(w, a)->sent;
  c->kind = kind;
  /* "Apple Inc." and "Apple" share a key */
  size_t kb = b;
  while (kb > a + 1 && (!is_word(w, kb - 1) || (w->bits[kb - 1] & W_ORGSFX))) kb--;
  size_t kn = known && kb == b ? known_len : span_key(w, a, kb, w->scratch, w->scratch_cap);
  if (known && kb == b && known != w->scratch) memcpy(w->scratch, known, kn);
  char *v = px__arena_alloc(w->arena, kn * 2 + 64);
  if (!v) return PX_ENOMEM;
  size_t vn = key_variants(w->ea, w->scratch, kn, v, kn * 2 + 63, false);
  v[vn] = '\0';
  c->key = v;
  c->key_len = vn;
  c->h_key = key_hash(v, vn);
  size_t nw = 0, fe = 0, ls = 0;
  for (size_t i = 0; i <= vn; i++) {
    if (i == vn || v[i] == ' ') {
      if (nw == 0) fe = i;
      nw++;
      if (i < vn) ls = i + 1;
    }
  }
  c->nwords = (uint8_t)(nw > 255 ? 255 : nw);
  /* the first and last words of a key of one word are the key */
  c->h_first = fe == vn ? c->h_key : key_hash(v, fe);
  c->h_last = ls == 0 ? c->h_key : key_hash(v + ls, vn - ls);
  c->allcaps = true;
  for (size_t i = a; i < b; i++)
    if (is_word(w, i) && !(T(w, i)->flags & PX__TF_ALLCAPS)) c->allcaps = false;
  *out = c;
  return PX_OK;
}

/* Role words before token a: "North Korean leader" in "North Korean leader
 * Kim Jong-un".  Fills h[] (in text order), returns the count. */
static size_t role_before(work *w, size_t a, uint64_t *h, uint32_t *pos) {
  if (a == 0) return 0;
  size_t i = a - 1;
  if (!is_word(w, i) || T(w, i)->sent != T(w, a)->sent) return 0;
  if (!(w->bits[i] & (W_ROLE | W_TITLE)) || (w->bits[i] & W_HONOR)) return 0;
  if (T(w, i)->flags & PX__TF_CAP) return 0; /* a capitalized title sits inside the run */
  size_t lo = i;
  while (lo > 0 && a - lo < MAX_ROLE) {
    size_t k = lo - 1;
    if (!is_word(w, k) || T(w, k)->sent != T(w, a)->sent) break;
    if (T(w, k)->flags & PX__TF_STOP) break;
    if (T(w, k)->flags & PX__TF_POSSESSIVE) break;
    uint32_t b = w->bits[k];
    if (!(b & (W_ROLE | W_TITLE | W_TMOD | W_DEMONYM)) && !(T(w, k)->flags & PX__TF_CAP)) break;
    lo = k;
  }
  size_t n = 0;
  for (size_t k = lo; k < a; k++) h[n++] = tok_hash(w, k);
  *pos = T(w, lo)->start;
  return n;
}

/* An appositive role after a person: "Putin, the Russian president, said". */
static int role_after(work *w, size_t e, uint32_t ci) {
  const px__text *tx = w->tx;
  size_t i = e;
  if (i >= tx->ntok || T(w, i)->kind != PX__TOK_PUNCT || tx->body[T(w, i)->start] != ',') return 0;
  i++;
  if (i < tx->ntok && T(w, i)->fold == w->ea->h_the) i++;
  size_t a = i;
  uint64_t h[MAX_ROLE];
  size_t n = 0;
  while (i < tx->ntok && n < MAX_ROLE && is_word(w, i) && T(w, i)->sent == T(w, e - 1)->sent) {
    uint32_t b = w->bits[i];
    bool cap = T(w, i)->flags & PX__TF_CAP;
    if ((T(w, i)->flags & PX__TF_STOP) && !(b & W_ROLE)) return 0;
    if (cap && !(b & (W_ROLE | W_TITLE | W_TMOD | W_DEMONYM))) return 0;
    h[n++] = tok_hash(w, i);
    i++;
  }
  if (n == 0 || i >= tx->ntok) return 0;
  if (!(w->bits[i - 1] & (W_ROLE | W_TITLE)) || (w->bits[i - 1] & W_HONOR)) return 0;
  const px__token *t = T(w, i);
  if (!(t->kind == PX__TOK_PUNCT && (tx->body[t->start] == ',' || tx->body[t->start] == '.')))
    return 0;
  int rc = push_role(w, h, n, ci, T(w, a)->start);
  if (rc) return rc;
  /* the appositive itself names the person */
  cand *c;
  if ((rc = push_cand(w, &c))) return rc;
  const cand *p = &w->c[ci];
  c->start = T(w, a)->start;
  c->end = w->nend[i - 1];
  c->tok_first = (uint32_t)a;
  c->tok_count = (uint16_t)(i - a);
  c->sent = T(w, a)->sent;
  c->kind = PX_MENTION_ROLE;
  c->key = p->key;
  c->key_len = p->key_len;
  c->h_key = 0;
  c->entity = ci; /* resolved to the candidate's entity later */
  c->nwords = 0;
  return 0;
}

/* Classify and record the name in tokens [a, b) of a run; may split off a
 * title or a leading organization. */
static bool particle(const work *w, size_t i);

/* Tokens [a, b) a known place, a party's member at i ("Democrat") and a
 * person's name of two or three plain words after it, the first no common
 * word. */
static bool place_party_name(work *w, size_t a, size_t i, size_t b) {
  if (b - i < 3 || b - i > 4) return false;
  for (size_t k = i + 1; k < b; k++)
    if (!is_word(w, k) || (w->bits[k] & (W_ORGHEAD | W_PLACEHEAD | W_GAZ_O | W_GAZ_L | W_TITLE | W_ROLE |
                                         W_DEMONYM | W_CONNECT)))
      return false;
  static const char *const party[] = {"democrat", "republican", "independent", "libertarian",
                                      "tory", "socialist", "progressive"};
  const px__token *t = T(w, i);
  bool member = false;
  for (size_t k = 0; k < sizeof party / sizeof *party && !member; k++)
    member = t->end - t->start == strlen(party[k]) &&
             !strncasecmp(w->tx->body + t->start, party[k], t->end - t->start);
  if (!member || common_word(w, i + 1)) return false;
  char tmp[128]; /* not w->scratch: the caller's key is there */
  return phrase_kind(w, tmp, span_key(w, a, i, tmp, sizeof tmp)) == 'L';
}

/* One word naming an organization or a class of people, ending in "s",
 * before a person's name: a party by its members ("the senior Tories Oliver
 * Letwin and ..."), an agency's picture credit ("Reuters Jonathan Ernst"),
 * a library's ("Library of Congress John Lewis ..."). */
static bool org_before_name(const work *w, size_t i) {
  const px__token *t = T(w, i);
  if (t->kind != PX__TOK_WORD || !(t->flags & PX__TF_CAP) || t->end - t->start < 4 ||
      w->tx->body[t->end - 1] != 's')
    return false;
  return (w->bits[i] & (W_GAZ_O | W_DEMONYM)) && !(w->bits[i] & (W_FIRST | W_GAZ_P));
}

/* Is token i a day of the week, written out ("Monday")? */
static bool weekday(const work *w, size_t i) {
  static const char *const day[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  const px__token *t = T(w, i);
  size_t n = t->end - t->start;
  for (size_t d = 0; d < sizeof day / sizeof *day; d++)
    if (strlen(day[d]) == n && !strncasecmp(w->tx->body + t->start, day[d], n)) return true;
  return false;
}

static int take_span(work *w, size_t a, size_t b, bool initial) {
  const px__text *tx = w->tx;
  /* drop leading stopwords and connectors, trailing connectors and dots */
  bool after_the = false;
  /* (not the "St." of a saint's name: "St. Louis", "St. Petersburg") */
  while (a < b && (!is_word(w, a) || (T(w, a)->flags & PX__TF_STOP) ||
                   ((w->bits[a] & W_CONNECT) && !(a + 1 < b && particle(w, a)) &&
                    !(T(w, a)->fold == w->ea->h_st && (T(w, a)->flags & PX__TF_CAP) && a + 1 < b)))) {
    if (T(w, a)->fold == w->ea->h_the) after_the = true;
    a++;
  }
  /* a page's label glued before a name: "(Photo: ...) Story Highlights
   * Obama says ...", the name after it; and a weekday before a person's
   * name ("On Monday Obama said", a comma left out; not the "Tuesday
   * Group", the "Sunday Times") */
  for (size_t k = a; k + 1 < b; k++)
    if (is_word(w, k) && T(w, k)->fold == w->ea->h_highlights) a = k + 1;
  while (a + 1 < b && is_word(w, a) && weekday(w, a) && (w->bits[a + 1] & (W_GAZ_P | W_FIRST)) &&
         !(w->bits[b - 1] & (W_ORGHEAD | W_PLACEHEAD)))
    a++;
  /* a body or a place the lists know, then a given name and a family
   * name: "Ambassador to the United Nations Nikki Haley", "to the EU
   * Gordon Sondland" (the run of capitals holds the post and its holder;
   * not "the White House Rose Garden", whose last word is a common one) */
  for (size_t k = a + 1; k + 2 <= b && !(w->bits[b - 1] & (W_COMMON | W_ORGHEAD | W_PLACEHEAD)); k++) {
    if (!is_word(w, k) || !(w->bits[k] & W_FIRST) || !(T(w, k)->flags & PX__TF_CAP)) continue;
    size_t kn0 = span_key(w, a, k, w->scratch, w->scratch_cap);
    int kt = kind_type(phrase_kind(w, w->scratch, kn0));
    if (kt == T_ORG || kt == T_PLACE) a = k;
    break;
  }
  /* a known name that ends on such a word stays whole: "USA Today" */
  bool known_whole = false;
  if (b > a + 1 && is_word(w, b - 1) && (w->bits[b - 1] & W_NONENT) && (T(w, b - 1)->flags & PX__TF_CAP)) {
    size_t kn0 = span_key(w, a, b, w->scratch, w->scratch_cap);
    known_whole = kind_type(phrase_kind(w, w->scratch, kn0)) != 0;
  }
  while (!known_whole && b > a &&
         (!is_word(w, b - 1) || (w->bits[b - 1] & (W_CONNECT | W_NONENT)) || (T(w, b - 1)->flags & PX__TF_STOP)))
    b--; /* "Getty Images There", "Ronald Reagan I" */
  if (a >= b) return PX_OK;
  if (a > 0 && T(w, a - 1)->fold == w->ea->h_the) after_the = true;

  /* the whole span in the gazetteer? */
  size_t kn = span_key(w, a, b, w->scratch, w->scratch_cap);
  uint32_t pk = phrase_kind(w, w->scratch, kn);
  /* "Cuban said", ""...," said Cuban": a lone demonym (not a plural)
   * right before a verb of saying, or after one that follows a quote,
   * is someone's family name */
  bool said_demonym =
      (pk == 'D' || pk == 'G') && b - a == 1 && (w->bits[a] & W_DEMONYM) && !(w->bits[a] & (W_NONENT | W_TITLE | W_TMOD)) &&
      tx->body[w->nend[a] - 1] != 's' && !(a > 0 && is_word(w, a - 1) && !(w->bits[a - 1] & W_SAID)) &&
      ((b < tx->ntok && is_word(w, b) && (w->bits[b] & W_SAID)) ||
       (a > 0 && (w->bits[a - 1] & W_SAID) && after_quote_close(w, a - 1)));
  if ((pk == 'D' || pk == 'G') && !said_demonym) return PX_OK;
  if (said_demonym) pk = 0;

  /* a title or role inside the run: "Russian President Vladimir Putin" */
  size_t name_a = a;
  uint64_t rh[MAX_ROLE];
  size_t rn = 0;
  uint32_t rpos = 0;
  bool titled = false;
  if (!kind_type(pk)) {
    size_t lim = PX__MIN(b - 1, a + 7);
    size_t t = SIZE_MAX;
    for (size_t i = a; i < lim; i++)
      if (is_word(w, i) && (w->bits[i] & (W_TITLE | W_ROLE)) && !(w->bits[i] & W_PERSFX) &&
          !(i + 1 < b && (w->bits[i + 1] & W_PERSFX))) /* "Martin Luther King III": a name's end */
        t = i;
    if (t != SIZE_MAX) {
      size_t na = t + 1;
      while (na < b && !is_word(w, na)) na++; /* "Mr." */
      /* "Rep. Al Green", "Sen. Al Franken": a capitalized particle after
       * the title opens the name, not the body the title is of */
      bool named = na + 1 < b && particle(w, na) && (T(w, na)->flags & PX__TF_CAP);
      /* "Secretary of State Mike Pompeo" */
      if (!named && na + 2 < b && (w->bits[na] & W_CONNECT) && T(w, na)->fold != w->ea->h_the) {
        na += 2;
        /* the rest of the body the title is of, while a name of two words
         * or more follows: "Minister of Foreign Affairs Mohammad Javad
         * Zarif" (a first name the lists do not hold) */
        size_t nb = na;
        while (nb + 2 < b && is_word(w, nb) && is_word(w, nb + 1) && !(w->bits[nb] & W_CONNECT) &&
               !(T(w, nb)->flags & PX__TF_STOP) && common_word(w, nb))
          nb++;
        if (nb > na && given_name(w, nb, b)) na = nb;
      }
      if (na < b && (named || !(w->bits[na] & W_CONNECT))) {
        /* the role: title words back to the first modifier or demonym */
        size_t ra = t;
        while (ra > a && (w->bits[ra - 1] & (W_TITLE | W_ROLE | W_TMOD | W_DEMONYM)) &&
               !(T(w, ra - 1)->flags & PX__TF_STOP))
          ra--;
        /* "North Korean": a capitalized word joined to a demonym */
        if (ra > a && (w->bits[ra] & W_DEMONYM) && is_word(w, ra - 1)) {
          char tmp[128];
          size_t tn = span_key(w, ra - 1, ra + 1, tmp, sizeof tmp);
          uint32_t k2 = phrase_kind(w, tmp, tn);
          if (k2 == 'D' || k2 == 'G') ra--;
        }
        for (size_t i = ra; i <= t && rn < MAX_ROLE; i++)
          if (is_word(w, i)) rh[rn++] = tok_hash(w, i);
        if (w->bits[t] & W_HONOR && rn == 1) rn = 0; /* "Mr." is no role */
        rpos = T(w, ra)->start;
        /* "former President Bill Clinton" is "the former president", not "the president" */
        if (rn && rn < MAX_ROLE && a > 0 && is_word(w, a - 1) && (w->bits[a - 1] & W_TMOD) &&
            !(T(w, a - 1)->flags & PX__TF_CAP)) {
          memmove(rh + 1, rh, rn * sizeof *rh);
          rh[0] = tok_hash(w, a - 1);
          rn++;
          rpos = T(w, a - 1)->start;
        }
        titled = true;
        /* what precedes the role may be an organization or a place:
         * "White House Press Secretary", "Texas Gov."; not a person ("French
         * President Francois Hollande": "French" is also a family name) */
        if (ra > a) {
          for (size_t e = ra; e > a; e--) {
            char tmp[256];
            size_t tn = span_key(w, a, e, tmp, sizeof tmp);
            uint32_t k2 = phrase_kind(w, tmp, tn);
            if (kind_type(k2) == T_ORG || kind_type(k2) == T_PLACE) {
              cand *oc;
              int rc = make_cand(w, a, e, PX_MENTION_NAME, NULL, 0, &oc);
              if (rc) return rc;
              oc->vote[kind_type(k2)] += 3;
              break;
            }
          }
        }
        name_a = na;
      } else {
        return PX_OK; /* only a title: "the Russian President" */
      }
    }
  }
  a = name_a;
  if (a >= b) return PX_OK;
  /* "Speaker of the House Nancy Pelosi": the run after "of the" begins
   * with the end of a title, the body the title is of */
  if (b - a >= 3 && (w->bits[a + 1] & W_FIRST) && a >= 3 && is_word(w, a - 1) &&
      T(w, a - 1)->fold == w->ea->h_the && is_word(w, a - 2) && T(w, a - 2)->fold == w->ea->h_of &&
      is_word(w, a - 3) && (w->bits[a - 3] & (W_TITLE | W_ROLE))) {
    a++;
    titled = true;
  }
  /* "Secretary of Health and Human Services Alex Azar": the run after "and"
   * ends the name of the body a title is of, common words, then the
   * person's name of two words or more */
  bool after_and = !titled && a >= 2 && is_word(w, a - 1) && T(w, a - 1)->fold == w->ea->h_and;
  /* an office's name after "and", a family name ending the run: "Kevin
   * McCarthy and Majority Whip Steve Scalise" (not "Bulk and Northern
   * Marine Management") */
  bool of_title = after_and && is_word(w, b - 1) && !common_word(w, b - 1);
  /* or "Secretary of Health and": a title of capitalized words before "and" */
  if (after_and && !of_title)
    for (size_t k = a - 2; k > 0 && k + 6 > a && is_word(w, k); k--) {
      if (T(w, k)->fold == w->ea->h_of) {
        of_title = k + 2 < a && is_word(w, k - 1) && (w->bits[k - 1] & (W_TITLE | W_ROLE));
        break;
      }
      if (!(T(w, k)->flags & PX__TF_CAP)) break;
    }
  if (of_title) {
    size_t j = a;
    while (j + 2 < b && is_word(w, j) && !(w->bits[j] & W_CONNECT) && !(T(w, j)->flags & PX__TF_STOP) &&
           common_word(w, j))
      j++;
    if (j > a && given_name(w, j, b)) a = j, titled = true;
  }
  /* "Republican Jack Howard": a party or nationality before a first name;
   * "Nervous Nancy Pelosi": an epithet; "Tories Oliver Letwin", "Reuters
   * Jonathan Ernst": org_before_name */
  while (b - a >= 3 && (w->bits[a + 1] & W_FIRST) &&
         ((w->bits[a] & W_DEMONYM) || org_before_name(w, a) ||
          (!(w->bits[a] & (W_GAZ_P | W_GAZ_L | W_GAZ_O | W_FIRST)) && common_word(w, a)))) {
    if ((w->bits[a] & W_DEMONYM) || org_before_name(w, a)) titled = true;
    a++;
  }
  /* shouting: "DESPERATELY NEEDED", "BOSS" are words, not names */
  bool shouted = false;
  if (!kind_type(pk) && !titled) {
    bool shout = true;
    size_t nwords = 0;
    for (size_t i = a; i < b && shout; i++) {
      if (!is_word(w, i) || (w->bits[i] & W_CONNECT)) continue;
      if (!(T(w, i)->flags & PX__TF_ALLCAPS)) shout = false;
      else if (w->nend[i] - w->nstart[i] <= 3 || (T(w, i)->flags & PX__TF_STOP)) continue;
      else if (common_word(w, i)) nwords++;
      else shout = false;
    }
    if (shout && nwords >= 1) {
      if (b - a > 1) return PX_OK;
      shouted = true; /* one word: only if it joins a name found elsewhere */
    }
  }
  if (a != name_a || titled) {
    kn = span_key(w, a, b, w->scratch, w->scratch_cap);
    pk = phrase_kind(w, w->scratch, kn);
  }

  /* "the Kentucky Republican": a place and a party, not a name; but a given
   * name before a word that is also a family name ("Misha Shah") is one */
  if (!kind_type(pk) && b - a >= 2 && (w->bits[b - 1] & W_DEMONYM) && is_word(w, b - 2) &&
      !((w->bits[b - 1] & (W_FIRST | W_GAZ_P)) && b - a == 2 &&
        !(w->bits[a] & (W_GAZ_L | W_GAZ_O | W_DEMONYM | W_ORGHEAD | W_PLACEHEAD)) &&
        !common_word(w, a)))
    return take_span(w, a, b - 1, initial);
  /* "AP Photo Humana becomes ...": an agency's picture credit, then a name
   * ("Oakland Photo Vault", "Science Photo Library" stay whole) */
  if (b - a >= 3 && !kind_type(pk) && (T(w, a)->flags & PX__TF_ALLCAPS) && is_word(w, a + 1) &&
      T(w, a + 1)->fold == w->ea->h_photo) {
    int rc = take_span(w, a, a + 2, initial);
    if (rc) return rc;
    return take_span(w, a + 2, b, false);
  }
  /* "Kentucky Republican Rand Paul": two names; after a known place and a
   * party's member, a name of two or three words whatever its first
   * ("Maine Democrat Zak Ringelstein") */
  for (size_t i = a + 1; i + 1 < b; i++)
    if ((w->bits[i] & W_DEMONYM) && !kind_type(pk) &&
        ((w->bits[i + 1] & W_FIRST) || place_party_name(w, a, i, b))) {
      int rc = take_span(w, a, i + 1, initial);
      if (rc) return rc;
      return take_span(w, i + 1, b, false);
    }

  /* a lone title, month or demonym is no name */
  bool all_non = true;
  for (size_t i = a; i < b; i++)
    if (is_word(w, i) && !(w->bits[i] & (W_NONENT | W_DEMONYM | W_TITLE | W_TMOD)) &&
        !(w->bits[i] & W_CONNECT))
      all_non = false;
  size_t nw = 0;
  for (size_t i = a; i < b; i++) nw += is_word(w, i) && !(w->bits[i] & W_CONNECT);
  if (nw == 1 && b - a == 1) {
    /* "R-Texas", "D-Mich.": a party and state label; "C": a lone letter */
    const char *p = tx->body + w->nstart[a];
    size_t len = w->nend[a] - w->nstart[a];
    if (len == 1) return PX_OK;
    if (len >= 3 && len <= 14 && p[1] == '-' && (p[0] == 'R' || p[0] == 'D' || p[0] == 'I'))
      return PX_OK;
  }
  if (said_demonym) all_non = false;
  /* "Rep. Peter King ... King said", "Raj Shah ... Mr. Shah said": a title
   * word that is the family name of a person named before it is that
   * person's name, not a lone title ("the King said" stays a role) */
  if (all_non && !after_the && !kind_type(pk) && is_word(w, b - 1) && (w->bits[b - 1] & W_TITLE) &&
      !(w->bits[b - 1] & (W_NONENT | W_DEMONYM)) && (T(w, b - 1)->flags & PX__TF_CAP) &&
      !(T(w, b - 1)->flags & PX__TF_ALLCAPS)) {
    char tmp[64];
    size_t tn = span_key(w, b - 1, b, tmp, sizeof tmp);
    uint64_t h = key_hash(tmp, tn);
    for (size_t k = 0; k < w->nc && all_non; k++)
      if (w->c[k].nwords >= 2 && w->c[k].h_last == h && !w->c[k].weak && w->c[k].kind != PX_MENTION_ROLE) {
        a = b - 1;
        nw = 1;
        all_non = false;
      }
  }
  if (all_non && (!kind_type(pk) || (nw == 1 && (w->bits[a] & W_NONENT)))) return PX_OK;

  /* a sentence-initial ordinary word */
  bool weak = shouted;
  if (!titled && !kind_type(pk) && !w->post_name && (initial || initial_like(w, a)) &&
      common_initial(w, a)) {
    if (nw == 1) {
      if ((T(w, a)->flags & PX__TF_STOP) || (w->bits[a] & W_NONENT)) return PX_OK;
      /* "\"...,\" Violet said": after the closing mark of a quote the
       * attribution goes on in lower case ("police said"), so a capital
       * before a verb of saying there is a name's */
      weak = !(after_quote_close(w, a) && b < tx->ntok && is_word(w, b) && (w->bits[b] & W_SAID));
      goto make;
    }
    size_t na = a + 1;
    while (na < b && (!is_word(w, na) || (w->bits[na] & W_CONNECT))) na++;
    /* "Ban Ki-moon said": a family name before a given name of two
     * syllables, though "ban" is a word */
    if (!(na == a + 1 && (w->namey[na] & N_SYLL)))
      return take_span(w, na, b, true); /* "Advertisement Continue": look again */
  }
  /* a single capitalized common word mid-sentence ("the Costs", "Interface") is
   * a name when the text capitalizes it more than once and never writes it
   * in lower case; otherwise only if it joins a name found elsewhere */
  if (nw == 1 && !titled && !kind_type(pk) && !(T(w, a)->flags & PX__TF_ALLCAPS) &&
      common_word(w, a) && !(caps_mid(w, a) >= 2 && !(seen_bits(w, T(w, a)->fold) & 1)) &&
      !(after_the && (w->bits[a] & W_ORGHEAD))) /* "the Times" */
    weak = true;

make:;
  cand *c;
  uint32_t ci = (uint32_t)w->nc;
  int rc = make_cand(w, a, b, PX_MENTION_NAME, w->scratch, kn, &c);
  if (rc) return rc;
  c->weak = weak;
  uint32_t lb = w->bits[b - 1], fb = w->bits[a];
  if (kind_type(pk)) c->vote[kind_type(pk)] += 3;
  if (titled) c->vote[T_PERSON] += 4;
  /* "Standard & Poor's", "Procter & Gamble", "Ernst & Young": a name
   * holding an ampersand is a firm's */
  if (!kind_type(pk) && !titled)
    for (size_t i = a + 1; i + 1 < b; i++)
      if (!is_word(w, i) && T(w, i)->end - T(w, i)->start == 1 && tx->body[T(w, i)->start] == '&') {
        c->vote[T_ORG] += 4;
        break;
      }
  if (b - a >= 2 || (lb & W_ORGSFX)) {
    if (lb & W_ORGSFX) c->vote[T_ORG] += 4;
    else if (lb & W_ORGHEAD) c->vote[T_ORG] += 3;
    else if (lb & W_PLACEHEAD) c->vote[T_PLACE] += 3;
    if ((fb & W_ORGHEAD) && b - a >= 3 && (w->bits[a + 1] & W_CONNECT)) c->vote[T_ORG] += 3;
    if ((fb & W_FIRST) && !(lb & (W_ORGHEAD | W_PLACEHEAD))) c->vote[T_PERSON] += 2;
    if (lb & W_PERSFX) c->vote[T_PERSON] += 2;
  }
  if (nw >= 2 && nw <= 3 && !kind_type(pk) && !c->allcaps) {
    /* "Dan Hendrix": two or three uncommon capitalized words look like a
     * person's name; places and organizations usually carry a known word */
    bool plain = !common_word(w, b - 1);
    for (size_t i = a; i < b && plain; i++)
      if (!is_word(w, i) ? !(w->nend[i] - w->nstart[i] == 1 && tx->body[w->nstart[i]] == '.')
                         : ((w->bits[i] & (W_ORGHEAD | W_PLACEHEAD | W_GAZ_L | W_GAZ_O | W_DEMONYM |
                                           W_NONENT | W_CONNECT | W_ORGSFX)) ||
                            (T(w, i)->flags & PX__TF_ALLCAPS)))
        plain = false;
    if (plain) c->vote[T_PERSON] += 1;
  }
  /* "WSOC-TV", "KTLA": a broadcaster */
  if (px__call_letters(tx->body + w->nstart[a], w->nend[b - 1] - w->nstart[a])) c->vote[T_ORG] += 4;
  if (nw == 1) {
    if (after_the && (fb & W_ORGHEAD)) c->vote[T_ORG] += 2; /* "the Times", "the Post" */
    if (fb & W_GAZ_P) c->vote[T_PERSON] += 2;
    if (fb & W_GAZ_O) c->vote[T_ORG] += 2;
    if (fb & W_GAZ_L) c->vote[T_PLACE] += 2;
    if ((T(w, a)->flags & PX__TF_ALLCAPS) && w->nend[a] - w->nstart[a] <= 6)
      c->vote[T_ORG] += 1;
  }
  /* context */
  if (a > 0 && is_word(w, a - 1) && (w->bits[a - 1] & W_PLACEPREP) && !after_the) {
    uint64_t f = T(w, a - 1)->fold;
    c->vote[T_PLACE] += (f == w->ea->h_in || f == w->ea->h_near) ? 1 : 0;
  }
  if (after_the) c->vote[T_PERSON] -= 2;
  /* "Mr. Cleveland", "Sen. Jackson": a person's title outweighs the
   * gazetteer's place or organization of one word */
  if (titled && nw == 1) c->vote[T_PLACE] = c->vote[T_ORG] = 0;
  if (b < tx->ntok && is_word(w, b) && (w->bits[b] & W_SAID) && !after_the) c->vote[T_PERSON] += 1;
  /* "\"...,\" said Maryam Violet": the name after a closing quote's verb */
  if (a > 0 && is_word(w, a - 1) && (w->bits[a - 1] & W_SAID) && after_quote_close(w, a - 1))
    c->vote[T_PERSON] += 1;
  /* a role just before: "North Korean leader Kim Jong-un", "rapper Kanye West" */
  uint64_t bh[MAX_ROLE];
  uint32_t bpos = 0;
  size_t bn = role_before(w, a, bh, &bpos);
  if (bn) {
    c->vote[T_PERSON] += 3;
    if ((rc = push_role(w, bh, bn, ci, bpos))) return rc;
  }
  if (rn && (rc = push_role(w, rh, rn, ci, rpos))) return rc;
  if (titled || bn || (c->vote[T_PERSON] > 0 && c->vote[T_PERSON] >= c->vote[T_ORG] &&
                       c->vote[T_PERSON] >= c->vote[T_PLACE]))
    if ((rc = role_after(w, b, ci))) return rc;
  return PX_OK;
}

/* "al", "bin", "abu" written in lower case before a name: "al Qaeda",
 * "Osama bin Laden" (inside a run the connector rule covers it). */
static bool particle(const work *w, size_t i) {
  const px__token *t = T(w, i);
  if (t->kind != PX__TOK_WORD) return false;
  const char *p = w->tx->body + t->start;
  size_t n = t->end - t->start;
  char f[3];
  if (n != 2 && n != 3) return false;
  for (size_t k = 0; k < n; k++) f[k] = (char)(p[k] >= 'A' && p[k] <= 'Z' ? p[k] + 32 : p[k]);
  return (n == 2 && (!memcmp(f, "al", 2) || !memcmp(f, "el", 2))) ||
         (n == 3 && (!memcmp(f, "bin", 3) || !memcmp(f, "ibn", 3) || !memcmp(f, "abu", 3)));
}

/* The end of the longest known name of an organization or a place that
 * starts at token a and reaches past the connector at c, over name words
 * and lower-case connectors ("Centers for Disease Control and Prevention",
 * "Department of Housing and Urban Development", "Food and Drug
 * Administration"), or 0: "and" ends a run of names ("Russia and China")
 * unless the whole is known. */
static size_t known_across(work *w, size_t a, size_t c) {
  size_t n = w->tx->ntok, e = c;
  while (e < n && e - a < MAX_RUN && T(w, e)->sent == T(w, a)->sent &&
         ((w->namey[e] && !(w->namey[e] & N_STARTS)) ||
          ((w->bits[e] & W_CONNECT) && !(T(w, e)->flags & PX__TF_CAP)) || T(w, e)->fold == w->ea->h_on))
    e++;
  char tmp[512];
  if (T(w, a)->fold == w->ea->h_the && a + 1 < c) a++; /* "The Securities and ..." */
  /* a country before the name: "U.S. Immigration and Customs Enforcement" */
  size_t a2 = a + 1 < c && (w->bits[a] & W_GAZ_L) ? a + 1 : a;
  for (; e > c + 1; e--) {
    if (!w->namey[e - 1]) continue;
    for (size_t from = a; from <= a2; from++) {
      size_t tn = span_key(w, from, e, tmp, sizeof tmp);
      int kind = kind_type(phrase_kind(w, tmp, tn));
      if (kind == T_ORG || kind == T_PLACE) return e;
    }
  }
  return 0;
}

/* Token i names something of its own: a first name, a demonym, a place's
 * head, or a place, person or organization the gazetteer knows that is no
 * common word too ("Michigan", not "Fish" or "Agriculture"). */
static bool own_name(const work *w, size_t i) {
  uint32_t b = w->bits[i];
  return (b & (W_FIRST | W_DEMONYM | W_PLACEHEAD)) ||
         ((b & (W_GAZ_L | W_GAZ_P | W_GAZ_O)) && !(b & W_COMMON));
}

/* The end of an agency's name that the gazetteer does not hold, joined by
 * the "and" at c, or 0: "Fish and Wildlife Service", "U.S. Immigration and
 * Customs Enforcement", "Senate Homeland Security and Governmental Affairs
 * Committee" (two name words or more after "and", the last an
 * organization's head, none before it; the words either side of "and" no
 * such head and no place, person or organization the gazetteer knows), and
 * "National Institute of Allergy and Infectious Diseases" (an
 * organization's head and "of" before, words that are no place, person or
 * organization of their own after).  "Russia and
 * China", "Trump and Congress" and "University of Michigan and Harvard"
 * stay apart. */
static size_t agency_across(work *w, size_t a, size_t c) {
  size_t n = w->tx->ntok;
  if (c == 0 || c <= a || c + 2 >= n) return 0;
  uint32_t before = w->bits[c - 1];
  if (!w->namey[c - 1] || (before & W_ORGHEAD) || own_name(w, c - 1) ||
      (T(w, c - 1)->flags & PX__TF_POSSESSIVE) || (w->bits[c + 1] & W_ORGHEAD) || own_name(w, c + 1) ||
      T(w, c + 1)->fold == w->ea->h_the)
    return 0;
  /* no person or role before "and": "Chad Doe and The Associated Press",
   * "CNN Senior Political Analyst and National Journal Editor ..." */
  for (size_t i = a; i < c; i++)
    if (w->bits[i] & (W_FIRST | W_TITLE | W_ROLE | W_HONOR)) return 0;
  /* the words after "and": names, "of" between them */
  size_t e = c + 1, words = 0;
  while (e < n && e - a < MAX_RUN && T(w, e)->sent == T(w, a)->sent) {
    if (w->namey[e] && !(w->namey[e] & N_STARTS) && (T(w, e)->flags & PX__TF_CAP) &&
        !(T(w, e)->flags & PX__TF_POSSESSIVE)) {
      if (own_name(w, e)) break; /* "... and Western New England University" */
      words++;
      /* a company's suffix ends a company's name: "Moody's Analytics and
       * Equifax Inc." are two */
      if (w->bits[e] & W_ORGSFX) break;
      if ((w->bits[e] & W_ORGHEAD) && words >= 2) {
        /* the words after "and" are no known name of their own ("White House") */
        char tmp[512];
        size_t tn = span_key(w, c + 1, e + 1, tmp, sizeof tmp);
        int kind = kind_type(phrase_kind(w, tmp, tn));
        return kind == T_ORG || kind == T_PLACE || kind == T_PERSON ? 0 : e + 1;
      }
      e++;
      continue;
    }
    if (T(w, e)->fold == w->ea->h_of && words && e + 1 < n && w->namey[e + 1]) {
      e++;
      continue;
    }
    break;
  }
  /* "<Head> of X and Y Z": a head and "of" before, no head, place or person after */
  size_t h = a;
  while (h + 1 < c && !((w->bits[h] & W_ORGHEAD) && T(w, h + 1)->fold == w->ea->h_of)) h++;
  if (h + 1 >= c) return 0;
  size_t f = c + 1;
  while (f < e && w->namey[f] && !(w->bits[f] & W_ORGHEAD) && !own_name(w, f)) f++;
  return f == e && e >= c + 2 && (T(w, e - 1)->flags & PX__TF_CAP) ? e : 0;
}

/* Find the runs of name-like tokens and hand each to take_span. */
static int find_candidates(work *w) {
  const px__text *tx = w->tx;
  size_t n = tx->ntok;
  size_t i = 0;
  if (tx->dateline.found) {
    while (i < n && T(w, i)->start < tx->dateline.end) i++;
  }
  while (i < n) {
    /* a handle ("@PA", "(@GOP)") names an account, not a mention */
    if (!w->namey[i] || (T(w, i)->start > 0 && tx->body[T(w, i)->start - 1] == '@')) {
      i++;
      continue;
    }
    size_t a = i, j = i + 1;
    if (a > 0 && particle(w, a - 1) && T(w, a - 1)->sent == T(w, a)->sent &&
        !(a > 1 && w->namey[a - 2]))
      a--; /* "al Qaeda" */
    if (!(w->namey[i] & N_ENDS) && !(T(w, i)->flags & PX__TF_POSSESSIVE)) {
      while (j < n && j - a < MAX_RUN && T(w, j)->sent == T(w, a)->sent) {
        const px__token *t = T(w, j);
        const px__token *p = T(w, j - 1);
        bool adjacent = p->end == t->start;
        /* "Kamala Harris Harris graduates ...": a gallery's caption run
         * into a name's repeat; one name never ends on its word twice
         * ("Sirhan Sirhan", two words, is one) */
        if (j - 1 > a && t->fold == p->fold && t->kind == PX__TOK_WORD) break;
        if (w->namey[j] && !(w->namey[j] & N_STARTS)) {
          j++;
          if ((w->namey[j - 1] & N_ENDS) || (t->flags & PX__TF_POSSESSIVE)) break;
          continue;
        }
        /* a period right after an initial or an abbreviation: "W." "Mr." "U.S." */
        /* not past a company's suffix: "Equifax Inc. Standard & Poor's
         * said" names two ("Co. Ltd." goes on) */
        if (t->kind == PX__TOK_PUNCT && adjacent && tx->body[t->start] == '.' &&
            t->end - t->start == 1 && w->namey[j - 1] &&
            ((w->nend[j - 1] - w->nstart[j - 1] <= 2) ||
             (w->bits[j - 1] & (W_TITLE | W_PERSFX | W_ORGSFX))) &&
            j + 1 < n && w->namey[j + 1] && T(w, j + 1)->sent == t->sent &&
            !((w->bits[j - 1] & W_ORGSFX) && !(w->bits[j - 1] & (W_TITLE | W_PERSFX)) &&
              !(w->bits[j + 1] & W_ORGSFX))) {
          j++;
          continue;
        }
        /* a connector between names: "Bank of America", "bin Laden", "AT&T" */
        if (j + 1 < n && w->namey[j + 1] && T(w, j + 1)->sent == t->sent &&
            (w->bits[j] & W_CONNECT) && !(t->flags & PX__TF_CAP)) {
          uint64_t f = t->fold;
          bool of_like = f == w->ea->h_of || f == w->ea->h_for || f == w->ea->h_amp;
          if (f != w->ea->h_and &&
              (!of_like || (w->bits[j - 1] & (W_ORGHEAD | W_PLACEHEAD | W_TITLE | W_ROLE)) ||
               f == w->ea->h_amp)) {
            j++;
            continue;
          }
          size_t e = known_across(w, a, j);
          if (!e && f == w->ea->h_and) e = agency_across(w, a, j);
          if (e) {
            j = e;
            break;
          }
          if (f == w->ea->h_and) break; /* "Russia and China" */
        }
        /* "Commission on Presidential Debates", "Council on Foreign
         * Relations": "on" after the head of an organization's name */
        if (t->fold == w->ea->h_on && !(t->flags & PX__TF_CAP) && (w->bits[j - 1] & W_ORGHEAD) &&
            j + 1 < n && w->namey[j + 1] && T(w, j + 1)->sent == t->sent) {
          j++;
          continue;
        }
        if ((t->kind == PX__TOK_SYMBOL || t->kind == PX__TOK_PUNCT) && t->end - t->start == 1 &&
            tx->body[t->start] == '&' && j + 1 < n && w->namey[j + 1]) {
          j++;
          continue;
        }
        break;
      }
    }
    int rc;
    uint16_t si = T(w, a)->sent;
    /* an embedded post's signature: "— Jane Doe (@janedoe) September 16,
     * 2019", the account's name before its handle, whole: "Chase" or "Van"
     * that open it are no common words here */
    if (j < n && T(w, j)->start + 1 < tx->len && tx->body[T(w, j)->start] == '(' &&
        tx->body[T(w, j)->start + 1] == '@') {
      size_t b = a;
      while (b > 0 && T(w, b - 1)->sent == T(w, a)->sent &&
             ((is_word(w, b - 1) && (T(w, b - 1)->flags & PX__TF_CAP)) ||
              (T(w, b - 1)->kind == PX__TOK_PUNCT && tx->body[T(w, b - 1)->start] == '.' &&
               b - 1 > 0 && is_word(w, b - 2))) &&
             (w->nc == 0 || w->c[w->nc - 1].end <= T(w, b - 1)->start))
        b--;
      w->post_name = true;
      rc = take_span(w, b, j, false);
      w->post_name = false;
      if (rc) return rc;
      i = j;
      continue;
    }
    if ((si < w->tx->nsent && w->headline[si]) || w->titled[a]) {
      /* a heading in title case: only what is known to be a name */
      char tmp[512];
      size_t tn = span_key(w, a, j, tmp, sizeof tmp);
      /* a signature line in title case: "― Edwin G. Monroy", a first
       * name, a middle initial and a last name */
      bool signature = j - a == 4 && (w->bits[a] & W_FIRST) && w->nend[a + 1] - w->nstart[a + 1] == 1 &&
                       T(w, a + 2)->kind == PX__TOK_PUNCT && (T(w, a + 3)->flags & PX__TF_CAP);
      if (signature || kind_type(phrase_kind(w, tmp, tn))) {
        if ((rc = take_span(w, a, j, true))) return rc;
      } else {
        for (size_t k = a; k < j; k++) {
          /* the longest known name from here ("Washington Post" in a
           * stretch in title case), else a known word */
          size_t e = 0;
          for (size_t f = j < k + 8 ? j : k + 8; f > k + 1 && !e; f--) {
            if (!w->namey[f - 1]) continue;
            size_t fn = span_key(w, k, f, tmp, sizeof tmp);
            if (kind_type(phrase_kind(w, tmp, fn))) e = f;
          }
          if (e) {
            if ((rc = take_span(w, k, e, true))) return rc;
            k = e - 1;
            continue;
          }
          if (w->namey[k] && ((w->bits[k] & (W_GAZ_P | W_GAZ_L | W_GAZ_O)) ||
                              (seen_bits(w, T(w, k)->fold) & 2)) &&
              (rc = take_span(w, k, k + 1, true)))
            return rc;
        }
      }
    } else if ((rc = take_span(w, a, j, false))) {
      return rc;
    }
    i = j > a ? j : a + 1;
  }
  return PX_OK;
}

/* The dateline's place and agency are mentions too.  The tokenizer starts
 * after the dateline, so these mentions have no tokens. */
static int dateline_cands(work *w) {
  const px__dateline *d = &w->tx->dateline;
  if (!d->found) return PX_OK;
  const char *body = w->tx->body;
  /* the place's cities (two after a slash, "WASHINGTON/MINNEAPOLIS"),
   * then the agency */
  uint32_t span[4][2];
  int nspan = 0;
  uint32_t pe = d->place_end;
  /* "KYIV, Ukraine": the city */
  for (uint32_t k = d->place_start; k < pe; k++)
    if (body[k] == ',') {
      pe = k;
      break;
    }
  for (uint32_t a = d->place_start, k = a; k <= pe && nspan < 3; k++)
    if (k == pe || body[k] == '/') {
      span[nspan][0] = a, span[nspan][1] = k, nspan++;
      a = k + 1;
    }
  int agency = nspan;
  span[nspan][0] = d->agency_start, span[nspan][1] = d->agency_end, nspan++;
  for (int x = 0; x < nspan; x++) {
    int which = x == agency;
    uint32_t s = span[x][0], e = span[x][1];
    while (e > s && (body[e - 1] == ' ' || body[e - 1] == '.')) e--;
    if (e <= s || e - s > 200) continue;
    cand *c;
    int rc = push_cand(w, &c);
    if (rc) return rc;
    c->start = s;
    c->end = e;
    c->kind = PX_MENTION_NAME;
    char *key;
    size_t kn;
    if ((rc = px__entity_key(w->ea, body + s, e - s, w->arena, &key, &kn))) return rc;
    c->key = key;
    c->key_len = kn;
    c->h_key = key_hash(key, kn);
    size_t nw = kn ? 1 : 0, fe = kn, ls = 0;
    for (size_t i = 0; i < kn; i++)
      if (key[i] == ' ') {
        if (nw == 1) fe = i;
        nw++;
        ls = i + 1;
      }
    c->nwords = (uint8_t)(nw > 255 ? 255 : nw);
    c->h_first = key_hash(key, fe);
    c->h_last = key_hash(key + ls, kn - ls);
    c->allcaps = false;
    c->vote[which ? T_ORG : T_PLACE] += 5;
  }
  return PX_OK;
}

/* "the North Korean leader" after the text gave Kim Jong-un that role. */
static int role_mentions(work *w) {
  const px__text *tx = w->tx;
  if (w->nr == 0) return PX_OK;
  /* tokens already inside a mention */
  uint8_t *covered = px__arena_alloc(w->arena, tx->ntok + 1);
  if (!covered) return PX_ENOMEM;
  memset(covered, 0, tx->ntok + 1);
  for (size_t k = 0; k < w->nc; k++)
    for (size_t t = w->c[k].tok_first; t < (size_t)w->c[k].tok_first + w->c[k].tok_count; t++)
      if (t < tx->ntok) covered[t] = 1;
  size_t r0 = 0; /* roles established before token i: w->r is in text order */
  for (size_t i = 0; i + 1 < tx->ntok; i++) {
    if (T(w, i)->fold != w->ea->h_the) continue;
    size_t best_r = SIZE_MAX, best_n = 0;
    while (r0 < w->nr && w->r[r0].pos < T(w, i)->start) r0++;
    /* the 64 latest roles: a bound for hostile input */
    for (size_t r = r0 > 64 ? r0 - 64 : 0; r < r0; r++) {
      const role *ro = &w->r[r];
      if (ro->pos >= T(w, i)->start) continue;
      /* the whole role or its end: "Democratic President Barack Obama" is
       * "the president"; a former one only "the former president" */
      size_t k = 0, m = 0;
      for (size_t from = 0; from < (ro->past ? 1u : ro->n); from++) {
        k = i + 1;
        m = 0;
        while (from + m < ro->n && k < tx->ntok && is_word(w, k) &&
               T(w, k)->sent == T(w, i)->sent && tok_hash(w, k) == ro->h[from + m]) {
          m++;
          k++;
        }
        if (from + m == ro->n) break;
        m = 0;
      }
      if (m == 0) continue;
      if (k < tx->ntok && w->namey[k] && T(w, k)->sent == T(w, i)->sent &&
          !(T(w, k - 1)->flags & PX__TF_POSSESSIVE))
        continue; /* "the Russian President Vladimir Putin": a title */
      /* the most specific role; among equals, the latest established, but
       * for a bare title ("the president") the first: the article's main
       * figure, not the former president it mentioned in passing */
      if (m > best_n || (m == best_n && m > 1 && ro->pos >= w->r[best_r].pos)) {
        best_r = r;
        best_n = m;
      }
    }
    if (best_r == SIZE_MAX) continue;
    /* skip if an existing mention covers these tokens */
    uint32_t s = T(w, i + 1)->start;
    if (covered[i + 1]) continue;
    cand *c;
    int rc = push_cand(w, &c);
    if (rc) return rc;
    const cand *p = &w->c[w->r[best_r].cand];
    c->start = s;
    c->end = w->nend[i + best_n];
    c->tok_first = (uint32_t)(i + 1);
    c->tok_count = (uint16_t)best_n;
    c->sent = T(w, i + 1)->sent;
    c->kind = PX_MENTION_ROLE;
    c->key = p->key;
    c->key_len = p->key_len;
    c->entity = w->r[best_r].cand;
    i += best_n;
  }
  return PX_OK;
}

/* ----------------------------------------------------------- merging */

static int top_type(const int32_t *v) {
  int best = T_OTHER;
  int32_t bv = 0;
  for (int t = T_PERSON; t <= T_PLACE; t++)
    if (v[t] > bv) {
      bv = v[t];
      best = t;
    }
  return best;
}

/* Sort distinct keys ascending: quicksort (median of three, recursion on
 * the smaller side) down to insertion sort; no comparison callback. */
static void sort_u64(uint64_t *a, size_t n) {
  while (n > 24) {
    uint64_t x = a[0], y = a[n / 2], z = a[n - 1];
    uint64_t piv = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
    size_t i = 0, j = n - 1;
    for (;;) {
      while (a[i] < piv) i++;
      while (a[j] > piv) j--;
      if (i >= j) break;
      uint64_t t = a[i];
      a[i++] = a[j];
      a[j--] = t;
    }
    /* [0, j] <= piv <= [j + 1, n) */
    size_t left = j + 1;
    if (left < n - left) {
      sort_u64(a, left);
      a += left;
      n -= left;
    } else {
      sort_u64(a + left, n - left);
      n = left;
    }
  }
  for (size_t i = 1; i < n; i++) {
    uint64_t t = a[i];
    size_t j = i;
    while (j > 0 && a[j - 1] > t) {
      a[j] = a[j - 1];
      j--;
    }
    a[j] = t;
  }
}

/* A table in the arena, for one document. */
static int atab_init(px__arena *ar, wtab *t, size_t want) {
  size_t slots = 64;
  while (slots < want * 2 + 2) slots <<= 1;
  t->keys = px__arena_alloc(ar, slots * sizeof *t->keys);
  t->vals = px__arena_alloc(ar, slots * sizeof *t->vals);
  if (!t->keys || !t->vals) return PX_ENOMEM;
  memset(t->keys, 0, slots * sizeof *t->keys);
  t->mask = slots - 1;
  t->used = 0;
  return PX_OK;
}

static void atab_clear(wtab *t) {
  memset(t->keys, 0, (t->mask + 1) * sizeof *t->keys);
  t->used = 0;
}

/* Insert or overwrite. */
static void atab_set(wtab *t, uint64_t h, uint32_t v) {
  if (!h) h = 1;
  size_t i = wtab_slot(t, h);
  while (t->keys[i] && t->keys[i] != h) i = (i + 1) & t->mask;
  if (!t->keys[i]) {
    if (t->used * 2 >= t->mask) return;
    t->keys[i] = h;
    t->used++;
  }
  t->vals[i] = v;
}

#define K_LAST 0x4c415354ULL  /* tags the last-word-only entries */
#define K_PAIR 0x50414952ULL

/* Initials of a key, minor words skipped: "north atlantic treaty organization" -> "nato". */
static size_t initials(const char *k, size_t n, char *ini, size_t cap) {
  size_t ni = 0;
  for (size_t q = 0; q < n;) {
    size_t wl = 0;
    while (q + wl < n && k[q + wl] != ' ') wl++;
    bool minor = (wl == 2 && !memcmp(k + q, "of", 2)) || (wl == 3 && !memcmp(k + q, "the", 3)) ||
                 (wl == 3 && !memcmp(k + q, "and", 3)) || (wl == 3 && !memcmp(k + q, "for", 3));
    if (!minor && wl) {
      if (ni == cap) return 0;
      ini[ni++] = k[q];
    }
    q += wl + 1;
  }
  return ni;
}

/* May a one-word mention x join the multi-word candidate y, and by which
 * of its words?  Sets the table keys it is found under. */
static size_t join_keys(const work *w, const cand *y, int yt, uint64_t *h) {
  if (yt == T_PERSON) {
    h[0] = y->h_first;
    h[1] = y->h_last;
    return 2;
  }
  if (yt == T_OTHER && y->nwords <= 4 && y->vote[T_ORG] <= 0 && y->vote[T_PLACE] <= 0 &&
      y->tok_count > 0 && !(w->bits[y->tok_first + y->tok_count - 1] & W_COMMON)) {
    /* "Ana Ruiz ... Ruiz": only people are named by their last word */
    h[0] = y->h_last ^ K_LAST;
    return 1;
  }
  return 0;
}

/* Words of kinship. */
static const char *const k_kin[] = {"wife",     "husband",  "son",   "daughter", "mother",
                                    "father",   "brother",  "sister", "widow",   "widower",
                                    "lady",     "spouse",   "grandson", "granddaughter",
                                    "niece",    "nephew",   "cousin", "stepson", "stepdaughter",
                                    "grandfather", "grandmother", "uncle", "aunt", NULL};

static bool kin_word(const char *p, size_t n) {
  for (size_t i = 0; k_kin[i]; i++)
    if (strlen(k_kin[i]) == n && strncasecmp(p, k_kin[i], n) == 0) return true;
  return false;
}

/* Is mention y named as someone's relative, after a kin word and "of" and
 * up to three words of a role ("Laura Bush, wife of former president
 * George Bush, wrote")?  The text is about the first, not this one. */
static bool kin_of(const work *w, const cand *y) {
  size_t k = y->tok_first;
  for (int back = 0; back < 4 && k > 1; back++, k--) {
    const px__token *t = T(w, k - 1);
    if (t->kind != PX__TOK_WORD || t->sent != T(w, y->tok_first)->sent) return false;
    const char *p = w->tx->body + t->start;
    size_t n = t->end - t->start;
    if (n == 2 && !strncasecmp(p, "of", 2)) {
      const px__token *u = T(w, k - 2);
      return u->kind == PX__TOK_WORD && kin_word(w->tx->body + u->start, u->end - u->start);
    }
    if ((t->flags & (PX__TF_CAP | PX__TF_STOP))) return false;
  }
  return false;
}

/* Whether a relative's role comes before mention y: the word before it,
 * or a comma and it ("his wife, Heidi Cruz", "first lady Michelle Obama",
 * "son Hunter Biden"), or a few words of a role in lower case after it
 * ("President Trump's daughter and senior adviser Ivanka Trump"). */
static bool kin_before(const work *w, const cand *y) {
  size_t k = y->tok_first;
  for (int back = 0; back < 5 && k > 0; back++) {
    const px__token *t = T(w, k - 1);
    if (t->sent != T(w, y->tok_first)->sent) return false;
    if (t->kind == PX__TOK_PUNCT && w->tx->body[t->start] == ',' && back == 0) {
      k--;
      continue;
    }
    if (t->kind != PX__TOK_WORD) return false;
    const char *p = w->tx->body + t->start;
    size_t n = t->end - t->start;
    if (kin_word(p, n)) return true;
    /* a name, or a small word other than "and" and "the", ends the role
     * ("son was hit by driver John Smith"; "the son of Strom Thurmond"
     * names the father, no relative of an earlier "Thurmond") */
    if (t->flags & PX__TF_CAP) return false;
    if ((t->flags & PX__TF_STOP) && !(n == 3 && (!strncasecmp(p, "and", 3) || !strncasecmp(p, "the", 3))))
      return false;
    k--;
  }
  return false;
}

/* The gender an honorific before mention x gives (1 "Mr.", 2 "Mrs.",
 * "Ms.", "Miss"), or 0. */
static int honorific_gender(const work *w, const cand *x) {
  size_t k = x->tok_first;
  if (k == 0) return 0;
  size_t b = k - 1;
  if (b > 0 && T(w, b)->kind == PX__TOK_PUNCT && w->tx->body[T(w, b)->start] == '.') b--;
  if (T(w, b)->sent != T(w, k)->sent) return 0;
  uint64_t h = T(w, b)->fold;
  if (h == w->ea->h_mr) return 1;
  if (h == w->ea->h_mrs || h == w->ea->h_ms || h == w->ea->h_miss) return 2;
  return 0;
}

/* The gender of the given name of y, a name of two words or more, or 0. */
static int given_gender(const work *w, const cand *y) {
  if (y->nwords < 2 || y->tok_count < 2) return 0;
  const px__token *t = T(w, y->tok_first);
  return px__given_name_gender(w->tx->body + t->start, t->end - t->start);
}

/* A person's key without middle initials ("john a boehner" -> "john
 * boehner", "charles e schumer" -> "chuck schumer" through the variants),
 * unless the gazetteer knows the name with them ("george w bush"). */
static int person_key(work *w, const cand *b, const char **key, size_t *klen) {
  const char *k = *key;
  size_t n = *klen;
  /* made again from the words when a place's spelling went into it */
  size_t sn = span_key(w, b->tok_first, (size_t)b->tok_first + b->tok_count, w->scratch, w->scratch_cap);
  char *all = px__arena_alloc(w->arena, sn * 2 + 64), *own = px__arena_alloc(w->arena, sn * 2 + 64);
  if (!all || !own) return PX_ENOMEM;
  size_t an = key_variants(w->ea, w->scratch, sn, all, sn * 2 + 63, false);
  size_t pn = key_variants(w->ea, w->scratch, sn, own, sn * 2 + 63, true);
  if (an == n && memcmp(all, k, n) == 0 && (pn != an || memcmp(own, all, an) != 0)) {
    k = own;
    n = pn;
  }
  char *o = px__arena_alloc(w->arena, n + 1);
  if (!o) return PX_ENOMEM;
  size_t on = 0, words = 0;
  bool known = phrase_kind(w, k, n) == 'P';
  for (size_t i = 0; i < n && !known;) {
    size_t j = i;
    while (j < n && k[j] != ' ') j++;
    bool middle = words > 0 && j < n; /* neither first nor last word */
    if (!(middle && j - i == 1)) {
      if (on) o[on++] = ' ';
      memcpy(o + on, k + i, j - i);
      on += j - i;
    }
    words++;
    i = j + 1;
  }
  if (known || on == 0) {
    memcpy(o, k, n);
    on = n;
  }
  uint32_t vi;
  if (wtab_get(&w->ea->pvariants, key_hash(o, on), &vi)) {
    *key = px__person_variants[vi].canonical;
    *klen = strlen(*key);
    return PX_OK;
  }
  o[on] = '\0';
  *key = o;
  *klen = on;
  return PX_OK;
}

/* Is the name of candidate y a person the lists know ("Donald Trump")? */
static bool known_person(const work *w, const cand *y) { return phrase_kind(w, y->key, y->key_len) == 'P'; }

/* A one-word mention x that is the family name of a person the text named
 * before it, and not written as a place ("in Holland", "to Jackson",
 * "visited Jackson"). */
static bool surname_of_person_before(const work *w, const cand *c, const ent *e, const wtab *before,
                                     const cand *x) {
  static const char *const visit[] = {"visit", "visited"};
  uint32_t pe;
  if (x->tok_count != 1 || x->allcaps) return false; /* "MSNBC" is no family name */
  if (!(wtab_get(before, x->h_key, &pe) && top_type(e[pe].vote) == T_PERSON) &&
      !(wtab_get(before, x->h_key ^ K_LAST, &pe) && top_type(e[pe].vote) == T_OTHER &&
        (w->bits[c[e[pe].best].tok_first] & W_FIRST)))
    return false; /* "Chris Cleveland" of no type names "Cleveland" too */
  if (c[e[pe].best].h_last != x->h_key) return false;
  size_t t = x->tok_first;
  if (t > 0 && T(w, t - 1)->kind == PX__TOK_WORD) {
    if (w->bits[t - 1] & W_PLACEPREP) return false;
    const char *p = w->tx->body + T(w, t - 1)->start;
    size_t n = T(w, t - 1)->end - T(w, t - 1)->start;
    for (size_t k = 0; k < sizeof visit / sizeof *visit; k++)
      if (strlen(visit[k]) == n && strncasecmp(p, visit[k], n) == 0) return false;
  }
  return true;
}

static int merge(work *w, px__entities *out) {
  size_t nc = w->nc;
  cand *c = w->c;
  px__arena *ar = w->arena;
  ent *e = px__arena_alloc(ar, (nc + 1) * sizeof *e);
  if (!e) return PX_ENOMEM;
  wtab keys, pairs, before, after, acro;
  int rc;
  if ((rc = atab_init(ar, &keys, nc)) || (rc = atab_init(ar, &pairs, nc)) ||
      (rc = atab_init(ar, &before, 2 * nc)) || (rc = atab_init(ar, &after, 2 * nc)) ||
      (rc = atab_init(ar, &acro, nc)))
    return rc;
  size_t ne = 0;

  /* candidate's own type guess */
#define CTYPE(x) top_type((const int32_t[5]){0, (x)->vote[1], (x)->vote[2], (x)->vote[3], 0})

  /* pass 1: names of two or more words, by key; people also by first and
   * last word ("Hillary Rodham Clinton", "Hillary Clinton") */
  for (size_t i = 0; i < nc; i++) {
    cand *x = &c[i];
    if (x->kind == PX_MENTION_ROLE || x->nwords < 2 || x->weak) continue;
    uint32_t ei;
    uint64_t pair = px__mix64(x->h_first * 3 ^ x->h_last ^ K_PAIR);
    if (!wtab_get(&keys, x->h_key, &ei)) {
      ei = UINT32_MAX;
      if (CTYPE(x) == T_PERSON && wtab_get(&pairs, pair, &ei)) {
        if (top_type(e[ei].vote) != T_PERSON) ei = UINT32_MAX;
        else if (c[e[ei].best].nwords > x->nwords) x->kind = PX_MENTION_PARTIAL;
      }
      if (ei == UINT32_MAX) {
        ei = (uint32_t)ne++;
        memset(&e[ei], 0, sizeof e[ei]);
        e[ei].best = (uint32_t)i;
      }
      wtab_put(&keys, x->h_key, ei, false);
    }
    x->entity = ei;
    for (int t = 1; t < 5; t++) e[ei].vote[t] += x->vote[t];
    if (top_type(e[ei].vote) == T_PERSON) atab_set(&pairs, pair, ei);
  }

  /* pass 2: one-word names join the nearest person before them whose name
   * starts or ends with them (else the first after), an organization they
   * abbreviate, or an entity with the same key.  Ordinary words (weak) go
   * last: they may join an entity, never start one. */
  for (size_t i = 0; i < nc; i++) {
    const cand *y = &c[i];
    if (y->nwords < 2 || y->entity == UINT32_MAX || y->kind == PX_MENTION_ROLE) continue;
    int yt = top_type(e[y->entity].vote);
    uint64_t h[2];
    size_t nh = join_keys(w, y, yt, h);
    for (size_t k = 0; k < nh; k++) wtab_put(&after, h[k], y->entity, false);
    if (yt != T_PERSON) {
      char ini[16];
      size_t ni = initials(y->key, y->key_len, ini, sizeof ini);
      if (ni >= 2) wtab_put(&acro, key_hash(ini, ni), y->entity, false);
    }
  }
  /* mentions of each entity so far, in text order: a family name two
   * people share goes on with the one the text has named most ("Ted Cruz
   * ... Cruz ... his wife, Heidi Cruz ... Cruz said"), the nearer one
   * only among equals */
  uint32_t *seen = px__arena_alloc(ar, (nc + 1) * sizeof *seen); /* entities are at most nc */
  if (!seen) return PX_ENOMEM;
  for (int round = 0; round < 2; round++) {
    atab_clear(&before);
    memset(seen, 0, (nc + 1) * sizeof *seen);
    for (size_t i = 0; i < nc; i++) {
      cand *x = &c[i];
      if (x->kind == PX_MENTION_ROLE) continue;
      if (x->nwords >= 2 && !x->weak) {
        if (x->entity == UINT32_MAX) continue;
        seen[x->entity]++;
        uint64_t h[2];
        size_t nh = join_keys(w, x, top_type(e[x->entity].vote), h);
        /* a relative named in passing does not take the family name
         * from the person named before ("Laura Bush, wife of former
         * president George Bush, wrote ... Bush wrote, "..."", "Brett
         * Kavanaugh ... his wife, Ashley Estes Kavanaugh, ... Kavanaugh
         * said") */
        bool passing = kin_of(w, x) || kin_before(w, x);
        for (size_t k = 0; k < nh; k++) {
          uint32_t e0;
          if (wtab_get(&before, h[k], &e0) && e0 != x->entity && (seen[e0] > seen[x->entity] || passing))
            continue;
          atab_set(&before, h[k], x->entity);
        }
        continue;
      }
      if (x->entity != UINT32_MAX || x->weak != (round == 1)) continue;
      uint32_t ei = UINT32_MAX;
      bool kin = false; /* kept apart from a relative named after it */
      bool strong_other = x->vote[T_ORG] >= 3 || x->vote[T_PLACE] >= 3;
      if (strong_other && surname_of_person_before(w, c, e, &before, x)) {
        /* "CNN Polling Director Keating Holland ... adds Holland": the
         * family name of a person named before, not the place */
        strong_other = false;
        x->vote[T_ORG] = x->vote[T_PLACE] = 0;
      }
      if (!strong_other) {
        bool plain = x->tok_count == 1 && !(w->bits[x->tok_first] & W_COMMON);
        bool ahead = false; /* found among the names written after it */
        if (!wtab_get(&before, x->h_key, &ei) &&
            !(plain && wtab_get(&before, x->h_key ^ K_LAST, &ei))) {
          ahead = wtab_get(&after, x->h_key, &ei) ||
                  (plain && wtab_get(&after, x->h_key ^ K_LAST, &ei));
          if (!ahead) ei = UINT32_MAX;
        }
        /* "President Hallvard ... first lady Ingrid Hallvard": a family
         * name the text uses before it names a relative of that name
         * ("his wife", "first lady", "son") is a person of its own, who
         * goes on as the most named of the two */
        kin = ahead && ei != UINT32_MAX && c[e[ei].best].h_last == x->h_key &&
              kin_before(w, &c[e[ei].best]);
        if (kin) {
          /* the person of that name the lists know, when the text names
           * him too ("Donald Trump" beside "Ivanka Trump"), else one of
           * its own */
          uint32_t relative = ei;
          ei = UINT32_MAX;
          for (size_t j = 0; j < nc && ei == UINT32_MAX; j++) {
            const cand *y = &c[j];
            if (y->entity != UINT32_MAX && y->entity != relative && y->nwords >= 2 && y->h_last == x->h_key &&
                top_type(e[y->entity].vote) == T_PERSON && known_person(w, y))
              ei = y->entity;
          }
        }
        /* "Mr. Obama" is not "Michelle Obama", nor "Mrs. Romney" "Mitt
         * Romney": the person of that family name whose given name agrees
         * with the honorific, the most named of them, else a person of its
         * own */
        /* (nor "Ms. Carter" "Ash Carter", whose given name the lists do
         * not know, after "Stephanie Carter, the wife of ... Ash Carter";
         * "Mr. Romney" stays "Mitt Romney", the most named, whose given
         * name they do not know either, when "George Romney" is named) */
        /* "President Trump blasted ..." before any full name, then "Lara
         * Trump" and "Donald Trump" in a list of links: a family name with
         * an office's title before it, ahead of the names, is the person of
         * that name the lists know, not a relative they do not know */
        if (ei != UINT32_MAX && ahead && x->tok_first > 0 && (w->bits[x->tok_first - 1] & W_TITLE) &&
            !(w->bits[x->tok_first - 1] & W_HONOR) && !known_person(w, &c[e[ei].best])) {
          for (size_t j = 0; j < nc; j++) {
            const cand *y = &c[j];
            if (y->entity != UINT32_MAX && y->entity != ei && y->nwords >= 2 && y->h_last == x->h_key &&
                top_type(e[y->entity].vote) == T_PERSON && known_person(w, y)) {
              ei = y->entity;
              break;
            }
          }
        }
        int hg = ei != UINT32_MAX ? honorific_gender(w, x) : 0, gg = hg ? given_gender(w, &c[e[ei].best]) : 0;
        if (hg && hg != gg && (gg || hg == 2)) {
          uint32_t alt = UINT32_MAX;
          for (size_t j = 0; j < nc; j++) {
            const cand *y = &c[j];
            if (y->entity == UINT32_MAX || y->nwords < 2 || y->h_last != x->h_key ||
                top_type(e[y->entity].vote) != T_PERSON || given_gender(w, y) != hg)
              continue;
            if (alt == UINT32_MAX || seen[y->entity] > seen[alt]) alt = y->entity;
          }
          if (alt != UINT32_MAX) ei = alt;
          else if (gg) ei = UINT32_MAX;
        }
        if (ei != UINT32_MAX) {
          x->kind = PX_MENTION_PARTIAL;
          x->vote[T_PERSON] += 2;
        }
      }
      if (ei == UINT32_MAX && !wtab_get(&keys, x->h_key, &ei)) ei = UINT32_MAX;
      if (ei == UINT32_MAX && x->allcaps && x->key_len >= 2 && x->key_len <= 8 &&
          wtab_get(&acro, x->h_key, &ei))
        x->kind = PX_MENTION_ACRONYM; /* "FBI" after "Federal Bureau of Investigation" */
      if (ei == UINT32_MAX) {
        if (x->weak) continue; /* an ordinary word after all */
        ei = (uint32_t)ne++;
        memset(&e[ei], 0, sizeof e[ei]);
        e[ei].best = (uint32_t)i;
        wtab_put(&keys, x->h_key, ei, false);
      }
      x->entity = ei;
      seen[ei]++;
      for (int t = 1; t < 5; t++) e[ei].vote[t] += x->vote[t];
      if (kin) { /* later mentions find it as they find a full name */
        uint32_t e0;
        if (!wtab_get(&before, x->h_key, &e0) || seen[e0] <= seen[ei]) atab_set(&before, x->h_key, ei);
      }
    }
  }
  /* role and appositive mentions take their person's entity */
  for (size_t i = 0; i < nc; i++) {
    cand *x = &c[i];
    if (x->kind != PX_MENTION_ROLE) continue;
    uint32_t ci = x->entity;
    x->entity = ci < nc ? c[ci].entity : UINT32_MAX;
    if (x->entity != UINT32_MAX) e[x->entity].vote[T_PERSON] += 1;
  }
  /* canonical name: the mention with most words (earliest among equals) */
  for (size_t i = 0; i < nc; i++) {
    cand *x = &c[i];
    if (x->entity == UINT32_MAX || x->kind == PX_MENTION_ROLE) continue;
    ent *en = &e[x->entity];
    cand *b = &c[en->best];
    if (x->nwords > b->nwords || (x->nwords == b->nwords && x->start < b->start &&
                                  x->kind == PX_MENTION_NAME))
      en->best = (uint32_t)i;
  }
  /* order entities by first mention; mentions by entity then position */
  uint64_t *ord = px__arena_alloc(ar, (nc + 1) * sizeof *ord);
  if (!ord) return PX_ENOMEM;
  size_t nm = 0;
  for (size_t i = 0; i < ne; i++) e[i].first_pos = UINT32_MAX;
  for (size_t i = 0; i < nc; i++) {
    if (c[i].entity == UINT32_MAX) continue;
    ent *en = &e[c[i].entity];
    if (c[i].start < en->first_pos) en->first_pos = c[i].start;
  }
  for (size_t i = 0; i < ne; i++) ord[i] = (uint64_t)e[i].first_pos << 32 | i;
  sort_u64(ord, ne);
  for (size_t i = 0; i < ne; i++) e[ord[i] & 0xffffffffu].order = (uint32_t)i;
  /* mentions grouped by entity (counting placement), then by position: the
   * candidates are nearly in text order, so insertion sort is linear */
  uint32_t *pos = px__arena_alloc(ar, (ne + 1) * sizeof *pos);
  uint32_t *idx = px__arena_alloc(ar, (nc + 1) * sizeof *idx);
  if (!pos || !idx) return PX_ENOMEM;
  memset(pos, 0, (ne + 1) * sizeof *pos);
  nm = 0;
  for (size_t i = 0; i < nc; i++)
    if (c[i].entity != UINT32_MAX) {
      pos[e[c[i].entity].order + 1]++;
      nm++;
    }
  for (size_t i = 1; i <= ne; i++) pos[i] += pos[i - 1];
  for (size_t i = 0; i < nc; i++)
    if (c[i].entity != UINT32_MAX) idx[pos[e[c[i].entity].order]++] = (uint32_t)i;
  /* within an entity, by position: names come in text order, role
   * mentions were found after them; sort the (start, candidate) pairs */
  uint64_t *sk = px__arena_alloc(ar, (nm + 1) * sizeof *sk);
  if (!sk) return PX_ENOMEM;
  for (size_t i = 0; i < nm; i++) sk[i] = (uint64_t)c[idx[i]].start << 32 | idx[i];
  for (size_t lo = 0; lo < nm;) {
    size_t hi = lo + 1;
    bool sorted = true;
    while (hi < nm && c[idx[hi]].entity == c[idx[lo]].entity) {
      if (sk[hi] < sk[hi - 1]) sorted = false;
      hi++;
    }
    if (!sorted) sort_u64(sk + lo, hi - lo);
    for (size_t k = lo; k < hi; k++) idx[k] = (uint32_t)(sk[k] & 0xffffffffu);
    lo = hi;
  }

  out->ent = px__arena_alloc(w->out, (ne + 1) * sizeof *out->ent);
  out->men = px__arena_alloc(w->out, (nm + 1) * sizeof *out->men);
  if (!out->ent || !out->men) return PX_ENOMEM;
  out->nent = ne;
  out->nmen = 0;
  for (size_t i = 0; i < ne; i++) {
    const ent *en = &e[ord[i] & 0xffffffffu];
    const cand *b = &c[en->best];
    px__entity *oe = &out->ent[i];
    oe->name_len = b->end - b->start;
    char *nm2 = px__arena_strndup(w->out, w->tx->body + b->start, oe->name_len);
    if (!nm2) return PX_ENOMEM;
    oe->name = nm2;
    oe->key = b->key;
    oe->key_len = b->key_len;
    oe->type = (uint8_t)top_type(en->vote);
    if (oe->type == T_PERSON && (rc = person_key(w, b, &oe->key, &oe->key_len))) return rc;
    if (!(oe->key = px__arena_strndup(w->out, oe->key, oe->key_len))) return PX_ENOMEM;
    oe->first = 0;
    oe->count = 0;
  }
  uint32_t last_ent = UINT32_MAX, last_start = UINT32_MAX;
  for (size_t k = 0; k < nm; k++) {
    const cand *x = &c[idx[k]];
    uint32_t oi = e[x->entity].order;
    if (oi == last_ent && x->start == last_start) continue; /* same span twice */
    px__entity *oe = &out->ent[oi];
    if (oe->count == 0) oe->first = (uint32_t)out->nmen;
    px__mention *m = &out->men[out->nmen++];
    m->start = x->start;
    m->end = x->end;
    m->entity = oi;
    m->tok_first = x->tok_first;
    m->tok_count = x->tok_count;
    m->sent = x->sent;
    m->kind = x->kind;
    if (m->kind == PX_MENTION_NAME && x->nwords < c[e[x->entity].best].nwords)
      m->kind = PX_MENTION_PARTIAL; /* shorter than the canonical name */
    oe->count++;
    last_ent = oi;
    last_start = x->start;
  }
  /* the mentions by position, for "who is named here" */
  out->by_pos = px__arena_alloc(w->out, (out->nmen + 1) * sizeof *out->by_pos);
  if (!out->by_pos) return PX_ENOMEM;
  for (size_t k = 0; k < out->nmen; k++) sk[k] = (uint64_t)out->men[k].start << 32 | k;
  sort_u64(sk, out->nmen);
  for (size_t k = 0; k < out->nmen; k++) out->by_pos[k] = (uint32_t)(sk[k] & 0xffffffffu);
  return PX_OK;
}

/* ------------------------------------------------------------ the pass */

int px__entities_find(const px__entan *ea, const px__text *tx, px__arena *arena,
                      px__entities *out) {
  memset(out, 0, sizeof *out);
  if (!tx->ntok) return PX_OK;
  /* The work (per-token arrays, candidates, their keys) is two thirds of
   * what finding takes, and an analysis can be held a long time (a
   * pipeline's ring): it lives in an arena of the call's own, and only the
   * result in the caller's. */
  px__arena work_arena;
  px__arena_init(&work_arena, 96 * 1024);
  work w;
  memset(&w, 0, sizeof w);
  w.ea = ea;
  w.tx = tx;
  w.arena = &work_arena;
  w.out = arena;
  w.scratch_cap = 4096;
  w.scratch = px__arena_alloc(w.arena, w.scratch_cap);
  int rc = w.scratch ? PX_OK : PX_ENOMEM;
  if (rc == PX_OK) rc = prepare(&w);
  if (rc == PX_OK) rc = dateline_cands(&w);
  if (rc == PX_OK) rc = find_candidates(&w);
  if (rc == PX_OK) rc = role_mentions(&w);
  if (rc == PX_OK) rc = merge(&w, out);
  px__arena_release(&work_arena);
  if (rc != PX_OK) memset(out, 0, sizeof *out);
  return rc;
}
