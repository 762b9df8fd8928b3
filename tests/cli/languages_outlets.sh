#!/usr/bin/env bash
# languages_outlets.sh PARALLAX SOURCE_DIR - each article's language is
# identified at ingest (when the input gives none), stored and shown; an
# article in another language than English gets sentences and no entities
# or quotes, and ingest and analyze say so; outlets are stored under one
# canonical name per publisher, the name as given kept in meta.source_raw;
# --outlets FILE adds names; --outlet filters take a domain or alias.
set -u
px=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$2/tests/tools/check.sh"  # check, only_summary, ingest_ok; fails=0
export NO_COLOR=1
cat > "$tmp/in.jsonl" <<'J'
{"id":"de1","source":"https://www.spiegel.de/politik/a-1.html","title":"Regierung beschließt neues Klimagesetz","date":"2024-03-02","text":"Die Bundesregierung hat am Mittwoch ein neues Klimagesetz beschlossen. \"Das ist ein wichtiger Schritt\", sagte Minister Karl Weber. Die Opposition kritisierte den Entwurf als unzureichend und forderte mehr Geld für die Länder."}
{"id":"fr1","source":"Le Quotidien","title":"Un nouveau pont ouvre à Lyon","date":"2024-03-02","text":"Un nouveau pont a été inauguré mardi à Lyon. Le maire a déclaré que l'ouvrage améliorera la circulation dans le centre-ville. Les travaux ont duré trois ans et ont coûté 40 millions d'euros."}
{"id":"en1","source":"AP","title":"Bridge opens in Lyon","date":"2024-03-02","text":"A new bridge opened on Tuesday in Lyon, France. \"It will change the city,\" Mayor Anne Dupont said. Work took three years and cost 40 million euros."}
{"id":"en2","source":"The Associated Press","title":"Lyon bridge draws crowds","date":"2024-03-03","text":"Crowds crossed the new bridge in Lyon on Wednesday, a day after it opened, the city said."}
{"id":"en3","source":"nytimes.com","title":"A bridge for Lyon","date":"2024-03-03","text":"The new bridge in Lyon cost 40 million euros and took three years to build, officials said."}
{"id":"es1","source":"valleyherald.example","language":"es","title":"Nuevo puente","date":"2024-03-03","text":"Un puente nuevo fue inaugurado en Lyon el martes, según el alcalde de la ciudad."}
J
printf '# outlet names\nvalleyherald.example\tValley Herald\n' > "$tmp/outlets.tsv"
db="$tmp/l.db"
out=$("$px" ingest --db "$db" --outlets "$tmp/outlets.tsv" "$tmp/in.jsonl" 2>&1); rc=$?
check "ingest exits 0" test "$rc" -eq 0
check "ingest says how many are not in English" grep -q "3 not in English" <<<"$out"
csv=$("$px" articles --db "$db" --format csv)
check "German identified" grep -q '^1,de1,Der Spiegel,.*,de,' <<<"$csv"
check "French identified" grep -q '^2,fr1,Le Quotidien,.*,fr,' <<<"$csv"
check "English identified" grep -q '^3,en1,Associated Press,.*,en,' <<<"$csv"
check "a language given by the input is kept" grep -q '^6,es1,Valley Herald,.*,es,' <<<"$csv"
check "AP and The Associated Press are one outlet" test "$(grep -c ',Associated Press,' <<<"$csv")" -eq 2
check "nytimes.com is The New York Times" grep -q '^5,en3,The New York Times,' <<<"$csv"
check "the name as given is kept" grep -q 'source_raw.*nytimes.com' <<<"$csv"
check "show prints the language" bash -c "'$px' show --db '$db' 1 | grep -q 'language de'"
check "--outlet takes a domain" test "$("$px" articles --db "$db" --outlet nytimes.com --format csv | wc -l)" -eq 2
check "--outlet takes an alias" test "$("$px" articles --db "$db" --outlet AP --format csv | wc -l)" -eq 3
ents=$("$px" entities --db "$db" --format csv)
check "no entity from the German article (Karl Weber)" bash -c "! grep -q 'Weber' <<<\"\$0\"" "$ents"
check "entities of the English articles" grep -q 'Anne Dupont' <<<"$ents"
q=$("$px" quotes --db "$db" --format csv --unknown)
check "no quote from the German article" bash -c "! grep -q 'wichtiger' <<<\"\$0\"" "$q"
check "the English quote" grep -q 'change the city' <<<"$q"
an=$("$px" analyze "$tmp/in.jsonl" --limit 1)
check "analyze says the analysis is English-only" grep -q 'language: de (sentences and dateline only' <<<"$an"
aj=$("$px" analyze "$tmp/in.jsonl" --limit 1 --format json)
check "analyze json has the language" grep -q '"language":"de"' <<<"$aj"
check "analyze json has no entities for it" grep -q '"entities":\[\]' <<<"$aj"
# bad outlet files
printf 'no tab here\n' > "$tmp/bad.tsv"
"$px" ingest -q --db "$tmp/x.db" --outlets "$tmp/bad.tsv" "$tmp/in.jsonl" 2>"$tmp/err"; rc=$?
check "a bad outlet file is a usage error naming file and line" bash -c "[ $rc -eq 2 ] && grep -q 'bad.tsv:1' '$tmp/err'"
"$px" ingest -q --db "$tmp/y.db" --outlets "$tmp/nosuch.tsv" "$tmp/in.jsonl" 2>"$tmp/err"; rc=$?
check "a missing outlet file exits 1" test "$rc" -eq 1
[ "$fails" -eq 0 ] && echo "languages_outlets: ok" || { echo "languages_outlets: $fails failed"; exit 1; }
