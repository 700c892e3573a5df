### Legal texts: EU funding acknowledgement and licence notice (Italian / Italiano).
###
### Every HTML page and every PDF shows the EU emblem, the funding statement and the
### disclaimer in the page's language. Which pair is used (2014–2020 or 2021–2027) is a
### configuration switch; InnoTrain (2018 call) falls under the 2014–2020 rules.
### These texts are legal obligations of the Erasmus+ grant, not ordinary interface strings:
### keep them verbatim, change them only with a confirmed official wording, and never delete
### a message. A missing message fails the build.
### Plain text only: no HTML, no markup.

# Alternative text for the EU emblem image.
legal-emblem-alt = Emblema dell'Unione europea

# UNOFFICIAL: translation of "Co-funded by the Erasmus+ Programme of the European Union";
# the official Italian logo wording has not been verified. The wording is unofficial and
# must be confirmed with the National Agency before release.
legal-funding-2014-2020 = Cofinanziato dal programma Erasmus+ dell'Unione europea

# UNOFFICIAL: no official Italian version of the 2014–2020 disclaimer was found; this is our
# own faithful translation of the English text. The wording is unofficial and must be
# confirmed with the National Agency before release.
legal-disclaimer-2014-2020 = Il sostegno della Commissione europea alla realizzazione di questa pubblicazione non costituisce un'approvazione dei contenuti, che riflettono esclusivamente il punto di vista degli autori, e la Commissione non può essere ritenuta responsabile dell'uso che può essere fatto delle informazioni in essa contenute.

# UNOFFICIAL: translation of "Co-funded by the European Union" (co-funded award: never
# "Finanziato dall'Unione europea"); the official Italian logo wording has not been verified.
# The wording is unofficial and must be confirmed with the National Agency before release.
legal-funding-2021-2027 = Cofinanziato dall'Unione europea

# UNOFFICIAL: 2021–2027 disclaimer body as found in public repositories (domain.md §1.3),
# with the opening "Finanziato dall'Unione europea." sentence removed. Several versions
# circulate; the wording is unofficial and must be confirmed with the National Agency before release.
legal-disclaimer-2021-2027 = Le opinioni espresse appartengono, tuttavia, al solo o ai soli autori e non riflettono necessariamente le opinioni dell'Unione europea o dell'Agenzia esecutiva europea per l'istruzione e la cultura (EACEA). Né l'Unione europea né l'EACEA possono esserne ritenute responsabili.

# Licence notice. $licence is the licence name, e.g. "CC BY-SA 4.0".
legal-licence-notice = Quest'opera è distribuita con licenza { $licence }.
