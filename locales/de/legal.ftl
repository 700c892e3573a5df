### Legal texts: EU funding acknowledgement and licence notice (German / Deutsch).
###
### Every HTML page and every PDF shows the EU emblem, the funding statement and the
### disclaimer in the page's language. Which pair is used (2014–2020 or 2021–2027) is a
### configuration switch; InnoTrain (2018 call) falls under the 2014–2020 rules.
### These texts are legal obligations of the Erasmus+ grant, not ordinary interface strings:
### keep them verbatim, change them only with a confirmed official wording, and never delete
### a message. A missing message fails the build.
### Plain text only: no HTML, no markup.

# Alternative text for the EU emblem image.
legal-emblem-alt = Emblem der Europäischen Union

# UNOFFICIAL: translation of "Co-funded by the Erasmus+ Programme of the European Union";
# the official German logo wording has not been verified. The wording is unofficial and
# must be confirmed with the National Agency before release.
legal-funding-2014-2020 = Kofinanziert durch das Programm Erasmus+ der Europäischen Union

# STATUS NOT VERIFIED: this German version of the 2014–2020 disclaimer was found in a public
# repository; its official status is not confirmed (domain.md §1.3). Treat the wording as
# unofficial: it must be confirmed with the National Agency before release.
legal-disclaimer-2014-2020 = Die Unterstützung der Europäischen Kommission für die Erstellung dieser Veröffentlichung stellt keine Billigung des Inhalts dar, der nur die Ansichten der Autoren widerspiegelt, und die Kommission kann nicht für die Verwendung der darin enthaltenen Informationen verantwortlich gemacht werden.

# UNOFFICIAL: translation of "Co-funded by the European Union" (co-funded award: never
# "Finanziert von der Europäischen Union"); the official German logo wording has not been
# verified. The wording is unofficial and must be confirmed with the National Agency before release.
legal-funding-2021-2027 = Kofinanziert von der Europäischen Union

# UNOFFICIAL: 2021–2027 disclaimer body as found in public repositories (domain.md §1.3),
# without an opening "Finanziert von der Europäischen Union." sentence. Several versions
# circulate; the wording is unofficial and must be confirmed with the National Agency before release.
legal-disclaimer-2021-2027 = Die geäußerten Ansichten und Meinungen entsprechen jedoch ausschließlich denen des Autors bzw. der Autoren und spiegeln nicht zwingend die der Europäischen Union oder der Europäischen Exekutivagentur für Bildung und Kultur (EACEA) wider. Weder die Europäische Union noch die EACEA können dafür verantwortlich gemacht werden.

# Licence notice. $licence is the licence name, e.g. "CC BY-SA 4.0".
legal-licence-notice = Dieses Werk ist lizenziert unter { $licence }.
