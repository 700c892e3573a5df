### Legal texts: EU funding acknowledgement and licence notice (Spanish / Español).
###
### Every HTML page and every PDF shows the EU emblem, the funding statement and the
### disclaimer in the page's language. Which pair is used (2014–2020 or 2021–2027) is a
### configuration switch; InnoTrain (2018 call) falls under the 2014–2020 rules.
### These texts are legal obligations of the Erasmus+ grant, not ordinary interface strings:
### keep them verbatim, change them only with a confirmed official wording, and never delete
### a message. A missing message fails the build.
### Plain text only: no HTML, no markup.

# Alternative text for the EU emblem image.
legal-emblem-alt = Emblema de la Unión Europea

# UNOFFICIAL: translation of "Co-funded by the Erasmus+ Programme of the European Union";
# the official Spanish logo wording has not been verified. The wording is unofficial and
# must be confirmed with the National Agency before release.
legal-funding-2014-2020 = Cofinanciado por el programa Erasmus+ de la Unión Europea

# UNOFFICIAL: no official Spanish version of the 2014–2020 disclaimer was found; this is our
# own faithful translation of the English text. The wording is unofficial and must be
# confirmed with the National Agency before release.
legal-disclaimer-2014-2020 = El apoyo de la Comisión Europea a la elaboración de esta publicación no implica la aprobación de sus contenidos, que reflejan únicamente las opiniones de los autores, y la Comisión no se hace responsable del uso que pueda hacerse de la información que contiene.

# UNOFFICIAL: translation of "Co-funded by the European Union" (co-funded award: never
# "Financiado por la Unión Europea"); the official Spanish logo wording has not been verified.
# The wording is unofficial and must be confirmed with the National Agency before release.
legal-funding-2021-2027 = Cofinanciado por la Unión Europea

# UNOFFICIAL: 2021–2027 disclaimer body as found in public repositories (domain.md §1.3),
# with the opening "Financiado por la Unión Europea." sentence removed. Several versions
# circulate; the wording is unofficial and must be confirmed with the National Agency before release.
legal-disclaimer-2021-2027 = Las opiniones y puntos de vista expresados solo comprometen a su(s) autor(es) y no reflejan necesariamente los de la Unión Europea o los de la Agencia Ejecutiva Europea de Educación y Cultura (EACEA). Ni la Unión Europea ni la EACEA pueden ser considerados responsables de ellos.

# Licence notice. $licence is the licence name, e.g. "CC BY-SA 4.0".
legal-licence-notice = Esta obra está bajo una licencia { $licence }.
