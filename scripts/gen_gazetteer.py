#!/usr/bin/env python3
"""gen_gazetteer.py - generate lib/analyze/gazetteer.c from WordNet.

Reads the WordNet 3.0 database as packaged by Debian (wordnet-base,
/usr/share/wordnet) and writes the name lists the entity recognizer uses:

  P  a named person (instance of person.n.01: "Vladimir Putin", "Putin")
  L  a named place (instance of location, body of water, geological formation)
  O  a named organization (below organization.n.01)
  F  a first name (first word of two or more multi-word person names)
  D  a capitalized adjective ("Russian", "North Korean"): a demonym, not a name
  G  a capitalized class of people ("Democrat", "Russian", "Muslim")
  C  a common lower-case word (a WordNet lemma seen in the semantic
     concordance): a capitalized sentence-initial "Officials" or "However"
     is not a name; the recognizer lets the name lists win over this one

plus the hand-written supplement at the end of this file (news organizations
and modern first names WordNet 3.0 predates).  Names are folded the way
px__fold folds them: lower case, diacritics removed.

usage: scripts/gen_gazetteer.py [WORDNET_DIR] > lib/analyze/gazetteer.c
"""
import re
import sys
import unicodedata
from collections import Counter, defaultdict

WN = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"

PERSON = "00007846"
ORGANIZATION = "08008335"
PLACES = {"00027167",  # location
          "09225146",  # body of water
          "09287968"}  # geological formation

TITLE_WORDS = {"saint", "st", "king", "queen", "sir", "lord", "lady", "pope", "prince",
               "princess", "emperor", "empress", "duke", "duchess", "earl", "count",
               "countess", "baron", "general", "president", "mother", "father", "brother",
               "sister", "mrs", "mr", "dr", "doctor", "captain", "admiral", "tsar", "czar",
               "el", "la", "le", "de", "al", "van", "von", "john's", "marquis", "ali"}

TITLE_PREFIXES = {"president", "senator", "general", "governor", "mr", "mrs", "dr", "chief",
                  "justice", "secretary", "vice", "prime", "minister"}

NOT_FIRST = {"the", "of", "and", "a", "an", "old", "new", "great", "little", "big", "young",
             "black", "red", "st", "san", "santa", "bloody", "good"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower().replace("_", " ")


def parse(pos):
    """Yield (offset, [words], [(ptr, target_offset)]) for each synset."""
    with open(f"{WN}/data.{pos}", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split(" | ")[0].split()
            off, wcnt = parts[0], int(parts[3], 16)
            words = [re.sub(r"\([a-z]+\)$", "", parts[4 + 2 * i]) for i in range(wcnt)]
            i = 4 + 2 * wcnt
            pcnt = int(parts[i])
            ptrs = []
            for k in range(pcnt):
                sym, tgt, tpos = parts[i + 1 + 4 * k], parts[i + 2 + 4 * k], parts[i + 3 + 4 * k]
                ptrs.append((sym, tgt, tpos))
            yield off, words, ptrs


def main():
    nouns = {}
    for off, words, ptrs in parse("noun"):
        nouns[off] = (words, [t for s, t, p in ptrs if s in ("@", "@i")],
                      any(s == "@i" for s, t, p in ptrs))

    memo = {}

    def category(off, depth=0):
        if off in memo:
            return memo[off]
        memo[off] = None
        cat = None
        if off == PERSON:
            cat = "P"
        elif off == ORGANIZATION:
            cat = "O"
        elif off in PLACES:
            cat = "L"
        elif depth < 40:
            for h in nouns.get(off, ((), (), False))[1]:
                c = category(h, depth + 1)
                if c:
                    cat = c
                    break
        memo[off] = cat
        return cat

    out = {}  # folded name -> kind (first wins by priority)
    prio = {"O": 0, "L": 1, "P": 2, "G": 3, "D": 4, "F": 5, "C": 6}

    extra = defaultdict(set)  # first names and common words, beside any other kind

    def add(name, kind):
        name = fold(name).strip()
        if not name or len(name) > 60:
            return
        if kind in "FC":
            extra[name].add(kind)
            return
        old = out.get(name)
        if old is None or prio[kind] < prio[old]:
            out[name] = kind

    capitalized = set()
    lower = set()
    first_names = Counter()
    for off, (words, hyps, inst) in nouns.items():
        cat = category(off)
        for w in words:
            if w[0].isupper():
                capitalized.add(fold(w))
            elif w.isalpha():
                lower.add(w.lower())
        if not cat:
            continue
        for w in words:
            if not w[0].isupper():
                continue
            if cat == "P" and not inst:
                add(w, "G")
                continue
            add(w, cat)
            if cat == "P" and inst:
                toks = fold(w).split()
                if (len(toks) >= 2 and len(toks[0]) > 1 and toks[0].isalpha()
                        and toks[0] not in TITLE_WORDS and toks[0] not in NOT_FIRST):
                    first_names[toks[0]] += 1
    for name, n in first_names.items():
        if n >= 2:
            add(name, "F")

    for pos in ("adj", "verb", "adv"):
        for off, words, ptrs in parse(pos):
            for w in words:
                if w[0].isupper():
                    capitalized.add(fold(w))
                    if pos == "adj":
                        add(w, "D")
                elif w.isalpha():
                    lower.add(w.lower())
    # Only lemmas the WordNet semantic concordance saw in running text
    # (cntlist.rev): the common words, not every rare noun.
    seen = set()
    with open(f"{WN}/cntlist.rev", encoding="latin-1") as f:
        for line in f:
            seen.add(line.split("%", 1)[0])
    for w in sorted(lower):
        if w in seen and len(w) > 1:
            add(w, "C")

    # A one-word name that is also a common word ("Day", "Bush", "Mark") is
    # more often the word; one written with a title ("President Reagan") is
    # a title plus a name, which the recognizer splits itself.
    for name in list(out):
        kind = out[name]
        if kind == "P" and " " not in name and name in lower:
            del out[name]
        elif kind == "P" and name.split(" ", 1)[0] in TITLE_PREFIXES:
            del out[name]

    # WordNet files the postal codes of states as their names ("AL" for
    # Alabama); one that is also a common first name opens a person's name
    # in news text far more often ("Al Franken", "Al Sharpton").
    for name in ("al",):
        if out.get(name) == "L":
            del out[name]

    for kind, names in SUPPLEMENT.items():
        for n in names.split(","):
            n = n.strip()
            if n:
                if kind in "FC":
                    extra[fold(n)].add(kind)
                else:
                    out[fold(n)] = kind

    entries = [(name, kind) for name, kind in out.items()]
    entries += [(name, kind) for name, kinds in extra.items() for kind in kinds]
    entries.sort()
    counts = Counter(kind for name, kind in entries)
    w = sys.stdout.write
    w("/*\n * gazetteer.c - GENERATED FILE, do not edit.\n"
      " *\n * Generated by scripts/gen_gazetteer.py from WordNet 3.0 (Debian package\n"
      " * wordnet-base, /usr/share/wordnet) plus the supplement in that script.\n"
      " * Regenerate: python3 scripts/gen_gazetteer.py > lib/analyze/gazetteer.c\n *\n"
      " * Each entry is a kind letter followed by a folded name, NUL-terminated;\n"
      " * kinds are described in the script.  Counts: %s.\n */\n"
      % ", ".join(f"{k} {counts[k]}" for k in sorted(counts)))
    w('#include "entity.h"\n\n')
    w("const char px__gazetteer[] =\n")
    line = "    \""
    for name, kind in entries:
        item = kind + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\\0"
        if len(line) + len(item) > 96:
            w(line + "\"\n")
            line = "    \""
        line += item
    w(line + "\";\n")
    w("const size_t px__gazetteer_size = sizeof(px__gazetteer) - 1;\n")


# News organizations, places and first names WordNet 3.0 lacks or files
# elsewhere (the Kremlin is a citadel there).
SUPPLEMENT = {
    "O": """Kremlin, Pentagon, White House, Downing Street, Reuters, Associated Press, AP, AFP,
        Agence France-Presse, Bloomberg, CNN, BBC, Fox News, MSNBC, NBC, CBS, ABC, NPR, PBS,
        New York Times, Washington Post, Wall Street Journal, Politico, Axios, The Hill, Breitbart,
        USA Today, Al Jazeera, Xinhua, TASS, Interfax, RIA Novosti, Yonhap, KCNA, Guardian,
        Daily Mail, Fox, United Nations, UN, U.N., NATO, EU, European Union, FBI, CIA, NSA, DHS,
        ICE, EPA, IRS, FDA, CDC, WHO, World Health Organization, IMF, World Bank, OPEC, GOP,
        Congress, Senate, House, Supreme Court, Justice Department, State Department,
        Department of Justice, Department of State, Department of Defense, Federal Reserve, Fed,
        Democratic Party, Republican Party, Labour, Labour Party, Conservative Party, Tories,
        Hamas, Hezbollah, Taliban, Islamic State, ISIS, ISIL, al-Qaeda, al Qaeda, Boko Haram,
        Google, Apple, Facebook, Meta, Twitter, Amazon, Microsoft, Tesla, Boeing, Exxon,
        ExxonMobil, Goldman Sachs, JPMorgan, Walmart, Uber, Huawei, Gazprom, Rosneft, Toyota,
        Volkswagen, Samsung, Alibaba, TikTok, YouTube, Netflix, Disney, Pfizer, Moderna,
        Planned Parenthood, ACLU, NRA, NAACP, Black Lives Matter, Homeland Security,
        Border Patrol, Secret Service, Capitol Police, National Guard, Joint Chiefs of Staff,
        Gallup, Pew Research Center, Quinnipiac, Rasmussen, Duma, Knesset, Bundestag, Parliament, Security Council, Red Cross, Amnesty International,
        Human Rights Watch, Greenpeace, Interpol, Europol, Kremlin-backed,
        Centers for Disease Control and Prevention, Centers for Disease Control,
        Centers for Medicare and Medicaid Services, Immigration and Customs Enforcement,
        Customs and Border Protection, Department of Health and Human Services,
        Bureau of Alcohol Tobacco Firearms and Explosives, Bill and Melinda Gates Foundation,
        House Ways and Means Committee, Senate Committee on Homeland Security and Governmental Affairs,
        House Committee on Oversight and Reform, House Oversight and Reform Committee,
        Substance Abuse and Mental Health Services Administration""",
    "L": """Kyiv, Kiev, Ukraine, Crimea, Donbas, Donbass, Donetsk, Luhansk, Mariupol, Kharkiv,
        Kherson, Odesa, Odessa, Lviv, Bakhmut, Beijing, Peking, Mumbai, Bombay, Myanmar, Burma,
        Gaza, Gaza Strip, West Bank, Golan Heights, Syria, Idlib, Aleppo, Raqqa, Mosul, Kabul,
        Kandahar, Tehran, Pyongyang, Seoul, Taipei, Taiwan, Hong Kong, Xinjiang, Tibet, Wuhan,
        Washington, D.C., Capitol Hill, Wall Street, Silicon Valley, Brussels, Strasbourg,
        Ferguson, Baltimore, Charlottesville, Parkland, Flint, Puerto Rico, Guam, Kosovo,
        Chechnya, Belarus, Minsk, Moldova, Chisinau, Eswatini, Czechia, North Macedonia,
        Guantanamo, Guantanamo Bay, Mar-a-Lago, Benghazi, Tripoli, Yemen, Sanaa, Houthi,
        U.S., US, USA, U.S.A., United States, America, UK, U.K., Britain, Great Britain,
        EU member states, Europe, Asia, Africa, Middle East, Latin America,
        Ala, Ariz, Ark, Calif, Colo, Conn, Fla, Ill, Kan, Ky, Md, Mich, Minn, Mont, Neb, Nev,
        Okla, Ore, Pa, Tenn, Tex, Vt, Wis, Wyo""",
    "F": """Donald, Barack, Hillary, Joe, Kamala, Nancy, Mitch, Chuck, Bernie, Elizabeth, Ted,
        Marco, Rand, Lindsey, Mike, Mitt, Jeb, Ben, Ron, Pete, Beto, Cory, Amy, Kirsten, Tulsi,
        Alexandria, Ilhan, Rashida, Ayanna, Adam, Devin, Jim, Kevin, Paul, Steve, Jared, Ivanka,
        Melania, Rudy, Rex, Jeff, Bill, Betsy, Sean, Sarah, Kellyanne, Hope, Rod, Robert, Bob,
        James, John, Michael, David, William, Richard, Thomas, Charles, Christopher, Daniel,
        Matthew, Anthony, Mark, Donald, Steven, Andrew, Kenneth, Joshua, Brian, George, Timothy,
        Jason, Ryan, Jacob, Gary, Nicholas, Eric, Jonathan, Stephen, Larry, Justin, Scott,
        Brandon, Benjamin, Samuel, Gregory, Frank, Alexander, Raymond, Patrick, Jack, Dennis,
        Jerry, Tyler, Aaron, Jose, Henry, Douglas, Nathan, Peter, Zachary, Kyle, Walter, Harold,
        Jeremy, Ethan, Carl, Keith, Roger, Gerald, Christian, Terry, Sean, Arthur, Austin, Noah,
        Lawrence, Jesse, Joe, Bryan, Billy, Jordan, Albert, Dylan, Bruce, Willie, Gabriel, Alan,
        Juan, Logan, Wayne, Ralph, Roy, Eugene, Randy, Vincent, Russell, Louis, Philip, Bobby,
        Johnny, Bradley, Mary, Patricia, Jennifer, Linda, Barbara, Susan, Jessica, Karen, Lisa,
        Betty, Margaret, Sandra, Ashley, Kimberly, Emily, Donna, Michelle, Dorothy, Carol,
        Amanda, Melissa, Deborah, Stephanie, Rebecca, Sharon, Laura, Cynthia, Kathleen, Helen,
        Anna, Shirley, Angela, Brenda, Pamela, Emma, Nicole, Samantha, Katherine, Christine,
        Debra, Rachel, Catherine, Carolyn, Janet, Ruth, Maria, Heather, Diane, Virginia, Julie,
        Joyce, Victoria, Olivia, Kelly, Christina, Lauren, Joan, Evelyn, Judith, Megan, Cheryl,
        Andrea, Hannah, Martha, Jacqueline, Frances, Gloria, Ann, Teresa, Kathryn, Sara, Janice,
        Jean, Alice, Madison, Doris, Abigail, Julia, Judy, Grace, Denise, Amber, Marilyn,
        Beverly, Danielle, Theresa, Sophia, Marie, Diana, Brittany, Natalie, Isabella,
        Charlotte, Rose, Alexis, Kayla, Vladimir, Sergei, Sergey, Dmitry, Dmitri, Alexei,
        Alexey, Volodymyr, Petro, Viktor, Yulia, Xi, Recep, Emmanuel, Angela, Theresa, Boris,
        Justin, Narendra, Shinzo, Benjamin, Bashar, Hassan, Ali, Mohammed, Muhammad, Ahmed,
        Abdel, Jair, Nicolas, Andres, Jacinda, Olaf, Ursula, Jens, Antonio, Mahmoud, Naftali,
        Yair, Recep, Ebrahim, Kim, Moon, Jong, Shinzo, Fumio, Rishi, Liz, Keir, Nigel""",
    "P": """Putin, Vladimir Putin, Trump, Donald Trump, Obama, Barack Obama, Biden, Joe Biden,
        Zelensky, Zelenskyy, Volodymyr Zelensky, Xi Jinping, Kim Jong Un, Kim Jong-un,
        Erdogan, Macron, Merkel, Netanyahu, Assad, Bashar al-Assad, Pelosi, McConnell,
        Schumer, Clinton, Hillary Clinton, Sanders, Warren, Pompeo, Mueller, Comey, Navalny,
        Lavrov, Peskov, Modi, Bolsonaro, Maduro, Khamenei, Rouhani, Raisi, Gaddafi, Qaddafi,
        Gadhafi, Kadhafi, Moon Jae-in, Abe, Kishida, Johnson, Boris Johnson, Sunak, Starmer,
        Scholz, Trudeau, Guterres, Stoltenberg, Harris, Kamala Harris, DeSantis, Pence,
        Mike Pence, McCarthy, Kavanaugh, Giuliani, Kushner, Bannon, Flynn, Manafort, Cohen,
        Lukashenko, Medvedev, Shoigu, Prigozhin, Poroshenko, Yanukovych, Tymoshenko, Bush,
        George W. Bush, Reagan, Ronald Reagan, Carter, Nixon, Romney, Ryan, Boehner, Cruz, Rubio,
        Kerry, Holder, Gore, Cheney, Rumsfeld, Powell, Rice, Kasich, Christie, Walker, Graham,
        McCain, Feinstein, Ocasio-Cortez, Omar, Tlaib, Buttigieg, Klobuchar, Barr, Sessions,
        Tillerson, Mattis, Bolton, Haley, Nunes, Schiff, Nadler, Meadows, Mulvaney,
        Pruitt, DeVos, Kudlow, Mnuchin, Ross, Carson, Conway, Sanders, Spicer, Scaramucci""",
    "G": """Democrat, Democrats, Republican, Republicans, Russian, Russians, American, Americans,
        Ukrainian, Ukrainians, Israeli, Israelis, Palestinian, Palestinians, Iranian, Iranians,
        Chinese, Syrian, Syrians, Kurd, Kurds, Muslim, Muslims, Christian, Christians, Jew, Jews,
        Sunni, Sunnis, Shiite, Shiites, Houthis, Conservatives, Liberals, Europeans""",
}

if __name__ == "__main__":
    main()
