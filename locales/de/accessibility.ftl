### Erklärung zur Barrierefreiheit (Deutsch), eine Seite je Version und Sprache.
###
### Aufbau nach der Mustererklärung zur Barrierefreiheit des Durchführungsbeschlusses (EU)
### 2018/1523 der Kommission; die Abschnittsüberschriften folgen dessen deutscher Fassung
### (nach unserem Wissen; nicht mit dem Text im Amtsblatt abgeglichen).
### Nur Text: kein HTML, kein Markup.

accessibility-title = Erklärung zur Barrierefreiheit
accessibility-summary = Wie barrierefrei diese Website ist, welche Inhalte noch nicht barrierefrei sind und wie Sie uns Barrieren melden können.
accessibility-commitment = Die Organisationen, die { $site } veröffentlichen, sind bemüht, diese Website im Einklang mit der Richtlinie (EU) 2016/2102 des Europäischen Parlaments und des Rates über den barrierefreien Zugang zu den Websites und mobilen Anwendungen öffentlicher Stellen, wie sie in nationales Recht umgesetzt wurde, barrierefrei zugänglich zu machen.
accessibility-scope = Diese Erklärung zur Barrierefreiheit gilt für die Website { $site }, Version { $version }, in allen ihren Sprachen.

accessibility-status-heading = Stand der Vereinbarkeit mit den Anforderungen
accessibility-status-full = Diese Website ist vollständig mit der harmonisierten europäischen Norm EN 301 549 und den Richtlinien für barrierefreie Webinhalte (WCAG) 2.1 auf Stufe AA vereinbar.
accessibility-status-partial = Diese Website ist wegen der folgenden Unvereinbarkeiten teilweise mit der harmonisierten europäischen Norm EN 301 549 und den Richtlinien für barrierefreie Webinhalte (WCAG) 2.1 auf Stufe AA vereinbar.
accessibility-status-none = Diese Website ist nicht mit der harmonisierten europäischen Norm EN 301 549 und den Richtlinien für barrierefreie Webinhalte (WCAG) 2.1 auf Stufe AA vereinbar. Die Unvereinbarkeiten sind unten aufgeführt.

accessibility-limitations-heading = Nicht barrierefreie Inhalte
accessibility-limitations-intro = Die nachstehend aufgeführten Inhalte sind aus den folgenden Gründen nicht oder nicht vollständig barrierefrei:
accessibility-limitations-none = Uns sind keine Inhalte dieser Website bekannt, die nicht barrierefrei sind.
accessibility-limitation-pdf = PDF-Dokumente: Die herunterladbaren PDF-Fassungen der Module und Projektergebnisse wurden noch nicht anhand der Anforderungen an PDF-Dokumente (EN 301 549, Abschnitt 10) geprüft. Tabellen, Abbildungen und die Lesereihenfolge werden assistiven Technologien möglicherweise nicht richtig vermittelt. Jedes PDF hat denselben Inhalt wie eine Seite dieser Website; diese ist die barrierefreie Fassung.
accessibility-limitation-figure-text = Abbildungen: Einige Diagramme sind Zeichnungen, die Text enthalten. Solange eine Abbildung noch nicht in Ihrer Sprache gezeichnet wurde, sind ihre Beschriftungen auch auf übersetzten Seiten englisch. Der Alternativtext jeder Abbildung beschreibt sie in Worten.

accessibility-preparation-heading = Erstellung dieser Erklärung zur Barrierefreiheit
accessibility-prepared = Diese Erklärung wurde am { $date } erstellt.
accessibility-method = Sie beruht auf einer Selbstbewertung durch das Projektteam: automatisierte Tests in einem echten Browser (axe-core) für jede Art von Seite in jeder Sprache sowie Tests der Bedienung mit der Tastatur, auf schmalen Bildschirmen und beim Drucken. Automatisierte Tests finden nur einen Teil aller Barrieren; die Website wurde noch nicht von unabhängigen Fachleuten bewertet oder mit Nutzerinnen und Nutzern assistiver Technologien getestet.

accessibility-feedback-heading = Feedback und Kontaktangaben
accessibility-feedback = Wenn Ihnen Barrieren auffallen, die hier nicht aufgeführt sind, oder wenn Sie Inhalte dieser Website in einem anderen Format benötigen, wenden Sie sich bitte an:
accessibility-no-contact = Diese Website veröffentlicht noch keine eigene Adresse für Rückmeldungen zur Barrierefreiheit. Bis dahin wenden Sie sich bitte an die Partnerorganisation des Projekts in Ihrem Land oder an die Organisation, über die Sie diese Materialien erhalten haben, und bitten Sie sie, Ihre Nachricht an das Projektteam weiterzuleiten.
accessibility-partners = Die Projektpartner sind:

accessibility-enforcement-heading = Durchsetzungsverfahren
accessibility-enforcement = Wenn Sie mit der Antwort auf Ihre Rückmeldung oder Anfrage nicht zufrieden sind, können Sie sich an die Stelle wenden, die in Ihrem Mitgliedstaat für die Durchsetzung der Richtlinie über den barrierefreien Zugang zu Websites öffentlicher Stellen zuständig ist.
accessibility-enforcement-link = Kontaktangaben der Durchsetzungsstelle

accessibility-date = { $day }. { $month ->
    [1] Januar
    [2] Februar
    [3] März
    [4] April
    [5] Mai
    [6] Juni
    [7] Juli
    [8] August
    [9] September
    [10] Oktober
    [11] November
   *[12] Dezember
} { $year }
