/* names.c - the usual gender of common given names.
 *
 * Used to resolve "he" and "she" to a person named earlier: a name whose
 * bearers are nearly all of one gender in English-language news.  Names
 * worn by both (Jordan, Taylor, Kelly, Chris, Pat, Jean, Andrea ...) are
 * left out on purpose; the text's own evidence (Mr., Mrs., Ms., and the
 * pronouns used after a name) decides those.  Lowercase ASCII, sorted.
 */
#include "text.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const char *const k_male[] = {
    "aaron", "abdel", "abdullah", "abraham", "adam", "adrian", "ahmad", "ahmed", "al", "alan",
    "albert", "alberto", "alejandro", "aleksandr", "alexander", "alexei", "alfred",
    "allen", "alvin", "amir", "anders", "andre", "andrew", "andy", "angelo", "anthony",
    "antonio", "antony", "arnold", "arthur", "ashraf", "barack", "barry", "ben", "benjamin",
    "bennie", "benny", "bernard", "bernie", "bill", "billy", "bob", "bobby", "boris", "brad",
    "bradley", "brandon", "brett", "brian", "bruce", "bryan", "byron", "calvin", "carl",
    "carlos", "chad", "charles", "charlie", "chuck", "clarence", "clark", "claude", "clint",
    "colin", "conor", "corey", "craig", "curtis", "dan", "daniel", "danny", "darrell",
    "darren", "dave", "david", "dean", "dennis", "derek", "devin", "dick", "diego", "dmitry",
    "don", "donald", "doug", "douglas", "duncan", "dwight", "eddie", "edgar", "eduardo",
    "edward", "elijah", "elliott", "elon", "emmanuel", "enrique", "eric", "erik", "ernest",
    "ethan", "eugene", "evan", "fernando", "francis", "francisco", "frank", "franklin", "fred",
    "frederick", "gabriel", "gary", "gavin", "gene", "geoffrey", "george", "gerald", "gilbert",
    "glenn", "gordon", "greg", "gregory", "guy", "hakeem", "hamid", "hank", "harold", "harry",
    "hassan", "hector", "henry", "herbert", "howard", "hugh", "hunter", "ian", "igor", "ivan",
    "jack", "jacob", "jake", "jamal", "james", "jared", "jason", "javier", "jay", "jeb", "jeff",
    "jeffrey", "jeremy", "jerome", "jerry", "jesse", "jim", "jimmy", "joe", "joel", "john",
    "johnny", "jon", "jonathan", "jorge", "jose", "joseph", "josh", "joshua", "juan", "julian",
    "justin", "karl", "keith", "ken", "kenneth", "kevin", "khalid", "kirk", "kurt", "kyle",
    "lamar", "larry", "lawrence", "leon", "leonard", "lloyd", "louis", "luis", "luke", "lyndon",
    "malcolm", "manuel", "marc", "marco", "mario", "mark", "marshall", "martin", "marvin",
    "matt", "matthew", "maurice", "max", "melvin", "michael", "miguel", "mike", "mikhail",
    "mitch", "mitchell", "mitt", "mohamed", "mohammad", "mohammed", "muhammad", "nathan",
    "neil", "newt", "nicholas", "nick", "nicolas", "norman", "oliver", "omar", "orrin", "oscar",
    "owen", "pablo", "paul", "pedro", "pete", "peter", "phil", "philip", "phillip", "pierre",
    "rafael", "ralph", "rand", "randy", "raul", "ray", "raymond", "reince", "reza", "ricardo",
    "richard", "rick", "ricky", "rob", "robert", "roberto", "rod", "rodney", "roger", "roman",
    "ron", "ronald", "ronnie", "ross", "roy", "rudy", "russell", "ryan", "saddam", "salman",
    "sam", "samuel", "scott", "sean", "sergei", "sergey", "seth", "shawn", "sherrod", "simon",
    "stanley", "stephen", "steve", "steven", "stuart", "ted", "theodore", "thomas",
    "tim", "timothy", "todd", "tom", "tommy", "tony", "travis", "trey", "troy", "tyler",
    "victor", "vince", "vincent", "vladimir", "walter", "warren", "wayne", "wesley", "william",
    "willie", "xavier", "yuri", "zachary",
};

static const char *const k_female[] = {
    "abigail", "ada", "adriana", "agnes", "aisha", "alexandra", "alexandria", "alice", "alicia",
    "alison", "allison", "amanda", "amber", "amy", "ana", "angela", "angelina", "anita", "ann",
    "anna", "anne", "annette", "april", "audrey", "ayanna", "barbara", "beatriz", "becky",
    "betsy", "betty", "beverly", "bonnie", "brenda", "brianne", "bridget", "brittany", "brooke",
    "candace", "carla", "carly", "carmen", "carol", "carole", "caroline", "carolyn", "catherine", "cathy",
    "charlotte", "chelsea", "cheryl", "christina", "christine", "cindy", "claire", "clara",
    "claudia", "colleen", "condoleezza", "connie", "courtney", "crystal", "cynthia", "daisy",
    "danielle", "darlene", "debbie", "deborah", "debra", "denise", "diana", "diane", "dianne",
    "donna", "doris", "dorothy", "edith", "elaine", "eleanor", "elena", "elisabeth", "elise",
    "elizabeth", "ella", "ellen", "emily", "emma", "erica", "erin", "esther", "eva", "evelyn",
    "fatima", "florence", "frances", "gabrielle", "gail", "gina", "gloria", "grace", "gretchen",
    "hannah", "heather", "heidi", "helen", "hillary", "holly", "ilhan", "ingrid", "irene",
    "isabel", "jacqueline", "jane", "janet", "janice", "jeanne", "jennifer", "jenny", "jessica",
    "jill", "joan", "joanna", "joanne", "jodi", "josephine", "joyce", "judith", "judy", "julia",
    "julie", "karen", "kate", "katherine", "kathleen", "kathryn", "kathy", "katie", "kayleigh",
    "kellyanne", "kimberly", "kirsten", "kristen", "kristin", "laura", "lauren", "leah",
    "linda", "lisa", "loretta", "lori", "lorraine", "louise", "lucy", "lydia",
    "madeleine", "maria", "marie", "marilyn", "marine", "marsha", "martha", "mary", "maureen",
    "maxine", "megan", "melania", "melanie", "melissa", "michele", "michelle", "mildred",
    "mira", "miriam", "monica", "nadia", "nancy", "naomi", "natalie", "natasha", "nicole",
    "nina", "norma", "olivia", "pamela", "patricia", "patty", "paula", "pauline", "peggy",
    "penny", "phyllis", "priscilla", "rachel", "rebecca", "regina", "rita", "roberta", "rosa",
    "ruth", "sabrina", "sally", "samantha", "sandra", "sara", "sarah", "sharon", "sheila",
    "shirley", "sonia", "sophia", "sophie", "stacey", "stephanie", "susan", "suzanne", "sylvia",
    "tamara", "tammy", "tanya", "teresa", "theresa", "tiffany", "tina", "tulsi",
    "ursula", "valerie", "vanessa", "veronica", "victoria", "virginia", "vivian", "wanda",
    "wendy", "yolanda", "yvonne", "zoe",
};

/* The two lists in one open-addressing table, filled once: a name of up to
 * 15 lowercase letters is its 16 bytes, zero-padded, as two words, so a
 * lookup is a hash and two compares instead of two binary searches of
 * strcmp calls.  A name on both lists would be male, as the male list was
 * searched first. */
#define NAME_SLOTS 2048 /* a power of two, over three times the names */

typedef struct name_slot {
  uint64_t lo, hi; /* lo == 0: empty */
  int gender;
} name_slot;

static name_slot k_names[NAME_SLOTS];
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

static size_t name_home(uint64_t lo, uint64_t hi) {
  return (size_t)px__mix64(lo ^ px__mix64(hi)) & (NAME_SLOTS - 1);
}

static void name_put(const char *name, int gender) {
  char buf[16] = {0};
  size_t n = strlen(name);
  if (n >= sizeof buf) return; /* no list holds one */
  memcpy(buf, name, n);
  uint64_t lo, hi;
  memcpy(&lo, buf, 8);
  memcpy(&hi, buf + 8, 8);
  size_t i = name_home(lo, hi);
  while (k_names[i].lo && (k_names[i].lo != lo || k_names[i].hi != hi)) i = (i + 1) & (NAME_SLOTS - 1);
  k_names[i].lo = lo;
  k_names[i].hi = hi;
  k_names[i].gender = gender;
}

static void names_init(void) {
  for (size_t i = 0; i < sizeof k_female / sizeof *k_female; i++) name_put(k_female[i], 2);
  for (size_t i = 0; i < sizeof k_male / sizeof *k_male; i++) name_put(k_male[i], 1);
}

int px__given_name_gender(const char *w, size_t n) {
  char buf[16] = {0};
  if (n == 0 || n >= sizeof buf) return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)w[i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return 0;
    buf[i] = (char)c;
  }
  pthread_once(&names_once, names_init);
  uint64_t lo, hi;
  memcpy(&lo, buf, 8);
  memcpy(&hi, buf + 8, 8);
  for (size_t i = name_home(lo, hi); k_names[i].lo; i = (i + 1) & (NAME_SLOTS - 1))
    if (k_names[i].lo == lo && k_names[i].hi == hi) return k_names[i].gender;
  return 0;
}
