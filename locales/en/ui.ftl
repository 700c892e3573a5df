### User-interface strings of the default theme (English, the default language).
### Every other language has the same message ids in locales/<lang>/ui.ftl; a message missing
### there is shown in English and the build lists it as a warning.

skip-to-content = Skip to content
site-navigation = Training outputs
breadcrumbs = Breadcrumbs
home = Home
menu = Menu
on-this-page = On this page
previous = Previous
next = Next
language = Language
not-translated = not yet translated
# $language: the reader's language, in itself; $original: the language of the text shown.
fallback-notice = This page has not been translated into { $language } yet. You are reading the { $original } original.
duration = Duration
duration-minutes = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
audience = Audience
eqf-level = EQF level
learning-outcomes = Learning outcomes
outcomes-knowledge = Knowledge
outcomes-skills = Skills
outcomes-responsibility-autonomy = Responsibility and autonomy
prerequisites = Before this module
keywords = Keywords
modules = Modules
# $count: number of modules in an output.
module-count = { $count ->
    [one] { $count } module
   *[other] { $count } modules
}
licence = Licence
not-found-title = Page not found
not-found-text = The page you were looking for does not exist in this version. Choose a language to start again from the home page.
choose-language = Choose your language
alert-note = Note
alert-tip = Tip
alert-important = Important
alert-warning = Warning
# Screen-reader text for a ticked checklist item.
task-done = done
alert-caution = Caution

## Audiences (front matter `audience`)

audience-vet-teacher = VET teachers
audience-in-company-trainer = In-company trainers
audience-tutor = Tutors
audience-mentor = Mentors
audience-school-leader = School leaders
audience-wbl-coordinator = WBL coordinators
audience-company-manager = Company managers and HR staff
audience-social-partner = Social partners
audience-policy-maker = Policy makers and public authorities

## Translation freshness and the status page

# $original: the name of the default language, in itself.
outdated-notice = The { $original } original has changed since this translation was made.
unreviewed-notice = This translation has not yet been reviewed by a project partner.
read-original = Read the original
translation-status = Translation status
status-intro = Which pages of this version exist in each language, and whether each translation is up to date with its original.
status-page = Page
status-totals = Totals
state-source = original
state-up-to-date = up to date
state-outdated = outdated
state-unreviewed = not reviewed
state-in-progress = in progress
state-missing = not translated
state-orphaned = orphaned
# $names: the translators' names, separated by commas.
translated-by = Translated by { $names }
# $date: the date of the review, formatted by accessibility-date ("1 December 2026").
reviewed-by = Translation reviewed by { $name } on { $date }

## Versions

version = Version
version-latest = latest
# $version: a version label; $page: the title of the page opened instead.
version-fallback = This page is not in version { $version }: the link opens “{ $page }”.
# Shown when the version switcher led to a parent page because the page is missing there.
version-gap = The page you came from is not in this version. This is the nearest page that is.
old-version = You are reading version { $version }, which is not the latest.
read-latest = Read the latest version ({ $version })

## Downloadable PDFs (on the pages and inside the PDFs)

pdf-download = Download PDF
pdf-download-output = The whole output as one PDF
pdf-download-trainer = Trainer edition (PDF): session plan, notes and text
pdf-download-output-trainer = The whole output's trainer edition as one PDF
pdf-download-handout = Handout for participants: { $title }
package-download-scorm = SCORM 1.2 package for learning platforms (Moodle, ILIAS, Canvas)
offline-download = Offline copy of this version for a USB stick or a laptop: every page, PDF and the search
offline-open = Open the training modules
epub-download = E-book for tablets and e-readers (EPUB 3)
epub-contents = Contents
epub-landmarks = Landmarks
epub-title-page = Title page
epub-start = Start of content
epub-accessibility-summary = This e-book meets WCAG 2.1 level AA: its chapters and headings are in reading order and listed in the table of contents, every image has a text alternative, and the language of each text is marked. It has no audio, video or flashing content.
pdf-trainer-edition = Trainer edition
pdf-contents = Contents
pdf-page = Page
pdf-date = Date
pdf-about = About this publication
pdf-project = Project
pdf-programme = Programme
pdf-project-number = Project number
pdf-authors = Authors
pdf-web-version = Web version
pdf-introduction = Introduction

## Footer

# Link to the accessibility statement (its text is in accessibility.ftl).
accessibility-statement = Accessibility statement
## Search and the catalogue of modules

search-label = Search the training modules
search-placeholder = Search modules
search-button = Search
# $count: number of pages found; $query: the words the reader searched for.
search-results = { $count ->
    [one] One result for “{ $query }”
   *[other] { $count } results for “{ $query }”
}
# $query: the words the reader searched for.
search-no-results = No results for “{ $query }”
search-catalogue-link = Browse all modules in the catalogue
catalogue = Module catalogue
catalogue-title = Catalogue of modules
catalogue-intro = Every module of this version with its output, duration, audience and EQF level. Narrow the list with the filters.
catalogue-filters = Filters
catalogue-text = Words
catalogue-output = Output
catalogue-duration-min = At least (minutes)
catalogue-duration-max = At most (minutes)
# $language: the reader's language, in itself.
catalogue-my-language = Only modules available in { $language }
catalogue-apply = Apply filters
catalogue-reset = Show all modules
# $count: number of modules listed.
catalogue-count = { $count ->
    [one] One module
   *[other] { $count } modules
}
catalogue-no-match = No module matches these filters.
catalogue-available-in = Available in
catalogue-noscript = Without JavaScript the filters do not narrow the list: every module is listed below.

# The glossary page: the agreed terms of every language side by side.
glossary = Glossary
glossary-intro = The terms the project partners agreed for each language, side by side: use them in training and in translations.
glossary-also = also
glossary-avoid = avoid
glossary-unsure = not yet checked against the official EU terminology
glossary-none = no agreed term
glossary-sources = Sources

# The trainer's view of a module: activities, facilitation notes and the session plan.
trainer-view = Trainer view
trainer-view-intro = For trainers: the session plan, facilitation notes and materials of this module.
learner-view = Participants' page
trainer-note = Trainer note
activity-materials = Materials
activity-handout = Handout
activity-minutes-unit = min
activity-format-individual = Individual work
activity-format-pair = Pair work
activity-format-group = Group work
activity-format-plenary = Plenary
activity-format-presentation = Presentation
activity-format-role-play = Role play
session-plan = Session plan
session-plan-start = Start
session-plan-duration = Minutes
session-plan-activity = Activity
session-plan-format = Format
session-plan-materials = Materials
catalogue-handouts = Only modules with handouts
catalogue-activities = Activities
session-plan-total = Activities: { $minutes } of { $duration } minutes
session-plan-programme = Programme
session-plan-break = Break
session-plan-programme-total = In all: { $minutes } minutes, breaks included
