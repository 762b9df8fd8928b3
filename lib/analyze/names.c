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
    "aaron", "abdel", "abdul", "abdullah", "abraham", "adam", "adrian", "ahmad", "ahmed", "akbar",
    "al", "alan", "albert", "alberto", "alejandro", "aleksandr", "alexander", "alexei", "alexey",
    "alfred", "ali", "allen", "alvaro", "alvin", "amir", "anatoly", "anders", "andre", "andrei",
    "andres", "andrew", "andy", "angelo", "anthony", "antonio", "antony", "arnold", "arsen",
    "arthur", "ashraf", "avigdor", "barack", "barry", "bashar", "ben", "benjamin", "bennie",
    "benny", "bernard", "bernie", "bill", "billy", "binyamin", "bob", "bobby", "boris", "brad",
    "bradley", "brandon", "brett", "brian", "bruce", "bryan", "byron", "calvin", "carl", "carlos",
    "chad", "charles", "charlie", "chuck", "clarence", "clark", "claude", "clint", "colin", "conor",
    "corey", "craig", "curtis", "dan", "daniel", "danny", "darrell", "darren", "dave", "david",
    "dean", "dennis", "derek", "devin", "dick", "diego", "dmitri", "dmitry", "don", "donald",
    "doug", "douglas", "duncan", "dwight", "eddie", "edgar", "eduardo", "edward", "ehud", "elijah",
    "elliott", "elon", "emmanuel", "enrico", "enrique", "eric", "erik", "ernest", "ethan", "eugene",
    "evan", "evgeny", "felipe", "fernando", "fidel", "francis", "francisco", "francois", "frank",
    "franklin", "fred", "frederick", "friedrich", "fumio", "fyodor", "gabriel", "gary", "gavin",
    "gene", "geoffrey", "george", "gerald", "gerhard", "gilbert", "giorgio", "giuseppe", "glenn",
    "gordon", "greg", "gregory", "grigory", "gustavo", "guy", "hakeem", "hamid", "hamza", "hank",
    "harold", "harry", "hassan", "hector", "helmut", "henry", "herbert", "horst", "howard", "hugh",
    "hunter", "hussein", "ian", "ibrahim", "igor", "inacio", "ismail", "ivan", "jack", "jacob",
    "jacques", "jair", "jake", "jamal", "james", "jared", "jason", "javier", "jay", "jeb", "jeff",
    "jeffrey", "jeremy", "jerome", "jerrold", "jerry", "jesse", "jim", "jimmy", "joe", "joel",
    "john", "johnny", "jon", "jonathan", "jorge", "jose", "joseph", "josh", "joshua", "juan",
    "julian", "justin", "karim", "karl", "keir", "keith", "ken", "kenneth", "kevin", "khalid",
    "kirk", "konstantin", "kurt", "kyle", "lamar", "larry", "lawrence", "leon", "leonard", "leonid",
    "lewis", "lloyd", "louis", "luigi", "luis", "luiz", "luke", "lyndon", "mahmoud", "majid",
    "malcolm", "manmohan", "manuel", "marc", "marco", "marcus", "mario", "mark", "markus",
    "marshall", "martin", "marvin", "matt", "matteo", "matthew", "maurice", "mauricio", "max",
    "maxim", "melvin", "menachem", "michael", "miguel", "mike", "mikhail", "milton", "mitch",
    "mitchell", "mitt", "mohamed", "mohammad", "mohammed", "moshe", "muhammad", "mustafa",
    "naftali", "narendra", "nasser", "nathan", "nawaz", "neil", "newt", "nicholas", "nick",
    "nicolas", "nigel", "nikolai", "noah", "norman", "olaf", "oleg", "oliver", "omar", "orrin",
    "osama", "oscar", "owen", "pablo", "paolo", "patrick", "paul", "pavel", "pedro", "pete",
    "peter", "petro", "phil", "philip", "phillip", "pierre", "pyotr", "rafael", "rahul", "ralph",
    "ramon", "rand", "randall", "randy", "rashid", "raul", "ray", "raymond", "recep", "reginald",
    "reince", "reza", "ricardo", "richard", "rick", "ricky", "rishi", "rob", "robert", "roberto",
    "rod", "rodney", "roger", "roland", "roman", "ron", "ronald", "ronnie", "ross", "roy", "ruben",
    "rudy", "russell", "ryan", "saddam", "saeed", "salman", "salvador", "sam", "samir", "samuel",
    "scott", "sean", "sergei", "sergey", "sergio", "seth", "shawn", "sherrod", "shimon", "shinzo",
    "silvio", "simon", "spencer", "stanislav", "stanley", "steny", "stephen", "steve", "steven",
    "stuart", "tariq", "tayyip", "ted", "terrence", "theodore", "thomas", "tim", "timothy", "todd",
    "tom", "tommy", "tony", "travis", "trevor", "trey", "troy", "tyler", "victor", "viktor",
    "vince", "vincent", "vitali", "vitaly", "vladimir", "vladislav", "volodymyr", "walid", "walter",
    "warren", "wayne", "wesley", "wilbur", "willard", "william", "willie", "wolfgang", "xavier",
    "yair", "yasser", "yevgeny", "yitzhak", "yoshihide", "youssef", "yuri", "yusuf", "zachary",
    "zaid",
};

static const char *const k_female[] = {
    "abigail", "ada", "adriana", "agnes", "aisha", "alessandra", "alexandra", "alexandria", "alice",
    "alicia", "alison", "alla", "allison", "amanda", "amber", "amina", "amy", "ana", "anastasia",
    "angela", "angelina", "anita", "ann", "anna", "annalena", "anne", "annette", "aoife", "april",
    "ariana", "ashley", "audrey", "ava", "ayanna", "ayesha", "barbara", "beatrice", "beatriz",
    "becky", "bernadette", "beth", "bethany", "betsy", "betty", "beverly", "bonnie", "brenda",
    "brianne", "bridget", "brittany", "brooke", "caitlin", "camila", "candace", "carla", "carly",
    "carmen", "carol", "carole", "caroline", "carolyn", "cassandra", "catherine", "cathy",
    "cecilia", "charlene", "charlotte", "chelsea", "cheryl", "chiara", "chloe", "christina",
    "christine", "cindy", "claire", "clara", "claudia", "colleen", "condoleezza", "connie",
    "courtney", "crystal", "cynthia", "daisy", "danielle", "daria", "darlene", "deanna", "debbie",
    "deborah", "debra", "deirdre", "delia", "denise", "diana", "diane", "dianne", "donna", "doris",
    "dorothy", "edith", "eileen", "ekaterina", "elaine", "eleanor", "elena", "elisa", "elisabeth",
    "elise", "elizabeth", "ella", "ellen", "eloise", "emily", "emma", "erica", "erin", "esther",
    "ethel", "eva", "evelyn", "fatima", "federica", "felicia", "fiona", "florence", "frances",
    "francesca", "gabriela", "gabrielle", "gail", "galina", "gemma", "gina", "giorgia", "giselle",
    "giulia", "gloria", "grace", "grainne", "greta", "gretchen", "guadalupe", "gwendolyn", "hannah",
    "harper", "harriet", "heather", "heidi", "heike", "helen", "hillary", "holly", "huda", "ida",
    "ilhan", "ilse", "imelda", "ingrid", "irene", "irina", "isabel", "isabella", "ivanka",
    "jacinda", "jacqueline", "jane", "janet", "janice", "jasmine", "jeanette", "jeanne", "jenna",
    "jennifer", "jenny", "jessica", "jill", "joan", "joanna", "joanne", "jocelyn", "jodi", "joni",
    "josephine", "joyce", "juanita", "judith", "judy", "julia", "julie", "kamala", "karen",
    "karine", "kate", "katherine", "kathleen", "kathryn", "kathy", "katie", "katrin", "kayla",
    "kayleigh", "kellyanne", "kelsey", "kendra", "ketanji", "khadija", "kimberly", "kirsten",
    "kirstjen", "kristen", "kristin", "kristina", "kristy", "kyrsten", "lana", "laura", "lauren",
    "layla", "leah", "leila", "lillian", "lily", "linda", "lisa", "liz", "lois", "loretta", "lori",
    "lorraine", "louise", "lucia", "lucy", "ludmila", "lupe", "lydia", "mabel", "madeleine",
    "madison", "maggie", "mairead", "malia", "mallory", "marcia", "margaret", "margot", "maria",
    "mariana", "marianne", "marie", "marilyn", "marina", "marine", "marisol", "marlene", "marsha",
    "martha", "martina", "mary", "maryam", "maureen", "maxine", "mazie", "megan", "melania",
    "melanie", "melinda", "melissa", "mercedes", "meredith", "mia", "michele", "michelle",
    "mildred", "mira", "miranda", "miriam", "molly", "monica", "muriel", "myrtle", "nadia", "nancy",
    "naomi", "natalia", "natalie", "natasha", "naureen", "niamh", "nicole", "nikki", "nina", "nora",
    "norma", "noura", "oksana", "olga", "olivia", "orla", "pamela", "paola", "patricia", "patty",
    "paula", "pauline", "peggy", "penelope", "penny", "petra", "phyllis", "polina", "priscilla",
    "priti", "rachael", "rachel", "ramona", "rania", "rashida", "rebecca", "regina", "renee",
    "rhonda", "rita", "roberta", "rocio", "roisin", "rosa", "rosalind", "rosemary", "roxanne",
    "ruth", "sabine", "sabrina", "sally", "salma", "samantha", "samira", "sandra", "saoirse",
    "sara", "sarah", "serena", "sharon", "sheila", "shelley", "sherry", "shirley", "silvia",
    "sinead", "siobhan", "sofia", "sonia", "sophia", "sophie", "stacey", "stella", "stephanie",
    "sue", "susan", "susanna", "suzanne", "svetlana", "sylvia", "tamara", "tammy", "tanya",
    "tatiana", "teresa", "theresa", "tiffany", "tina", "tulsi", "ulrike", "ursula", "valentina",
    "valerie", "vanessa", "vera", "veronica", "victoria", "virginia", "vivian", "wanda", "wendy",
    "whitney", "ximena", "yasmin", "yasmine", "yelena", "yesenia", "yolanda", "yulia", "yvonne",
    "zainab", "zhanna", "zoe",
};

/* The two lists in one open-addressing table, filled once: a name of up to
 * 15 lowercase letters is its 16 bytes, zero-padded, as two words, so a
 * lookup is a hash and two compares instead of two binary searches of
 * strcmp calls.  A name on both lists would be male, as the male list was
 * searched first. */
#define NAME_SLOTS 4096 /* a power of two, over three times the names */

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
