### Texte der Benutzeroberfläche des Standard-Themes (Deutsch).
### Die Nachrichten-IDs sind dieselben wie in locales/en/ui.ftl; eine Nachricht, die hier fehlt,
### wird auf Englisch angezeigt, und der Build meldet sie als Warnung.

skip-to-content = Zum Inhalt springen
site-navigation = Projektergebnisse
breadcrumbs = Pfadnavigation
home = Startseite
menu = Menü
on-this-page = Auf dieser Seite
previous = Zurück
next = Weiter
language = Sprache
not-translated = noch nicht übersetzt
# $language: die Sprache der Leserin bzw. des Lesers, in dieser Sprache selbst; $original: die Sprache des angezeigten Textes.
# Die Sprachnamen kommen mit großem Anfangsbuchstaben und in ihrer eigenen Sprache (z. B. "Deutsch",
# "English"); $original steht deshalb in Klammern, damit der Satz in jedem Fall grammatisch bleibt.
fallback-notice = Diese Seite liegt noch nicht auf { $language } vor. Sie lesen das Original ({ $original }).
duration = Dauer
duration-minutes = { $minutes ->
    [one] { $minutes } Minute
   *[other] { $minutes } Minuten
}
audience = Zielgruppe
eqf-level = EQF-Niveau
learning-outcomes = Lernergebnisse
outcomes-knowledge = Kenntnisse
outcomes-skills = Fertigkeiten
outcomes-responsibility-autonomy = Verantwortung und Selbstständigkeit
prerequisites = Vor diesem Modul
keywords = Schlagwörter
modules = Module
# $count: Anzahl der Module eines Projektergebnisses.
module-count = { $count ->
    [one] { $count } Modul
   *[other] { $count } Module
}
licence = Lizenz
not-found-title = Seite nicht gefunden
not-found-text = Die gesuchte Seite gibt es in dieser Version nicht. Wählen Sie eine Sprache, um auf der Startseite neu zu beginnen.
choose-language = Sprache wählen
alert-note = Hinweis
alert-tip = Tipp
alert-important = Wichtig
alert-warning = Warnung
# Screen-reader text for a ticked checklist item.
task-done = erledigt
alert-caution = Achtung

## Zielgruppen (Front-Matter-Schlüssel `audience`)

audience-vet-teacher = Lehrkräfte in der Berufsbildung
audience-in-company-trainer = Betriebliche Ausbilderinnen und Ausbilder
audience-tutor = Tutorinnen und Tutoren
audience-mentor = Mentorinnen und Mentoren
audience-school-leader = Schulleitungen
audience-wbl-coordinator = Koordinatorinnen und Koordinatoren für arbeitsbasiertes Lernen
audience-company-manager = Führungskräfte und Personalverantwortliche in Betrieben
audience-social-partner = Sozialpartner
audience-policy-maker = Politik und Behörden

## Aktualität der Übersetzungen und Statusseite

outdated-notice = Das Original ({ $original }) wurde geändert, nachdem diese Übersetzung entstanden ist.
unreviewed-notice = Diese Übersetzung wurde noch nicht von einem Projektpartner geprüft.
read-original = Original lesen
translation-status = Stand der Übersetzungen
status-intro = Welche Seiten dieser Version es in welcher Sprache gibt und ob jede Übersetzung auf dem Stand ihres Originals ist.
status-page = Seite
status-totals = Summen
state-source = Original
state-up-to-date = aktuell
state-outdated = veraltet
state-unreviewed = nicht geprüft
state-in-progress = in Arbeit
state-missing = nicht übersetzt
state-orphaned = verwaist
translated-by = Übersetzt von { $names }
reviewed-by = Übersetzung geprüft von { $name } am { $date }

## Versionen

version = Version
version-latest = aktuell
version-fallback = Diese Seite gibt es in Version { $version } nicht: Der Link öffnet „{ $page }“.
# Shown when the version switcher led to a parent page because the page is missing there.
version-gap = Die Seite, von der Sie kommen, gibt es in dieser Version nicht. Dies ist die nächstgelegene Seite, die es gibt.
old-version = Sie lesen Version { $version }; das ist nicht die aktuelle Version.
read-latest = Zur aktuellen Version ({ $version })

## PDF-Downloads (auf den Seiten und in den PDFs)

pdf-download = PDF herunterladen
pdf-download-output = Das gesamte Projektergebnis als PDF
pdf-download-trainer = Ausgabe für Trainerinnen und Trainer (PDF): Ablaufplan, Hinweise und Text
pdf-download-output-trainer = Das gesamte Projektergebnis als Ausgabe für Trainerinnen und Trainer
pdf-download-handout = Handout für Teilnehmende: { $title }
package-download-scorm = SCORM-1.2-Paket für Lernplattformen (Moodle, ILIAS, Canvas)
offline-download = Offline-Kopie dieser Version für USB-Stick oder Laptop: alle Seiten, PDFs und die Suche
offline-open = Die Trainingsmodule öffnen
epub-download = E-Book für Tablets und E-Reader (EPUB 3)
epub-contents = Inhalt
epub-landmarks = Orientierungspunkte
epub-title-page = Titelseite
epub-start = Beginn des Inhalts
epub-accessibility-summary = Dieses E-Book erfüllt WCAG 2.1 Stufe AA: Kapitel und Überschriften stehen in Lesereihenfolge und im Inhaltsverzeichnis, jedes Bild hat einen Alternativtext, und die Sprache jedes Textes ist ausgezeichnet. Es enthält weder Audio noch Video noch blinkende Inhalte.
pdf-trainer-edition = Ausgabe für Trainerinnen und Trainer
pdf-contents = Inhalt
pdf-page = Seite
pdf-date = Datum
pdf-about = Über diese Publikation
pdf-project = Projekt
pdf-programme = Programm
pdf-project-number = Projektnummer
pdf-authors = Autorinnen und Autoren
pdf-web-version = Webfassung
pdf-introduction = Einführung

## Footer

# Link to the accessibility statement (its text is in accessibility.ftl).
accessibility-statement = Erklärung zur Barrierefreiheit
## Suche und Modulkatalog

search-label = Die Lernmodule durchsuchen
search-placeholder = Module durchsuchen
search-button = Suchen
search-results = { $count ->
    [one] Ein Treffer für „{ $query }“
   *[other] { $count } Treffer für „{ $query }“
}
search-no-results = Keine Treffer für „{ $query }“
search-catalogue-link = Alle Module im Katalog ansehen
catalogue = Modulkatalog
catalogue-title = Katalog der Module
catalogue-intro = Alle Module dieser Version mit Projektergebnis, Dauer, Zielgruppe und EQF-Niveau. Mit den Filtern grenzen Sie die Liste ein.
catalogue-filters = Filter
catalogue-text = Suchbegriffe
catalogue-output = Projektergebnis
catalogue-duration-min = Mindestens (Minuten)
catalogue-duration-max = Höchstens (Minuten)
catalogue-my-language = Nur Module, die auf { $language } vorliegen
catalogue-apply = Filter anwenden
catalogue-reset = Alle Module zeigen
catalogue-count = { $count ->
    [one] Ein Modul
   *[other] { $count } Module
}
catalogue-no-match = Kein Modul passt zu diesen Filtern.
catalogue-available-in = Verfügbar auf
catalogue-noscript = Ohne JavaScript grenzen die Filter die Liste nicht ein: Unten stehen alle Module.

# Die Glossarseite: die vereinbarten Begriffe aller Sprachen nebeneinander.
glossary = Glossar
glossary-intro = Die Begriffe, die die Projektpartner für jede Sprache vereinbart haben, nebeneinander: Verwenden Sie sie in Schulungen und Übersetzungen.
glossary-also = auch
glossary-avoid = vermeiden
glossary-unsure = noch nicht mit der amtlichen EU-Terminologie abgeglichen
glossary-none = kein vereinbarter Begriff
glossary-sources = Quellen

# The trainer's view of a module: activities, facilitation notes and the session plan.
trainer-view = Ansicht für Trainer/innen
trainer-view-intro = Für Trainerinnen und Trainer: Ablaufplan, Moderationshinweise und Materialien dieses Moduls.
learner-view = Seite für Teilnehmende
trainer-note = Hinweis für Trainer/innen
activity-materials = Materialien
activity-handout = Handout
activity-minutes-unit = Min.
activity-format-individual = Einzelarbeit
activity-format-pair = Partnerarbeit
activity-format-group = Gruppenarbeit
activity-format-plenary = Plenum
activity-format-presentation = Vortrag
activity-format-role-play = Rollenspiel
session-plan = Ablaufplan
session-plan-start = Beginn
session-plan-duration = Minuten
session-plan-activity = Aktivität
session-plan-format = Sozialform
session-plan-materials = Materialien
catalogue-handouts = Nur Module mit Handouts
catalogue-activities = Aktivitäten
session-plan-total = Aktivitäten: { $minutes } von { $duration } Minuten
session-plan-programme = Programm
session-plan-break = Pause
session-plan-programme-total = Insgesamt: { $minutes } Minuten, Pausen eingerechnet
