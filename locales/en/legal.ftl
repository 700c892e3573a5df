### Legal texts: EU funding acknowledgement and licence notice (English).
###
### Every HTML page and every PDF shows the EU emblem, the funding statement and the
### disclaimer in the page's language. Which pair is used (2014–2020 or 2021–2027) is a
### configuration switch; InnoTrain (2018 call) falls under the 2014–2020 rules.
### These texts are legal obligations of the Erasmus+ grant, not ordinary interface strings:
### keep them verbatim, change them only with a confirmed official wording, and never delete
### a message. A missing message fails the build.
### Plain text only: no HTML, no markup.

# Alternative text for the EU emblem image.
legal-emblem-alt = Emblem of the European Union

# 2014–2020 statement shown next to the EU emblem (Erasmus+ 2014–2020 dissemination guidance).
legal-funding-2014-2020 = Co-funded by the Erasmus+ Programme of the European Union

# 2014–2020 disclaimer, verbatim (the wording InnoTrain's own project website used).
legal-disclaimer-2014-2020 = The European Commission support for the production of this publication does not constitute an endorsement of the contents which reflects the views only of the authors, and the Commission cannot be held responsible for any use which may be made of the information contained therein.

# 2021–2027 statement for a co-funded award: Erasmus+ KA2 grants are co-funding,
# so "Funded by the European Union" must not be used here.
legal-funding-2021-2027 = Co-funded by the European Union

# 2021–2027 disclaimer body WITHOUT the opening "Funded by the European Union." sentence,
# which a co-funded award must not print. Some grant agreements read "…nor the granting
# authority can be held responsible…" instead of "…nor EACEA…": follow the grant agreement.
legal-disclaimer-2021-2027 = Views and opinions expressed are however those of the author(s) only and do not necessarily reflect those of the European Union or the European Education and Culture Executive Agency (EACEA). Neither the European Union nor EACEA can be held responsible for them.

# Licence notice. $licence is the licence name, e.g. "CC BY-SA 4.0".
legal-licence-notice = This work is licensed under { $licence }.
