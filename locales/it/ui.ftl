### Stringhe dell'interfaccia del tema predefinito (italiano).
### Gli id dei messaggi sono gli stessi di locales/en/ui.ftl; un messaggio che manca qui
### viene mostrato in inglese e la compilazione lo segnala con un avviso.

skip-to-content = Vai al contenuto
site-navigation = Prodotti formativi
breadcrumbs = Percorso di navigazione
home = Home
menu = Menu
on-this-page = In questa pagina
previous = Precedente
next = Successivo
language = Lingua
not-translated = non ancora tradotto
# $language: la lingua del lettore, nella lingua stessa; $original: la lingua del testo mostrato.
# I nomi delle lingue sono tra parentesi perché arrivano con l'iniziale maiuscola e nella
# propria lingua (per esempio "Italiano", "English").
fallback-notice = Questa pagina non è ancora disponibile nella lingua scelta ({ $language }). State leggendo il testo originale ({ $original }).
duration = Durata
duration-minutes = { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minuti
}
audience = Destinatari
eqf-level = Livello EQF
learning-outcomes = Risultati dell'apprendimento
outcomes-knowledge = Conoscenze
outcomes-skills = Abilità
outcomes-responsibility-autonomy = Responsabilità e autonomia
prerequisites = Prima di questo modulo
keywords = Parole chiave
modules = Moduli
# $count: numero di moduli di un prodotto.
module-count = { $count ->
    [one] { $count } modulo
   *[other] { $count } moduli
}
licence = Licenza
not-found-title = Pagina non trovata
not-found-text = La pagina che cercate non esiste in questa versione. Scegliete una lingua per ripartire dalla pagina iniziale.
choose-language = Scegliete la lingua
alert-note = Nota
alert-tip = Suggerimento
alert-important = Importante
alert-warning = Avvertenza
# Screen-reader text for a ticked checklist item.
task-done = fatto
alert-caution = Attenzione

## Destinatari (chiave `audience` del front matter)

audience-vet-teacher = Docenti dell'IFP
audience-in-company-trainer = Tutor aziendali
audience-tutor = Tutor
audience-mentor = Mentor
audience-school-leader = Dirigenti scolastici
audience-wbl-coordinator = Coordinatori del WBL
audience-company-manager = Responsabili aziendali e delle risorse umane
audience-social-partner = Parti sociali
audience-policy-maker = Decisori politici e autorità pubbliche

## Aggiornamento delle traduzioni e pagina di stato

outdated-notice = L'originale ({ $original }) è stato modificato dopo questa traduzione.
unreviewed-notice = Questa traduzione non è ancora stata revisionata da un partner del progetto.
read-original = Leggi l'originale
translation-status = Stato delle traduzioni
status-intro = Quali pagine di questa versione esistono in ciascuna lingua e se ogni traduzione è aggiornata rispetto all'originale.
status-page = Pagina
status-totals = Totali
state-source = originale
state-up-to-date = aggiornata
state-outdated = non aggiornata
state-unreviewed = non revisionata
state-in-progress = in corso
state-missing = non tradotta
state-orphaned = orfana
translated-by = Traduzione di { $names }
reviewed-by = Traduzione revisionata da { $name } il { $date }

## Versioni

version = Versione
version-latest = più recente
version-fallback = Questa pagina non esiste nella versione { $version }: il link apre «{ $page }».
# Shown when the version switcher led to a parent page because the page is missing there.
version-gap = La pagina da cui provenite non esiste in questa versione. Questa è la pagina più vicina disponibile.
old-version = State leggendo la versione { $version }, che non è la più recente.
read-latest = Leggi la versione più recente ({ $version })

## PDF scaricabili (nelle pagine e nei PDF)

pdf-download = Scarica il PDF
pdf-download-output = L'intero prodotto in un unico PDF
pdf-download-trainer = Edizione per i formatori (PDF): piano della sessione, note e testo
pdf-download-output-trainer = L'intero prodotto nell'edizione per i formatori
pdf-download-handout = Scheda per i partecipanti: { $title }
package-download-scorm = Pacchetto SCORM 1.2 per piattaforme di apprendimento (Moodle, ILIAS, Canvas)
offline-download = Copia offline di questa versione per chiavetta USB o portatile: tutte le pagine, i PDF e la ricerca
offline-open = Apri i moduli formativi
epub-download = E-book per tablet e lettori di e-book (EPUB 3)
epub-contents = Indice
epub-landmarks = Punti di riferimento
epub-title-page = Frontespizio
epub-start = Inizio del contenuto
epub-accessibility-summary = Questo e-book è conforme alle WCAG 2.1 livello AA: capitoli e titoli seguono l’ordine di lettura e sono elencati nell’indice, ogni immagine ha un testo alternativo e la lingua di ogni testo è indicata. Non contiene audio, video né contenuti lampeggianti.
pdf-trainer-edition = Edizione per i formatori
pdf-contents = Indice
pdf-page = Pagina
pdf-date = Data
pdf-about = Informazioni su questa pubblicazione
pdf-project = Progetto
pdf-programme = Programma
pdf-project-number = Numero di progetto
pdf-authors = Autori
pdf-web-version = Versione web
pdf-introduction = Introduzione

## Footer

# Link to the accessibility statement (its text is in accessibility.ftl).
accessibility-statement = Dichiarazione di accessibilità
## Ricerca e catalogo dei moduli

search-label = Cerca nei moduli formativi
search-placeholder = Cerca nei moduli
search-button = Cerca
search-results = { $count ->
    [one] Un risultato per «{ $query }»
   *[other] { $count } risultati per «{ $query }»
}
search-no-results = Nessun risultato per «{ $query }»
search-catalogue-link = Tutti i moduli nel catalogo
catalogue = Catalogo dei moduli
catalogue-title = Catalogo dei moduli
catalogue-intro = Tutti i moduli di questa versione con prodotto formativo, durata, destinatari e livello EQF. Restringete l'elenco con i filtri.
catalogue-filters = Filtri
catalogue-text = Parole
catalogue-output = Prodotto formativo
catalogue-duration-min = Almeno (minuti)
catalogue-duration-max = Al massimo (minuti)
catalogue-my-language = Solo moduli disponibili in { $language }
catalogue-apply = Applica i filtri
catalogue-reset = Mostra tutti i moduli
catalogue-count = { $count ->
    [one] Un modulo
   *[other] { $count } moduli
}
catalogue-no-match = Nessun modulo corrisponde a questi filtri.
catalogue-available-in = Disponibile in
catalogue-noscript = Senza JavaScript i filtri non restringono l'elenco: qui sotto sono elencati tutti i moduli.

# La pagina del glossario: i termini concordati di tutte le lingue a confronto.
glossary = Glossario
glossary-intro = I termini concordati dai partner del progetto per ogni lingua, a confronto: usateli nella formazione e nelle traduzioni.
glossary-also = anche
glossary-avoid = da evitare
glossary-unsure = non ancora verificato sulla terminologia ufficiale dell'UE
glossary-none = nessun termine concordato
glossary-sources = Fonti

# The trainer's view of a module: activities, facilitation notes and the session plan.
trainer-view = Vista per formatori
trainer-view-intro = Per formatrici e formatori: scaletta della sessione, note di conduzione e materiali di questo modulo.
learner-view = Pagina per i partecipanti
trainer-note = Nota per chi forma
activity-materials = Materiali
activity-handout = Scheda per i partecipanti
activity-minutes-unit = min
activity-format-individual = Lavoro individuale
activity-format-pair = Lavoro a coppie
activity-format-group = Lavoro di gruppo
activity-format-plenary = Plenaria
activity-format-presentation = Presentazione
activity-format-role-play = Gioco di ruolo
session-plan = Scaletta della sessione
session-plan-start = Inizio
session-plan-duration = Minuti
session-plan-activity = Attività
session-plan-format = Modalità
session-plan-materials = Materiali
catalogue-handouts = Solo moduli con schede per i partecipanti
catalogue-activities = Attività
session-plan-total = Attività: { $minutes } di { $duration } minuti
session-plan-programme = Programma
session-plan-break = Pausa
session-plan-programme-total = In tutto: { $minutes } minuti, pause comprese
