/*
 * furniture.c - page furniture among the sentences of an article: what a
 * page prints around the news and an extractor keeps in the body.  Adverts
 * ("ADVERTISEMENT"), captions and gallery controls ("Hide Caption 26 of 30
 * Photos", "next Image 1 of 3"), update stamps ("(Most recent update: 11:40
 * a.m. ET)"), calls to action ("Click here to ...", newsletter sign-ups,
 * "Read more:", "Related:", a related headline ending "Read more"), the
 * lines of a newsletter form, an embedded post's signature, agency photo
 * captions ("FILE - In this ... file photo, ..."), a video player's labels
 * ("JUST WATCHED ... Replay More Videos"), copyright lines, and bylines or credit lines
 * inside the body ("By Jane Doe", "Reporting by ...", "... contributed to
 * this report").  The text stays as stored; a comparison leaves these
 * sentences out of its facts, quotes and discrepancies and counts them.
 *
 * The test is on the words of one sentence, ASCII-folded to lower case;
 * it errs toward news: a long sentence is furniture only on an explicit
 * marker (caption controls, "click here", a newsletter sign-up).
 */
#include "text.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#define FMAX 240

static const char *const k_whole[] = {
    "advertisement", "advertisements", "ad", "skip advertisement", "story continues below advertisement",
    "article continues below advertisement", "continue reading", "continue reading below",
    "read more", "related", "related content", "related coverage", "related stories", "related articles",
    "more", "watch", "listen", "share", "share this", "share this article", "share this story",
    "comments", "photos", "photo", "video", "videos", "play video", "close", "hide caption",
    "show caption", "toggle caption", "enlarge this image", "loading", "image", "getty images",
    "ap photo", "reuters", "sponsored", "sponsored content", "recommended", "trending",
    "most popular", "most read", "top stories", "view comments", "print", "email", "back to top",
    "scroll to continue", "scroll to continue with content", "supported by", "content continues below",
    "story continued below", "story continues below", "article continued below",
    "sign up", "newsletter sign up", "please try again", "please re-enter", "invalid email address",
    "thanks for signing up", "email address"};

static const char *const k_start[] = {
    "click here", "sign up for", "sign up to", "subscribe to", "subscribe for", "follow us on",
    "like us on facebook", "download the", "get the latest", "to get the latest", "read more:",
    "read more at", "read more here", "related:", "related coverage:", "related stories:",
    "more:", "see also:", "watch:", "watch live:", "watch the video", "listen:", "listen to the",
    "recommended:", "also read", "read also", "trending:", "(most recent update", "most recent update",
    "updated:", "updated at", "last updated", "(update", "this story has been updated",
    "this article has been updated", "this story was updated", "this post has been updated",
    "this story is developing", "this is a developing story", "this story will be updated",
    "reporting by", "(reporting by", "additional reporting by", "editing by", "writing by",
    "copyright", "all rights reserved", "(c) 20", "image copyright", "image caption", "media caption",
    "photo:", "photograph:", "caption:", "credit:", "getty images", "ap photo/", "(ap photo",
    /* a picture's share buttons before its caption (the Guardian) */
    "facebook twitter pinterest",
    "next image", "previous image", "prev image", "next photo", "previous photo", "next slide",
    "previous slide", "hide caption", "show caption", "toggle caption", "enlarge this image",
    "have a news tip", "got a news tip", "send us a tip", "do you have a story", "want more",
    "want to read more", "for more news", "for the latest", "join the conversation",
    "this article originally appeared", "this story originally appeared",
    "this article first appeared", "this story first appeared", "a version of this article",
    "a version of this story", "an earlier version of this", "correction:", "clarification:",
    "also see", "see more:", "read:", "read next", "report:", "contributing:", "editor's note",
    "editors' note", "photo credits:", "photo credit:", "credits:", "music:", "slideshow",
    "photo gallery", "gallery:", "sign up here", "photos:", "send letters to", "letters to the editor",
    "follow @", "story highlights", "thanks for signing up", "related video", "subscribe now",
    /* a wire photo's caption ("FILE PHOTO: A voter enters ..."), a related
     * link in brackets ("(RELATED: ...)"), an app's pitch */
    "file photo:", "(related:", "(see also:", "(read more:", "stay up to date with",
    "note: click on the legend",
    /* a call for readers' stories */
    "share your story", "share your experiences", "share your coronavirus story", "we want to hear from you",
    /* a video player's notice before its caption ("Media playback is
     * unsupported on your device Media caption ...") */
    "media playback is unsupported", "media playback is not supported",
    /* a newsletter form's country menu ("Choose your country United States of America Afghanistan ...") */
    "choose your country", "select your country",
    /* links and pointers of the AllSides bodies: "Read or Share this story:
     * http://usat.ly/..." (511 lines), "Related Coverage Factbox: ...",
     * "Read more from Anthony", "Read the full memo below:", "Watch the
     * latest ...", "- Check out the CNN Electoral Map and Calculator ..." */
    "read or share this story", "related coverage ", "read more about", "read more from", "read more on ",
    "read more of ", "read the full", "read the whole", "read the rest", "watch the full",
    "watch the latest", "check out our", "check out the cnn electoral map", "click to read", "click to view",
    "click to hear", "click to listen", "click play",
    /* a membership appeal: "Become a member of the Vox Video Lab on
     * YouTube today.", "Join the Vox Video Lab Go behind the scenes." */
    "become a member", "join the vox video lab",
    /* a picture's credit in brackets, a newsletter's blurb */
    "(photo by", "(photos by", "(photo:", "a daily roundup of", "a weekly roundup of",
    /* a page's own community and money appeals */
    "join our facebook", "join our new membership", "for as little as $", "please consider supporting",
    "send a tip to", "see this note about how we cover",
    /* who is in a picture, and where: "From left are Senators Shelley
     * Moore Capito (R-WV), Dean Heller (R-NV) ...", "Clockwise from top
     * left: ...", "(File photo is a screen grab from C-SPAN)" */
    "from left,", "from left:", "from left are", "from left to right", "(from left", "(left to right",
    "left to right:", "clockwise from", "(file photo"};

/* A call to buy or act that ends a short line: "This Year Give a Unique
 * Gift - Shop Now", "Get the app - Download now". */
static const char *const k_end[] = {" shop now", " buy now", " order now", " download now",
                                    " subscribe now", " sign up now", " donate now", " learn more",
                                    " get it now", " try it free", " shop today"};

/* Credit lines of a video or a photo essay: "Produced by Jane Doe.",
 * "Camera by Jane Doe and John Roe."  (a role, "by", then names) */
static const char *const k_credit[] = {
    "produced by", "camera by", "edited by", "filmed by", "video by", "videos by", "photos by",
    "photo by", "photography by", "graphics by", "graphic by", "illustration by", "illustrations by",
    "animation by", "design by", "designed by", "music by", "sound by", "shot by", "narrated by",
    "hosted by", "interview by", "research by", "map by", "maps by", "data by", "audio by"};

static const char *const k_any[] = {
    "click here", "hide caption", "show caption", "toggle caption", "enlarge this image",
    "contributed to this report", "contributed reporting", "contributed to this article",
    "all rights reserved", "follow him on twitter", "follow her on twitter", "follow them on twitter",
    "on twitter @", "on twitter at @", "delivered to your inbox", "straight to your inbox",
    "sign up for our", "sign up for the", "subscribe to our", "get our newsletter",
    "our daily newsletter", "newsletter sign-up", "newsletter signup",
    "is a daily newsletter", "is a weekly newsletter", "this is the web version of",
    "help our journalists", "share your experiences by emailing", "share your experience with us",
    "we may earn a commission", "this material may not be published", "homepage for more",
    "support our journalism", "explanatory journalism", "independent journalism",
    "pic.twitter.com/", "rush transcript", "in its final form", "to your inbox", "in your inbox",
    "protected by recaptcha", "privacy policy and terms",
    /* a pointer to an outlet's coverage: "Stay tuned to Townhall for full
     * coverage of ..." (in brackets, below) */
    "for full coverage of",
    /* a newsletter's pitch: "The news and stories that matter, delivered
     * weekday mornings." */
    "delivered weekday mornings", "delivered every weekday",
    /* a newsletter form's own lines */
    "not a robot", "select a newsletter", "may opt-out at any time", "may opt out at any time",
    "receive emails containing", "issue signing you up", "enable javascript", "send me updates",
    "by signing up, you agree", "manage your newsletter", "video length", "thank you for signing up",
    "receive occasional promotional", "to receive promotional offers", "read our privacy policy",
    "by signing up i agree", "by signing up you agree", "you may unsubscribe", "unsubscribe at any time",
    "i acknowledge that i have read", "please select your country", "please check to proceed",
    "sent a confirmation email", "confirm your subscription", "check your spam folder",
    "enter a valid email", "see our privacy policy",
    /* a news foundation's terms of reuse: "Content created by The Daily
     * Caller News Foundation is available without charge to any eligible
     * news publisher ...", "For licensing opportunities of our original
     * content, please contact ..." */
    "available without charge to any eligible news publisher", "for licensing opportunities",
    /* a series' blurb: "• A daily summary of global reports on security issues." */
    "a daily summary of global reports",
    /* a magazine's pitch: "The Nation is reader supported: Chip in $10 ..." */
    "is reader supported", "is reader-supported", "check out our latest issue",
    /* a share bar: "SHARE THIS ARTICLE Share Tweet Post Email" */
    "share this article share",
    /* a publisher's pitch inside the body */
    "make sure to subscribe", "for free to non-subscribers", "free to non-subscribers",
    "news app!", "download our app", "download the app",
    /* a programme's blurb or a radio player's links */
    "shows you diverse perspectives", "on-air special coverage", "listen: live",
    /* a newsletter's pitch: "California Playbook newsletter Our must-read briefing on ..." */
    "must-read briefing",
    /* a video player's controls */
    "replay more videos"};

/* A related-link headline glued to its summary by the extractor: a
 * lower-case letter, then ':' or '?', then a capital with no space
 * ("Coronavirus live updates:US deaths near 10K", "Where's
 * Fauci?Doctor's absence ...", "Who will win?:Yes, if ..."). */
static bool glued_link(const char *p, size_t n) {
  for (size_t i = 1; i + 1 < n; i++)
    if ((p[i] == ':' || p[i] == '?') &&
        ((p[i - 1] >= 'a' && p[i - 1] <= 'z') || (p[i] == ':' && p[i - 1] == '?')) &&
        p[i + 1] >= 'A' && p[i + 1] <= 'Z')
      return true;
  return false;
}

/* A photo caption's credit at its end: "(Stefan Jeremiah/Reuters)",
 * "(AP Photo/Evan Vucci)": a closing parenthesis of a few words holding a
 * slash between letters; or one that says so: "(Photo: Martin E. Klimek,
 * USA TODAY)", "(Photo by ...)", "(Credit: ...)" (903, 62 and 12 times in
 * the AllSides bodies), "(Reuters photo: Eric Thayer)". */
static bool photo_credit(const char *t, size_t n) {
  /* the text is folded to lower case */
  static const char *const label[] = {"photo: ", "photo by ", "photograph: ", "photo credit: ", "image: ",
                                      "credit: "};
  if (!n || t[n - 1] != ')') return false;
  size_t k = n - 1, spaces = 0;
  bool slash = false;
  while (k > 0 && t[k - 1] != '(') {
    k--;
    if (t[k] == ' ') spaces++;
    if (t[k] == '/' && k > 0 && k + 1 < n && t[k - 1] >= 'a' && t[k - 1] <= 'z' && t[k + 1] >= 'a' &&
        t[k + 1] <= 'z')
      slash = true;
  }
  if (k == 0) return false;
  if (slash && spaces <= 5) return true;
  for (size_t l = 0; l < sizeof label / sizeof *label; l++)
    if (n - 1 - k > strlen(label[l]) && !memcmp(t + k, label[l], strlen(label[l]))) return spaces <= 9;
  /* the agency or "file" before it: "(Reuters photo: Eric Thayer)",
   * "(Reuters file photo: Charles Mostoller)" (230 AllSides sentences end
   * so, every one a caption) */
  size_t j = k;
  for (int words = 1; words <= 2 && j < n && t[j] >= 'a' && t[j] <= 'z'; words++) {
    while (j < n && t[j] >= 'a' && t[j] <= 'z') j++;
    if (n - j > 8 && !memcmp(t + j, " photo: ", 8)) return spaces <= 9;
    if (j >= n || t[j] != ' ') break;
    j++;
  }
  return false;
}

static bool starts(const char *s, size_t n, const char *w) {
  size_t k = strlen(w);
  return n >= k && memcmp(s, w, k) == 0 && (n == k || !(s[k] >= 'a' && s[k] <= 'z') || w[k - 1] == ' ');
}

static bool contains(const char *s, size_t n, const char *w) {
  size_t k = strlen(w);
  if (k > n) return false;
  /* memchr finds the candidates for the first byte */
  for (const char *q = s, *end = s + (n - k) + 1; q < end; q++) {
    q = memchr(q, w[0], (size_t)(end - q));
    if (!q) return false;
    if (memcmp(q, w, k) == 0 && (q == s || !(q[-1] >= 'a' && q[-1] <= 'z'))) return true;
  }
  return false;
}

/* A word list indexed by first byte: the words starting with byte c are
 * w[at[off[c]] .. at[off[c + 1]]).  Most sentences are news, so the lists
 * are asked of every sentence a comparison or the quote finder reads; one
 * pass over the sentence's word starts replaces a pass per word. */
#define NWORDS_MAX 256
typedef struct wlist {
  const char *const *w;
  size_t n;
  uint16_t off[257];
  uint16_t at[NWORDS_MAX];
  uint8_t len[NWORDS_MAX];
} wlist;

static wlist l_whole = {k_whole, sizeof k_whole / sizeof *k_whole, {0}, {0}, {0}};
static wlist l_any = {k_any, sizeof k_any / sizeof *k_any, {0}, {0}, {0}};
static wlist l_start = {k_start, sizeof k_start / sizeof *k_start, {0}, {0}, {0}};
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;
_Static_assert(sizeof k_whole / sizeof *k_whole <= NWORDS_MAX && sizeof k_any / sizeof *k_any <= NWORDS_MAX &&
                   sizeof k_start / sizeof *k_start <= NWORDS_MAX,
               "a word list is longer than NWORDS_MAX");

static void index_list(wlist *l) {
  uint16_t count[257] = {0};
  for (size_t i = 0; i < l->n; i++) {
    l->len[i] = (uint8_t)strlen(l->w[i]);
    count[(unsigned char)l->w[i][0] + 1]++;
  }
  for (int c = 0; c < 256; c++) count[c + 1] += count[c];
  memcpy(l->off, count, sizeof l->off);
  for (size_t i = 0; i < l->n; i++) l->at[count[(unsigned char)l->w[i][0]]++] = (uint16_t)i;
}

static void index_lists(void) {
  index_list(&l_whole);
  index_list(&l_any);
  index_list(&l_start);
}

/* s is one of l's words. */
static bool whole_of(const wlist *l, const char *s, size_t n) {
  unsigned char c = (unsigned char)s[0];
  for (uint16_t j = l->off[c]; j < l->off[c + 1]; j++)
    if (l->len[l->at[j]] == n && memcmp(s, l->w[l->at[j]], n) == 0) return true;
  return false;
}

/* starts(s, n, w) for some word w of l. */
static bool starts_one_of(const wlist *l, const char *s, size_t n) {
  unsigned char c = (unsigned char)s[0];
  for (uint16_t j = l->off[c]; j < l->off[c + 1]; j++) {
    const char *w = l->w[l->at[j]];
    size_t k = l->len[l->at[j]];
    if (n >= k && memcmp(s, w, k) == 0 && (n == k || !(s[k] >= 'a' && s[k] <= 'z') || w[k - 1] == ' '))
      return true;
  }
  return false;
}

/* contains(s, n, w) for some word w of l. */
static bool contains_one_of(const wlist *l, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (i && s[i - 1] >= 'a' && s[i - 1] <= 'z') continue;
    unsigned char c = (unsigned char)s[i];
    for (uint16_t j = l->off[c]; j < l->off[c + 1]; j++) {
      size_t k = l->len[l->at[j]];
      const char *w = l->w[l->at[j]];
      /* the second byte first: most word starts fail there */
      if (i + k <= n && s[i + 1] == w[1] && memcmp(s + i, w, k) == 0) return true;
    }
  }
  return false;
}

/* "image 1 of 3", "26 of 30 photos", "slide 4 of 12" */
static bool gallery_count(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (!(s[i] >= '0' && s[i] <= '9') || (i && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
    size_t j = i;
    while (j < n && s[j] >= '0' && s[j] <= '9') j++;
    if (j + 4 > n || memcmp(s + j, " of ", 4) != 0) continue;
    size_t k = j + 4;
    if (k >= n || !(s[k] >= '0' && s[k] <= '9')) continue;
    while (k < n && s[k] >= '0' && s[k] <= '9') k++;
    static const char *const before[] = {"image ", "photo ", "slide ", "picture ", "photos "};
    static const char *const after[] = {" photos", " images", " pictures", " slides", " photo"};
    for (size_t b = 0; b < sizeof before / sizeof *before; b++) {
      size_t bl = strlen(before[b]);
      if (i >= bl && memcmp(s + i - bl, before[b], bl) == 0) return true;
    }
    for (size_t a = 0; a < sizeof after / sizeof *after; a++) {
      size_t al = strlen(after[a]);
      if (k + al <= n && memcmp(s + k, after[a], al) == 0) return true;
    }
  }
  return false;
}

/* An opinion page's disclaimer: "The opinions expressed in this commentary
 * are solely those of the author.", "The views expressed here are his own
 * and do not necessarily reflect ...", "This column does not necessarily
 * reflect the opinion of the editorial board"; not "The uptick does not
 * necessarily represent a trend." */
static bool disclaimer(const char *t, size_t n) {
  bool expressed = contains(t, n, "opinions expressed") || contains(t, n, "views expressed");
  bool necessarily = contains(t, n, "not necessarily reflect") || contains(t, n, "not necessarily represent");
  bool solely = contains(t, n, "are solely those of");
  if (!expressed && !necessarily && !solely) return false; /* most sentences: asked no more */
  bool own = contains(t, n, "solely those of") || contains(t, n, "their own") ||
             contains(t, n, "his own") || contains(t, n, "her own") || contains(t, n, "author's own") ||
             contains(t, n, "theirs alone") || contains(t, n, "those of the author") ||
             contains(t, n, "solely the") || contains(t, n, "solely his") || contains(t, n, "solely hers") ||
             contains(t, n, "are his") || contains(t, n, "are hers") || contains(t, n, "are theirs") ||
             contains(t, n, "the author's") || contains(t, n, "expressed in this commentary") ||
             contains(t, n, "expressed in these commentaries") || contains(t, n, "expressed in this column");
  bool views = contains(t, n, "views") || contains(t, n, "opinion");
  /* "\"These comments do not reflect the views of the district,\" he
   * said": a remark, news */
  if (memchr(t, '"', n) && !expressed) return false;
  return (expressed && (own || necessarily)) || (necessarily && views) ||
         (views && solely);
}

/* A note of the page about itself: "This article is more than 1 year
 * old", "This story has been updated.", "This is a rush transcript.",
 * "This site is protected by ...", "Copy may not be in its final form." */
static bool page_note(const char *t, size_t n) {
  static const char *const subj[] = {"this article ", "this story ", "this transcript ", "this site ",
                                     "this page ", "this content ", "this post ", "this video ",
                                     "this website ", "this episode ", "this is a transcript",
                                     "this is a rush transcript", "copy may ", "this copy "};
  for (size_t i = 0; i < sizeof subj / sizeof *subj; i++) {
    size_t k = strlen(subj[i]);
    if (n >= k && memcmp(t, subj[i], k) == 0) {
      if (k > 5 && subj[i][k - 1] != ' ') return true;
      static const char *const verb[] = {"is ", "was ", "has ", "had ", "may ", "will ", "contains ",
                                         "uses ", "tagged ", "originally ", "first ", "appeared ",
                                         "includes ", "does ", "not ", "be "};
      for (size_t v = 0; v < sizeof verb / sizeof *verb; v++) {
        size_t vl = strlen(verb[v]);
        if (n >= k + vl && memcmp(t + k, verb[v], vl) == 0) return true;
      }
    }
  }
  return false;
}

/* An author's note: "Jane Doe is a senior staff writer for the Post.",
 * "Jane Doe is the host of 'Harbour Hour' on NWTV." (a short sentence
 * whose verb is "is" and whose complement is a writer's role). */
static bool author_bio(const char *t, size_t n) {
  static const char *const role[] = {"columnist", "contributor", "correspondent", "staff writer",
                                     "contributing writer", "senior writer", "reporter for",
                                     "reporter at", "editor at", "editor of", "editor for", "host of",
                                     "fellow at", "author of", "writer for", "writer at"};
  if (!contains(t, n, "is a") && !contains(t, n, "is an") && !contains(t, n, "is the") &&
      !contains(t, n, "is senior") && !contains(t, n, "is executive"))
    return false;
  for (size_t i = 0; i < sizeof role / sizeof *role; i++)
    if (contains(t, n, role[i])) return true;
  return false;
}

/* An author's note as the body prints it: a name, "is", maybe an article
 * and up to four words, a writer's role, then what it is at: "Michael
 * Hirsh is national editor for Politico Magazine.", "John Stoehr is
 * managing editor of the Washington Spectator.", "Joanne Levine is an
 * editor with NPR's Morning Edition."  Not "Ross Douthat is a thoughtful
 * writer who ...": the role is followed by "of", "for", "at", "with",
 * "on", a comma or the end.  At most max_words words. */
/* Does p hold max words or fewer (runs of non-spaces)? */
static bool at_most_words(const char *p, size_t n, size_t max) {
  size_t words = 0;
  for (size_t k = 0; k < n && words <= max; k++)
    if ((k == 0 || p[k - 1] == ' ') && p[k] != ' ') words++;
  return words <= max;
}

bool px__author_bio(const char *p, size_t n, size_t max_words) {
  static const char *const role[] = {
      "editor", "columnist", "correspondent", "writer", "reporter", "contributor", "host",
      "fellow", "speechwriter", "editor-in-chief", "commentator", "blogger", "producer",
      "anchor", "co-host", "cohost", "analyst"};
  static const char *const after[] = {"of ", "for ", "at ", "with ", "on "};
  size_t i = 0;
  while (i < n && p[i] == ' ') i++;
  /* the name: one to four capitalized words (initials and "Jr." too) */
  size_t names = 0;
  while (i < n && names < 5) {
    size_t w = i;
    while (i < n && p[i] != ' ') i++;
    if (i - w == 2 && !memcmp(p + w, "is", 2)) break;
    if (!(p[w] >= 'A' && p[w] <= 'Z')) return false;
    names++;
    while (i < n && p[i] == ' ') i++;
  }
  if (names < 2 || names > 4 || i >= n) return false;
  while (i < n && p[i] == ' ') i++;
  /* an article, then up to four words before the role */
  for (int w = 0; w < 6 && i < n; w++) {
    size_t a = i;
    while (i < n && p[i] != ' ' && p[i] != ',' && p[i] != '.') i++;
    size_t len = i - a;
    for (size_t r = 0; r < sizeof role / sizeof *role; r++) {
      size_t rl = strlen(role[r]);
      if (len != rl || strncasecmp(p + a, role[r], rl) != 0) continue;
      /* the words are counted only for a note's shape: most sentences
       * fail on their second word */
      if (i >= n || p[i] == ',' || (p[i] == '.' && i + 1 >= n)) return at_most_words(p, n, max_words);
      size_t b = i;
      while (b < n && p[b] == ' ') b++;
      for (size_t f = 0; f < sizeof after / sizeof *after; f++)
        if (n - b >= strlen(after[f]) && !memcmp(p + b, after[f], strlen(after[f])))
          return at_most_words(p, n, max_words);
      return false;
    }
    if (len == 0) return false;
    while (i < n && p[i] == ' ') i++;
  }
  return false;
}

/* A related link set in parentheses or brackets: "( PHOTOS: 25 quotes on
 * the budget)", "(Also on the Wire: full election coverage)", "[A reader
 * responds: ...]". */
static bool related_link(const char *t, size_t n) {
  if (n < 4 || !((t[0] == '(' && t[n - 1] == ')') || (t[0] == '[' && t[n - 1] == ']'))) return false;
  for (size_t i = 1; i + 1 < n; i++)
    if (t[i] == '(' || t[i] == ')' || t[i] == '[' || t[i] == ']') return false;
  /* not a sentence set in brackets, of 13 words or more ending on a full
   * stop ("[Update: On Friday, the assembly approved the bill.]", "(A
   * quick note here: ... its role.)") */
  size_t e = n - 1;
  while (e > 1 && (t[e - 1] == '"' || t[e - 1] == '\'' || (unsigned char)t[e - 1] == 0x9d ||
                   (unsigned char)t[e - 1] == 0x99 || (unsigned char)t[e - 1] == 0x80 ||
                   (unsigned char)t[e - 1] == 0xe2))
    e--;
  if (t[e - 1] == '.' && !at_most_words(t, n, 12)) return false;
  for (size_t i = 1; i + 1 < n; i++)
    if (t[i] == ':') return true;
  return false;
}

/* A line that opens on a bar: a related story's promo after its
 * picture's credit ("| Getty Congress passes budget deal The agreement
 * will boost ...", "| REUTERS Obama's data advantage", "| John
 * Shinkle/POLITICO Alan Simpson strikes back, again"), a source line ("|
 * Source: CrowdTangle"): 910 sentences of the AllSides bodies, all such. */
static bool pipe_opening(const char *p, size_t n) {
  size_t i = 0;
  while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\t')) i++;
  return i + 2 < n && p[i] == '|' && p[i + 1] == ' ';
}

/* A photo credit leading a line, glued to what follows: "Jane Doe/Getty
 * Images Harbour ...", "| Jane Doe/Wire Congress ...", "Jane
 * Doe/Contributed", "Photo by Jane Doe/WIRE Key moments from ...": within
 * the first six words a slash between a letter and a capital, every word
 * before it capitalized (but the "by" after "Photo"). */
static bool leading_credit(const char *p, size_t n) {
  size_t i = 0, w = 0;
  while (i < n && (p[i] == ' ' || p[i] == '|')) i++;
  static const char *const by[] = {"Photo by ", "Photos by ", "Photograph by ", "Image by "};
  for (size_t d = 0; d < sizeof by / sizeof *by; d++)
    if (n - i > strlen(by[d]) && memcmp(p + i, by[d], strlen(by[d])) == 0) {
      i += strlen(by[d]);
      w = 2;
      break;
    }
  static const char *const det[] = {"The ", "A ", "An ", "This ", "That ", "These ", "Those ",
                                    "His ", "Her ", "Their ", "Our ", "Its ", "Both ", "Each "};
  for (size_t d = 0; d < sizeof det / sizeof *det; d++)
    if (n - i >= strlen(det[d]) && memcmp(p + i, det[d], strlen(det[d])) == 0) return false;
  bool word_start = true;
  for (; i + 1 < n && w <= 6; i++) {
    char c = p[i];
    if (c == ' ') {
      word_start = true;
      continue;
    }
    if (word_start) {
      w++;
      if (!(c >= 'A' && c <= 'Z')) return false;
      word_start = false;
    }
    if (c == '/' && i > 0 && ((p[i - 1] >= 'a' && p[i - 1] <= 'z') || (p[i - 1] >= 'A' && p[i - 1] <= 'Z')) &&
        p[i + 1] >= 'A' && p[i + 1] <= 'Z')
      return w >= 2;
  }
  return false;
}

/* A month, a day and a year at byte k of p: "January 2, 2019", "Dec. 18,
 * 2019". */
static bool date_at(const char *p, size_t n, size_t k) {
  static const char *const month[] = {"Jan", "Feb", "March", "April", "May", "June", "July",
                                      "Aug", "Sept", "Oct", "Nov", "Dec"};
  for (size_t m = 0; m < sizeof month / sizeof *month; m++) {
    size_t ml = strlen(month[m]);
    if (k + ml >= n || memcmp(p + k, month[m], ml) != 0) continue;
    size_t j = k + ml;
    while (j < n && ((p[j] >= 'a' && p[j] <= 'z') || p[j] == '.')) j++;
    if (j >= n || p[j] != ' ') continue;
    size_t d = ++j;
    while (j < n && p[j] >= '0' && p[j] <= '9') j++;
    if (j == d || j - d > 2 || j + 6 > n || p[j] != ',' || p[j + 1] != ' ') continue;
    j += 2;
    if (((p[j] == '1' && p[j + 1] == '9') || (p[j] == '2' && p[j + 1] == '0')) && p[j + 2] >= '0' &&
        p[j + 2] <= '9' && p[j + 3] >= '0' && p[j + 3] <= '9')
      return true;
  }
  return false;
}

/* A month as a caption writes it before its day or its year: the
 * agencies' abbreviations, or in full. */
static const char *const k_month[] = {"Jan.",  "Feb.",  "Aug.",     "Sept.",     "Oct.",    "Nov.",
                                      "Dec.",  "January", "February", "March",  "April", "May",
                                      "June",  "July",  "August",   "September", "October", "November",
                                      "December"};

/* Is p[0..n) one of k_month? */
static bool is_month(const char *p, size_t n) {
  for (size_t m = 0; m < sizeof k_month / sizeof *k_month; m++)
    if (strlen(k_month[m]) == n && !memcmp(p, k_month[m], n)) return true;
  return false;
}

/* Does p tell the past ("was", "said", ...), or, with future, what will
 * be: the news about a date rather than a picture's day? */
static bool tells_time(const char *p, size_t n, bool future) {
  static const char *const past[] = {" was ", " were ", " had ", " began ", " said ", " ended ",
                                     " agreed ", " announced ", " did "};
  for (size_t k = 0; k < sizeof past / sizeof *past; k++)
    if (memmem(p, n, past[k], strlen(past[k]))) return true;
  return future && memmem(p, n, " will ", 6);
}

/* Does "seen", "pictured", "shown", "photographed" or "viewed" start at
 * i, after spaces: a picture's passive, "Graffiti is seen inside the
 * chamber ..."? */
static bool seen_after(const char *p, size_t n, size_t i) {
  static const char *const w[] = {"seen ", "pictured ", "shown ", "photographed ", "viewed "};
  while (i < n && p[i] == ' ') i++;
  for (size_t k = 0; k < sizeof w / sizeof *w; k++)
    if (n - i > strlen(w[k]) && !memcmp(p + i, w[k], strlen(w[k]))) return true;
  return false;
}

/* A photo caption in the agencies' form: names and roles in capitals, a
 * verb in the present of what the picture shows, and the day it was taken
 * with its year: "President Donald Trump listens during a Cabinet meeting
 * in Washington, D.C., January 2, 2019.", "House members vote as ...,
 * Wednesday, Dec. 18, 2019, on Capitol Hill".  News tells the past in the
 * past tense, so a present verb with a full date is a picture's; so is
 * a picture's passive ("Graffiti is seen inside the chamber ... in Hong
 * Kong, on July 3, 2019."). */
static bool dated_caption(const char *p, size_t n) {
  static const char *const verb[] = {
      "speak", "listen", "arrive", "gesture", "attend", "deliver", "testif", "greet", "pose", "react",
      "participate", "pause", "smile", "pray", "kneel", "applaud", "celebrate", "embrace", "salute",
      "gaze", "gather", "mourn", "depart", "shake", "sit", "wait", "hug", "wear", "meet", "walk",
      "wave", "look", "stand", "take", "answer", "leave", "address", "talk", "campaign", "ride",
      "board", "visit", "vote", "sign", "enter", "exit", "watch", "march", "clean", "rall", "brief",
      "point", "carr", "hold", "step", "cheer", "chant", "demonstrate", "protest", "lead", "head",
      "work", "play", "run"};
  /* the verbs before "wave" are seldom nouns: a caption's day alone ("on
   * Thursday", "on Aug. 26") follows only them ("Romney's campaign
   * launched ...", "Peace talks including ...", "Biden leads Trump by ...") */
  enum { NPLAIN = 30 };
  bool plain = false;
  /* the opening run: capitalized words, "of", "the", "and", initials, and
   * where a person stands in the picture ("Bubba Wallace, right, is
   * overcome ...") */
  size_t i = 0, caps = 0;
  bool placed = false;
  while (i < n) {
    size_t w = i;
    while (i < n && p[i] != ' ') i++;
    if (i == w) break;
    bool cap = p[w] >= 'A' && p[w] <= 'Z';
    bool glue = (i - w == 2 && !memcmp(p + w, "of", 2)) || (i - w == 3 && !memcmp(p + w, "the", 3)) ||
                (i - w == 3 && !memcmp(p + w, "and", 3));
    bool where = w >= 2 && p[w - 2] == ',' &&
                 ((i - w == 5 && !memcmp(p + w, "left,", 5)) || (i - w == 6 && !memcmp(p + w, "right,", 6)) ||
                  (i - w == 7 && (!memcmp(p + w, "center,", 7) || !memcmp(p + w, "centre,", 7))));
    if (where) {
      placed = true;
      while (i < n && p[i] == ' ') i++;
      continue;
    }
    /* a party and a state after a name: "Mitch McConnell (R-KY) speaks",
     * "Tim Scott (R., S.C.) speaks" */
    if (p[w] == '(' && caps) {
      size_t e = i, words = 1;
      while (words < 3 && e < n && p[e - 1] != ')' && !(e - w > 2 && p[e - 2] == ')' && p[e - 1] == ',')) {
        while (e < n && p[e] == ' ') e++;
        while (e < n && p[e] != ' ') e++;
        words++;
      }
      if ((p[e - 1] == ')' || (e - w > 2 && p[e - 2] == ')' && p[e - 1] == ',')) && e - w <= 14) {
        i = e;
        while (i < n && p[i] == ' ') i++;
        continue;
      }
    }
    if (!cap && !glue) {
      /* the first word in lower case: a verb of the list, "-s" or not; or,
       * after a place in the picture, "is" or "are" */
      if (caps < 1 || caps > 10) return false;
      size_t k = i - w;
      if (k && p[i - 1] == ',') return false;
      bool be = (k == 2 && !memcmp(p + w, "is", 2)) || (k == 3 && !memcmp(p + w, "are", 3));
      /* or the passive with no verb before it: "Harvard Yard viewed on
       * Nov. 16, 2015, in Cambridge"; not set off by a comma, which is
       * news's aside on its picture: "Mitt Romney of Utah, shown here in
       * an Oct. 30, 2019 photo, has become ..." */
      bool ok = (be && (placed || seen_after(p, n, i))) || (!(w >= 2 && p[w - 2] == ',') && seen_after(p, n, w));
      for (size_t v = 0; v < sizeof verb / sizeof *verb && !ok; v++) {
        size_t vl = strlen(verb[v]);
        if (k < vl || memcmp(p + w, verb[v], vl) != 0) continue;
        size_t r = k - vl; /* what follows the stem: "", "s", "es", "ies" */
        ok = r == 0 || (r == 1 && p[w + vl] == 's') || (r == 2 && !memcmp(p + w + vl, "es", 2)) ||
             (r == 3 && !memcmp(p + w + vl, "ies", 3)) || (r == 1 && p[w + vl] == 'y');
        /* a verb that is no noun: "speaks", not "campaign" or "talks" */
        if (ok) plain = v < NPLAIN;
      }
      if (!ok) {
        /* a role before a name in the run: "North Korea's leader Kim
         * Jong Un shake hands ..." */
        size_t nx = i;
        while (nx < n && p[nx] == ' ') nx++;
        static const char *const not_role[] = {"for", "from", "with", "have", "has", "had", "into",
                                               "over", "after", "about", "than", "will", "would",
                                               "could", "should", "also", "then", "that", "when"};
        bool verbish = p[i - 1] == 's' || (p[i - 2] == 'e' && p[i - 1] == 'd'); /* "claimed Mikhail" */
        for (size_t v = 0; v < sizeof not_role / sizeof *not_role && !verbish; v++)
          verbish = k == strlen(not_role[v]) && !memcmp(p + w, not_role[v], k);
        if (k >= 3 && caps >= 2 && !verbish && p[i - 1] >= 'a' && p[i - 1] <= 'z' && nx < n &&
            p[nx] >= 'A' && p[nx] <= 'Z') {
          i = nx;
          continue;
        }
        return false;
      }
      break;
    }
    if (cap) caps++;
    while (i < n && p[i] == ' ') i++;
  }
  if (i >= n) return false;
  /* "Defense talks with Cuba began on May 26, 2008": news in the past */
  if (tells_time(p, n, false)) return false;
  /* a month, a day and a year after it: "January 2, 2019", "Dec. 18, 2019" */
  for (size_t k = i; k + 10 < n; k++)
    if (p[k] == ' ' && p[k + 1] >= 'A' && p[k + 1] <= 'Z' && date_at(p, n, k + 1)) return true;
  /* or the day of the week alone, set off at the end after the place:
   * "... at the Jewish Community Center in Davie, Fla., Thursday." */
  static const char *const day[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                    "Saturday", "Sunday"};
  size_t e = n;
  while (e && (p[e - 1] == ' ' || p[e - 1] == '.')) e--;
  for (size_t d = 0; d < sizeof day / sizeof *day; d++) {
    size_t dl = strlen(day[d]);
    if (e >= dl + 2 && e - dl > i && !memcmp(p + e - dl, day[d], dl) && p[e - dl - 1] == ' ' &&
        p[e - dl - 2] == ',')
      return true;
    /* or after "on": "Vice President Joe Biden speaks on Thursday." */
    if (plain && e >= dl + 4 && e - dl - 4 > i && !memcmp(p + e - dl, day[d], dl) && !memcmp(p + e - dl - 4, " on ", 4))
      return true;
  }
  /* or a month and its day, no year, after "on": "Secretary of State John
   * Kerry speaks at the State Department in Washington on Aug. 26." */
  size_t k = e;
  while (k > i && p[k - 1] >= '0' && p[k - 1] <= '9') k--;
  if (plain && k < e && e - k <= 2 && k > i + 1 && p[k - 1] == ' ') {
    size_t m = k - 1;
    while (m > i && p[m - 1] != ' ') m--;
    if (is_month(p + m, k - 1 - m) && m >= i + 4 && !memcmp(p + m - 4, " on ", 4)) return true;
  }
  return false;
}

/* A picture's day in the agencies' caption form, set off by commas: ",
 * Wednesday, July 8, 2020," -- "Des Moines Public Schools custodian
 * Cynthia Adams cleans a desk ..., Wednesday, July 8, 2020, in Des Moines,
 * Iowa."  News prose names the day ("on Wednesday") or the date, not the
 * weekday, date and year behind a comma; on 30 random sentences of the
 * AllSides set that hold the form, all were captions.  A sentence that
 * tells the past ("was", "said") is news all the same. */
static bool weekday_caption(const char *p, size_t n) {
  static const char *const day[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                    "Saturday", "Sunday"};
  bool found = false;
  for (size_t i = 0; i + 2 < n && !found; i++) {
    if (p[i] != ',' || p[i + 1] != ' ') continue;
    for (size_t d = 0; d < sizeof day / sizeof *day && !found; d++) {
      size_t dl = strlen(day[d]), k = i + 2;
      found = k + dl + 2 < n && memcmp(p + k, day[d], dl) == 0 && p[k + dl] == ',' &&
              p[k + dl + 1] == ' ' && date_at(p, n, k + dl + 2);
    }
  }
  return found && !tells_time(p, n, true);
}

/* A word of a place's name: capitalized ("Pearl", "U.S.", "D.C.",
 * "Fla."), or "of" inside one ("Isle of Wight"). */
static bool place_word(const char *p, size_t w, size_t e) {
  if (e - w == 2 && !memcmp(p + w, "of", 2)) return true;
  return e > w && p[w] >= 'A' && p[w] <= 'Z';
}

/* Is p[0..n) a month and a year alone: "October 2015", "Feb. 2017"? */
static bool month_year(const char *p, size_t n) {
  if (n < 8 || p[n - 5] != ' ') return false;
  for (size_t i = n - 4; i < n; i++)
    if (p[i] < '0' || p[i] > '9') return false;
  return is_month(p, n - 5);
}

/* A picture's place and day closing its caption, with no weekday and no
 * verb of the opening run to go by: "A farmer drives tractor along a road
 * in Pearl City, Illinois, U.S., July 25, 2018.", "The ZTE logo is seen
 * on a building in Beijing, May 2, 2018.", or its month alone: "Trump at
 * a campaign stop in Tampa, Fla., October 2016."  The sentence ends on a date set
 * off by a comma straight after a place ("in" or "at" and names, maybe
 * more names after commas: the state, the country), not after "on" or a
 * noun: news gives a date as "on July 25, 2018" or "the fiscal year,
 * September 30, 2015".  On the AllSides set, of 370 sentences ending on ",
 * Month D, YYYY." that no other rule flagged, those of this form read as
 * captions; a sentence that tells the past ("was", "said") stays news. */
static bool place_date_caption(const char *p, size_t n) {
  while (n && p[n - 1] == ' ') n--;
  if (n < 24 || p[n - 1] != '.') return false;
  /* the date: ", Month D, YYYY." at the end */
  size_t d = n - 1;
  if (!(p[d - 4] >= '0' && p[d - 4] <= '9' && p[d - 1] >= '0' && p[d - 1] <= '9')) return false;
  size_t k = d - 5; /* the space before the year */
  while (k > 0 && !(p[k] == ',' && p[k + 1] == ' ' && p[k + 2] >= 'A' && p[k + 2] <= 'Z')) {
    if (d - k > 22) return false;
    k--;
  }
  if (k < 8) return false;
  if (date_at(p, n, k + 2)) {
    /* the month's day and year run to the end: nothing after the year */
    size_t y = k + 2;
    while (y < n && p[y] != ',') y++;
    if (y + 7 != n) return false;
  } else if (!month_year(p + k + 2, d - k - 2)) {
    return false;
  }
  /* back over the place's names between commas ("Illinois", "U.S.") to
   * the one "in" or "at" opens */
  size_t end = k;
  for (int seg = 0; seg < 5; seg++) {
    size_t start = end;
    while (start > 0 && !(p[start - 1] == ' ' && start >= 2 && p[start - 2] == ',')) start--;
    /* the segment's words from its end: all of a place, or a place after
     * "in"/"at" */
    size_t e = end, names = 0;
    while (e > start) {
      size_t w = e;
      while (w > start && p[w - 1] != ' ') w--;
      if (!place_word(p, w, e)) {
        bool opens = (e - w == 2 && (!memcmp(p + w, "in", 2) || !memcmp(p + w, "at", 2)));
        return opens && names >= 1 && names <= 5 && !tells_time(p, n, false);
      }
      names++;
      e = w;
      while (e > start && p[e - 1] == ' ') e--;
    }
    if (start < 2 || names == 0 || names > 4) return false; /* a sentence of names alone */
    end = start - 2;
  }
  return false;
}

/* A section label glued to its blurb: "Columnists In-depth political
 * coverage, sports analysis and cultural commentary." -- a capital word,
 * plural, a second capital word, then lower case; a list (two commas or more);
 * no verb of a news sentence. */
static bool section_blurb(const char *p, size_t n, size_t words) {
  if (words < 5 || !(p[0] >= 'A' && p[0] <= 'Z')) return false;
  size_t i = 0;
  while (i < n && p[i] != ' ') i++;
  /* the label: one plural word ("Columnists", "Sports", "Podcasts") */
  if (i < 4 || p[i - 1] != 's' || !(p[i - 2] >= 'a' && p[i - 2] <= 'z')) return false;
  if (i + 2 >= n || !(p[i + 1] >= 'A' && p[i + 1] <= 'Z')) return false;
  size_t j = i + 1;
  while (j < n && p[j] != ' ') j++;
  if (p[j - 1] == ',' || j + 2 >= n || !(p[j + 1] >= 'a' && p[j + 1] <= 'z')) return false;
  size_t commas = 0;
  for (size_t k = 0; k < n; k++) commas += p[k] == ',';
  if (commas < 2) return false;
  static const char *const verbs[] = {" is ", " are ", " was ", " were ", " has ", " have ", " had ",
                                      " will ", " would ", " said", " says", " can ", " could ",
                                      " did ", " does ", " do ", " be ", " been ", " may ", " might "};
  for (size_t v = 0; v < sizeof verbs / sizeof *verbs; v++) {
    size_t vl = strlen(verbs[v]);
    for (size_t k = 0; k + vl <= n; k++)
      if (memcmp(p + k, verbs[v], vl) == 0) return false;
  }
  /* a past tense ("-ed ") is a verb too */
  for (size_t k = 2; k + 1 < n; k++)
    if (p[k - 1] == 'e' && p[k] == 'd' && (p[k + 1] == ' ' || p[k + 1] == ',')) return false;
  return true;
}

/* A byline without "By": names joined by "and" or commas, every other
 * word capitalized, no closing punctuation ("Jane Doe and John Roe and
 * Ann Poe"). */
static bool name_list(const char *p, size_t n) {
  if (!n || p[n - 1] == '.' || p[n - 1] == '!' || p[n - 1] == '?' || p[n - 1] == '"' || (p[n - 1] & 0x80))
    return false;
  size_t joins = 0, names = 0, i = 0;
  while (i < n) {
    while (i < n && (p[i] == ' ' || p[i] == ',')) joins += p[i++] == ',';
    if (i >= n) break;
    size_t s = i;
    while (i < n && p[i] != ' ' && p[i] != ',') i++;
    if (i - s == 3 && !memcmp(p + s, "and", 3)) {
      joins++;
      continue;
    }
    if (!(p[s] >= 'A' && p[s] <= 'Z')) return false;
    names++;
  }
  return joins >= 2 && names >= 4;
}

/* Months with their years in a row of archive links ("December, 2015 November, 2015
 * October, 2015 ..."). */
static size_t month_run(const char *t, size_t n) {
  static const char *const m[] = {"january", "february", "march", "april", "may", "june", "july",
                                  "august", "september", "october", "november", "december"};
  static const uint8_t ml[] = {7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8};
  unsigned found = 0; /* a bit per month */
  /* one pass over the word starts, each month counted once */
  for (size_t j = 0; j + 8 <= n; j++) {
    if (j && t[j - 1] >= 'a' && t[j - 1] <= 'z') continue;
    char c = t[j];
    if (c != 'j' && c != 'f' && c != 'm' && c != 'a' && c != 's' && c != 'o' && c != 'n' && c != 'd')
      continue;
    for (size_t i = 0; i < sizeof m / sizeof *m; i++) {
      size_t l = ml[i];
      if ((found >> i & 1) || m[i][0] != c || j + l + 5 > n || t[j + 1] != m[i][1] ||
          memcmp(t + j, m[i], l) != 0)
        continue;
      size_t y = j + l;
      if (t[y] == ',') y++;
      if (y + 5 <= n && t[y] == ' ' && t[y + 1] >= '1' && t[y + 1] <= '2' && t[y + 4] >= '0' &&
          t[y + 4] <= '9' && (y + 5 == n || !(t[y + 5] >= '0' && t[y + 5] <= '9')))
        found |= 1u << i;
    }
  }
  return (size_t)__builtin_popcount(found);
}

/* A related link's headline with its "Read more" glued on: "Harbour
 * strike ends after nine days Read more" (no full stop before it: a
 * headline, not a sentence of the story). */
static bool read_more_tail(const char *p, size_t n) {
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\n' || p[n - 1] == '>' || (unsigned char)p[n - 1] >= 0x80)) n--;
  static const char *const tails[] = {" Read more", " Read More", " READ MORE"};
  for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
    size_t k = strlen(tails[i]);
    if (n <= k + 8 || memcmp(p + n - k, tails[i], k) != 0) continue;
    char c = p[n - k - 1];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  }
  return false;
}

/* An embedded post's signature ends the sentence: "... \u2014 Jane Doe
 * (@janedoe) September 16, 2019".  The post's own words before it are
 * furniture when they are few (a handle, a link, a line the article quotes
 * anyway); a post of a sentence or more stays. */
static bool post_signature(const char *p, size_t n) {
  while (n && (p[n - 1] == ' ' || p[n - 1] == '.' || p[n - 1] == '\n')) n--;
  /* the year, the day, the month */
  size_t k = n;
  while (k && p[k - 1] >= '0' && p[k - 1] <= '9') k--;
  if (n - k != 4 || k < 4 || p[k - 1] != ' ' || p[k - 2] != ',') return false;
  k -= 2;
  size_t d = k;
  while (d && p[d - 1] >= '0' && p[d - 1] <= '9') d--;
  if (k - d < 1 || k - d > 2 || d < 2 || p[d - 1] != ' ') return false;
  size_t me = d - 1, ms = me;
  while (ms && p[ms - 1] >= 'a' && p[ms - 1] <= 'z') ms--;
  if (ms == 0 || !(p[ms - 1] >= 'A' && p[ms - 1] <= 'Z') || me - ms < 2) return false;
  ms--;
  /* the handle: "(@name) " */
  if (ms < 4 || p[ms - 1] != ' ' || p[ms - 2] != ')') return false;
  size_t h = ms - 2;
  while (h && p[h - 1] != '(' && p[h - 1] != ' ') h--;
  if (!h || p[h - 1] != '(' || p[h] != '@') return false;
  /* a dash before the name, within a few words */
  size_t dash = 0;
  for (size_t i = h > 80 ? h - 80 : 0; i + 3 <= h; i++)
    if ((unsigned char)p[i] == 0xE2 && (unsigned char)p[i + 1] == 0x80 &&
        ((unsigned char)p[i + 2] == 0x94 || (unsigned char)p[i + 2] == 0x93))
      dash = i + 1;
  for (size_t i = h > 80 ? h - 80 : 0; i + 2 <= h; i++)
    if (p[i] == '-' && p[i + 1] == ' ' && (i == 0 || p[i - 1] == ' ')) dash = i + 1;
  if (!dash) return false;
  /* words of the post itself, links and handles not counted */
  size_t words = 0;
  for (size_t i = 0; i + 1 < dash;) {
    while (i + 1 < dash && p[i] == ' ') i++;
    size_t w = i;
    while (i + 1 < dash && p[i] != ' ') i++;
    if (i == w) break;
    if (p[w] == '@' || p[w] == '#' || (i - w >= 4 && memcmp(p + w, "http", 4) == 0) ||
        (i - w >= 8 && memcmp(p + w, "pic.twit", 8) == 0))
      continue;
    words++;
  }
  return words <= 8;
}

/* An embedded social post's attribution on its own: "Posted by Jane Doe on
 * Saturday, February 20, 2016" (folded text): "posted by", a weekday after
 * " on ", a year at the end.  The post's words, when the sentence holds
 * them, are what the article quotes: not this line. */
static bool posted_by(const char *t, size_t n, size_t words) {
  static const char *const day[] = {" on monday, ",   " on tuesday, ", " on wednesday, ", " on thursday, ",
                                    " on friday, ",   " on saturday, ", " on sunday, "};
  if (words > 14 || !starts(t, n, "posted by ")) return false;
  for (size_t d = 0; d < sizeof day / sizeof *day; d++) {
    size_t k = strlen(day[d]);
    for (size_t i = 10; i + k <= n; i++) {
      if (memcmp(t + i, day[d], k) != 0) continue;
      /* then only "<month> <day>, <year>" */
      size_t j = i + k, m = j;
      while (j < n && t[j] >= 'a' && t[j] <= 'z') j++;
      if (j - m < 3 || j >= n || t[j++] != ' ') return false;
      size_t dd = j;
      while (j < n && t[j] >= '0' && t[j] <= '9') j++;
      if (j - dd < 1 || j - dd > 2 || j + 6 != n || t[j] != ',' || t[j + 1] != ' ') return false;
      for (j += 2; j < n; j++)
        if (t[j] < '0' || t[j] > '9') return false;
      return true;
    }
  }
  return false;
}

/* A copyright notice run into the line before it: "Rubio: Media Will
 * Tear Trump Apart © 2019 Newsmax.", "... at dennisprager.com. © 2017
 * Creators.com": the sign, then a year. */
static bool copyright_notice(const char *p, size_t n) {
  for (size_t i = 0; i + 6 <= n; i++) {
    if ((unsigned char)p[i] != 0xc2 || (unsigned char)p[i + 1] != 0xa9) continue;
    size_t j = i + 2;
    if (j < n && p[j] == ' ') j++;
    if (j + 4 <= n && (p[j] == '1' || p[j] == '2') && p[j + 1] >= '0' && p[j + 1] <= '9' &&
        p[j + 2] >= '0' && p[j + 2] <= '9' && p[j + 3] >= '0' && p[j + 3] <= '9' &&
        (j + 4 == n || !(p[j + 4] >= '0' && p[j + 4] <= '9')))
      return true;
  }
  return false;
}

/* The page's notes to its readers (t lower-case): a correction's label
 * ("Corrections & Clarifications: An earlier version of this story ..."),
 * an update stamp ("Update: This story has been updated with ..."), a call
 * for tips ("Have a tip we should know? [email protected]") and a contact
 * line with the address the page hides ("Email Isaac Arnsdorf at [email
 * protected]."); not "The FBI ... asks that anyone with information email
 * [email protected] or offer information confidentially at ..." nor an
 * address quoted. */
static bool reader_note(const char *t, size_t n, size_t words) {
  static const char *const open[] = {"corrections & clarifications:", "corrections and clarifications:",
                                     "correction:", "clarification:", "have a tip",
                                     "this story has been updated", "this article has been updated",
                                     "update: this story has been updated",
                                     "update: this article has been updated",
                                     "(cnn) this story has been updated"};
  for (size_t k = 0; k < sizeof open / sizeof *open; k++)
    if (starts(t, n, open[k])) return true;
  return words <= 20 && contains(t, n, "[email protected]") && !memchr(t, '"', n);
}

/* A live page's note on itself (t lower-case): "We'll update this post as
 * more details come in.", "Will update as more is known.", "Scroll down
 * for video", "(Scroll down to see more from the complaint ...)"; not
 * "... until you scroll down to the very bottom of the page". */
static bool update_note(const char *t, size_t n, size_t words) {
  static const char *const upd[] = {"update this post", "update this story", "update this page",
                                    "update this blog", "update this article"};
  static const char *const as[] = {"update as more", "update as news", "update as the",
                                   "update as new", "update as details", "update as we"};
  if (memchr(t, '"', n)) return false; /* a spokesman's words */
  if (words <= 40)
    for (size_t k = 0; k < sizeof upd / sizeof *upd; k++)
      if (contains(t, n, upd[k])) return true;
  if (words <= 30)
    for (size_t k = 0; k < sizeof as / sizeof *as; k++)
      if (contains(t, n, as[k])) return true;
  return starts(t, n, "scroll down ") || starts(t, n, "(scroll down ") || contains(t, n, ": scroll down ") ||
         contains(t, n, ", scroll down ");
}

/* A still from a video captioned: "An image grab taken from a video
 * published by ... shows people gathered at the scene", "This screengrab
 * taken on Jan. 11 from a video ... shows a man ..." (t lower-case); not
 * "A screen grab of data has time stamps that match ...". */
static bool grab_caption(const char *t, size_t n) {
  static const char *const open[] = {"a ", "an ", "this ", "the "};
  static const char *const grab[] = {"screen grab ", "screengrab ", "image grab ", "video grab ",
                                     "frame grab ", "video screengrab "};
  for (size_t o = 0; o < sizeof open / sizeof *open; o++) {
    if (!starts(t, n, open[o])) continue;
    size_t k = strlen(open[o]);
    for (size_t g = 0; g < sizeof grab / sizeof *grab; g++)
      if (starts(t + k, n - k, grab[g])) return contains(t, n, "shows ") || contains(t, n, "taken from ");
  }
  return false;
}

/* A news agency's photo caption: "FILE - In this Oct. 8, 2018, file photo,
 * ...", "In this image from video, ...", "In this photo released by ...". */
static bool agency_caption(const char *t, size_t n) {
  size_t i = 0;
  /* the agencies mark an archive picture's caption so: "FILE - This May
   * 29, 2019 file photo shows ...", "FILE PHOTO - People wait in line
   * ..." */
  if (starts(t, n, "file - ") || starts(t, n, "file -- ") || starts(t, n, "file photo - ") ||
      starts(t, n, "file photo -- "))
    return true;
  if (starts(t, n, "file")) {
    i = 4;
    while (i < n && (t[i] == ' ' || t[i] == '-')) i++;
  }
  if (grab_caption(t + i, n - i)) return true;
  if (n - i < 8 || memcmp(t + i, "in this ", 8) != 0) return false;
  if (starts(t + i, n - i, "in this video, ")) return true;
  /* "In this April 4, 2019, photo Tara Reade poses ...": a day, then the
   * picture */
  static const char *const month[] = {"jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
                                      "january", "february", "march", "april", "may", "june",
                                      "july", "august", "september", "october", "november",
                                      "december"};
  for (size_t m = 0; m < sizeof month / sizeof *month; m++) {
    size_t k = strlen(month[m]);
    if (i + 8 + k >= n || memcmp(t + i + 8, month[m], k) != 0 || t[i + 8 + k] != ' ') continue;
    size_t j = i + 8 + k;
    while (j < n && j < i + 8 + k + 12 && ((t[j] >= '0' && t[j] <= '9') || t[j] == ',' || t[j] == ' ')) j++;
    if (j > i + 8 + k + 1 && (starts(t + j, n - j, "photo ") || starts(t + j, n - j, "image ") ||
                              starts(t + j, n - j, "picture ")))
      return true;
  }
  size_t end = i + 90 < n ? i + 90 : n;
  static const char *const what[] = {"file photo", "photo,", "image,", "picture,", "photograph,",
                                     "photo released", "image released", "photo taken",
                                     "image taken", "photo provided", "image provided",
                                     "image from", "photo from", "frame grab", "photo made",
                                     "photo shot", "handout photo", "photo obtained",
                                     "screen grab", "screengrab", "image grab", "video grab",
                                     "photo illustration", "undated photo", "combo photo",
                                     "photo the "};
  for (size_t w = 0; w < sizeof what / sizeof *what; w++)
    if (contains(t + i, end - i, what[w])) return true;
  return false;
}

/* The minutes and seconds a player shows after a clip's title ("02:17"). */
static bool ends_duration(const char *p, size_t n) {
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\n')) n--;
  size_t d = 0;
  while (d < n && d < 3 && p[n - 1 - d] >= '0' && p[n - 1 - d] <= '9') d++;
  if (d != 2 || n < 4 || p[n - 3] != ':') return false;
  return p[n - 4] >= '0' && p[n - 4] <= '9';
}

/* A video's blurb behind its player's close button, one paragraph with the
 * button's label in capitals: "CLOSE A bipartisan group of senators is
 * getting ready to unveil its plan ... USA TODAY" (472 sentences of the
 * AllSides set open so, all of them). */
bool px__video_blurb(const char *p, size_t n) {
  while (n && (*p == ' ' || *p == '\n')) p++, n--;
  if (n < 8 || memcmp(p, "CLOSE ", 6) != 0) return false;
  unsigned char c = (unsigned char)p[6];
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c == '\'' || c == 0xe2;
}

/* A video or audio player's label kept in the body: "JUST WATCHED <clip>
 * Replay More Videos ..." and "MUST WATCH <clip> 02:17" (one news site's
 * embeds, set in capitals; the splitter may end the label at a quote in
 * the clip's title, before its duration), "<clip> Listen · 3:41 3:41" (a
 * radio site's player). */
bool px__player_label(const char *p, size_t n) {
  while (n && (*p == ' ' || *p == '\n')) p++, n--;
  if (n >= 13 && memcmp(p, "JUST WATCHED ", 13) == 0) return true;
  if (px__video_blurb(p, n)) return true;
  /* "MUST WATCH <clip>" up to its duration; a clip's label the extractor
   * glued to the next sentence ("... 01:55 The photos were ...") stays news */
  if (n >= 11 && memcmp(p, "MUST WATCH ", 11) == 0) {
    if (ends_duration(p, n)) return true;
    for (size_t j = 11; j + 4 < n; j++)
      if (p[j] == ':' && p[j - 1] >= '0' && p[j - 1] <= '9' && p[j + 1] >= '0' && p[j + 1] <= '9' &&
          p[j + 2] >= '0' && p[j + 2] <= '9' && p[j + 3] == ' ')
        return false;
    return true;
  }
  /* "Listen · 3:41", "Download · 4:05": a middle dot between a word and a time */
  for (const char *q = p + 1, *end = p + n; q + 2 < end; q++) {
    q = memchr(q, 0xb7, (size_t)(end - q - 2));
    if (!q) break;
    if ((unsigned char)q[-1] != 0xc2 || q[1] != ' ' || q[2] < '0' || q[2] > '9') continue;
    static const char *const play[] = {"Listen ", "Download "};
    for (size_t i = 0; i < sizeof play / sizeof *play; i++) {
      size_t k = strlen(play[i]);
      if ((size_t)(q - 1 - p) >= k && memcmp(q - 1 - k, play[i], k) == 0) return true;
    }
  }
  return false;
}

/* A pointer to what the page links: "Read the full memo here.", "(Read
 * more from WKSU here)", "Watch the exclusive interview here:",
 * "Download ABC News for iPhone here or ABC News for Android here."  A
 * verb of reading, watching or finding first, "here" last.  t is lower
 * case. */
static bool pointer_here(const char *t, size_t tn) {
  size_t a = 0, e = tn;
  while (a < e && (t[a] == '(' || t[a] == '[' || t[a] == ' ')) a++;
  while (e > a && (t[e - 1] == ')' || t[e - 1] == ']' || t[e - 1] == ' ' || t[e - 1] == '.' ||
                   t[e - 1] == '!' || t[e - 1] == ':'))
    e--;
  if (e - a < 10 || memcmp(t + e - 5, " here", 5) != 0) return false;
  if (memcmp(t + e - 8, " in here", 8) == 0) return false; /* "See if you can find it in here:" */
  if (contains(t, tn, "said") || contains(t, tn, "says")) return false; /* someone's words */
  /* "A revised version of this report can be found here.", "The entire
   * decision can be read here." (a link's words, up to 20) */
  static const char *const passive[] = {" can be found here", " can be read here", " can be seen here",
                                        " can be viewed here", " can be watched here",
                                        " can be accessed here", " is available here"};
  bool short_line = at_most_words(t + a, e - a, 20);
  for (size_t i = 0; i < sizeof passive / sizeof *passive && short_line; i++) {
    size_t k = strlen(passive[i]);
    if (e - a > k && memcmp(t + e - k, passive[i], k) == 0) return true;
  }
  static const char *const verb[] = {"read ", "watch ", "see ", "view ", "listen to ", "listen ",
                                     "download ", "find ", "check out ", "click "};
  for (size_t i = 0; i < sizeof verb / sizeof *verb; i++) {
    size_t k = strlen(verb[i]);
    if (e - a > k + 5 && memcmp(t + a, verb[i], k) == 0) return true;
  }
  return false;
}

/* A menu or a gallery's run of names set as one sentence: "Choose your
 * country United States of America Afghanistan Albania Algeria ...", "See
 * the Life in Photos Courtesy of ... Getty Images ...", related headlines
 * in title case glued together.  Of the first words (those folded), nearly
 * all capitalized with small letters after, and hardly a comma: prose has
 * small words, a list of people in the news ("John Doe, 45, Jane Roe, ...")
 * has commas, and a text set in capitals has no small letters. */
bool px__title_run(size_t words, size_t titled, size_t commas) {
  return words >= 24 && titled * 10 >= words * 8 && commas * 8 <= words;
}

bool px__agency_caption(const char *p, size_t n) {
  char t[128];
  size_t m = 0;
  for (size_t i = 0; i < n && m < sizeof t; i++) {
    unsigned char c = (unsigned char)p[i];
    t[m++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return (m >= 11 && memcmp(t, "file photo:", 11) == 0) || (m >= 13 && memcmp(t, "hide caption ", 13) == 0) ||
         (m >= 13 && memcmp(t, "show caption ", 13) == 0) || agency_caption(t, m);
}

bool px__caps_headline(const char *p, size_t n) {
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\n')) n--;
  if (n < 24) return false;
  char last = p[n - 1];
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == ',') return false;
  size_t words = 0, upper = 0;
  bool in = false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c >= 'a' && c <= 'z') return false;
    if (c == 0xc3 && i + 1 < n && (unsigned char)p[i + 1] >= 0x9f) return false; /* é, ü, ... */
    bool letter = c >= 'A' && c <= 'Z';
    upper += letter;
    if (letter && !in) words++;
    in = letter || c == '\'' || c == '-' || c == '.' || c >= 0x80;
  }
  return words >= 6 && upper >= 20;
}

bool px__furniture_text(const char *p, size_t n) {
  char s[FMAX + 1];
  size_t m = 0, words = 0, caps = 0, titled = 0, commas = 0;
  bool in = false, upper_word = false, at = false;
  /* fold: ASCII lower case, curly quotes straight, runs of space as one;
   * count words and capitalized words */
  for (size_t i = 0; i < n && m < FMAX; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c == 0xe2 && i + 2 < n && (unsigned char)p[i + 1] == 0x80) { /* ’ ‘ “ ” — – */
      unsigned char d = (unsigned char)p[i + 2];
      c = d == 0x98 || d == 0x99 ? '\'' : d == 0x9c || d == 0x9d ? '"' : '-';
      i += 2;
    } else if (c >= 0x80) {
      c = '~';
    }
    bool sp = c == ' ' || c == '\n' || c == '\t';
    if (sp) {
      if (m && s[m - 1] != ' ') s[m++] = ' ';
      in = false;
      continue;
    }
    if (!in) {
      words++;
      upper_word = c >= 'A' && c <= 'Z';
      caps += upper_word;
      /* "Albania", not "NATO": a capital and then a small letter */
      titled += upper_word && i + 1 < n && p[i + 1] >= 'a' && p[i + 1] <= 'z';
      in = true;
    }
    if (c == ',') commas++;
    if (c == '@') at = true;
    s[m++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  (void)upper_word;
  while (m && (s[m - 1] == ' ' || s[m - 1] == '.' || s[m - 1] == ':' || s[m - 1] == '|' ||
               s[m - 1] == '>' || s[m - 1] == '-'))
    m--;
  size_t b = 0;
  while (b < m && (s[b] == ' ' || s[b] == '|' || s[b] == '<' || s[b] == '-' || s[b] == '>')) b++;
  const char *t = s + b;
  size_t tn = m - b;
  s[m] = 0;
  if (!tn) return false;
  /* a rule or separator: no letter and no digit ("___", "* * *") */
  bool content = false;
  for (size_t i = 0; i < tn && !content; i++)
    content = (t[i] >= 'a' && t[i] <= 'z') || (t[i] >= '0' && t[i] <= '9') || t[i] == '~';
  if (!content) return true;
  if (words <= 60 && pipe_opening(p, n)) return true;
  if (words <= 20 && glued_link(p, n)) return true;
  if (words <= 40 && px__player_label(p, n)) return true;
  if (px__caps_headline(p, n)) return true;
  if (words <= 30 && photo_credit(t, tn)) return true;
  pthread_once(&lists_once, index_lists);
  if (whole_of(&l_whole, t, tn)) return true;
  if (contains_one_of(&l_any, t, tn)) return true;
  /* "( POLITICO's full coverage of the government shutdown)" */
  if (t[0] == '(' && words <= 16 && contains(t, tn, "full coverage of")) return true;
  if (gallery_count(t, tn) && words <= 16) return true;
  if (words <= 30 && read_more_tail(p, n)) return true;
  if (words <= 40 && post_signature(p, n)) return true;
  if (posted_by(t, tn, words)) return true;
  if (words <= 30 && copyright_notice(p, n)) return true;
  /* a photo credit set with bars: "Jane Doe | Harbour Group | Getty Images" */
  if (words <= 12 && contains(t, tn, "| ")) {
    static const char *const agency[] = {"getty images", "reuters", "afp", "associated press",
                                         "ap photo", "bloomberg", "shutterstock", "epa"};
    for (size_t i = 0; i < sizeof agency / sizeof *agency; i++) {
      size_t k = strlen(agency[i]);
      if (tn > k + 2 && memcmp(t + tn - k, agency[i], k) == 0 && t[tn - k - 2] == '|') return true;
    }
  }
  if (agency_caption(t, tn)) return true;
  if (update_note(t, tn, words) || reader_note(t, tn, words)) return true;
  /* an audio player's label: "LISTEN TO ARTICLE 3:15" */
  if (words <= 14 && starts(t, tn, "listen to article ") && tn > 18 && t[18] >= '0' && t[18] <= '9')
    return true;
  if (words <= 14) {
    /* set as a button: capitalized ("Shop Now"), not "would not buy now." */
    size_t pn = n;
    while (pn && (p[pn - 1] == ' ' || p[pn - 1] == '.' || p[pn - 1] == '!' || p[pn - 1] == '>' ||
                  p[pn - 1] == '\n'))
      pn--;
    for (size_t i = 0; i < sizeof k_end / sizeof *k_end; i++) {
      size_t k = strlen(k_end[i]);
      if (tn > k && pn > k && memcmp(t + tn - k, k_end[i], k) == 0 && p[pn - k + 1] >= 'A' &&
          p[pn - k + 1] <= 'Z')
        return true;
    }
  }
  if (px__title_run(words, titled, commas)) return true;
  if (words > 40) return false;
  if (starts_one_of(&l_start, t, tn)) return true;
  /* a byline: "By Jane Doe", "By Jane Doe and John Roe, CNN" */
  if (words <= 9 && starts(t, tn, "by ") && caps * 2 >= words + 1) return true;
  /* a credit line: "Produced by Jane Doe.", "Camera by Jane Doe and John Roe." */
  if (words <= 12 && caps * 2 >= words)
    for (size_t i = 0; i < sizeof k_credit / sizeof *k_credit; i++)
      if (starts(t, tn, k_credit[i])) return true;
  /* "Follow Jane Doe on Twitter.", "Follow us on Instagram" */
  if (words <= 10 && starts(t, tn, "follow ") &&
      (contains(t, tn, "on twitter") || contains(t, tn, "on facebook") ||
       contains(t, tn, "on instagram") || contains(t, tn, "on linkedin") || contains(t, tn, "on threads")))
    return true;
  /* "Jane Doe is a reporter for ..." stays news; an e-mail or handle line
   * of a few words does not */
  if (at && words <= 8 && (contains(t, tn, "email") || contains(t, tn, "e-mail") ||
                          contains(t, tn, "twitter") || contains(t, tn, "follow") ||
                          starts(t, tn, "contact") || starts(t, tn, "reach ") ||
                          starts(t, tn, "write to") || starts(t, tn, "tips:")))
    return true;
  /* a newsletter pitch, or a note that the piece is one ("A version of
   * this article first appeared in the "Reliable Sources" newsletter.") */
  if (contains(t, tn, "newsletter") && (contains(t, tn, "sign up") || contains(t, tn, "subscribe") ||
                                        contains(t, tn, "inbox")))
    return true;
  if (contains(t, tn, "appeared in") && tn >= 10 && memcmp(t + tn - 10, "newsletter", 10) == 0) return true;
  /* "You can sign up for free right here.", "Click for more from The
   * Harbour Times." */
  if (words <= 10 && contains(t, tn, "sign up") && (contains(t, tn, " here") || contains(t, tn, "for free")))
    return true;
  if (words <= 12 && starts(t, tn, "click for more")) return true;
  /* "Jane Doe can be reached at jane.doe@globe.example.", "He can be
   * reached on Twitter at ..." */
  if (words <= 25 && (contains(t, tn, "can be reached at") || contains(t, tn, "can be reached on") ||
                      contains(t, tn, "can be reached by") || contains(t, tn, "can be reached via")))
    return true;
  if (words <= 25 && pointer_here(t, tn)) return true;
  /* "Check out the video below.", "Check out the action:"; a longer
   * sentence may be the writer's ("Check out the news about the 2016
   * presidential election and you'll quickly feel ...") */
  if (words <= 12 && starts(t, tn, "check out the ")) return true;
  if (words <= 25 && page_note(t, tn)) return true;
  if (words <= 16 && (author_bio(t, tn) || px__author_bio(p, n, 16))) return true;
  if (words <= 60 && disclaimer(t, tn)) return true;
  if (words <= 60 && (dated_caption(p, n) || weekday_caption(p, n) || place_date_caption(p, n)))
    return true;
  if (words <= 20 && related_link(t, tn)) return true;
  /* a line of the page's own in brackets: "( Editing by Jane Doe)",
   * "[Update: This story was edited at 4 p.m. ...]" */
  if (words <= 40 && tn > 2 && (t[0] == '(' || t[0] == '[')) {
    size_t k = 1;
    while (k < tn && t[k] == ' ') k++;
    if (starts_one_of(&l_start, t + k, tn - k)) return true;
  }
  if (words <= 60 && leading_credit(p, n)) return true;
  if (words <= 24 && section_blurb(p, n, words)) return true;
  if (words <= 16 && name_list(p, n)) return true;
  if (month_run(t, tn) >= 3) return true;
  return false;
}
