### Κείμενα διεπαφής χρήστη του προεπιλεγμένου θέματος (ελληνικά).
### Κάθε γλώσσα έχει τα ίδια αναγνωριστικά μηνυμάτων στο locales/<lang>/ui.ftl· ένα μήνυμα που λείπει
### εμφανίζεται στα αγγλικά και η δημιουργία του ιστότοπου το αναφέρει ως προειδοποίηση.

skip-to-content = Μετάβαση στο περιεχόμενο
site-navigation = Εκπαιδευτικά προϊόντα
breadcrumbs = Διαδρομή πλοήγησης
home = Αρχική
menu = Μενού
on-this-page = Σε αυτή τη σελίδα
previous = Προηγούμενο
next = Επόμενο
language = Γλώσσα
not-translated = δεν έχει μεταφραστεί ακόμη
# $language: η γλώσσα του αναγνώστη, με το όνομά της στην ίδια τη γλώσσα (π.χ. «Ελληνικά»)· $original: η γλώσσα
# του κειμένου που εμφανίζεται (π.χ. «English»). Τα ονόματα μπαίνουν σε παρένθεση, ώστε η πρόταση να στέκει
# γραμματικά με οποιοδήποτε όνομα γλώσσας.
fallback-notice = Η σελίδα αυτή δεν έχει μεταφραστεί ακόμη στη γλώσσα σας ({ $language }). Διαβάζετε το πρωτότυπο κείμενο ({ $original }).
duration = Διάρκεια
duration-minutes = { $minutes ->
    [one] { $minutes } λεπτό
   *[other] { $minutes } λεπτά
}
audience = Κοινό-στόχος
eqf-level = Επίπεδο EQF
learning-outcomes = Μαθησιακά αποτελέσματα
outcomes-knowledge = Γνώσεις
outcomes-skills = Δεξιότητες
outcomes-responsibility-autonomy = Ευθύνη και αυτονομία
prerequisites = Πριν από αυτή την ενότητα
keywords = Λέξεις-κλειδιά
modules = Ενότητες
# $count: ο αριθμός των ενοτήτων ενός πνευματικού προϊόντος.
module-count = { $count ->
    [one] { $count } ενότητα
   *[other] { $count } ενότητες
}
licence = Άδεια χρήσης
not-found-title = Η σελίδα δεν βρέθηκε
not-found-text = Η σελίδα που αναζητήσατε δεν υπάρχει σε αυτή την έκδοση. Επιλέξτε γλώσσα για να ξεκινήσετε ξανά από την αρχική σελίδα.
choose-language = Επιλέξτε γλώσσα
alert-note = Σημείωση
alert-tip = Συμβουλή
alert-important = Σημαντικό
alert-warning = Προειδοποίηση
# Screen-reader text for a ticked checklist item.
task-done = ολοκληρώθηκε
alert-caution = Προσοχή

## Κοινό-στόχος (πεδίο `audience` του front matter)

audience-vet-teacher = Εκπαιδευτικοί ΕΕΚ
audience-in-company-trainer = Εκπαιδευτές στην επιχείρηση
audience-tutor = Καθοδηγητές
audience-mentor = Μέντορες
audience-school-leader = Διευθυντικά στελέχη σχολικών μονάδων
audience-wbl-coordinator = Συντονιστές μάθησης με βάση την εργασία
audience-company-manager = Στελέχη επιχειρήσεων και προσωπικό ανθρώπινου δυναμικού
audience-social-partner = Κοινωνικοί εταίροι
audience-policy-maker = Φορείς χάραξης πολιτικής και δημόσιες αρχές

## Επικαιρότητα μεταφράσεων και σελίδα κατάστασης

outdated-notice = Το πρωτότυπο ({ $original }) έχει αλλάξει μετά από αυτή τη μετάφραση.
unreviewed-notice = Αυτή η μετάφραση δεν έχει ελεγχθεί ακόμη από εταίρο του έργου.
read-original = Ανάγνωση του πρωτοτύπου
translation-status = Κατάσταση μεταφράσεων
status-intro = Ποιες σελίδες αυτής της έκδοσης υπάρχουν σε κάθε γλώσσα και αν κάθε μετάφραση είναι ενημερωμένη σε σχέση με το πρωτότυπο.
status-page = Σελίδα
status-totals = Σύνολα
state-source = πρωτότυπο
state-up-to-date = ενημερωμένη
state-outdated = παρωχημένη
state-unreviewed = χωρίς έλεγχο
state-in-progress = σε εξέλιξη
state-missing = δεν έχει μεταφραστεί
state-orphaned = ορφανή
translated-by = Μετάφραση: { $names }
reviewed-by = Η μετάφραση ελέγχθηκε από: { $name }, { $date }

## Εκδόσεις

version = Έκδοση
version-latest = τελευταία
version-fallback = Αυτή η σελίδα δεν υπάρχει στην έκδοση { $version }: ο σύνδεσμος ανοίγει τη σελίδα «{ $page }».
# Shown when the version switcher led to a parent page because the page is missing there.
version-gap = Η σελίδα από την οποία ήρθατε δεν υπάρχει σε αυτή την έκδοση. Αυτή είναι η πλησιέστερη σελίδα που υπάρχει.
old-version = Διαβάζετε την έκδοση { $version }, η οποία δεν είναι η τελευταία.
read-latest = Ανάγνωση της τελευταίας έκδοσης ({ $version })

## Αρχεία PDF για λήψη (στις σελίδες και μέσα στα PDF)

pdf-download = Λήψη PDF
pdf-download-output = Ολόκληρο το προϊόν σε ένα PDF
pdf-download-trainer = Έκδοση για εκπαιδευτές (PDF): πλάνο συνεδρίας, σημειώσεις και κείμενο
pdf-download-output-trainer = Ολόκληρο το προϊόν στην έκδοση για εκπαιδευτές
pdf-download-handout = Φυλλάδιο για συμμετέχοντες: { $title }
package-download-scorm = Πακέτο SCORM 1.2 για πλατφόρμες μάθησης (Moodle, ILIAS, Canvas)
offline-download = Αντίγραφο εκτός σύνδεσης αυτής της έκδοσης για στικάκι USB ή φορητό υπολογιστή: όλες οι σελίδες, τα PDF και η αναζήτηση
offline-open = Άνοιγμα των εκπαιδευτικών ενοτήτων
epub-download = Ηλεκτρονικό βιβλίο για tablet και συσκευές ανάγνωσης (EPUB 3)
epub-contents = Περιεχόμενα
epub-landmarks = Σημεία προσανατολισμού
epub-title-page = Σελίδα τίτλου
epub-start = Αρχή του περιεχομένου
epub-accessibility-summary = Αυτό το ηλεκτρονικό βιβλίο πληροί τις WCAG 2.1 επιπέδου AA: τα κεφάλαια και οι επικεφαλίδες ακολουθούν τη σειρά ανάγνωσης και περιλαμβάνονται στον πίνακα περιεχομένων, κάθε εικόνα έχει εναλλακτικό κείμενο και η γλώσσα κάθε κειμένου είναι σημειωμένη. Δεν περιέχει ήχο, βίντεο ή περιεχόμενο που αναβοσβήνει.
pdf-trainer-edition = Έκδοση για εκπαιδευτές
pdf-contents = Περιεχόμενα
pdf-page = Σελίδα
pdf-date = Ημερομηνία
pdf-about = Σχετικά με την έκδοση
pdf-project = Έργο
pdf-programme = Πρόγραμμα
pdf-project-number = Αριθμός έργου
pdf-authors = Συντάκτες
pdf-web-version = Ηλεκτρονική έκδοση
pdf-introduction = Εισαγωγή

## Footer

# Link to the accessibility statement (its text is in accessibility.ftl).
accessibility-statement = Δήλωση προσβασιμότητας
## Αναζήτηση και κατάλογος ενοτήτων

search-label = Αναζήτηση στις εκπαιδευτικές ενότητες
search-placeholder = Αναζήτηση ενοτήτων
search-button = Αναζήτηση
search-results = { $count ->
    [one] Ένα αποτέλεσμα για «{ $query }»
   *[other] { $count } αποτελέσματα για «{ $query }»
}
search-no-results = Κανένα αποτέλεσμα για «{ $query }»
search-catalogue-link = Όλες οι ενότητες στον κατάλογο
catalogue = Κατάλογος ενοτήτων
catalogue-title = Κατάλογος ενοτήτων
catalogue-intro = Όλες οι ενότητες αυτής της έκδοσης με το εκπαιδευτικό προϊόν στο οποίο ανήκουν, τη διάρκεια, το κοινό-στόχο και το επίπεδο EQF. Περιορίστε τον κατάλογο με τα φίλτρα.
catalogue-filters = Φίλτρα
catalogue-text = Λέξεις
catalogue-output = Εκπαιδευτικό προϊόν
catalogue-duration-min = Τουλάχιστον (λεπτά)
catalogue-duration-max = Το πολύ (λεπτά)
# Το όνομα της γλώσσας μπαίνει σε παρένθεση, όπως στο fallback-notice.
catalogue-my-language = Μόνο ενότητες διαθέσιμες στη γλώσσα σας ({ $language })
catalogue-apply = Εφαρμογή φίλτρων
catalogue-reset = Εμφάνιση όλων των ενοτήτων
catalogue-count = { $count ->
    [one] Μία ενότητα
   *[other] { $count } ενότητες
}
catalogue-no-match = Καμία ενότητα δεν ταιριάζει με αυτά τα φίλτρα.
catalogue-available-in = Διαθέσιμη σε
catalogue-noscript = Χωρίς JavaScript τα φίλτρα δεν περιορίζουν τον κατάλογο: παρακάτω εμφανίζονται όλες οι ενότητες.

# Η σελίδα του γλωσσαρίου: οι συμφωνημένοι όροι όλων των γλωσσών δίπλα δίπλα.
glossary = Γλωσσάριο
glossary-intro = Οι όροι που συμφώνησαν οι εταίροι του έργου για κάθε γλώσσα, δίπλα δίπλα: χρησιμοποιήστε τους στην κατάρτιση και στις μεταφράσεις.
glossary-also = επίσης
glossary-avoid = αποφύγετε
glossary-unsure = δεν έχει ελεγχθεί ακόμη με την επίσημη ορολογία της ΕΕ
glossary-none = κανένας συμφωνημένος όρος
glossary-sources = Πηγές

# The trainer's view of a module: activities, facilitation notes and the session plan.
trainer-view = Προβολή για εκπαιδευτές
trainer-view-intro = Για εκπαιδευτές και εκπαιδεύτριες: το πρόγραμμα της συνεδρίας, οι σημειώσεις διευκόλυνσης και τα υλικά αυτής της ενότητας.
learner-view = Σελίδα για συμμετέχοντες
trainer-note = Σημείωση για εκπαιδευτές
activity-materials = Υλικά
activity-handout = Φυλλάδιο για συμμετέχοντες
activity-minutes-unit = λεπ.
activity-format-individual = Ατομική εργασία
activity-format-pair = Εργασία σε ζεύγη
activity-format-group = Ομαδική εργασία
activity-format-plenary = Ολομέλεια
activity-format-presentation = Παρουσίαση
activity-format-role-play = Παιχνίδι ρόλων
session-plan = Πρόγραμμα συνεδρίας
session-plan-start = Έναρξη
session-plan-duration = Λεπτά
session-plan-activity = Δραστηριότητα
session-plan-format = Μορφή
session-plan-materials = Υλικά
catalogue-handouts = Μόνο ενότητες με φυλλάδια για συμμετέχοντες
catalogue-activities = Δραστηριότητες
session-plan-total = Δραστηριότητες: { $minutes } από { $duration } λεπτά
session-plan-programme = Πρόγραμμα
session-plan-break = Διάλειμμα
session-plan-programme-total = Συνολικά: { $minutes } λεπτά, μαζί με τα διαλείμματα
